import Foundation

/// How two texts are aligned.
public enum AlignmentMode: String, Sendable, Hashable, Codable, CaseIterable {
  /// Summary mode for a page holding a summary and a full text, or for two files of which the
  /// first condenses the second; parallel mode for two translations and for pre-segmented input.
  case auto
  /// Each summary sentence → the full-text sentences it condenses, or nothing.
  case summary
  /// Two translations of one text, aligned monotonically with omissions.
  case parallel
  /// The two language versions of one meeting (two pages, each a summary + the same full text,
  /// or a summary only): the summaries aligned as translations, each with its full text, the
  /// full text as a pivot (``ReleaseAligner``). Auto mode chooses it for two pages whose
  /// summaries are in different languages.
  case release
}

/// Where a job's text comes from.
public enum JobInput: Sendable, Hashable {
  /// A file (`-` for standard input).
  case file(String)
  /// A text already in memory, with the name used in messages and outputs.
  case text(String, name: String)

  /// The path or name shown in messages and reports.
  public var name: String {
    switch self {
    case .file(let path): return path
    case .text(_, let name): return name
    }
  }

  /// Reads and decodes the input.
  /// - Throws: the input errors of ``SourceText/init(contentsOf:)``.
  public func load() throws -> SourceText {
    switch self {
    case .file(let path): return try SourceText(contentsOf: path)
    case .text(let text, let name): return SourceText(name: name, text: text)
    }
  }
}

/// One unit of work: what to align, and how. `docalign align`, `docalign coverage`, every row of a
/// `docalign batch` manifest and library users all describe their work as a job and hand it to a
/// ``JobRunner``.
public struct AlignmentJob: Sendable, Hashable {
  /// A name for the job, unique within a batch (the output files are named after it).
  public var id: String
  /// A page (summary + full text), a summary, or the first translation.
  public var source: JobInput
  /// The full text, or the second translation; nil when `source` is a whole page.
  public var target: JobInput?
  /// The mode asked for.
  public var mode: AlignmentMode
  /// The source side's language, or nil to detect it.
  public var sourceLanguage: Language?
  /// The target side's language, or nil to detect it.
  public var targetLanguage: Language?
  /// TMX locale of the source side, or nil for the language's default (``Language/defaultLocale``).
  public var sourceLocale: String?
  /// TMX locale of the target side, or nil for the language's default.
  public var targetLocale: String?
  /// Each input line is one sentence (line k is sentence k), as parallel test sets are given.
  /// Implies parallel mode; needs both inputs.
  public var presegmented: Bool
  /// The lexical bridges used for French, Spanish, Russian and Arabic text (all by default;
  /// see ``LexicalBridges``).
  public var bridges: LexicalBridges = .all
  /// Release mode: use the full text as a pivot to confirm or demote translation pairs.
  public var usePivot = true

  /// A job; everything but the inputs defaults to detection.
  public init(
    id: String, source: JobInput, target: JobInput? = nil, mode: AlignmentMode = .auto,
    sourceLanguage: Language? = nil, targetLanguage: Language? = nil,
    sourceLocale: String? = nil, targetLocale: String? = nil, presegmented: Bool = false
  ) {
    self.id = id
    self.source = source
    self.target = target
    self.mode = mode
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.sourceLocale = sourceLocale
    self.targetLocale = targetLocale
    self.presegmented = presegmented
  }
}

/// What a job produced.
public struct JobResult: Sendable {
  /// The job.
  public let job: AlignmentJob
  /// The mode the job ran in (``AlignmentMode/auto`` resolved).
  public let mode: AlignmentMode
  /// The page structure (summary mode; nil in parallel mode).
  public let structure: PageStructure?
  /// The alignment.
  public let bitext: Bitext
  /// The source side's language (imposed, or the one covering most of its text).
  public let sourceLanguage: Language
  /// The target side's language.
  public let targetLanguage: Language
  /// TMX locale of the source side.
  public let sourceLocale: String
  /// TMX locale of the target side.
  public let targetLocale: String

  /// Whether the result can be written as TMX: its two sides have different locales.
  public var canWriteTMX: Bool { sourceLocale.lowercased() != targetLocale.lowercased() }

  /// Writer options for this result: its locales, and the source file's name as the TMX
  /// `x-document` property.
  public var writerOptions: AlignmentWriter.Options {
    var options = AlignmentWriter.Options(sourceLocale: sourceLocale, targetLocale: targetLocale)
    options.documentName = URL(fileURLWithPath: job.source.name).lastPathComponent
    return options
  }

  /// Release mode: the whole release alignment (``bitext`` is then its translation units,
  /// ``structure`` page A's structure, the languages and locales the two summaries').
  public internal(set) var release: ReleaseAligner.Alignment? = nil

  /// Release mode: writer options for this result (locales, file names).
  public var releaseWriterOptions: ReleaseWriter.Options {
    var options = ReleaseWriter.Options(
      sourceLocale: sourceLocale, targetLocale: targetLocale, sourceFile: job.source.name,
      targetFile: job.target?.name ?? "")
    options.sourceFullTextLocale = release?.pageA.fullTextLanguage?.defaultLocale
    options.targetFullTextLocale = release?.pageB.fullTextLanguage?.defaultLocale
    return options
  }

  /// The coverage report of a summary-mode result (nil in parallel mode); in release mode,
  /// page A's (nil when it has no full text).
  public var coverageReport: CoverageReport? {
    if let release { return ReleaseAligner.coverageReport(of: release.pageA) }
    return structure.map {
      CoverageReport(structure: $0, bitext: bitext, summaryLanguage: sourceLanguage, fullTextLanguage: targetLanguage)
    }
  }
}
