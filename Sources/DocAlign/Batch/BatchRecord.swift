import Foundation

/// What became of one job of a batch: kept in its stamp file (`jobs/ID.stamp.json`), in the part
/// report of its shard and in `report.json`.
public struct BatchJobRecord: Sendable, Hashable {
  /// Whether the job produced its outputs.
  public enum Status: String, Sendable, Hashable {
    /// Aligned; every output written.
    case succeeded = "ok"
    /// Failed: ``BatchJobRecord/error`` says why; nothing of it enters the corpus.
    case failed
  }

  /// The job's id.
  public var id: String
  /// Its position in the manifest (0-based).
  public var index: Int
  /// The source input as the manifest gives it (resolved against the manifest's folder).
  public var source: String
  /// The target input, if any.
  public var target: String?
  /// The mode asked for.
  public var mode: AlignmentMode
  /// The mode it ran in (nil when it failed before choosing).
  public var resolvedMode: AlignmentMode?
  /// Succeeded or failed.
  public var status: Status
  /// The error message of a failed job.
  public var error: String?
  /// Units of the alignment (every source sentence in exactly one).
  public var units = 0
  /// Units that link something.
  public var alignedUnits = 0
  /// Units that went into the corpus (aligned, at or above `--min-score`).
  public var corpusUnits = 0
  /// Source-side TMX locale.
  public var sourceLocale: String?
  /// Target-side TMX locale.
  public var targetLocale: String?
  /// Output files written, relative to the output directory.
  public var outputs: [String] = []
  /// Outputs not written and why (a TMX of a one-language page; coverage of a parallel job).
  public var skipped: [String] = []
  /// Time the job took (a timing field: differs from run to run).
  public var seconds = 0.0
  /// Whether this run reused the outputs of an earlier one (inputs and options unchanged).
  public var reused = false
  /// The fingerprint of the job's inputs, options and DocAlign version.
  public var fingerprint: String

  var json: JSONValue {
    .object([
      ("id", .string(id)), ("index", .int(index)), ("source", .string(source)), ("target", .string(orNull: target)),
      ("mode", .string(mode.rawValue)), ("resolvedMode", .string(orNull: resolvedMode?.rawValue)),
      ("status", .string(status.rawValue)), ("error", .string(orNull: error)), ("units", .int(units)),
      ("alignedUnits", .int(alignedUnits)), ("corpusUnits", .int(corpusUnits)),
      ("sourceLocale", .string(orNull: sourceLocale)), ("targetLocale", .string(orNull: targetLocale)),
      ("outputs", .array(outputs.map { .string($0) })), ("skipped", .array(skipped.map { .string($0) })),
      ("seconds", .number(seconds, decimals: 4)), ("reused", .bool(reused)), ("fingerprint", .string(fingerprint)),
    ])
  }

  init(
    id: String, index: Int, source: String, target: String?, mode: AlignmentMode, status: Status, fingerprint: String
  ) {
    self.id = id
    self.index = index
    self.source = source
    self.target = target
    self.mode = mode
    self.status = status
    self.fingerprint = fingerprint
  }

  /// Reads a record back from its JSON object; nil when it is not one.
  init?(json object: [String: Any]) {
    guard let id = object["id"] as? String, let index = object["index"] as? Int, let source = object["source"] as? String,
      let mode = (object["mode"] as? String).flatMap(AlignmentMode.init(rawValue:)),
      let status = (object["status"] as? String).flatMap(Status.init(rawValue:)),
      let fingerprint = object["fingerprint"] as? String
    else { return nil }
    self.init(id: id, index: index, source: source, target: object["target"] as? String, mode: mode, status: status, fingerprint: fingerprint)
    resolvedMode = (object["resolvedMode"] as? String).flatMap(AlignmentMode.init(rawValue:))
    error = object["error"] as? String
    units = object["units"] as? Int ?? 0
    alignedUnits = object["alignedUnits"] as? Int ?? 0
    corpusUnits = object["corpusUnits"] as? Int ?? 0
    sourceLocale = object["sourceLocale"] as? String
    targetLocale = object["targetLocale"] as? String
    outputs = object["outputs"] as? [String] ?? []
    skipped = object["skipped"] as? [String] ?? []
    seconds = (object["seconds"] as? NSNumber)?.doubleValue ?? 0
    reused = object["reused"] as? Bool ?? false
  }
}

/// The options of a batch that change its outputs (so they go into every job's fingerprint and
/// the report).
public struct BatchOptions: Sendable, Hashable {
  /// Per-job output formats (`jsonl`, `tsv`, `tmx`).
  public var formats: [AlignmentWriter.Format] = [.jsonl]
  /// Also write `jobs/ID.coverage.json` for summary-mode jobs.
  public var coverage = false
  /// TSV, TMX and corpus: keep only aligned units scoring at least this.
  public var minScore: Double? = nil

  /// The defaults: JSONL only, no coverage, no score filter.
  public init() {}

  var json: JSONValue {
    .object([
      ("formats", .array(formats.map { .string($0.rawValue) })), ("coverage", .bool(coverage)),
      ("minScore", .number(orNull: minScore, decimals: 4)),
    ])
  }

  var fingerprint: String {
    var hash = ContentHash()
    hash.add(json.serialized())
    return hash.hex
  }
}

extension JSONValue {
  /// A timestamp as ISO 8601 (UTC, seconds).
  static func timestamp(_ date: Date) -> JSONValue {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return .string(formatter.string(from: date))
  }
}

/// Reads a JSON object file; nil when missing or not an object.
func readJSONObject(_ path: String) -> [String: Any]? {
  guard let data = FileManager.default.contents(atPath: path) else { return nil }
  return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
}

/// Writes bytes to `path` atomically: a temporary file beside it, then a rename, so that a reader
/// (or a rerun after SIGKILL) sees the old file or the new one, never a part.
func writeAtomically(_ bytes: [UInt8], to path: String) throws {
  try writeAtomically(to: path) { sink in try sink.write(bytes) }
}

/// Writes through an output sink into a temporary file beside `path`, then renames it to `path`.
func writeAtomically(to path: String, _ body: (OutputSink) throws -> Void) throws {
  let url = URL(fileURLWithPath: path)
  let temporary = url.deletingLastPathComponent()
    .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
  do {
    let sink = try OutputSink(path: temporary)
    try body(sink)
    try sink.finish()
    guard rename(temporary, path) == 0 else {
      throw DocAlignError.unreadableFile(path: path, reason: "cannot move the finished file into place (\(String(cString: strerror(errno))))")
    }
  } catch {
    try? FileManager.default.removeItem(atPath: temporary)
    throw error
  }
}
