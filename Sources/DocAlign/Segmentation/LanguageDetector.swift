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
    var counts = cicu_script_counts()
    cicu_count_scripts(base, Int32(length), &counts)
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

  /// Function words packed into integers (up to 8 UTF-8 bytes), sorted, with a bit per
  /// language in `functionWordLanguages`: looked up without hashing or allocating.
  private static let packedFunctionWords: [(key: UInt64, languages: UInt8)] = {
    var table: [UInt64: UInt8] = [:]
    for (k, entry) in functionWords.enumerated() {
      for word in entry.1 { table[pack(Array(word.utf8)[...]), default: 0] |= 1 << k }
    }
    return table.map { (key: $0.key, languages: $0.value) }.sorted { $0.key < $1.key }
  }()

  @inline(__always)
  private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    for b in bytes.prefix(8) { key = key << 8 | UInt64(b) }
    return key
  }

  private static func languages(ofPacked key: UInt64) -> UInt8 {
    var low = 0, high = packedFunctionWords.count
    while low < high {
      let mid = (low + high) / 2
      if packedFunctionWords[mid].key < key { low = mid + 1 } else { high = mid }
    }
    return low < packedFunctionWords.count && packedFunctionWords[low].key == key
      ? packedFunctionWords[low].languages : 0
  }

  /// Counts function words among the first 80 words (ASCII-lower-cased; words with non-ASCII
  /// letters are kept whole, so "été" and "más" match).
  private func latinGuess(_ bytes: UnsafeBufferPointer<UInt8>) -> Guess {
    var scores = [Int](repeating: 0, count: Self.functionWords.count)
    var key: UInt64 = 0
    var length = 0
    var words = 0
    for b in bytes {
      let isLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80
      if isLetter {
        key = key << 8 | UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        length += 1
      } else if length > 0 {
        if length <= 8 { count(key, into: &scores) }
        key = 0
        length = 0
        words += 1
        if words >= 80 { break }
      }
    }
    if length > 0 && length <= 8 { count(key, into: &scores) }
    var best = 0
    for k in scores.indices where scores[k] > scores[best] { best = k }
    let second = scores.enumerated().filter { $0.offset != best }.map(\.element).max() ?? 0
    return Guess(language: Self.functionWords[best].0, evidence: scores[best] - second)
  }

  @inline(__always)
  private func count(_ key: UInt64, into scores: inout [Int]) {
    let mask = Self.languages(ofPacked: key)
    guard mask != 0 else { return }
    for k in scores.indices where mask & (1 << k) != 0 { scores[k] += 1 }
  }
}
