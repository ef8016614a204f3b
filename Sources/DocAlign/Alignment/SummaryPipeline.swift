/// The steps from files to a summary alignment, as `docalign align` and `docalign coverage` run
/// them: segment the page (or the summary and the full text), read its structure, and align the
/// summary with the full text — with the zh→en lexicon only when the two sides' languages differ.
///
/// Owns a ``Segmenter`` and a ``StructureReader`` (ICU objects): use one pipeline per thread.
public struct SummaryPipeline {
  /// The resource folder everything is read from.
  public let resources: ResourceDirectory
  /// The segmenter (also for callers that segment texts themselves, e.g. pre-segmented input).
  public let segmenter: Segmenter
  /// The structure data (headings, boilerplate, speech verbs, names).
  public let structureResources: StructureResources
  private let reader: StructureReader
  /// The lexical bridges for French, Spanish, Russian and Arabic summaries (all by default).
  public var bridges: LexicalBridges = .all

  /// What the pipeline produces for one page.
  public struct Result: Sendable {
    /// The page's structure (parts, sections, speakers, turns, mentions).
    public let structure: PageStructure
    /// The summary aligned with the full text.
    public let bitext: Bitext
    /// The summary's language (imposed, or the one covering most of its text).
    public let summaryLanguage: Language
    /// The full text's language (imposed, or the one covering most of its text).
    public let fullTextLanguage: Language
  }

  /// A pipeline reading its data from a resource folder.
  /// - Throws: the resource errors of ``Segmenter`` and ``StructureResources``.
  public init(resources: ResourceDirectory) throws {
    self.resources = resources
    segmenter = try Segmenter(resources: resources)
    structureResources = try StructureResources(resources: resources)
    reader = StructureReader(resources: structureResources)
  }

  /// Reads and aligns one page holding a summary and its full text, or two texts (`fullText`
  /// given: `page` is then the summary alone).
  /// - Parameters:
  ///   - summaryLanguage: the summary's language, or nil to detect it.
  ///   - fullTextLanguage: the full text's language, or nil to detect it.
  /// - Throws: ``DocAlignError`` when the texts have no recognisable structure, a resource is
  ///   missing or ICU fails.
  public func run(
    page: SourceText, fullText: SourceText? = nil, summaryLanguage: Language? = nil, fullTextLanguage: Language? = nil
  ) throws -> Result {
    let first = try segmenter.segment(page, language: summaryLanguage)
    let second = try fullText.map { try segmenter.segment($0, language: fullTextLanguage) }
    return try align(summary: first, fullText: second, summaryLanguage: summaryLanguage, fullTextLanguage: fullTextLanguage)
  }

  /// Reads the structure of already segmented text(s) and aligns the summary with the full text:
  /// `summary` is a page holding both, or (with `fullText`) the summary alone.
  /// - Throws: as ``run(page:fullText:summaryLanguage:fullTextLanguage:)``.
  public func align(
    summary: Document, fullText: Document? = nil, summaryLanguage: Language? = nil, fullTextLanguage: Language? = nil
  ) throws -> Result {
    let structure = try fullText.map { try reader.read(summary: summary, fullText: $0) } ?? reader.read(page: summary)
    let sourceLanguage = summaryLanguage ?? structure.summary.dominantLanguage(in: structure.summarySentences)
    let targetLanguage = fullTextLanguage ?? structure.fullText.dominantLanguage(in: structure.fullTextSentences)
    let lexicon = try Lexicon.forPair(sourceLanguage, targetLanguage, resources: resources)
    var configuration = SummaryAligner.Configuration()
    configuration.bridges = bridges
    let aligner = SummaryAligner(
      lexicon: lexicon, english: try EnglishWords(resources: resources), structure: structureResources,
      configuration: configuration)
    return Result(
      structure: structure, bitext: aligner.align(structure), summaryLanguage: sourceLanguage,
      fullTextLanguage: targetLanguage)
  }
}

extension Document {
  /// The language covering most characters of a range of sentences (all of them by default;
  /// English for an empty range).
  public func dominantLanguage(in range: Range<Int>? = nil) -> Language {
    var counts: [Language: Int] = [:]
    for i in range ?? sentences.indices {
      counts[sentences[i].language, default: 0] += sentences[i].end - sentences[i].start
    }
    // Ties go to the language listed first, so that the choice never depends on hashing.
    var best: (language: Language, count: Int)? = nil
    for language in Language.allCases {
      if let count = counts[language], count > (best?.count ?? 0) { best = (language, count) }
    }
    return best?.language ?? .english
  }
}
