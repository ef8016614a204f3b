/// Matching of person names across spellings and scripts: "Andres" / "Anders", "Høyda" /
/// "Hoydal", "Кейт Гилмор" / "KATE GILMORE", "كيت غيلمور" / "Kate Gilmore".
///
/// Names are compared as ASCII words (non-Latin names go through ICU's `Any-Latin; Latin-ASCII`
/// first, done by the caller). Two words match when they are equal, one is a prefix of the other
/// (three letters at least: "Mezmura" is a Russian case form of "Mezmur"), they are one edit apart
/// (a transposition counts as one; two edits for words of eight letters or more), or their
/// consonant skeletons agree (vowels and the letters transliterations disagree on dropped, sounds
/// that Arabic and Cyrillic spell alike merged: "gilmor" ~ "ghylmwr" ~ "gilmore").
enum PersonNames {
  /// Particles that do not tell names apart.
  static let particles: Set<String> = [
    "de", "da", "di", "do", "du", "des", "dos", "das", "del", "della", "van", "von", "der", "den", "ter",
    "le", "la", "al", "el", "bin", "ibn", "ben", "bint", "abu", "y", "e", "of", "the", "and",
  ]

  /// The words of an ASCII-folded name, particles removed.
  static func words(_ asciiName: String) -> [String] {
    NameFolding.tokens(asciiName).filter { !particles.contains($0) }
  }

  /// How well a mention's words match a speaker's: nil when some mention word finds no partner,
  /// else (matched words, share of the speaker's words matched).
  static func match(_ mention: [String], _ speaker: [String]) -> (matched: Int, coverage: Double)? {
    guard !mention.isEmpty, !speaker.isEmpty else { return nil }
    // "Kyong-lim" / "KYONGLIM": the whole names glued.
    if mention.count > 1 || speaker.count > 1, wordsMatch(mention.joined(), speaker.joined()) {
      return (mention.count, 1)
    }
    var used = Set<Int>()
    for word in mention {
      // Best partner: exact first, then any match.
      let partner = speaker.indices.first { !used.contains($0) && speaker[$0] == word }
        ?? speaker.indices.first { !used.contains($0) && wordsMatch(word, speaker[$0]) }
      guard let partner else { return nil }
      used.insert(partner)
    }
    return (mention.count, Double(used.count) / Double(speaker.count))
  }

  /// Whether two ASCII words may spell the same name.
  static func wordsMatch(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    if short.count >= 3 && long.hasPrefix(short) && long.count - short.count <= 3 { return true }
    if short.count >= 4 {
      let limit = short.count >= 8 ? 2 : 1
      if editDistance(Array(a.utf8), Array(b.utf8), limit: limit) <= limit { return true }
    }
    let (x, y) = (skeleton(a), skeleton(b))
    guard x.count >= 2, y.count >= 2 else { return false }
    if x == y { return true }
    return min(x.count, y.count) >= 4 && editDistance(Array(x.utf8), Array(y.utf8), limit: 1) <= 1
  }

  /// Consonants as transliterations of one name agree on them: "gilmore" → "glmr",
  /// "ghylmwr" → "glmr", "kejt" → "kt", "buquicchio" → "bk".
  static func skeleton(_ word: String) -> String {
    var letters = Array(word.lowercased().utf8)
    // Digraphs first.
    func replace(_ from: String, _ to: String) {
      let f = Array(from.utf8), t = Array(to.utf8)
      var out: [UInt8] = []
      var i = 0
      while i < letters.count {
        if i + f.count <= letters.count && Array(letters[i..<i + f.count]) == f {
          out += t
          i += f.count
        } else {
          out.append(letters[i])
          i += 1
        }
      }
      letters = out
    }
    replace("ph", "f"); replace("th", "t"); replace("kh", "k"); replace("gh", "g"); replace("ck", "k")
    replace("x", "ks"); replace("ts", "c"); replace("sh", "s"); replace("ch", "c")
    var out: [UInt8] = []
    for byte in letters {
      var c = byte
      switch c {
      case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
        UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "h"), UInt8(ascii: "j"), UInt8(ascii: "'"):
        continue
      case UInt8(ascii: "q"), UInt8(ascii: "c"): c = UInt8(ascii: "k")
      case UInt8(ascii: "p"): c = UInt8(ascii: "b")
      case UInt8(ascii: "v"): c = UInt8(ascii: "f")
      case UInt8(ascii: "z"): c = UInt8(ascii: "s")
      case UInt8(ascii: "d"): c = UInt8(ascii: "t")
      default: break
      }
      guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) else { continue }
      if out.last != c { out.append(c) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Optimal-string-alignment distance (adjacent transpositions count one), or `limit + 1` as
  /// soon as it exceeds `limit`.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
