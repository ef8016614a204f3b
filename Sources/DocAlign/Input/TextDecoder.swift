/// Turns a file's bytes into text, refusing what is not text.
///
/// Accepted: UTF-8 with or without a byte-order mark, UTF-16 (LE/BE) with a byte-order mark.
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
    } else {
      text = try decodeUTF8(bytes, from: 0, name: name)
    }
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
      var i = start
      let n = buffer.count
      while i < n {
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
    return String(decoding: bytes[start...], as: UTF8.self)
  }

  private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, name: String) throws
    -> String
  {
    let body = bytes.count - 2
    if body % 2 != 0 {
      throw DocAlignError.invalidEncoding(path: name, byteOffset: bytes.count - 1, encoding: "UTF-16")
    }
    var units = [UInt16]()
    units.reserveCapacity(body / 2)
    var i = 2
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
      let offset = 2 + 2 * k
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
