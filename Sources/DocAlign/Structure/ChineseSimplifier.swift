/// Traditional → Simplified Chinese (ICU's "Hant-Hans" transform), opened on first need.
///
/// Opening the transform compiles its rules, which costs more than reading a whole page, so it is
/// opened only when a text holds a character the transform changes on its own
/// (``hasTraditionalCharacters(_:)``); any other text is returned as it is, without ICU. (The
/// transform also rewrites a few Simplified words in context, "份子" → "分子"; in a text without
/// Traditional characters those are left alone.) Once open it holds an ICU object: use one
/// simplifier per thread.
public final class ChineseSimplifier {
  private var transliterator: ICUTransliterator?
  private var couldNotOpen = false

  /// A simplifier; nothing is opened yet.
  public init() {}

  /// Whether the ICU transform has been opened (some text needed it).
  public var isOpen: Bool { transliterator != nil }

  /// The text in Simplified characters: unchanged without Traditional characters, or when ICU
  /// has no Hant-Hans transform.
  public func simplify(_ text: String) -> String {
    guard Self.hasTraditionalCharacters(text) else { return text }
    if transliterator == nil && !couldNotOpen {
      transliterator = try? ICUTransliterator(identifier: "Hant-Hans")
      couldNotOpen = transliterator == nil
    }
    return transliterator?.transliterate(text) ?? text
  }

  /// Whether a text holds a character that the Hant-Hans transform changes on its own.
  public static func hasTraditionalCharacters(_ text: some StringProtocol) -> Bool {
    let table = TraditionalCharacters.codePoints
    guard let smallest = table.first else { return false }
    for scalar in text.unicodeScalars where scalar.value >= smallest {
      var low = 0, high = table.count
      while low < high {
        let mid = (low + high) / 2
        if table[mid] < scalar.value { low = mid + 1 } else { high = mid }
      }
      if low < table.count && table[low] == scalar.value { return true }
    }
    return false
  }
}

extension TraditionalCharacters {
  /// The code points of ``rows``, sorted.
  static let codePoints: [UInt32] = rows.flatMap { $0.unicodeScalars.map(\.value) }
}
