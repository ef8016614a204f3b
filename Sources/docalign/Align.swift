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

  @OptionGroup var resources: ResourceOptions

  enum AlignmentMode: String, ExpressibleByArgument, CaseIterable { case auto, summary, parallel }

  @Option(help: "Lexical bridges for French, Spanish, Russian and Arabic: all (default), none, a comma list of stemmer, dictionary, cognates, learned, or all but some (-cognates).")
  var bridges: LexicalBridges = .all

  @Flag(help: "Each input line is one sentence (line k is sentence k), as parallel test sets are given.")
  var presegmented = false

  func run() throws {
    try reportingErrors {
      let folder = try resources.locate()
      var pipeline = try SummaryPipeline(resources: folder)
      pipeline.bridges = bridges
      let segmenter = pipeline.segmenter
      func document(_ path: String, _ language: LanguageChoice) throws -> Document {
        let source = try SourceText(contentsOf: path)
        return presegmented ? segmenter.lines(of: source, language: language.language) : try segmenter.segment(source, language: language.language)
      }
      let first = try document(file, sourceLang)
      let second = try secondFile.map { try document($0, targetLang) }
      let bitext: Bitext
      let sourceLanguage: Language, targetLanguage: Language
      if let second, try useParallelMode(first, second, pipeline.structureResources) {
        sourceLanguage = sourceLang.language ?? first.dominantLanguage()
        targetLanguage = targetLang.language ?? second.dominantLanguage()
        var configuration = ParallelAligner.Configuration()
        configuration.bridges = bridges
        let aligner = ParallelAligner(
          lexicon: try Lexicon.forPair(sourceLanguage, targetLanguage, resources: folder),
          english: try EnglishWords(resources: folder), configuration: configuration)
        bitext = aligner.align(source: first, target: second)
      } else {
        if mode == .parallel {
          throw DocAlignError.invalidRequest("parallel mode needs two files: SOURCE and TARGET")
        }
        let result = try pipeline.align(
          summary: first, fullText: second, summaryLanguage: sourceLang.language, fullTextLanguage: targetLang.language)
        bitext = result.bitext
        sourceLanguage = result.summaryLanguage
        targetLanguage = result.fullTextLanguage
      }
      var options = AlignmentWriter.Options(
        sourceLocale: sourceLocale ?? sourceLanguage.defaultLocale, targetLocale: targetLocale ?? targetLanguage.defaultLocale)
      options.header = header
      options.documentName = URL(fileURLWithPath: file).lastPathComponent
      // Refuse a one-language TMX before creating the output file.
      if format == .tmx && options.sourceLocale.lowercased() == options.targetLocale.lowercased() {
        throw DocAlignError.invalidRequest(
          "\(file): a TMX file needs two different languages, but both sides are \(options.sourceLocale); "
            + "use --format jsonl or tsv, or set --source-locale/--target-locale")
      }
      let sink = try OutputSink(path: output)
      try AlignmentWriter(format: format, options: options).write(bitext, to: sink)
      try sink.finish()
    }
  }

  /// Parallel mode when asked for, or in auto mode for two files of which the first does not
  /// condense the second (comparable lengths, or a second file without speaker turns), and
  /// always for pre-segmented input.
  private func useParallelMode(_ first: Document, _ second: Document, _ resources: StructureResources) throws -> Bool {
    switch mode {
    case .parallel: return true
    case .summary: return false
    case .auto:
      if presegmented { return true }
      let firstLength = first.sentences.reduce(0) { $0 + $1.end - $1.start }
      let secondLength = second.sentences.reduce(0) { $0 + $1.end - $1.start }
      guard Double(firstLength) < 0.6 * Double(secondLength) else { return true }
      let structure = try? StructureReader(resources: resources).read(summary: first, fullText: second)
      return structure?.turns.isEmpty ?? true
    }
  }
}

extension AlignmentWriter.Format: ExpressibleByArgument {}

extension LexicalBridges: ExpressibleByArgument {
  public init?(argument: String) {
    guard let parsed = try? LexicalBridges(list: argument) else { return nil }
    self = parsed
  }
}
