import ArgumentParser
import DocAlign

struct Structure: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "structure",
    abstract: "Print a page's outline: parts, sections, speaker turns, summary mentions.",
    discussion: """
      FILE is a page holding a summary and the full text; with SECOND_FILE, FILE is the summary \
      and SECOND_FILE the full text.
      """
  )

  @Argument(help: "The page, or the summary file (- reads standard input).")
  var file: String

  @Argument(help: "The full-text file, when the summary and the full text are two files.")
  var secondFile: String?

  @Option(help: "Output format: text or json.")
  var format: StructureWriter.Format = .text

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String = "-"

  @OptionGroup var resources: ResourceOptions

  func run() throws {
    try reportingErrors {
      let runner = JobRunner(resources: ResourceSet(directory: try resources.locate()))
      let segmenter = try runner.segmenter()
      let reader = try runner.structureReader()
      let first = try segmenter.segment(SourceText(contentsOf: file))
      let structure: PageStructure
      if let secondFile {
        structure = try reader.read(summary: first, fullText: try segmenter.segment(SourceText(contentsOf: secondFile)))
      } else {
        structure = try reader.read(page: first)
      }
      let sink = try OutputSink(path: output)
      try StructureWriter(format: format).write(structure, to: sink)
      try sink.finish()
    }
  }
}

extension StructureWriter.Format: ExpressibleByArgument {}
