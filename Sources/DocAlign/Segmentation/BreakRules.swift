/// DocAlign's corrections to ICU's sentence breaks, for one run of text (a paragraph, or the
/// part of one between hard line breaks). Works on byte offsets into that run.
///
/// Breaks ICU proposes are dropped after abbreviations, initials of names, list markers, inside
/// titles and brackets, after "!"/"?" followed by a lower-case word, and inside spaced ellipses;
/// breaks are added before the items of an inline list ("1) … 2) …").
struct BreakRules {
  let rules: SegmentationRules
  let language: Language
  let bytes: UTF8Bytes

  /// Opening brackets and quotes that may stand before an abbreviation.
  static let openingPunctuation: Set<Unicode.Scalar> = [
    "(", "[", "{", "\"", "'", "“", "‘", "«", "‹", "¿", "¡", "（", "「", "『", "《", "〈", "【",
  ]
  /// Closing brackets and quotes that may follow sentence-final punctuation.
  static let closingPunctuation: Set<Unicode.Scalar> = [
    ")", "]", "}", "\"", "'", "”", "’", "»", "›", "）", "」", "』", "》", "〉", "】",
  ]
  /// A line ending in one of these is not a heading.
  static let headingBlockers: Set<Unicode.Scalar> = [
    ".", "!", "?", ":", ";", ",", "。", "！", "？", "；", "：", "，", "、", "…", "؟", "؛", "،", "۔",
    "‼", "⁇", "⁈", "⁉", "．", "｡",
  ]
  /// The closing bracket of an opening one inside which a sentence does not end (titles,
  /// parentheses), or nil.
  @inline(__always)
  static func closingBracket(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar {
    case "(": return ")"
    case "[": return "]"
    case "《": return "》"
    case "〈": return "〉"
    case "（": return "）"
    case "【": return "】"
    default: return nil
    }
  }
  /// How far (bytes) a bracket may span and still hold its content together.
  static let maximumBracketSpan = 600

  /// The corrected breaks (sorted, unique, strictly inside the run).
  func corrected(_ candidates: [Int]) -> [Int] {
    let markers = ListMarkers.find(in: bytes)
    let markerEnds = Set(markers.map(\.upperBound))
    let protected = protectedSpans()
    var result: [Int] = []
    for proposed in candidates + ellipsisBreaks() {
      // French « … ? » and spaced closers: a closing quote set off by a space stays with the
      // sentence it closes.
      let candidate = skipDetachedClosers(proposed)
      if protected.contains(where: { $0.lowerBound < candidate && candidate < $0.upperBound }) {
        continue
      }
      let tokenEnd = bytes.skipBlanksBackward(from: candidate, to: 0)
      if markerEnds.contains(tokenEnd) { continue }
      if let kept = decide(candidate, tokenEnd: tokenEnd) { result.append(kept) }
    }
    for marker in markers where marker.lowerBound > 0 { result.append(marker.lowerBound) }
    result.sort()
    var unique: [Int] = []
    for b in result where b > 0 && b < bytes.count && unique.last != b { unique.append(b) }
    return unique
  }

  /// Moves a break past tokens made only of closing quotes and brackets that follow it.
  private func skipDetachedClosers(_ candidate: Int) -> Int {
    var position = candidate
    while true {
      let start = bytes.skipBlanks(from: position, to: bytes.count)
      guard start < bytes.count else { return position }
      let token = bytes.token(startingAt: start, limit: bytes.count)
      let text = bytes.string(token)
      guard text.unicodeScalars.allSatisfy({ Self.closingPunctuation.contains($0) }) else {
        return position
      }
      position = token.upperBound
    }
  }

  /// Breaks ICU does not propose: after an ellipsis ("…", "...") followed by a capital, in
  /// cased scripts ("retards, insécurité… La liste est longue").
  private func ellipsisBreaks() -> [Int] {
    guard language.isCased else { return [] }
    var breaks: [Int] = []
    var i = 0
    while i < bytes.count {
      // Only "." and "…" (lead byte E2) can start an ellipsis.
      let b = bytes.bytes[i]
      if b != 0x2E && b != 0xE2 {
        i += 1
        continue
      }
      let (s, n) = bytes.scalar(at: i)
      let isEllipsis =
        s == "…" || (s == "." && i + 2 < bytes.count && bytes.bytes[i + 1] == 0x2E && bytes.bytes[i + 2] == 0x2E)
      guard isEllipsis else { i += n; continue }
      var end = s == "…" ? i + n : i + 3
      while end < bytes.count, bytes.bytes[end] == 0x2E { end += 1 }
      i = end
      // Glued to a word on both sides ("mean...see") or followed by nothing: no break.
      let next = bytes.skipBlanks(from: end, to: bytes.count)
      guard next > end, next < bytes.count else { continue }
      let nextToken = bytes.string(bytes.token(startingAt: next, limit: bytes.count))
      if let first = nextToken.unicodeScalars.first(where: { !Self.openingPunctuation.contains($0) }),
        first.properties.isUppercase
      {
        breaks.append(next)
      }
    }
    return breaks
  }

  /// Spans of balanced brackets (not too long) inside which ICU's breaks are dropped.
  private func protectedSpans() -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var stack: [(open: Unicode.Scalar, at: Int)] = []
    var i = 0
    while i < bytes.count {
      let b = bytes.bytes[i]
      // Only ( ) [ ] and the CJK brackets (lead bytes E3, EF) can matter.
      if b != 0x28 && b != 0x29 && b != 0x5B && b != 0x5D && b != 0xE3 && b != 0xEF {
        i += 1
        continue
      }
      let (s, n) = bytes.scalar(at: i)
      if Self.closingBracket(of: s) != nil {
        stack.append((s, i))
      } else if let top = stack.last, Self.closingBracket(of: top.open) == s {
        stack.removeLast()
        if i - top.at <= Self.maximumBracketSpan { spans.append(top.at..<(i + n)) }
      }
      i += n
    }
    return spans
  }

  /// Keeps, drops (nil) or moves one candidate break. `tokenEnd` is the end of the text before it.
  /// Works on bytes; strings are built only for the few tokens that need a look-up.
  private func decide(_ candidate: Int, tokenEnd: Int) -> Int? {
    guard tokenEnd > 0 else { return nil }
    let tokenRange = bytes.token(endingAt: tokenEnd, limit: 0)
    let nextStart = bytes.skipBlanks(from: candidate, to: bytes.count)
    let nextEnd = nextStart < bytes.count ? bytes.token(startingAt: nextStart, limit: bytes.count).upperBound : nextStart
    let nextCoreStart = skipOpening(from: nextStart, to: nextEnd)
    let nextFirst: Unicode.Scalar? = nextCoreStart < nextEnd ? bytes.scalar(at: nextCoreStart).0 : nil

    // "Yahoo! in …", "“Why?” she asked": "!" or "?" before a lower-case word does not end it.
    if language.isCased, let nextFirst, nextFirst.properties.isLowercase,
      let last = lastTerminal(before: tokenEnd), last == "!" || last == "?"
    {
      return nil
    }
    // An editorial omission "[...]" or "[…]" (before closing quotes) does not end a sentence.
    if endsWithOmissionMark(tokenRange) { return nil }
    guard bytes.bytes[tokenEnd - 1] == 0x2E else { return candidate }  // "."

    // Spaced ellipsis ". . ." handling.
    if tokenRange.count == 1 { return ellipsisDecision(candidate, dotEnd: tokenEnd, next: nextFirst) }

    let core = bytes.string(skipOpening(from: tokenRange.lowerBound, to: tokenEnd)..<tokenEnd)
    let next = bytes.string(nextCoreStart..<nextEnd)
    var cachedWordsBefore: [String]? = nil
    func previousWords() -> [String] {
      if let cachedWordsBefore { return cachedWordsBefore }
      let words = wordsBefore(tokenRange.lowerBound, count: 2)
      cachedWordsBefore = words
      return words
    }
    // Initials: "Jonas E. Smith", "J. M. Barroso", "А. С. Пушкин" (but "you and I. Did").
    if Self.isInitial(core) {
      if Self.isInitial(next) { return nil }
      if let previous = previousWords().last, let first = previous.unicodeScalars.first,
        first.properties.isUppercase, nextFirst?.properties.isUppercase == true
      {
        return nil
      }
    }
    let lookupLanguages: [Language] = language == .english ? [.english] : [language, .english]
    // The first word of a spaced multi-word abbreviation: "EE. UU.", "p. ex.", "т. е.".
    for lookup in lookupLanguages where rules.opensMultiWordAbbreviation(core, language: lookup) {
      if rules.abbreviation(
        next, previousWords: previousWords() + [core], language: lookup, requireLeadingWords: true)
        != nil
      {
        return nil
      }
    }
    // The paragraph's own list first, then English (UN texts quote English abbreviations).
    for lookup in lookupLanguages {
      for word in Self.lookupForms(core) {
        guard let kind = rules.abbreviation(word, previousWords: previousWords, language: lookup) else {
          continue
        }
        switch kind {
        case .plain:
          return nil
        case .beforeNumber:
          if let nextFirst, nextFirst.properties.numericType != nil { return nil }
          return candidate
        case .ambiguous:
          return startsSentence(next, nextFirst) ? candidate : nil
        }
      }
    }
    // A short unlisted abbreviation before a number: "N°. 1026", "Sec. 5".
    let coreLetters = core.dropLast()
    if let nextFirst, nextFirst.properties.numericType != nil, (1...3).contains(coreLetters.count),
      coreLetters.allSatisfy({ $0.isLetter || $0 == "°" || $0 == "º" })
    {
      return nil
    }
    // An unlisted dotted abbreviation: "e.g." (lower case) never ends; "U.S.A." may.
    if Self.isDottedAbbreviation(core) {
      if core.unicodeScalars.first?.properties.isLowercase == true { return nil }
      return startsSentence(next, nextFirst) ? candidate : nil
    }
    return candidate
  }

  /// The first offset in `start..<end` after opening quotes and brackets.
  private func skipOpening(from start: Int, to end: Int) -> Int {
    var i = start
    while i < end {
      let (s, n) = bytes.scalar(at: i)
      if !Self.openingPunctuation.contains(s) { break }
      i += n
    }
    return i
  }

  /// "[...]" or "[…]" at the end of a token, before closing quotes.
  private func endsWithOmissionMark(_ token: Range<Int>) -> Bool {
    guard bytes.bytes[token].contains(0x5D) else { return false }  // "]"
    return Self.endsWithOmissionMark(bytes.string(token))
  }

  /// The last scalar before `end` that is neither blank nor a closing quote or bracket.
  private func lastTerminal(before end: Int) -> Unicode.Scalar? {
    var i = end
    while i > 0 {
      let (s, j) = bytes.scalar(before: i)
      if !isBlank(s) && !Self.closingPunctuation.contains(s) { return s }
      i = j
    }
    return nil
  }

  /// Whether the next word opens a new sentence after an ambiguous abbreviation.
  private func startsSentence(_ next: String, _ nextFirst: Unicode.Scalar?) -> Bool {
    guard let nextFirst else { return true }
    if !nextFirst.properties.isUppercase { return !language.isCased }
    let word = String(String.UnicodeScalarView(next.unicodeScalars.filter {
      $0.properties.isAlphabetic || $0 == "'" || $0 == "’"
    }))
    return rules.isSentenceStarter(word, language: language)
  }

  /// ". . ." runs: three spaced dots inside a sentence do not end it; four (or a period glued to
  /// the word before the dots) do — in the latter case the break moves to after that period.
  private func ellipsisDecision(_ candidate: Int, dotEnd: Int, next: Unicode.Scalar?) -> Int? {
    var dots = 0
    var position = dotEnd
    var wordBefore: Range<Int>? = nil
    while position > 0 {
      let range = bytes.token(endingAt: position, limit: 0)
      if bytes.string(range) == "." {
        dots += 1
        position = bytes.skipBlanksBackward(from: range.lowerBound, to: 0)
        continue
      }
      wordBefore = range
      break
    }
    if let wordBefore, bytes.string(wordBefore).hasSuffix("."), dots >= 3,
      let next, next.properties.isUppercase
    {
      return wordBefore.upperBound
    }
    if dots >= 4 { return candidate }
    if dots == 3 { return nil }
    return candidate
  }

  /// Up to `count` whole words before `position`, nearest last.
  private func wordsBefore(_ position: Int, count: Int) -> [String] {
    var words: [String] = []
    var end = bytes.skipBlanksBackward(from: position, to: 0)
    while words.count < count && end > 0 {
      let range = bytes.token(endingAt: end, limit: 0)
      words.insert(Self.stripOpening(bytes.string(range)), at: 0)
      end = bytes.skipBlanksBackward(from: range.lowerBound, to: 0)
    }
    return words
  }

  /// One capital letter and a period: "E.", "А.".
  static func isInitial(_ core: String) -> Bool {
    let scalars = Array(core.unicodeScalars)
    return scalars.count == 2 && scalars[1] == "." && scalars[0].properties.isUppercase
  }

  static func endsWithOmissionMark(_ token: String) -> Bool {
    var scalars = Substring(token).unicodeScalars[...]
    while let last = scalars.last, closingPunctuation.contains(last), last != "]" {
      scalars = scalars.dropLast()
    }
    let text = String(String.UnicodeScalarView(scalars))
    return text.hasSuffix("[...]") || text.hasSuffix("[…]")
  }

  static func stripOpening(_ token: String) -> String {
    var scalars = Substring(token).unicodeScalars[...]
    while let first = scalars.first, openingPunctuation.contains(first) { scalars = scalars.dropFirst() }
    return String(String.UnicodeScalarView(scalars))
  }

  /// The forms of a token to look up: as is, and the part after the last slash
  /// ("A/HRC/31/34/Corr." → "Corr.").
  static func lookupForms(_ core: String) -> [String] {
    if let slash = core.lastIndex(of: "/") {
      return [core, String(core[core.index(after: slash)...])]
    }
    return [core]
  }

  /// "U.S.A.", "e.g.", "Ph.D.": letters, each group short, separated by periods.
  static func isDottedAbbreviation(_ core: String) -> Bool {
    guard core.utf8.lazy.filter({ $0 == 0x2E }).count >= 2 else { return false }
    let parts = core.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 3, parts.last?.isEmpty == true else { return false }
    return parts.dropLast().allSatisfy { part in
      !part.isEmpty && part.count <= 2 && part.allSatisfy(\.isLetter)
    }
  }
}
