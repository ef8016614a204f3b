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
    let name = path == "-" ? "<stdin>" : path
    self.init(name: name, text: try readInputText(path, name: name))
  }

  /// The text between two UTF-8 byte offsets.
  func slice(utf8 range: Range<Int>) -> Substring {
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let upper = utf8.index(lower, offsetBy: range.count)
    return text[lower..<upper]
  }
}

/// Reads and decodes a file, or standard input for `-`. A regular UTF-8 file is read straight
/// into the string's storage; anything else is read into bytes first.
func readInputText(_ path: String, name: String) throws -> String {
  if path == "-" {
    return try TextDecoder.decode(Array(FileHandle.standardInput.readDataToEndOfFile()), name: name)
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
    let descriptor = handle.fileDescriptor
    var info = stat()
    if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 {
      // A regular file of known size: read straight into the string.
      if let text = try TextDecoder.decode(
        size: Int(info.st_size), name: name,
        readingInto: { buffer in try readFully(descriptor, into: buffer) })
      {
        return text
      }
      // Not for the fast path (UTF-16, or the file grew): read it again from the start.
      try handle.seek(toOffset: 0)
    }
    return try TextDecoder.decode(Array(try handle.readToEnd() ?? Data()), name: name)
  } catch let error as DocAlignError {
    throw error
  } catch {
    throw DocAlignError.unreadableFile(path: path, reason: error.localizedDescription)
  }
}

/// Reads from a file descriptor until `buffer` is full or the file ends; returns the byte count.
private func readFully(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) throws
  -> Int
{
  guard let base = buffer.baseAddress else { return 0 }
  var count = 0
  while count < buffer.count {
    let result = read(descriptor, base + count, buffer.count - count)
    if result > 0 {
      count += result
    } else if result == 0 {
      break
    } else if errno != EINTR {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
  }
  return count
}
