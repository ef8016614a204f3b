import Foundation

/// Carries a value into a `DispatchQueue.concurrentPerform` body. Only for values whose parts
/// are each touched by one thread at a time (the caller documents why at each use).
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// The first error thrown by any of several concurrent workers.
final class ErrorSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Error?

  var error: Error? { lock.withLock { stored } }

  func record(_ error: Error) {
    lock.withLock { if stored == nil { stored = error } }
  }
}

/// `(0..<count).map(body)` computed on all cores in contiguous chunks, in order. `body` gets the
/// index and the number (0..<workers) of the thread running it, so that per-thread state can be
/// kept in an array indexed by it. The first error thrown is rethrown.
func concurrentMap<T>(
  count: Int, workers: Int, _ body: (_ index: Int, _ worker: Int) throws -> T
) throws -> [T] {
  guard workers > 1, count > 1 else { return try (0..<count).map { try body($0, 0) } }
  let chunkCount = min(workers * 4, count)
  var results = [T?](repeating: nil, count: count)
  let failures = ErrorSlot()
  try withoutActuallyEscaping(body) { body in
    try results.withUnsafeMutableBufferPointer { output in
      // Each thread takes the chunks w, w + workers, …: every slot is written by one thread.
      let shared = UncheckedSendable((body, output))
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let (body, output) = shared.value
        var chunk = worker
        while chunk < chunkCount {
          for k in (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount) {
            do { output[k] = try body(k, worker) } catch { failures.record(error) }
          }
          chunk += workers
        }
      }
      if let error = failures.error { throw error }
    }
  }
  return results.map { $0! }
}
