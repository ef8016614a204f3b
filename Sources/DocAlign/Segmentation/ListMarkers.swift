/// Inline list markers: "1) … 2) …", "1.) …", "a. … b. …", "• … • …".
///
/// A numbered or lettered marker counts only as part of a sequence that starts at 1 (or a) and
/// goes up by one; a bullet counts when the run has at least two. This keeps "in 2008. In 2009."
/// or "page 5." from being read as list items.
enum ListMarkers {
  @inline(__always)
  static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "•", "⁃", "▪", "◦", "‣", "●", "■", "○", "□", "➢", "►": return true
    default: return false
    }
  }

  private enum Style: Hashable {
    case numberDotParen, numberParen, numberDot, letterDot, letterParen, bullet
  }

  private struct Candidate {
    var range: Range<Int>
    var style: Style
    var value: Int
  }

  /// Whether a list item starts at `position` (used for line starts).
  static func opensListItem(_ bytes: UTF8Bytes, at position: Int, limit: Int) -> Bool {
    let (first, _) = bytes.scalar(at: position)
    if isBullet(first) { return true }
    if first == "-" || first == "–" || first == "*" {
      let next = position + (first == "–" ? 3 : 1)
      return next < limit && bytes.bytes[next] == 0x20
    }
    guard let candidate = marker(bytes, at: position, limit: limit) else { return false }
    return candidate.value <= 30 && candidate.style != .letterDot
  }

  /// The list marker a run opens with ("1.", "2)", "• 1.", "•"), if any.
  static func leadingMarker(_ bytes: UTF8Bytes) -> Range<Int>? {
    let start = bytes.skipBlanks(from: 0, to: bytes.count)
    guard start < bytes.count, let candidate = marker(bytes, at: start, limit: bytes.count),
      candidate.value <= 30, candidate.style != .letterDot
    else { return nil }
    return candidate.range
  }

  /// Numbered items glued to their text, "1.Helado, 2.Carne, 3.Arroz": a number of one or two
  /// digits at a token start, a period and a letter, in a sequence 1, 2, 3 … of two or more.
  /// Returns each number with its period.
  static func gluedNumberedItems(_ bytes: UTF8Bytes, landmarks: RuleLandmarks) -> [Range<Int>] {
    let buffer = bytes.bytes
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    var chain: [Range<Int>] = []
    var expected = 1
    for p in landmarks.offsets where buffer[p] == 0x2E && p > 0 && isDigit(buffer[p - 1]) && p + 1 < bytes.count {
      var start = p
      while start > 0 && isDigit(buffer[start - 1]) { start -= 1 }
      guard p - start <= 2, start == 0 || bytes.skipBlanksBackward(from: start, to: 0) < start else { continue }
      let (next, _) = bytes.scalar(at: p + 1)
      guard next.properties.isAlphabetic else { continue }
      var value = 0
      for i in start..<p { value = value * 10 + Int(buffer[i] - 0x30) }
      if value == expected {
        chain.append(start..<(p + 1))
        expected += 1
      } else if value == 1 {
        if chain.count >= 2 { break }
        chain = [start..<(p + 1)]
        expected = 2
      }
    }
    return chain.count >= 2 ? chain : []
  }

  /// A cheap necessary condition for ``find(in:)`` to accept any marker: two bullets at token
  /// starts, or a token "1", "01" or "a" followed by "." or ")" — the first item of a numbered or
  /// lettered sequence, without which no sequence is accepted. Reads only the landmark bytes
  /// (every bullet's UTF-8 form starts with E2; "." and ")" are landmarks).
  static func mayHoldMarkers(_ bytes: UTF8Bytes, landmarks: RuleLandmarks) -> Bool {
    let buffer = bytes.bytes
    // Whether a token may start at `i`: the text's start, or after a byte that may end a blank
    // (an ASCII space or control, or the last byte of a non-ASCII scalar).
    func mayStartToken(_ i: Int) -> Bool { i == 0 || buffer[i - 1] <= 0x20 || buffer[i - 1] >= 0x80 }
    var bullets = 0
    for p in landmarks.offsets {
      let b = buffer[p]
      if b == 0xE2 {
        if mayStartToken(p) && isBullet(bytes.scalar(at: p).0) {
          bullets += 1
          if bullets >= 2 { return true }
        }
      } else if b == 0x2E || b == 0x29, p >= 1 {
        let before = buffer[p - 1]
        if before == 0x61 && mayStartToken(p - 1) { return true }  // "a." "a)"
        if before == 0x31 {  // "1." "1)" "1.)" "01." …
          if mayStartToken(p - 1) { return true }
          if p >= 2 && buffer[p - 2] == 0x30 && mayStartToken(p - 2) { return true }
        }
      }
    }
    return false
  }

  /// The accepted markers of a run of text (each a byte range).
  static func find(in bytes: UTF8Bytes) -> [Range<Int>] {
    var candidates: [Candidate] = []
    var i = 0
    var atTokenStart = true
    while i < bytes.count {
      let b = bytes.bytes[i]
      if b < 0x80 && b > 0x20 && !atTokenStart {
        i += 1  // inside an ASCII token: nothing to look at
        continue
      }
      let (s, n) = bytes.scalar(at: i)
      if isBlank(s) {
        atTokenStart = true
        i += n
        continue
      }
      if atTokenStart, let candidate = marker(bytes, at: i, limit: bytes.count) {
        candidates.append(candidate)
        i = candidate.range.upperBound
        atTokenStart = false
        continue
      }
      atTokenStart = false
      i += n
    }
    var accepted: [Range<Int>] = []
    let bulletCount = candidates.filter { $0.style == .bullet }.count
    for style in [Style.numberDotParen, .numberParen, .numberDot, .letterDot, .letterParen] {
      // Follow the sequence 1, 2, 3 … in text order.
      var expected = 1
      var chain: [Range<Int>] = []
      for candidate in candidates where candidate.style == style {
        if candidate.value == expected {
          chain.append(candidate.range)
          expected += 1
        }
      }
      if chain.count >= 2 { accepted += chain }
    }
    if bulletCount >= 2 {
      accepted += candidates.filter { $0.style == .bullet }.map(\.range)
    }
    return accepted.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// A marker token at `position` followed by a blank: "12)", "3.)", "4.", "b.", "b)", "•", "⁃9.".
  private static func marker(_ bytes: UTF8Bytes, at position: Int, limit: Int) -> Candidate? {
    var i = position
    let (first, firstLength) = bytes.scalar(at: i)
    if isBullet(first) {
      i += firstLength
      // A bullet may carry a number: "⁃9." or "• 9." — the number belongs to the marker.
      var end = bytes.token(startingAt: position, limit: limit).upperBound
      let afterBlank = bytes.skipBlanks(from: end, to: limit)
      if afterBlank < limit, afterBlank > end,
        let numbered = marker(bytes, at: afterBlank, limit: limit), numbered.style != .bullet,
        numbered.style != .letterDot, numbered.style != .letterParen
      {
        end = numbered.range.upperBound
      }
      return Candidate(range: position..<max(i, end), style: .bullet, value: 0)
    }
    var value = 0
    var digits = 0
    while i < limit, bytes.bytes[i] >= 0x30, bytes.bytes[i] <= 0x39, digits < 3 {
      value = value * 10 + Int(bytes.bytes[i] - 0x30)
      digits += 1
      i += 1
    }
    var style: Style
    if digits > 0 {
      guard digits <= 2 else { return nil }
      if i < limit && bytes.bytes[i] == 0x2E {  // "."
        i += 1
        if i < limit && bytes.bytes[i] == 0x29 { i += 1; style = .numberDotParen } else { style = .numberDot }
      } else if i < limit && bytes.bytes[i] == 0x29 {
        i += 1
        style = .numberParen
      } else {
        return nil
      }
    } else {
      let b = bytes.bytes[i]
      guard b >= 0x61 && b <= 0x7A, i + 1 < limit else { return nil }  // a–z
      value = Int(b - 0x61) + 1
      i += 1
      if bytes.bytes[i] == 0x2E { style = .letterDot } else if bytes.bytes[i] == 0x29 { style = .letterParen } else { return nil }
      i += 1
    }
    // A blank must follow, then the item's text.
    guard i < limit else { return nil }
    let (after, _) = bytes.scalar(at: i)
    guard isBlank(after) else { return nil }
    return Candidate(range: position..<i, style: style, value: value)
  }
}
