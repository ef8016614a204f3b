import Foundation
import Testing

@testable import DocAlign

@Suite struct ParallelAlignerTests {
  static let folder = Fixtures.fixtures.appendingPathComponent("parallel")

  static func beads(_ source: String, _ target: String) throws -> [String] {
    let resources = try Fixtures.resources()
    let segmenter = try Segmenter(resources: resources)
    let aligner = ParallelAligner(lexicon: try Lexicon(resources: resources), english: try EnglishWords(resources: resources))
    let zh = segmenter.lines(of: try SourceText(contentsOf: folder.appendingPathComponent(source).path))
    let en = segmenter.lines(of: try SourceText(contentsOf: folder.appendingPathComponent(target).path))
    let bitext = aligner.align(source: zh, target: en)
    // Monotone, and every sentence of both sides in exactly one bead.
    #expect(bitext.units.flatMap(\.source) == Array(0..<zh.sentences.count))
    #expect(bitext.units.flatMap(\.target) == Array(0..<en.sentences.count))
    return bitext.units.map { "[\($0.source.map(String.init).joined(separator: ","))]:[\($0.target.map(String.init).joined(separator: ","))]" }
  }

  @Test func oneToOneTranslation() throws {
    #expect(try Self.beads("base.zh", "base.en") == (0..<10).map { "[\($0)]:[\($0)]" })
  }

  @Test func mergesSplitsOmissionAndInsertion() throws {
    let beads = try Self.beads("base.zh", "variant.en")
    #expect(beads.contains("[4,5]:[5]"))  // 2-1
    #expect(beads.contains("[6]:[6,7]"))  // 1-2
    #expect(beads.contains("[7]:[]"))  // omitted
    #expect(beads.contains("[]:[3]"))  // inserted
    #expect(beads == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[]:[3]", "[3]:[4]", "[4,5]:[5]", "[6]:[6,7]", "[7]:[]", "[8]:[8]", "[9]:[9]"])
  }

  @Test func documentsOfDifferentLengths() throws {
    // The first six Chinese sentences against the whole English text: the rest is inserted.
    let resources = try Fixtures.resources()
    let segmenter = try Segmenter(resources: resources)
    let aligner = ParallelAligner(lexicon: try Lexicon(resources: resources), english: try EnglishWords(resources: resources))
    let zhText = try String(contentsOf: Self.folder.appendingPathComponent("base.zh"), encoding: .utf8)
      .split(separator: "\n").prefix(6).joined(separator: "\n")
    let zh = segmenter.lines(of: SourceText(name: "short.zh", text: zhText))
    let en = segmenter.lines(of: try SourceText(contentsOf: Self.folder.appendingPathComponent("base.en").path))
    let units = aligner.align(source: zh, target: en).units
    #expect(units.prefix(6).map(\.source) == (0..<6).map { [$0] })
    #expect(units.prefix(6).map(\.target) == (0..<6).map { [$0] })
    #expect(units.dropFirst(6).allSatisfy { $0.source.isEmpty })
    #expect(units.dropFirst(6).flatMap(\.target) == Array(6..<10))
  }

  @Test func presegmentedLinesKeepTheirNumbers() throws {
    let segmenter = try Fixtures.segmenter()
    let document = segmenter.lines(of: SourceText(name: "x", text: "First line. Still first.\n\n  Third line \r\nFourth"))
    #expect(document.sentences.count == 4)
    #expect(document.sentences.map { String(document.text(of: $0)) } == ["First line. Still first.", "", "Third line", "Fourth"])
  }

  @Test func linkScoresAsThePeersDefineThem() throws {
    let gold = try LinkEvaluation.beads(parsing: "[0]:[0]\n[1]:[1,2]\n[2]:[]\n", name: "gold")
    let test = try LinkEvaluation.beads(parsing: "[0]:[0]:0.9\n[1]:[1]:0.5\n[]:[2]:0\n[2]:[]:0\n", name: "test")
    let e = LinkEvaluation([(gold, test)])
    #expect(e.strictPrecision == 0.5 && e.laxPrecision == 0.75)
    #expect(e.strictRecall == 0.5 && e.laxRecall == 1.0)
    #expect(abs(e.laxF1 - 6.0 / 7.0) < 1e-12)
    #expect(throws: DocAlignError.self) { try LinkEvaluation.beads(parsing: "[0]-[1]\n", name: "bad") }
  }
}
