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
    var w: [UInt8] = []
    w.reserveCapacity(word.utf8.count + 2)
    for byte in word.utf8 {
      guard byte < 0x80 else { return nil }
      w.append(byte)
    }
    func ends(_ suffix: String) -> Bool {
      let tail = suffix.utf8
      return w.count >= tail.count && w[(w.count - tail.count)...].elementsEqual(tail)
    }
    func drop(_ suffix: String, keep minimum: Int, add: String = "") -> Bool {
      guard ends(suffix), w.count - suffix.utf8.count >= minimum else { return false }
      w.removeLast(suffix.utf8.count)
      w.append(contentsOf: add.utf8)
      return true
    }
    if ends("children") {
      w.removeLast(3)
      return String(decoding: w, as: UTF8.self)
    }
    if w.elementsEqual("people".utf8) { return "person" }
    if w.elementsEqual("women".utf8) { return "woman" }
    if w.elementsEqual("men".utf8) { return "man" }
    _ = drop("'s", keep: 2)  // "’s" is not ASCII
    if !(drop("ies", keep: 3, add: "y") || drop("sses", keep: 2, add: "ss")) {
      if ends("s") && !ends("ss") && !ends("us") && !ends("is") && w.count > 3 {
        w.removeLast()
      }
    }
    _ = drop("ational", keep: 3, add: "ate") || drop("ation", keep: 3, add: "ate")
      || drop("ingly", keep: 4) || drop("edly", keep: 4) || drop("ing", keep: 4) || drop("ed", keep: 4)
      || drop("ly", keep: 4) || drop("ment", keep: 4) || drop("ness", keep: 4) || drop("ity", keep: 4)
    _ = drop("ise", keep: 3, add: "ize") || drop("is", keep: 4, add: "iz")
    // Doubled final consonant after -ing/-ed ("planned" → "plann" → "plan").
    if let last = w.last, w.count > 4, w[w.count - 2] == last, !"lsz".utf8.contains(last), !"aeiou".utf8.contains(last) {
      w.removeLast()
    }
    if ends("e") && w.count > 4 { w.removeLast() }
    return String(decoding: w, as: UTF8.self)
  }
}
