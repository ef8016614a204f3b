/// The language data the segmenter corrects ICU with: abbreviations and typical sentence starters,
/// one list per language, read from `Resources/segmentation/`.
public struct SegmentationRules: Sendable {
  /// How an abbreviation behaves before a capitalised word.
  enum AbbreviationKind: Sendable {
    /// Never ends a sentence (Dr., Mt., e.g.).
    case plain
    /// May end a sentence (etc., Inc., U.S.): ends one when a typical sentence starter follows.
    case ambiguous
    /// An abbreviation only before a number (No. 7, p. 55, art. 5).
    case beforeNumber
  }

  struct Abbreviation: Sendable {
    /// The words before the last one, for multi-word entries ("p. ex." → ["p."]), as match keys.
    let leadingWords: [String]
    let kind: AbbreviationKind
  }

  /// The lists of one language.
  struct LanguageRules: Sendable {
    /// Match key of the last word → entries ending with it.
    var abbreviations: [String: [Abbreviation]] = [:]
    /// Match keys of the first words of multi-word entries.
    var multiWordFirsts: Set<String> = []
    /// Sentence starters, lower-cased.
    var sentenceStarters: Set<String> = []
  }

  /// The lists of each language, at ``Language/ordinal`` (an array: looked up for every
  /// candidate break, without hashing the language).
  private(set) var languages = [LanguageRules](
    repeating: LanguageRules(), count: Language.allCases.count)

  /// No rules at all: bare ICU.
  public static let none = SegmentationRules()

  private init() {}

  /// Reads the rules of every language from a resource folder.
  /// - Throws: ``DocAlignError/malformedResource(name:line:reason:)`` for a bad line.
  public init(resources: ResourceDirectory) throws {
    for language in Language.allCases {
      let abbreviationFile = "segmentation/abbreviations/\(language.rawValue).txt"
      if let text = resources.readIfPresent(abbreviationFile) {
        try addAbbreviations(parsing: text, name: abbreviationFile, language: language)
      }
      let starterFile = "segmentation/sentence-starters/\(language.rawValue).txt"
      if let text = resources.readIfPresent(starterFile) {
        for line in dataLines(text) {
          languages[language.ordinal].sentenceStarters.insert(
            line.fields[0].trimmingSpaces.lowercased())
        }
      }
    }
  }

  /// Adds abbreviations from a list in the resource format (`ABBR` or `ABBR<TAB>flag`).
  mutating func addAbbreviations(parsing text: String, name: String, language: Language) throws {
    // Built apart and put back once (no copy of the tables per line); buckets sorted at the end.
    var rules = languages[language.ordinal]
    languages[language.ordinal] = LanguageRules()
    defer {
      for key in rules.abbreviations.keys {
        // Longest entries first, so that "p. ex." wins over "ex." (a stable sort: file order
        // among entries of one length).
        rules.abbreviations[key]?.sort { $0.leadingWords.count > $1.leadingWords.count }
      }
      languages[language.ordinal] = rules
    }
    for line in dataLines(text) {
      let entry = line.fields[0].trimmingSpaces
      guard entry.hasSuffix("."), !entry.contains(where: { $0 == "\t" }) else {
        throw DocAlignError.malformedResource(
          name: name, line: line.number, reason: "an abbreviation must end with a period: '\(entry)'")
      }
      var kind = AbbreviationKind.plain
      if line.fields.count > 1 {
        switch line.fields[1].trimmingSpaces {
        case "", "plain": kind = .plain
        case "ambiguous": kind = .ambiguous
        case "before-number": kind = .beforeNumber
        case let other:
          throw DocAlignError.malformedResource(
            name: name, line: line.number,
            reason: "unknown flag '\(other)' (use ambiguous or before-number)")
        }
      }
      let words = entry.split(separator: " ").map { Self.matchKey(String($0)) }
      guard let last = words.last else { continue }
      if let first = words.first, words.count > 1 {
        rules.multiWordFirsts.insert(first)
      }
      rules.abbreviations[last, default: []].append(Abbreviation(leadingWords: Array(words.dropLast()), kind: kind))
    }
  }

  /// Entries are matched case-insensitively unless they have a capital after their first
  /// character (U.S., Ph.D.), which then must match exactly.
  static func matchKey(_ word: String) -> String {
    let hasInnerCapital = word.dropFirst().contains(where: { $0.isUppercase })
    return hasInnerCapital ? "=" + word : word.lowercased()
  }

  /// A word's two match keys (see ``matchKey(_:)``), built once for the several look-ups of one
  /// word: the exact key ("=" and the word) and the case-folded one.
  struct LookupKey {
    let exact: String
    let folded: String

    init(_ word: String) {
      exact = "=" + word
      folded = word.lowercased()
    }
  }

  /// Whether the word of `key` is the first word of a multi-word entry ("p." of "p. ex.").
  func opensMultiWordAbbreviation(_ key: LookupKey, language: Language) -> Bool {
    let firsts = languages[language.ordinal].multiWordFirsts
    guard !firsts.isEmpty else { return false }
    return firsts.contains(key.exact) || firsts.contains(key.folded)
  }

  /// The kind of abbreviation `word` is, or nil. `previousWords` (nearest last) is asked for only
  /// when a multi-word entry ends with `word`. With `requireLeadingWords`, only multi-word
  /// entries count.
  func abbreviation(
    _ word: String, previousWords: [String], language: Language, requireLeadingWords: Bool = false
  ) -> AbbreviationKind? {
    abbreviation(
      LookupKey(word), previousWords: { previousWords }, language: language,
      requireLeadingWords: requireLeadingWords)
  }

  /// The kind of abbreviation the word of `key` is, or nil (as above).
  func abbreviation(
    _ key: LookupKey, previousWords wordsBefore: () -> [String], language: Language,
    requireLeadingWords: Bool = false
  ) -> AbbreviationKind? {
    let table = languages[language.ordinal].abbreviations
    guard !table.isEmpty else { return nil }
    for pass in 0..<2 {
      guard let entries = table[pass == 0 ? key.exact : key.folded] else { continue }
      for entry in entries {
        let needed = entry.leadingWords.count
        if needed == 0 {
          if requireLeadingWords { continue }
          return entry.kind
        }
        let previousWords = wordsBefore()
        guard previousWords.count >= needed else { continue }
        let before = previousWords.suffix(needed)
        if zip(before, entry.leadingWords).allSatisfy({ word, key in
          key.hasPrefix("=") ? "=" + word == key : word.lowercased() == key
        }) {
          return entry.kind
        }
      }
    }
    return nil
  }

  func isSentenceStarter(_ word: String, language: Language) -> Bool {
    languages[language.ordinal].sentenceStarters.contains(word.lowercased())
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var s = Substring(self)
    while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    return String(s)
  }
}
