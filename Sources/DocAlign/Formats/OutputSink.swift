import Foundation

/// A buffered byte destination: standard output or a file.
///
/// Writers append to it; it flushes in large chunks. Call ``finish()`` when done.
public final class OutputSink {
  private let handle: FileHandle
  private let closeWhenDone: Bool
  private(set) var buffer: [UInt8] = []
  private let chunkSize = 1 << 18
  /// The path written to (`-` for standard output), for messages.
  public let path: String

  /// Standard output.
  public static func standardOutput() -> OutputSink {
    OutputSink(handle: .standardOutput, path: "-", closeWhenDone: false)
  }

  /// A file, created or truncated; `-` means standard output.
  /// - Throws: ``DocAlignError/unreadableFile(path:reason:)`` when it cannot be created.
  public convenience init(path: String) throws {
    if path == "-" {
      self.init(handle: .standardOutput, path: "-", closeWhenDone: false)
      return
    }
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw DocAlignError.unreadableFile(path: path, reason: "cannot create the output file")
    }
    self.init(handle: handle, path: path, closeWhenDone: true)
  }

  private init(handle: FileHandle, path: String, closeWhenDone: Bool) {
    self.handle = handle
    self.path = path
    self.closeWhenDone = closeWhenDone
    buffer.reserveCapacity(chunkSize + 4096)
  }

  /// Appends bytes.
  @inline(__always)
  public func write<S: Sequence>(_ bytes: S) throws where S.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    if buffer.count >= chunkSize { try flush() }
  }

  /// Appends the UTF-8 form of a string.
  public func write<S: StringProtocol>(_ text: S) throws {
    try write(text.utf8)
  }

  /// Appends the bytes collected by a builder closure (fast path for writers).
  func append(_ build: (inout [UInt8]) -> Void) throws {
    build(&buffer)
    if buffer.count >= chunkSize { try flush() }
  }

  /// Writes out what is buffered.
  public func flush() throws {
    guard !buffer.isEmpty else { return }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      throw DocAlignError.unreadableFile(path: path, reason: "cannot write: \(error.localizedDescription)")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, and closes the file (not standard output).
  public func finish() throws {
    try flush()
    if closeWhenDone { try? handle.close() }
  }
}
