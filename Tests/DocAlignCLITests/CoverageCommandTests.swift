import Foundation
import Testing

@Suite struct CoverageCommandTests {
  static let morning = "Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt"
  static let afternoon = "Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt"
  static let synthetic = "Tests/DocAlignTests/Fixtures/coverage/escaping-and-gaps.txt"

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try CLI.run(["coverage"] + arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test func morningPageAsJSON() throws {
    let report = try Self.json([Self.morning])
    let totals = try #require(report["totals"] as? [String: Any])
    #expect(totals["speakers"] as? Int == 53)
    #expect(totals["covered"] as? Int == 7)
    #expect(totals["named"] as? Int == 46)
    #expect(totals["notMentioned"] as? Int == 0)
    #expect(totals["speakerCoveragePercent"] as? Double == 100)
    let speakers = try #require(report["speakers"] as? [[String: Any]])
    #expect(speakers.filter { $0["role"] as? String == "panellist" }.allSatisfy { $0["status"] as? String == "covered" })
    let unresolved = try #require(report["unresolvedMentions"] as? [[String: Any]])
    #expect(unresolved.compactMap { $0["text"] as? String } == ["保护儿童国际运动(Defence for Children International)"])
    let thresholds = try #require(report["thresholds"] as? [String: Any])
    #expect(thresholds["speaker"] as? Double == 0.3 && thresholds["open"] as? Double == 0.55)
  }

  @Test func failUnderSetsTheExitStatus() throws {
    for (threshold, status) in [("0", Int32(0)), ("100", 0), ("100.01", 4), ("101", 4)] {
      let result = try CLI.run(["coverage", Self.morning, "--fail-under", threshold])
      #expect(result.status == status, "--fail-under \(threshold): \(result.stderr)")
      // The report is written either way.
      #expect(result.stdout.contains("SPEAKERS"))
      if status == 4 { #expect(result.stderr.contains("speaker coverage 100.00% is below --fail-under")) }
    }
    // The synthetic page measures 75 %: 1 covered, 2 named only, 1 not mentioned.
    #expect(try CLI.run(["coverage", Self.synthetic, "--fail-under", "75"]).status == 0)
    let below = try CLI.run(["coverage", Self.synthetic, "--fail-under", "75.1", "--format", "json"])
    #expect(below.status == 4)
    #expect(below.stderr.contains("75.00%"))
    let negative = try CLI.run(["coverage", Self.synthetic, "--fail-under=-5"])
    #expect(negative.status == 2)
    #expect(negative.stdout.isEmpty)
  }

  @Test func twoFilesGiveTheFiguresOfThePage() throws {
    let page = try String(contentsOf: CLI.packageRoot.appendingPathComponent(Self.afternoon), encoding: .utf8)
    let cut = try #require(page.range(of: "Statements by the Moderator and the Panellists"))
    let summary = try CLI.temporaryFile(Array(page[..<cut.lowerBound].utf8), name: "c-summary.txt")
    let fullText = try CLI.temporaryFile(Array(page[cut.lowerBound...].utf8), name: "c-fulltext.txt")
    let split = try #require(try Self.json([summary, fullText])["totals"] as? [String: Any])
    let whole = try #require(try Self.json([Self.afternoon])["totals"] as? [String: Any])
    for key in ["speakers", "covered", "named", "notMentioned", "linkedSummarySentences", "unsupportedSentences"] {
      #expect(split[key] as? Int == whole[key] as? Int, "\(key)")
    }
  }

  @Test func htmlToAFileEscapesThePage() throws {
    let output = try CLI.temporaryFile([], name: "coverage.html")
    let result = try CLI.run(["coverage", Self.synthetic, "--format", "html", "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("<script>alert"))
  }

  @Test func textHasNoColourWhenPiped() throws {
    let result = try CLI.run(["coverage", Self.afternoon])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(result.stdout.contains("UNSUPPORTED SUMMARY SENTENCES  2"))
  }

  /// On a terminal (a pseudo-terminal from util-linux's `script`) the text is coloured, unless
  /// NO_COLOR is set.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func colourOnATerminalUnlessNoColor() throws {
    func runOnTerminal(noColor: Bool) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
      let command = "'\(CLI.executable.path)' coverage \(Self.synthetic)"
      process.arguments = ["-qec", command, "/dev/null"]
      process.currentDirectoryURL = CLI.packageRoot
      var environment = ProcessInfo.processInfo.environment
      environment["NO_COLOR"] = noColor ? "1" : nil
      environment["TERM"] = "xterm"
      process.environment = environment
      let out = Pipe()
      process.standardOutput = out
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    let coloured = try runOnTerminal(noColor: false)
    #expect(coloured.contains("\u{1B}[32mcovered"))
    let plain = try runOnTerminal(noColor: true)
    #expect(plain.contains("covered") && !plain.contains("\u{1B}["))
  }

  /// The command's own help says what --fail-under does and lists its formats (the README's
  /// sections are checked against every command's help in HelpTests).
  @Test func helpListsTheCommand() throws {
    let own = try CLI.run(["coverage", "--help"])
    #expect(own.status == 0)
    let failUnder = try #require(HelpTests.entry(of: "--fail-under", in: own.stdout))
    #expect(failUnder.contains("status 4") && failUnder.contains("percent"), "\(failUnder)")
    let format = try #require(HelpTests.entry(of: "--format", in: own.stdout))
    for value in ["text", "json", "html"] { #expect(format.contains(value), "\(format)") }
  }
}
