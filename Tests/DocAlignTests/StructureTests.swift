import Foundation
import Testing

@testable import DocAlign

@Suite struct StructureTests {
  static func reader() throws -> StructureReader {
    StructureReader(resources: try StructureResources(resources: Fixtures.resources()))
  }

  static func page(_ url: URL) throws -> PageStructure {
    try reader().read(page: Fixtures.document(url))
  }

  static func page(text: String) throws -> PageStructure {
    try reader().read(page: Fixtures.segmenter().segment(SourceText(name: "page.txt", text: text)))
  }

  /// The words of a name, as the shared scorer compares them.
  static func words(_ name: String) -> Set<String> {
    let spaced = String(name.lowercased().map { (c: Character) -> Character in c.isLetter || c.isNumber ? c : " " })
    return Set(spaced.split(separator: " ").map(String.init))
  }

  @Test func morningPageOutline() throws {
    let s = try Self.page(Fixtures.morningPage)
    #expect(s.parts.map(\.kind) == [.chrome, .title, .summary, .documentation, .fullText, .footer])
    #expect(s.sections.map(\.title) == [
      "Opening Statements", "Statements by the Moderator and Panellists", "Discussion",
      "Replies by the Panellists", "Discussion", "Concluding Remarks",
    ])
    #expect(s.sections.map(\.kind.rawValue) == [
      "opening-statements", "panel-statements", "discussion", "replies", "discussion", "concluding-remarks",
    ])
    let turnsPerSection = s.sections.map { section in s.turns.filter { $0.section == section.index }.count }
    #expect(turnsPerSection == [2, 5, 15, 4, 30, 6])
    // One identity, several turns: the panellists speak in statements, replies and conclusions.
    let allen = try #require(s.speakers.first { $0.name == "ERNIE ALLEN" })
    #expect(s.turns.filter { $0.speaker == allen.id }.count == 3)
    #expect(allen.role == .panellist)
    // The Discussion paragraphs split into their delegations.
    let discussion = s.turns.filter { $0.section == 2 }.map { s.speakers[$0.speaker].name }
    #expect(discussion.prefix(6) == ["European Union", "Kuwait", "South Africa", "Dominican Republic", "United States", "Estonia"])
    let kuwait = try #require(s.speakers.first { $0.name == "Kuwait" })
    #expect(kuwait.key == "KW" && kuwait.onBehalfOf == "group:arab" && kuwait.role == .delegation)
    // Joint statement: Save the Children International speaks with Plan International.
    let plan = try #require(s.turns.first { s.speakers[$0.speaker].name == "Plan International" })
    #expect(plan.jointSpeakers.map { s.speakers[$0].name } == ["Save the Children International"])
  }

  @Test(arguments: [
    ("hrc-2016-03-07-morning", Fixtures.morningPage), ("hrc-2016-03-07-afternoon", Fixtures.afternoonPage),
  ])
  func summaryMentionsResolveAsTheGoldSays(gold: String, page: URL) throws {
    let s = try Self.page(page)
    let lines = try String(contentsOf: Fixtures.fixtures.appendingPathComponent("gold/\(gold).gold.jsonl"), encoding: .utf8)
      .split(separator: "\n").dropFirst()
    var checked = 0
    for line in lines {
      let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      if record["kind"] as? String == "list" {
        for entity in record["entities"] as? [[String: Any]] ?? [] {
          let written = try #require(entity["zh"] as? String)
          let mention = try #require(s.mentions.filter { $0.isListItem && $0.text.contains(written) }.max { $0.text.count > $1.text.count })
          if let expected = entity["en"] as? String {
            let target = try #require(mention.speaker.map { s.speakers[$0].name }, "\(written) unresolved")
            let (a, b) = (Self.words(expected), Self.words(target))
            #expect(a.isSubset(of: b) || b.isSubset(of: a), "\(written) → \(target), want \(expected)")
          } else {
            #expect(mention.speaker == nil, "\(written) must stay unresolved")
          }
          checked += 1
        }
      }
    }
    #expect(checked >= (gold.hasSuffix("morning") ? 47 : 30))
  }

  @Test func morningListsResolveAllDelegationsAndLeaveDefenceForChildrenUnresolved() throws {
    let s = try Self.page(Fixtures.morningPage)
    let list = s.mentions.filter(\.isListItem)
    #expect(list.count == 47)
    #expect(list.filter { $0.speaker == nil }.map(\.text) == ["保护儿童国际运动(Defence for Children International)"])
    #expect(s.mentions.filter { !$0.isListItem }.count == 7)  // the seven panel speakers
  }

  @Test func speakerOfEachSummaryParagraphCarriesToPronounSentences() throws {
    let s = try Self.page(Fixtures.morningPage)
    let summary = s.summary
    let pronoun = try #require(summary.sentences.first { summary.text(of: $0) == "他表示,完全匿名是灾难的处方。" })
    let speaker = try #require(s.summarySpeakers[pronoun.index])
    #expect(s.speakers[speaker].name == "ERNIE ALLEN")
    let synthesis = try #require(summary.sentences.first { summary.text(of: $0).hasPrefix("在随后的讨论中") })
    #expect(s.summarySpeakers[synthesis.index] == nil)
  }

  @Test func afternoonPageOutline() throws {
    let s = try Self.page(Fixtures.afternoonPage)
    #expect(s.sections.map(\.kind.rawValue) == ["panel-statements", "interactive-dialogue", "replies", "interactive-debate", "concluding-remarks"])
    #expect(s.speakers.filter { $0.role == .panellist }.map(\.name) == [
      "MARTA SANTOS PAIS", "ANDRES FRANCO", "HAKON FOSTERVOLD HOYDAL", "MICHAEL MORAN", "BRITTANY SMITH", "GABY REYES",
    ])
    #expect(s.mentions.allSatisfy { $0.speaker != nil })
    #expect(s.part(.documentation) != nil)
  }

  /// A page in other shapes than the seeds: bullets in names, full-width brackets, a list with
  /// commas and "以及", Traditional Chinese, an unknown heading, a delegation speaking twice.
  static let syntheticPage = """
    人權理事會審議報告

    2024年5月2日

    聯合國兒童基金會執行主任凱瑟琳•拉塞爾（Catherine Russell）表示，兒童必須得到保護。 她指出，各國應加強合作。

    高級專員Volker Türk強調了國際法的重要性。

    以下國家在辯論期間發言：法國，代表歐盟的德國，巴西以及日本。

    Opening Remarks

    CATHERINE RUSSELL, Executive Director of the United Nations Children's Fund, said that children had to be protected. States should cooperate more closely.

    VOLKER TÜRK, United Nations High Commissioner for Human Rights, stressed the importance of international law.

    Exchange of Views

    France said that it supported the report.  Germany, speaking on behalf of the European Union, welcomed the report.  Brazil noted the progress made.

    Japan stated that more resources were needed.  France added that children must be heard.
    """

  @Test func pagesOfOtherShapes() throws {
    let s = try Self.page(text: Self.syntheticPage)
    #expect(s.sections.map(\.kind.rawValue) == ["opening-statements", "other"])
    #expect(s.sections.map(\.title) == ["Opening Remarks", "Exchange of Views"])
    let names = s.turns.map { s.speakers[$0.speaker].name }
    #expect(names == ["CATHERINE RUSSELL", "VOLKER TÜRK", "France", "Germany", "Brazil", "Japan", "France"])
    let france = try #require(s.speakers.first { $0.name == "France" })
    #expect(s.turns.filter { $0.speaker == france.id }.count == 2)  // one identity, two turns
    let resolved = s.mentions.map { ($0.text, $0.speaker.map { s.speakers[$0].name }) }
    #expect(resolved.contains { $0.0.contains("Catherine Russell") && $0.1 == "CATHERINE RUSSELL" })
    #expect(resolved.contains { $0.0 == "Volker Türk" && $0.1 == "VOLKER TÜRK" })
    let list = s.mentions.filter(\.isListItem).map { $0.speaker.map { s.speakers[$0].name } }
    #expect(list == ["France", "Germany", "Brazil", "Japan"])
    // "她指出" inherits the speaker of its paragraph.
    let pronoun = try #require(s.summary.sentences.first { s.summary.text(of: $0).hasPrefix("她指出") })
    #expect(s.summarySpeakers[pronoun.index].map { s.speakers[$0].name } == "CATHERINE RUSSELL")
  }

  @Test func pageWithoutStructureIsAClearError() throws {
    let text = "人权理事会今天开会。会议讨论了多个问题。\n\n理事会将于明天继续开会。"
    #expect {
      try Self.page(text: text)
    } throws: { error in
      "\(error)".contains("no full text found") && "\(error)".contains("two files")
    }
  }

  @Test func languageSwitchSplitsAPageWithoutKnownHeadings() throws {
    let text = """
      人权理事会今天上午开会。代表们讨论了儿童权利。

      Summary of the Day

      The Council met this morning. Delegates discussed the rights of the child.
      """
    let s = try Self.page(text: text)
    #expect(s.part(.summary)?.sentences == 0..<2)
    #expect(s.part(.fullText).map { s.fullText.text(of: s.fullText.sentences[$0.sentences.lowerBound]) } == "Summary of the Day")
  }

  @Test func summaryAndFullTextAsTwoFiles() throws {
    let segmenter = try Fixtures.segmenter()
    let page = try String(contentsOf: Fixtures.morningPage, encoding: .utf8)
    let boundary = try #require(page.range(of: "Opening Statements"))
    let summary = try segmenter.segment(SourceText(name: "summary.txt", text: String(page[..<boundary.lowerBound])))
    let fullText = try segmenter.segment(SourceText(name: "fulltext.txt", text: String(page[boundary.lowerBound...])))
    let s = try Self.reader().read(summary: summary, fullText: fullText)
    #expect(!s.isSinglePage)
    #expect(s.sections.count == 6)
    #expect(s.mentions.filter { $0.speaker != nil }.count == 53)
  }
}
