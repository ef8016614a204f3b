import ArgumentParser
import DocAlign
import Foundation

struct Align: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Align a summary with its full text (summary mode) and write bitext.",
    discussion: """
      PAGE holds a summary followed by the full text; or give SUMMARY and FULLTEXT as two files. \
      Every summary sentence appears in exactly one JSONL/TSV unit, aligned or not; TMX holds the \
      aligned units only.
      """
  )

  @Argument(help: "The page, or the summary file (- reads standard input).")
  var file: String

  @Argument(help: "The full-text file, when summary and full text are two files.")
  var secondFile: String?

  @Option(help: "Output format (links: parallel mode only; one bead a line, as the peer aligners write).")
  var format: AlignmentWriter.Format = .jsonl

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String = "-"

  @Option(help: "auto, summary or parallel. auto: summary mode for a page, or for two files of which the first condenses the second; parallel mode otherwise.")
  var mode: AlignmentMode = .auto

  @Option(help: "Language of the source (summary) side, overriding detection.")
  var sourceLang: LanguageChoice = .auto

  @Option(help: "Language of the target (full text) side, overriding detection.")
  var targetLang: LanguageChoice = .auto

  @Option(help: "TMX locale of the source side (default from its language: zh-CN, en-US, fr-FR, es-ES, ru-RU, ar).")
  var sourceLocale: String?

  @Option(help: "TMX locale of the target side.")
  var targetLocale: String?

  @Flag(help: "TSV: write a header row.")
  var header = false

  @Option(
    help: ArgumentHelp(
      "TSV and TMX: keep only aligned units scoring at least this (0–1; JSONL keeps every unit).",
      valueName: "score"))
  var minScore: Double?

  @OptionGroup var resources: ResourceOptions

  @Flag(help: "Each input line is one sentence (line k is sentence k), as parallel test sets are given; parallel mode, two files.")
  var presegmented = false

  func run() throws {
    try reportingErrors {
      if let minScore, !(minScore.isFinite && minScore >= 0 && minScore <= 1) {
        throw DocAlignError.invalidRequest("--min-score takes a score from 0 to 1, not \(minScore)")
      }
      if presegmented && secondFile == nil {
        throw DocAlignError.invalidRequest(
          "--presegmented aligns two pre-segmented files in parallel mode: give SOURCE and TARGET")
      }
      let job = AlignmentJob(
        id: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, source: .file(file),
        target: secondFile.map(JobInput.file), mode: mode, sourceLanguage: sourceLang.language,
        targetLanguage: targetLang.language, sourceLocale: sourceLocale, targetLocale: targetLocale,
        presegmented: presegmented)
      let result = try JobRunner(resources: ResourceSet(directory: resources.locate())).run(job)
      if format == .links && result.mode != .parallel {
        throw DocAlignError.invalidRequest(
          "\(file): --format links writes parallel-mode beads; this job ran in summary mode (use jsonl, tsv or tmx, or --mode parallel)")
      }
      var options = result.writerOptions
      options.header = header
      options.minScore = minScore
      // Refuse a one-language TMX before creating the output file.
      if format == .tmx && !result.canWriteTMX {
        throw DocAlignError.invalidRequest(
          "\(file): a TMX file needs two different languages, but both sides are \(options.sourceLocale); "
            + "use --format jsonl or tsv, or set --source-locale/--target-locale")
      }
      let sink = try OutputSink(path: output)
      try AlignmentWriter(format: format, options: options).write(result.bitext, to: sink)
      try sink.finish()
    }
  }
}

extension AlignmentWriter.Format: ExpressibleByArgument {}
extension AlignmentMode: ExpressibleByArgument {}
