import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The zh→en lexicon (`Resources/lexicon/zh-en.tsv`, from CC-CEDICT): simplified headwords with
/// the English content words of their glosses.
///
/// The file is sorted by headword (byte order) and searched in place: it is mapped into memory,
/// not read, and a look-up is a binary search over its bytes (each probe backs up to the start of
/// its line), so loading costs neither a pass over the file nor an index of its lines. The
/// bundled file's order and format are checked by the tests; lexicon text given as bytes
/// (``init(tsv:name:)``, e.g. a user's file) is checked when it is loaded.
public struct Lexicon: Sendable {
  private let storage: Storage
  /// Where the data lines start (after the leading `#` comment lines).
  private let dataStart: Int
  /// The longest headword, in characters (for longest-match look-up).
  let longestHeadword = 8

  /// The number of headwords (counts the data lines: a pass over the file).
  public var count: Int {
    storage.withBytes { bytes in
      var lines = 0
      var k = dataStart
      while k < bytes.count {
        let end = Self.lineEnd(bytes, from: k)
        if end > k { lines += 1 }
        k = end + 1
      }
      return lines
    }
  }

  /// Maps the lexicon of a resource folder into memory.
  /// - Throws: ``DocAlignError/resourceNotFound(name:searched:)``.
  public init(resources: ResourceDirectory) throws {
    let name = "lexicon/zh-en.tsv"
    guard let storage = Storage(mapping: resources.file(name).path) else {
      throw DocAlignError.resourceNotFound(name: name, searched: [resources.url.path])
    }
    self.storage = storage
    dataStart = storage.withBytes(Self.dataStart)
  }

  /// Parses lexicon text (`HEADWORD<TAB>word word …` lines sorted by headword, `#` comment lines
  /// at the top), checking every line.
  /// - Throws: ``DocAlignError/malformedResource(name:line:reason:)`` for a line without a TAB,
  ///   a comment after the first data line, or headwords out of order.
  init(tsv bytes: [UInt8], name: String) throws {
    storage = Storage(copying: bytes)
    dataStart = storage.withBytes(Self.dataStart)
    try storage.withBytes { try Self.validate($0, from: dataStart, name: name) }
  }

  /// Checks the order and format of the data lines (what ``words(of:)`` relies on).
  /// - Throws: as ``init(tsv:name:)``.
  func validate(name: String) throws {
    try storage.withBytes { try Self.validate($0, from: dataStart, name: name) }
  }

  /// The English words of a headword, or nil when it is not in the lexicon.
  func words(of headword: ArraySlice<UInt8>) -> Substring? {
    storage.withBytes { bytes -> Substring? in
      // Invariant: low and high are line starts; lines before low have smaller headwords, lines
      // from high on larger ones.
      var low = dataStart
      var high = bytes.count
      while low < high {
        var start = low + (high - low) / 2
        while start > low && bytes[start - 1] != 0x0A { start -= 1 }
        var tab = start
        while tab < high && bytes[tab] != 0x09 && bytes[tab] != 0x0A { tab += 1 }
        switch Self.compare(bytes, start..<tab, headword) {
        case .less: low = Self.lineEnd(bytes, from: tab) + 1
        case .greater: high = start
        case .equal:
          let end = Self.lineEnd(bytes, from: tab)
          let words = tab < end ? UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end]) : UnsafeBufferPointer(start: nil, count: 0)
          return Substring(String(decoding: words, as: UTF8.self))
        }
      }
      return nil
    }
  }

  private enum Order { case less, equal, greater }

  /// Byte order of `bytes[range]` against `key` (as `lexicographicallyPrecedes`).
  private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ key: ArraySlice<UInt8>) -> Order {
    var i = range.lowerBound
    var j = key.startIndex
    while i < range.upperBound && j < key.endIndex {
      if bytes[i] != key[j] { return bytes[i] < key[j] ? .less : .greater }
      i += 1
      j += 1
    }
    if i < range.upperBound { return .greater }
    return j < key.endIndex ? .less : .equal
  }

  /// The index of the LF ending the line that starts at `start` (or the end of the bytes).
  private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
    guard let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  /// The start of the first line that is not a `#` comment.
  private static func dataStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var k = 0
    while k < bytes.count && (bytes[k] == 0x23 || bytes[k] == 0x0A) { k = lineEnd(bytes, from: k) + 1 }
    return min(k, bytes.count)
  }

  private static func validate(_ bytes: UnsafeBufferPointer<UInt8>, from dataStart: Int, name: String) throws {
    var line = bytes[..<dataStart].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    var previous: Range<Int>? = nil
    var k = dataStart
    while k < bytes.count {
      let end = lineEnd(bytes, from: k)
      line += 1
      defer { k = end + 1 }
      if end == k { continue }  // an empty last line
      if bytes[k] == 0x23 {
        throw DocAlignError.malformedResource(
          name: name, line: line, reason: "comment lines must come before the first headword")
      }
      guard let tab = bytes[k..<end].firstIndex(of: 0x09) else {
        throw DocAlignError.malformedResource(name: name, line: line, reason: "no TAB after the headword")
      }
      if let previous, !bytes[previous].lexicographicallyPrecedes(bytes[k..<tab]) {
        throw DocAlignError.malformedResource(
          name: name, line: line, reason: "headwords must be sorted (rebuild with Scripts/build_lexicon.py)")
      }
      previous = k..<tab
    }
  }

  /// The lexicon's bytes: a read-only mapping of the file, or a copy of given bytes. Never
  /// written after it is made, so it is shared freely across threads.
  private final class Storage: @unchecked Sendable {
    private let base: UnsafePointer<UInt8>?
    private let length: Int
    private let isMapped: Bool

    /// Maps a file (read-only, private); nil when it cannot be opened or mapped.
    init?(mapping path: String) {
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0 else { return nil }
      length = Int(info.st_size)
      isMapped = length > 0
      guard length > 0 else {
        base = nil
        return
      }
      guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
      base = UnsafePointer(address.bindMemory(to: UInt8.self, capacity: length))
    }

    init(copying bytes: [UInt8]) {
      length = bytes.count
      isMapped = false
      let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
      bytes.withUnsafeBufferPointer { if let source = $0.baseAddress { copy.update(from: source, count: bytes.count) } }
      base = UnsafePointer(copy)
    }

    deinit {
      guard let base else { return }
      if isMapped {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
      } else {
        base.deallocate()
      }
    }

    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
      try body(UnsafeBufferPointer(start: base, count: length))
    }
  }
}
