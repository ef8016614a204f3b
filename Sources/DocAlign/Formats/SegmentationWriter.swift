/// Writes a segmented document: one sentence a line (`text`), or one JSON object a line (`jsonl`).
public struct SegmentationWriter: OutputWriter {
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
  public func write(_ document: Document, to sink: some ByteSink) throws {
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
            JSONText.appendSpanMembers(utf8: unit, start: sentence.start, end: sentence.end, to: &out)
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
    guard let base = unit.baseAddress else { return false }
    let n = unit.count
    let raw = UnsafeRawPointer(base)
    var i = 0
    // Eight bytes at a time: only a byte below 0x0E (CR, LF) or a lead byte C2 (NEL) or E2
    // (U+2028, U+2029) can start a line break; other words skip ahead.
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    while i + 8 <= n {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // High bit of a byte set (in each term) when it is an ASCII byte below 0x0E, or equal to
      // C2, or to E2 (a zero byte after the exclusive or). Bytes after a flagged one may be
      // flagged falsely; the flagged word is then checked byte by byte.
      let c2 = word ^ (ones &* 0xC2)
      let e2 = word ^ (ones &* 0xE2)
      let flagged =
        ((word &- ones &* 0x0E) & ~word) | ((c2 &- ones) & ~c2) | ((e2 &- ones) & ~e2)
      if flagged & highBits != 0 && containsLineBreak(base, from: i, to: i + 8, count: n) {
        return true
      }
      i += 8
    }
    return containsLineBreak(base, from: i, to: n, count: n)
  }

  /// Whether a line break starts in `start..<end` (it may run on to `count`).
  @inline(__always)
  private static func containsLineBreak(
    _ unit: UnsafePointer<UInt8>, from start: Int, to end: Int, count n: Int
  ) -> Bool {
    var i = start
    while i < end {
      let b = unit[i]
      if b == 0x0A || b == 0x0D { return true }
      if b == 0xE2, i + 2 < n, unit[i + 1] == 0x80, unit[i + 2] == 0xA8 || unit[i + 2] == 0xA9 { return true }
      if b == 0xC2, i + 1 < n, unit[i + 1] == 0x85 { return true }
      i += 1
    }
    return false
  }
}
