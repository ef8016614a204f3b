import Foundation

/// The steps from two page files to a release alignment, as `docalign align --mode release`
/// runs them: segment both pages, read each one's structure (a page cut after its summary is
/// accepted), and run ``ReleaseAligner``.
///
/// Owns a ``Segmenter`` and a ``StructureReader`` (ICU objects): use one pipeline per thread.
public struct ReleasePipeline {
  /// The resource folder everything is read from.
  public let resources: ResourceDirectory
  /// The segmenter.
  public let segmenter: Segmenter
  /// The structure data.
  public let structureResources: StructureResources
  private let reader: StructureReader

  /// A pipeline reading its data from a resource folder.
  /// - Throws: the resource errors of ``Segmenter`` and ``StructureResources``.
  public init(resources: ResourceDirectory) throws {
    self.resources = resources
    segmenter = try Segmenter(resources: resources)
    structureResources = try StructureResources(resources: resources)
    reader = StructureReader(resources: structureResources)
  }

  /// A pipeline sharing an already loaded segmenter and structure data (e.g. a
  /// ``SummaryPipeline``'s).
  public init(resources: ResourceDirectory, segmenter: Segmenter, structureResources: StructureResources) {
    self.resources = resources
    self.segmenter = segmenter
    self.structureResources = structureResources
    reader = StructureReader(resources: structureResources)
  }

  /// Reads a page: a summary followed by its full text, or, when no full text can be told
  /// apart, a summary only.
  public func readPage(_ document: Document) -> PageStructure {
    (try? reader.read(page: document)) ?? reader.read(summaryOnly: document)
  }

  /// Whether two segmented texts look like the two language versions of one meeting: each is a
  /// page holding a summary and a full text, and their summaries are in different languages
  /// (the rule of `--mode auto`).
  public func isRelease(_ first: Document, _ second: Document) -> Bool {
    guard let a = try? reader.read(page: first), let b = try? reader.read(page: second),
      !a.summarySentences.isEmpty, !b.summarySentences.isEmpty
    else { return false }
    return a.summary.dominantLanguage(in: a.summarySentences) != b.summary.dominantLanguage(in: b.summarySentences)
  }

  /// Segments and aligns two pages.
  /// - Parameters:
  ///   - sourceLanguage, targetLanguage: imposed summary languages, or nil to detect them (the
  ///     pages are always segmented with per-paragraph detection: a page mixes languages).
  /// - Throws: the input, resource and ICU errors.
  public func run(
    pageA: SourceText, pageB: SourceText, sourceLanguage: Language? = nil, targetLanguage: Language? = nil,
    configuration: ReleaseAligner.Configuration = ReleaseAligner.Configuration()
  ) throws -> ReleaseAligner.Alignment {
    try align(
      pageA: try segmenter.segment(pageA, language: nil), pageB: try segmenter.segment(pageB, language: nil),
      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, configuration: configuration)
  }

  /// Aligns two segmented pages.
  /// - Throws: ``DocAlignError/unsupportedInput(path:reason:)`` for a page without any
  ///   sentence, and the resource errors.
  public func align(
    pageA: Document, pageB: Document, sourceLanguage: Language? = nil, targetLanguage: Language? = nil,
    configuration: ReleaseAligner.Configuration = ReleaseAligner.Configuration()
  ) throws -> ReleaseAligner.Alignment {
    for page in [pageA, pageB] where page.sentences.isEmpty {
      throw DocAlignError.unsupportedInput(path: page.source.name, reason: "the page holds no sentence to align")
    }
    let a = readPage(pageA), b = readPage(pageB)
    // The zh↔en lexicon whenever Chinese meets another language on either step.
    var languages: Set<Language> = []
    for (structure, imposed) in [(a, sourceLanguage), (b, targetLanguage)] {
      languages.insert(imposed ?? structure.summary.dominantLanguage(in: structure.summarySentences))
      if !structure.fullTextSentences.isEmpty {
        languages.insert(structure.fullText.dominantLanguage(in: structure.fullTextSentences))
      }
    }
    let lexicon = languages.contains(.chinese) && languages.count > 1 ? try Lexicon(resources: resources) : nil
    let aligner = ReleaseAligner(
      lexicon: lexicon, english: try EnglishWords(resources: resources), structure: structureResources,
      configuration: configuration)
    return aligner.align(
      aligner.page(a, summaryLanguage: sourceLanguage), aligner.page(b, summaryLanguage: targetLanguage))
  }
}
