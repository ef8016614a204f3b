import Dispatch
import Foundation
import Synchronization

/// Runs the jobs of a manifest on several threads into an output directory, resumably.
///
/// Layout of the output directory:
/// - `jobs/ID.jsonl` (`.tsv`, `.tmx`, `.coverage.json`): each job's outputs, each written atomically;
/// - `jobs/ID.pairs`: the job's aligned units for the corpus (sorted, deduplicated);
/// - `jobs/ID.stamp.json`: the job's record, written last — a job counts as done only when its
///   stamp says so and matches the inputs' and options' fingerprint;
/// - `parts/shard-I-of-N.json`: the record of every job of a shard (the whole batch is shard 0 of 1);
/// - `report.json`, `corpus.tsv`, `corpus.tmx` (or one per language pair): written by ``CorpusMerger``.
///
/// Each job is isolated: one that fails is recorded with its message and the others go on.
public struct BatchRunner: Sendable {
  /// The shared resources (each thread has its own ``JobRunner`` over them).
  public let resources: ResourceSet
  /// The options that shape the outputs.
  public let options: BatchOptions
  /// Threads to run jobs on.
  public let threads: Int
  /// Redo every job even when its outputs are up to date.
  public let force: Bool

  /// What a run of a shard did.
  public struct Summary: Sendable {
    /// The shard run.
    public let shard: BatchShard
    /// Every job of the shard, in manifest order.
    public let records: [BatchJobRecord]
    /// Wall-clock time of the run.
    public let seconds: Double
    /// Jobs that failed.
    public var failed: Int { records.filter { $0.status == .failed }.count }
    /// Jobs whose earlier outputs were reused.
    public var reused: Int { records.filter(\.reused).count }
  }

  /// A runner.
  /// - Parameters:
  ///   - threads: jobs run at once (default: the machine's active cores).
  ///   - force: redo jobs whose outputs are up to date.
  public init(resources: ResourceSet, options: BatchOptions, threads: Int? = nil, force: Bool = false) {
    self.resources = resources
    self.options = options
    self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    self.force = force
  }

  /// Runs the jobs of `manifest` that belong to `shard` into `outputDirectory` and writes the part
  /// report. With the whole batch as the shard (the default), it then merges: `report.json` and the
  /// corpus files.
  /// - Parameters:
  ///   - onJobFinished: called once per job as it ends (done, reused or failed), one call at a time.
  /// - Throws: ``DocAlignError/invalidRequest(_:)`` when another run holds the output directory (or
  ///   this shard), ``DocAlignError/unreadableFile(path:reason:)`` when it cannot be written. Job
  ///   failures are not thrown: they are in the records.
  @discardableResult
  public func run(
    _ manifest: BatchManifest, outputDirectory: String, shard: BatchShard = .whole,
    onJobFinished: @Sendable (BatchJobRecord) -> Void = { _ in }
  ) throws -> Summary {
    let layout = BatchLayout(outputDirectory)
    try layout.create()
    // A whole run excludes every other run; shards share the directory and each holds its own part.
    guard let directoryLock = try DirectoryLock.acquire(layout.lockFile, shard == .whole ? .exclusive : .shared) else {
      let holder = DirectoryLock.holder(layout.lockFile).map { " (held by \($0))" } ?? ""
      throw DocAlignError.invalidRequest(
        "\(outputDirectory): another docalign batch or merge is using this output directory\(holder); wait for it to end, or use another -o")
    }
    defer { directoryLock.release() }
    guard let shardLock = try DirectoryLock.acquire(layout.shardLockFile(shard), .exclusive) else {
      let holder = DirectoryLock.holder(layout.shardLockFile(shard)).map { " (held by \($0))" } ?? ""
      throw DocAlignError.invalidRequest("\(outputDirectory): shard \(shard.index)/\(shard.count) is already running\(holder)")
    }
    defer { shardLock.release() }
    if shard == .whole { try layout.removeParts() }
    layout.removeTemporaryFiles()

    let started = Date()
    let selected = manifest.jobs.enumerated().filter { shard.contains(jobID: $0.element.id) }
    let records = Mutex([BatchJobRecord?](repeating: nil, count: selected.count))
    let next = Atomic<Int>(0)
    let callbackLock = Mutex(())
    let workers = min(threads, max(1, selected.count))
    let failure = Mutex<(any Error)?>(nil)
    withoutActuallyEscaping(onJobFinished) { onJobFinished in
      let shared = UncheckedSendable(onJobFinished)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        let runner = JobRunner(resources: resources)
        while true {
          let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard k < selected.count else { return }
          let (index, job) = selected[k]
          do {
            let record = try process(job, index: index, runner: runner, layout: layout)
            records.withLock { $0[k] = record }
            callbackLock.withLock { _ in shared.value(record) }
          } catch {
            // Only the output directory failing stops the run (every other error is the job's).
            failure.withLock { if $0 == nil { $0 = error } }
            return
          }
        }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    let finished = Date()
    let all = records.withLock { $0.compactMap { $0 } }
    let part = BatchPart(
      shard: shard, manifestPath: manifest.path, manifestFingerprint: manifest.fingerprint, totalJobs: manifest.jobs.count,
      options: options, started: started, finished: finished, records: all)
    try writeAtomically(part.json.serialized() + [0x0A], to: layout.partFile(shard))
    let summary = Summary(shard: shard, records: all, seconds: finished.timeIntervalSince(started))
    if shard == .whole {
      // The merge runs under the exclusive lock this run already holds.
      try CorpusMerger(outputDirectory: outputDirectory).merge(lockHeld: true)
    }
    return summary
  }

  /// Runs one job, or reuses its outputs; errors of the job are recorded, errors writing the
  /// output directory are thrown.
  private func process(_ job: AlignmentJob, index: Int, runner: JobRunner, layout: BatchLayout) throws -> BatchJobRecord {
    let clock = ContinuousClock.now
    var record = BatchJobRecord(
      id: job.id, index: index, source: job.source.name, target: job.target?.name, mode: job.mode, status: .failed,
      fingerprint: fingerprint(of: job))
    let stampPath = layout.stamp(job.id)
    if !force, let stamp = readJSONObject(stampPath).flatMap(BatchJobRecord.init(json:)), stamp.status == .succeeded,
      stamp.fingerprint == record.fingerprint, stamp.id == job.id,
      stamp.outputs.allSatisfy({ FileManager.default.fileExists(atPath: layout.path($0)) })
    {
      var reused = stamp
      reused.index = index
      reused.reused = true
      return reused
    }
    // The old stamp goes first: from here until the new one is written, the job is not done.
    try? FileManager.default.removeItem(atPath: stampPath)
    do {
      let result = try runner.run(job)
      try write(result, into: &record, layout: layout)
      record.status = .succeeded
    } catch let error as DocAlignError {
      if case .unreadableFile(let path, _) = error, path.hasPrefix(layout.root) { throw error }
      record.error = error.description
    } catch {
      record.error = "\(error)"
    }
    record.seconds = (ContinuousClock.now - clock).seconds
    try writeAtomically(record.json.serialized() + [0x0A], to: stampPath)
    return record
  }

  private func write(_ result: JobResult, into record: inout BatchJobRecord, layout: BatchLayout) throws {
    let id = result.job.id
    var writerOptions = result.writerOptions
    writerOptions.minScore = options.minScore
    record.resolvedMode = result.mode
    record.units = result.bitext.units.count
    record.alignedUnits = result.bitext.units.filter(\.isAligned).count
    record.sourceLocale = result.sourceLocale
    record.targetLocale = result.targetLocale
    for format in options.formats {
      if format == .tmx && !result.canWriteTMX {
        record.skipped.append("\(id).tmx: both sides are \(result.sourceLocale); a TMX file needs two languages")
        continue
      }
      let name = "jobs/\(id).\(format.rawValue)"
      try writeAtomically(to: layout.path(name)) { sink in
        if let release = result.release {
          // Release mode: relations, files and pivot flags (the corpus takes its translation units).
          var releaseOptions = result.releaseWriterOptions
          releaseOptions.minScore = options.minScore
          try ReleaseWriter(format: format, options: releaseOptions).write(release, to: sink)
        } else {
          try AlignmentWriter(format: format, options: writerOptions).write(result.bitext, to: sink)
        }
      }
      record.outputs.append(name)
    }
    if options.coverage {
      if let report = result.coverageReport {
        let name = "jobs/\(id).coverage.json"
        try writeAtomically(to: layout.path(name)) { try CoverageWriter(format: .json, options: .init()).write(report, to: $0) }
        record.outputs.append(name)
      } else {
        record.skipped.append("\(id).coverage.json: a coverage report needs a summary mode job")
      }
    }
    let pairs = CorpusPairs(result, minScore: options.minScore)
    record.corpusUnits = pairs.count
    let name = "jobs/\(id).pairs"
    try writeAtomically(pairs.lines(jobID: id), to: layout.path(name))
    record.outputs.append(name)
  }

  private func fingerprint(of job: AlignmentJob) -> String {
    var hash = ContentHash()
    hash.add("docalign \(DocAlign.version)\n")
    hash.add(BatchManifest.describe(job) + "\n")
    hash.add(options.fingerprint + "\n")
    for input in [job.source] + (job.target.map { [$0] } ?? []) {
      switch input {
      case .file(let path):
        hash.add(FileManager.default.contents(atPath: path).map { ContentHash.of($0) } ?? "unreadable")
      case .text(let text, _):
        hash.add(ContentHash.of(text.utf8))
      }
      hash.add("\n")
    }
    return hash.hex
  }
}

/// The paths inside a batch's output directory.
struct BatchLayout: Sendable {
  let root: String

  init(_ root: String) { self.root = root }

  var jobsDirectory: String { path("jobs") }
  var partsDirectory: String { path("parts") }
  var lockFile: String { path(".docalign.lock") }
  func path(_ relative: String) -> String { URL(fileURLWithPath: root).appendingPathComponent(relative).path }
  func stamp(_ id: String) -> String { path("jobs/\(id).stamp.json") }
  func partFile(_ shard: BatchShard) -> String { path("parts/shard-\(shard).json") }
  func shardLockFile(_ shard: BatchShard) -> String { path("parts/shard-\(shard).lock") }

  func create() throws {
    for directory in [root, jobsDirectory, partsDirectory] {
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw DocAlignError.unreadableFile(path: directory, reason: "cannot create the output directory")
      }
    }
  }

  /// Removes every part report (a whole run replaces the parts of earlier sharded runs).
  func removeParts() throws {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: partsDirectory)) ?? [] where name.hasSuffix(".json") {
      try? FileManager.default.removeItem(atPath: path("parts/\(name)"))
    }
  }

  /// Removes temporary files left by a killed run.
  func removeTemporaryFiles() {
    for directory in ["jobs", "parts", "."] {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: path(directory))) ?? []
      where name.hasPrefix(".") && name.contains(".tmp-") {
        try? FileManager.default.removeItem(atPath: path("\(directory)/\(name)"))
      }
    }
  }
}

/// The record of one shard's run: `parts/shard-I-of-N.json`.
struct BatchPart {
  let shard: BatchShard
  let manifestPath: String
  let manifestFingerprint: String
  let totalJobs: Int
  let options: BatchOptions
  let optionsJSON: JSONValue
  let started: Date
  let finished: Date
  let records: [BatchJobRecord]

  init(
    shard: BatchShard, manifestPath: String, manifestFingerprint: String, totalJobs: Int, options: BatchOptions,
    started: Date, finished: Date, records: [BatchJobRecord]
  ) {
    self.shard = shard
    self.manifestPath = manifestPath
    self.manifestFingerprint = manifestFingerprint
    self.totalJobs = totalJobs
    self.options = options
    optionsJSON = options.json
    self.started = started
    self.finished = finished
    self.records = records
  }

  var json: JSONValue {
    .object([
      ("format", .string("docalign-batch-part")), ("version", .int(1)), ("docalign", .string(DocAlign.version)),
      ("shard", .object([("index", .int(shard.index)), ("count", .int(shard.count))])),
      ("manifest", .object([("path", .string(manifestPath)), ("fingerprint", .string(manifestFingerprint)), ("jobs", .int(totalJobs))])),
      ("options", optionsJSON), ("started", .timestamp(started)), ("finished", .timestamp(finished)),
      ("seconds", .number(finished.timeIntervalSince(started), decimals: 3)),
      ("jobs", .array(records.map(\.json))),
    ])
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
