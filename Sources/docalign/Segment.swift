import ArgumentParser
import DocAlign

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

  @Argument(help: "The input file (UTF-8 or UTF-16 with BOM); - reads standard input.")
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
      let source = try SourceText(contentsOf: file)
      let segmenter = try Segmenter(resources: resources.locate())
      let document = try segmenter.segment(source, language: lang.language)
      let sink = try OutputSink(path: output)
      try SegmentationWriter(format: format).write(document, to: sink)
      try sink.finish()
    }
  }
}
