import Foundation
import Testing

@testable import DocAlign

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Release mode on the two test releases of `Fixtures/release` (see its README) and on small
/// constructed pages.
@Suite struct ReleaseTests {
  static let release = Fixtures.fixtures.appendingPathComponent("release")
  static let afternoonZh = release.appendingPathComponent("hrc-2016-03-07-afternoon.zh-summary.en-fulltext.txt")
  static let afternoonZhSummaryOnly = release.appendingPathComponent("hrc-2016-03-07-afternoon.zh-summary-only.txt")
  static let morningEn = release.appendingPathComponent("hrc-2016-03-07-morning.en.txt")

  /// One resource set for all tests (the lexicon is loaded once).
  static let resources: ResourceSet? = try? ResourceSet(directory: Fixtures.resources())

  /// (page A, page B, gold with A as source)
  static let pairs: [(URL, URL, String)] = [
    (Fixtures.afternoonPage, afternoonZh, "afternoon.en-to-zh.gold.jsonl"),
    (afternoonZh, Fixtures.afternoonPage, "afternoon.zh-to-en.gold.jsonl"),
    (Fixtures.morningPage, morningEn, "morning.zh-to-en.gold.jsonl"),
    (morningEn, Fixtures.morningPage, "morning.en-to-zh.gold.jsonl"),
  ]

  static func run(_ a: JobInput, _ b: JobInput, mode: AlignmentMode = .release, pivot: Bool = true) throws -> JobResult {
    var job = AlignmentJob(id: "release", source: a, target: b, mode: mode)
    job.usePivot = pivot
    return try JobRunner(resources: #require(resources)).run(job)
  }

  static func run(_ a: URL, _ b: URL, pivot: Bool = true) throws -> JobResult {
    try run(.file(a.path), .file(b.path), pivot: pivot)
  }

  static func write(_ result: JobResult, _ format: AlignmentWriter.Format, minScore: Double? = nil, condensations: Bool = false) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("docalign-release-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var options = result.releaseWriterOptions
    options.minScore = minScore
    options.includeCondensations = condensations
    let sink = try OutputSink(path: path)
    try ReleaseWriter(format: format, options: options).write(#require(result.release), to: sink)
    try sink.finish()
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  static func objects(_ jsonl: String) throws -> [[String: Any]] {
    try jsonl.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
  }

  /// The JSONL's translation units only, leaving out aligned units below `minScore` (what
  /// `Scripts/release_translations.py` does before the shared scorer).
  static func translations(_ jsonl: String, minScore: Double) throws -> String {
    try jsonl.split(separator: "\n").filter { line in
      let unit = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      guard unit["relation"] as? String == "translation" else { return false }
      let aligned = !((unit["source"] as? [Any]) ?? []).isEmpty && !((unit["target"] as? [Any]) ?? []).isEmpty
      return !aligned || (unit["score"] as? Double ?? 0) >= minScore
    }.joined(separator: "\n") + "\n"
  }

  static func figures(_ a: URL, _ b: URL, gold: String, pivot: Bool, minScore: Double = 0.2) throws -> SummaryEvaluation {
    let result = try run(a, b, pivot: pivot)
    return try SummaryEvaluation(
      document: String(contentsOf: a, encoding: .utf8), targetDocument: String(contentsOf: b, encoding: .utf8),
      gold: String(contentsOf: release.appendingPathComponent(gold), encoding: .utf8),
      alignment: translations(write(result, .jsonl), minScore: minScore))
  }

  @Test(arguments: pairs.map { ($0.0, $0.1) })
  func everySummarySideSentenceIsInExactlyOneTranslationUnit(a: URL, b: URL) throws {
    let alignment = try #require(try Self.run(a, b).release)
    let sources = alignment.translations.flatMap(\.unit.source)
    let targets = alignment.translations.flatMap(\.unit.target)
    #expect(sources.sorted() == Array(alignment.pageA.summarySide))
    #expect(targets.sorted() == Array(alignment.pageB.summarySide))
    // Both pages carry a full text: the summary side ends where it starts, and every
    // condensation link points into it.
    for page in [alignment.pageA, alignment.pageB] {
      #expect(page.summarySide.upperBound == page.structure.fullTextSentences.lowerBound)
      let links = try #require(page.condensation).units.filter(\.isAligned)
      #expect(!links.isEmpty)
      #expect(links.flatMap(\.target).allSatisfy { page.structure.fullTextSentences.contains($0) })
    }
    // The same English full text: nearly every sentence of A's is matched in B's, in order.
    let matched = alignment.fullTextMatch.sorted { $0.key < $1.key }
    #expect(Double(matched.count) >= 0.95 * Double(alignment.pageA.structure.fullTextSentences.count))
    #expect(zip(matched, matched.dropFirst()).allSatisfy { $0.value < $1.value })
    // The page chrome ("Skip to main content", on both pages) is never a pair.
    #expect(alignment.translations.filter { $0.unit.source == [0] || $0.unit.target == [0] }.allSatisfy { !$0.unit.isAligned })
  }

  @Test func jsonlNamesRelationsAndTheFilesSpansPointInto() throws {
    let result = try Self.run(Fixtures.afternoonPage, Self.afternoonZh)
    let texts = [
      Fixtures.afternoonPage.path: Array(try String(contentsOf: Fixtures.afternoonPage, encoding: .utf8).unicodeScalars),
      Self.afternoonZh.path: Array(try String(contentsOf: Self.afternoonZh, encoding: .utf8).unicodeScalars),
    ]
    var relations: [String: Int] = [:]
    var pivots: [String: Int] = [:]
    for unit in try Self.objects(Self.write(result, .jsonl)) {
      let relation = try #require(unit["relation"] as? String)
      relations[relation, default: 0] += 1
      let sourceFile = try #require(unit["source_file"] as? String), targetFile = try #require(unit["target_file"] as? String)
      if relation == "translation" {
        #expect(sourceFile == Fixtures.afternoonPage.path && targetFile == Self.afternoonZh.path)
        pivots[try #require(unit["pivot"] as? String), default: 0] += 1
      } else {
        #expect(relation == "condensation")
        #expect(sourceFile == targetFile)
        #expect(unit["pivot"] is NSNull)
      }
      // Every span's offsets slice its text out of the file the unit names.
      for (key, file) in [("source", sourceFile), ("target", targetFile)] {
        let scalars = try #require(texts[file])
        for span in try #require(unit[key] as? [[String: Any]]) {
          let start = try #require(span["start"] as? Int), end = try #require(span["end"] as? Int)
          #expect(String(String.UnicodeScalarView(scalars[start..<end])) == span["text"] as? String)
        }
      }
    }
    #expect((relations["translation"] ?? 0) > 30 && (relations["condensation"] ?? 0) > 30)
    #expect(relations.keys.sorted() == ["condensation", "translation"])
    #expect((pivots["confirmed"] ?? 0) >= 15)
  }

  /// With `--min-score 0.2` (the bar the README documents for release mode), on both test releases both ways:
  /// the pivot never lowers precision, recall or null accuracy, and raises precision overall.
  @Test func thePivotRaisesPrecisionWithoutLosingRecall() throws {
    var gain = 0.0
    for (a, b, gold) in Self.pairs {
      let without = try Self.figures(a, b, gold: gold, pivot: false)
      let with = try Self.figures(a, b, gold: gold, pivot: true)
      print("\(gold): without pivot \(without.json); with pivot \(with.json)")
      #expect(with.linkPrecision >= without.linkPrecision, "\(gold)")
      #expect(with.linkRecall >= without.linkRecall, "\(gold)")
      #expect((with.nullAccuracy ?? 0) >= (without.nullAccuracy ?? 0), "\(gold)")
      #expect(with.unlocated == 0 && with.goldSentencesNotInDocument == 0)
      gain += with.linkPrecision - without.linkPrecision
      // Every translation unit kept (no bar): the pairs are right.
      let all = try Self.figures(a, b, gold: gold, pivot: true, minScore: 0)
      #expect(all.linkF1 >= 0.9 && all.linkRecall >= 0.95, "\(gold): \(all.json)")
    }
    #expect(gain > 0.02)
  }

  /// A constructed release: the Chinese editor replaced the English summary's second point
  /// (farmers) by another one of the same speaker (schools). The two sentences end up paired by
  /// position; their full-text sentences differ, so the pivot demotes the pair.
  static let contradictedA = """
    Council discusses water and farming

    GENEVA (1 May 2020) - The Council this morning held a panel discussion on water and farming.

    John Smith, Director of the Water Office, said that rivers across the region were polluted by factories and mines.  Farmers needed cheap seeds and better loans to survive the drought.

    """
  static let contradictedB = """
    理事会讨论水和农业问题

    日内瓦(2020年5月1日)——理事会今天上午举行了关于水和农业的小组讨论。

    水务办公室主任约翰·史密斯(John Smith)表示,该地区的河流受到工厂和矿山的污染。  学校应该教育儿童了解清洁的水和卫生。

    """
  static let contradictedFullText = """
    Opening Statements

    JOHN SMITH, Director of the Water Office, said that rivers across the region were polluted by factories and mines.  Farmers needed cheap seeds and better loans to survive the drought.  Schools should teach children about clean water and hygiene.

    """

  @Test func thePivotDemotesAPairCondensingDifferentSentences() throws {
    let a = JobInput.text(Self.contradictedA + "\n\n" + Self.contradictedFullText, name: "a.txt")
    let b = JobInput.text(Self.contradictedB + "\n\n" + Self.contradictedFullText, name: "b.txt")
    let with = try Self.run(a, b)
    let alignment = try #require(with.release)
    let pair = try #require(alignment.translations.first { $0.unit.source == [3] })
    #expect(pair.unit.target == [3])
    #expect(pair.pivot == .contradicted)
    #expect(abs(pair.unit.score - pair.parallelScore * 0.25) < 1e-9)
    // The other pair of the paragraph condenses the same full-text sentence: confirmed, score kept.
    let confirmed = try #require(alignment.translations.first { $0.unit.source == [2] })
    #expect(confirmed.pivot == .confirmed && confirmed.unit.target == [2] && confirmed.unit.score == confirmed.parallelScore)
    // --min-score drops the demoted pair from TSV and TMX; without the pivot the same bar keeps it.
    let bar = pair.parallelScore / 2
    let farmers = "Farmers needed cheap seeds"
    #expect(!(try Self.write(with, .tsv, minScore: bar)).contains(farmers))
    #expect(!(try Self.write(with, .tmx, minScore: bar)).contains(farmers))
    let without = try Self.run(a, b, pivot: false)
    #expect(try Self.write(without, .tsv, minScore: bar).contains(farmers))
    #expect(without.release?.translations.allSatisfy { $0.pivot == .none } == true)
  }

  @Test func aSummaryOnlyPageIsAccepted() throws {
    // Structure reading refuses the page on its own …
    let document = try Fixtures.document(Self.afternoonZhSummaryOnly)
    let reader = StructureReader(resources: try StructureResources(resources: Fixtures.resources()))
    #expect(throws: DocAlignError.self) { try reader.read(page: document) }
    // … release mode takes it: every sentence is summary side, no condensation, no pivot.
    let result = try Self.run(Fixtures.afternoonPage, Self.afternoonZhSummaryOnly)
    let alignment = try #require(result.release)
    #expect(!alignment.pageB.hasFullText && alignment.pageA.hasFullText)
    #expect(alignment.pageB.summarySide == 0..<document.sentences.count)
    #expect(alignment.translations.flatMap(\.unit.target).sorted() == Array(0..<document.sentences.count))
    #expect(alignment.translations.allSatisfy { $0.pivot == .none })
    #expect(alignment.pageB.summaryLanguage == .chinese)
    // The translation pairs are as good as with the whole page (the gold's texts are in it).
    let figures = try SummaryEvaluation(
      document: String(contentsOf: Fixtures.afternoonPage, encoding: .utf8),
      targetDocument: String(contentsOf: Self.afternoonZhSummaryOnly, encoding: .utf8),
      gold: String(contentsOf: Self.release.appendingPathComponent("afternoon.en-to-zh.gold.jsonl"), encoding: .utf8),
      alignment: Self.translations(Self.write(result, .jsonl), minScore: 0))
    #expect(figures.linkF1 >= 0.9 && figures.linkRecall >= 0.95 && figures.unlocated == 0, "\(figures.json)")
  }

  @Test func autoModeChoosesReleaseForTwoPagesInDifferentLanguages() throws {
    #expect(try Self.run(.file(Fixtures.afternoonPage.path), .file(Self.afternoonZh.path), mode: .auto).mode == .release)
    #expect(try Self.run(.file(Fixtures.morningPage.path), .file(Self.morningEn.path), mode: .auto).mode == .release)
    // Not for a page and a summary-only page (no full text on one side: the two-file rules
    // apply), nor for the same page twice (one summary language).
    #expect(try Self.run(.file(Fixtures.afternoonPage.path), .file(Self.afternoonZhSummaryOnly.path), mode: .auto).mode != .release)
    #expect(try Self.run(.file(Fixtures.afternoonPage.path), .file(Fixtures.afternoonPage.path), mode: .auto).mode != .release)
  }

  @Test func tmxHoldsTranslationsAndOnDemandCrossLanguageCondensations() throws {
    let result = try Self.run(Fixtures.afternoonPage, Self.afternoonZh)
    let alignment = try #require(result.release)
    let plain = try Self.write(result, .tmx)
    let aligned = alignment.translations.filter(\.unit.isAligned).count
    #expect(plain.components(separatedBy: "<tu ").count - 1 == aligned)
    #expect(plain.components(separatedBy: "<prop type=\"x-relation\">translation</prop>").count - 1 == aligned)
    #expect(!plain.contains("condensation"))
    let full = try Self.write(result, .tmx, condensations: true)
    // Page B's zh → en links come in, marked, with their own srclang; page A's en → en do not.
    let zhLinks = try #require(alignment.pageB.condensation).units.filter(\.isAligned).count
    #expect(full.components(separatedBy: "<prop type=\"x-relation\">condensation</prop>").count - 1 == zhLinks)
    #expect(full.components(separatedBy: "<tu tuid=\"B-").count - 1 == zhLinks)
    #expect(!full.contains("<tu tuid=\"A-"))
    #expect(full.contains("srclang=\"zh-CN\">"))
    let document = try XMLDocument(data: Data(full.utf8))
    #expect(try document.nodes(forXPath: "//tu").count == aligned + zhLinks)
    #expect(try document.nodes(forXPath: "//tu[count(tuv) != 2]").isEmpty)
  }

  @Test func fullTextsAreMatchedByTextInOrder() {
    let pairs = [(0, 5), (1, 2), (2, 6), (3, 7), (4, 1)]
    #expect(ReleaseAligner.longestIncreasingChain(pairs).map(\.1) == [2, 6, 7])
    #expect(ReleaseAligner.longestIncreasingChain([]).isEmpty)
  }
}
