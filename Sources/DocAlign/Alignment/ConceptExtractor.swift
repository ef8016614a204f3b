/// Turns a sentence into comparable units in one space (stemmed English words):
/// - Chinese: longest match on the lexicon's headwords (up to 8 characters), each headword a unit
///   whose alternatives are its glosses' content words; numbers (Arabic, full-width, Chinese
///   numerals, "2008年", "17个") as digits; Latin runs (names, acronyms, UN symbols) as words.
/// - English: content words, each a unit of one alternative.
/// - French, Spanish, Russian, Arabic: content words (the language's stop words dropped), each a
///   unit whose alternatives are the word itself in English normalisation (identical tokens:
///   names, acronyms, shared words) and what the lexical bridges give: the FreeDict lexicon's
///   translations of its Snowball stem, and the English side's words spelt like it (cognates,
///   after folding and transliteration; see ``LexicalBridges``). Numbers as digits ("15 000",
///   "3,5", "2 millions").
///
/// The lexicon used is the pair's: zh→en for Chinese text, xx→en for language xx; a text in
/// another language than the lexicon's gets identical tokens only.
///
/// Traditional Chinese is converted to Simplified (ICU's `Hant-Hans` transform, one per thread,
/// opened only when a sentence has characters the Simplified lexicon does not know) before the
/// look-up; the document's text and offsets are untouched.
struct ConceptExtractor {
  /// One unit of meaning: any of `alternatives` found on the other side covers it.
  struct Concept: Hashable {
    var alternatives: [String]
    /// Single Han characters weigh less than words.
    var isWeak: Bool
    /// What the concept was read from, as one word of its language: a Chinese headword (in
    /// Simplified characters) or character, a number, an English stem. The key of the lexicon
    /// learned from the texts.
    var key: String = ""
  }

  /// How English words are stemmed (both sides of every comparison alike).
  enum EnglishStemming: Sendable {
    /// Snowball's English stemmer (libstemmer), after a few irregular plurals.
    case snowball
    /// DocAlign's light hand-written stemmer (``EnglishWords/stem(_:)``).
    case light
  }

  let lexicon: Lexicon?
  let english: EnglishWords
  /// The bridges in use for French, Spanish, Russian and Arabic words.
  let bridges: LexicalBridges
  let englishStemming: EnglishStemming

  /// An extractor with the lexicon of the pair. English is stemmed by Snowball when the lexicon
  /// is an xx→en one (its English stems are Snowball's), by the light stemmer otherwise (zh→en
  /// and same-language pages: it scores better on the seed pages, see the README).
  init(lexicon: Lexicon?, english: EnglishWords, bridges: LexicalBridges = .all, englishStemming: EnglishStemming? = nil) {
    self.lexicon = lexicon
    self.english = english
    self.bridges = bridges
    let xxLexicon = lexicon.map { $0.source != .chinese } ?? false
    self.englishStemming = englishStemming ?? (xxLexicon ? .snowball : .light)
  }

  /// The per-call working state (stemmers, transliterators, caches): one per thread.
  func makeContext() -> ConceptContext { ConceptContext() }

  /// Han characters that carry grammar rather than content.
  static let functionCharacters: Set<Character> = [
    "的", "地", "得", "了", "和", "与", "在", "是", "也", "就", "都", "而", "及", "其", "之", "这", "那",
    "他", "她", "它", "们", "我", "你", "将", "对", "为", "以", "于", "把", "被", "从", "向", "等", "或",
    "并", "又", "还", "但", "且", "所", "着", "过", "使", "让", "由", "此", "该", "各", "个", "些", "中",
    "上", "下", "里", "内", "外", "则", "即", "如", "若", "至", "亦", "有", "没", "不", "很", "已", "要",
  ]

  static let chineseDigits: [Character: Int] = [
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]
  static let chineseScales: [Character: Double] = ["万": 1e4, "亿": 1e8, "千": 1e3]
  static let chineseUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100_000_000]

  /// The concepts of a sentence, with a fresh context (no cognates: see the other overloads).
  /// With `keepingUnglossed`, Chinese headwords whose glosses have no content word and characters
  /// the lexicon does not know come too, with no alternatives (only their key: a learned lexicon
  /// may translate them).
  func concepts(_ text: some StringProtocol, language: Language, keepingUnglossed: Bool = false) -> [Concept] {
    var glosses: [String: [String]] = [:]
    return concepts(text, language: language, keepingUnglossed: keepingUnglossed, glossCache: &glosses, context: makeContext())
  }

  /// The concepts of a text in `language`, using `context`'s stemmers and, for cognates, the
  /// English vocabulary set on it.
  /// The glosses of the Chinese headwords are kept in the context for its later sentences.
  func concepts(_ text: some StringProtocol, language: Language, context: ConceptContext) -> [Concept] {
    concepts(text, language: language, keepingUnglossed: false, glossCache: &context.glossCache, context: context)
  }

  /// The same, with the content words of the Chinese headwords met so far kept in `glossCache`
  /// (for a caller reading many sentences).
  func concepts(
    _ text: some StringProtocol, language: Language, keepingUnglossed: Bool, glossCache: inout [String: [String]],
    context: ConceptContext
  ) -> [Concept] {
    switch language {
    case .chinese:
      return chineseConcepts(String(text), keepingUnglossed: keepingUnglossed, glossCache: &glossCache, context)
    case .english: return englishWords(text, context).map { Concept(alternatives: [$0], isWeak: false, key: $0) }
    case .french, .spanish, .russian, .arabic: return otherConcepts(text, language, context)
    }
  }

  /// The English stemmer to use (nil: the light one).
  func englishStemmer(_ context: ConceptContext) -> SnowballStemmer? {
    englishStemming == .snowball ? context.stemmer(.english) : nil
  }

  /// English content words, stemmed as configured.
  func englishWords(_ text: some StringProtocol, _ context: ConceptContext) -> [String] {
    english.contentWords(text, stemmer: englishStemmer(context))
  }

  /// The text with Traditional characters made Simplified, when it has characters that no
  /// Simplified headword starts with (the transform is opened on this thread on first need).
  func simplifiedForLookUp(_ text: String, lexicon: Lexicon?) -> String {
    guard let lexicon else { return text }
    var needsConversion = false
    for c in text where Self.isHan(c) && !Self.functionCharacters.contains(c) {
      if lexicon.words(of: Array(String(c).utf8)[...]) == nil && !lexicon.startsHeadword(Array(String(c).utf8)[...]) {
        needsConversion = true
        break
      }
    }
    guard needsConversion, let transform = ICUTransliterator.forCurrentThread("Hant-Hans") else { return text }
    return transform.transliterate(text)
  }

  private func chineseConcepts(
    _ original: String, keepingUnglossed: Bool, glossCache: inout [String: [String]], _ context: ConceptContext
  ) -> [Concept] {
    let lexicon = self.lexicon?.source == .chinese ? self.lexicon : nil
    let characters = Array(simplifiedForLookUp(original, lexicon: lexicon))
    var result: [Concept] = []
    var i = 0
    while i < characters.count {
      let c = characters[i]
      // Latin runs: names, acronyms, document symbols.
      if c.isASCII && (c.isLetter || c.isNumber) || c.isLetter && !Self.isHan(c) && (c.unicodeScalars.first?.value ?? 0) < 0x2E80 {
        var j = i
        while j < characters.count, !Self.isHan(characters[j]), !"，。、；：（）“”《》！？".contains(characters[j]),
          characters[j] != "(" && characters[j] != ")"
        {
          j += 1
        }
        let run = String(characters[i..<j])
        var words = englishWords(run, context)
        // "1500万", "3亿": a number followed by a Chinese scale character.
        if j < characters.count, let scale = Self.chineseScales[characters[j]], let last = words.last,
          let value = Double(last), run.last?.isNumber == true
        {
          words[words.count - 1] = EnglishWords.digits(value * scale)
          j += 1
        }
        for word in words { result.append(Concept(alternatives: [word], isWeak: false, key: word)) }
        // "2008年", "17个": a number before a unit character is just the number.
        i = max(j, i + 1)
        continue
      }
      // Full-width digits.
      if let value = c.wholeNumberValue, !Self.isHan(c) {
        var digits = String(value)
        var j = i + 1
        while j < characters.count, let v = characters[j].wholeNumberValue, !Self.isHan(characters[j]) {
          digits += String(v)
          j += 1
        }
        result.append(Concept(alternatives: [digits], isWeak: false, key: digits))
        i = j
        continue
      }
      // Chinese numerals: "十七", "三", "一百".
      if let (value, length) = Self.chineseNumber(characters, at: i), length >= 2 || characters.count > i + 1 && "个名项次年国".contains(characters[i + 1]) {
        result.append(Concept(alternatives: [String(value)], isWeak: false, key: String(value)))
        i += length
        continue
      }
      guard Self.isHan(c) else { i += 1; continue }
      // Longest match on the lexicon.
      var matched = false
      if let lexicon {
        for length in stride(from: min(lexicon.longestHeadword, characters.count - i), through: 1, by: -1) {
          let candidate = characters[i..<(i + length)]
          guard candidate.allSatisfy(Self.isHan) else { continue }
          if length == 1 && Self.functionCharacters.contains(c) { break }
          let headword = String(candidate)
          var alternatives = glossCache[headword]
          if alternatives == nil, let glosses = lexicon.words(of: Array(headword.utf8)[...]) {
            alternatives = Array(Set(englishWords(glosses, context))).sorted()
            glossCache[headword] = alternatives
          }
          if let alternatives {
            if !alternatives.isEmpty || keepingUnglossed {
              result.append(Concept(alternatives: alternatives, isWeak: length == 1, key: headword))
            }
            i += length
            matched = true
            break
          }
        }
      }
      if !matched {
        if keepingUnglossed && !Self.functionCharacters.contains(c) {
          result.append(Concept(alternatives: [], isWeak: true, key: String(c)))
        }
        i += 1
      }
    }
    return result
  }

  static func isHan(_ c: Character) -> Bool {
    guard let value = c.unicodeScalars.first?.value else { return false }
    return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0x20000...0x2FA1F).contains(value) || value == 0x3007
  }

  /// A Chinese numeral at `i`: its value and length in characters.
  static func chineseNumber(_ characters: [Character], at i: Int) -> (Int, Int)? {
    var total = 0
    var section = 0
    var digit = -1
    var j = i
    while j < characters.count {
      let c = characters[j]
      if let d = chineseDigits[c] {
        digit = d
      } else if let unit = chineseUnits[c] {
        let multiplier = digit < 0 ? 1 : digit
        if unit >= 10000 {
          total += (section + max(digit, 0)) * unit
          section = 0
        } else {
          section += multiplier * unit
        }
        digit = -1
      } else {
        break
      }
      j += 1
    }
    guard j > i else { return nil }
    return (total + section + max(digit, 0), j - i)
  }
}
