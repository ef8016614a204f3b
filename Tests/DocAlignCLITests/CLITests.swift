import Foundation
import Testing

/// Runs the built `docalign` program as a user would.
enum CLI {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static var executable: URL {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("docalign"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("docalign"),
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("docalign"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read both pipes before waiting, so that a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "docalign-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }
}

@Suite struct SegmentCommandTests {
  struct Case: Decodable {
    let id: String
    let text: String
    let sentences: [String]
  }

  /// The held-out protocol: `docalign segment - --lang xx --format jsonl`, text on stdin.
  @Test(arguments: ["fr", "es", "ru", "ar"])
  func otherLanguagesThroughStandardInput(language: String) throws {
    let file = CLI.packageRoot.appendingPathComponent("Tests/DocAlignTests/Fixtures/segmentation/\(language).jsonl")
    let cases = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
      try JSONDecoder().decode(Case.self, from: Data($0.utf8))
    }
    var passed = 0
    for item in cases {
      let result = try CLI.run(["segment", "-", "--lang", language, "--format", "jsonl"], stdin: Data(item.text.utf8))
      #expect(result.status == 0, "\(result.stderr)")
      let texts = try result.stdout.split(separator: "\n").map { line -> String in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return (object?["text"] as? String ?? "").trimmingCharacters(in: .whitespaces)
      }
      if texts == item.sentences.map({ $0.trimmingCharacters(in: .whitespaces) }) { passed += 1 }
    }
    #expect(Double(passed) >= 0.85 * Double(cases.count), "\(language): \(passed)/\(cases.count)")
  }

  @Test func jsonlCarriesOffsetsIntoTheFile() throws {
    let page = "Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt"
    let result = try CLI.run(["segment", page, "--format", "jsonl"])
    #expect(result.status == 0)
    let text = Array(try String(contentsOf: CLI.packageRoot.appendingPathComponent(page), encoding: .utf8).unicodeScalars)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count > 200)
    var kinds = Set<String>()
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let start = try #require(object["start"] as? Int), end = try #require(object["end"] as? Int)
      let unit = String(String.UnicodeScalarView(text[start..<end]))
      #expect(unit == object["text"] as? String)
      #expect(object["paragraph"] is Int)
      #expect(["zh", "en"].contains(object["lang"] as? String ?? ""))
      kinds.insert(object["kind"] as? String ?? "")
    }
    #expect(kinds == ["sentence", "heading"])
  }

  @Test func textFormatPrintsOneSentencePerLine() throws {
    let result = try CLI.run(["segment", "-"], stdin: Data("Dr. Smith arrived at 9 a.m. on Tuesday.  He said that\nit was easy.\n".utf8))
    #expect(result.status == 0)
    #expect(result.stdout == "Dr. Smith arrived at 9 a.m. on Tuesday.\nHe said that it was easy.\n")
  }

}

@Suite struct ErrorTests {
  func expectFailure(_ arguments: [String], status: Int32 = 1, stdin: Data? = nil, mentions: [String]) throws {
    let result = try CLI.run(arguments, stdin: stdin)
    #expect(result.status == status, "\(arguments): \(result.stderr)")
    #expect(result.stdout.isEmpty)
    for text in mentions { #expect(result.stderr.contains(text), "\(result.stderr)") }
  }

  @Test func missingFile() throws {
    try expectFailure(["segment", "/nonexistent/page.txt"], mentions: ["/nonexistent/page.txt", "no such file"])
  }

  @Test func directory() throws {
    try expectFailure(["segment", "/tmp"], mentions: ["/tmp", "directory"])
  }

  @Test func invalidUTF8() throws {
    let path = try CLI.temporaryFile(Array("Good text. ".utf8) + [0xFF, 0xFE, 0x41] + Array(" more".utf8), name: "latin1.txt")
    try expectFailure(["segment", path], mentions: [path, "invalid UTF-8", "byte offset 11"])
  }

  @Test func binaryFile() throws {
    let path = try CLI.temporaryFile([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00], name: "program.bin")
    try expectFailure(["segment", path], mentions: [path, "binary", "byte offset 4"])
  }

  @Test func emptyFileAndEmptyStandardInput() throws {
    let path = try CLI.temporaryFile([], name: "empty.txt")
    try expectFailure(["segment", path], mentions: [path, "empty"])
    try expectFailure(["segment", "-"], stdin: Data(), mentions: ["<stdin>", "empty"])
    let blank = try CLI.temporaryFile(Array(" \n\u{00A0}\n".utf8), name: "blank.txt")
    try expectFailure(["segment", blank], mentions: [blank, "empty"])
  }

  @Test func unknownLanguageIsAUsageError() throws {
    let result = try CLI.run(["segment", "-", "--lang", "de"], stdin: Data("Hallo.".utf8))
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    // The message names the option, the value, and the values it takes.
    #expect(result.stderr.contains("--lang") && result.stderr.contains("'de'"), "\(result.stderr)")
    #expect(result.stderr.contains("zh") && result.stderr.contains("ar"), "\(result.stderr)")
  }

  @Test func unwritableOutput() throws {
    try expectFailure(
      ["segment", "Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt", "-o", "/nonexistent/out.txt"],
      mentions: ["/nonexistent/out.txt"])
  }
}

@Suite struct StructureCommandTests {
  @Test func jsonOutlineOfTheMorningPage() throws {
    let result = try CLI.run([
      "structure", "Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let sections = try #require(object["sections"] as? [[String: Any]])
    #expect(sections.map { $0["title"] as? String } == [
      "Opening Statements", "Statements by the Moderator and Panellists", "Discussion",
      "Replies by the Panellists", "Discussion", "Concluding Remarks",
    ])
    let mentions = try #require(object["mentions"] as? [[String: Any]])
    let unresolved = mentions.filter { $0["target"] is NSNull }.compactMap { $0["text"] as? String }
    #expect(unresolved == ["保护儿童国际运动(Defence for Children International)"])
    // Turns: in order, without overlap, each inside the section it names, by a listed speaker
    // under that speaker's name; the morning page has 62 of them.
    let turns = try #require(object["turns"] as? [[String: Any]])
    let speakers = try #require(object["speakers"] as? [[String: Any]])
    var previousEnd = 0
    for turn in turns {
      let range = try #require(turn["sentences"] as? [Int])
      let section = try #require(sections.first { $0["index"] as? Int == turn["section"] as? Int })
      let sectionRange = try #require(section["sentences"] as? [Int])
      #expect(range[0] >= previousEnd && range[0] < range[1])
      #expect(sectionRange[0] <= range[0] && range[1] <= sectionRange[1])
      let speaker = try #require(turn["speaker"] as? Int)
      #expect(speakers.indices.contains(speaker) && speakers[speaker]["name"] as? String == turn["name"] as? String)
      previousEnd = range[1]
    }
    #expect(turns.count == 62)
  }

  @Test func textOutlineOfTwoFiles() throws {
    let page = try String(contentsOf: CLI.packageRoot.appendingPathComponent(
      "Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt"), encoding: .utf8)
    let cut = try #require(page.range(of: "Statements by the Moderator and the Panellists"))
    let summary = try CLI.temporaryFile(Array(page[..<cut.lowerBound].utf8), name: "summary.txt")
    let fullText = try CLI.temporaryFile(Array(page[cut.lowerBound...].utf8), name: "fulltext.txt")
    let result = try CLI.run(["structure", summary, fullText])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("[interactive-debate] Interactive Debate"))
    #expect(result.stdout.contains("Marta Santos Pais → MARTA SANTOS PAIS"))
  }

  @Test func pageWithoutStructureFailsWithAMessage() throws {
    let path = try CLI.temporaryFile(Array("Just one sentence here. And another one.".utf8), name: "plain.txt")
    let result = try CLI.run(["structure", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains(path) && result.stderr.contains("no full text found"))
  }
}

@Suite struct AlignCommandTests {
  static let morning = "Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt"
  static let afternoon = "Examples/un-press-releases/hrc-2016-03-07-afternoon.en.txt"

  static func scalars(_ path: String) throws -> [Unicode.Scalar] {
    Array(try String(contentsOf: URL(fileURLWithPath: path, relativeTo: CLI.packageRoot), encoding: .utf8).unicodeScalars)
  }

  /// Every text in the output is a verbatim slice of its file at its stated range.
  static func checkSlices(_ jsonl: String, source: [Unicode.Scalar], target: [Unicode.Scalar]) throws -> [[String: Any]] {
    var units: [[String: Any]] = []
    for line in jsonl.split(separator: "\n") {
      let unit = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      for (side, text) in [("source", source), ("target", target)] {
        for span in unit[side] as? [[String: Any]] ?? [] {
          let start = try #require(span["start"] as? Int), end = try #require(span["end"] as? Int)
          #expect(String(String.UnicodeScalarView(text[start..<end])) == span["text"] as? String)
        }
      }
      units.append(unit)
    }
    return units
  }

  @Test func jsonlIsVerbatimAndLosesNothing() throws {
    let result = try CLI.run(["align", Self.morning])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try Self.scalars(Self.morning)
    let units = try Self.checkSlices(result.stdout, source: text, target: text)
    // Each summary-side sentence of `docalign segment` appears in exactly one unit.
    let segments = try CLI.run(["segment", Self.morning, "--format", "jsonl"]).stdout.split(separator: "\n")
    let boundary = try #require(segments.firstIndex { $0.contains("\"text\":\"Opening Statements\"") })
    let sourceStarts = units.flatMap { ($0["source"] as? [[String: Any]] ?? []).compactMap { $0["start"] as? Int } }
    #expect(Set(sourceStarts).count == sourceStarts.count)
    #expect(sourceStarts.count == boundary)
    #expect(units.contains { ($0["mentions"] as? [Any])?.count == 40 })
  }

  @Test func twoFilesAndEvaluate() throws {
    let page = try String(contentsOf: CLI.packageRoot.appendingPathComponent(Self.afternoon), encoding: .utf8)
    let cut = try #require(page.range(of: "Statements by the Moderator and the Panellists"))
    let summary = try CLI.temporaryFile(Array(page[..<cut.lowerBound].utf8), name: "a-summary.txt")
    let fullText = try CLI.temporaryFile(Array(page[cut.lowerBound...].utf8), name: "a-fulltext.txt")
    let output = summary + ".jsonl"
    let result = try CLI.run(["align", summary, fullText, "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let jsonl = try String(contentsOfFile: output, encoding: .utf8)
    _ = try Self.checkSlices(jsonl, source: Array(page[..<cut.lowerBound].unicodeScalars), target: Array(page[cut.lowerBound...].unicodeScalars))
    let gold = CLI.packageRoot.appendingPathComponent("Tests/DocAlignTests/Fixtures/gold/hrc-2016-03-07-afternoon.gold.jsonl").path
    let evaluation = try CLI.run(["evaluate", summary, gold, output, "--target-document", fullText, "--json"])
    #expect(evaluation.status == 0, "\(evaluation.stderr)")
    let figures = try #require(try JSONSerialization.jsonObject(with: Data(evaluation.stdout.utf8)) as? [String: Any])
    #expect((figures["link_f1"] as? Double ?? 0) >= 0.9)
    #expect((figures["null_acc"] as? Double ?? 0) >= 0.9)
    #expect(figures["unlocated"] as? Int == 0)
  }

  @Test func tsvHasOneLinePerSummarySentence() throws {
    let json = try CLI.run(["align", Self.morning]).stdout.split(separator: "\n").count
    let tsv = try CLI.run(["align", Self.morning, "--format", "tsv"])
    #expect(tsv.status == 0)
    let lines = tsv.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == json)
    #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 5 })
    let header = try CLI.run(["align", Self.morning, "--format", "tsv", "--header"])
    #expect(header.stdout.hasPrefix("source\ttarget\tscore\tspeaker\tsection\n"))
  }

  @Test func tmxOfOneLanguageIsRefused() throws {
    let result = try CLI.run(["align", Self.afternoon, "--format", "tmx", "-o", "/tmp/docalign-never-written.tmx"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("two different languages"))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/docalign-never-written.tmx"))
  }

  @Test func tmxOfTheMorningPage() throws {
    let result = try CLI.run(["align", Self.morning, "--format", "tmx"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"))
    #expect(result.stdout.contains("srclang=\"zh-CN\""))
    #expect(result.stdout.components(separatedBy: "<tu ").count - 1 >= 15)
    let relocated = try CLI.run(["align", Self.morning, "--format", "tmx", "--source-locale", "zh-Hans", "--target-locale", "en-GB"])
    #expect(relocated.stdout.contains("<tuv xml:lang=\"zh-Hans\">") && relocated.stdout.contains("srclang=\"zh-Hans\""))
  }
}

@Suite struct ParallelCommandTests {
  static let folder = "Tests/DocAlignTests/Fixtures/parallel"

  @Test func linksFormatAndEvaluate() throws {
    let result = try CLI.run(["align", "--presegmented", "\(Self.folder)/base.zh", "\(Self.folder)/variant.en", "--format", "links"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 10)
    #expect(lines.contains { $0.hasPrefix("[4,5]:[5]:") } && lines.contains("[7]:[]:0.0000"))
    let gold = try CLI.temporaryFile(Array("[0]:[0]\n[1]:[1]\n[2]:[2]\n[]:[3]\n[3]:[4]\n[4,5]:[5]\n[6]:[6,7]\n[7]:[]\n[8]:[8]\n[9]:[9]\n".utf8), name: "gold.align")
    let test = try CLI.temporaryFile(Array(result.stdout.utf8), name: "test.align")
    let evaluation = try CLI.run(["evaluate", "--links", gold, test, "--json"])
    #expect(evaluation.status == 0, "\(evaluation.stderr)")
    #expect(evaluation.stdout.contains("\"f1_strict\": 1.0000"))
  }

  @Test func autoModeTakesTwoTranslationsAsParallel() throws {
    let result = try CLI.run(["align", "\(Self.folder)/base.zh", "\(Self.folder)/base.en", "--format", "tsv"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n")
    #expect(rows.count == 10)
    #expect(rows[3].hasPrefix("2015年，全球有1500万儿童失学。\tIn 2015, 15 million children"))
  }

  @Test func parallelModeNeedsTwoFiles() throws {
    let result = try CLI.run(["align", "--mode", "parallel", "\(Self.folder)/base.zh"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("two files"))
  }
}
