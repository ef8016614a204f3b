import Foundation

/// Writes a release alignment (``ReleaseAligner/Alignment``) as JSONL, TSV or TMX 1.4b.
///
/// - JSONL: every translation unit (each summary-side sentence of either page in exactly one,
///   aligned or not), then the condensation links of page A, then those of page B; each object
///   carries `relation` (`translation` | `condensation`) and the files its spans point into
///   (`source_file`, `target_file`).
/// - TSV: the translation units (all of them, as summary mode writes every unit); with
///   ``Options/includeCondensations`` the condensation links too.
/// - TMX: the aligned translation units; with ``Options/includeCondensations`` the condensation
///   links whose two sides differ in language, marked by `<prop type="x-relation">`.
///
/// Escaping, joining and score formatting are ``AlignmentWriter``'s.
public struct ReleaseWriter: OutputWriter {
  /// Options of the outputs.
  public struct Options: Sendable {
    /// Locale of page A's summary (the TMX source language).
    public var sourceLocale: String
    /// Locale of page B's summary.
    public var targetLocale: String
    /// Locale of page A's full text (its condensation links' target), if it has one.
    public var sourceFullTextLocale: String?
    /// Locale of page B's full text, if it has one.
    public var targetFullTextLocale: String?
    /// The name of page A's file as written into `source_file`/`target_file` and TMX properties.
    public var sourceFile: String
    /// The name of page B's file.
    public var targetFile: String
    /// TSV and TMX: add the condensation links (JSONL always has them).
    public var includeCondensations = false
    /// TSV: write a header row.
    public var header = false
    /// TSV and TMX: keep only aligned units scoring at least this (nil: no filter; TSV then also
    /// lists the unaligned translation units). JSONL always holds every unit. A pair the pivot
    /// contradicted keeps a quarter of its score, so that a bar such as 0.3 drops it.
    public var minScore: Double? = nil

    /// Options with the two summaries' locales and the two files' names.
    public init(sourceLocale: String, targetLocale: String, sourceFile: String, targetFile: String) {
      self.sourceLocale = sourceLocale
      self.targetLocale = targetLocale
      self.sourceFile = sourceFile
      self.targetFile = targetFile
    }
  }

  /// The format written (`links` is refused: it has no room for two relations).
  public let format: AlignmentWriter.Format
  /// The options.
  public let options: Options

  /// A writer for `format`.
  public init(format: AlignmentWriter.Format, options: Options) {
    self.format = format
    self.options = options
  }

  /// A link of one relation, ready to write.
  struct Record {
    let relation: String
    let unit: AlignmentUnit
    let source: Document
    let target: Document
    let sourceFile: String
    let targetFile: String
    let sourceLocale: String
    let targetLocale: String
    /// Translation units only.
    let translation: ReleaseAligner.TranslationUnit?
    /// "A" or "B" for condensation links (TMX ids).
    let page: String
  }

  func records(_ alignment: ReleaseAligner.Alignment, condensations: Bool) -> [Record] {
    let a = alignment.pageA.structure.summary, b = alignment.pageB.structure.summary
    var out = alignment.translations.map {
      Record(
        relation: "translation", unit: $0.unit, source: a, target: b, sourceFile: options.sourceFile,
        targetFile: options.targetFile, sourceLocale: options.sourceLocale, targetLocale: options.targetLocale,
        translation: $0, page: "")
    }
    guard condensations else { return out }
    for (page, bitext, file, locale, fullLocale) in [
      ("A", alignment.pageA.condensation, options.sourceFile, options.sourceLocale, options.sourceFullTextLocale),
      ("B", alignment.pageB.condensation, options.targetFile, options.targetLocale, options.targetFullTextLocale),
    ] {
      guard let bitext else { continue }
      for unit in bitext.units where unit.isAligned {
        out.append(
          Record(
            relation: "condensation", unit: unit, source: bitext.source, target: bitext.target, sourceFile: file,
            targetFile: file, sourceLocale: locale, targetLocale: fullLocale ?? locale, translation: nil, page: page))
      }
    }
    return out
  }

  /// Writes the alignment to `sink`.
  /// - Throws: ``DocAlignError/invalidRequest(_:)`` for the links format, or a TMX whose two
  ///   summaries have the same locale.
  public func write(_ alignment: ReleaseAligner.Alignment, to sink: some ByteSink) throws {
    switch format {
    case .jsonl: try writeJSONL(records(alignment, condensations: true), sink)
    case .tsv: try writeTSV(records(alignment, condensations: options.includeCondensations), sink)
    case .tmx: try writeTMX(records(alignment, condensations: options.includeCondensations), sink)
    case .links:
      throw DocAlignError.invalidRequest("release mode writes jsonl, tsv or tmx; the links format holds one relation only")
    }
  }

  // MARK: JSONL

  private func writeJSONL(_ records: [Record], _ sink: some ByteSink) throws {
    for record in records {
      let unit = record.unit
      try sink.append { out in
        out.append(0x7B)
        JSONText.appendKey("relation", to: &out)
        JSONText.appendString(record.relation, to: &out)
        out.append(0x2C)
        JSONText.appendKey("source_file", to: &out)
        JSONText.appendString(record.sourceFile, to: &out)
        out.append(0x2C)
        JSONText.appendKey("target_file", to: &out)
        JSONText.appendString(record.targetFile, to: &out)
        out.append(0x2C)
        AlignmentWriter.appendUnitFields(unit, source: record.source, target: record.target, to: &out)
        out.append(0x2C)
        JSONText.appendKey("pivot", to: &out)
        if let translation = record.translation {
          JSONText.appendString(translation.pivot.rawValue, to: &out)
          out.append(0x2C)
          JSONText.appendKey("parallel_score", to: &out)
          out.append(contentsOf: Array(AlignmentWriter.formatScore(translation.parallelScore).utf8))
          out.append(0x2C)
          JSONText.appendKey("pivot_sentences", to: &out)
          out.append(0x7B)
          JSONText.appendKey("source", to: &out)
          Self.appendInts(translation.sourceFullText, to: &out)
          out.append(0x2C)
          JSONText.appendKey("target", to: &out)
          Self.appendInts(translation.targetFullText, to: &out)
          out.append(0x7D)
        } else {
          out.append(contentsOf: Array("null".utf8))
        }
        out.append(0x7D)
        out.append(0x0A)
      }
    }
  }

  private static func appendInts(_ values: [Int], to out: inout [UInt8]) {
    out.append(0x5B)
    for (k, value) in values.enumerated() {
      if k > 0 { out.append(0x2C) }
      JSONText.appendInt(value, to: &out)
    }
    out.append(0x5D)
  }

  // MARK: TSV

  private func writeTSV(_ records: [Record], _ sink: some ByteSink) throws {
    if options.header { try sink.write("source\ttarget\tscore\trelation\tpivot\tsource_file\ttarget_file\n") }
    for record in records where options.minScore.map({ record.unit.isAligned && record.unit.score >= $0 }) ?? true {
      let unit = record.unit
      let fields = [
        AlignmentWriter.joined(unit.source, record.source), AlignmentWriter.joined(unit.target, record.target),
        unit.isAligned ? AlignmentWriter.formatScore(unit.score) : "", record.relation,
        record.translation?.pivot.rawValue ?? "", AlignmentWriter.tsvField(record.sourceFile),
        AlignmentWriter.tsvField(record.targetFile),
      ]
      try sink.write(fields.joined(separator: "\t") + "\n")
    }
  }

  // MARK: TMX

  private func writeTMX(_ records: [Record], _ sink: some ByteSink) throws {
    guard options.sourceLocale.lowercased() != options.targetLocale.lowercased() else {
      throw DocAlignError.invalidRequest(
        "a TMX file needs two different languages, but both summaries are \(options.sourceLocale); "
          + "use --format jsonl or tsv, or set --source-locale/--target-locale")
    }
    let headerLocale = AlignmentWriter.xmlEscaped(options.sourceLocale, attribute: true)
    try sink.write("""
      <?xml version="1.0" encoding="UTF-8"?>
      <tmx version="1.4">
        <header creationtool="DocAlign" creationtoolversion="\(DocAlign.version)" datatype="plaintext" segtype="sentence" adminlang="en-US" srclang="\(headerLocale)" o-tmf="DocAlign"/>
        <body>

      """)
    for record in records where record.unit.isAligned && record.unit.score >= (options.minScore ?? -.infinity) {
      // A condensation within one language is no translation pair.
      guard record.sourceLocale.lowercased() != record.targetLocale.lowercased() else { continue }
      let unit = record.unit
      let sourceText = AlignmentWriter.xmlEscaped(AlignmentWriter.joined(unit.source, record.source))
      let targetText = AlignmentWriter.xmlEscaped(AlignmentWriter.joined(unit.target, record.target))
      guard !sourceText.isEmpty, !targetText.isEmpty else { continue }
      let indices = "s\(unit.source.map(String.init).joined(separator: "+"))-t\(unit.target.map(String.init).joined(separator: "+"))"
      let id = record.translation != nil ? indices : "\(record.page)-\(indices)"
      let source = AlignmentWriter.xmlEscaped(record.sourceLocale, attribute: true)
      let target = AlignmentWriter.xmlEscaped(record.targetLocale, attribute: true)
      let srclang = source == headerLocale ? "" : " srclang=\"\(source)\""
      var tu = "    <tu tuid=\"\(id)\"\(srclang)>\n"
      tu += "      <prop type=\"x-relation\">\(record.relation)</prop>\n"
      if let translation = record.translation { tu += "      <prop type=\"x-pivot\">\(translation.pivot.rawValue)</prop>\n" }
      if let speaker = unit.speakerTarget { tu += "      <prop type=\"x-speaker\">\(AlignmentWriter.xmlEscaped(speaker))</prop>\n" }
      if let section = unit.section { tu += "      <prop type=\"x-section\">\(AlignmentWriter.xmlEscaped(section))</prop>\n" }
      tu += "      <prop type=\"x-score\">\(AlignmentWriter.formatScore(unit.score))</prop>\n"
      tu += "      <prop type=\"x-alignment-type\">\(unit.alignmentType)</prop>\n"
      let document = AlignmentWriter.xmlEscaped(URL(fileURLWithPath: record.sourceFile).lastPathComponent)
      if !document.isEmpty { tu += "      <prop type=\"x-document\">\(document)</prop>\n" }
      tu += "      <tuv xml:lang=\"\(source)\"><seg>\(sourceText)</seg></tuv>\n"
      tu += "      <tuv xml:lang=\"\(target)\"><seg>\(targetText)</seg></tuv>\n"
      tu += "    </tu>\n"
      try sink.write(tu)
    }
    try sink.write("  </body>\n</tmx>\n")
  }
}
