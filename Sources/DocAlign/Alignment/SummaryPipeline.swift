/// The steps from files to a summary alignment, as `docalign align` and `docalign coverage` run
/// them: segment the page (or the summary and the full text), read its structure, and align the
/// summary with the full text — with the zh→en lexicon only when the two sides' languages differ.
///
/// Owns a ``Segmenter`` and a ``StructureReader`` (ICU objects): use one pipeline per thread.
public struct SummaryPipeline {
  /// The resource folder everything is read from.
  public let resources: ResourceDirectory
  private let segmenter: Segmenter
  private let structureResources: StructureResources
  private let reader: StructureReader

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
    let structure: PageStructure
    if let fullText {
      structure = try reader.read(summary: first, fullText: try segmenter.segment(fullText, language: fullTextLanguage))
    } else {
      structure = try reader.read(page: first)
    }
    let sourceLanguage = summaryLanguage ?? Self.dominantLanguage(structure.summary, structure.summarySentences)
    let targetLanguage = fullTextLanguage ?? Self.dominantLanguage(structure.fullText, structure.fullTextSentences)
    let lexicon = sourceLanguage != targetLanguage ? try Lexicon(resources: resources) : nil
    let aligner = SummaryAligner(
      lexicon: lexicon, english: try EnglishWords(resources: resources), structure: structureResources)
    return Result(
      structure: structure, bitext: aligner.align(structure), summaryLanguage: sourceLanguage,
      fullTextLanguage: targetLanguage)
  }

  /// The language covering most characters of a range of sentences (English for an empty range).
  static func dominantLanguage(_ document: Document, _ range: Range<Int>) -> Language {
    var counts: [Language: Int] = [:]
    for i in range {
      counts[document.sentences[i].language, default: 0] += document.sentences[i].end - document.sentences[i].start
    }
    // Ties go to the language listed first, so that the choice never depends on hashing.
    var best: (language: Language, count: Int)? = nil
    for language in Language.allCases {
      if let count = counts[language], count > (best?.count ?? 0) { best = (language, count) }
    }
    return best?.language ?? .english
  }
}
