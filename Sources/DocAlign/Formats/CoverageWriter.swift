/// Writes a ``CoverageReport`` as a terminal table, as JSON (the layout of
/// `Schemas/coverage-report.schema.json`) or as one self-contained HTML page.
public struct CoverageWriter: OutputWriter {
  /// The output formats of `docalign coverage`.
  public enum Format: String, Sendable, CaseIterable {
    /// Tables for a terminal, at most ``Options/width`` columns wide.
    case text
    /// One JSON object (`Schemas/coverage-report.schema.json`).
    case json
    /// One HTML file: the summary beside the full text, links and gaps marked.
    case html
  }

  /// Options of the text output.
  public struct Options: Sendable {
    /// Text: colour the statuses with ANSI escapes (for a terminal).
    public var colour = false
    /// Text: the width to fit, in terminal columns (at least 72).
    public var width = 100
    /// The defaults: no colour, 100 columns.
    public init() {}
  }

  /// The format written.
  public let format: Format
  /// The options.
  public let options: Options

  /// A writer for `format`.
  public init(format: Format, options: Options = Options()) {
    self.format = format
    self.options = options
  }

  /// The report in this writer's format.
  public func render(_ report: CoverageReport) -> String {
    switch format {
    case .text: return CoverageTextTable(report: report, width: max(options.width, 72), colour: options.colour).render()
    case .json: return String(decoding: CoverageJSON.value(report).serialized(), as: UTF8.self) + "\n"
    case .html: return CoverageHTML(report: report).render()
    }
  }

  /// Writes the report to `sink`.
  public func write(_ report: CoverageReport, to sink: some ByteSink) throws {
    try sink.write(render(report))
  }
}

/// The JSON form of a coverage report. Keys appear in a fixed order; numbers are rounded (scores
/// to 4 places, percentages to 2).
enum CoverageJSON {
  /// The version of the layout; raised when a field changes meaning or disappears.
  static let version = 1

  static func value(_ report: CoverageReport) -> JSONValue {
    let structure = report.structure
    let totals = report.totals
    let sectionTitles = Dictionary(uniqueKeysWithValues: structure.sections.map { ($0.index, $0.title) })
    return .object([
      ("format", .string("docalign-coverage")),
      ("version", .int(version)),
      ("documents", .object([
        ("summary", .string(structure.summary.source.name)),
        ("fullText", .string(structure.fullText.source.name)),
        ("singlePage", .bool(structure.isSinglePage)),
        ("summaryLanguage", .string(report.summaryLanguage.rawValue)),
        ("fullTextLanguage", .string(report.fullTextLanguage.rawValue)),
      ])),
      ("thresholds", .object(report.thresholds.set.sorted { $0.name.rawValue < $1.name.rawValue }.map {
        ($0.name.rawValue, .number($0.value, decimals: 4))
      })),
      ("totals", .object([
        ("speakers", .int(totals.speakers)),
        ("covered", .int(totals.coveredSpeakers)),
        ("named", .int(totals.namedSpeakers)),
        ("notMentioned", .int(totals.notMentionedSpeakers)),
        ("speakerCoveragePercent", .number(orNull: totals.speakerCoveragePercent, decimals: 2)),
        ("summarySentences", .int(totals.summarySentences)),
        ("linkedSummarySentences", .int(totals.linkedSummarySentences)),
        ("speakerListSentences", .int(totals.speakerListSentences)),
        ("standaloneSentences", .int(totals.standaloneSentences)),
        ("unsupportedSentences", .int(totals.unsupportedSentences)),
        ("fullTextSentences", .int(totals.fullTextSentences)),
        ("linkedFullTextSentences", .int(totals.linkedFullTextSentences)),
        ("fullTextCoveragePercent", .number(orNull: totals.fullTextCoveragePercent, decimals: 2)),
        ("mentions", .int(totals.mentions)),
        ("unresolvedMentions", .int(totals.unresolvedMentions)),
      ])),
      ("speakers", .array(report.speakers.map { speaker in
        .object([
          ("id", .int(speaker.id)),
          ("name", .string(speaker.name)),
          ("key", .string(speaker.key)),
          ("role", .string(speaker.role.rawValue)),
          ("onBehalfOf", .string(orNull: speaker.onBehalfOf)),
          ("sections", .ints(speaker.sections)),
          ("sectionTitles", .array(speaker.sections.map { .string(sectionTitles[$0] ?? "") })),
          ("sentenceCount", .int(speaker.sentences.count)),
          ("linkedSentenceCount", .int(speaker.linkedSentences.count)),
          ("linkedSentences", .ints(speaker.linkedSentences)),
          ("firstSentence", .int(orNull: speaker.firstSentence)),
          ("listed", .bool(speaker.isInSpeakerList)),
          ("mentioned", .bool(speaker.isMentioned)),
          ("jointOnly", .bool(speaker.speaksOnlyJointly)),
          ("status", .string(speaker.status.rawValue)),
        ])
      })),
      ("sections", .array(report.sections.map { section in
        .object([
          ("index", .int(section.index)),
          ("kind", .string(section.kind.rawValue)),
          ("title", .string(section.title)),
          ("heading", .int(orNull: section.heading)),
          ("sentenceCount", .int(section.sentenceCount)),
          ("linkedSentenceCount", .int(section.linkedSentenceCount)),
          ("sharePercent", .number(section.share * 100, decimals: 2)),
          ("speakers", .ints(section.speakers)),
        ])
      })),
      ("summarySentences", .array(report.summarySentences.map(sentence))),
      ("unsupported", .array(report.unsupportedSentences.map(sentence))),
      ("unresolvedMentions", .array(report.unresolvedMentions.map { mention in
        .object([
          ("sentence", .int(mention.sentence)),
          ("text", .string(mention.text)),
          ("list", .bool(mention.isListItem)),
          ("key", .string(orNull: mention.key)),
        ])
      })),
    ])
  }

  private static func sentence(_ sentence: SummarySentenceCoverage) -> JSONValue {
    .object([
      ("index", .int(sentence.index)),
      ("text", .string(sentence.text)),
      ("part", .string(sentence.part.rawValue)),
      ("status", .string(sentence.status.rawValue)),
      ("reason", .string(orNull: sentence.reason?.rawValue)),
      ("score", .number(sentence.score, decimals: 4)),
      ("threshold", .number(orNull: sentence.threshold, decimals: 4)),
      ("targets", .ints(sentence.targets)),
      ("speaker", .int(orNull: sentence.speaker)),
    ])
  }
}
