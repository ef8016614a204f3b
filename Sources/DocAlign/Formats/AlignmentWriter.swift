import Foundation

/// Writes a bitext as JSONL (every unit), TSV (every unit) or TMX 1.4b (aligned units only).
public struct AlignmentWriter: OutputWriter {
  /// The output formats of `docalign align`.
  public enum Format: String, Sendable, CaseIterable {
    /// One JSON object per unit (the schema in the README).
    case jsonl
    /// source, target, score, speaker, section; tab-separated, no quoting.
    case tsv
    /// TMX 1.4b for CAT tools: only aligned units.
    case tmx
    /// The peer aligners' link format, one bead a line: `[0]:[0,1]:0.8731` (0-based sentence
    /// indices; 1-0 and 0-1 beads included as `[3]:[]` and `[]:[4]`).
    case links
  }

  /// Options of the TSV and TMX outputs.
  public struct Options: Sendable {
    /// TMX locale of the source side (e.g. zh-CN).
    public var sourceLocale: String
    /// TMX locale of the target side (e.g. en-US).
    public var targetLocale: String
    /// TSV: write a header row.
    public var header = false
    /// Name of the source document written into TMX properties.
    public var documentName: String = ""
    /// TSV and TMX: keep only aligned units scoring at least this (nil: no filter; TSV then
    /// also lists the unaligned units). JSONL always holds every unit.
    public var minScore: Double? = nil
    /// Creates options with the two locales.
    public init(sourceLocale: String, targetLocale: String) {
      self.sourceLocale = sourceLocale
      self.targetLocale = targetLocale
    }
  }

  /// The format written.
  public let format: Format
  /// The options.
  public let options: Options

  /// A writer for `format`.
  public init(format: Format, options: Options) {
    self.format = format
    self.options = options
  }

  /// Writes the bitext to `sink`.
  /// - Throws: ``DocAlignError/invalidRequest(_:)`` for a TMX with one language.
  public func write(_ bitext: Bitext, to sink: some ByteSink) throws {
    switch format {
    case .jsonl: try writeJSONL(bitext, sink)
    case .tsv: try writeTSV(bitext, sink)
    case .tmx: try writeTMX(bitext, sink)
    case .links:
      for unit in bitext.units {
        let source = unit.source.map(String.init).joined(separator: ",")
        let target = unit.target.map(String.init).joined(separator: ",")
        try sink.write("[\(source)]:[\(target)]:\(String(format: "%.4f", unit.score))\n")
      }
    }
  }

  // MARK: JSONL

  private func writeJSONL(_ bitext: Bitext, _ sink: some ByteSink) throws {
    for unit in bitext.units {
      try sink.append { out in
        out.append(0x7B)
        Self.appendUnitFields(unit, source: bitext.source, target: bitext.target, to: &out)
        out.append(0x7D)
        out.append(0x0A)
      }
    }
  }

  /// The fields of a unit's JSONL object, `"source"` to `"mentions"`, without the braces (the
  /// release writer puts its own fields around them).
  static func appendUnitFields(_ unit: AlignmentUnit, source: Document, target: Document, to out: inout [UInt8]) {
    JSONText.appendKey("source", to: &out)
    Self.appendSpans(unit.source, source, to: &out)
    out.append(0x2C)
    JSONText.appendKey("target", to: &out)
    Self.appendSpans(unit.target, target, to: &out)
    out.append(0x2C)
    JSONText.appendKey("score", to: &out)
    out.append(contentsOf: Array(Self.formatScore(unit.score).utf8))
    out.append(0x2C)
    JSONText.appendKey("speaker", to: &out)
    if unit.speakerSource == nil && unit.speakerTarget == nil {
      out.append(contentsOf: Array("null".utf8))
    } else {
      out.append(0x7B)
      JSONText.appendKey("source", to: &out)
      Self.appendOptional(unit.speakerSource, to: &out)
      out.append(0x2C)
      JSONText.appendKey("target", to: &out)
      Self.appendOptional(unit.speakerTarget, to: &out)
      out.append(0x7D)
    }
    out.append(0x2C)
    JSONText.appendKey("section", to: &out)
    Self.appendOptional(unit.section, to: &out)
    out.append(0x2C)
    JSONText.appendKey("type", to: &out)
    JSONText.appendString(unit.alignmentType, to: &out)
    out.append(0x2C)
    JSONText.appendKey("mentions", to: &out)
    out.append(0x5B)
    for (k, mention) in unit.mentions.enumerated() {
      if k > 0 { out.append(0x2C) }
      out.append(0x7B)
      JSONText.appendKey("source", to: &out)
      JSONText.appendString(mention.source, to: &out)
      out.append(0x2C)
      JSONText.appendKey("target", to: &out)
      Self.appendOptional(mention.target, to: &out)
      out.append(0x7D)
    }
    out.append(0x5D)
  }

  static func appendSpans(_ indices: [Int], _ document: Document, to out: inout [UInt8]) {
    out.append(0x5B)
    for (k, index) in indices.enumerated() {
      let sentence = document.sentences[index]
      if k > 0 { out.append(0x2C) }
      out.append(0x7B)
      var text = String(document.text(of: sentence))
      text.withUTF8 { JSONText.appendSpanMembers(utf8: $0, start: sentence.start, end: sentence.end, to: &out) }
      out.append(0x7D)
    }
    out.append(0x5D)
  }

  static func appendOptional(_ text: String?, to out: inout [UInt8]) {
    if let text { JSONText.appendString(text, to: &out) } else { out.append(contentsOf: Array("null".utf8)) }
  }

  static func formatScore(_ score: Double) -> String {
    let rounded = (score * 10000).rounded() / 10000
    return rounded == 0 ? "0" : String(rounded)
  }

  // MARK: TSV

  /// The text of several sentences on one line: joined without a separator in Chinese, with a
  /// space otherwise; tabs, line breaks, U+2028/U+2029 become spaces.
  static func joined(_ indices: [Int], _ document: Document) -> String {
    let separator = indices.first.map { document.sentences[$0].language == .chinese } == true ? "" : " "
    return indices.map { tsvField(String(document.text(of: document.sentences[$0]))) }.joined(separator: separator)
  }

  static func tsvField(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previousCR = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out.append(" "); previousCR = false
      case "\r": out.append(" "); previousCR = true
      case "\n": if !previousCR { out.append(" ") }; previousCR = false
      default:
        previousCR = false
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.append(scalar)
      }
    }
    return String(out)
  }

  private func writeTSV(_ bitext: Bitext, _ sink: some ByteSink) throws {
    if options.header { try sink.write("source\ttarget\tscore\tspeaker\tsection\n") }
    for unit in bitext.units where options.minScore.map({ unit.isAligned && unit.score >= $0 }) ?? true {
      let fields = [
        Self.joined(unit.source, bitext.source), Self.joined(unit.target, bitext.target),
        unit.isAligned ? Self.formatScore(unit.score) : "",
        Self.tsvField(unit.speakerTarget ?? ""), Self.tsvField(unit.section ?? ""),
      ]
      try sink.write(fields.joined(separator: "\t") + "\n")
    }
  }

  // MARK: TMX

  /// Escapes text for XML content or attributes and removes characters XML 1.0 forbids.
  static func xmlEscaped(_ text: String, attribute: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private func writeTMX(_ bitext: Bitext, _ sink: some ByteSink) throws {
    guard options.sourceLocale.lowercased() != options.targetLocale.lowercased() else {
      throw DocAlignError.invalidRequest(
        "a TMX file needs two different languages, but both sides are \(options.sourceLocale); "
          + "use --format jsonl or tsv for a one-language page, or set --source-locale/--target-locale")
    }
    let source = Self.xmlEscaped(options.sourceLocale, attribute: true)
    let target = Self.xmlEscaped(options.targetLocale, attribute: true)
    try sink.write("""
      <?xml version="1.0" encoding="UTF-8"?>
      <tmx version="1.4">
        <header creationtool="DocAlign" creationtoolversion="\(DocAlign.version)" datatype="plaintext" segtype="sentence" adminlang="en-US" srclang="\(source)" o-tmf="DocAlign"/>
        <body>

      """)
    let document = Self.xmlEscaped(options.documentName, attribute: false)
    for unit in bitext.units where unit.isAligned && unit.score >= (options.minScore ?? -.infinity) {
      let sourceText = Self.xmlEscaped(Self.joined(unit.source, bitext.source))
      let targetText = Self.xmlEscaped(Self.joined(unit.target, bitext.target))
      guard !sourceText.isEmpty, !targetText.isEmpty else { continue }
      let id = "s\(unit.source.map(String.init).joined(separator: "+"))-t\(unit.target.map(String.init).joined(separator: "+"))"
      var tu = "    <tu tuid=\"\(id)\">\n"
      if let speaker = unit.speakerTarget { tu += "      <prop type=\"x-speaker\">\(Self.xmlEscaped(speaker))</prop>\n" }
      if let section = unit.section { tu += "      <prop type=\"x-section\">\(Self.xmlEscaped(section))</prop>\n" }
      tu += "      <prop type=\"x-score\">\(Self.formatScore(unit.score))</prop>\n"
      tu += "      <prop type=\"x-alignment-type\">\(unit.alignmentType)</prop>\n"
      if !document.isEmpty { tu += "      <prop type=\"x-document\">\(document)</prop>\n" }
      tu += "      <tuv xml:lang=\"\(source)\"><seg>\(sourceText)</seg></tuv>\n"
      tu += "      <tuv xml:lang=\"\(target)\"><seg>\(targetText)</seg></tuv>\n"
      tu += "    </tu>\n"
      try sink.write(tu)
    }
    try sink.write("  </body>\n</tmx>\n")
  }
}
