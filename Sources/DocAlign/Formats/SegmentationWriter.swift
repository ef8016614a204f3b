/// Writes a segmented document: one sentence a line (`text`), or one JSON object a line (`jsonl`).
public struct SegmentationWriter: Sendable {
  /// The output formats of `docalign segment`.
  public enum Format: String, Sendable, CaseIterable {
    /// One unit per line; line breaks inside a unit become spaces.
    case text
    /// One JSON object per unit: `{"text","start","end","paragraph","lang","kind"}`, offsets in
    /// Unicode scalars into the decoded input.
    case jsonl
  }

  /// The format written.
  public let format: Format

  /// A writer for `format`.
  public init(format: Format) { self.format = format }

  /// Writes every unit of `document` to `sink`.
  /// - Throws: ``DocAlignError`` when the sink cannot be written.
  public func write(_ document: Document, to sink: OutputSink) throws {
    var text = document.source.text
    try text.withUTF8 { bytes in
      for sentence in document.sentences {
        let unit = UnsafeBufferPointer(rebasing: bytes[sentence.utf8Range])
        try sink.append { out in
          switch format {
          case .text:
            Self.appendSingleLine(unit, to: &out)
            out.append(0x0A)
          case .jsonl:
            out.append(0x7B)
            JSONText.appendKey("text", to: &out)
            JSONText.appendString(utf8: unit, to: &out)
            out.append(0x2C)
            JSONText.appendKey("start", to: &out)
            JSONText.appendInt(sentence.start, to: &out)
            out.append(0x2C)
            JSONText.appendKey("end", to: &out)
            JSONText.appendInt(sentence.end, to: &out)
            out.append(0x2C)
            JSONText.appendKey("paragraph", to: &out)
            JSONText.appendInt(sentence.paragraph, to: &out)
            out.append(0x2C)
            JSONText.appendKey("lang", to: &out)
            JSONText.appendString(sentence.language.rawValue, to: &out)
            out.append(0x2C)
            JSONText.appendKey("kind", to: &out)
            JSONText.appendString(sentence.kind.rawValue, to: &out)
            out.append(0x7D)
            out.append(0x0A)
          }
        }
      }
    }
  }

  /// Appends UTF-8 bytes with CR, LF, NEL, U+2028 and U+2029 replaced by one space each.
  static func appendSingleLine(_ unit: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    if !containsLineBreak(unit) {
      out.append(contentsOf: unit)
      return
    }
    var i = 0
    while i < unit.count {
      let b = unit[i]
      if b == 0x0D {
        out.append(0x20)
        i += (i + 1 < unit.count && unit[i + 1] == 0x0A) ? 2 : 1
      } else if b == 0x0A {
        out.append(0x20)
        i += 1
      } else if b == 0xE2, i + 2 < unit.count, unit[i + 1] == 0x80, unit[i + 2] == 0xA8 || unit[i + 2] == 0xA9 {
        out.append(0x20)
        i += 3
      } else if b == 0xC2, i + 1 < unit.count, unit[i + 1] == 0x85 {
        out.append(0x20)
        i += 2
      } else {
        out.append(b)
        i += 1
      }
    }
  }

  /// Whether a unit holds CR, LF, NEL, U+2028 or U+2029 (most do not: they are copied whole).
  @inline(__always)
  static func containsLineBreak(_ unit: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = unit.count
    while i < n {
      let b = unit[i]
      if b == 0x0A || b == 0x0D { return true }
      if b == 0xE2, i + 2 < n, unit[i + 1] == 0x80, unit[i + 2] == 0xA8 || unit[i + 2] == 0xA9 { return true }
      if b == 0xC2, i + 1 < n, unit[i + 1] == 0x85 { return true }
      i += 1
    }
    return false
  }
}
