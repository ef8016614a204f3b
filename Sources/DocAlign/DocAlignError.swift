/// Every error DocAlign reports. Each message names the file (or resource) and says what is wrong,
/// so that a user can act on it.
public enum DocAlignError: Error, Sendable, Equatable {
  /// The file does not exist or cannot be read.
  case unreadableFile(path: String, reason: String)
  /// The file holds no text (zero bytes, only a byte-order mark, or only white space).
  case emptyInput(path: String)
  /// The bytes are not valid UTF-8 (or UTF-16) at the given byte offset.
  case invalidEncoding(path: String, byteOffset: Int, encoding: String)
  /// The file looks binary (a NUL or other control byte at the given offset).
  case binaryInput(path: String, byteOffset: Int)
  /// A language code DocAlign does not know.
  case unknownLanguage(String)
  /// ICU failed (the operation and ICU's error name).
  case icu(operation: String, error: String)
  /// A resource file or folder could not be found.
  case resourceNotFound(name: String, searched: [String])
  /// A resource file is malformed at a line.
  case malformedResource(name: String, line: Int, reason: String)
  /// The input has a shape DocAlign cannot work with (what was expected, what was found).
  case unsupportedInput(path: String, reason: String)
  /// An option or combination of options that cannot be honoured.
  case invalidRequest(String)
}

extension DocAlignError: CustomStringConvertible {
  /// A one-line message for a user.
  public var description: String {
    switch self {
    case .unreadableFile(let path, let reason):
      return "\(path): cannot read the file: \(reason)"
    case .emptyInput(let path):
      return "\(path): the file is empty (no text to segment)"
    case .invalidEncoding(let path, let offset, let encoding):
      return "\(path): invalid \(encoding) at byte offset \(offset); DocAlign reads UTF-8 "
        + "(with or without BOM) and UTF-16 (with a BOM, or without one when NULs show it) — "
        + "convert the file, e.g. with iconv"
    case .binaryInput(let path, let offset):
      return "\(path): looks like a binary file (control byte at byte offset \(offset)), "
        + "not text"
    case .unknownLanguage(let code):
      return "unknown language '\(code)': use one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))"
    case .icu(let operation, let error):
      return "ICU failed to \(operation): \(error) (is libicu-dev installed and complete?)"
    case .resourceNotFound(let name, let searched):
      return "resource '\(name)' not found; looked in: \(searched.joined(separator: ", ")). "
        + "Set DOCALIGN_RESOURCES to the Resources folder of DocAlign or pass --resources DIR"
    case .malformedResource(let name, let line, let reason):
      return "\(name):\(line): \(reason)"
    case .unsupportedInput(let path, let reason):
      return "\(path): \(reason)"
    case .invalidRequest(let message):
      return message
    }
  }
}
