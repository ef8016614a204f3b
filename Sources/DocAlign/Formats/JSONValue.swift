/// A JSON value whose objects keep their keys in the order given, written with two-space
/// indentation: for outputs whose layout must be stable (the coverage report).
enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// A number rounded to `decimals` places, written in its shortest form (`0.3`, `45.45`).
  case number(Double, decimals: Int)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  /// An optional string, or null.
  static func string(orNull value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
  /// An optional integer, or null.
  static func int(orNull value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
  /// An optional number, or null.
  static func number(orNull value: Double?, decimals: Int) -> JSONValue { value.map { .number($0, decimals: decimals) } ?? .null }
  /// An array of integers.
  static func ints(_ values: [Int]) -> JSONValue { .array(values.map { .int($0) }) }

  /// The UTF-8 text of the value, pretty-printed, without a final line break.
  func serialized() -> [UInt8] {
    var out: [UInt8] = []
    append(to: &out, indent: 0)
    return out
  }

  private func append(to out: inout [UInt8], indent: Int) {
    switch self {
    case .null: out.append(contentsOf: Array("null".utf8))
    case .bool(let value): out.append(contentsOf: Array((value ? "true" : "false").utf8))
    case .int(let value): JSONText.appendInt(value, to: &out)
    case .number(let value, let decimals): out.append(contentsOf: Array(Self.format(value, decimals: decimals).utf8))
    case .string(let value): JSONText.appendString(value, to: &out)
    case .array(let values):
      guard !values.isEmpty else { out.append(contentsOf: Array("[]".utf8)); return }
      // Arrays of scalars stay on one line.
      if values.allSatisfy(\.isScalar) {
        out.append(0x5B)
        for (i, value) in values.enumerated() {
          if i > 0 { out.append(contentsOf: [0x2C, 0x20]) }
          value.append(to: &out, indent: indent)
        }
        out.append(0x5D)
        return
      }
      out.append(0x5B)
      for (i, value) in values.enumerated() {
        out.append(contentsOf: Array((i > 0 ? ",\n" : "\n").utf8))
        Self.indent(indent + 1, &out)
        value.append(to: &out, indent: indent + 1)
      }
      out.append(0x0A)
      Self.indent(indent, &out)
      out.append(0x5D)
    case .object(let members):
      guard !members.isEmpty else { out.append(contentsOf: Array("{}".utf8)); return }
      out.append(0x7B)
      for (i, member) in members.enumerated() {
        out.append(contentsOf: Array((i > 0 ? ",\n" : "\n").utf8))
        Self.indent(indent + 1, &out)
        JSONText.appendString(member.key, to: &out)
        out.append(contentsOf: [0x3A, 0x20])
        member.value.append(to: &out, indent: indent + 1)
      }
      out.append(0x0A)
      Self.indent(indent, &out)
      out.append(0x7D)
    }
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
