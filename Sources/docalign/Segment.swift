import ArgumentParser
import DocAlign
import Dispatch

struct Segment: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Split a text into paragraphs, sentences and headings.",
    discussion: """
      text prints one unit per line. jsonl prints one object per unit: \
      {"text","start","end","paragraph","lang","kind"}, where start/end are offsets in Unicode \
      scalars into the decoded file (BOM dropped, line ends as in the file) and kind is \
      "sentence" or "heading".
      """
  )

  @Argument(help: "The input file (UTF-8, or UTF-16: see the README, \"Input files\"); - reads standard input.")
  var file: String

  @Option(help: "Output format: text or jsonl.")
  var format: SegmentationWriter.Format = .text

  @Option(help: "Language of the text: auto (per paragraph, by script), zh, en, fr, es, ru, ar.")
  var lang: LanguageChoice = .auto

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String = "-"

  @OptionGroup var resources: ResourceOptions

  func run() throws {
    try reportingErrors {
      // The rules load on another core while this one reads and decodes the input. Errors come
      // out in the same order as before: the input's first, then the resources'.
      let resourcePath = resources.path
      let rules = BackgroundJob {
        try SegmentationRules(resources: ResourceDirectory.locate(explicitPath: resourcePath))
      }
      let source = try SourceText(contentsOf: file)
      let segmenter = Segmenter(rules: try rules.result())
      let document = try segmenter.segment(source, language: lang.language)
      let sink = try OutputSink(path: output)
      try SegmentationWriter(format: format).write(document, to: sink)
      try sink.finish()
    }
  }
}

/// A job started at once on another thread; ``result()`` waits for it and returns its value or
/// rethrows its error.
private final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
  // Written once by the job before `finished` is signalled; read only after waiting for it.
  private var outcome: Result<Value, any Error>?
  private let finished = DispatchSemaphore(value: 0)

  init(_ job: @escaping @Sendable () throws -> Value) {
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      outcome = Result(catching: job)
      finished.signal()
    }
  }

  func result() throws -> Value {
    finished.wait()
    guard let outcome else { preconditionFailure("the job signals only once it has an outcome") }
    return try outcome.get()
  }
}
