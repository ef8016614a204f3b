import Foundation
import Testing

/// Every exit status of the README's "Exit statuses" table, checked exactly, with where the
/// message goes (standard output for help and version, standard error for errors).
@Suite struct ExitStatusTests {
  static let page = "Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt"
  static let morning = "Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt"

  /// The table rows `| N | meaning |` of the README's "Exit statuses" section.
  static func readmeStatuses() throws -> [Int32: String] {
    let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "\n## Exit statuses\n").dropFirst().first)
    let body = section.components(separatedBy: "\n## ").first ?? section
    var statuses: [Int32: String] = [:]
    for line in body.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      if let code = Int32(cells.first ?? "") { statuses[code] = cells.dropFirst().first ?? "" }
    }
    return statuses
  }

  func expectStatus(_ arguments: [String], _ status: Int32, stdin: Data? = nil, stderrMentions: [String] = []) throws {
    let result = try CLI.run(arguments, stdin: stdin)
    #expect(result.status == status, "\(arguments): \(result.stderr)")
    if status != 0 {
      #expect(result.stdout.isEmpty, "\(arguments): nothing on standard output for an error")
      #expect(!result.stderr.isEmpty, "\(arguments): a message on standard error")
    }
    for text in stderrMentions { #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)") }
  }

  @Test func theReadmeDocumentsStatusesZeroToFive() throws {
    #expect(try Self.readmeStatuses().keys.sorted() == [0, 1, 2, 3, 4, 5])
  }

  @Test func successIsZero() throws {
    try expectStatus(["segment", Self.page], 0)
    try expectStatus(["align", Self.morning, "--format", "tsv"], 0)
  }

  @Test func helpAndVersionAreZeroOnStandardOutput() throws {
    for arguments in [["--help"], ["-h"], ["help"], ["help", "align"], ["align", "--help"], ["coverage", "-h"], ["--version"]] {
      let result = try CLI.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(!result.stdout.isEmpty && result.stderr.isEmpty, "\(arguments)")
    }
    #expect(try CLI.run(["--version"]).stdout.hasPrefix("docalign "))
  }

  @Test func unusableInputIsOne() throws {
    try expectStatus(["segment", "/nonexistent/page.txt"], 1, stderrMentions: ["/nonexistent/page.txt"])
    try expectStatus(["segment", "-"], 1, stdin: Data([0x41, 0x00, 0x00, 0x42, 0x00]), stderrMentions: ["binary"])
    try expectStatus(["segment", "-"], 1, stdin: Data(), stderrMentions: ["empty"])
    let plain = try CLI.temporaryFile(Array("Just one sentence here. And another one.".utf8), name: "exit-plain.txt")
    try expectStatus(["structure", plain], 1, stderrMentions: [plain])
  }

  /// swift-argument-parser's own status for these is 64; DocAlign's main maps them to 2.
  @Test(arguments: [
    ["segment", "-", "--lang", "de"],
    ["segment", Self.page, "--format", "xml"],
    ["align", Self.page, "--format", "xml"],
    ["segment"],
    ["segment", Self.page, "extra", "arguments"],
    ["align", Self.page, Self.page, "a third"],
    ["coverage", Self.page, "--fail-under", "abc"],
    ["segment", Self.page, "--no-such-option"],
    ["no-such-command"],
    ["align", Self.page, "--mode"],
  ])
  func parseErrorsAreTwo(arguments: [String]) throws {
    let result = try CLI.run(arguments, stdin: Data("Hallo.".utf8))
    #expect(result.status == 2, "\(arguments): \(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("Error:") && result.stderr.contains("Usage:"), "\(result.stderr)")
  }

  @Test func refusedCombinationsAreTwo() throws {
    try expectStatus(["align", Self.page, "--format", "tmx"], 2, stderrMentions: ["two different languages"])
    try expectStatus(["align", "--mode", "parallel", Self.page], 2, stderrMentions: ["two files"])
    try expectStatus(["coverage", Self.page, "--fail-under=-5"], 2, stderrMentions: ["--fail-under"])
    try expectStatus(["evaluate", Self.page, "gold.jsonl"], 2, stderrMentions: ["evaluate needs"])
  }

  @Test func missingResourcesAreThree() throws {
    try expectStatus(["segment", Self.page, "--resources", "/nonexistent/resources"], 3, stderrMentions: ["/nonexistent/resources"])
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("docalign-empty-resources-\(getpid())")
    try FileManager.default.createDirectory(at: empty.appendingPathComponent("segmentation"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    // A folder that looks like the resources but lacks the files: the missing file is named.
    try expectStatus(["align", Self.morning, "--resources", empty.path], 3, stderrMentions: ["not found"])
  }

  @Test func coverageBelowTheBarIsFour() throws {
    let result = try CLI.run(["coverage", Self.morning, "--fail-under", "100.01", "--format", "json"])
    #expect(result.status == 4)
    #expect(result.stdout.hasPrefix("{"), "the report is written before exiting with 4")
    #expect(result.stderr.contains("below --fail-under"))
    #expect(try CLI.run(["coverage", Self.morning, "--fail-under", "100"]).status == 0)
  }

  @Test func someFailedBatchJobsAreFive() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docalign-batch-\(getpid())-\(UUID().uuidString)")
    let pages = folder.appendingPathComponent("pages")
    try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: CLI.packageRoot.appendingPathComponent(Self.page), to: pages.appendingPathComponent("good.txt"))
    try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]).write(to: pages.appendingPathComponent("bad.txt"))
    let output = folder.appendingPathComponent("out").path
    let result = try CLI.run(["batch", pages.path, "-o", output, "--jobs", "1", "--quiet"])
    #expect(result.status == 5, "\(result.stderr)")
    let all = try CLI.run(["batch", pages.path, "-o", output + "-2", "--jobs", "1", "--quiet"])
    #expect(all.status == 5)
    try FileManager.default.removeItem(at: pages.appendingPathComponent("bad.txt"))
    #expect(try CLI.run(["batch", pages.path, "-o", output + "-3", "--jobs", "1", "--quiet"]).status == 0)
  }

  @Test func helpListsEveryStatusOfTheReadme() throws {
    let help = try CLI.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
      .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    for (code, _) in try Self.readmeStatuses() {
      #expect(help.range(of: "\(code) [a-z]", options: .regularExpression) != nil, "status \(code) in --help")
    }
  }
}
