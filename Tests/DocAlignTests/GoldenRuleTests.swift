import Testing

@testable import DocAlign

/// pySBD's golden rules (MIT, see Fixtures/pysbd/LICENSE.md) and DocAlign's own fr/es/ru/ar cases.
@Suite struct GoldenRuleTests {
  static func passCount(
    _ cases: [Fixtures.SegmentationCase], language: Language, segmenter given: Segmenter? = nil
  ) throws -> (Int, [String]) {
    let segmenter = try given ?? Fixtures.segmenter()
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

  /// The rules must earn their keep, case by case: they break no case that ICU alone gets right,
  /// and they fix a good share of those it gets wrong.
  @Test func rulesFixBareICUsFailuresAndBreakNone() throws {
    let cases = try Fixtures.cases("pysbd/golden-en.jsonl")
    let (_, bareFailures) = try Self.passCount(cases, language: .english, segmenter: Segmenter(rules: .none))
    let (_, ruleFailures) = try Self.passCount(cases, language: .english)
    let broken = Set(ruleFailures).subtracting(bareFailures)
    #expect(broken.isEmpty, "cases ICU alone passes but the rules fail: \(broken.sorted())")
    let fixed = Set(bareFailures).subtracting(ruleFailures)
    print("pySBD English: bare ICU fails \(bareFailures.count), the rules fix \(fixed.count) of them")
    #expect(fixed.count * 2 >= bareFailures.count, "the rules fix only \(fixed.count) of \(bareFailures.count)")
  }
}
