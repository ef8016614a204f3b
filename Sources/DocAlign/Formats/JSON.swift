/// DocAlign's one JSON writer (RFC 8259): byte-level appends for the line-oriented outputs (JSONL
/// of `segment` and `align`), and ``JSONValue`` trees for the documents (`coverage --format
/// json`, `structure --format json`), written in one of two fixed layouts.
enum JSONText {
  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// How strings are escaped.
  enum Escaping {
    /// Controls, quote and backslash escaped (`\n`, `\r`, `\t`, else `\u00XX`), and DEL and
    /// U+2028/U+2029 as `\u007f`, `\u2028`, `\u2029` (safe to embed in JavaScript).
    case standard
    /// The escaping of the outline's layout: controls, quote and backslash escaped (`\b`, `\f`,
    /// `\n`, `\r`, `\t`, else `\u00XX`) and `/` as `\/`; DEL and U+2028/U+2029 kept as they are.
    case outline
  }

  /// Appends `text` as a JSON string literal (with quotes).
  static func appendString<S: StringProtocol>(_ text: S, escaping: Escaping = .standard, to out: inout [UInt8]) {
    var copy = String(text)
    copy.withUTF8 { appendString(utf8: $0, escaping: escaping, to: &out) }
  }

  /// Appends UTF-8 bytes as a JSON string literal (with quotes). Runs of bytes that need no
  /// escaping are copied whole.
  static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, escaping: Escaping = .standard, to out: inout [UInt8]) {
    out.append(0x22)
    var i = 0
    var runStart = 0
    let n = bytes.count
    let standard = escaping == .standard
    while i < n {
      let b = bytes[i]
      // Only controls, quote, backslash and (by the escaping) DEL, the lead byte of
      // U+2028/U+2029, or the slash are looked at.
      let special = b < 0x20 || b == 0x22 || b == 0x5C || (standard ? (b == 0x7F || b == 0xE2) : b == 0x2F)
      guard special else {
        i += 1
        continue
      }
      if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
      i += 1
      switch b {
      case 0x22: out.append(0x5C); out.append(0x22)
      case 0x5C: out.append(0x5C); out.append(0x5C)
      case 0x2F: out.append(0x5C); out.append(0x2F)
      case 0x0A: out.append(0x5C); out.append(0x6E)
      case 0x0D: out.append(0x5C); out.append(0x72)
      case 0x09: out.append(0x5C); out.append(0x74)
      case 0x08 where !standard: out.append(0x5C); out.append(0x62)
      case 0x0C where !standard: out.append(0x5C); out.append(0x66)
      case 0x00..<0x20, 0x7F:
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
      case 0xE2 where i + 1 < n && bytes[i] == 0x80 && (bytes[i + 1] == 0xA8 || bytes[i + 1] == 0xA9):
        let last: UInt8 = bytes[i + 1] == 0xA8 ? 0x38 : 0x39
        out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, last])
        i += 2
      default: out.append(b)
      }
      runStart = i
    }
    if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
    out.append(0x22)
  }

  /// Appends a decimal integer.
  static func appendInt(_ value: Int, to out: inout [UInt8]) {
    if value == 0 { out.append(0x30); return }
    if value == .min { out.append(contentsOf: Array(String(value).utf8)); return }
    var v = value
    if v < 0 { out.append(0x2D); v = -v }
    var digits: [UInt8] = []
    while v > 0 { digits.append(UInt8(v % 10) + 0x30); v /= 10 }
    out.append(contentsOf: digits.reversed())
  }

  /// Appends `"key":` (the key must need no escaping).
  static func appendKey(_ key: StaticString, to out: inout [UInt8]) {
    out.append(0x22)
    key.withUTF8Buffer { out.append(contentsOf: $0) }
    out.append(0x22)
    out.append(0x3A)
  }

  /// Appends the members of a text span, `"text":…,"start":…,"end":…` (no braces), as every
  /// JSONL output writes a piece of its input: UTF-8 bytes of the text, and its offsets in Unicode
  /// scalars into the decoded input.
  static func appendSpanMembers(utf8 text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, to out: inout [UInt8]) {
    appendKey("text", to: &out)
    appendString(utf8: text, to: &out)
    out.append(0x2C)
    appendKey("start", to: &out)
    appendInt(start, to: &out)
    out.append(0x2C)
    appendKey("end", to: &out)
    appendInt(end, to: &out)
  }
}

/// A JSON value whose objects keep their keys in the order given, for documents whose layout must
/// be stable (the coverage report, the page outline).
enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// A number rounded to `decimals` places, written in its shortest form (`0.3`, `45.45`).
  case number(Double, decimals: Int)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  /// The two layouts DocAlign writes.
  enum Layout {
    /// Two-space indentation, `"key": value`, keys in the order given, arrays of scalars on one
    /// line, standard escaping (the coverage report).
    case report
    /// Two-space indentation, `"key" : value`, keys sorted, every array and object on its own
    /// lines (empty ones as `[\n\n]`), the outline escaping (`structure --format json`; the layout
    /// it always had).
    case outline
  }

  /// An optional string, or null.
  static func string(orNull value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
  /// An optional integer, or null.
  static func int(orNull value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
  /// An optional number, or null.
  static func number(orNull value: Double?, decimals: Int) -> JSONValue { value.map { .number($0, decimals: decimals) } ?? .null }
  /// An array of integers.
  static func ints(_ values: [Int]) -> JSONValue { .array(values.map { .int($0) }) }

  /// The UTF-8 text of the value in `layout`, without a final line break.
  func serialized(_ layout: Layout = .report) -> [UInt8] {
    var out: [UInt8] = []
    append(to: &out, indent: 0, layout: layout)
    return out
  }

  private func append(to out: inout [UInt8], indent: Int, layout: Layout) {
    let escaping: JSONText.Escaping = layout == .report ? .standard : .outline
    switch self {
    case .null: out.append(contentsOf: Array("null".utf8))
    case .bool(let value): out.append(contentsOf: Array((value ? "true" : "false").utf8))
    case .int(let value): JSONText.appendInt(value, to: &out)
    case .number(let value, let decimals): out.append(contentsOf: Array(Self.format(value, decimals: decimals).utf8))
    case .string(let value): JSONText.appendString(value, escaping: escaping, to: &out)
    case .array(let values):
      if layout == .report {
        guard !values.isEmpty else { out.append(contentsOf: Array("[]".utf8)); return }
        // Arrays of scalars stay on one line.
        if values.allSatisfy(\.isScalar) {
          out.append(0x5B)
          for (i, value) in values.enumerated() {
            if i > 0 { out.append(contentsOf: [0x2C, 0x20]) }
            value.append(to: &out, indent: indent, layout: layout)
          }
          out.append(0x5D)
          return
        }
      }
      Self.appendBlock(open: 0x5B, close: 0x5D, count: values.count, indent: indent, to: &out) { i, out in
        values[i].append(to: &out, indent: indent + 1, layout: layout)
      }
    case .object(let given):
      if layout == .report && given.isEmpty { out.append(contentsOf: Array("{}".utf8)); return }
      let members = layout == .outline ? given.sorted { $0.key < $1.key } : given
      let separator: [UInt8] = layout == .report ? [0x3A, 0x20] : [0x20, 0x3A, 0x20]
      Self.appendBlock(open: 0x7B, close: 0x7D, count: members.count, indent: indent, to: &out) { i, out in
        JSONText.appendString(members[i].key, escaping: escaping, to: &out)
        out.append(contentsOf: separator)
        members[i].value.append(to: &out, indent: indent + 1, layout: layout)
      }
    }
  }

  /// `open`, each element on its own line one level in, a line break, `close` (an empty block
  /// holds one empty line).
  private static func appendBlock(
    open: UInt8, close: UInt8, count: Int, indent: Int, to out: inout [UInt8],
    element: (Int, inout [UInt8]) -> Void
  ) {
    out.append(open)
    if count == 0 { out.append(0x0A) }
    for i in 0..<count {
      out.append(contentsOf: Array((i > 0 ? ",\n" : "\n").utf8))
      Self.indent(indent + 1, &out)
      element(i, &out)
    }
    out.append(0x0A)
    Self.indent(indent, &out)
    out.append(close)
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  private static func indent(_ level: Int, _ out: inout [UInt8]) {
    out.append(contentsOf: repeatElement(0x20, count: 2 * level))
  }

  /// A finite number rounded to `decimals` places, in its shortest decimal form; non-finite
  /// numbers (which JSON cannot hold) become 0.
  static func format(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<max(decimals, 0) { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
  }
}
