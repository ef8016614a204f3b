/// A 128-bit content fingerprint (two FNV-1a 64 streams with different offset bases, and the
/// length), written as 32 hex digits. It detects changed inputs and options for resumed batches
/// and routes jobs to shards; it is not a cryptographic hash.
struct ContentHash: Sendable {
  private var first: UInt64 = 0xcbf2_9ce4_8422_2325
  private var second: UInt64 = 0x6c62_272e_07bb_0142
  private var length: UInt64 = 0
  private static let prime: UInt64 = 0x0000_0100_0000_01B3

  init() {}

  mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
    for byte in bytes {
      first = (first ^ UInt64(byte)) &* Self.prime
      second = (second ^ UInt64(byte ^ 0x5A)) &* Self.prime
      length &+= 1
    }
  }

  mutating func add(_ text: String) { add(text.utf8) }

  /// The first stream alone (FNV-1a 64 of the bytes).
  var fnv1a64: UInt64 { first }

  var hex: String {
    let mixed = second ^ (length &* 0x9E37_79B9_7F4A_7C15)
    return Self.hex(first) + Self.hex(mixed)
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The fingerprint of some bytes.
  static func of<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
    var hash = ContentHash()
    hash.add(bytes)
    return hash.hex
  }
}
