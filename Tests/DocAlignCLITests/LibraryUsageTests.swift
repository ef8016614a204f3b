import Foundation
import FoundationXML
import Testing

/// `Examples/library-usage` runs and does what it says: aligns in-memory texts in both modes and
/// prints a TMX document written into a String.
@Suite struct LibraryUsageTests {
  @Test func exampleAlignsAndPrintsTMX() throws {
    let program = CLI.executable.deletingLastPathComponent().appendingPathComponent("docalign-library-usage")
    let process = Process()
    process.executableURL = program
    process.currentDirectoryURL = FileManager.default.temporaryDirectory
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
    // Both summary sentences about Kate Gilmore link her turn; the lede and the title do not.
    #expect(output.contains("summary mode: 2 of 5 summary sentences aligned"), "\(output)")
    #expect(output.components(separatedBy: "(KATE GILMORE, score").count - 1 == 2)
    #expect(output.contains("parallel mode: 1-1 1-1 1-1 1-1"))
    let tmx = try #require(output.range(of: "<?xml").map { String(output[$0.lowerBound...]) })
    let document = try XMLDocument(data: Data(tmx.utf8))
    #expect(try document.nodes(forXPath: "//tu").count == 4)
    #expect(try document.nodes(forXPath: "//tuv[@xml:lang='zh-CN']/seg").first?.stringValue == "会议于上午十时开幕。")
  }
}
