import Foundation

/// A share of a batch: the jobs whose shard is `index` out of `count`.
///
/// A job's shard is FNV-1a 64 of its id modulo `count`, so it depends only on the id and the
/// number of shards: never on timing, on the order of the manifest, or on the other rows (adding
/// jobs to a manifest does not move the jobs already there, so a rerun of one shard after the
/// manifest grew redoes only that shard's new jobs). Shares are balanced in expectation, not
/// exactly.
public struct BatchShard: Sendable, Hashable, CustomStringConvertible {
  /// The shard, counted from 0.
  public let index: Int
  /// The number of shards.
  public let count: Int

  /// Shard `index` of `count`.
  /// - Throws: ``DocAlignError/invalidRequest(_:)`` unless `0 <= index < count`.
  public init(index: Int, count: Int) throws {
    guard count >= 1, index >= 0, index < count else {
      throw DocAlignError.invalidRequest(
        "a shard is i/n with 0 <= i < n (counted from 0), not \(index)/\(count)")
    }
    self.index = index
    self.count = count
  }

  /// The whole batch as one shard.
  public static let whole = BatchShard(checkedIndex: 0, count: 1)

  private init(checkedIndex index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Parses `i/n`.
  /// - Throws: ``DocAlignError/invalidRequest(_:)``.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw DocAlignError.invalidRequest("--shard takes i/n (e.g. 0/4, counted from 0), not '\(text)'")
    }
    try self.init(index: index, count: count)
  }

  /// The shard a cluster scheduler gives this process through the environment, if any:
  /// Slurm's job array (`SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN` of `SLURM_ARRAY_TASK_COUNT`), or a
  /// Kubernetes Indexed Job's `JOB_COMPLETION_INDEX` of `shards` (which the caller must then give).
  /// - Throws: ``DocAlignError/invalidRequest(_:)`` when the variables are inconsistent, or a
  ///   Kubernetes index comes without `shards`.
  public static func fromEnvironment(_ environment: [String: String], shards: Int?) throws -> BatchShard? {
    func integer(_ name: String) throws -> Int? {
      guard let value = environment[name], !value.isEmpty else { return nil }
      guard let number = Int(value) else {
        throw DocAlignError.invalidRequest("\(name)='\(value)' is not an integer")
      }
      return number
    }
    if let task = try integer("SLURM_ARRAY_TASK_ID") {
      guard let taskCount = try integer("SLURM_ARRAY_TASK_COUNT") else {
        throw DocAlignError.invalidRequest("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not")
      }
      let minimum = try integer("SLURM_ARRAY_TASK_MIN") ?? 0
      if let shards, shards != taskCount {
        throw DocAlignError.invalidRequest("--shards \(shards) differs from the Slurm array's \(taskCount) tasks")
      }
      do {
        return try BatchShard(index: task - minimum, count: taskCount)
      } catch {
        throw DocAlignError.invalidRequest(
          "the Slurm array task \(task) (min \(minimum), \(taskCount) tasks) is not a shard: submit an array of consecutive indices, e.g. --array=0-\(taskCount - 1)")
      }
    }
    if let index = try integer("JOB_COMPLETION_INDEX") {
      guard let shards else {
        throw DocAlignError.invalidRequest(
          "JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job): give --shards N, N = the Job's completions")
      }
      return try BatchShard(index: index, count: shards)
    }
    return nil
  }

  /// Whether the job with this id belongs to the shard.
  public func contains(jobID: String) -> Bool {
    count == 1 || Self.shard(of: jobID, count: count) == index
  }

  /// The shard of a job id among `count`.
  public static func shard(of jobID: String, count: Int) -> Int {
    var hash = ContentHash()
    hash.add(jobID)
    return Int(hash.fnv1a64 % UInt64(count))
  }

  /// `i-of-n`, as part files are named.
  public var description: String { "\(index)-of-\(count)" }
}
