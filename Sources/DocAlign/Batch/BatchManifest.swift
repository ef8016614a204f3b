import Foundation

/// The jobs of a batch, read from a manifest (TSV with a header row, or JSONL, with the same keys)
/// or made from a directory of pages.
///
/// Keys: `id` (required, unique), `source` (required), `target`, `mode` (`auto`, `summary`,
/// `parallel`), `source_lang`, `target_lang` (`auto` or a language code), `source_locale`,
/// `target_locale`, `presegmented` (`true`/`false`: each line one sentence). Paths are relative to the manifest's folder. Every problem names the manifest
/// and the line; duplicate ids are refused before any work starts.
public struct BatchManifest: Sendable {
  /// The manifest file, or the directory the jobs were made from.
  public let path: String
  /// The jobs, in manifest order.
  public let jobs: [AlignmentJob]
  /// A fingerprint of the job list (ids, inputs, modes, languages, locales), so that the parts of a
  /// sharded run can be checked to come from the same manifest.
  public let fingerprint: String

  /// The keys a manifest may use.
  public static let keys = [
    "id", "source", "target", "mode", "source_lang", "target_lang", "source_locale", "target_locale", "presegmented",
  ]

  /// A manifest of jobs given directly (library users).
  public init(jobs: [AlignmentJob], path: String = "<jobs>") throws {
    var seen: [String: Int] = [:]
    for (k, job) in jobs.enumerated() {
      try Self.checkID(job.id, path: path, line: k + 1)
      if let first = seen[job.id] {
        throw DocAlignError.unsupportedInput(path: path, reason: "job \(k + 1): duplicate id '\(job.id)' (first at job \(first))")
      }
      seen[job.id] = k + 1
    }
    self.path = path
    self.jobs = jobs
    var hash = ContentHash()
    for job in jobs { hash.add(Self.describe(job)); hash.add([0x0A]) }
    fingerprint = hash.hex
  }

  /// Reads a manifest file (TSV or JSONL, told apart by the first non-blank character: `{` is
  /// JSONL), or makes one job per `*.txt` file of a directory (id = file name without `.txt`,
  /// mode auto, in file-name order).
  /// - Throws: ``DocAlignError/unreadableFile(path:reason:)`` when it cannot be read,
  ///   ``DocAlignError/unsupportedInput(path:reason:)`` for a bad row (with its line number), a
  ///   duplicate id, or a directory without pages.
  public init(contentsOf path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DocAlignError.unreadableFile(path: path, reason: "no such file or directory")
    }
    if isDirectory.boolValue {
      try self.init(directory: path)
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DocAlignError.unreadableFile(path: path, reason: "cannot read the manifest")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw DocAlignError.invalidEncoding(path: path, byteOffset: Self.firstInvalidUTF8(data), encoding: "UTF-8")
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    let firstLine = lines.first { !$0.allSatisfy(\.isWhitespace) }
    let rows = firstLine?.first == "{" ? try Self.jsonRows(lines, path: path) : try Self.tsvRows(lines, path: path)
    guard !rows.isEmpty else {
      throw DocAlignError.unsupportedInput(path: path, reason: "the manifest lists no jobs")
    }
    let jobs = try rows.map { try Self.job(from: $0.fields, line: $0.line, folder: folder, path: path) }
    try self.init(jobs: jobs, lines: rows.map(\.line), path: path)
  }

  private init(jobs: [AlignmentJob], lines: [Int], path: String) throws {
    var seen: [String: Int] = [:]
    for (job, line) in zip(jobs, lines) {
      if let first = seen[job.id] {
        throw DocAlignError.unsupportedInput(
          path: path, reason: "line \(line): duplicate id '\(job.id)' (first on line \(first)); ids must be unique")
      }
      seen[job.id] = line
    }
    try self.init(jobs: jobs, path: path)
  }

  private init(directory: String) throws {
    let folder = URL(fileURLWithPath: directory, isDirectory: true)
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw DocAlignError.unreadableFile(path: directory, reason: "cannot list the directory")
    }
    // Byte order of the names: the same on every machine, whatever the locale.
    let pages = names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    guard !pages.isEmpty else {
      throw DocAlignError.unsupportedInput(path: directory, reason: "the directory holds no *.txt pages")
    }
    let jobs = pages.map { name in
      AlignmentJob(id: String(name.dropLast(4)), source: .file(folder.appendingPathComponent(name).path))
    }
    try self.init(jobs: jobs, path: directory)
  }

  // MARK: Rows

  private typealias Row = (line: Int, fields: [String: String])

  private static func tsvRows(_ lines: [Substring], path: String) throws -> [Row] {
    guard let headerIndex = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") }) else { return [] }
    let header = lines[headerIndex].split(separator: "\t", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    for (k, key) in header.enumerated() {
      guard keys.contains(key) else {
        throw DocAlignError.unsupportedInput(
          path: path,
          reason: "line \(headerIndex + 1): unknown column '\(key)' in the header row (columns: \(keys.joined(separator: ", ")))")
      }
      if header[..<k].contains(key) {
        throw DocAlignError.unsupportedInput(path: path, reason: "line \(headerIndex + 1): column '\(key)' appears twice")
      }
    }
    var rows: [Row] = []
    for k in (headerIndex + 1)..<lines.count {
      let line = lines[k]
      if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
      let values = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard values.count <= header.count else {
        throw DocAlignError.unsupportedInput(
          path: path, reason: "line \(k + 1): \(values.count) fields, but the header has \(header.count) columns")
      }
      var fields: [String: String] = [:]
      for (key, value) in zip(header, values) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { fields[key] = trimmed }
      }
      rows.append((k + 1, fields))
    }
    return rows
  }

  private static func jsonRows(_ lines: [Substring], path: String) throws -> [Row] {
    var rows: [Row] = []
    for (k, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
      guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
        throw DocAlignError.unsupportedInput(path: path, reason: "line \(k + 1): not a JSON object")
      }
      var fields: [String: String] = [:]
      for (key, value) in object {
        guard keys.contains(key) else {
          throw DocAlignError.unsupportedInput(
            path: path, reason: "line \(k + 1): unknown key '\(key)' (keys: \(keys.joined(separator: ", ")))")
        }
        if value is NSNull { continue }
        if key == "presegmented", let flag = value as? Bool {
          fields[key] = flag ? "true" : "false"
          continue
        }
        guard let string = value as? String else {
          throw DocAlignError.unsupportedInput(path: path, reason: "line \(k + 1): '\(key)' must be a string")
        }
        if !string.isEmpty { fields[key] = string }
      }
      rows.append((k + 1, fields))
    }
    return rows
  }

  private static func job(from fields: [String: String], line: Int, folder: URL, path: String) throws -> AlignmentJob {
    func fail(_ reason: String) -> DocAlignError { .unsupportedInput(path: path, reason: "line \(line): \(reason)") }
    guard let id = fields["id"] else { throw fail("no id (every job needs a unique 'id')") }
    try checkID(id, path: path, line: line)
    guard let source = fields["source"] else { throw fail("job '\(id)' has no 'source' file") }
    func resolve(_ file: String) -> JobInput {
      .file(file.hasPrefix("/") ? file : folder.appendingPathComponent(file).path)
    }
    func language(_ key: String) throws -> Language? {
      guard let code = fields[key], code != "auto" else { return nil }
      guard let language = Language(rawValue: code) else {
        throw fail("\(key) '\(code)' is not auto or one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return language
    }
    var mode = AlignmentMode.auto
    if let name = fields["mode"] {
      guard let parsed = AlignmentMode(rawValue: name) else {
        throw fail("mode '\(name)' is not one of \(AlignmentMode.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      mode = parsed
    }
    var presegmented = false
    if let flag = fields["presegmented"] {
      switch flag.lowercased() {
      case "true", "1", "yes": presegmented = true
      case "false", "0", "no": presegmented = false
      default: throw fail("presegmented '\(flag)' is not true or false")
      }
    }
    return AlignmentJob(
      id: id, source: resolve(source), target: fields["target"].map(resolve), mode: mode,
      sourceLanguage: try language("source_lang"), targetLanguage: try language("target_lang"),
      sourceLocale: fields["source_locale"], targetLocale: fields["target_locale"], presegmented: presegmented)
  }

  /// Job ids name output files: no path separators, white space or control characters, no
  /// leading dot, at most 200 bytes.
  static func checkID(_ id: String, path: String, line: Int) throws {
    let bad = id.unicodeScalars.first {
      $0 == "/" || $0 == "\\" || $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F
    }
    guard !id.isEmpty, !id.hasPrefix("."), id.utf8.count <= 200, bad == nil else {
      throw DocAlignError.unsupportedInput(
        path: path,
        reason: "line \(line): id '\(id)' cannot name an output file (no '/', '\\', white space or control characters, no leading '.', at most 200 bytes)")
    }
  }

  /// The job's definition as one line, for fingerprints.
  static func describe(_ job: AlignmentJob) -> String {
    [
      job.id, job.source.name, job.target?.name ?? "", job.mode.rawValue, job.sourceLanguage?.rawValue ?? "",
      job.targetLanguage?.rawValue ?? "", job.sourceLocale ?? "", job.targetLocale ?? "", job.presegmented ? "1" : "0",
    ].joined(separator: "\t")
  }

  private static func firstInvalidUTF8(_ data: Data) -> Int {
    var offset = 0
    var iterator = data.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += String(scalar).utf8.count
      case .emptyInput: return offset
      case .error: return offset
      }
    }
  }
}
