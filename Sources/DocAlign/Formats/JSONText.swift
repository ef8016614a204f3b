/// Minimal, fast JSON string and number writing (RFC 8259), for the line-oriented outputs.
enum JSONText {
  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `text` as a JSON string literal (with quotes). Non-ASCII stays UTF-8; control
  /// characters, quotes and backslashes are escaped; U+2028/U+2029 are escaped for JavaScript.
  static func appendString<S: StringProtocol>(_ text: S, to out: inout [UInt8]) {
    var copy = String(text)
    copy.withUTF8 { appendString(utf8: $0, to: &out) }
  }

  /// Appends UTF-8 bytes as a JSON string literal (with quotes). Runs of bytes that need no
  /// escaping are copied whole.
  static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.append(0x22)
    var i = 0
    var runStart = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      // Only controls, DEL, quote, backslash and the lead byte of U+2028/U+2029 are looked at.
      guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2 else {
        i += 1
        continue
      }
      if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
      i += 1
      switch b {
      case 0x22: out.append(0x5C); out.append(0x22)
      case 0x5C: out.append(0x5C); out.append(0x5C)
      case 0x0A: out.append(0x5C); out.append(0x6E)
      case 0x0D: out.append(0x5C); out.append(0x72)
      case 0x09: out.append(0x5C); out.append(0x74)
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
}
