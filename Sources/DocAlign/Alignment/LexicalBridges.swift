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
/// at least `minimumLength` letters with the same first letter are compared. The thresholds were
/// chosen on the FreeDict pairs against random pairs (`docalign-bench cognates`, README).
public struct CognateMatcher: Sendable {
  /// Words shorter than this (in letters) have no cognates (short stems match by chance).
  public static let minimumLength = 4

  /// The similarity a pair must reach, per language (chosen with `docalign-bench cognates`).
  public static func threshold(for language: Language) -> Double {
    switch language {
    case .french, .spanish: return 0.8
    case .russian: return 0.8
    case .arabic: return 0.9
    case .english, .chinese: return 1
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

/// The English side's words, indexed for cognate look-ups by first letter.
struct CognateIndex {
  private var byFirstLetter: [[[UInt8]]] = Array(repeating: [], count: 26)

  init(vocabulary: some Sequence<String>) {
    for word in vocabulary {
      let bytes = Array(word.utf8)
      guard bytes.count >= CognateMatcher.minimumLength, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { continue }
      byFirstLetter[Int(bytes[0] - 0x61)].append(bytes)
    }
    for k in byFirstLetter.indices { byFirstLetter[k].sort { $0.lexicographicallyPrecedes($1) } }
  }

  /// The English words at least `threshold` similar to `key`, best first (at most `limit`).
  func matches(_ key: String, threshold: Double, limit: Int = 2) -> [String] {
    let bytes = Array(key.utf8)
    guard bytes.count >= CognateMatcher.minimumLength, let first = bytes.first, first >= 0x61, first <= 0x7A else { return [] }
    var found: [(Double, [UInt8])] = []
    for word in byFirstLetter[Int(first - 0x61)] {
      let similarity = CognateMatcher.similarity(bytes, word)
      if similarity >= threshold { found.append((similarity, word)) }
    }
    found.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.lexicographicallyPrecedes($1.1) }
    return found.prefix(limit).map { String(decoding: $0.1, as: UTF8.self) }
  }
}

/// The working state of concept extraction for one alignment call: Snowball stemmers and ICU
/// transliterators (not thread-safe), the cognate index of the English side, and the concepts
/// already made for each word. Made by ``ConceptExtractor/makeContext()`` inside one call and
/// never shared between threads.
final class ConceptContext {
  private var stemmers: [Language: SnowballStemmer] = [:]
  private var failedStemmers: Set<Language> = []
  private var transliterators: [Language: ICUTransliterator] = [:]
  private var alternativesCache: [Language: [String: [String]]] = [:]
  /// The English side's words, for cognates (nil: no cognates).
  private(set) var cognateIndex: CognateIndex?

  /// Sets the English words cognates may match (the target side's vocabulary).
  func setEnglishVocabulary(_ words: some Sequence<String>) {
    cognateIndex = CognateIndex(vocabulary: words)
    alternativesCache = [:]
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

  /// A Latin transliteration of a Cyrillic or Arabic stem, as lower-case ASCII letters.
  func latin(_ word: String, _ language: Language) -> String {
    let identifier: String
    switch language {
    case .russian: identifier = "Russian-Latin/BGN"
    case .arabic: identifier = "Arabic-Latin"
    default: return CognateMatcher.asciiLetters(word)
    }
    if transliterators[language] == nil { transliterators[language] = try? ICUTransliterator(identifier: identifier) }
    guard let transliterator = transliterators[language] else { return "" }
    return CognateMatcher.asciiLetters(transliterator.transliterate(word))
  }

  func cachedAlternatives(_ word: String, _ language: Language, make: () -> [String]) -> [String] {
    if let known = alternativesCache[language]?[word] { return known }
    let made = make()
    alternativesCache[language, default: [:]][word] = made
    return made
  }
}
