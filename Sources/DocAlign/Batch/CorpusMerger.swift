import Foundation

/// A job's contribution to the corpus: its aligned units (at or above the score filter) as
/// `source, target, source locale, target locale` keys, with their number of occurrences and best
/// score, sorted by key.
struct CorpusPairs {
  private(set) var entries: [(key: [UInt8], count: Int, score: Double)] = []
  var count: Int { entries.count }

  init(_ result: JobResult, minScore: Double?) {
    let bitext = result.bitext
    var index: [[UInt8]: Int] = [:]
    for unit in bitext.units where unit.isAligned && unit.score >= (minScore ?? -.infinity) {
      let source = AlignmentWriter.joined(unit.source, bitext.source)
      let target = AlignmentWriter.joined(unit.target, bitext.target)
      guard !source.isEmpty, !target.isEmpty else { continue }
      let key = Array("\(source)\t\(target)\t\(AlignmentWriter.tsvField(result.sourceLocale))\t\(AlignmentWriter.tsvField(result.targetLocale))".utf8)
      if let k = index[key] {
        entries[k].count += 1
        entries[k].score = max(entries[k].score, unit.score)
      } else {
        index[key] = entries.count
        entries.append((key, 1, unit.score))
      }
    }
    entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
  }

  /// The lines of the `jobs/ID.pairs` file: `KEY<TAB>count<TAB>score<TAB>job id`.
  func lines(jobID: String) -> [UInt8] {
    var out: [UInt8] = []
    for entry in entries {
      out += entry.key
      out += Array("\t\(entry.count)\t\(AlignmentWriter.formatScore(entry.score))\t\(jobID)\n".utf8)
    }
    return out
  }
}

/// Builds `report.json` and the corpus files of a batch from its part reports and the jobs' pairs
/// files: every aligned unit of every job, the same source and target text once, with its number
/// of occurrences, best score and the jobs it came from, sorted by source then target text
/// (Unicode scalar order), so that the same inputs always give byte-identical files however the
/// batch was sharded, interrupted or resumed.
///
/// The pairs are merged as sorted streams (at most ``fanIn`` files open at once, in rounds), so the
/// merge's memory does not grow with the number of units.
public struct CorpusMerger: Sendable {
  /// The batch's output directory.
  public let outputDirectory: String
  /// Files merged at once.
  static let fanIn = 128

  /// What the merge wrote.
  public struct Summary: Sendable {
    /// Every job's record, in manifest order.
    public let records: [BatchJobRecord]
    /// Corpus files written (names in the output directory) and their units.
    public let corpusFiles: [(name: String, units: Int)]
    /// Jobs that failed.
    public var failed: Int { records.filter { $0.status == .failed }.count }
  }

  /// A merger for one output directory.
  public init(outputDirectory: String) { self.outputDirectory = outputDirectory }

  /// Checks that every shard's part report is there and finished, then writes the corpus files and
  /// `report.json`.
  /// - Parameter lockHeld: the caller already holds the directory's exclusive lock.
  /// - Throws: ``DocAlignError/unsupportedInput(path:reason:)`` naming the missing, unfinished or
  ///   conflicting parts; ``DocAlignError/invalidRequest(_:)`` while a batch runs in the directory.
  @discardableResult
  public func merge(lockHeld: Bool = false) throws -> Summary {
    let layout = BatchLayout(outputDirectory)
    var lock: DirectoryLock? = nil
    if !lockHeld {
      guard FileManager.default.fileExists(atPath: layout.partsDirectory) else {
        throw DocAlignError.unsupportedInput(
          path: outputDirectory, reason: "not a batch output directory (no parts/ folder): run docalign batch first")
      }
      lock = try DirectoryLock.acquire(layout.lockFile, .exclusive)
      if lock == nil {
        let running = runningShards(layout)
        throw DocAlignError.unsupportedInput(
          path: outputDirectory,
          reason: running.isEmpty
            ? "a docalign batch or merge is using this directory; wait for it to end"
            : "shards still running (locked): \(running.joined(separator: ", ")); wait for them to end")
      }
    }
    defer { lock?.release() }
    let parts = try readParts(layout)
    let records = try collectRecords(parts, layout: layout)
    let corpusFiles = try writeCorpus(records, layout: layout)
    let first = parts[0]
    let started = parts.map(\.started).min() ?? first.started
    let finished = parts.map(\.finished).max() ?? first.finished
    let succeeded = records.filter { $0.status == .succeeded }
    let report = JSONValue.object([
      ("format", .string("docalign-batch-report")), ("version", .int(1)), ("docalign", .string(DocAlign.version)),
      ("manifest", .object([("path", .string(first.manifestPath)), ("fingerprint", .string(first.manifestFingerprint)), ("jobs", .int(first.totalJobs))])),
      ("options", first.optionsJSON),
      ("started", .timestamp(started)), ("finished", .timestamp(finished)),
      ("seconds", .number(finished.timeIntervalSince(started), decimals: 3)),
      ("totals", .object([
        ("jobs", .int(records.count)), ("succeeded", .int(succeeded.count)), ("failed", .int(records.count - succeeded.count)),
        ("reused", .int(records.filter(\.reused).count)),
        ("units", .int(succeeded.reduce(0) { $0 + $1.units })), ("alignedUnits", .int(succeeded.reduce(0) { $0 + $1.alignedUnits })),
        ("corpusUnits", .int(corpusFiles.first { $0.name.hasSuffix(".tsv") }?.units ?? 0)),
        ("seconds", .number(records.reduce(0) { $0 + $1.seconds }, decimals: 3)),
      ])),
      ("corpus", .array(corpusFiles.map { .object([("file", .string($0.name)), ("units", .int($0.units))]) })),
      ("jobs", .array(records.map(\.json))),
    ])
    try writeAtomically(report.serialized() + [0x0A], to: layout.path("report.json"))
    return Summary(records: records, corpusFiles: corpusFiles)
  }

  private func runningShards(_ layout: BatchLayout) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.partsDirectory)) ?? []
    return names.filter { $0.hasSuffix(".lock") }.sorted()
      .filter { DirectoryLock.isHeld(layout.path("parts/\($0)")) }
      .map { name in
        let holder = DirectoryLock.holder(layout.path("parts/\(name)")).map { " by \($0)" } ?? ""
        return "parts/\(name)\(holder)"
      }
  }

  private struct Part {
    let file: String
    let shard: BatchShard
    let manifestPath: String
    let manifestFingerprint: String
    let totalJobs: Int
    let optionsJSON: JSONValue
    let optionsFingerprint: String
    let started: Date
    let finished: Date
    let records: [BatchJobRecord]
  }

  private func readParts(_ layout: BatchLayout) throws -> [Part] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: layout.partsDirectory)) ?? [])
      .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
    guard !names.isEmpty else {
      throw DocAlignError.unsupportedInput(
        path: outputDirectory, reason: "no part reports in parts/: no shard has finished; run docalign batch (with --shard) first")
    }
    let formatter = ISO8601DateFormatter()
    var parts: [Part] = []
    for name in names {
      let file = "parts/\(name)"
      guard let object = readJSONObject(layout.path(file)),
        let shardObject = object["shard"] as? [String: Any], let index = shardObject["index"] as? Int,
        let count = shardObject["count"] as? Int, let shard = try? BatchShard(index: index, count: count),
        let manifest = object["manifest"] as? [String: Any], let path = manifest["path"] as? String,
        let fingerprint = manifest["fingerprint"] as? String, let total = manifest["jobs"] as? Int,
        let options = object["options"] as? [String: Any], let jobs = object["jobs"] as? [[String: Any]],
        let started = (object["started"] as? String).flatMap(formatter.date(from:)),
        let finished = (object["finished"] as? String).flatMap(formatter.date(from:))
      else {
        throw DocAlignError.unsupportedInput(path: layout.path(file), reason: "not a DocAlign part report (damaged or from another program)")
      }
      let records = try jobs.map { job -> BatchJobRecord in
        guard let record = BatchJobRecord(json: job) else {
          throw DocAlignError.unsupportedInput(path: layout.path(file), reason: "a job record is damaged")
        }
        return record
      }
      let optionsJSON = Self.optionsJSON(options)
      var hash = ContentHash()
      hash.add(optionsJSON.serialized())
      parts.append(Part(
        file: file, shard: shard, manifestPath: path, manifestFingerprint: fingerprint, totalJobs: total,
        optionsJSON: optionsJSON, optionsFingerprint: hash.hex, started: started, finished: finished, records: records))
    }
    let counts = Set(parts.map(\.shard.count))
    guard counts.count == 1, let count = counts.first else {
      throw DocAlignError.unsupportedInput(
        path: outputDirectory,
        reason: "part reports of different shard counts: \(parts.map(\.file).joined(separator: ", ")); remove the parts of the old run")
    }
    guard Set(parts.map(\.manifestFingerprint)).count == 1, Set(parts.map(\.optionsFingerprint)).count == 1 else {
      throw DocAlignError.unsupportedInput(
        path: outputDirectory,
        reason: "the part reports come from different manifests or options: \(parts.map(\.file).joined(separator: ", ")); rerun the shards with the same manifest and options")
    }
    let present = Set(parts.map(\.shard.index))
    let missing = (0..<count).filter { !present.contains($0) }
    if !missing.isEmpty {
      let running = Set(runningShards(layout))
      let names = missing.map { index -> String in
        let name = "parts/shard-\(index)-of-\(count)"
        return running.contains { $0.hasPrefix(name + ".lock") } ? "\(index)/\(count) (still running)" : "\(index)/\(count) (\(name).json missing)"
      }
      throw DocAlignError.unsupportedInput(
        path: outputDirectory, reason: "\(missing.count) of \(count) shards have not finished: \(names.joined(separator: ", "))")
    }
    return parts.sorted { $0.shard.index < $1.shard.index }
  }

  /// The options object as written (keys in their fixed order).
  private static func optionsJSON(_ object: [String: Any]) -> JSONValue {
    var options = BatchOptions()
    options.formats = (object["formats"] as? [String] ?? []).compactMap(AlignmentWriter.Format.init(rawValue:))
    options.coverage = object["coverage"] as? Bool ?? false
    options.minScore = (object["minScore"] as? NSNumber)?.doubleValue
    return options.json
  }

  private func collectRecords(_ parts: [Part], layout: BatchLayout) throws -> [BatchJobRecord] {
    let records = parts.flatMap(\.records).sorted { $0.index < $1.index }
    let total = parts[0].totalJobs
    guard records.count == total, Set(records.map(\.index)).count == total else {
      throw DocAlignError.unsupportedInput(
        path: outputDirectory, reason: "the part reports hold \(records.count) jobs, but the manifest has \(total)")
    }
    for record in records where record.status == .succeeded {
      for output in record.outputs where !FileManager.default.fileExists(atPath: layout.path(output)) {
        throw DocAlignError.unsupportedInput(
          path: layout.path(output), reason: "output of job '\(record.id)' is missing; rerun its shard")
      }
    }
    return records
  }

  // MARK: Corpus

  private func writeCorpus(_ records: [BatchJobRecord], layout: BatchLayout) throws -> [(name: String, units: Int)] {
    let contributing = records.filter { $0.status == .succeeded && $0.corpusUnits > 0 }
    let files = contributing.map { layout.path("jobs/\($0.id).pairs") }
    let scratch = layout.path(".merge")
    try? FileManager.default.removeItem(atPath: scratch)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let merged = try reduce(files, scratch: scratch)

    // One TMX per language pair (by locale); file names by language when they are distinct.
    var pairs: [String] = []
    for record in contributing {
      guard let source = record.sourceLocale, let target = record.targetLocale, source.lowercased() != target.lowercased() else { continue }
      let pair = "\(AlignmentWriter.tsvField(source))\t\(AlignmentWriter.tsvField(target))"
      if !pairs.contains(pair) { pairs.append(pair) }
    }
    pairs.sort()
    func language(_ locale: Substring) -> String { String(locale.split(separator: "-").first ?? locale).lowercased() }
    let byLanguage = pairs.map { pair -> String in
      let parts = pair.split(separator: "\t", omittingEmptySubsequences: false)
      return "\(language(parts[0]))-\(language(parts[1]))"
    }
    let languageNamesDistinct = Set(byLanguage).count == byLanguage.count
    var tmxNames: [String: String] = [:]
    for (k, pair) in pairs.enumerated() {
      let parts = pair.split(separator: "\t", omittingEmptySubsequences: false)
      tmxNames[pair] = pairs.count == 1 ? "corpus.tmx" : "corpus.\(languageNamesDistinct ? byLanguage[k] : "\(parts[0])-\(parts[1])").tmx"
    }

    var writer = try CorpusWriter(layout: layout, tmxNames: tmxNames)
    if let merged { try Self.stream([merged]) { try writer.add($0) } }
    let written = try writer.finish()
    // Corpus files of an earlier run that this one did not write go.
    let keep = Set(written.map(\.name))
    for name in (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
    where name.hasPrefix("corpus.") && (name.hasSuffix(".tmx") || name.hasSuffix(".tsv")) && !keep.contains(name) {
      try? FileManager.default.removeItem(atPath: layout.path(name))
    }
    return written
  }

  /// Merges sorted pairs files into one sorted file of combined entries (rounds of ``fanIn``
  /// files); nil when there are none.
  private func reduce(_ files: [String], scratch: String) throws -> String? {
    guard !files.isEmpty else { return nil }
    if files.count == 1 { return files[0] }
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    var level = files
    var round = 0
    while level.count > 1 {
      var next: [String] = []
      for start in stride(from: 0, to: level.count, by: Self.fanIn) {
        let group = Array(level[start..<min(start + Self.fanIn, level.count)])
        let output = "\(scratch)/run-\(round)-\(next.count)"
        let sink = try OutputSink(path: output)
        try Self.stream(group) { entry in try sink.write(entry.line) }
        try sink.finish()
        next.append(output)
      }
      level = next
      round += 1
    }
    return level[0]
  }

  /// One combined corpus entry.
  struct Entry {
    var key: ArraySlice<UInt8>
    var count: Int
    var score: Double
    var scoreText: ArraySlice<UInt8>
    var documents: [ArraySlice<UInt8>]

    var line: [UInt8] {
      var out = Array(key)
      out += Array("\t\(count)\t".utf8)
      out += scoreText
      out.append(0x09)
      for (k, document) in documents.enumerated() {
        if k > 0 { out.append(0x20) }
        out += document
      }
      out.append(0x0A)
      return out
    }

    /// Parses `KEY(4 fields)<TAB>count<TAB>score<TAB>documents`.
    init?(_ line: ArraySlice<UInt8>) {
      var tabs: [Int] = []
      for i in line.indices where line[i] == 0x09 { tabs.append(i) }
      guard tabs.count == 6, let count = Int(String(decoding: line[(tabs[3] + 1)..<tabs[4]], as: UTF8.self)),
        let score = Double(String(decoding: line[(tabs[4] + 1)..<tabs[5]], as: UTF8.self))
      else { return nil }
      key = line[line.startIndex..<tabs[3]]
      self.count = count
      self.score = score
      scoreText = line[(tabs[4] + 1)..<tabs[5]]
      documents = line[(tabs[5] + 1)...].split(separator: 0x20).map { $0 }
    }
  }

  /// Streams the combined entries of sorted files in key order; equal keys are combined, their
  /// documents kept in file order (the manifest's).
  static func stream(_ files: [String], _ body: (Entry) throws -> Void) throws {
    var readers = try files.map { try LineReader(path: $0) }
    var heads: [Entry?] = try readers.indices.map { try next(&readers[$0]) }
    while true {
      var best: Int? = nil
      for k in heads.indices {
        guard let head = heads[k] else { continue }
        if let b = best, let current = heads[b], !head.key.lexicographicallyPrecedes(current.key) { continue }
        best = k
      }
      guard let first = best, var combined = heads[first] else { return }
      heads[first] = try next(&readers[first])
      for k in heads.indices {
        while let head = heads[k], head.key.elementsEqual(combined.key) {
          combined.count += head.count
          if head.score > combined.score {
            combined.score = head.score
            combined.scoreText = head.scoreText
          }
          combined.documents += head.documents
          heads[k] = try next(&readers[k])
        }
      }
      try body(combined)
    }
  }

  private static func next(_ reader: inout LineReader) throws -> Entry? {
    guard let line = try reader.next() else { return nil }
    guard let entry = Entry(line[...]) else {
      throw DocAlignError.unsupportedInput(path: reader.path, reason: "damaged corpus pairs line; rerun the batch with --force")
    }
    return entry
  }
}

/// Writes corpus.tsv and the TMX files as entries stream in.
struct CorpusWriter {
  let layout: BatchLayout
  private var tsv: OutputSink
  private var tsvCount = 0
  private var tmx: [String: (name: String, sink: OutputSink, count: Int)] = [:]
  private let temporarySuffix = ".tmp-\(ProcessInfo.processInfo.processIdentifier)"

  init(layout: BatchLayout, tmxNames: [String: String]) throws {
    self.layout = layout
    tsv = try OutputSink(path: layout.path(".corpus.tsv" + temporarySuffix))
    try tsv.write("source\ttarget\tscore\tcount\tdocuments\n")
    for (pair, name) in tmxNames {
      let sink = try OutputSink(path: layout.path(".\(name)" + temporarySuffix))
      let locales = pair.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      try sink.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="DocAlign" creationtoolversion="\(DocAlign.version)" datatype="plaintext" segtype="sentence" adminlang="en-US" srclang="\(AlignmentWriter.xmlEscaped(locales[0], attribute: true))" o-tmf="DocAlign"/>
          <body>

        """)
      tmx[pair] = (name, sink, 0)
    }
  }

  mutating func add(_ entry: CorpusMerger.Entry) throws {
    let fields = entry.key.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    guard fields.count == 4 else { return }
    let documents = entry.documents.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    let score = String(decoding: entry.scoreText, as: UTF8.self)
    try tsv.write("\(fields[0])\t\(fields[1])\t\(score)\t\(entry.count)\t\(documents)\n")
    tsvCount += 1
    let pair = "\(fields[2])\t\(fields[3])"
    guard var file = tmx[pair] else { return }
    let source = AlignmentWriter.xmlEscaped(fields[0])
    let target = AlignmentWriter.xmlEscaped(fields[1])
    guard !source.isEmpty, !target.isEmpty else { return }
    file.count += 1
    try file.sink.write("""
          <tu tuid="c\(file.count)">
            <prop type="x-score">\(score)</prop>
            <prop type="x-count">\(entry.count)</prop>
            <prop type="x-documents">\(AlignmentWriter.xmlEscaped(documents))</prop>
            <tuv xml:lang="\(AlignmentWriter.xmlEscaped(fields[2], attribute: true))"><seg>\(source)</seg></tuv>
            <tuv xml:lang="\(AlignmentWriter.xmlEscaped(fields[3], attribute: true))"><seg>\(target)</seg></tuv>
          </tu>

      """)
    tmx[pair] = file
  }

  /// Closes the files and moves them into place.
  func finish() throws -> [(name: String, units: Int)] {
    var written: [(String, Int)] = []
    try tsv.finish()
    try move(".corpus.tsv", "corpus.tsv")
    written.append(("corpus.tsv", tsvCount))
    for (_, file) in tmx.sorted(by: { $0.value.name < $1.value.name }) {
      try file.sink.write("  </body>\n</tmx>\n")
      try file.sink.finish()
      try move(".\(file.name)", file.name)
      written.append((file.name, file.count))
    }
    return written
  }

  private func move(_ temporary: String, _ name: String) throws {
    guard rename(layout.path(temporary + temporarySuffix), layout.path(name)) == 0 else {
      throw DocAlignError.unreadableFile(path: layout.path(name), reason: "cannot move the corpus file into place")
    }
  }
}

/// Reads a file line by line in large chunks (lines without their line break).
struct LineReader {
  let path: String
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false

  init(path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw DocAlignError.unreadableFile(path: path, reason: "cannot open the file")
    }
    self.path = path
    self.handle = handle
  }

  mutating func next() throws -> [UInt8]? {
    while true {
      if let newline = buffer[position...].firstIndex(of: 0x0A) {
        let line = Array(buffer[position..<newline])
        position = newline + 1
        return line
      }
      if atEnd {
        guard position < buffer.count else { try? handle.close(); return nil }
        let line = Array(buffer[position...])
        position = buffer.count
        return line
      }
      buffer.removeFirst(position)
      position = 0
      let chunk: Data?
      do { chunk = try handle.read(upToCount: 1 << 16) } catch {
        throw DocAlignError.unreadableFile(path: path, reason: "cannot read: \(error.localizedDescription)")
      }
      if let chunk, !chunk.isEmpty { buffer += chunk } else { atEnd = true }
    }
  }
}
