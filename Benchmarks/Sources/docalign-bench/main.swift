// docalign-bench: throughput of DocAlign's library calls (see Benchmarks/README.md).
//
// usage: docalign-bench segment FILE [--repeat N]
import DocAlign
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, ["segment", "align", "parallel-grid"].contains(arguments[0]) else {
  FileHandle.standardError.write(Data("usage: docalign-bench segment|align FILE [--repeat N]\n".utf8))
  exit(2)
}
if arguments[0] == "parallel-grid" {
  // Parameter study on a directory pair of pre-segmented test documents with gold links:
  // docalign-bench parallel-grid ZH_DIR EN_DIR GOLD_DIR  (prints strict/lax F1 per setting).
  do {
    let folder = try ResourceDirectory.locate()
    let segmenter = try Segmenter(resources: folder)
    let lexicon = try Lexicon(resources: folder)
    let english = try EnglishWords(resources: folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: arguments[3]).filter { $0.hasSuffix(".align") }.sorted()
    var documents: [(Document, Document, [LinkEvaluation.Bead])] = []
    for name in names {
      let stem = String(name.dropLast(6))
      let zh = segmenter.lines(of: try SourceText(contentsOf: "\(arguments[1])/\(stem).zh"))
      let en = segmenter.lines(of: try SourceText(contentsOf: "\(arguments[2])/\(stem).en"))
      let gold = try LinkEvaluation.beads(parsing: String(contentsOfFile: "\(arguments[3])/\(name)", encoding: .utf8), name: name)
      documents.append((zh, en, gold))
    }
    let environment = ProcessInfo.processInfo.environment
    func values(_ key: String, _ defaults: [Double]) -> [Double] {
      environment[key].map { $0.split(separator: ",").compactMap { Double($0) } } ?? defaults
    }
    let defaults = ParallelAligner.Configuration()
    for lexical in values("LEX", [defaults.lexicalWeight]) {
      for skip in values("SKIP", [defaults.skipPercentile]) {
        for merge in values("MERGE", [defaults.mergePenalty]) {
          var configuration = ParallelAligner.Configuration()
          configuration.lexicalWeight = lexical
          configuration.skipPercentile = skip
          configuration.mergePenalty = merge
          if let band = environment["BAND"].flatMap(Int.init) { configuration.band = band }
          if let commonest = environment["COMMONEST"] { configuration.weightByCommonestAlternative = commonest == "1" }
          let aligner = ParallelAligner(lexicon: lexicon, english: english, configuration: configuration)
          let pairs = documents.map { zh, en, gold -> (gold: [LinkEvaluation.Bead], test: [LinkEvaluation.Bead]) in
            (gold, aligner.align(source: zh, target: en).units.map { ($0.source, $0.target) })
          }
          let e = LinkEvaluation(pairs)
          print(String(format: "lex %.2f skip %.2f merge %.3f  strict %.3f  lax %.3f", lexical, skip, merge, e.strictF1, e.laxF1))
        }
      }
    }
  } catch {
    FileHandle.standardError.write(Data("docalign-bench: \(error)\n".utf8))
    exit(1)
  }
  exit(0)
}
if arguments[0] == "align" {
  // Each stage timed once, in a fresh process, in the order the CLI runs them (summary mode on
  // one page). The transliterator is its own stage: it used to open with every StructureReader;
  // it now opens inside the structure stage, and only for a page with Traditional characters.
  do {
    let folder = try ResourceDirectory.locate()
    var lexicon: Lexicon? = nil
    var structureResources: StructureResources? = nil
    var segmenter: Segmenter? = nil
    var english: EnglishWords? = nil
    var reader: StructureReader? = nil
    let loadLexicon = try seconds { lexicon = try Lexicon(resources: folder) }
    let loadOthers = try seconds {
      structureResources = try StructureResources(resources: folder)
      segmenter = try Segmenter(resources: folder)
      english = try EnglishWords(resources: folder)
    }
    guard let lexicon, let structureResources, let segmenter, let english else { exit(1) }
    let makeReader = seconds { reader = StructureReader(resources: structureResources) }
    guard let reader else { exit(1) }
    var document: Document? = nil
    let segment = try seconds { document = try segmenter.segment(SourceText(contentsOf: arguments[1])) }
    guard let document else { exit(1) }
    var structure: PageStructure? = nil
    let read = try seconds { structure = try reader.read(page: document) }
    guard let structure else { exit(1) }
    var units = 0
    let align = seconds {
      let aligner = SummaryAligner(lexicon: lexicon, english: english, structure: structureResources)
      units = aligner.align(structure).units.filter(\.isAligned).count
    }
    let total = loadLexicon + loadOthers + makeReader + segment + read + align
    // What opening the transform costs when a page needs it (timed after the rest).
    let needsTransform = ChineseSimplifier.hasTraditionalCharacters(document.source.text)
    let openTransform = seconds { _ = ChineseSimplifier().simplify("國") }
    print(String(format: "lexicon load: %.1f ms (%d headwords); other resources: %.1f ms; transliterator: %.1f ms; "
                   + "segmentation: %.1f ms; structure: %.1f ms; alignment: %.1f ms; total: %.1f ms; %d aligned units",
                 loadLexicon * 1000, lexicon.count, loadOthers * 1000, makeReader * 1000, segment * 1000,
                 read * 1000, align * 1000, total * 1000, units)
            + "; page has Traditional characters: \(needsTransform ? "yes" : "no")"
            + String(format: "; Hant-Hans open when needed: %.1f ms (then under structure)", openTransform * 1000))
  } catch {
    FileHandle.standardError.write(Data("docalign-bench: \(error)\n".utf8))
    exit(1)
  }
  exit(0)
}
let path = arguments[1]
var repeats = 5
if let k = arguments.firstIndex(of: "--repeat"), k + 1 < arguments.count, let n = Int(arguments[k + 1]) {
  repeats = n
}
do {
  let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
  let segmenter = try Segmenter(resources: ResourceDirectory.locate())
  var best = Double.infinity
  var count = 0
  for _ in 0..<repeats {
    let time = try seconds {
      let source = try SourceText(name: path, bytes: Array(bytes))
      count = try segmenter.segment(source).sentences.count
    }
    best = min(best, time)
  }
  let megabytes = Double(bytes.count) / 1_000_000
  print(String(format: "library segment: %.2f MB in %.3f s (best of %d) = %.1f MB/s, %d units",
               megabytes, best, repeats, megabytes / best, count))
} catch {
  FileHandle.standardError.write(Data("docalign-bench: \(error)\n".utf8))
  exit(1)
}
