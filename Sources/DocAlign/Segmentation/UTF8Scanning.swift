/// Unicode's Lowercase property, answered without a table look-up for ASCII (where only a–z
/// have it).
@inline(__always)
func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
  scalar.isASCII ? (0x61...0x7A).contains(scalar.value) : scalar.properties.isLowercase
}

/// Unicode's Uppercase property, answered without a table look-up for ASCII (A–Z).
@inline(__always)
func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
  scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
}

/// Whether a scalar has a numeric type (digits, numerals, fractions…); in ASCII only 0–9 do.
@inline(__always)
func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
  scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
}

/// How many of the eight bytes of `word` have their high bit set. (A multiply adds the eight
/// 0-or-1 bytes into the top byte: the baseline x86-64 target has no population-count
/// instruction, and the library call that stands in for it is slower.)
@inline(__always)
func highBitCount(_ word: UInt64) -> Int {
  Int(truncatingIfNeeded: (((word >> 7) & 0x0101_0101_0101_0101) &* 0x0101_0101_0101_0101) >> 56)
}

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

  /// `i` moved on past whole 8-byte words that hold no byte of a line break: no byte below 0x0E
  /// (LF, VT, FF, CR) and no non-ASCII byte (NEL, U+2028, U+2029). Stops at the first word that
  /// may hold one, or where fewer than 8 bytes remain.
  @inline(__always)
  func skipWordsWithoutLineBreakBytes(from i: Int) -> Int {
    guard let base = bytes.baseAddress else { return i }
    let raw = UnsafeRawPointer(base)
    let n = bytes.count
    var i = i
    while i + 8 <= n {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // A byte below 0x0E borrows into its high bit; a non-ASCII byte has it set.
      if ((word &- 0x0E0E_0E0E_0E0E_0E0E) | word) & 0x8080_8080_8080_8080 != 0 { break }
      i += 8
    }
    return i
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

  /// Whether every scalar in `range` satisfies `predicate` (true for an empty range).
  @inline(__always)
  func allScalars(in range: Range<Int>, satisfy predicate: (Unicode.Scalar) -> Bool) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      let (s, n) = scalar(at: i)
      if !predicate(s) { return false }
      i += n
    }
    return true
  }

  /// The first scalar in `range` that satisfies `predicate`, or nil.
  @inline(__always)
  func firstScalar(in range: Range<Int>, where predicate: (Unicode.Scalar) -> Bool) -> Unicode.Scalar? {
    var i = range.lowerBound
    while i < range.upperBound {
      let (s, n) = scalar(at: i)
      if predicate(s) { return s }
      i += n
    }
    return nil
  }

  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}

/// The offsets of the bytes that the break rules start their scans from, found in one pass over
/// a run: "(", ")", ".", "[", "]", and the lead bytes E2 (…, bullets, curly quotes and dashes),
/// E3 and EF (CJK brackets and full stops). None of them is a UTF-8 continuation byte, so each
/// offset is the start of a scalar.
struct RuleLandmarks {
  /// Increasing byte offsets into the run.
  private(set) var offsets: [Int] = []

  init(_ bytes: UTF8Bytes) {
    let buffer = bytes.bytes
    guard let base = buffer.baseAddress else { return }
    let n = buffer.count
    let raw = UnsafeRawPointer(base)
    let clearLowBit = SIMD16<UInt8>(repeating: 0xFE)
    let openParenthesis = SIMD16<UInt8>(repeating: 0x28)
    let leadE2 = SIMD16<UInt8>(repeating: 0xE2)
    let openBracket = SIMD16<UInt8>(repeating: 0x5B)
    let closeBracket = SIMD16<UInt8>(repeating: 0x5D)
    let period = SIMD16<UInt8>(repeating: 0x2E)
    let leadEF = SIMD16<UInt8>(repeating: 0xEF)
    let noLanes = SIMD16<UInt8>(repeating: 0)
    var i = 0
    // Sixteen bytes at a time; most blocks hold none of these bytes.
    while i + 16 <= n {
      let block = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
      // (The masks are typed one by one: the type checker gives up on one long expression.)
      let evenBlock: SIMD16<UInt8> = block & clearLowBit
      let isParenthesis: SIMDMask<SIMD16<Int8>> = evenBlock .== openParenthesis  // ( )
      let isLeadE2E3: SIMDMask<SIMD16<Int8>> = evenBlock .== leadE2  // E2 E3
      let isOpenBracket: SIMDMask<SIMD16<Int8>> = block .== openBracket
      let isCloseBracket: SIMDMask<SIMD16<Int8>> = block .== closeBracket
      let isPeriod: SIMDMask<SIMD16<Int8>> = block .== period
      let isLeadEF: SIMDMask<SIMD16<Int8>> = block .== leadEF
      let hits = isParenthesis .| isLeadE2E3 .| isOpenBracket .| isCloseBracket .| isPeriod .| isLeadEF
      // The matching lanes as bits (0x80 in each matching byte) of two 64-bit halves.
      let lanes = unsafeBitCast(noLanes.replacing(with: 0x80, where: hits), to: SIMD2<UInt64>.self)
      var low = lanes[0]
      var high = lanes[1]
      while low != 0 {
        offsets.append(i + low.trailingZeroBitCount >> 3)
        low &= low &- 1
      }
      while high != 0 {
        offsets.append(i + 8 + high.trailingZeroBitCount >> 3)
        high &= high &- 1
      }
      i += 16
    }
    while i < n {
      if Self.isLandmark(base[i]) { offsets.append(i) }
      i += 1
    }
  }

  @inline(__always)
  static func isLandmark(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x28, 0x29, 0x2E, 0x5B, 0x5D, 0xE2, 0xE3, 0xEF: return true
    default: return false
    }
  }
}

/// Converts increasing UTF-8 byte offsets into Unicode-scalar offsets in one forward pass.
struct ScalarOffsetCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  private var byteOffset = 0
  private var scalarOffset = 0

  /// A cursor over `bytes` whose offsets count from byte `start` (offset 0 there).
  init(bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
    self.bytes = bytes
    self.byteOffset = start
  }

  /// The scalar offset of `target`, which must not be below the previous query.
  mutating func scalarOffset(ofByte target: Int) -> Int {
    precondition(target >= byteOffset, "scalar offsets must be queried in increasing order")
    scalarOffset += Self.scalarCount(UnsafeBufferPointer(rebasing: bytes[byteOffset..<target]))
    byteOffset = target
    return scalarOffset
  }

  /// The number of scalars that start in `bytes` (the bytes that are not UTF-8 continuation
  /// bytes 10xxxxxx), eight bytes at a time.
  static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let n = bytes.count
    var count = n
    var i = 0
    while i + 8 <= n {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // Bit 7 set and bit 6 clear: shifting left by one puts each byte's bit 6 under its bit 7.
      count -= highBitCount(word & ~(word << 1))
      i += 8
    }
    while i < n {
      if base[i] & 0xC0 == 0x80 { count -= 1 }
      i += 1
    }
    return count
  }
}
