import CICU

/// Tells the language of a paragraph from its script (ICU `uscript`), and for Latin script from
/// a cheap count of function words (English, French, Spanish).
struct LanguageDetector {
  /// A guess and how much evidence stands behind it (letters counted, or function words found).
  struct Guess {
    var language: Language?
    var evidence: Int
  }

  private static let functionWords: [(Language, Set<String>)] = [
    (.english, ["the", "and", "of", "to", "is", "was", "were", "that", "for", "with", "on", "it",
                "as", "by", "had", "said", "have", "has", "this", "which", "be", "from", "an"]),
    (.french, ["le", "les", "des", "du", "est", "et", "une", "dans", "qui", "pour", "sur", "au",
               "aux", "ont", "été", "l", "d", "qu", "il", "elle", "ce", "cette", "sont", "pas", "ne",
               "avec", "par", "un"]),
    (.spanish, ["el", "los", "las", "del", "y", "una", "por", "con", "para", "es", "fue", "se",
                "al", "su", "sus", "como", "más", "lo", "este", "esta", "han", "ha", "un"]),
  ]

  /// Guesses the language of a UTF-8 text (looks at no more than its first 1 KB).
  func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> Guess {
    guard let base = bytes.baseAddress else { return Guess(language: nil, evidence: 0) }
    let length = min(bytes.count, 1024)
    let counts = Self.scriptCounts(UnsafeBufferPointer(start: base, count: length))
    let cjk = Int(counts.han + counts.kana)
    let latin = Int(counts.latin)
    let cyrillic = Int(counts.cyrillic)
    let arabic = Int(counts.arabic)
    // A Han character carries about as much as a Latin word (~5 letters): a Chinese line with
    // Latin names in brackets stays Chinese.
    if cjk > 0 && cjk * 5 >= latin && cjk * 5 >= cyrillic && cjk * 5 >= arabic {
      return Guess(language: .chinese, evidence: cjk)
    }
    if cyrillic > latin && cyrillic >= arabic { return Guess(language: .russian, evidence: cyrillic) }
    if arabic > latin { return Guess(language: .arabic, evidence: arabic) }
    if latin == 0 { return Guess(language: nil, evidence: 0) }
    return latinGuess(UnsafeBufferPointer(rebasing: bytes[0..<length]))
  }

  /// The letter counts of `cicu_count_scripts` over `bytes`. Runs of ASCII are counted here, a
  /// word at a time (ICU's answer for them is fixed: a–z and A–Z are Latin letters, nothing
  /// else is a letter); only the runs of other bytes go to ICU. Valid UTF-8 splits into such
  /// runs at scalar boundaries, and a sequence cut at the end of `bytes` stays at the end of the
  /// last run, so the sums are the counts of one call over the whole buffer.
  static func scriptCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> cicu_script_counts {
    var total = cicu_script_counts()
    guard let base = bytes.baseAddress else { return total }
    let raw = UnsafeRawPointer(base)
    let n = bytes.count
    let highBits: UInt64 = 0x8080_8080_8080_8080
    var latin = 0
    var i = 0
    while i < n {
      // An ASCII run: eight bytes at a time while none has its high bit set.
      while i + 8 <= n {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        guard word & highBits == 0 else { break }
        latin += asciiLetterCount(word)
        i += 8
      }
      while i < n && base[i] < 0x80 {
        let folded = base[i] | 0x20
        if folded >= 0x61 && folded <= 0x7A { latin += 1 }
        i += 1
      }
      guard i < n else { break }
      // A run of non-ASCII scalars, up to the next ASCII byte.
      var end = i + 1
      while end < n && base[end] >= 0x80 { end += 1 }
      var part = cicu_script_counts()
      cicu_count_scripts(base + i, Int32(end - i), &part)
      total.han += part.han
      total.kana += part.kana
      total.hangul += part.hangul
      total.latin += part.latin
      total.cyrillic += part.cyrillic
      total.arabic += part.arabic
      total.greek += part.greek
      total.other += part.other
      i = end
    }
    total.latin += Int32(latin)
    return total
  }

  /// The number of ASCII letters (a–z, A–Z) among eight ASCII bytes.
  @inline(__always)
  private static func asciiLetterCount(_ word: UInt64) -> Int {
    let folded = word | 0x2020_2020_2020_2020  // upper case to lower case
    // Per byte (all below 0x80, so no carry crosses into the next): the high bit is set when
    // the byte is at least "a", and when it is at least "{" (past "z").
    let atLeastA = folded &+ 0x1F1F_1F1F_1F1F_1F1F
    let pastZ = folded &+ 0x0505_0505_0505_0505
    return highBitCount(atLeastA & ~pastZ)
  }

  /// Function words packed into integers (up to 8 UTF-8 bytes) in an open-addressing table
  /// (empty slots hold key 0, which no word packs to), with a bit per language in the order of
  /// `functionWords`: looked up without hashing a string or allocating.
  private static let packedFunctionWords: FunctionWordTable = {
    var languages: [UInt64: UInt8] = [:]
    for (k, entry) in functionWords.enumerated() {
      for word in entry.1 { languages[pack(Array(word.utf8)[...]), default: 0] |= 1 << k }
    }
    return FunctionWordTable(languages)
  }()

  /// For each byte: 0 if it is not part of a word (ASCII other than a–z, A–Z), else the byte
  /// as it enters a packed word (ASCII letters lower-cased, bytes of other scalars as they are).
  private static let foldedLetters: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
    let byte = UInt8(value)
    switch byte {
    case 0x41...0x5A: return byte | 0x20
    case 0x61...0x7A, 0x80...0xFF: return byte
    default: return 0
    }
  }

  /// The longest function word, in UTF-8 bytes: longer words are not looked up.
  private static let longestFunctionWord =
    functionWords.flatMap { $0.1 }.map { $0.utf8.count }.max() ?? 0

  /// A fixed open-addressing hash table from packed words to language bits.
  struct FunctionWordTable {
    private let keys: [UInt64]
    private let values: [UInt8]
    private let shift: UInt64

    init(_ entries: [UInt64: UInt8]) {
      // At most a quarter full: probes are short.
      var bits = 4
      while (1 << bits) < entries.count * 4 { bits += 1 }
      var keys = [UInt64](repeating: 0, count: 1 << bits)
      var values = [UInt8](repeating: 0, count: 1 << bits)
      let shift = UInt64(64 - bits)
      for (key, value) in entries {
        var slot = Self.slot(of: key, shift: shift)
        while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
        keys[slot] = key
        values[slot] = value
      }
      self.keys = keys
      self.values = values
      self.shift = shift
    }

    /// The home slot of a key (Fibonacci hashing: the top bits of a multiplicative hash).
    @inline(__always)
    private static func slot(of key: UInt64, shift: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The language bits of a packed word (0 for a word that is not listed).
    @inline(__always)
    func languages(of key: UInt64) -> UInt8 {
      var slot = Self.slot(of: key, shift: shift)
      while true {
        let stored = keys[slot]
        if stored == key { return values[slot] }
        if stored == 0 { return 0 }
        slot = (slot + 1) & (keys.count - 1)
      }
    }
  }

  @inline(__always)
  private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    for b in bytes.prefix(8) { key = key << 8 | UInt64(b) }
    return key
  }

  /// Counts function words among the first 80 words (ASCII-lower-cased; words with non-ASCII
  /// letters are kept whole, so "été" and "más" match).
  private func latinGuess(_ bytes: UnsafeBufferPointer<UInt8>) -> Guess {
    var scores = [Int](repeating: 0, count: Self.functionWords.count)
    let table = Self.packedFunctionWords
    // A word longer than every function word (and than 8 bytes) matches none.
    let longest = min(Self.longestFunctionWord, 8)
    var key: UInt64 = 0
    var length = 0
    var words = 0
    Self.foldedLetters.withUnsafeBufferPointer { foldedLetters in
      for b in bytes {
        let folded = foldedLetters[Int(b)]
        if folded != 0 {
          key = key << 8 | UInt64(folded)
          length &+= 1
        } else if length > 0 {
          if length <= longest { count(key, in: table, into: &scores) }
          key = 0
          length = 0
          words &+= 1
          if words >= 80 { break }
        }
      }
    }
    if length > 0 && length <= longest { count(key, in: table, into: &scores) }
    var best = 0
    for k in scores.indices where scores[k] > scores[best] { best = k }
    let second = scores.enumerated().filter { $0.offset != best }.map(\.element).max() ?? 0
    return Guess(language: Self.functionWords[best].0, evidence: scores[best] - second)
  }

  @inline(__always)
  private func count(_ key: UInt64, in table: FunctionWordTable, into scores: inout [Int]) {
    let mask = table.languages(of: key)
    guard mask != 0 else { return }
    for k in scores.indices where mask & (1 << k) != 0 { scores[k] += 1 }
  }
}
