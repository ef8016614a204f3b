import Foundation
import Testing

@testable import DocAlign

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct AlignmentTests {
  static func pipeline() throws -> (Segmenter, StructureReader, SummaryAligner) {
    let resources = try Fixtures.resources()
    let structure = try StructureResources(resources: resources)
    let aligner = SummaryAligner(
      lexicon: try Lexicon(resources: resources), english: try EnglishWords(resources: resources), structure: structure)
    return (try Segmenter(resources: resources), StructureReader(resources: structure), aligner)
  }

  static func jsonl(_ bitext: Bitext, locales: (String, String) = ("zh-CN", "en-US")) throws -> String {
    try AlignmentWriter(format: .jsonl, options: .init(sourceLocale: locales.0, targetLocale: locales.1)).string(bitext)
  }

  @Test(arguments: [
    (Fixtures.morningPage, "hrc-2016-03-07-morning"), (Fixtures.afternoonPage, "hrc-2016-03-07-afternoon"),
  ])
  func seedPagesMeetTheTargets(page: URL, gold: String) throws {
    let (segmenter, reader, aligner) = try Self.pipeline()
    let document = try segmenter.segment(SourceText(contentsOf: page.path))
    let bitext = aligner.align(try reader.read(page: document))
    let figures = try SummaryEvaluation(
      document: document.source.text,
      gold: String(contentsOf: Fixtures.fixtures.appendingPathComponent("gold/\(gold).gold.jsonl"), encoding: .utf8),
      alignment: try Self.jsonl(bitext))
    print("\(gold): \(figures.json)")
    #expect(figures.linkF1 >= 0.90)
    #expect((figures.exact ?? 0) >= 0.80)
    #expect((figures.nullAccuracy ?? 0) >= 0.90)
    #expect((figures.speakerAccuracy ?? 0) >= 0.90)
    #expect(figures.listPrecision >= 0.95)
    #expect((figures.listRecall ?? 0) >= 0.95)
    #expect(figures.unlocated == 0)
    #expect(figures.goldSentencesNotInDocument == 0)
  }

  @Test func everySummarySentenceIsInExactlyOneUnit() throws {
    let (segmenter, reader, aligner) = try Self.pipeline()
    for page in [Fixtures.morningPage, Fixtures.afternoonPage] {
      let structure = try reader.read(page: segmenter.segment(SourceText(contentsOf: page.path)))
      let bitext = aligner.align(structure)
      let sources = bitext.units.flatMap(\.source)
      #expect(Set(sources).count == sources.count)
      for index in structure.summarySentences { #expect(sources.contains(index)) }
      // No unit links into the summary part of the page, and targets lie in the full text.
      #expect(bitext.units.flatMap(\.target).allSatisfy { structure.fullTextSentences.contains($0) })
      // No-counterpart sentences stay unaligned: title block, documentation.
      for part in [PagePart.Kind.title, .documentation] {
        let range = try #require(structure.part(part)).sentences
        #expect(bitext.units.filter { $0.source.contains(where: range.contains) }.allSatisfy { !$0.isAligned })
      }
    }
  }

  @Test func aPageThatIsNotASeed() throws {
    let (segmenter, reader, aligner) = try Self.pipeline()
    let page = """
      人权理事会审议儿童问题

      联合国儿童基金会执行主任凯瑟琳·拉塞尔（Catherine Russell）表示，全世界有1500万儿童失学。  她指出，各国应当增加教育投资。

      理事会将于明天上午10点继续开会。

      Opening Statements

      CATHERINE RUSSELL, Executive Director of the United Nations Children's Fund, said that the organization worked in 190 countries.  Around the world, 15 million children were out of school.  States should increase their investment in education, she said.  The weather in Geneva was pleasant.
      """
    let structure = try reader.read(page: segmenter.segment(SourceText(name: "page.txt", text: page)))
    let bitext = aligner.align(structure)
    func target(of prefix: String) -> [String] {
      guard let unit = bitext.units.first(where: { bitext.source.text(of: bitext.source.sentences[$0.source[0]]).hasPrefix(prefix) })
      else { return ["<missing>"] }
      return unit.target.map { String(bitext.target.text(of: bitext.target.sentences[$0])) }
    }
    #expect(target(of: "联合国儿童基金会") == ["Around the world, 15 million children were out of school."])
    #expect(target(of: "她指出") == ["States should increase their investment in education, she said."])
    #expect(target(of: "理事会将于明天") == [])
    let linked = bitext.units.first { $0.isAligned }
    #expect(linked?.speakerTarget == "CATHERINE RUSSELL")
    #expect(linked?.section == "Opening Statements")
  }

  @Test func chineseConceptsIncludeNumbersAndLatinTokens() throws {
    let resources = try Fixtures.resources()
    let extractor = ConceptExtractor(lexicon: try Lexicon(resources: resources), english: try EnglishWords(resources: resources))
    let words = Set(extractor.concepts("国际电信联盟在2008年启动了项目，17个国家和WePROTECT参与，十七名代表出席。", language: .chinese)
      .flatMap(\.alternatives))
    #expect(words.isSuperset(of: ["2008", "17", "weprotect"]))
    #expect(words.contains(EnglishWords.stem("telecommunications")))
    #expect(ConceptExtractor.chineseNumber(Array("一百二十三"), at: 0)?.0 == 123)
    #expect(ConceptExtractor.chineseNumber(Array("两万"), at: 0)?.0 == 20000)
  }

  @Test func stemmingMeetsBothSides() {
    #expect(EnglishWords.stem("children") == EnglishWords.stem("child"))
    #expect(EnglishWords.stem("organised") == EnglishWords.stem("organized"))
    #expect(EnglishWords.stem("technologies") == EnglishWords.stem("technology"))
    #expect(EnglishWords.stem("protected") == EnglishWords.stem("protecting"))
  }
}

@Suite struct WriterTests {
  static let hostile = "Tom & Jerry <b>\"quoted\"</b> 'single'\tTab\nNew line\u{2028}LS\u{2029}PS\u{0B}VT \u{7F}DEL 😀 emoji"

  @Test func xmlEscapingRemovesWhatXMLForbids() {
    let escaped = AlignmentWriter.xmlEscaped(Self.hostile)
    #expect(escaped.contains("Tom &amp; Jerry &lt;b&gt;\"quoted\"&lt;/b&gt; 'single'\tTab\nNew line"))
    #expect(!escaped.contains("\u{0B}") && !escaped.contains("\u{7F}"))
    #expect(escaped.contains("😀"))
    #expect(AlignmentWriter.xmlEscaped("a\"b", attribute: true) == "a&quot;b")
  }

  @Test func tsvFieldsHoldNoSeparators() {
    // Tab, LF, U+2028, U+2029, VT become one space each; CRLF one space; DEL is dropped;
    // everything else (markup, quotes, emoji) is kept as it is.
    let field = AlignmentWriter.tsvField(Self.hostile + "\r\nend")
    #expect(field == "Tom & Jerry <b>\"quoted\"</b> 'single' Tab New line LS PS VT DEL 😀 emoji end")
    #expect(AlignmentWriter.tsvField("a\rb\u{85}c\u{0C}d\u{01}e") == "a b c de")
  }

  /// A small bilingual page whose sentences carry markup-like text; its TMX must parse as XML,
  /// keep every character of the segments, and hold two <tuv> per <tu>.
  @Test func tmxOfHostileTextParses() throws {
    let (segmenter, reader, aligner) = try AlignmentTests.pipeline()
    let page = """
      标题

      凯瑟琳·拉塞尔（Catherine Russell）表示，儿童&教育<b>“必须”</b>得到保护😀。

      Opening Statements

      CATHERINE RUSSELL, Executive Director, said that children & education <b>"must"</b> be protected 😀.
      """
    let bitext = aligner.align(try reader.read(page: segmenter.segment(SourceText(name: "p", text: page))))
    let data = try AlignmentWriter(format: .tmx, options: .init(sourceLocale: "zh-CN", targetLocale: "en-US")).data(bitext)
    #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: data, as: UTF8.self)
    #expect(!text.contains("DOCTYPE"))
    #expect(text.contains("srclang=\"zh-CN\"") && text.contains("segtype=\"sentence\""))
    final class Collector: NSObject, XMLParserDelegate {
      var segments: [String] = []
      var current: String? = nil
      var tuvsPerTU: [Int] = []
      func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "seg" { current = "" }
        if name == "tu" { tuvsPerTU.append(0) }
        if name == "tuv" { tuvsPerTU[tuvsPerTU.count - 1] += 1 }
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
      func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "seg", let current { segments.append(current) }
        if name == "seg" { current = nil }
      }
    }
    let collector = Collector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(collector.tuvsPerTU == [2])
    #expect(collector.segments.contains("凯瑟琳·拉塞尔（Catherine Russell）表示，儿童&教育<b>“必须”</b>得到保护😀。"))
  }

  /// Every writer writes the same bytes to a file, a `String`, `Data` and a `TextOutputStream`.
  @Test func writersWriteToFilesStringsDataAndStreams() throws {
    let runner = JobRunner(resources: ResourceSet(directory: try Fixtures.resources()))
    let result = try runner.run(AlignmentJob(id: "morning", source: .file(Fixtures.morningPage.path)))
    let report = try #require(result.coverageReport)
    let structure = try #require(result.structure)
    func check<W: OutputWriter>(_ writer: W, _ value: W.Value) throws {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("docalign-\(UUID().uuidString).out").path
      defer { try? FileManager.default.removeItem(atPath: path) }
      let sink = try OutputSink(path: path)
      try writer.write(value, to: sink)
      try sink.finish()
      let file = try Data(contentsOf: URL(fileURLWithPath: path))
      #expect(file.count > 100)
      let text = try writer.string(value)
      #expect(Data(text.utf8) == file)
      #expect(try writer.data(value) == file)
      var stream = "before\n"
      try writer.write(value, to: &stream)
      #expect(stream == "before\n" + text)
    }
    let options = AlignmentWriter.Options(sourceLocale: "zh-CN", targetLocale: "en-US")
    for format in AlignmentWriter.Format.allCases { try check(AlignmentWriter(format: format, options: options), result.bitext) }
    for format in SegmentationWriter.Format.allCases { try check(SegmentationWriter(format: format), result.bitext.source) }
    for format in StructureWriter.Format.allCases { try check(StructureWriter(format: format), structure) }
    for format in CoverageWriter.Format.allCases { try check(CoverageWriter(format: format), report) }
  }

  @Test func tmxNeedsTwoLanguages() throws {
    let (segmenter, reader, aligner) = try AlignmentTests.pipeline()
    let bitext = aligner.align(try reader.read(page: segmenter.segment(SourceText(contentsOf: Fixtures.afternoonPage.path))))
    #expect(throws: DocAlignError.self) {
      try AlignmentWriter(format: .tmx, options: .init(sourceLocale: "en-US", targetLocale: "en-US"))
        .write(bitext, to: MemorySink())
    }
  }
}
