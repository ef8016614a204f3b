import Foundation
import Testing

/// `docalign batch` and `docalign merge` as a user runs them.
@Suite struct BatchCommandTests {
  static let examples = CLI.packageRoot.appendingPathComponent("Examples/un-press-releases")

  static func scratch(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("docalign-cli-batch-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// `count` pages, copies of the two example pages, each made unique by a last paragraph.
  static func pages(_ directory: URL, count: Int) throws {
    let morning = try String(contentsOf: examples.appendingPathComponent("hrc-2016-03-07-morning.zh-summary.en-fulltext.txt"), encoding: .utf8)
    let afternoon = try String(contentsOf: examples.appendingPathComponent("hrc-2016-03-07-afternoon.en.txt"), encoding: .utf8)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for k in 0..<count {
      let page = (k % 2 == 0 ? morning : afternoon) + "\n\nFor use of the information media; not an official record (copy \(k)).\n"
      try page.write(to: directory.appendingPathComponent(String(format: "page-%03d.txt", k)), atomically: true, encoding: .utf8)
    }
  }

  @Test func exitStatuses() throws {
    let root = try Self.scratch("status")
    try Self.pages(root.appendingPathComponent("pages"), count: 2)
    let out = root.appendingPathComponent("out").path
    let ok = try CLI.run(["batch", root.appendingPathComponent("pages").path, "-o", out, "--quiet"])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stderr.isEmpty)
    #expect(FileManager.default.fileExists(atPath: "\(out)/corpus.tmx"))

    // A job that fails: 5, and the others are written.
    try Data("no structure here\n".utf8).write(to: root.appendingPathComponent("pages/zzz.txt"))
    let some = try CLI.run(["batch", root.appendingPathComponent("pages").path, "-o", out])
    #expect(some.status == 5)
    #expect(some.stderr.contains("job 'zzz' failed: ") && some.stderr.contains("3 jobs, 2 succeeded (2 reused), 1 failed"), "\(some.stderr)")

    // An unusable manifest: 1, with its line; bad options: 2.
    let manifest = root.appendingPathComponent("m.tsv")
    try Data("id\tsource\na\tpages/page-000.txt\na\tpages/page-001.txt\n".utf8).write(to: manifest)
    let duplicate = try CLI.run(["batch", manifest.path, "-o", out])
    #expect(duplicate.status == 1)
    #expect(duplicate.stderr.contains("m.tsv: line 3: duplicate id 'a' (first on line 2)"), "\(duplicate.stderr)")
    let format = try CLI.run(["batch", manifest.path, "-o", out, "--format", "jsonl,xml"])
    #expect(format.status == 2)
    #expect(format.stderr.contains("'xml' is not one of them"))
    let shard = try CLI.run(["batch", manifest.path, "-o", out, "--shard", "4/4"])
    #expect(shard.status == 2)
    let merge = try CLI.run(["merge", root.appendingPathComponent("nothing").path])
    #expect(merge.status == 1)
  }

  /// A batch killed with SIGKILL midway leaves nothing a rerun takes as done; the rerun finishes
  /// the rest, and the corpus then equals an uninterrupted run's byte for byte.
  @Test func resumesAfterSIGKILL() throws {
    let root = try Self.scratch("kill")
    let pages = root.appendingPathComponent("pages")
    try Self.pages(pages, count: 16)
    let killed = root.appendingPathComponent("killed").path
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["batch", pages.path, "-o", killed, "--format", "jsonl,tsv,tmx", "--jobs", "1", "--quiet"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until some jobs are done, then kill it.
    let jobs = URL(fileURLWithPath: killed).appendingPathComponent("jobs").path
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline {
      let stamps = ((try? FileManager.default.contentsOfDirectory(atPath: jobs)) ?? []).filter { $0.hasSuffix(".stamp.json") }
      if stamps.count >= 3 { break }
      usleep(20_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(!FileManager.default.fileExists(atPath: "\(killed)/report.json"))

    let rerun = try CLI.run(["batch", pages.path, "-o", killed, "--format", "jsonl,tsv,tmx"])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    let reused = try #require(rerun.stderr.firstMatch(of: /\((\d+) reused\)/)).1
    #expect(Int(reused).map { $0 >= 3 && $0 < 16 } == true, "\(rerun.stderr)")
    let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: jobs)) ?? []).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)

    let clean = root.appendingPathComponent("clean").path
    let uninterrupted = try CLI.run(["batch", pages.path, "-o", clean, "--format", "jsonl,tsv,tmx", "--quiet"])
    #expect(uninterrupted.status == 0)
    for file in ["corpus.tsv", "corpus.tmx"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: "\(killed)/\(file)"))
      let b = try Data(contentsOf: URL(fileURLWithPath: "\(clean)/\(file)"))
      #expect(a == b, "\(file) differs after the resumed run")
    }
  }
}
