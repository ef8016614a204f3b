import Foundation
import Testing

@testable import DocAlign

/// The segmenter on the two real pages in Examples/.
@Suite struct SegmenterSeedTests {
  @Test func afternoonSummaryParagraphSplitsIntoItsSentences() throws {
    let document = try Fixtures.document(Fixtures.afternoonPage)
    let paragraph = try #require(
      document.paragraphs.first { document.text(of: $0).hasPrefix("Marta Santos Pais, Special") })
    #expect(document.sentences(in: paragraph).map { String(document.text(of: $0)) } == [
      "Marta Santos Pais, Special Representative of the Secretary-General on violence against children, who moderated the discussion, noted that the protection of children from online exploitation did not justify the suppression of their right to learn through the Internet.",
      "The issue of child online exploitation was a multidimensional problem that required a multifaceted response.",
      "It was important to have in place a strong criminal justice system and reporting mechanisms for children at risk.",
      "There was a need for a safe and inclusive digital environment for all children, and national and international authorities, the private sector, media, schools, parents and children all had to be involved in the process.",
    ])
    #expect(paragraph.language == .english)
  }

  @Test func honorificsDoNotEndSentences() throws {
    let document = try Fixtures.document(Fixtures.morningPage)
    let texts = document.sentences.map { String(document.text(of: $0)) }
    let allen = try #require(texts.first { $0.hasPrefix("Mr. Allen encouraged") })
    #expect(allen.hasSuffix("."))
    #expect(!texts.contains("Mr."))
    #expect(!texts.contains { $0.hasSuffix(" Mr.") || $0.hasSuffix(" Ms.") })
  }

  @Test func lineBreakInsideAParagraphDoesNotEndTheSentence() throws {
    let document = try Fixtures.document(Fixtures.afternoonPage)
    let wrapped = try #require(
      document.sentences.first { document.text(of: $0).contains("said that\nit was easy") })
    #expect(wrapped.kind == .sentence)
    #expect(document.text(of: wrapped).hasPrefix("HAKON FOSTERVOLD HOYDAL"))
  }

  @Test func headingLinesAreHeadings() throws {
    let morning = try Fixtures.document(Fixtures.morningPage)
    let headings = Set(morning.sentences.filter { $0.kind == .heading }.map { String(morning.text(of: $0)) })
    for heading in [
      "Opening Statements", "Statements by the Moderator and Panellists", "Discussion",
      "Replies by the Panellists", "Concluding Remarks", "文件", "2016年3月7日", "上午",
      "人权理事会召开年度全天会议",
    ] {
      #expect(headings.contains(heading), "\(heading)")
    }
    let afternoon = try Fixtures.document(Fixtures.afternoonPage)
    let afternoonHeadings = afternoon.sentences.filter { $0.kind == .heading }.map {
      String(afternoon.text(of: $0))
    }
    for heading in [
      "07 March 2016", "AFTERNOON", "Documentation", "Statements by the Moderator and the Panellists",
      "Interactive Dialogue", "Replies by the Panellists", "Interactive Debate", "Concluding Remarks",
    ] {
      #expect(afternoonHeadings.contains(heading), "\(heading)")
    }
    // No sentence of the full text is taken for a heading.
    #expect(!afternoonHeadings.contains { $0.hasSuffix(".") })
  }

  @Test func everyChineseSummaryParagraphSplitsAtEachFullStop() throws {
    let document = try Fixtures.document(Fixtures.morningPage)
    let chinese = document.paragraphs.filter { $0.language == .chinese }
    #expect(chinese.count >= 15)
    var checked = 0
    for paragraph in chinese {
      let text = document.text(of: paragraph)
      let stops = text.filter { $0 == "。" }.count
      guard stops > 0 else { continue }
      let units = document.sentences(in: paragraph)
      #expect(units.count == stops, "\(text.prefix(30))")
      for unit in units {
        let unitText = document.text(of: unit)
        #expect(unitText.hasSuffix("。"))
        #expect(unitText.filter { $0 == "。" }.count == 1)
      }
      checked += 1
    }
    #expect(checked >= 14)
  }

  @Test func languagesPerParagraph() throws {
    let document = try Fixtures.document(Fixtures.morningPage)
    let organisations = try #require(
      document.paragraphs.first { document.text(of: $0).hasPrefix("地球社国际联合会") })
    #expect(organisations.language == .chinese)  // Latin names in brackets stay Chinese
    let opening = try #require(document.paragraphs.first { document.text(of: $0) == "Opening Statements" })
    #expect(opening.language == .english)
    let footer = try #require(document.paragraphs.first { document.text(of: $0) == "__________" })
    // The whole English full text, up to the footer rule, is English.
    #expect(document.paragraphs[opening.index..<footer.index].allSatisfy { $0.language == .english })
    #expect(opening.index > 20)
  }

  @Test(arguments: [Fixtures.morningPage, Fixtures.afternoonPage])
  func offsetsPointBackIntoTheInput(page: URL) throws {
    let document = try Fixtures.document(page)
    #expect(document.sentences.count > 100)
    for sentence in document.sentences {
      #expect(document.scalarSlice(sentence.start, sentence.end) == String(document.text(of: sentence)))
    }
    for paragraph in document.paragraphs {
      #expect(document.scalarSlice(paragraph.start, paragraph.end) == String(document.text(of: paragraph)))
    }
    // Units are in order, do not overlap, and hold no leading or trailing white space.
    for (a, b) in zip(document.sentences, document.sentences.dropFirst()) { #expect(a.end <= b.start) }
    #expect(document.sentences.allSatisfy { s in
      let t = document.text(of: s)
      return !(t.first?.isWhitespace ?? true) && !(t.last?.isWhitespace ?? true)
    })
  }

  /// A line holding only a no-break space (or other Unicode spaces) ends a paragraph, as a blank
  /// line does; a no-break space inside a line does not.
  @Test func noBreakSpaceLinesSeparateParagraphs() throws {
    let segmenter = try Fixtures.segmenter()
    let text = "First paragraph, line one\nand line two.\n\u{00A0}\nSecond paragraph.\n \u{00A0} \u{3000}\nThird\u{00A0}paragraph here.\n"
    let document = try segmenter.segment(SourceText(name: "nbsp", text: text), language: .english)
    #expect(document.paragraphs.map { String(document.text(of: $0)) } == [
      "First paragraph, line one\nand line two.", "Second paragraph.", "Third\u{00A0}paragraph here.",
    ])
  }

  /// On the afternoon page (whose paragraphs are separated by such lines) no paragraph runs over
  /// one of them.
  @Test func noParagraphOfTheAfternoonPageSpansANoBreakSpaceLine() throws {
    let document = try Fixtures.document(Fixtures.afternoonPage)
    let scalars = Array(document.source.text.unicodeScalars)
    var separators: [Int] = []  // scalar offsets of the U+00A0 of each lone-NBSP line
    for i in scalars.indices where scalars[i] == "\u{00A0}" {
      if (i == 0 || scalars[i - 1] == "\n") && (i + 1 == scalars.count || scalars[i + 1] == "\n") { separators.append(i) }
    }
    #expect(separators.count > 10)
    for offset in separators {
      #expect(!document.paragraphs.contains { $0.start <= offset && offset < $0.end }, "paragraph over offset \(offset)")
    }
    #expect(document.paragraphs.count > separators.count)
  }
}
