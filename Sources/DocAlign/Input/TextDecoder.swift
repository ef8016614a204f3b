/// Turns a file's bytes into text, refusing what is not text.
///
/// Accepted: UTF-8 with or without a byte-order mark, UTF-16 (LE/BE) with a byte-order mark, and
/// UTF-16 without one when its first kilobyte looks like it (``utf16WithoutBOM(_:)``: every NUL
/// byte on the same side of its pair, and a NUL in at least one pair in eight).
/// Line ends (LF, CRLF, CR) and Unicode spaces are kept as they are. Refused with an error naming
/// the file and the byte offset: invalid UTF-8 or UTF-16, NUL or other control bytes that do not
/// occur in text, and files that hold no text at all.
public enum TextDecoder {
  /// Decodes `bytes` read from the file `name`.
  /// - Throws: ``DocAlignError/emptyInput(path:)``, ``DocAlignError/invalidEncoding(path:byteOffset:encoding:)``,
  ///   ``DocAlignError/binaryInput(path:byteOffset:)``.
  public static func decode(_ bytes: [UInt8], name: String) throws -> String {
    let text: String
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      text = try decodeUTF8(bytes, from: 3, name: name)
    } else if bytes.starts(with: [0xFF, 0xFE]) {
      text = try decodeUTF16(bytes, littleEndian: true, name: name)
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      text = try decodeUTF16(bytes, littleEndian: false, name: name)
    } else if let littleEndian = bytes.withUnsafeBufferPointer({ utf16WithoutBOM($0) }) {
      text = try decodeUTF16(bytes, littleEndian: littleEndian, bomLength: 0, name: name)
    } else {
      text = try decodeUTF8(bytes, from: 0, name: name)
    }
    if !text.unicodeScalars.contains(where: { !isBlank($0) }) {
      throw DocAlignError.emptyInput(path: name)
    }
    return text
  }

  /// Decodes a file of `size` bytes that `fill` reads straight into the storage of the string
  /// (no intermediate buffer, no copy): checked here for the errors `decode(_:name:)` reports,
  /// with a byte-order mark dropped. `fill` gets room for `size + 1` bytes and returns how many it
  /// wrote. Returns nil (and keeps nothing) when the bytes need the general path: UTF-16 (with a
  /// byte-order mark or without), or a file that grew past `size` while being read.
  /// - Throws: the errors of ``decode(_:name:)``, and those of `fill`.
  static func decode(
    size: Int, name: String, readingInto fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Int
  ) throws -> String? {
    let capacity = size + 1
    var needsGeneralPath = false
    let text = try String(unsafeUninitializedCapacity: capacity) { buffer in
      let count = try fill(buffer)
      let bytes = UnsafeBufferPointer(rebasing: buffer[..<count])
      if count >= capacity || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        || utf16WithoutBOM(bytes) != nil
      {
        needsGeneralPath = true
        return 0
      }
      let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      // The standard library checks the bytes again when it takes them, but would repair (not
      // report) an error: they are checked here first, with offsets that name the byte.
      try throwFirstUTF8Error(in: bytes, from: start, name: name)
      if start > 0, let base = buffer.baseAddress {
        base.update(from: base + start, count: count - start)
      }
      return count - start
    }
    if needsGeneralPath { return nil }
    if !text.unicodeScalars.contains(where: { !isBlank($0) }) {
      throw DocAlignError.emptyInput(path: name)
    }
    return text
  }

  /// Control characters that never occur in text files (everything below U+0020 except tab,
  /// line feed, vertical tab, form feed and carriage return; and DEL is tolerated).
  @inline(__always)
  static func isForbiddenControl(_ value: UInt32) -> Bool {
    value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0B && value != 0x0C
      && value != 0x0D
  }

  private static func decodeUTF8(_ bytes: [UInt8], from start: Int, name: String) throws -> String {
    // Validate by hand so that the error can name the byte offset.
    try bytes.withUnsafeBufferPointer { buffer in
      try throwFirstUTF8Error(in: buffer, from: start, name: name)
    }
    return String(decoding: bytes[start...], as: UTF8.self)
  }

  /// Walks UTF-8 bytes and throws the error of the first invalid sequence or forbidden control
  /// byte, naming its byte offset; returns if there is none.
  private static func throwFirstUTF8Error(
    in buffer: UnsafeBufferPointer<UInt8>, from start: Int, name: String
  ) throws {
    var i = start
    let n = buffer.count
    guard let base = buffer.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    while i < n {
      // Eight bytes at a time while all are printable ASCII (0x20…0x7F): nothing to check.
      while i + 8 <= n {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        // A byte below 0x20 borrows into its high bit; a non-ASCII byte has it set.
        if ((word &- 0x2020_2020_2020_2020) | word) & 0x8080_8080_8080_8080 != 0 { break }
        i += 8
      }
      guard i < n else { break }
      let b0 = buffer[i]
      if b0 < 0x80 {
        if isForbiddenControl(UInt32(b0)) {
          throw DocAlignError.binaryInput(path: name, byteOffset: i)
        }
        i += 1
        continue
      }
      let length: Int
      let minimum: UInt32
      var value: UInt32
      switch b0 {
      case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(b0 & 0x1F)
      case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(b0 & 0x0F)
      case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(b0 & 0x07)
      default:
        throw DocAlignError.invalidEncoding(path: name, byteOffset: i, encoding: "UTF-8")
      }
      guard i + length <= n else {
        throw DocAlignError.invalidEncoding(path: name, byteOffset: i, encoding: "UTF-8")
      }
      for k in 1..<length {
        let b = buffer[i + k]
        guard b & 0xC0 == 0x80 else {
          throw DocAlignError.invalidEncoding(path: name, byteOffset: i, encoding: "UTF-8")
        }
        value = (value << 6) | UInt32(b & 0x3F)
      }
      if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
        throw DocAlignError.invalidEncoding(path: name, byteOffset: i, encoding: "UTF-8")
      }
      i += length
    }
  }

  /// How many bytes of the file ``utf16WithoutBOM(_:)`` looks at.
  public static let utf16ProbeLength = 1024

  /// Whether bytes without a byte-order mark are UTF-16, and which: `true` for little-endian,
  /// `false` for big-endian, nil when they are not.
  ///
  /// The rule, on the first ``utf16ProbeLength`` bytes (or all, if fewer; at least 16): every NUL
  /// byte stands on the same side of its byte pair (odd offsets: little-endian; even offsets:
  /// big-endian), and at least one pair in eight holds one. Latin-script text has a NUL in the
  /// high byte of nearly every code unit, and so do the ASCII spaces, digits and punctuation of
  /// Cyrillic or Arabic text; UTF-8 text has no NUL at all; a binary file has NULs on both sides.
  /// The file is then validated as UTF-16 as a whole (surrogates, control characters).
  public static func utf16WithoutBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    let pairs = min(bytes.count, utf16ProbeLength) / 2
    guard pairs >= 8 else { return nil }
    var evenNULs = 0, oddNULs = 0
    for k in 0..<pairs {
      if bytes[2 * k] == 0 { evenNULs += 1 }
      if bytes[2 * k + 1] == 0 { oddNULs += 1 }
    }
    if evenNULs == 0 && oddNULs * 8 >= pairs { return true }
    if oddNULs == 0 && evenNULs * 8 >= pairs { return false }
    return nil
  }

  private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, bomLength: Int = 2, name: String)
    throws -> String
  {
    let body = bytes.count - bomLength
    var units = [UInt16]()
    units.reserveCapacity(body / 2)
    var i = bomLength
    while i + 1 < bytes.count {
      let unit =
        littleEndian
        ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
        : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
      units.append(unit)
      i += 2
    }
    // Validate surrogate pairs and control characters, reporting byte offsets in the file.
    var k = 0
    while k < units.count {
      let unit = units[k]
      let offset = bomLength + 2 * k
      if (0xD800...0xDBFF).contains(unit) {
        guard k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) else {
          throw DocAlignError.invalidEncoding(path: name, byteOffset: offset, encoding: "UTF-16")
        }
        k += 2
        continue
      }
      if (0xDC00...0xDFFF).contains(unit) {
        throw DocAlignError.invalidEncoding(path: name, byteOffset: offset, encoding: "UTF-16")
      }
      if isForbiddenControl(UInt32(unit)) {
        throw DocAlignError.binaryInput(path: name, byteOffset: offset)
      }
      k += 1
    }
    // A last byte without its pair (checked after the units, so that the first problem is named).
    if body % 2 != 0 {
      throw DocAlignError.invalidEncoding(path: name, byteOffset: bytes.count - 1, encoding: "UTF-16")
    }
    return String(decoding: units, as: UTF16.self)
  }
}

/// White space for paragraph and trimming purposes: ASCII spaces and controls, line and paragraph
/// separators, and the Unicode spaces that real pages use (NBSP, ideographic space, …).
@inline(__always)
func isBlank(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
    0x3000, 0xFEFF:
    return true
  default:
    return false
  }
}
