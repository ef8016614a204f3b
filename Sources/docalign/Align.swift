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

  @Option(help: "auto, summary, parallel or release. auto: release mode for two pages whose summaries are in different languages; summary mode for a page, or for two files of which the first condenses the second; parallel mode otherwise.")
  var mode: AlignmentMode = .auto

  @Flag(help: "Release mode, TSV and TMX: add the summary-to-full-text (condensation) links to the translation units.")
  var includeCondensations = false

  @Option(help: "Release mode: write units scoring below this as unaligned (a contradicted pair keeps a quarter of its score).")
  var minScore: Double = 0

  @Flag(help: "Release mode: do not use the full text as a pivot (for comparison).")
  var noPivot = false

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

  enum AlignmentMode: String, ExpressibleByArgument, CaseIterable { case auto, summary, parallel, release }

  @Flag(help: "Each input line is one sentence (line k is sentence k), as parallel test sets are given.")
  var presegmented = false

  func run() throws {
    try reportingErrors {
      let folder = try resources.locate()
      let pipeline = try SummaryPipeline(resources: folder)
      let segmenter = pipeline.segmenter
      // Each input is read once (standard input cannot be read twice).
      let firstText = try SourceText(contentsOf: file)
      let secondText = try secondFile.map { try SourceText(contentsOf: $0) }
      func document(_ source: SourceText, _ language: LanguageChoice) throws -> Document {
        presegmented ? segmenter.lines(of: source, language: language.language) : try segmenter.segment(source, language: language.language)
      }
      if mode == .release || mode == .auto && !presegmented && secondFile != nil {
        if try runRelease(pipeline, firstText, secondText) { return }
      }
      let first = try document(firstText, sourceLang)
      let second = try secondText.map { try document($0, targetLang) }
      let bitext: Bitext
      let sourceLanguage: Language, targetLanguage: Language
      if let second, try useParallelMode(first, second, pipeline.structureResources) {
        sourceLanguage = sourceLang.language ?? first.dominantLanguage()
        targetLanguage = targetLang.language ?? second.dominantLanguage()
        let needsLexicon = sourceLanguage != targetLanguage && (sourceLanguage == .chinese || targetLanguage == .chinese)
        let aligner = ParallelAligner(
          lexicon: needsLexicon ? try Lexicon(resources: folder) : nil, english: try EnglishWords(resources: folder))
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

  /// Release mode (`--mode release`, or `auto` for two pages whose summaries differ in
  /// language): returns false when auto mode finds the inputs are not such a pair.
  private func runRelease(_ pipeline: SummaryPipeline, _ firstText: SourceText, _ secondText: SourceText?) throws -> Bool {
    guard let secondFile, let secondText else {
      throw DocAlignError.invalidRequest("release mode needs two files: PAGE_A and PAGE_B")
    }
    guard !presegmented else { throw DocAlignError.invalidRequest("release mode reads pages; --presegmented does not apply") }
    let release = ReleasePipeline(
      resources: pipeline.resources, segmenter: pipeline.segmenter, structureResources: pipeline.structureResources)
    let pageA = try pipeline.segmenter.segment(firstText, language: nil)
    let pageB = try pipeline.segmenter.segment(secondText, language: nil)
    if mode == .auto && !release.isRelease(pageA, pageB) { return false }
    var configuration = ReleaseAligner.Configuration()
    configuration.usePivot = !noPivot
    configuration.minScore = minScore
    let alignment = try release.align(
      pageA: pageA, pageB: pageB, sourceLanguage: sourceLang.language, targetLanguage: targetLang.language,
      configuration: configuration)
    var options = ReleaseWriter.Options(
      sourceLocale: sourceLocale ?? alignment.pageA.summaryLanguage.defaultLocale,
      targetLocale: targetLocale ?? alignment.pageB.summaryLanguage.defaultLocale, sourceFile: file, targetFile: secondFile)
    options.sourceFullTextLocale = alignment.pageA.fullTextLanguage?.defaultLocale
    options.targetFullTextLocale = alignment.pageB.fullTextLanguage?.defaultLocale
    options.includeCondensations = includeCondensations
    options.header = header
    if format == .tmx && options.sourceLocale.lowercased() == options.targetLocale.lowercased() {
      throw DocAlignError.invalidRequest(
        "\(file), \(secondFile): a TMX file needs two different languages, but both summaries are \(options.sourceLocale); "
          + "use --format jsonl or tsv, or set --source-locale/--target-locale")
    }
    if format == .links { throw DocAlignError.invalidRequest("release mode writes jsonl, tsv or tmx") }
    let sink = try OutputSink(path: output)
    try ReleaseWriter(format: format, options: options).write(alignment, to: sink)
    try sink.finish()
    return true
  }

  /// Parallel mode when asked for, or in auto mode for two files of which the first does not
  /// condense the second (comparable lengths, or a second file without speaker turns), and
  /// always for pre-segmented input.
  private func useParallelMode(_ first: Document, _ second: Document, _ resources: StructureResources) throws -> Bool {
    switch mode {
    case .parallel: return true
    case .summary, .release: return false
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
