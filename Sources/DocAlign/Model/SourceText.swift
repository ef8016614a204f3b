import Foundation

/// A decoded input text and the name it came from.
///
/// The text is exactly the file's content after decoding: a byte-order mark is dropped, line ends
/// and every other character are kept, so that offsets into it point back into the file.
/// Offsets exposed by DocAlign are in Unicode scalars (as Python indexes a `str`).
public struct SourceText: Sendable {
  /// The file name used in messages and outputs (`-` or `<stdin>` for standard input).
  public let name: String
  /// The decoded text.
  public let text: String

  /// Wraps an already decoded string.
  public init(name: String, text: String) {
    var text = text
    text.makeContiguousUTF8()
    self.name = name
    self.text = text
  }

  /// Decodes a file's bytes (see ``TextDecoder``).
  /// - Throws: ``DocAlignError`` when the bytes are not text.
  public init(name: String, bytes: [UInt8]) throws {
    self.init(name: name, text: try TextDecoder.decode(bytes, name: name))
  }

  /// Reads and decodes a file; `-` reads standard input.
  /// - Throws: ``DocAlignError/unreadableFile(path:reason:)`` and the decoding errors.
  public init(contentsOf path: String) throws {
    let bytes = try readInputBytes(path)
    try self.init(name: path == "-" ? "<stdin>" : path, bytes: bytes)
  }

  /// The text between two UTF-8 byte offsets.
  func slice(utf8 range: Range<Int>) -> Substring {
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let upper = utf8.index(lower, offsetBy: range.count)
    return text[lower..<upper]
  }
}

/// Reads all bytes of a file, or of standard input for `-`.
func readInputBytes(_ path: String) throws -> [UInt8] {
  if path == "-" {
    return Array(FileHandle.standardInput.readDataToEndOfFile())
  }
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw DocAlignError.unreadableFile(path: path, reason: "no such file")
  }
  if isDirectory.boolValue {
    throw DocAlignError.unreadableFile(path: path, reason: "it is a directory")
  }
  guard let handle = FileHandle(forReadingAtPath: path) else {
    throw DocAlignError.unreadableFile(path: path, reason: "permission denied")
  }
  defer { try? handle.close() }
  do {
    return Array(try handle.readToEnd() ?? Data())
  } catch {
    throw DocAlignError.unreadableFile(path: path, reason: error.localizedDescription)
  }
}
