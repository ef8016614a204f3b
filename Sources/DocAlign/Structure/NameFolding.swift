import Foundation

/// Folding of names for matching: case, accents, apostrophes, hyphens and punctuation.
enum NameFolding {
  /// "Côte d’Ivoire" → "cote d ivoire"; "International-Lawyers.Org" → "international lawyers org";
  /// Han text is kept (without spaces or punctuation).
  ///
  /// Canonical decomposition (NFD), marks dropped, letters and numbers lower-cased, any run of
  /// other characters one space. Text whose characters all have no canonical decomposition
  /// (``hasNoDecomposition(_:)``: ASCII, CJK, most Cyrillic and Arabic, punctuation) is folded
  /// directly, character by character, with the same result.
  static func fold(_ text: some StringProtocol) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var lastWasSpace = true
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        let byte = UInt8(value)
        if byte &- 0x41 < 26 {  // A-Z
          out.append(byte | 0x20)
          lastWasSpace = false
        } else if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
          out.append(byte)
          lastWasSpace = false
        } else if !lastWasSpace {
          out.append(0x20)
          lastWasSpace = true
        }
        continue
      }
      guard hasNoDecomposition(value) else { return foldDecomposing(text) }
      if isUnifiedIdeograph(value) {
        // Alphabetic, no case.
        out.append(contentsOf: String(scalar).utf8)
        lastWasSpace = false
        continue
      }
      let properties = scalar.properties
      if properties.generalCategory == .nonspacingMark { continue }
      if properties.isAlphabetic || properties.numericType != nil {
        out.append(contentsOf: properties.lowercaseMapping.utf8)
        lastWasSpace = false
      } else if !lastWasSpace {
        out.append(0x20)
        lastWasSpace = true
      }
    }
    if out.last == 0x20 { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
  }

  /// The same folding through Foundation's NFD, for text with characters that decompose.
  static func foldDecomposing(_ text: some StringProtocol) -> String {
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

  /// CJK Unified Ideographs (the main block and extension A).
  static func isUnifiedIdeograph(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
  }

  /// Whether a scalar is its own canonical decomposition, and is a mark whenever it combines
  /// (so that NFD's reordering of combining marks cannot matter once marks are dropped): true
  /// for the ranges below, checked scalar by scalar by the tests; false means "not known".
  static func hasNoDecomposition(_ value: UInt32) -> Bool {
    switch value {
    case 0x0000...0x00BF: return true  // ASCII, Latin-1 punctuation and signs
    case 0x0410...0x0418, 0x041A...0x0438, 0x043A...0x044F: return true  // А-я without Й, й
    case 0x0600...0x0621, 0x0627...0x06BF, 0x06C1, 0x06C3...0x06D2, 0x06D4...0x06FF: return true  // Arabic
    case 0x2010...0x206F: return true  // general punctuation
    case 0x3000...0x303F: return true  // CJK punctuation
    case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true  // CJK Unified Ideographs
    case 0xFF01...0xFFEF: return true  // full-width and half-width forms
    default: return false
    }
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
