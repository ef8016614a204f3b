import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory lock on a file (`flock`), held until released or until the process ends (the
/// kernel drops it even after SIGKILL, so a killed batch never leaves a stale lock). The file also
/// records the host and process that hold it, for messages.
///
/// On some network file systems `flock` is not shared between hosts (older NFS clients emulate it
/// locally). DocAlign therefore never relies on the lock alone for correctness across hosts: shards
/// write disjoint files, and `merge` checks that every part report is complete.
final class DirectoryLock {
  /// Shared (several holders, e.g. the shards of one batch) or exclusive.
  enum Kind { case shared, exclusive }

  let path: String
  private var descriptor: Int32

  /// Takes the lock without waiting.
  /// - Returns: nil when somebody else holds it.
  /// - Throws: ``DocAlignError/unreadableFile(path:reason:)`` when the lock file cannot be opened.
  static func acquire(_ path: String, _ kind: Kind) throws -> DirectoryLock? {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw DocAlignError.unreadableFile(path: path, reason: "cannot create the lock file (\(String(cString: strerror(errno))))")
    }
    guard flock(descriptor, (kind == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    let lock = DirectoryLock(path: path, descriptor: descriptor)
    if kind == .exclusive { lock.recordHolder() }
    return lock
  }

  /// Whether somebody holds the lock (exclusively or shared) at this moment.
  static func isHeld(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
      flock(descriptor, LOCK_UN)
      return false
    }
    return true
  }

  /// Who holds the lock, as its file says ("host pid N"), or nil.
  static func holder(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  private func recordHolder() {
    let text = "\(ProcessInfo.processInfo.hostName) pid \(getpid())\n"
    _ = ftruncate(descriptor, 0)
    _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
  }

  /// Releases the lock.
  func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
