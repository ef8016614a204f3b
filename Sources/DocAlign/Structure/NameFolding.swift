import CICU
import Foundation

/// Folding of names for matching: case, accents, apostrophes, hyphens and punctuation.
enum NameFolding {
  /// "Côte d’Ivoire" → "cote d ivoire"; "International-Lawyers.Org" → "international lawyers org";
  /// Han text is kept (without spaces or punctuation).
  ///
  /// Canonical decomposition (NFD), marks dropped, letters and numbers lower-cased, any run of
  /// other characters one space. Done character by character: a character in
  /// ``hasNoDecomposition(_:)``'s ranges (ASCII, CJK, most Cyrillic and Arabic, punctuation) is
  /// its own decomposition, any other is decomposed by ICU; NFD's reordering of combining marks
  /// cannot change the result, since marks are dropped (text holding a combining character that
  /// is not a mark goes through ``foldDecomposing(_:)``).
  static func fold(_ text: some StringProtocol) -> String {
    var folder = Folder(capacity: text.utf8.count)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        folder.appendASCII(UInt8(value))
      } else if isUnifiedIdeograph(value) {
        folder.appendIdeograph(scalar)  // alphabetic, no case
      } else if hasNoDecomposition(value) {
        folder.append(scalar)
      } else if !folder.appendDecomposing(scalar) {
        return foldDecomposing(text)
      }
    }
    return folder.result
  }

  /// The state of ``fold(_:)``: UTF-8 out, and whether it ends with a space.
  struct Folder {
    var out: [UInt8] = []
    var lastWasSpace = true

    init(capacity: Int) { out.reserveCapacity(capacity) }

    var result: String {
      var bytes = out
      if bytes.last == 0x20 { bytes.removeLast() }
      return String(decoding: bytes, as: UTF8.self)
    }

    mutating func space() {
      if !lastWasSpace {
        out.append(0x20)
        lastWasSpace = true
      }
    }

    mutating func appendASCII(_ byte: UInt8) {
      if byte &- 0x41 < 26 {  // A-Z
        out.append(byte | 0x20)
        lastWasSpace = false
      } else if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
        out.append(byte)
        lastWasSpace = false
      } else {
        space()
      }
    }

    /// A CJK unified ideograph (three UTF-8 bytes).
    mutating func appendIdeograph(_ scalar: Unicode.Scalar) {
      let v = scalar.value
      out.append(0xE0 | UInt8(truncatingIfNeeded: v >> 12))
      out.append(0x80 | UInt8(truncatingIfNeeded: (v >> 6) & 0x3F))
      out.append(0x80 | UInt8(truncatingIfNeeded: v & 0x3F))
      lastWasSpace = false
    }

    /// A scalar that is its own decomposition.
    mutating func append(_ scalar: Unicode.Scalar) {
      let v = scalar.value
      switch v {
      case 0..<0x80: appendASCII(UInt8(v))
      case 0x0410...0x042F:  // А-Я → а-я
        appendTwoBytes(v + 0x20)
      case 0x0430...0x044F, 0x0621...0x063A, 0x0641...0x064A:  // а-я; Arabic letters (no case)
        appendTwoBytes(v)
      case 0x064B...0x065F: break  // Arabic vowel marks (nonspacing)
      default: appendByProperties(scalar)
      }
    }

    /// A scalar of U+0080-U+07FF (two UTF-8 bytes), a letter.
    private mutating func appendTwoBytes(_ v: UInt32) {
      out.append(0xC0 | UInt8(truncatingIfNeeded: v >> 6))
      out.append(0x80 | UInt8(truncatingIfNeeded: v & 0x3F))
      lastWasSpace = false
    }

    /// A scalar that is its own decomposition, by its Unicode properties (what ``append(_:)``
    /// does for every scalar; its short cuts give the same result).
    mutating func appendByProperties(_ scalar: Unicode.Scalar) {
      if scalar.value < 0x80 { return appendASCII(UInt8(scalar.value)) }
      let properties = scalar.properties
      if properties.generalCategory == .nonspacingMark { return }
      if properties.isAlphabetic || properties.numericType != nil {
        out.append(contentsOf: properties.lowercaseMapping.utf8)
        lastWasSpace = false
      } else {
        space()
      }
    }

    /// A scalar decomposed by ICU; false when that is not possible or NFD's reordering could
    /// matter (a combining character that is not a nonspacing mark).
    mutating func appendDecomposing(_ scalar: Unicode.Scalar) -> Bool {
      withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 32) { buffer -> Bool in
        guard let base = buffer.baseAddress else { return false }
        let length = cicu_canonical_decomposition(Int32(bitPattern: scalar.value), base, 32)
        if length == -2 { return false }
        var parts: [Unicode.Scalar] = []
        if length < 0 {
          parts = [scalar]
        } else {
          var iterator = UnsafeBufferPointer(rebasing: buffer[0..<Int(length)]).makeIterator()
          var decoder = UTF16()
          loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let part): parts.append(part)
            case .emptyInput: break loop
            case .error: return false
            }
          }
        }
        for part in parts {
          let properties = part.properties
          if properties.canonicalCombiningClass != .notReordered && properties.generalCategory != .nonspacingMark {
            return false
          }
          append(part)
        }
        return true
      }
    }
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
    case 0x3000...0x3029, 0x3030...0x303F: return true  // CJK punctuation (not the tone marks U+302A-302F)
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
