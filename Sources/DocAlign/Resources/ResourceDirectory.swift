import Foundation

/// The folder holding DocAlign's data files (abbreviation lists, names, headings, lexicon).
///
/// Found, in this order: an explicit path; the `DOCALIGN_RESOURCES` environment variable;
/// `../share/docalign` beside the executable; `Resources` beside the executable; the
/// `Resources` folder of the source checkout the library was built from.
public struct ResourceDirectory: Sendable {
  /// The folder.
  public let url: URL

  /// Uses `path` as the resource folder.
  /// - Throws: ``DocAlignError/resourceNotFound(name:searched:)`` when it holds no DocAlign resources.
  public init(path: String) throws {
    let url = URL(fileURLWithPath: path, isDirectory: true)
    guard Self.isResourceFolder(url) else {
      throw DocAlignError.resourceNotFound(name: "Resources", searched: [path])
    }
    self.url = url
  }

  private init(verified url: URL) { self.url = url }

  /// Finds the resource folder (see the type's description).
  /// - Parameter explicitPath: a folder given by the user (`--resources`), tried first.
  /// - Throws: ``DocAlignError/resourceNotFound(name:searched:)``.
  public static func locate(explicitPath: String? = nil) throws -> ResourceDirectory {
    if let explicitPath { return try ResourceDirectory(path: explicitPath) }
    var candidates: [URL] = []
    if let fromEnvironment = ProcessInfo.processInfo.environment["DOCALIGN_RESOURCES"],
      !fromEnvironment.isEmpty
    {
      return try ResourceDirectory(path: fromEnvironment)
    }
    if let executable = executableDirectory() {
      candidates.append(executable.appendingPathComponent("../share/docalign"))
      candidates.append(executable.appendingPathComponent("Resources"))
    }
    // Sources/DocAlign/Resources/ResourceDirectory.swift → the checkout's Resources/.
    let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(checkout.appendingPathComponent("Resources"))
    for candidate in candidates where isResourceFolder(candidate) {
      return ResourceDirectory(verified: candidate.standardizedFileURL)
    }
    throw DocAlignError.resourceNotFound(
      name: "Resources", searched: candidates.map { $0.standardizedFileURL.path })
  }

  /// The folder of the running program, symbolic links resolved: from `/proc/self/exe` where
  /// there is one (Linux), else from the program's name, looked up in `PATH` when it has no `/`
  /// (a program started through `PATH` gets only its name as `argv[0]`).
  static func executableDirectory() -> URL? {
    let fileManager = FileManager.default
    if let path = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
      return URL(fileURLWithPath: path).deletingLastPathComponent()
    }
    guard let name = CommandLine.arguments.first, !name.isEmpty else { return nil }
    var program: URL? = nil
    if name.contains("/") {
      program = URL(fileURLWithPath: name)
    } else {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
      program = path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
        .first { fileManager.isExecutableFile(atPath: $0.path) }
    }
    return program?.resolvingSymlinksInPath().deletingLastPathComponent()
  }

  private static func isResourceFolder(_ url: URL) -> Bool {
    FileManager.default.fileExists(atPath: url.appendingPathComponent("segmentation").path)
  }

  /// The URL of a file inside the folder.
  func file(_ relativePath: String) -> URL { url.appendingPathComponent(relativePath) }

  /// Reads a UTF-8 resource file.
  /// - Throws: ``DocAlignError/resourceNotFound(name:searched:)`` when it is missing.
  func read(_ relativePath: String) throws -> String {
    let file = self.file(relativePath)
    guard let data = FileManager.default.contents(atPath: file.path) else {
      throw DocAlignError.resourceNotFound(name: relativePath, searched: [url.path])
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Reads a UTF-8 resource file if it exists.
  func readIfPresent(_ relativePath: String) -> String? {
    FileManager.default.contents(atPath: file(relativePath).path).map {
      String(decoding: $0, as: UTF8.self)
    }
  }
}

/// The data lines of a resource file: `#` comments and blank lines dropped, with line numbers.
///
/// Lines end at LF (a CR before it is dropped); fields are separated by TAB. The text is split on
/// its UTF-8 bytes (TAB, LF, CR, space and `#` are single bytes that never occur inside a
/// multi-byte character), not on `Character`s, which would cluster every character of the file.
func dataLines(_ text: String) -> [(number: Int, fields: [Substring])] {
  var copy = text
  return copy.withUTF8 { bytes in
    let utf8 = text.utf8
    // An offset into a native UTF-8 string becomes an index in constant time.
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    var result: [(number: Int, fields: [Substring])] = []
    var lineStart = 0
    var number = 0
    while lineStart < bytes.count {
      var end = lineStart
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      number += 1
      defer { lineStart = end + 1 }
      var last = end
      if last > lineStart && bytes[last - 1] == 0x0D { last -= 1 }
      // Blank, white space only, or a comment.
      guard last > lineStart, bytes[lineStart] != 0x23,
        bytes[lineStart..<last].contains(where: { $0 != 0x20 && $0 != 0x09 })
      else { continue }
      var fields: [Substring] = []
      fields.reserveCapacity(1 + bytes[lineStart..<last].reduce(0) { $0 + ($1 == 0x09 ? 1 : 0) })
      var fieldStart = lineStart
      for k in lineStart...last where k == last || bytes[k] == 0x09 {
        fields.append(text[index(fieldStart)..<index(k)])
        fieldStart = k + 1
      }
      result.append((number, fields))
    }
    return result
  }
}
