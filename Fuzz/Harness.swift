// The part every fuzz target shares: libFuzzer's entry point, the resources loaded once, and the
// invariant checks. A broken invariant stops the run with a message (libFuzzer saves the input).
import DocAlign
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  fuzz(bytes)
  return 0
}

/// Stops the run when an invariant does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line) {
  if !condition { fatalError("invariant broken: \(message())", file: file, line: line) }
}

/// What the targets need, loaded on first use (libFuzzer calls the target on one thread).
final class Harness {
  let runner: JobRunner
  let segmenter: Segmenter
  let reader: StructureReader
  let parallel: ParallelAligner

  init() {
    do {
      runner = JobRunner(resources: try ResourceSet(locating: nil))
      segmenter = try runner.segmenter()
      reader = try runner.structureReader()
      parallel = ParallelAligner(
        lexicon: try runner.resources.lexicon(source: .chinese, target: .english), english: try runner.resources.english())
    } catch {
      fatalError("cannot load DocAlign's resources (set DOCALIGN_RESOURCES): \(error)")
    }
  }
}

nonisolated(unsafe) let harness = Harness()

/// The input decoded, or nil when DocAlign refuses it; a refusal must be a DocAlignError.
func decoded(_ bytes: [UInt8], name: String = "fuzz-input") -> SourceText? {
  do {
    return try SourceText(name: name, bytes: bytes)
  } catch is DocAlignError {
    return nil
  } catch {
    fatalError("decoding threw something other than a DocAlignError: \(error)")
  }
}

/// The text between two Unicode-scalar offsets (Python's `text[start:end]`).
func scalarSlice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String? {
  guard 0 <= start, start <= end, end <= scalars.count else { return nil }
  var view = String.UnicodeScalarView()
  view.append(contentsOf: scalars[start..<end])
  return String(view)
}

/// Every sentence and paragraph of `document` is a slice of its text at its offsets, in order,
/// without overlap.
func checkOffsets(_ document: Document) {
  let scalars = Array(document.source.text.unicodeScalars)
  var previousEnd = 0
  for sentence in document.sentences {
    require(scalarSlice(scalars, sentence.start, sentence.end) == String(document.text(of: sentence)),
            "sentence text == decoded[start:end] (\(sentence.start)..<\(sentence.end))")
    require(sentence.start >= previousEnd, "sentences in order, not overlapping")
    previousEnd = sentence.end
  }
  for paragraph in document.paragraphs {
    require(scalarSlice(scalars, paragraph.start, paragraph.end) == String(document.text(of: paragraph)),
            "paragraph text == decoded[start:end]")
  }
}

/// Every line of a JSONL output is one JSON object; its spans (`text`, `start`, `end`, at the top
/// level or in `source`/`target` arrays) are slices of the documents they come from.
func checkJSONL(_ output: String, source: Document, target: Document? = nil) -> [[String: Any]] {
  let sourceScalars = Array(source.source.text.unicodeScalars)
  let targetScalars = target.map { Array($0.source.text.unicodeScalars) } ?? sourceScalars
  var objects: [[String: Any]] = []
  for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
    let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8))
    guard let object = parsed as? [String: Any] else { fatalError("invariant broken: a JSONL line that is not a JSON object: \(line)") }
    func checkSpan(_ span: [String: Any], _ scalars: [Unicode.Scalar]) {
      guard let text = span["text"] as? String, let start = span["start"] as? Int, let end = span["end"] as? Int else {
        fatalError("invariant broken: a span without text/start/end: \(span)")
      }
      require(scalarSlice(scalars, start, end) == text, "JSONL text == decoded[start:end] (\(start)..<\(end))")
    }
    if object["text"] != nil { checkSpan(object, sourceScalars) }
    for span in object["source"] as? [[String: Any]] ?? [] { checkSpan(span, sourceScalars) }
    for span in object["target"] as? [[String: Any]] ?? [] { checkSpan(span, targetScalars) }
    objects.append(object)
  }
  require(output.isEmpty || output.hasSuffix("\n"), "JSONL ends with a line break")
  return objects
}

/// The TMX parses as XML, with two `<tuv>` in every `<tu>`.
func checkTMX(_ data: Data) {
  final class Counter: NSObject, XMLParserDelegate {
    var tuvs: [Int] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if name == "tu" { tuvs.append(0) }
      if name == "tuv", !tuvs.isEmpty { tuvs[tuvs.count - 1] += 1 }
    }
  }
  let parser = XMLParser(data: data)
  let counter = Counter()
  parser.delegate = counter
  require(parser.parse(), "TMX parses as XML: \(parser.parserError.map { "\($0)" } ?? "")")
  require(counter.tuvs.allSatisfy { $0 == 2 }, "two <tuv> per <tu>")
}

/// Each TSV line has five fields.
func checkTSV(_ output: String, lines expected: Int) {
  let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  require(lines.count == expected, "one TSV line per unit (\(lines.count) vs \(expected))")
  for line in lines { require(line.split(separator: "\t", omittingEmptySubsequences: false).count == 5, "five TSV fields") }
}

/// Writes a bitext in every format and checks each output.
func checkWriters(_ bitext: Bitext) {
  let options = AlignmentWriter.Options(sourceLocale: "zh-CN", targetLocale: "en-US")
  do {
    let jsonl = try AlignmentWriter(format: .jsonl, options: options).string(bitext)
    let units = checkJSONL(jsonl, source: bitext.source, target: bitext.target)
    require(units.count == bitext.units.count, "one JSONL line per unit")
    checkTSV(try AlignmentWriter(format: .tsv, options: options).string(bitext), lines: bitext.units.count)
    checkTMX(try AlignmentWriter(format: .tmx, options: options).data(bitext))
    let links = try AlignmentWriter(format: .links, options: options).string(bitext)
    require(links.split(separator: "\n").count == bitext.units.count, "one link line per unit")
  } catch {
    fatalError("a writer failed on a valid bitext: \(error)")
  }
}
