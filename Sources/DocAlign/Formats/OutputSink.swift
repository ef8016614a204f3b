import Foundation

/// Where DocAlign's writers put their bytes.
///
/// ``OutputSink`` writes to a file or standard output; ``MemorySink`` keeps the bytes in memory
/// (for a `String`, `Data` or any `TextOutputStream`; see ``OutputWriter``). A sink of your own
/// needs only ``append(_:)``.
public protocol ByteSink: AnyObject {
  /// Appends the bytes that `build` adds to the buffer it is given. Writers build their output in
  /// place this way, without an intermediate string.
  /// - Throws: ``DocAlignError`` when the bytes cannot be written.
  func append(_ build: (inout [UInt8]) -> Void) throws
}

extension ByteSink {
  /// Appends bytes.
  @inline(__always)
  public func write<S: Sequence>(_ bytes: S) throws where S.Element == UInt8 {
    try append { $0.append(contentsOf: bytes) }
  }

  /// Appends the UTF-8 form of a string.
  public func write<S: StringProtocol>(_ text: S) throws {
    try write(text.utf8)
  }
}

/// A buffered byte destination: standard output or a file.
///
/// Writers append to it; it flushes in large chunks. Call ``finish()`` when done.
public final class OutputSink: ByteSink {
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

  /// Appends the bytes collected by a builder closure (the writers' fast path).
  public func append(_ build: (inout [UInt8]) -> Void) throws {
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

/// A sink that keeps what is written in memory.
public final class MemorySink: ByteSink {
  /// The bytes written so far (UTF-8).
  public private(set) var bytes: [UInt8] = []

  /// An empty sink.
  public init() {}

  /// Appends the bytes collected by a builder closure.
  public func append(_ build: (inout [UInt8]) -> Void) {
    build(&bytes)
  }

  /// The bytes written so far, as text.
  public var string: String { String(decoding: bytes, as: UTF8.self) }

  /// The bytes written so far, as `Data`.
  public var data: Data { Data(bytes) }
}

/// A writer of one kind of value (a bitext, a segmented document, a page outline, a coverage
/// report) in one format: to any ``ByteSink``, or into a `String`, `Data` or `TextOutputStream`.
public protocol OutputWriter: Sendable {
  /// What the writer writes.
  associatedtype Value
  /// Writes `value` to `sink`.
  /// - Throws: ``DocAlignError`` when the value cannot be written in this format, or the sink
  ///   cannot be written.
  func write(_ value: Value, to sink: some ByteSink) throws
}

extension OutputWriter {
  /// The output for `value`, as UTF-8 bytes.
  public func bytes(_ value: Value) throws -> [UInt8] {
    let sink = MemorySink()
    try write(value, to: sink)
    return sink.bytes
  }

  /// The output for `value`, as a string.
  public func string(_ value: Value) throws -> String {
    String(decoding: try bytes(value), as: UTF8.self)
  }

  /// The output for `value`, as `Data`.
  public func data(_ value: Value) throws -> Data {
    Data(try bytes(value))
  }

  /// Appends the output for `value` to a text stream (a `String`, or a stream of your own).
  public func write<Stream: TextOutputStream>(_ value: Value, to stream: inout Stream) throws {
    stream.write(try string(value))
  }
}
