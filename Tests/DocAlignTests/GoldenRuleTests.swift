import Foundation
import Testing

@testable import DocAlign

/// pySBD's golden rules (MIT, see Fixtures/pysbd/LICENSE.md) and DocAlign's own fr/es/ru/ar cases.
@Suite struct GoldenRuleTests {
  static func passCount(_ cases: [Fixtures.SegmentationCase], language: Language) throws -> (Int, [String]) {
    let segmenter = try Fixtures.segmenter()
    var failures: [String] = []
    for item in cases {
      let document = try segmenter.segment(SourceText(name: item.id, text: item.text), language: language)
      if document.trimmedTexts != item.sentences.map({ $0.trimmingCharacters(in: .whitespaces) }) {
        failures.append(item.id)
      }
    }
    return (cases.count - failures.count, failures)
  }

  @Test func englishGoldenRulesAtLeastNinetyPercent() throws {
    let cases = try Fixtures.cases("pysbd/golden-en.jsonl")
    #expect(cases.count == 48)
    let (passed, failures) = try Self.passCount(cases, language: .english)
    print("pySBD English golden rules: \(passed)/\(cases.count) pass; failing: \(failures)")
    #expect(Double(passed) >= 0.9 * Double(cases.count), "failing: \(failures)")
  }

  @Test func chineseGoldenRulesAllPass() throws {
    let cases = try Fixtures.cases("pysbd/golden-zh.jsonl")
    let (passed, failures) = try Self.passCount(cases, language: .chinese)
    #expect(passed == cases.count, "failing: \(failures)")
  }

  @Test(arguments: [Language.french, .spanish, .russian, .arabic])
  func otherUNLanguages(language: Language) throws {
    let cases = try Fixtures.cases("segmentation/\(language.rawValue).jsonl")
    #expect(cases.count >= 15)
    let (passed, failures) = try Self.passCount(cases, language: language)
    print("\(language.rawValue) cases: \(passed)/\(cases.count) pass; failing: \(failures)")
    #expect(Double(passed) >= 0.85 * Double(cases.count), "failing: \(failures)")
  }

  /// The kinds of case issue 13 names (numbered items glued or one per line, a number before a
  /// number, "EE. UU.", "пгт.", a heading-like Arabic clause ending in a colon) must all pass,
  /// not only most of them.
  @Test(arguments: [Language.french, .spanish, .russian, .arabic])
  func listItemsNumbersAndColonsAllPass(language: Language) throws {
    let kinds = ["numbered items", "number before number", "a year ends", "EE. UU.", "пгт.", "colon"]
    let text = try String(contentsOf: Fixtures.fixtures.appendingPathComponent("segmentation/\(language.rawValue).jsonl"), encoding: .utf8)
    var selected: [Fixtures.SegmentationCase] = []
    for line in text.split(separator: "\n") {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let note = object["note"] as? String ?? ""
      guard kinds.contains(where: { note.contains($0) }) else { continue }
      selected.append(try JSONDecoder().decode(Fixtures.SegmentationCase.self, from: Data(line.utf8)))
    }
    #expect(selected.count >= 3)
    let (passed, failures) = try Self.passCount(selected, language: language)
    #expect(passed == selected.count, "failing: \(failures)")
  }

  @Test func bareICUDoesWorseThanTheRules() throws {
    // The rules must earn their keep: ICU alone fails cases they fix.
    let cases = try Fixtures.cases("pysbd/golden-en.jsonl")
    let bare = Segmenter(rules: .none)
    var barePassed = 0
    for item in cases {
      let document = try bare.segment(SourceText(name: item.id, text: item.text), language: .english)
      if document.trimmedTexts == item.sentences { barePassed += 1 }
    }
    let (passed, _) = try Self.passCount(cases, language: .english)
    #expect(barePassed < passed)
  }
}
