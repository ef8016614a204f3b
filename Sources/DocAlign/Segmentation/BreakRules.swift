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

  /// Opening brackets and quotes that may stand before an abbreviation:
  /// ( [ { " ' “ ‘ « ‹ ¿ ¡ （ 「 『 《 〈 【
  @inline(__always)
  static func isOpeningPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "(", "[", "{", "\"", "'", "“", "‘", "«", "‹", "¿", "¡", "（", "「", "『", "《", "〈", "【":
      return true
    default:
      return false
    }
  }
  /// Closing brackets and quotes that may follow sentence-final punctuation:
  /// ) ] } " ' ” ’ » › ） 」 』 》 〉 】
  @inline(__always)
  static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ")", "]", "}", "\"", "'", "”", "’", "»", "›", "）", "」", "』", "》", "〉", "】":
      return true
    default:
      return false
    }
  }
  /// Whether a line ending in `scalar` is kept from being a heading (sentence and clause
  /// punctuation of the six languages).
  @inline(__always)
  static func isHeadingBlocker(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ".", "!", "?", ":", ";", ",", "。", "！", "？", "；", "：", "，", "、", "…", "؟", "؛", "،", "۔",
      "‼", "⁇", "⁈", "⁉", "．", "｡":
      return true
    default:
      return false
    }
  }
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

  /// The corrected breaks (sorted, unique, strictly inside the run), each plus `offset` (the
  /// run's position in a longer text).
  func corrected(_ candidates: [Int], shiftedBy offset: Int = 0) -> [Int] {
    // One pass finds every byte the scans below start from; each scan then visits only those.
    let landmarks = RuleLandmarks(bytes)
    let markers =
      ListMarkers.mayHoldMarkers(bytes, landmarks: landmarks) ? ListMarkers.find(in: bytes) : []
    let ellipses = ellipsisBreaks(landmarks)
    var markerEnds = Set(markers.map(\.upperBound))
    // A run opening with a list marker ("1. Lea el informe.", "• 1. Busca atención …" on a
    // line of its own), and numbered items glued to their text ("1.Helado, 2.Carne, 3.Arroz"):
    // no sentence ends after the number.
    if let leading = ListMarkers.leadingMarker(bytes) { markerEnds.insert(leading.upperBound) }
    for item in ListMarkers.gluedNumberedItems(bytes, landmarks: landmarks) { markerEnds.insert(item.upperBound) }
    var added = numberEndBreaks(landmarks, markerEnds: markerEnds)
    if let colon = headingColonBreak() { added.append(colon) }
    if candidates.isEmpty && ellipses.isEmpty && markers.isEmpty && added.isEmpty { return [] }
    let protected = candidates.isEmpty && ellipses.isEmpty ? [] : protectedSpans(landmarks)
    var result: [Int] = []
    result.reserveCapacity(candidates.count + ellipses.count + markers.count)
    for proposed in ellipses.isEmpty ? candidates : candidates + ellipses {
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
    for extra in added where !protected.contains(where: { $0.lowerBound < extra && extra < $0.upperBound }) {
      result.append(extra)
    }
    result.sort()
    // Keep each break once, strictly inside the run, shifted (in place).
    var kept = 0
    var last: Int? = nil
    for i in result.indices {
      let b = result[i]
      guard b > 0 && b < bytes.count && last != b else { continue }
      result[kept] = b + offset  // kept <= i: only entries already read are overwritten
      kept += 1
      last = b
    }
    result.removeLast(result.count - kept)
    return result
  }

  /// Breaks ICU does not propose after a number ending a sentence before another number:
  /// "1 + 1 es 2. 2 + 2 es 4.", "… en 2008. 2009 fue …", "Véase el párr. 5. 3 delegaciones …".
  /// The number must be a token of one to four digits after another token (a number opening the
  /// run is a list marker).
  private func numberEndBreaks(_ landmarks: RuleLandmarks, markerEnds: Set<Int>) -> [Int] {
    let buffer = bytes.bytes
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    var breaks: [Int] = []
    for p in landmarks.offsets where buffer[p] == 0x2E && p > 0 && isDigit(buffer[p - 1]) {
      var start = p
      while start > 0 && isDigit(buffer[start - 1]) { start -= 1 }
      guard p - start <= 4, start > 0, !markerEnds.contains(p + 1) else { continue }
      // The number is a token of its own, after a word.
      let previousEnd = bytes.skipBlanksBackward(from: start, to: 0)
      guard previousEnd < start, previousEnd > 0 else { continue }
      let next = bytes.skipBlanks(from: p + 1, to: bytes.count)
      guard next > p + 1, next < bytes.count, isDigit(buffer[next]) else { continue }
      breaks.append(next)
    }
    return breaks
  }

  /// In a caseless script, a heading-like clause of one to three words ending in a colon at the
  /// start of a run, before a sentence: "سؤال وجواب: ماذا حدث …؟" → "سؤال وجواب:" | "ماذا حدث …؟".
  private func headingColonBreak() -> Int? {
    guard !language.isCased else { return nil }
    var position = bytes.skipBlanks(from: 0, to: bytes.count)
    // Running text opens with a conjunction ("وقال الأمين العام: …", "فأجاب: …"): a clause
    // introducing speech, not a heading.
    guard position < bytes.count else { return nil }
    let (first, _) = bytes.scalar(at: position)
    if first == "و" || first == "ف" { return nil }
    for _ in 0..<3 {
      guard position < bytes.count else { return nil }
      let token = bytes.token(startingAt: position, limit: bytes.count)
      guard !token.isEmpty else { return nil }
      let (last, _) = bytes.scalar(before: token.upperBound)
      if last == ":" {
        let next = bytes.skipBlanks(from: token.upperBound, to: bytes.count)
        guard next > token.upperBound, next < bytes.count else { return nil }
        // A quotation follows: the clause introduces it.
        if Self.isOpeningPunctuation(bytes.scalar(at: next).0) { return nil }
        // A sentence follows: at least three words.
        var words = 0
        var i = next
        while i < bytes.count && words < 3 {
          let t = bytes.token(startingAt: i, limit: bytes.count)
          guard !t.isEmpty else { break }
          words += 1
          i = bytes.skipBlanks(from: t.upperBound, to: bytes.count)
        }
        return words >= 3 ? next : nil
      }
      // Terminal or clause punctuation before the colon: not a heading clause.
      if Self.isHeadingBlocker(last) { return nil }
      position = bytes.skipBlanks(from: token.upperBound, to: bytes.count)
    }
    return nil
  }

  /// Moves a break past tokens made only of closing quotes and brackets that follow it.
  private func skipDetachedClosers(_ candidate: Int) -> Int {
    var position = candidate
    while true {
      let start = bytes.skipBlanks(from: position, to: bytes.count)
      guard start < bytes.count else { return position }
      let token = bytes.token(startingAt: start, limit: bytes.count)
      guard bytes.allScalars(in: token, satisfy: Self.isClosingPunctuation) else { return position }
      position = token.upperBound
    }
  }

  /// Breaks ICU does not propose: after an ellipsis ("…", "...") followed by a capital, in
  /// cased scripts ("retards, insécurité… La liste est longue").
  private func ellipsisBreaks(_ landmarks: RuleLandmarks) -> [Int] {
    guard language.isCased else { return [] }
    var breaks: [Int] = []
    var i = 0
    // Only "." and "…" (lead byte E2) can start an ellipsis: both are landmarks.
    for position in landmarks.offsets where position >= i {
      let b = bytes.bytes[position]
      if b != 0x2E && b != 0xE2 { continue }
      i = position
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
      let nextToken = bytes.token(startingAt: next, limit: bytes.count)
      if let first = bytes.firstScalar(in: nextToken, where: { !Self.isOpeningPunctuation($0) }),
        isUppercase(first)
      {
        breaks.append(next)
      }
    }
    return breaks
  }

  /// Spans of balanced brackets (not too long) inside which ICU's breaks are dropped.
  private func protectedSpans(_ landmarks: RuleLandmarks) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var stack: [(open: Unicode.Scalar, at: Int)] = []
    // Only ( ) [ ] and the CJK brackets (lead bytes E3, EF) can matter: all are landmarks, and
    // none is a continuation byte, so visiting them in order visits every bracket once.
    for i in landmarks.offsets {
      let b = bytes.bytes[i]
      if b != 0x28 && b != 0x29 && b != 0x5B && b != 0x5D && b != 0xE3 && b != 0xEF { continue }
      let (s, n) = bytes.scalar(at: i)
      if Self.closingBracket(of: s) != nil {
        stack.append((s, i))
      } else if let top = stack.last, Self.closingBracket(of: top.open) == s {
        stack.removeLast()
        if i - top.at <= Self.maximumBracketSpan { spans.append(top.at..<(i + n)) }
      }
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
    if language.isCased, let nextFirst, isLowercase(nextFirst),
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
        isUppercase(first), let nextFirst, isUppercase(nextFirst)
      {
        return nil
      }
    }
    // The paragraph's own list first, then English (UN texts quote English abbreviations).
    let lookupCount = language == .english ? 1 : 2
    let coreKey = SegmentationRules.LookupKey(core)
    // The first word of a spaced multi-word abbreviation: "EE. UU.", "p. ex.", "т. е.".
    for pass in 0..<lookupCount {
      let lookup = pass == 0 ? language : .english
      guard rules.opensMultiWordAbbreviation(coreKey, language: lookup) else { continue }
      if rules.abbreviation(
        next, previousWords: previousWords() + [core], language: lookup, requireLeadingWords: true)
        != nil
      {
        return nil
      }
    }
    let afterSlashKey = Self.partAfterLastSlash(core).map(SegmentationRules.LookupKey.init)
    for pass in 0..<lookupCount {
      let lookup = pass == 0 ? language : .english
      for form in 0..<(afterSlashKey == nil ? 1 : 2) {
        let key = form == 0 ? coreKey : afterSlashKey ?? coreKey
        guard let kind = rules.abbreviation(key, previousWords: previousWords, language: lookup) else {
          continue
        }
        switch kind {
        case .plain:
          return nil
        case .beforeNumber:
          if let nextFirst, isNumeric(nextFirst) { return nil }
          return candidate
        case .ambiguous:
          return startsSentence(next, nextFirst) ? candidate : nil
        }
      }
    }
    // A short unlisted abbreviation before a number: "N°. 1026", "Sec. 5".
    if let nextFirst, isNumeric(nextFirst) {
      let coreLetters = core.dropLast()
      if (1...3).contains(coreLetters.count),
        coreLetters.allSatisfy({ $0.isLetter || $0 == "°" || $0 == "º" })
      {
        return nil
      }
    }
    // An unlisted dotted abbreviation: "e.g." (lower case) never ends; "U.S.A." may.
    if Self.isDottedAbbreviation(core) {
      if let first = core.unicodeScalars.first, isLowercase(first) { return nil }
      return startsSentence(next, nextFirst) ? candidate : nil
    }
    return candidate
  }

  /// The first offset in `start..<end` after opening quotes and brackets.
  private func skipOpening(from start: Int, to end: Int) -> Int {
    var i = start
    while i < end {
      let (s, n) = bytes.scalar(at: i)
      if !Self.isOpeningPunctuation(s) { break }
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
      if !isBlank(s) && !Self.isClosingPunctuation(s) { return s }
      i = j
    }
    return nil
  }

  /// Whether the next word opens a new sentence after an ambiguous abbreviation.
  private func startsSentence(_ next: String, _ nextFirst: Unicode.Scalar?) -> Bool {
    guard let nextFirst else { return true }
    if !isUppercase(nextFirst) { return !language.isCased }
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
      let next, isUppercase(next)
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
    // At most 4 + 1 bytes; most tokens are longer and need no decoding.
    guard core.utf8.count <= 5 else { return false }
    var scalars = core.unicodeScalars.makeIterator()
    guard let first = scalars.next(), let second = scalars.next(), scalars.next() == nil else {
      return false
    }
    return second == "." && isUppercase(first)
  }

  static func endsWithOmissionMark(_ token: String) -> Bool {
    var scalars = Substring(token).unicodeScalars[...]
    while let last = scalars.last, isClosingPunctuation(last), last != "]" {
      scalars = scalars.dropLast()
    }
    let text = String(String.UnicodeScalarView(scalars))
    return text.hasSuffix("[...]") || text.hasSuffix("[…]")
  }

  static func stripOpening(_ token: String) -> String {
    var scalars = Substring(token).unicodeScalars[...]
    while let first = scalars.first, isOpeningPunctuation(first) { scalars = scalars.dropFirst() }
    return String(String.UnicodeScalarView(scalars))
  }

  /// The part of a token after its last "/" ("A/HRC/31/34/Corr." → "Corr."), or nil without
  /// one: looked up too when the token as is is not listed.
  static func partAfterLastSlash(_ core: String) -> String? {
    // A "/" character needs a "/" byte: most tokens have none and skip the character search.
    guard core.utf8.contains(0x2F), let slash = core.lastIndex(of: "/") else { return nil }
    return String(core[core.index(after: slash)...])
  }

  /// "U.S.A.", "e.g.", "Ph.D.": letters, each group short, separated by periods.
  static func isDottedAbbreviation(_ core: String) -> Bool {
    var periods = 0
    for byte in core.utf8 where byte == 0x2E { periods += 1 }
    guard periods >= 2 else { return false }
    let parts = core.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 3, parts.last?.isEmpty == true else { return false }
    return parts.dropLast().allSatisfy { part in
      !part.isEmpty && part.count <= 2 && part.allSatisfy(\.isLetter)
    }
  }
}
