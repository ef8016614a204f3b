import Foundation
import FoundationXML
import Synchronization
import Testing

@testable import DocAlign

/// A scratch directory per test, removed at the end.
final class ScratchDirectory {
  let path: String
  init(_ name: String) throws {
    path = FileManager.default.temporaryDirectory
      .appendingPathComponent("docalign-batch-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  func file(_ name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }
  func write(_ name: String, _ text: String) throws -> String {
    let file = self.file(name)
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }
  func copy(_ url: URL, to name: String) throws {
    try write(name, String(decoding: try Data(contentsOf: url), as: UTF8.self)).discard()
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension String { func discard() {} }

@Suite struct ManifestTests {
  @Test func tsvManifestResolvesPathsAndOptions() throws {
    let scratch = try ScratchDirectory("tsv")
    let path = try scratch.write(
      "sub/manifest.tsv",
      "id\tsource\ttarget\tmode\tsource_lang\ttarget_lang\tsource_locale\n"
        + "# a comment\n"
        + "a\tpages/a.txt\t\t\t\t\t\n"
        + "b\t/abs/b.txt\tfull.txt\tparallel\tzh\ten\tzh-TW\n")
    let manifest = try BatchManifest(contentsOf: path)
    #expect(manifest.jobs.map(\.id) == ["a", "b"])
    #expect(manifest.jobs[0].source == .file(scratch.file("sub/pages/a.txt")))
    #expect(manifest.jobs[0].target == nil && manifest.jobs[0].mode == .auto && manifest.jobs[0].sourceLanguage == nil)
    #expect(manifest.jobs[1].source == .file("/abs/b.txt"))
    #expect(manifest.jobs[1].target == .file(scratch.file("sub/full.txt")))
    #expect(manifest.jobs[1].mode == .parallel)
    #expect(manifest.jobs[1].sourceLanguage == .chinese && manifest.jobs[1].targetLanguage == .english)
    #expect(manifest.jobs[1].sourceLocale == "zh-TW")
  }

  @Test func jsonlManifestReadsTheSameKeys() throws {
    let scratch = try ScratchDirectory("jsonl")
    let path = try scratch.write(
      "m.jsonl", "{\"id\": \"x\", \"source\": \"x.txt\", \"mode\": \"summary\", \"target\": null}\n\n{\"id\": \"y\", \"source\": \"y.txt\", \"target_lang\": \"fr\"}\n")
    let manifest = try BatchManifest(contentsOf: path)
    #expect(manifest.jobs.map(\.id) == ["x", "y"])
    #expect(manifest.jobs[0].mode == .summary && manifest.jobs[0].target == nil)
    #expect(manifest.jobs[1].targetLanguage == .french)
  }

  @Test func directoryMakesOneAutoJobPerPage() throws {
    let scratch = try ScratchDirectory("dir")
    for name in ["b.txt", "a.txt", "notes.md", ".hidden.txt"] { try scratch.write("pages/\(name)", "text").discard() }
    let manifest = try BatchManifest(contentsOf: scratch.file("pages"))
    #expect(manifest.jobs.map(\.id) == ["a", "b"])
    #expect(manifest.jobs.allSatisfy { $0.mode == .auto && $0.target == nil })
  }

  /// Each bad manifest is refused with its line number and the problem.
  @Test(arguments: [
    ("id\tsource\n\tx.txt\n", "line 2: no id"),
    ("id\tsource\na\t\n", "line 2: job 'a' has no 'source'"),
    ("id\tsource\tmode\na\tx.txt\tfast\n", "line 2: mode 'fast' is not one of auto, summary, parallel"),
    ("id\tsource\tcolour\n", "line 1: unknown column 'colour'"),
    ("id\tsource\na\tx.txt\n\nb\ty.txt\na\tz.txt\n", "line 5: duplicate id 'a' (first on line 2)"),
    ("id\tsource\na/b\tx.txt\n", "line 2: id 'a/b' cannot name an output file"),
    ("id\tsource\na\tx.txt\textra\n", "line 2: 3 fields, but the header has 2 columns"),
    ("id\tsource\tsource_lang\na\tx.txt\tde\n", "line 2: source_lang 'de' is not auto or one of"),
    ("{\"id\": \"a\", \"source\": \"x\"}\n{\"id\": 3, \"source\": \"y\"}\n", "line 2: 'id' must be a string"),
    ("{\"id\": \"a\", \"source\": \"x\"}\nnot json\n", "line 2: not a JSON object"),
    ("id\tsource\n", "the manifest lists no jobs"),
  ])
  func badManifestsNameTheLine(_ text: String, _ expected: String) throws {
    let scratch = try ScratchDirectory("bad")
    let path = try scratch.write("m.tsv", text)
    do {
      _ = try BatchManifest(contentsOf: path)
      Issue.record("accepted a bad manifest: \(text)")
    } catch let error as DocAlignError {
      guard case .unsupportedInput(let file, let reason) = error else { Issue.record("wrong error \(error)"); return }
      #expect(file == path)
      #expect(reason.hasPrefix(expected), "\(reason)")
    }
  }

  /// The example manifests say the same thing in TSV and in JSONL, and every input they name exists.
  @Test func exampleManifestsAgree() throws {
    let folder = Fixtures.packageRoot.appendingPathComponent("Examples/batch")
    let tsv = try BatchManifest(contentsOf: folder.appendingPathComponent("manifest.tsv").path)
    let jsonl = try BatchManifest(contentsOf: folder.appendingPathComponent("manifest.jsonl").path)
    #expect(tsv.jobs == jsonl.jobs)
    #expect(tsv.fingerprint == jsonl.fingerprint)
    #expect(tsv.jobs.map(\.mode) == [.auto, .summary, .parallel])
    #expect(tsv.jobs.map(\.presegmented) == [false, false, true])
    for job in tsv.jobs {
      for input in [job.source] + (job.target.map { [$0] } ?? []) {
        #expect(FileManager.default.fileExists(atPath: input.name), "\(input.name)")
      }
    }
  }

  @Test func missingManifestIsUnreadable() {
    #expect(throws: DocAlignError.unreadableFile(path: "/nonexistent/m.tsv", reason: "no such file or directory")) {
      try BatchManifest(contentsOf: "/nonexistent/m.tsv")
    }
  }
}

@Suite struct ShardTests {
  static let ids = (0..<500).map { "page-\($0)" } + ["hrc-2016-03-07-morning", "Ω", "a.b_c-d"]

  @Test func everyJobIsInExactlyOneShard() {
    for count in 1...16 {
      let shards = (0..<count).map { try! BatchShard(index: $0, count: count) }
      for id in Self.ids {
        #expect(shards.filter { $0.contains(jobID: id) }.count == 1, "\(id) in \(count) shards")
      }
      // Balanced in expectation: no shard of 503 jobs gets less than half its share.
      if count > 1 {
        let sizes = shards.map { shard in Self.ids.filter { shard.contains(jobID: $0) }.count }
        #expect(sizes.min()! * 2 * count >= Self.ids.count, "\(sizes)")
      }
    }
  }

  /// A job's shard depends only on its id and the number of shards: adding unrelated rows moves
  /// nobody.
  @Test func addingRowsMovesNoJob() {
    let before = Self.ids.map { BatchShard.shard(of: $0, count: 7) }
    let grown = Self.ids + (0..<300).map { "new-\($0)" }
    let after = grown.prefix(Self.ids.count).map { BatchShard.shard(of: $0, count: 7) }
    #expect(before == after)
  }

  @Test func parsingAndEnvironment() throws {
    #expect(try BatchShard(parsing: "2/4") == BatchShard(index: 2, count: 4))
    for bad in ["4/4", "-1/4", "1", "a/b", "1/0"] {
      #expect(throws: DocAlignError.self) { try BatchShard(parsing: bad) }
    }
    let slurm = ["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_COUNT": "4"]
    #expect(try BatchShard.fromEnvironment(slurm, shards: nil) == BatchShard(index: 2, count: 4))
    #expect(try BatchShard.fromEnvironment(["JOB_COMPLETION_INDEX": "3"], shards: 5) == BatchShard(index: 3, count: 5))
    #expect(throws: DocAlignError.self) { try BatchShard.fromEnvironment(["JOB_COMPLETION_INDEX": "3"], shards: nil) }
    #expect(throws: DocAlignError.self) { try BatchShard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "1"], shards: nil) }
    #expect(try BatchShard.fromEnvironment([:], shards: 4) == nil)
  }
}

@Suite struct BatchRunTests {
  static let resources = ResourceSet(directory: try! Fixtures.resources())

  /// Pages: the two seeds, the morning page again under another id (every unit twice), and a file
  /// that is not a page.
  static func pages(_ scratch: ScratchDirectory) throws -> BatchManifest {
    try scratch.copy(Fixtures.morningPage, to: "pages/morning.txt")
    try scratch.copy(Fixtures.morningPage, to: "pages/morning2.txt")
    try scratch.copy(Fixtures.afternoonPage, to: "pages/afternoon.txt")
    try scratch.write("pages/notes.txt", "Just a line.\n").discard()
    return try BatchManifest(contentsOf: scratch.file("pages"))
  }

  static func options() -> BatchOptions {
    var options = BatchOptions()
    options.formats = [.jsonl, .tsv, .tmx]
    options.coverage = true
    return options
  }

  @Test func jobsAreIsolatedAndTheCorpusDeduplicated() throws {
    let scratch = try ScratchDirectory("run")
    let manifest = try Self.pages(scratch)
    let out = scratch.file("out")
    let finished = Mutex<[String]>([])
    let summary = try BatchRunner(resources: Self.resources, options: Self.options(), threads: 2)
      .run(manifest, outputDirectory: out) { record in finished.withLock { $0.append(record.id) } }
    #expect(finished.withLock { $0.sorted() } == ["afternoon", "morning", "morning2", "notes"])
    #expect(summary.records.map(\.id) == ["afternoon", "morning", "morning2", "notes"])
    let notes = summary.records[3]
    #expect(notes.status == .failed && notes.error?.contains("notes.txt: no full text found") == true)
    #expect(summary.failed == 1)
    let afternoon = summary.records[0]
    #expect(afternoon.status == .succeeded && afternoon.resolvedMode == .summary)
    #expect(!afternoon.outputs.contains("jobs/afternoon.tmx"))
    #expect(afternoon.skipped.first?.contains("a TMX file needs two languages") == true)
    for record in summary.records where record.status == .succeeded {
      for output in record.outputs { #expect(FileManager.default.fileExists(atPath: "\(out)/\(output)"), "\(output)") }
    }

    // corpus.tsv: sorted by source then target (byte order = scalar order), each pair once.
    let rows = try String(contentsOfFile: "\(out)/corpus.tsv", encoding: .utf8).split(separator: "\n").dropFirst()
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    let keys = rows.map { Array(($0[0] + "\t" + $0[1]).utf8) }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    let morning = summary.records[1], afternoonUnits = afternoon.corpusUnits
    #expect(rows.count == morning.corpusUnits + afternoonUnits)
    // The morning page's units come from both of its copies, the afternoon's from one.
    let morningRows = rows.filter { $0[4] == "morning morning2" }
    #expect(morningRows.count == morning.corpusUnits && morningRows.allSatisfy { $0[3] == "2" })
    #expect(rows.filter { $0[4] == "afternoon" && $0[3] == "1" }.count == afternoonUnits)

    // corpus.tmx: the zh→en units only (the English page has one language).
    let tmx = try String(contentsOfFile: "\(out)/corpus.tmx", encoding: .utf8)
    #expect(tmx.components(separatedBy: "<tu ").count - 1 == morning.corpusUnits)
    #expect(tmx.contains("<prop type=\"x-count\">2</prop>") && tmx.contains("<prop type=\"x-documents\">morning morning2</prop>"))
    _ = try XMLDocument(data: Data(tmx.utf8))

    let report = try #require(readJSONObject("\(out)/report.json"))
    let totals = try #require(report["totals"] as? [String: Any])
    #expect(totals["jobs"] as? Int == 4 && totals["failed"] as? Int == 1 && totals["succeeded"] as? Int == 3)
    #expect(totals["corpusUnits"] as? Int == rows.count)
    let jobs = try #require(report["jobs"] as? [[String: Any]])
    #expect(jobs.compactMap { $0["id"] as? String } == ["afternoon", "morning", "morning2", "notes"])
  }

  @Test func rerunsReuseAndGiveByteIdenticalFiles() throws {
    let scratch = try ScratchDirectory("rerun")
    let manifest = try Self.pages(scratch)
    let out = scratch.file("out")
    let runner = BatchRunner(resources: Self.resources, options: Self.options(), threads: 2)
    try runner.run(manifest, outputDirectory: out)
    let corpus = try Data(contentsOf: URL(fileURLWithPath: "\(out)/corpus.tsv"))
    let tmx = try Data(contentsOf: URL(fileURLWithPath: "\(out)/corpus.tmx"))
    let second = try runner.run(manifest, outputDirectory: out)
    #expect(second.records.filter(\.reused).map(\.id) == ["afternoon", "morning", "morning2"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/corpus.tsv")) == corpus)
    #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/corpus.tmx")) == tmx)

    // A changed input is redone; the others are reused.
    try scratch.copy(Fixtures.afternoonPage, to: "pages/morning2.txt")
    let third = try runner.run(manifest, outputDirectory: out)
    #expect(third.records.filter(\.reused).map(\.id) == ["afternoon", "morning"])
    let rows = try String(contentsOfFile: "\(out)/corpus.tsv", encoding: .utf8)
    #expect(rows.contains("\tafternoon morning2\n") && !rows.contains("morning morning2"))

    // Changed options, or --force, redo everything.
    var options = Self.options()
    options.minScore = 0.5
    let fourth = try BatchRunner(resources: Self.resources, options: options, threads: 2).run(manifest, outputDirectory: out)
    #expect(fourth.reused == 0)
    let forced = try BatchRunner(resources: Self.resources, options: options, threads: 1, force: true).run(manifest, outputDirectory: out)
    #expect(forced.reused == 0)
    let filtered = try String(contentsOfFile: "\(out)/corpus.tsv", encoding: .utf8).split(separator: "\n").dropFirst()
    #expect(filtered.allSatisfy { (Double($0.split(separator: "\t")[2]) ?? 0) >= 0.5 })
  }

  @Test func shardsMergeToTheSingleRunsFiles() throws {
    let scratch = try ScratchDirectory("shards")
    let manifest = try Self.pages(scratch)
    let single = scratch.file("single"), sharded = scratch.file("sharded")
    let runner = BatchRunner(resources: Self.resources, options: Self.options(), threads: 2)
    try runner.run(manifest, outputDirectory: single)
    for index in 0..<3 {
      let summary = try runner.run(manifest, outputDirectory: sharded, shard: try BatchShard(index: index, count: 3))
      #expect(summary.records.allSatisfy { BatchShard.shard(of: $0.id, count: 3) == index })
      #expect(!FileManager.default.fileExists(atPath: "\(sharded)/corpus.tsv"))
    }
    try CorpusMerger(outputDirectory: sharded).merge()
    for file in ["corpus.tsv", "corpus.tmx"] {
      #expect(try Data(contentsOf: URL(fileURLWithPath: "\(single)/\(file)")) == Data(contentsOf: URL(fileURLWithPath: "\(sharded)/\(file)")))
    }
    #expect(try Self.untimed("\(single)/report.json") == Self.untimed("\(sharded)/report.json"))
  }

  @Test func mergeRefusesMissingAndRunningShards() throws {
    let scratch = try ScratchDirectory("refuse")
    let manifest = try Self.pages(scratch)
    let out = scratch.file("out")
    let runner = BatchRunner(resources: Self.resources, options: BatchOptions(), threads: 1)
    try runner.run(manifest, outputDirectory: out, shard: try BatchShard(index: 0, count: 2))
    do {
      try CorpusMerger(outputDirectory: out).merge()
      Issue.record("merged with a shard missing")
    } catch let error as DocAlignError {
      #expect("\(error)".contains("1 of 2 shards have not finished: 1/2 (parts/shard-1-of-2.json missing)"), "\(error)")
    }
    // Shard 1 "running": its lock is held.
    let lock = try #require(try DirectoryLock.acquire("\(out)/parts/shard-1-of-2.lock", .exclusive))
    do {
      try CorpusMerger(outputDirectory: out).merge()
      Issue.record("merged while a shard runs")
    } catch let error as DocAlignError {
      #expect("\(error)".contains("1/2 (still running)"), "\(error)")
    }
    // A second run of the same shard is refused while the first holds it.
    #expect(throws: DocAlignError.self) {
      try runner.run(manifest, outputDirectory: out, shard: try BatchShard(index: 1, count: 2))
    }
    lock.release()
    try runner.run(manifest, outputDirectory: out, shard: try BatchShard(index: 1, count: 2))
    try CorpusMerger(outputDirectory: out).merge()
  }

  @Test func aSecondRunOnTheSameDirectoryIsRefused() throws {
    let scratch = try ScratchDirectory("lock")
    let manifest = try Self.pages(scratch)
    let out = scratch.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let lock = try #require(try DirectoryLock.acquire("\(out)/.docalign.lock", .exclusive))
    do {
      try BatchRunner(resources: Self.resources, options: BatchOptions()).run(manifest, outputDirectory: out)
      Issue.record("ran beside another run")
    } catch let error as DocAlignError {
      #expect("\(error)".contains("another docalign batch or merge is using this output directory"), "\(error)")
    }
    lock.release()
  }

  /// Library users give jobs of their own, texts in memory included.
  @Test func inMemoryJobs() throws {
    let scratch = try ScratchDirectory("memory")
    let page = String(decoding: try Data(contentsOf: Fixtures.morningPage), as: UTF8.self)
    let manifest = try BatchManifest(jobs: [AlignmentJob(id: "m", source: .text(page, name: "morning"))])
    let summary = try BatchRunner(resources: Self.resources, options: Self.options()).run(manifest, outputDirectory: scratch.file("out"))
    #expect(summary.records.first?.status == .succeeded && summary.records.first?.resolvedMode == .summary)
    #expect(throws: DocAlignError.self) {
      try BatchManifest(jobs: [AlignmentJob(id: "m", source: .text("a", name: "a")), AlignmentJob(id: "m", source: .text("b", name: "b"))])
    }
  }

  /// report.json without its timing fields.
  static func untimed(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
      .filter { !$0.contains("\"seconds\"") && !$0.contains("\"started\"") && !$0.contains("\"finished\"") }
      .joined(separator: "\n")
  }
}
