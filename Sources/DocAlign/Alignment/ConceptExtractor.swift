/// Turns a sentence into comparable units in one space (stemmed English words):
/// - Chinese: longest match on the lexicon's headwords (up to 8 characters), each headword a unit
///   whose alternatives are its glosses' content words; numbers (Arabic, full-width, Chinese
///   numerals, "2008年", "17个") as digits; Latin runs (names, acronyms, UN symbols) as words.
/// - English and other Latin-script text: content words, each a unit of one alternative.
struct ConceptExtractor {
  /// One unit of meaning: any of `alternatives` found on the other side covers it.
  struct Concept: Hashable {
    var alternatives: [String]
    /// Single Han characters weigh less than words.
    var isWeak: Bool
  }

  let lexicon: Lexicon?
  let english: EnglishWords

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

  func concepts(_ text: some StringProtocol, language: Language) -> [Concept] {
    if language == .chinese { return chineseConcepts(String(text)) }
    return english.contentWords(text).map { Concept(alternatives: [$0], isWeak: false) }
  }

  private func chineseConcepts(_ text: String) -> [Concept] {
    let characters = Array(text)
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
        var words = english.contentWords(run)
        // "1500万", "3亿": a number followed by a Chinese scale character.
        if j < characters.count, let scale = Self.chineseScales[characters[j]], let last = words.last,
          let value = Double(last), run.last?.isNumber == true
        {
          words[words.count - 1] = EnglishWords.digits(value * scale)
          j += 1
        }
        for word in words { result.append(Concept(alternatives: [word], isWeak: false)) }
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
        result.append(Concept(alternatives: [digits], isWeak: false))
        i = j
        continue
      }
      // Chinese numerals: "十七", "三", "一百".
      if let (value, length) = Self.chineseNumber(characters, at: i), length >= 2 || characters.count > i + 1 && "个名项次年国".contains(characters[i + 1]) {
        result.append(Concept(alternatives: [String(value)], isWeak: false))
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
          if let glosses = lexicon.words(of: candidate.reduce(into: [UInt8]()) { $0.append(contentsOf: $1.utf8) }[...]) {
            let alternatives = english.contentWords(glosses)
            if !alternatives.isEmpty {
              result.append(Concept(alternatives: Array(Set(alternatives)).sorted(), isWeak: length == 1))
            }
            i += length
            matched = true
            break
          }
        }
      }
      if !matched { i += 1 }
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
