import Foundation
import Testing

/// `docalign align` on the two pages of one release (see Tests/DocAlignTests/Fixtures/release).
@Suite struct ReleaseCommandTests {
  static let pageA = "Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt"
  static let pageB = "Tests/DocAlignTests/Fixtures/release/hrc-2016-03-07-afternoon.zh-summary.en-fulltext.txt"
  static let summaryOnly = "Tests/DocAlignTests/Fixtures/release/hrc-2016-03-07-afternoon.zh-summary-only.txt"

  static func units(_ jsonl: String) throws -> [[String: Any]] {
    try jsonl.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
  }

  @Test func autoModeAlignsTwoPagesAsARelease() throws {
    let result = try CLI.run(["align", Self.pageA, Self.pageB])
    #expect(result.status == 0, "\(result.stderr)")
    let units = try Self.units(result.stdout)
    let translations = units.filter { $0["relation"] as? String == "translation" }
    let condensations = units.filter { $0["relation"] as? String == "condensation" }
    #expect(translations.count + condensations.count == units.count)
    #expect(!condensations.isEmpty && !translations.isEmpty)
    // A condensation of page B points into page B on both sides.
    #expect(condensations.contains { $0["source_file"] as? String == Self.pageB && $0["target_file"] as? String == Self.pageB })
    #expect(translations.allSatisfy { $0["source_file"] as? String == Self.pageA && $0["target_file"] as? String == Self.pageB })
  }

  @Test func tsvHoldsTranslationsAndOnDemandCondensations() throws {
    let plain = try CLI.run(["align", "--mode", "release", Self.pageA, Self.pageB, "--format", "tsv", "--header"])
    #expect(plain.status == 0, "\(plain.stderr)")
    let lines = plain.stdout.split(separator: "\n")
    #expect(lines.first == "source\ttarget\tscore\trelation\tpivot\tsource_file\ttarget_file")
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 })
    #expect(lines.dropFirst().allSatisfy { $0.contains("\ttranslation\t") })
    let full = try CLI.run([
      "align", "--mode", "release", Self.pageA, Self.pageB, "--format", "tsv", "--include-condensations", "--min-score", "0.3",
    ])
    #expect(full.status == 0)
    #expect(full.stdout.contains("\tcondensation\t"))
    // --min-score keeps aligned units at or above the bar only.
    #expect(full.stdout.split(separator: "\n").allSatisfy { line in
      let score = Double(line.split(separator: "\t", omittingEmptySubsequences: false)[2]) ?? -1
      return score >= 0.3
    })
  }

  @Test func summaryOnlyPageAndRefusals() throws {
    let summaryOnly = try CLI.run(["align", "--mode", "release", Self.pageA, Self.summaryOnly, "--format", "tmx"])
    #expect(summaryOnly.status == 0, "\(summaryOnly.stderr)")
    #expect(summaryOnly.stdout.contains("<prop type=\"x-relation\">translation</prop>"))
    // One file, the links format, and one-language TMX are refused as bad requests (exit 2).
    #expect(try CLI.run(["align", "--mode", "release", Self.pageA]).status == 2)
    #expect(try CLI.run(["align", "--mode", "release", Self.pageA, Self.pageB, "--format", "links"]).status == 2)
    let sameLanguage = try CLI.run(["align", "--mode", "release", Self.pageA, Self.pageA, "--format", "tmx"])
    #expect(sameLanguage.status == 2 && sameLanguage.stderr.contains("two different languages"))
  }

  @Test func coverageOfBothSummariesSideBySide() throws {
    let json = try CLI.run(["coverage", Self.pageA, Self.pageB, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["format"] as? String == "docalign-release-coverage")
    let pages = try #require(object["pages"] as? [[String: Any]])
    #expect(pages.map { $0["summaryLanguage"] as? String } == ["en", "zh"])
    // Each page's report is the one `docalign coverage PAGE` writes for that page alone.
    for (page, file) in zip(pages, [Self.pageA, Self.pageB]) {
      let alone = try CLI.run(["coverage", file, "--format", "json"])
      let expected = try #require(JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? NSDictionary)
      #expect((page["report"] as? NSDictionary) == expected)
    }
    let text = try CLI.run(["coverage", Self.pageA, Self.pageB])
    #expect(text.stdout.hasPrefix("Release coverage: the two summaries side by side"))
    #expect(text.stdout.contains("== \(Self.pageB) (zh summary)"))
    #expect(try CLI.run(["coverage", Self.pageA, Self.pageB, "--format", "html"]).status == 2)
  }
}
