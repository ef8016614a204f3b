import Foundation
import Testing

@testable import DocAlign

/// Inputs a fuzzer does not build: BOM-less UTF-16, NUL in the middle, right-to-left marks, every
/// mix of line ends, and small versions of the large inputs of `Benchmarks/large-inputs.sh`
/// (a long line without a break, a page of many speaker turns). Each is processed, with offsets
/// that point back into the text, or refused with an error naming the file and the byte offset.
@Suite struct OddInputTests {
  static let english = "The Council heard statements from 12 delegations.\nIt will meet again at 3 p.m. on Tuesday, 8 March.\n"
  static let russian = "Совет заслушал заявления 12 делегаций. Он соберётся снова во вторник, 8 марта.\n"

  static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit -> [UInt8] in
      littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
  }

  /// Every offset of every sentence and paragraph points at its text.
  static func expectOffsetsHold(_ document: Document) {
    for s in document.sentences { #expect(document.scalarSlice(s.start, s.end) == String(document.text(of: s))) }
    for p in document.paragraphs { #expect(document.scalarSlice(p.start, p.end) == String(document.text(of: p))) }
  }

  @Test(arguments: [true, false])
  func utf16WithoutBOMIsDecoded(littleEndian: Bool) throws {
    for text in [Self.english, Self.russian, Self.english + "第二段。第二句。"] {
      let bytes = Self.utf16(text, littleEndian: littleEndian)
      #expect(bytes.withUnsafeBufferPointer(TextDecoder.utf16WithoutBOM) == littleEndian)
      #expect(try TextDecoder.decode(bytes, name: "u16") == text)
      // Through a file as well (the fast path hands it to the general one).
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("docalign-u16-\(UUID().uuidString).txt")
      try Data(bytes).write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      #expect(try SourceText(contentsOf: url.path).text == text)
    }
  }

  @Test func utf16WithoutBOMIsNotGuessedForOtherBytes() throws {
    // UTF-8 text has no NUL; Chinese UTF-16 has too few; NULs on both sides mean binary.
    #expect(Array(Self.english.utf8).withUnsafeBufferPointer(TextDecoder.utf16WithoutBOM) == nil)
    #expect(Self.utf16(String(repeating: "人权理事会今天举行会议。", count: 20), littleEndian: true)
      .withUnsafeBufferPointer(TextDecoder.utf16WithoutBOM) == nil)
    var mixed = Self.utf16(Self.english, littleEndian: true)
    mixed[10] = 0  // a NUL on the even side too
    #expect(mixed.withUnsafeBufferPointer(TextDecoder.utf16WithoutBOM) == nil)
    #expect(throws: DocAlignError.binaryInput(path: "m", byteOffset: 1)) { try TextDecoder.decode(mixed, name: "m") }
    // Too short to tell: read as UTF-8 (a NUL there is binary).
    #expect(throws: DocAlignError.binaryInput(path: "s", byteOffset: 1)) {
      try TextDecoder.decode(Self.utf16("Hi.", littleEndian: true), name: "s")
    }
    // Looks like UTF-16 but holds a control character: binary, at its offset.
    var control = Self.utf16(Self.english, littleEndian: true)
    control[20] = 0x01
    #expect(throws: DocAlignError.binaryInput(path: "c", byteOffset: 20)) { try TextDecoder.decode(control, name: "c") }
    // An odd byte count: the last byte has no pair.
    #expect(throws: DocAlignError.invalidEncoding(path: "o", byteOffset: 100, encoding: "UTF-16")) {
      try TextDecoder.decode(Array(Self.utf16(Self.english, littleEndian: true).prefix(101)), name: "o")
    }
  }

  @Test func nulInTheMiddleIsRefusedAtItsOffset() throws {
    let before = Array("First sentence. Second sentence, and then".utf8)
    let bytes = before + [0x00] + Array(" the rest of the text.".utf8)
    #expect(throws: DocAlignError.binaryInput(path: "n.txt", byteOffset: before.count)) {
      try TextDecoder.decode(bytes, name: "n.txt")
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("docalign-nul-\(UUID().uuidString).txt")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(throws: DocAlignError.binaryInput(path: url.path, byteOffset: before.count)) { try SourceText(contentsOf: url.path) }
  }

  @Test func rightToLeftMarksStayInTheTextAndItsOffsets() throws {
    let text = "\u{200F}قال الأمين العام إن الأطفال يحتاجون إلى الحماية.\u{200F} \u{202B}وأضاف أن المجلس سيجتمع غدا.\u{202C}\n\n\u{2067}English inside\u{2069} an isolate. Next one \u{200E}here.\n"
    let document = try Fixtures.segmenter().segment(SourceText(name: "rtl", text: text))
    Self.expectOffsetsHold(document)
    #expect(document.paragraphs.map(\.language) == [.arabic, .english])
    #expect(document.sentences.count >= 3)
    let joined = document.sentences.map { String(document.text(of: $0)) }.joined()
    for mark in ["\u{200F}", "\u{202B}", "\u{2067}", "\u{2069}", "\u{200E}"] { #expect(joined.contains(mark), "\(mark.unicodeScalars.first!.value)") }
  }

  /// Blank lines made of any line ends separate paragraphs; a single line end of any kind does not
  /// end a sentence; offsets hold whatever the mix.
  @Test(arguments: ["\n", "\r\n", "\r", "\u{2028}", "\u{85}"], ["\n", "\r\n", "\r"])
  func everyLineEndMix(inside: String, between: String) throws {
    let text = "The first paragraph of this text says that the Council\(inside)met today and heard statements. A second sentence follows.\(between)\(between)"
      + "The second paragraph of the text also has a line that\(inside)breaks inside it and goes on.\(between)\(between == "\n" ? "\r\n" : between)Third one."
    let document = try Fixtures.segmenter().segment(SourceText(name: "ends", text: text), language: .english)
    Self.expectOffsetsHold(document)
    #expect(document.paragraphs.count == 3, "\(text.debugDescription): \(document.trimmedTexts)")
    #expect(document.sentences.count == 4, "\(text.debugDescription): \(document.trimmedTexts)")
  }

  @Test func aLongLineWithoutABreakIsSegmented() throws {
    // 400 KB with no line break and no sentence end: one unit, its offsets right.
    let line = String(repeating: "word and another word ", count: 20_000)
    let document = try Fixtures.segmenter().segment(SourceText(name: "long", text: line + "end"), language: .english)
    Self.expectOffsetsHold(document)
    #expect(document.sentences.count == 1)
    #expect(document.sentences[0].end - document.sentences[0].start == line.unicodeScalars.count + 3)
    // The same with sentence ends but no line break: every sentence found.
    let sentences = String(repeating: "The delegate said that it was so. ", count: 10_000)
    let split = try Fixtures.segmenter().segment(SourceText(name: "long2", text: sentences), language: .english)
    #expect(split.sentences.count == 10_000)
    #expect(split.paragraphs.count == 1)
  }

  /// A page of 2,000 delegation turns (a small version of the 10,000 of the benchmark): every turn
  /// is read, in order, and the page aligns with every summary sentence in one unit.
  @Test func aPageOfManySpeakerTurns() throws {
    let countries = ["Bahrain", "Kuwait", "Estonia", "South Africa", "Brazil", "China", "France", "Mexico", "Egypt", "Viet Nam"]
    var page = "Human Rights Council holds debate\n\nGENEVA (7 March 2016) - The Council held a debate.\n\nBahrain said that children needed protection online.\n\n"
    page += "Interactive Dialogue\n\n"
    let turns = 2_000
    for k in 0..<turns {
      page += "\(countries[k % countries.count]) said that statement number \(k) concerned the protection of children.\n\n"
    }
    let segmenter = try Fixtures.segmenter()
    let document = try segmenter.segment(SourceText(name: "turns.txt", text: page))
    let resources = try StructureResources(resources: Fixtures.resources())
    let structure = try StructureReader(resources: resources).read(page: document)
    #expect(structure.turns.count == turns)
    #expect(Set(structure.turns.map { structure.speakers[$0.speaker].name }) == Set(countries))
    for (a, b) in zip(structure.turns, structure.turns.dropFirst()) { #expect(a.sentences.upperBound <= b.sentences.lowerBound) }
  }
}
