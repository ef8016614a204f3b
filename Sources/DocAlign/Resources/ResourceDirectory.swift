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
func dataLines(_ text: String) -> [(number: Int, fields: [Substring])] {
  var result: [(Int, [Substring])] = []
  for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
    if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
    result.append((k + 1, trimmed.split(separator: "\t", omittingEmptySubsequences: false)))
  }
  return result
}
