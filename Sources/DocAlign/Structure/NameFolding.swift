import Foundation

/// Folding of names for matching: case, accents, apostrophes, hyphens and punctuation.
enum NameFolding {
  /// "Côte d’Ivoire" → "cote d ivoire"; "International-Lawyers.Org" → "international lawyers org";
  /// Han text is kept (without spaces or punctuation).
  static func fold(_ text: some StringProtocol) -> String {
    let decomposed = String(text).decomposedStringWithCanonicalMapping
    var out = String.UnicodeScalarView()
    var lastWasSpace = true
    for scalar in decomposed.unicodeScalars {
      let properties = scalar.properties
      if properties.generalCategory == .nonspacingMark { continue }
      if properties.isAlphabetic || properties.numericType != nil {
        for lower in properties.lowercaseMapping.unicodeScalars { out.append(lower) }
        lastWasSpace = false
      } else if !lastWasSpace {
        out.append(" ")
        lastWasSpace = true
      }
    }
    var result = String(out)
    if result.hasSuffix(" ") { result.removeLast() }
    return result
  }

  /// The folded words of a Latin name, without connecting words ("de", "of", "the", "and").
  static func tokens(_ text: some StringProtocol) -> [String] {
    fold(text).split(separator: " ").map(String.init)
  }

  static let connectingWords: Set<String> = [
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "les", "del", "y", "et", "on", "in",
  ]

  /// How well two Latin names match, in [0, 1]: shared words (a word matches another it is a
  /// prefix of, "org" ~ "organization") over the words of the shorter name, connecting words
  /// ignored. 1 means one name's words are all in the other.
  static func similarity(_ a: [String], _ b: [String]) -> Double {
    let x = a.filter { !connectingWords.contains($0) }
    let y = b.filter { !connectingWords.contains($0) }
    guard !x.isEmpty, !y.isEmpty else { return 0 }
    let (short, long) = x.count <= y.count ? (x, y) : (y, x)
    var used = Set<Int>()
    var shared = 0
    for word in short {
      if let k = long.indices.first(where: { !used.contains($0) && wordsMatch(word, long[$0]) }) {
        used.insert(k)
        shared += 1
      }
    }
    return Double(shared) / Double(short.count)
  }

  static func wordsMatch(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    return short.count >= 3 && long.hasPrefix(short)
  }
}
