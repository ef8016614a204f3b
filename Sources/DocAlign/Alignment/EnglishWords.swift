import Foundation

/// English word normalisation shared by both sides of a comparison: lower case, ASCII folding,
/// stop words dropped, a light suffix stemmer, and numbers kept as digits.
public struct EnglishWords: Sendable {
  let stopWords: Set<String>

  /// Reads the stop-word list (`Resources/alignment/stopwords-en.txt`).
  public init(resources: ResourceDirectory) throws {
    var words = Set<String>()
    for line in dataLines(try resources.read("alignment/stopwords-en.txt")) {
      words.insert(line.fields[0].trimmingSpaces.lowercased())
    }
    stopWords = words
  }

  init(stopWords: Set<String>) { self.stopWords = stopWords }

  /// The content words of a text, normalised and stemmed ("Children’s" → "child").
  func contentWords(_ text: some StringProtocol) -> [String] {
    var result: [String] = []
    let raws = Self.rawWords(text)
    var skip = false
    for (k, raw) in raws.enumerated() {
      if skip { skip = false; continue }
      if let number = Self.number(raw) {
        // "15 million" → 15000000, as "1500万" on the Chinese side.
        if k + 1 < raws.count, let scale = Self.scales[raws[k + 1].lowercased()], let value = Double(number) {
          result.append(Self.digits(value * scale))
          skip = true
        } else {
          result.append(number)
        }
        continue
      }
      let word = raw.lowercased()
      if word.count < 2 || stopWords.contains(word) { continue }
      result.append(Self.stem(word))
    }
    return result
  }

  /// Words: runs of letters and digits, with inner apostrophes, periods and commas between
  /// digits kept ("95,000", "3.5"); a possessive "’s" is dropped.
  static func rawWords(_ text: some StringProtocol) -> [String] {
    if let words = rawWordsASCII(text) { return words }
    var words: [String] = []
    var current = ""
    let scalars = Array(NameFolding.asciiFolded(text).unicodeScalars)
    for (k, scalar) in scalars.enumerated() {
      let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
      if isDigit || (scalar.isASCII ? (scalar.value | 0x20) &- 0x61 < 26 : scalar.properties.isAlphabetic) {
        current.unicodeScalars.append(scalar)
      } else if (scalar == "," || scalar == ".") && !current.isEmpty && current.last?.isNumber == true
        && k + 1 < scalars.count && scalars[k + 1].value >= 0x30 && scalars[k + 1].value <= 0x39
      {
        if scalar == "." { current.unicodeScalars.append(scalar) }  // 3.5 stays; 95,000 → 95000
      } else {
        if !current.isEmpty { words.append(current) }
        current = ""
        // "children's": skip the possessive s.
        if (scalar == "'" || scalar == "’") && k + 1 < scalars.count && (scalars[k + 1] == "s" || scalars[k + 1] == "S")
          && (k + 2 >= scalars.count || !scalars[k + 2].properties.isAlphabetic)
        {
          continue
        }
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.filter { !($0.count == 1 && $0 == "s") }
  }

  private static let numberWords: [String: String] = [
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    "thousand": "1000", "million": "1000000", "billion": "1000000000",
  ]

  static let scales: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9]

  /// A whole number as digits, a fraction with its decimals ("3.5").
  static func digits(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// A number as digits ("2008", "17", "seventeen" is not attempted beyond the table).
  static func number(_ word: String) -> String? {
    if word.first?.isNumber == true, word.allSatisfy({ $0.isNumber || $0 == "." }) { return word }
    return numberWords[word.lowercased()]
  }

  /// A light stemmer (plural, -ing, -ed, -ly, -ation, British -ise): enough to meet the same
  /// word in glosses and text; both sides are stemmed alike.
  static func stem(_ word: String) -> String {
    if let stem = stemASCII(word) { return stem }
    var w = word
    func drop(_ suffix: String, keep minimum: Int, add: String = "") -> Bool {
      guard w.hasSuffix(suffix), w.count - suffix.count >= minimum else { return false }
      w = String(w.dropLast(suffix.count)) + add
      return true
    }
    if w.hasSuffix("children") { return String(w.dropLast(3)) }
    if w == "people" { return "person" }
    if w == "women" { return "woman" }
    if w == "men" { return "man" }
    _ = drop("'s", keep: 2) || drop("’s", keep: 2)
    if !(drop("ies", keep: 3, add: "y") || drop("sses", keep: 2, add: "ss")) {
      if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") && w.count > 3 {
        w.removeLast()
      }
    }
    _ = drop("ational", keep: 3, add: "ate") || drop("ation", keep: 3, add: "ate")
      || drop("ingly", keep: 4) || drop("edly", keep: 4) || drop("ing", keep: 4) || drop("ed", keep: 4)
      || drop("ly", keep: 4) || drop("ment", keep: 4) || drop("ness", keep: 4) || drop("ity", keep: 4)
    _ = drop("ise", keep: 3, add: "ize") || drop("is", keep: 4, add: "iz")
    // Doubled final consonant after -ing/-ed ("planned" → "plann" → "plan").
    if let last = w.last, w.count > 4, w.dropLast().last == last, !"lsz".contains(last), !"aeiou".contains(last) {
      w.removeLast()
    }
    if w.hasSuffix("e") && w.count > 4 { w.removeLast() }
    return w
  }
}

extension NameFolding {
  /// Accents removed, everything else kept ("Asociación" → "Asociacion").
  static func asciiFolded(_ text: some StringProtocol) -> String {
    // Without characters that decompose, NFD only reorders marks, which are dropped anyway.
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return String(text) }
    if text.unicodeScalars.allSatisfy({ hasNoDecomposition($0.value) }) {
      var out = String.UnicodeScalarView()
      for scalar in text.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark { out.append(scalar) }
      return String(out)
    }
    var out = String.UnicodeScalarView()
    for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars
    where scalar.properties.generalCategory != .nonspacingMark {
      out.append(scalar)
    }
    return String(out)
  }
}
