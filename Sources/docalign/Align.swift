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

  @Option(help: "Output format: jsonl, tsv or tmx.")
  var format: AlignmentWriter.Format = .jsonl

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String = "-"

  @Option(help: "auto, summary or parallel. auto chooses summary mode for a page holding a summary and a full text.")
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

  @OptionGroup var resources: ResourceOptions

  enum AlignmentMode: String, ExpressibleByArgument, CaseIterable { case auto, summary, parallel }

  func run() throws {
    try reportingErrors {
      if mode == .parallel {
        throw DocAlignError.invalidRequest(
          "parallel mode (two translations of the same text) is not available in DocAlign \(DocAlign.version); use --mode summary")
      }
      let folder = try resources.locate()
      let segmenter = try Segmenter(resources: folder)
      let structureResources = try StructureResources(resources: folder)
      let reader = StructureReader(resources: structureResources)
      let first = try segmenter.segment(SourceText(contentsOf: file), language: sourceLang.language)
      let structure: PageStructure
      if let secondFile {
        let second = try segmenter.segment(SourceText(contentsOf: secondFile), language: targetLang.language)
        structure = try reader.read(summary: first, fullText: second)
      } else {
        structure = try reader.read(page: first)
      }
      let sourceLanguage = sourceLang.language ?? dominantLanguage(structure.summary, structure.summarySentences)
      let targetLanguage = targetLang.language ?? dominantLanguage(structure.fullText, structure.fullTextSentences)
      let lexicon = sourceLanguage != targetLanguage ? try Lexicon(resources: folder) : nil
      let aligner = SummaryAligner(lexicon: lexicon, english: try EnglishWords(resources: folder), structure: structureResources)
      let bitext = aligner.align(structure)
      var options = AlignmentWriter.Options(
        sourceLocale: sourceLocale ?? sourceLanguage.defaultLocale, targetLocale: targetLocale ?? targetLanguage.defaultLocale)
      options.header = header
      options.documentName = URL(fileURLWithPath: file).lastPathComponent
      // Refuse a one-language TMX before creating the output file.
      if format == .tmx && options.sourceLocale.lowercased() == options.targetLocale.lowercased() {
        throw DocAlignError.invalidRequest(
          "\(file): a TMX file needs two different languages, but summary and full text are both \(options.sourceLocale); "
            + "use --format jsonl or tsv, or set --source-locale/--target-locale")
      }
      let sink = try OutputSink(path: output)
      try AlignmentWriter(format: format, options: options).write(bitext, to: sink)
      try sink.finish()
    }
  }

  private func dominantLanguage(_ document: Document, _ range: Range<Int>) -> Language {
    var counts: [Language: Int] = [:]
    for i in range { counts[document.sentences[i].language, default: 0] += document.sentences[i].end - document.sentences[i].start }
    return counts.max { $0.value < $1.value }?.key ?? .english
  }
}

extension AlignmentWriter.Format: ExpressibleByArgument {}
