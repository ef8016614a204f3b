import Foundation
import Testing

@testable import DocAlign

/// Paths and shared helpers for the library tests.
enum Fixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let examples = packageRoot.appendingPathComponent("Examples/un-press-releases")
  static let fixtures = packageRoot.appendingPathComponent("Tests/DocAlignTests/Fixtures")
  static let morningPage = examples.appendingPathComponent(
    "hrc-2016-03-07-morning.zh-summary.en-fulltext.txt")
  static let afternoonPage = examples.appendingPathComponent("hrc-2016-03-07-afternoon.en.txt")

  static func resources() throws -> ResourceDirectory {
    try ResourceDirectory(path: packageRoot.appendingPathComponent("Resources").path)
  }

  static func segmenter() throws -> Segmenter { try Segmenter(resources: resources()) }

  static func document(_ url: URL, language: Language? = nil) throws -> Document {
    try segmenter().segment(SourceText(contentsOf: url.path), language: language)
  }

  /// One golden-rule case: a text and the sentences it must split into.
  struct SegmentationCase: Decodable, CustomTestStringConvertible {
    let id: String
    let text: String
    let sentences: [String]
    var testDescription: String { id }
  }

  static func cases(_ relativePath: String) throws -> [SegmentationCase] {
    let text = try String(contentsOf: fixtures.appendingPathComponent(relativePath), encoding: .utf8)
    return try text.split(separator: "\n").map {
      try JSONDecoder().decode(SegmentationCase.self, from: Data($0.utf8))
    }
  }
}

extension Document {
  /// The texts of the units, trimmed (as the golden rules compare them).
  var trimmedTexts: [String] {
    sentences.map { text(of: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  /// The text between two Unicode-scalar offsets, as Python's `text[start:end]`.
  func scalarSlice(_ start: Int, _ end: Int) -> String {
    let scalars = source.text.unicodeScalars
    let lower = scalars.index(scalars.startIndex, offsetBy: start)
    let upper = scalars.index(lower, offsetBy: end - start)
    return String(scalars[lower..<upper])
  }
}
