import CICU

/// A Snowball stemmer (Debian `libstemmer-dev`, through the C bridge) for one language:
/// "droits" → "droit", "правами" → "прав", "children" → "children" (Snowball's English stemmer
/// leaves irregular plurals alone).
///
/// A libstemmer object keeps its working buffer inside itself, so it is **not thread-safe**: make
/// one per thread (opening one costs microseconds). It remembers the stems it made, so a word
/// met again costs a dictionary look-up.
public final class SnowballStemmer {
  /// The language whose algorithm this is.
  public let language: Language
  private let handle: OpaquePointer
  private var cache: [String: String] = [:]
  private var buffer = [UInt8](repeating: 0, count: 256)

  /// The Snowball algorithm name for a language ("french" …), as `sb_stemmer_new` takes it; nil
  /// for Chinese, which has no stemmer.
  public static func algorithm(for language: Language) -> String? {
    switch language {
    case .english: return "english"
    case .french: return "french"
    case .spanish: return "spanish"
    case .russian: return "russian"
    case .arabic: return "arabic"
    case .chinese: return nil
    }
  }

  /// Opens the stemmer of `language`.
  /// - Throws: ``DocAlignError/invalidRequest(_:)`` for Chinese, and
  ///   ``DocAlignError/resourceNotFound(name:searched:)`` when the installed libstemmer lacks
  ///   the algorithm.
  public init(language: Language) throws {
    guard let algorithm = Self.algorithm(for: language) else {
      throw DocAlignError.invalidRequest("there is no Snowball stemmer for \(language.rawValue)")
    }
    guard let handle = cicu_stemmer_open(algorithm) else {
      throw DocAlignError.resourceNotFound(
        name: "Snowball stemmer '\(algorithm)'", searched: ["libstemmer (install libstemmer-dev)"])
    }
    self.language = language
    self.handle = handle
  }

  deinit { cicu_stemmer_close(handle) }

  /// The stem of a lower-case word (the word itself when libstemmer fails).
  public func stem(_ word: String) -> String {
    if let known = cache[word] { return known }
    var bytes = Array(word.utf8)
    var length = cicu_stem_utf8(handle, &bytes, Int32(bytes.count), &buffer, Int32(buffer.count))
    if length > buffer.count {
      buffer = [UInt8](repeating: 0, count: Int(length))
      length = cicu_stem_utf8(handle, &bytes, Int32(bytes.count), &buffer, Int32(buffer.count))
    }
    let stem = length >= 0 && length <= buffer.count ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : word
    cache[word] = stem
    return stem
  }
}
