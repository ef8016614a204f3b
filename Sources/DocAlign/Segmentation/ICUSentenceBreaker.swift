import CICU

/// One ICU sentence break iterator (with its reusable UTF-8 UText), owned by a ``Segmenter``.
final class ICUSentenceBreaker {
  private let handle: OpaquePointer
  private var boundaries = [Int32](repeating: 0, count: 256)

  init(locale: String) throws {
    var status: Int32 = 0
    guard let handle = cicu_sentence_breaker_open(locale, &status), status == 0 else {
      throw DocAlignError.icu(
        operation: "open a sentence break iterator for \(locale)",
        error: String(cString: cicu_error_name(status)))
    }
    self.handle = handle
  }

  deinit { cicu_sentence_breaker_close(handle) }

  /// The boundaries ICU finds in `text` (byte offsets; the last one is `text.count`).
  func breaks(in text: UnsafeBufferPointer<UInt8>) throws -> ArraySlice<Int32> {
    guard let base = text.baseAddress, text.count > 0 else { return [] }
    var status: Int32 = 0
    var count = boundaries.withUnsafeMutableBufferPointer { out in
      cicu_sentence_breaks_utf8(handle, base, Int32(text.count), out.baseAddress, Int32(out.count), &status)
    }
    if status == 0 && Int(count) > boundaries.count {
      boundaries = [Int32](repeating: 0, count: Int(count) * 2)
      count = boundaries.withUnsafeMutableBufferPointer { out in
        cicu_sentence_breaks_utf8(handle, base, Int32(text.count), out.baseAddress, Int32(out.count), &status)
      }
    }
    guard status == 0 else {
      throw DocAlignError.icu(
        operation: "find sentence breaks", error: String(cString: cicu_error_name(status)))
    }
    return boundaries[0..<Int(count)]
  }
}

/// The ICU library version, e.g. "72.1".
public var icuVersion: String {
  var buffer = [CChar](repeating: 0, count: 32)
  cicu_version(&buffer, 32)
  return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
