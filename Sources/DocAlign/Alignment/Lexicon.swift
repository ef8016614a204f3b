import Foundation

/// A lexicon into English: the zh→en lexicon (`Resources/lexicon/zh-en.tsv`, from CC-CEDICT:
/// simplified headwords with the English content words of their glosses), or an xx→en lexicon
/// (`Resources/lexicon/fr-en.tsv`, `es-en`, `ru-en`, `ar-en`, from FreeDict: Snowball stems of
/// one-word headwords with the Snowball English stems of their translations).
///
/// The file is sorted by headword (byte order), so it is searched in place by binary search over
/// its line offsets: loading reads the file and finds its lines, nothing more.
public struct Lexicon: Sendable {
  /// The language of the headwords (the other side is English).
  public let source: Language
  private let bytes: [UInt8]
  /// Start offsets of the data lines, in headword order.
  private let lineStarts: [Int32]
  /// The longest headword, in characters (for longest-match look-up).
  let longestHeadword = 8

  /// The number of headwords.
  public var count: Int { lineStarts.count }

  /// Reads the lexicon of `source` → English (`lexicon/SOURCE-en.tsv`) from a resource folder.
  /// - Throws: ``DocAlignError/resourceNotFound(name:searched:)``,
  ///   ``DocAlignError/malformedResource(name:line:reason:)``, and
  ///   ``DocAlignError/invalidRequest(_:)`` for English (there is no en→en lexicon).
  public init(resources: ResourceDirectory, source: Language = .chinese) throws {
    guard source != .english else { throw DocAlignError.invalidRequest("there is no English-to-English lexicon") }
    let name = "lexicon/\(source.rawValue)-en.tsv"
    guard let data = FileManager.default.contents(atPath: resources.file(name).path) else {
      throw DocAlignError.resourceNotFound(name: name, searched: [resources.url.path])
    }
    try self.init(tsv: Array(data), name: name, source: source)
  }

  /// Parses lexicon text (`HEADWORD<TAB>word word …` lines sorted by headword, `#` comments).
  init(tsv bytes: [UInt8], name: String, source: Language = .chinese) throws {
    self.source = source
    self.bytes = bytes
    var starts: [Int32] = []
    starts.reserveCapacity(bytes.count / 30)
    var i = 0
    var previous: ArraySlice<UInt8> = []
    while i < bytes.count {
      let end = bytes[i...].firstIndex(of: 0x0A) ?? bytes.count
      if end > i && bytes[i] != 0x23 {  // not a comment
        guard let tab = bytes[i..<end].firstIndex(of: 0x09) else {
          throw DocAlignError.malformedResource(name: name, line: starts.count + 1, reason: "no TAB after the headword")
        }
        let headword = bytes[i..<tab]
        guard previous.lexicographicallyPrecedes(headword) else {
          throw DocAlignError.malformedResource(
            name: name, line: starts.count + 1,
            reason: "headwords must be sorted (rebuild with Scripts/build_lexicon.py or Scripts/build_freedict_lexicon.py)")
        }
        previous = headword
        starts.append(Int32(i))
      }
      i = end + 1
    }
    lineStarts = starts
  }

  /// The English words of a headword, or nil when it is not in the lexicon.
  func words(of headword: ArraySlice<UInt8>) -> Substring? {
    var low = 0
    var high = lineStarts.count
    while low < high {
      let mid = (low + high) / 2
      let start = Int(lineStarts[mid])
      let tab = bytes[start...].firstIndex(of: 0x09) ?? start
      let key = bytes[start..<tab]
      if key.lexicographicallyPrecedes(headword) {
        low = mid + 1
      } else if headword.lexicographicallyPrecedes(key) {
        high = mid
      } else {
        let end = bytes[tab...].firstIndex(of: 0x0A) ?? bytes.count
        return Substring(String(decoding: bytes[(tab + 1)..<end], as: UTF8.self))
      }
    }
    return nil
  }
}
