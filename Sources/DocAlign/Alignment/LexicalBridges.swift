import Foundation

/// The lexical bridges that carry a word of French, Spanish, Russian or Arabic into the English
/// comparison space of the aligners. Each can be turned off, for an ablation or by a user
/// (`docalign align --bridges`); identical tokens (names, acronyms, numbers, words spelt alike
/// once accents are folded) are always compared.
///
/// - `stemmer`: Snowball stemmers for the other language's words (off: the word form is looked
///   up and compared as it is). English words are stemmed by Snowball on xx→en pairs whatever
///   this says (the lexicons' English side is Snowball's).
/// - `dictionary`: the FreeDict lexicon of the pair (`Resources/lexicon/XX-en.tsv`).
/// - `cognates`: words of the English side spelt like the word once folded and, for Russian and
///   Arabic, transliterated with ICU (`Russian-Latin/BGN`, `Arabic-Latin`).
/// - `learnedLexicon`: word pairs learned from the input itself, where an aligner learns them.
public struct LexicalBridges: OptionSet, Sendable, Hashable, CustomStringConvertible {
  public let rawValue: Int
  /// A set from its raw bits.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Snowball stemming of both languages' words.
  public static let stemmer = LexicalBridges(rawValue: 1)
  /// The bilingual dictionary of the language pair.
  public static let dictionary = LexicalBridges(rawValue: 2)
  /// Cognates: similar spelling after folding and transliteration.
  public static let cognates = LexicalBridges(rawValue: 4)
  /// A lexicon learned from the input.
  public static let learnedLexicon = LexicalBridges(rawValue: 8)
  /// Every bridge (the default).
  public static let all: LexicalBridges = [.stemmer, .dictionary, .cognates, .learnedLexicon]

  /// The names of the bridges, as `init(list:)` reads them.
  public static let named: [(String, LexicalBridges)] = [
    ("stemmer", .stemmer), ("dictionary", .dictionary), ("cognates", .cognates), ("learned", .learnedLexicon),
  ]

  /// Parses `all`, `none`, a comma list of bridge names (`stemmer,dictionary`), or a list of
  /// names each preceded by `-` meaning all but those (`-cognates`).
  /// - Throws: ``DocAlignError/invalidRequest(_:)`` naming the unknown bridge.
  public init(list: String) throws {
    let items = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    if items == ["all"] { self = .all; return }
    if items == ["none"] || items.isEmpty { self = []; return }
    let subtracting = items.allSatisfy { $0.hasPrefix("-") }
    var result: LexicalBridges = subtracting ? .all : []
    for item in items {
      let name = subtracting ? String(item.dropFirst()) : item
      guard let bridge = Self.named.first(where: { $0.0 == name })?.1 else {
        throw DocAlignError.invalidRequest(
          "unknown lexical bridge '\(name)': use all, none, or a comma list of "
            + Self.named.map(\.0).joined(separator: ", ") + " (each with a leading - for all but those)")
      }
      if subtracting { result.remove(bridge) } else { result.insert(bridge) }
    }
    self = result
  }

  /// The bridges' names, comma-separated ("none" for the empty set).
  public var description: String {
    let names = Self.named.filter { contains($0.1) }.map(\.0)
    return names.isEmpty ? "none" : names.joined(separator: ",")
  }
}

/// Cognate matching: a word of another language against the English side's words, by spelling.
///
/// The other word is its stem, accents folded (and for Russian and Arabic transliterated to
/// Latin); the English word is its stem. Their similarity is the Levenshtein similarity of the
/// two strings cut to the shorter one's length plus one (so that stems of different lengths —
/// "informats"/"inform", "gouvern"/"govern" — compare by the part they share), and only words of
/// at least `minimumLength` letters with the same first letter are compared. The thresholds and
/// the choice of letters or skeleton were made on the FreeDict pairs: each headword against all
/// the English stems of its lexicon (`docalign-bench cognates`, README), not on evaluation pages.
public struct CognateMatcher: Sendable {
  /// Words shorter than this (in letters) have no cognates (short stems match by chance).
  public static let minimumLength = 4

  /// The similarity a pair must reach, per language; nil when the language has no cognate
  /// matching (Arabic: transliterated skeletons find a translation less than one time in five at
  /// every threshold). Chosen with `docalign-bench cognates LANG` on the FreeDict pairs: the
  /// highest F0.5 among settings at least 0.5 precise (README, "Languages").
  public static func threshold(for language: Language) -> Double? {
    switch language {
    case .french: return 0.85
    case .spanish: return 0.85
    case .russian: return 0.85
    case .arabic, .english, .chinese: return nil
    }
  }

  /// Whether words of `language` are compared by their phonetic ``skeleton(_:)`` rather than
  /// their letters (chosen with `docalign-bench cognates`, as the threshold).
  public static func usesSkeleton(_ language: Language) -> Bool {
    switch language {
    case .spanish, .russian: return true
    case .french, .arabic, .english, .chinese: return false
    }
  }

  /// The similarity of two lower-case ASCII words in [0, 1] (see the type's description); 0
  /// when either is shorter than ``minimumLength`` or their first letters differ.
  public static func similarity(_ a: some StringProtocol, _ b: some StringProtocol) -> Double {
    similarity(Array(a.utf8), Array(b.utf8))
  }

  static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
    guard a.count >= minimumLength, b.count >= minimumLength, a[0] == b[0] else { return 0 }
    let length = min(max(a.count, b.count), min(a.count, b.count) + 1)
    let x = a.prefix(length), y = b.prefix(length)
    let distance = levenshtein(Array(x), Array(y))
    return 1 - Double(distance) / Double(max(x.count, y.count))
  }

  static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// A rough phonetic spelling of a lower-case ASCII word, so that the spellings of one word in
  /// Latin, Cyrillic-transliterated and English forms meet: "x" → "ks", "ph" → "f", "th" → "t",
  /// "kh" → "k", "ts" and a soft "c" (before e, i, y, or ending a stem after n) → "s", a hard "c"
  /// and "q" → "k", "w" → "v",
  /// "y" → "i" (dropped at the start before a vowel: BGN's "ye" for "е"), "j" → "i", doubled
  /// letters single ("konferentsi" and "conferenc" both → "konferensi"/"konferens").
  public static func skeleton(_ word: String) -> String {
    let letters = Array(word.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(letters.count + 2)
    let vowels: Set<UInt8> = Set("aeiouy".utf8)
    var k = 0
    func at(_ i: Int) -> UInt8 { i < letters.count ? letters[i] : 0 }
    while k < letters.count {
      let c = letters[k], next = at(k + 1)
      var emit: [UInt8]
      switch c {
      case UInt8(ascii: "x"): emit = Array("ks".utf8)
      case UInt8(ascii: "p") where next == UInt8(ascii: "h"): emit = [UInt8(ascii: "f")]; k += 1
      case UInt8(ascii: "t") where next == UInt8(ascii: "h"): emit = [UInt8(ascii: "t")]; k += 1
      case UInt8(ascii: "k") where next == UInt8(ascii: "h"): emit = [UInt8(ascii: "k")]; k += 1
      case UInt8(ascii: "t") where next == UInt8(ascii: "s"): emit = [UInt8(ascii: "s")]; k += 1
      case UInt8(ascii: "c"):
        // Soft before e, i, y, and at the end after n (English stems of "-nce": "conferenc").
        let soft = next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y")
          || next == 0 && k > 0 && letters[k - 1] == UInt8(ascii: "n")
        emit = [soft ? UInt8(ascii: "s") : UInt8(ascii: "k")]
      case UInt8(ascii: "q"): emit = [UInt8(ascii: "k")]
      case UInt8(ascii: "w"): emit = [UInt8(ascii: "v")]
      case UInt8(ascii: "y"), UInt8(ascii: "j"):
        emit = k == 0 && vowels.contains(next) ? [] : [UInt8(ascii: "i")]
      default: emit = [c]
      }
      for e in emit where out.last != e { out.append(e) }
      k += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A folded word as cognate matching compares it: lower-case ASCII letters only
  /// ("Œuvre" → "oeuvre", "niño" → "nino").
  public static func asciiLetters(_ text: some StringProtocol) -> String {
    var out = ""
    for scalar in NameFolding.asciiFolded(text.lowercased()).unicodeScalars {
      switch scalar {
      case "a"..."z": out.unicodeScalars.append(scalar)
      case "œ": out += "oe"
      case "æ": out += "ae"
      case "ß": out += "ss"
      case "ø": out += "o"
      case "ł": out += "l"
      default: continue
      }
    }
    return out
  }
}

/// The English side's words, indexed for cognate look-ups by the first letter of their spelling.
struct CognateIndex {
  private var byFirstLetter: [[(spelling: [UInt8], word: String)]] = Array(repeating: [], count: 26)

  /// Indexes English stems by their spelling (their letters, or their ``CognateMatcher/skeleton(_:)``).
  init(vocabulary: some Sequence<String>, skeleton: Bool) {
    for word in vocabulary {
      guard word.utf8.count >= CognateMatcher.minimumLength, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { continue }
      let bytes = Array((skeleton ? CognateMatcher.skeleton(word) : word).utf8)
      guard let first = bytes.first else { continue }
      byFirstLetter[Int(first - 0x61)].append((bytes, word))
    }
    for k in byFirstLetter.indices { byFirstLetter[k].sort { $0.word < $1.word } }
  }

  /// The English words whose spelling is at least `threshold` similar to `spelling`, best first
  /// (at most `limit`).
  func matches(_ spelling: String, threshold: Double, limit: Int = 2) -> [String] {
    let bytes = Array(spelling.utf8)
    guard bytes.count >= CognateMatcher.minimumLength, let first = bytes.first, first >= 0x61, first <= 0x7A else { return [] }
    var found: [(Double, String)] = []
    for entry in byFirstLetter[Int(first - 0x61)] {
      let similarity = CognateMatcher.similarity(bytes, entry.spelling)
      if similarity >= threshold { found.append((similarity, entry.word)) }
    }
    found.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
    return found.prefix(limit).map(\.1)
  }
}

/// How cognate matching spells a stem of French, Spanish, Russian or Arabic: accents folded, and
/// Cyrillic or Arabic transliterated with ICU (`Russian-Latin/BGN`, `Arabic-Latin`), as
/// lower-case ASCII letters, then optionally its phonetic skeleton. Holds ICU transliterators,
/// which are not thread-safe: one per thread.
public final class CognateSpeller {
  private var transliterators: [Language: ICUTransliterator] = [:]

  /// A speller (transliterators are opened on first use).
  public init() {}

  /// The spelling of `word` (a stem of `language`) that cognate matching compares.
  public func spelling(of word: String, language: Language, skeleton: Bool) -> String {
    let letters: String
    switch language {
    case .russian, .arabic:
      let identifier = language == .russian ? "Russian-Latin/BGN" : "Arabic-Latin"
      if transliterators[language] == nil { transliterators[language] = try? ICUTransliterator(identifier: identifier) }
      letters = transliterators[language].map { CognateMatcher.asciiLetters($0.transliterate(word)) } ?? ""
    default:
      letters = CognateMatcher.asciiLetters(word)
    }
    return skeleton ? CognateMatcher.skeleton(letters) : letters
  }
}

/// The working state of concept extraction for one alignment call: Snowball stemmers and ICU
/// transliterators (not thread-safe), the cognate index of the English side, and the concepts
/// already made for each word. Made by ``ConceptExtractor/makeContext()`` inside one call and
/// never shared between threads.
final class ConceptContext {
  private var stemmers: [Language: SnowballStemmer] = [:]
  private var failedStemmers: Set<Language> = []
  /// Spells stems for cognate matching.
  let speller = CognateSpeller()
  private var alternativesCache: [Language: [String: [String]]] = [:]
  /// The content words of the Chinese headwords met so far (for every sentence of one alignment).
  var glossCache: [String: [String]] = [:]
  /// The English side's words (nil: no cognates).
  private var vocabulary: [String]?
  private var indexes: [Bool: CognateIndex] = [:]

  /// Sets the English words cognates may match (the target side's vocabulary).
  func setEnglishVocabulary(_ words: some Sequence<String>) {
    // Sorted: which cognate wins a tie must never depend on hashing (batch outputs are byte-identical run to run).
    vocabulary = Array(words).sorted()
    indexes = [:]
    alternativesCache = [:]
  }

  /// The index of the English vocabulary by letters or by skeleton (nil before
  /// ``setEnglishVocabulary(_:)``).
  func cognateIndex(skeleton: Bool) -> CognateIndex? {
    if let known = indexes[skeleton] { return known }
    guard let vocabulary else { return nil }
    let index = CognateIndex(vocabulary: vocabulary, skeleton: skeleton)
    indexes[skeleton] = index
    return index
  }

  /// The Snowball stemmer of a language (nil when libstemmer lacks it).
  func stemmer(_ language: Language) -> SnowballStemmer? {
    if let known = stemmers[language] { return known }
    guard !failedStemmers.contains(language), let stemmer = try? SnowballStemmer(language: language) else {
      failedStemmers.insert(language)
      return nil
    }
    stemmers[language] = stemmer
    return stemmer
  }

  func cachedAlternatives(_ word: String, _ language: Language, make: () -> [String]) -> [String] {
    if let known = alternativesCache[language]?[word] { return known }
    let made = make()
    alternativesCache[language, default: [:]][word] = made
    return made
  }
}
