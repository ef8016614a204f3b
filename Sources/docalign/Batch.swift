import ArgumentParser
import DocAlign
import Foundation
import Synchronization

struct Batch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Align every job of a manifest (or every page of a directory) into one output directory and corpus.",
    discussion: """
      MANIFEST is TSV with a header row, or JSONL, with the keys id, source, target, mode, source_lang, \
      target_lang, source_locale, target_locale (paths relative to the manifest's folder); a directory \
      makes one job per *.txt page. Writes OUTDIR/jobs/ID.FORMAT per job, OUTDIR/report.json and the \
      deduplicated corpus OUTDIR/corpus.tsv and corpus.tmx (corpus.SRC-TGT.tmx per language pair when \
      there are several). A rerun skips the jobs whose inputs and options are unchanged. With --shard \
      (or a Slurm array / Kubernetes Indexed Job environment) only that share runs and `docalign merge` \
      builds the corpus. Exit status: 0 every job succeeded, 5 some failed (see report.json), 1 an \
      unusable manifest or output directory, 2 bad options.
      """
  )

  @Argument(help: "The manifest (TSV or JSONL), or a directory of *.txt pages.")
  var manifest: String

  @Option(name: .shortAndLong, help: ArgumentHelp("The output directory.", valueName: "outdir"))
  var output: String

  @Option(help: ArgumentHelp("Per-job formats, a comma list of jsonl, tsv, tmx.", valueName: "list"))
  var format: String = "jsonl"

  @Flag(help: "Also write jobs/ID.coverage.json for summary-mode jobs.")
  var coverage = false

  @Option(help: ArgumentHelp("Jobs run at once (default: the number of cores).", valueName: "n"))
  var jobs: Int?

  @Flag(help: "Redo every job, even those whose outputs are up to date.")
  var force = false

  @Flag(help: "No progress line, no per-job messages, no summary line (errors still go to standard error).")
  var quiet = false

  @Option(
    help: ArgumentHelp("TSV, TMX and corpus: keep only aligned units scoring at least this (0–1).", valueName: "score"))
  var minScore: Double?

  @Option(help: ArgumentHelp("Run only shard i of n (counted from 0), e.g. 0/4; then `docalign merge`.", valueName: "i/n"))
  var shard: String?

  @Option(
    help: ArgumentHelp(
      "Number of shards when the shard index comes from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX).",
      valueName: "n"))
  var shards: Int?

  @Flag(help: "Ignore SLURM_ARRAY_TASK_* and JOB_COMPLETION_INDEX: run the whole batch.")
  var noEnvShard = false

  @OptionGroup var resources: ResourceOptions

  func run() throws {
    var failed = 0
    try reportingErrors {
      let options = try batchOptions()
      if let jobs, jobs < 1 { throw DocAlignError.invalidRequest("--jobs takes a number of 1 or more, not \(jobs)") }
      let chosenShard = try self.chosenShard()
      let manifest = try BatchManifest(contentsOf: self.manifest)
      let resourceSet = ResourceSet(directory: try resources.locate())
      let runner = BatchRunner(resources: resourceSet, options: options, threads: jobs, force: force)
      let total = manifest.jobs.filter { chosenShard.contains(jobID: $0.id) }.count
      let progress = BatchProgress(total: total, showLine: !quiet && isatty(STDERR_FILENO) == 1, quiet: quiet)
      let summary = try runner.run(manifest, outputDirectory: output, shard: chosenShard) { progress.finished($0) }
      progress.end()
      failed = summary.failed
      if !quiet {
        let part = chosenShard == .whole ? "" : " (shard \(chosenShard.index)/\(chosenShard.count); run docalign merge when every shard is done)"
        let message = "docalign batch: \(summary.records.count) jobs, \(summary.records.count - failed) succeeded "
          + "(\(summary.reused) reused), \(failed) failed, \(String(format: "%.1f", summary.seconds)) s\(part); report: \(output)/\(chosenShard == .whole ? "report.json" : "parts")\n"
        FileHandle.standardError.write(Data(message.utf8))
      }
    }
    if failed > 0 { throw ExitStatus.someJobsFailed.exitCode }
  }

  private func batchOptions() throws -> BatchOptions {
    var options = BatchOptions()
    var formats: [AlignmentWriter.Format] = []
    for name in format.split(separator: ",", omittingEmptySubsequences: false) {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      guard let format = AlignmentWriter.Format(rawValue: trimmed), format != .links else {
        throw DocAlignError.invalidRequest("--format takes a comma list of jsonl, tsv, tmx; '\(trimmed)' is not one of them")
      }
      if !formats.contains(format) { formats.append(format) }
    }
    options.formats = formats
    options.coverage = coverage
    if let minScore, !(minScore.isFinite && minScore >= 0 && minScore <= 1) {
      throw DocAlignError.invalidRequest("--min-score takes a score from 0 to 1, not \(minScore)")
    }
    options.minScore = minScore
    return options
  }

  private func chosenShard() throws -> BatchShard {
    if let shards, shards < 1 { throw DocAlignError.invalidRequest("--shards takes a number of 1 or more, not \(shards)") }
    if let shard {
      let parsed = try BatchShard(parsing: shard)
      if let shards, shards != parsed.count {
        throw DocAlignError.invalidRequest("--shard \(shard) and --shards \(shards) disagree")
      }
      return parsed
    }
    if noEnvShard { return .whole }
    return try BatchShard.fromEnvironment(ProcessInfo.processInfo.environment, shards: shards) ?? .whole
  }
}

/// The progress line (on a terminal) and per-job failure messages of `docalign batch`.
final class BatchProgress: Sendable {
  private struct State {
    var done = 0
    var failed = 0
    var lastDraw = ContinuousClock.now
  }
  private let state = Mutex(State())
  private let total: Int
  private let showLine: Bool
  private let quiet: Bool
  private let start = ContinuousClock.now

  init(total: Int, showLine: Bool, quiet: Bool) {
    self.total = total
    self.showLine = showLine
    self.quiet = quiet
  }

  func finished(_ record: BatchJobRecord) {
    state.withLock { state in
      state.done += 1
      if record.status == .failed {
        state.failed += 1
        if !quiet {
          let clear = showLine ? "\r\u{1B}[K" : ""
          FileHandle.standardError.write(Data("\(clear)docalign batch: job '\(record.id)' failed: \(record.error ?? "unknown error")\n".utf8))
        }
      }
      guard showLine else { return }
      let now = ContinuousClock.now
      guard state.done == total || now - state.lastDraw > .milliseconds(200) else { return }
      state.lastDraw = now
      let elapsed = max(1e-6, Double((now - start).components.attoseconds) * 1e-18 + Double((now - start).components.seconds))
      let rate = Double(state.done) / elapsed
      let eta = rate > 0 ? Double(total - state.done) / rate : 0
      let line = String(format: "\r\u{1B}[K%d/%d jobs, %d failed, %.1f pages/s, ETA %.0f s", state.done, total, state.failed, rate, eta)
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  func end() {
    if showLine { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
