/// ``EnglishWords/rawWords(_:)`` and ``EnglishWords/stem(_:)`` for ASCII text, on its bytes:
/// the same rules (in ASCII a `Character` is one byte, and there is nothing to fold), without
/// building strings scalar by scalar. Other text takes the general code.
extension EnglishWords {
  /// The words of an ASCII text (nil for any other text), as ``rawWords(_:)``.
  static func rawWordsASCII(_ text: some StringProtocol) -> [String]? {
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    var words: [String] = []
    var current: [UInt8] = []
    for k in bytes.indices {
      let byte = bytes[k]
      if isDigit(byte) || (byte | 0x20) &- 0x61 < 26 {
        current.append(byte)
      } else if (byte == 0x2C || byte == 0x2E) && current.last.map(isDigit) == true && k + 1 < bytes.count
        && isDigit(bytes[k + 1])
      {
        if byte == 0x2E { current.append(byte) }  // 3.5 stays; 95,000 → 95000
      } else if !current.isEmpty {
        words.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      }
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    return words.filter { $0 != "s" }
  }

  /// The stem of an ASCII word (nil for any other word), as ``stem(_:)``.
  static func stemASCII(_ word: String) -> String? {
    guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    var w = ASCIIWord(Array(word.utf8))
    if w.ends("children") {
      w.bytes.removeLast(3)
      return w.string
    }
    if w.bytes.elementsEqual("people".utf8) { return "person" }
    if w.bytes.elementsEqual("women".utf8) { return "woman" }
    if w.bytes.elementsEqual("men".utf8) { return "man" }
    _ = w.drop("'s", keep: 2)  // "’s" is not ASCII
    if !(w.drop("ies", keep: 3, add: "y") || w.drop("sses", keep: 2, add: "ss")) {
      if w.ends("s") && !w.ends("ss") && !w.ends("us") && !w.ends("is") && w.bytes.count > 3 {
        w.bytes.removeLast()
      }
    }
    _ = w.drop("ational", keep: 3, add: "ate") || w.drop("ation", keep: 3, add: "ate")
      || w.drop("ingly", keep: 4) || w.drop("edly", keep: 4) || w.drop("ing", keep: 4) || w.drop("ed", keep: 4)
      || w.drop("ly", keep: 4) || w.drop("ment", keep: 4) || w.drop("ness", keep: 4) || w.drop("ity", keep: 4)
    _ = w.drop("ise", keep: 3, add: "ize") || w.drop("is", keep: 4, add: "iz")
    // Doubled final consonant after -ing/-ed ("planned" → "plann" → "plan").
    let n = w.bytes.count
    if n > 4, let last = w.bytes.last, w.bytes[n - 2] == last, !"lsz".utf8.contains(last), !"aeiou".utf8.contains(last) {
      w.bytes.removeLast()
    }
    if w.ends("e") && w.bytes.count > 4 { w.bytes.removeLast() }
    return w.string
  }
}

/// An ASCII word's bytes, with the suffix tests of the stemmer.
private struct ASCIIWord {
  var bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Whether the word ends with an ASCII suffix.
  func ends(_ suffix: StaticString) -> Bool {
    let length = suffix.utf8CodeUnitCount
    guard bytes.count >= length else { return false }
    let tail = suffix.utf8Start
    let offset = bytes.count - length
    for k in 0..<length where bytes[offset + k] != tail[k] { return false }
    return true
  }

  /// Replaces the suffix with `add` when the word ends with it and keeps `minimum` bytes.
  mutating func drop(_ suffix: StaticString, keep minimum: Int, add: StaticString = "") -> Bool {
    guard ends(suffix), bytes.count - suffix.utf8CodeUnitCount >= minimum else { return false }
    bytes.removeLast(suffix.utf8CodeUnitCount)
    bytes.append(contentsOf: UnsafeBufferPointer(start: add.utf8Start, count: add.utf8CodeUnitCount))
    return true
  }
}
