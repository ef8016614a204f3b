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

  /// How well a mention's words match a speaker's: nil when they do not, else (matched words,
  /// share of the speaker's words matched). Every mention word must find a partner, except that
  /// in a name of two words or more one given name may differ (transliterations of first names
  /// vary most: "Джон" → "Dzhon") when the last word, the surname, matches.
  static func match(_ mention: [String], _ speaker: [String]) -> (matched: Int, coverage: Double)? {
    guard !mention.isEmpty, !speaker.isEmpty else { return nil }
    // "Kyong-lim" / "KYONGLIM": the whole names glued.
    if mention.count > 1 || speaker.count > 1, wordsMatch(mention.joined(), speaker.joined()) {
      return (mention.count, 1)
    }
    var used = Set<Int>()
    var missed: [Int] = []
    for (k, word) in mention.enumerated() {
      // Best partner: exact first, then any match.
      let partner = speaker.indices.first { !used.contains($0) && speaker[$0] == word }
        ?? speaker.indices.first { !used.contains($0) && wordsMatch(word, speaker[$0]) }
      guard let partner else {
        missed.append(k)
        continue
      }
      used.insert(partner)
    }
    if !missed.isEmpty {
      guard mention.count >= 2, missed.count == 1, missed[0] != mention.count - 1 else { return nil }
    }
    return (used.count, Double(used.count) / Double(speaker.count))
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
    // Skeletons one edit apart only when long ("bntgmn" / "bnmn" is not enough; "fstrflt" /
    // "fstrfld" is).
    return min(x.count, y.count) >= 5 && editDistance(Array(x.utf8), Array(y.utf8), limit: 1) <= 1
  }

  /// Consonants as transliterations of one name agree on them: "gilmore" → "glmr",
  /// "ghylmwr" → "glmr", "kejt" → "kt", "buquicchio" → "bk". One pass over the bytes.
  static func skeleton(_ word: String) -> String {
    let letters = Array(word.lowercased().utf8)
    var out: [UInt8] = []
    out.reserveCapacity(letters.count)
    func emit(_ c: UInt8) { if out.last != c { out.append(c) } }
    let a = UInt8(ascii: "a"), z = UInt8(ascii: "z")
    var i = 0
    while i < letters.count {
      let c = letters[i]
      let next: UInt8 = i + 1 < letters.count ? letters[i + 1] : 0
      let third: UInt8 = i + 2 < letters.count ? letters[i + 2] : 0
      // Digraphs: "dzh", "dz", "dj" (Cyrillic "дж") and a word-initial "j" are "g"; "ph" is
      // "f"; "th", "kh", "gh", "ck", "sh", "ch" are their first sound; "x" is "ks", "ts" "c".
      switch (c, next) {
      case (UInt8(ascii: "d"), UInt8(ascii: "z")):
        emit(UInt8(ascii: "g"))
        i += third == UInt8(ascii: "h") ? 3 : 2
        continue
      case (UInt8(ascii: "d"), UInt8(ascii: "j")):
        emit(UInt8(ascii: "g")); i += 2; continue
      case (UInt8(ascii: "p"), UInt8(ascii: "h")):
        emit(UInt8(ascii: "f")); i += 2; continue
      case (UInt8(ascii: "t"), UInt8(ascii: "h")), (UInt8(ascii: "k"), UInt8(ascii: "h")),
        (UInt8(ascii: "g"), UInt8(ascii: "h")), (UInt8(ascii: "c"), UInt8(ascii: "k")),
        (UInt8(ascii: "s"), UInt8(ascii: "h")):
        emit(c == UInt8(ascii: "c") ? UInt8(ascii: "k") : c == UInt8(ascii: "t") ? c : c); i += 2; continue
      case (UInt8(ascii: "c"), UInt8(ascii: "h")), (UInt8(ascii: "t"), UInt8(ascii: "s")):
        emit(UInt8(ascii: "k")); i += 2; continue
      default: break
      }
      i += 1
      switch c {
      case UInt8(ascii: "j") where out.isEmpty && i == 1: emit(UInt8(ascii: "g"))
      case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
        UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "h"), UInt8(ascii: "j"):
        continue
      case UInt8(ascii: "q"), UInt8(ascii: "c"): emit(UInt8(ascii: "k"))
      case UInt8(ascii: "x"): emit(UInt8(ascii: "k")); emit(UInt8(ascii: "s"))
      case UInt8(ascii: "p"): emit(UInt8(ascii: "b"))
      case UInt8(ascii: "v"): emit(UInt8(ascii: "f"))
      case UInt8(ascii: "z"): emit(UInt8(ascii: "s"))
      case UInt8(ascii: "d"): emit(UInt8(ascii: "t"))
      case a...z: emit(c)
      default: continue
      }
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

/// Matching of an organisation's name translated word by word into another language against a
/// full-text speaker's name: "Commission arabe des droits humains" / "Arab Commission for Human
/// Rights", "Centre européen pour le droit et la justice" / "European Centre for Law and Justice".
/// Much of the vocabulary of such names is shared once folded ("commission", "arabe" ~ "arab",
/// "humains" ~ "human", "européenne" ~ "european"); the words that differ ("droits" / "rights")
/// are left over.
enum NameCognates {
  /// Words that carry no meaning of their own in names, in the six languages' Latin forms.
  static let functionWords: Set<String> = [
    "of", "the", "and", "for", "in", "on", "with", "de", "du", "des", "la", "le", "les", "l", "d", "et", "pour",
    "aux", "au", "en", "el", "los", "las", "del", "y", "e", "para", "por", "con", "po", "i", "s", "v", "za", "na",
  ]

  /// The content words of a folded ASCII name.
  static func contentWords(_ asciiName: String) -> [String] {
    NameFolding.tokens(asciiName).filter { $0.count >= 3 && !functionWords.contains($0) }
  }

  /// Whether two folded words may be the same word in two languages: equal, sharing a prefix of
  /// four letters or more that covers most of the shorter one ("humains" / "human",
  /// "europeenne" / "european"), or one or two edits apart ("comision" / "commission").
  static func cognate(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    let (x, y) = (Array(a.utf8), Array(b.utf8))
    var shared = 0
    while shared < min(x.count, y.count) && x[shared] == y[shared] { shared += 1 }
    let shorter = min(x.count, y.count)
    if shared >= 4 && Double(shared) >= 0.7 * Double(shorter) { return true }
    guard shorter >= 5 else { return false }
    let limit = shorter >= 8 ? 2 : 1
    return PersonNames.editDistance(x, y, limit: limit) <= limit
  }

  /// Content words of `mention` with a cognate among `name`'s (each used once), and the number of
  /// content words of the longer of the two.
  static func shared(_ mention: [String], _ name: [String]) -> (shared: Int, longer: Int) {
    var used = Set<Int>()
    var count = 0
    for word in mention {
      if let k = name.indices.first(where: { !used.contains($0) && cognate(word, name[$0]) }) {
        used.insert(k)
        count += 1
      }
    }
    return (count, max(mention.count, name.count))
  }
}

/// ICU's `Any-Latin; Latin-ASCII` for names, opened on the first name that is not ASCII (opening
/// it compiles many rules). One per thread, like the reader that owns it.
final class NameLatinizer {
  private var transliterator: ICUTransliterator?
  private var couldNotOpen = false

  /// The name in ASCII Latin; unchanged when ASCII already, or when ICU lacks the transform.
  func ascii(_ name: String) -> String {
    if name.utf8.allSatisfy({ $0 < 0x80 }) { return name }
    if transliterator == nil && !couldNotOpen {
      transliterator = try? ICUTransliterator(identifier: "Any-Latin; Latin-ASCII")
      couldNotOpen = transliterator == nil
    }
    return transliterator?.transliterate(name) ?? name
  }
}
