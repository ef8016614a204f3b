/// Measuring, cutting and wrapping text in terminal columns: East Asian wide characters take two
/// columns, combining marks none.
enum TerminalText {
  /// The columns a character takes.
  static func columns(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let value = scalar.value
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if isWide(value) { return 2 }
    return 1
  }

  /// The columns a text takes.
  static func columns<S: StringProtocol>(of text: S) -> Int { text.reduce(0) { $0 + columns(of: $1) } }

  /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth W and F), and wide emoji.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// The text on one line: runs of white space (line breaks included) become one space, and
  /// control characters are dropped.
  static func oneLine<S: StringProtocol>(_ text: S) -> String {
    var result = ""
    var pendingSpace = false
    for character in text {
      if character.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
      if pendingSpace { result.append(" ") }
      pendingSpace = false
      result.append(character)
    }
    return result
  }

  /// The text cut to at most `width` columns, ending with `…` when cut.
  static func truncated(_ text: String, to width: Int) -> String {
    guard columns(of: text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let w = columns(of: character)
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + "…"
  }

  /// The text cut to `width` columns and padded with spaces to exactly `width` (on the right, or
  /// on the left for numbers).
  static func fitted(_ text: String, to width: Int, alignRight: Bool = false) -> String {
    let cut = truncated(text, to: width)
    let padding = String(repeating: " ", count: max(0, width - columns(of: cut)))
    return alignRight ? padding + cut : cut + padding
  }

  /// The text wrapped into lines of at most `width` columns: at spaces when a line has one, else
  /// between any two characters (Chinese has no spaces).
  static func wrapped(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line: [Character] = []
    var used = 0
    for character in text {
      let w = columns(of: character)
      if used + w > width, !line.isEmpty {
        if let space = line.lastIndex(of: " "), space > 0 {
          lines.append(String(line[..<space]))
          line = Array(line[(space + 1)...])
        } else {
          lines.append(String(line))
          line = []
        }
        used = columns(of: String(line))
        if character == " " && line.isEmpty { continue }
      }
      line.append(character)
      used += w
    }
    if !line.isEmpty { lines.append(String(line)) }
    return lines
  }
}
