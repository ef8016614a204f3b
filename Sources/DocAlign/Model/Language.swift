/// A language DocAlign segments and aligns: the six official languages of the United Nations.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
  case chinese = "zh"
  case english = "en"
  case french = "fr"
  case spanish = "es"
  case russian = "ru"
  case arabic = "ar"

  /// Parses an ISO 639-1 code or a locale such as `zh-CN`, `en_US`, `zh-Hant` (case-insensitive).
  /// - Throws: ``DocAlignError/unknownLanguage(_:)``.
  public init(code: String) throws {
    let base = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
    guard let base, let language = Language(rawValue: String(base)) else {
      throw DocAlignError.unknownLanguage(code)
    }
    self = language
  }

  /// The position of this language in `allCases` (0..<6), for tables kept in arrays.
  var ordinal: Int {
    switch self {
    case .chinese: return 0
    case .english: return 1
    case .french: return 2
    case .spanish: return 3
    case .russian: return 4
    case .arabic: return 5
    }
  }

  /// The ICU locale of this language's sentence break iterator.
  var sentenceBreakLocale: String {
    switch self {
    case .chinese: return "zh"
    case .arabic: return "ar"
    // ICU ships abbreviation suppressions ("ss=standard") for these.
    case .english, .french, .spanish, .russian: return "\(rawValue)@ss=standard"
    }
  }

  /// Whether the script distinguishes upper and lower case (rules on capitals apply).
  var isCased: Bool {
    switch self {
    case .english, .french, .spanish, .russian: return true
    case .chinese, .arabic: return false
    }
  }

  /// The default locale written into TMX files for this language.
  public var defaultLocale: String {
    switch self {
    case .chinese: return "zh-CN"
    case .english: return "en-US"
    case .french: return "fr-FR"
    case .spanish: return "es-ES"
    case .russian: return "ru-RU"
    case .arabic: return "ar"
    }
  }
}
