import Foundation
import Testing

@testable import DocAlign

@Suite struct DecodingTests {
  let sample = "Title line\r\n\r\nFirst sentence.  Second one said that\r\nit was easy.\r\n\u{00A0}\r\n第二段。第二句。"

  @Test func utf8WithAndWithoutBOMAndUTF16DecodeAlike() throws {
    let plain = Array(sample.utf8)
    let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + plain
    var utf16LE: [UInt8] = [0xFF, 0xFE]
    var utf16BE: [UInt8] = [0xFE, 0xFF]
    for unit in sample.utf16 {
      utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      utf16BE += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    for bytes in [plain, withBOM, utf16LE, utf16BE] {
      #expect(try TextDecoder.decode(bytes, name: "x") == sample)
    }
  }

  @Test func crlfTextKeepsLineEndsAndOffsets() throws {
    let document = try Fixtures.segmenter().segment(SourceText(name: "x", text: sample))
    #expect(document.trimmedTexts == [
      "Title line", "First sentence.", "Second one said that\r\nit was easy.", "第二段。", "第二句。",
    ])
    #expect(document.sentences[0].kind == .heading)
    #expect(document.paragraphs.count == 3)  // the NBSP-only line separates paragraphs
    for s in document.sentences { #expect(document.scalarSlice(s.start, s.end) == String(document.text(of: s))) }
    #expect(document.paragraphs.map(\.language) == [.english, .english, .chinese])
  }

  @Test func oldMacLineEndsAndUnicodeSeparators() throws {
    let text = "Heading\rFirst sentence here. Second\rcontinues here.\u{2029}Another paragraph."
    let document = try Fixtures.segmenter().segment(SourceText(name: "x", text: text))
    #expect(document.trimmedTexts == [
      "Heading", "First sentence here.", "Second\rcontinues here.", "Another paragraph.",
    ])
    #expect(document.paragraphs.count == 2)
  }

  @Test func invalidUTF8NamesTheByteOffset() {
    let bytes: [UInt8] = Array("abc déf".utf8) + [0xC3, 0x28] + Array(" tail".utf8)
    #expect(throws: DocAlignError.invalidEncoding(path: "bad.txt", byteOffset: 8, encoding: "UTF-8")) {
      try TextDecoder.decode(bytes, name: "bad.txt")
    }
    // Overlong form and a lone continuation byte.
    #expect(throws: DocAlignError.invalidEncoding(path: "b", byteOffset: 1, encoding: "UTF-8")) {
      try TextDecoder.decode([0x41, 0xC0, 0x80], name: "b")
    }
    #expect(throws: DocAlignError.invalidEncoding(path: "b", byteOffset: 0, encoding: "UTF-8")) {
      try TextDecoder.decode([0x80, 0x41], name: "b")
    }
    // Truncated sequence at the end.
    #expect(throws: DocAlignError.invalidEncoding(path: "b", byteOffset: 2, encoding: "UTF-8")) {
      try TextDecoder.decode([0x41, 0x42, 0xE4, 0xB8], name: "b")
    }
  }

  @Test func binaryAndEmptyInputsAreRefused() {
    #expect(throws: DocAlignError.binaryInput(path: "f.bin", byteOffset: 2)) {
      try TextDecoder.decode([0x50, 0x4B, 0x03, 0x00, 0x14], name: "f.bin")
    }
    #expect(throws: DocAlignError.emptyInput(path: "e")) { try TextDecoder.decode([], name: "e") }
    #expect(throws: DocAlignError.emptyInput(path: "e")) {
      try TextDecoder.decode([0xEF, 0xBB, 0xBF], name: "e")
    }
    #expect(throws: DocAlignError.emptyInput(path: "e")) {
      try TextDecoder.decode(Array(" \n\u{00A0}\n\t\r\n".utf8), name: "e")
    }
    // A lone surrogate in UTF-16.
    #expect(throws: DocAlignError.invalidEncoding(path: "u", byteOffset: 4, encoding: "UTF-16")) {
      try TextDecoder.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00], name: "u")
    }
  }

  @Test func missingFileAndDirectoryAreClearErrors() {
    #expect(throws: DocAlignError.unreadableFile(path: "/nonexistent/x.txt", reason: "no such file")) {
      try SourceText(contentsOf: "/nonexistent/x.txt")
    }
    #expect(throws: DocAlignError.unreadableFile(path: "/tmp", reason: "it is a directory")) {
      try SourceText(contentsOf: "/tmp")
    }
  }
}
