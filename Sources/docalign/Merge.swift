import ArgumentParser
import DocAlign
import Foundation

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build report.json and the corpus files of a sharded batch from its parts.",
    discussion: """
      Run when every shard of `docalign batch --shard i/n` has finished. Refuses (exit 1), naming them, \
      when shards are missing or still running. The corpus files equal those of a single-process \
      `docalign batch` over the same manifest byte for byte; report.json too, apart from its timing \
      fields (seconds, started, finished). Exit status 5 when some jobs failed.
      """
  )

  @Argument(help: "The output directory the shards wrote to.")
  var outputDirectory: String

  @Flag(help: "No summary line.")
  var quiet = false

  func run() throws {
    var failed = 0
    try reportingErrors {
      let summary = try CorpusMerger(outputDirectory: outputDirectory).merge()
      failed = summary.failed
      if !quiet {
        let files = summary.corpusFiles.map { "\($0.name) (\($0.units) units)" }.joined(separator: ", ")
        FileHandle.standardError.write(
          Data("docalign merge: \(summary.records.count) jobs, \(failed) failed; wrote report.json, \(files)\n".utf8))
      }
    }
    if failed > 0 { throw ExitStatus.someJobsFailed.exitCode }
  }
}
