/// Small helpers to walk UTF-8 bytes by scalar without building strings.
struct UTF8Bytes {
  let bytes: UnsafeBufferPointer<UInt8>

  var count: Int { bytes.count }

  /// The scalar starting at `i` and its length in bytes (U+FFFD, 1 for a stray byte).
  @inline(__always)
  func scalar(at i: Int) -> (Unicode.Scalar, Int) {
    let b0 = bytes[i]
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    let length: Int
    var value: UInt32
    switch b0 {
    case 0xC0...0xDF: length = 2; value = UInt32(b0 & 0x1F)
    case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F)
    case 0xF0...0xF7: length = 4; value = UInt32(b0 & 0x07)
    default: return ("\u{FFFD}", 1)
    }
    guard i + length <= bytes.count else { return ("\u{FFFD}", 1) }
    for k in 1..<length { value = (value << 6) | UInt32(bytes[i + k] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The start of the scalar that ends at `i` (exclusive).
  @inline(__always)
  func start(before i: Int) -> Int {
    var j = i - 1
    while j > 0 && bytes[j] & 0xC0 == 0x80 { j -= 1 }
    return j
  }

  /// The scalar ending at `i` (exclusive) and its start.
  @inline(__always)
  func scalar(before i: Int) -> (Unicode.Scalar, Int) {
    let j = start(before: i)
    return (scalar(at: j).0, j)
  }

  /// The first index at or after `i` that is not blank (or `end`).
  func skipBlanks(from i: Int, to end: Int) -> Int {
    var i = i
    while i < end {
      let (s, n) = scalar(at: i)
      if !isBlank(s) { break }
      i += n
    }
    return i
  }

  /// The index after the last non-blank scalar before `i` (or `start`).
  func skipBlanksBackward(from i: Int, to start: Int) -> Int {
    var i = i
    while i > start {
      let (s, j) = scalar(before: i)
      if !isBlank(s) { break }
      i = j
    }
    return i
  }

  /// The token (run of non-blank scalars) that ends at `end`, looking no further back than `limit`.
  func token(endingAt end: Int, limit: Int) -> Range<Int> {
    var i = end
    while i > limit {
      let (s, j) = scalar(before: i)
      if isBlank(s) { break }
      i = j
    }
    return i..<end
  }

  /// The token that starts at `start`, looking no further than `limit`.
  func token(startingAt start: Int, limit: Int) -> Range<Int> {
    var i = start
    while i < limit {
      let (s, n) = scalar(at: i)
      if isBlank(s) { break }
      i += n
    }
    return start..<i
  }

  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}

/// Converts increasing UTF-8 byte offsets into Unicode-scalar offsets in one forward pass.
struct ScalarOffsetCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  private var byteOffset = 0
  private var scalarOffset = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The scalar offset of `target`, which must not be below the previous query.
  mutating func scalarOffset(ofByte target: Int) -> Int {
    precondition(target >= byteOffset, "scalar offsets must be queried in increasing order")
    var count = scalarOffset
    var i = byteOffset
    while i < target {
      if bytes[i] & 0xC0 != 0x80 { count += 1 }
      i += 1
    }
    byteOffset = target
    scalarOffset = count
    return count
  }
}
