import ArgumentParser
import DocAlign
import Foundation

struct Coverage: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Report who and what a summary covers of its full text.",
    discussion: """
      PAGE holds a summary followed by the full text; or give SUMMARY and FULLTEXT as two files. \
      Lists each full-text speaker (covered, named only, not mentioned), each section's share of \
      linked sentences, the summary sentences with no support in the full text, and the summary \
      mentions that resolve to nobody. The text format is coloured on a terminal unless NO_COLOR \
      is set. With --fail-under, the exit status is 4 when the speaker coverage (the share of \
      speakers covered or named) is below the given percentage.
      """
  )

  @Argument(help: "The page, or the summary file (- reads standard input).")
  var file: String

  @Argument(help: "The full-text file, when summary and full text are two files.")
  var secondFile: String?

  @Option(help: "Output format: text, json or html.")
  var format: CoverageWriter.Format = .text

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String = "-"

  @Option(
    help: ArgumentHelp(
      "Exit with status 4 when the speaker coverage is below this percentage (0–100).", valueName: "percent"))
  var failUnder: Double?

  @Option(help: "Language of the summary, overriding detection.")
  var sourceLang: LanguageChoice = .auto

  @Option(help: "Language of the full text, overriding detection.")
  var targetLang: LanguageChoice = .auto

  @OptionGroup var resources: ResourceOptions

  func run() throws {
    var coverage: Double? = nil
    try reportingErrors {
      if let failUnder, !(failUnder.isFinite && failUnder >= 0) {
        throw DocAlignError.invalidRequest("--fail-under takes a percentage of 0 or more, not \(failUnder)")
      }
      let job = AlignmentJob(
        id: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, source: .file(file),
        target: secondFile.map(JobInput.file), mode: .summary, sourceLanguage: sourceLang.language,
        targetLanguage: targetLang.language)
      let result = try JobRunner(resources: ResourceSet(directory: resources.locate())).run(job)
      guard let report = result.coverageReport else {
        throw DocAlignError.invalidRequest("\(file): a coverage report needs a summary and its full text")
      }
      var options = CoverageWriter.Options()
      options.colour = format == .text && output == "-" && Self.standardOutputWantsColour()
      let sink = try OutputSink(path: output)
      try CoverageWriter(format: format, options: options).write(report, to: sink)
      try sink.finish()
      coverage = report.totals.speakerCoveragePercent
    }
    if let failUnder {
      let measured = coverage ?? 0
      guard measured >= failUnder else {
        let shown = coverage.map { String(format: "%.2f%%", $0) } ?? "not measurable (no speakers in the full text)"
        FileHandle.standardError.write(
          Data("docalign: speaker coverage \(shown) is below --fail-under \(String(format: "%g", failUnder))\n".utf8))
        throw ExitStatus.coverageBelowBar.exitCode
      }
    }
  }

  /// Colour on a terminal, unless `NO_COLOR` is set to anything but the empty string
  /// (https://no-color.org) or `TERM` is `dumb`.
  static func standardOutputWantsColour() -> Bool {
    let environment = ProcessInfo.processInfo.environment
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return isatty(STDOUT_FILENO) == 1
  }
}

extension CoverageWriter.Format: ExpressibleByArgument {}
