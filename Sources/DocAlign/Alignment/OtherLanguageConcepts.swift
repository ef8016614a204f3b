import Foundation

/// The concept extraction of French, Spanish, Russian and Arabic text: each content word becomes
/// a concept whose alternatives are English stems (see ``ConceptExtractor``).
extension ConceptExtractor {
  /// A word or a number of a text.
  enum Token: Equatable {
    case word(String)
    case number(String)
  }

  /// Number words and scale words ("deux" → 2, "millions" → ×10⁶) per language.
  static let numberWords: [Language: [String: Double]] = [
    .french: [
      "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
      "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
    ],
    .spanish: [
      "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
      "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
      "cien": 100, "ciento": 100,
    ],
    .russian: [
      "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5,
      "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "десяти": 10, "двадцать": 20, "сто": 100,
    ],
    .arabic: [
      "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6,
      "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10, "عشر": 10, "عشرين": 20, "عشرون": 20, "مائة": 100, "مئة": 100,
    ],
  ]

  static let scaleWords: [Language: [String: Double]] = [
    .french: ["mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9],
    .spanish: ["mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12],
    .russian: [
      "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тыс": 1e3, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
      "млн": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9,
    ],
    .arabic: ["ألف": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9, "بليون": 1e9],
  ]

  /// The concepts of a French, Spanish, Russian or Arabic text.
  func otherConcepts(_ text: some StringProtocol, _ language: Language, _ context: ConceptContext) -> [Concept] {
    let tokens = Self.tokens(text, language)
    let stopWords = english.otherStopWords[language] ?? []
    let isLatin = language == .french || language == .spanish
    let scales = Self.scaleWords[language] ?? [:]
    let numbers = Self.numberWords[language] ?? [:]
    var result: [Concept] = []
    var k = 0
    while k < tokens.count {
      defer { k += 1 }
      switch tokens[k] {
      case .number(let digits):
        // "15 millions", "2 mil millones": the number times its scale words.
        var value = Double(digits)
        var next = k + 1
        while let v = value, next < tokens.count, case .word(let w) = tokens[next], let scale = scales[w] {
          value = v * scale
          next += 1
        }
        if let value, next > k + 1 {
          result.append(Concept(alternatives: [EnglishWords.digits(value)], isWeak: false, key: EnglishWords.digits(value)))
          k = next - 1
        } else {
          result.append(Concept(alternatives: [digits], isWeak: false, key: digits))
        }
      case .word(let word):
        if let value = numbers[word] {
          result.append(Concept(alternatives: [EnglishWords.digits(value)], isWeak: false, key: EnglishWords.digits(value)))
          continue
        }
        guard word.count >= 2, !stopWords.contains(word) else { continue }
        if isLatin && english.stopWords.contains(NameFolding.asciiFolded(word)) { continue }
        let alternatives = context.cachedAlternatives(word, language) { self.alternatives(of: word, language, context) }
        if !alternatives.isEmpty { result.append(Concept(alternatives: alternatives, isWeak: false, key: word)) }
      }
    }
    return result
  }

  /// The English stems a word of `language` stands for: the word in English normalisation
  /// (French and Spanish), its lexicon translations, its cognates on the English side.
  func alternatives(of word: String, _ language: Language, _ context: ConceptContext) -> [String] {
    var result: [String] = []
    func add(_ stem: some StringProtocol) {
      let stem = String(stem)
      if !stem.isEmpty && !result.contains(stem) { result.append(stem) }
    }
    let isLatin = language == .french || language == .spanish
    if isLatin { add(EnglishWords.stem(NameFolding.asciiFolded(word), with: englishStemmer(context))) }
    let stem = bridges.contains(.stemmer) ? (context.stemmer(language)?.stem(word) ?? word) : word
    let key = isLatin ? NameFolding.asciiFolded(stem) : stem
    if bridges.contains(.dictionary), let lexicon, lexicon.source == language,
      let translations = lexicon.words(of: Array(key.utf8)[...])
    {
      for translation in translations.split(separator: " ") { add(translation) }
    }
    let skeleton = CognateMatcher.usesSkeleton(language)
    if bridges.contains(.cognates), let threshold = CognateMatcher.threshold(for: language),
      let index = context.cognateIndex(skeleton: skeleton)
    {
      let spelling = context.speller.spelling(of: key, language: language, skeleton: skeleton)
      for match in index.matches(spelling, threshold: threshold) { add(match) }
    }
    return result
  }

  /// The words (lower case; Russian ё as е; Arabic without vowel marks and tatweel) and numbers
  /// (digits, thousands groups joined: "15 000", "15.000" → "15000"; a decimal comma as a
  /// point: "3,5" → "3.5"; Arabic-Indic digits as ASCII) of a text.
  static func tokens(_ text: some StringProtocol, _ language: Language) -> [Token] {
    let scalars = Array(String(text).unicodeScalars)
    func digit(_ k: Int) -> Int? {
      guard k < scalars.count, scalars[k].properties.numericType == .decimal,
        let value = scalars[k].properties.numericValue
      else { return nil }
      return Int(value)
    }
    var tokens: [Token] = []
    var k = 0
    while k < scalars.count {
      if digit(k) != nil {
        var integer = "", fraction = ""
        while let d = digit(k) {
          integer += String(d)
          k += 1
          // A thousands group: a separator then exactly three digits.
          if k < scalars.count, " \u{A0}\u{202F}.,".unicodeScalars.contains(scalars[k]),
            digit(k + 1) != nil, digit(k + 2) != nil, digit(k + 3) != nil, digit(k + 4) == nil,
            !(scalars[k] == "," && language == .french || scalars[k] == "," && language == .spanish)
          {
            k += 1
          }
        }
        // A decimal part: "3,5" (French, Spanish, Russian), "3.5".
        if k + 1 < scalars.count, scalars[k] == "," || scalars[k] == ".", digit(k + 1) != nil {
          k += 1
          while let d = digit(k) {
            fraction += String(d)
            k += 1
          }
        }
        tokens.append(.number(fraction.isEmpty ? integer : integer + "." + fraction))
        continue
      }
      let properties = scalars[k].properties
      if properties.isAlphabetic {
        var word = String.UnicodeScalarView()
        while k < scalars.count, scalars[k].properties.isAlphabetic || scalars[k].properties.generalCategory == .nonspacingMark {
          let scalar = scalars[k]
          k += 1
          if language == .arabic && (0x064B...0x065F).contains(scalar.value) || scalar.value == 0x0670 || scalar.value == 0x0640 {
            continue
          }
          for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            word.append(lower == "ё" ? "е" : lower)
          }
        }
        if !word.isEmpty { tokens.append(.word(String(word))) }
        continue
      }
      k += 1
    }
    return tokens
  }
}
