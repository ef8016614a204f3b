// Fuzz target: summary mode end to end (structure, summary aligner, writers). Every summary-side
// sentence is in exactly one unit; targets are real full-text sentences; JSONL, TSV, TMX and links
// are written and re-parsed (JSONL as JSON with texts == decoded[start:end], TMX as XML).
import DocAlign

func fuzz(_ bytes: [UInt8]) {
  guard let source = decoded(bytes) else { return }
  let result: JobResult
  do {
    result = try harness.runner.run(AlignmentJob(id: "fuzz", source: .text(source.text, name: source.name), mode: .summary))
  } catch is DocAlignError {
    return
  } catch {
    fatalError("the summary pipeline threw something other than a DocAlignError: \(error)")
  }
  let bitext = result.bitext
  var seen = [Int: Int]()
  for unit in bitext.units {
    for index in unit.source { seen[index, default: 0] += 1 }
    for index in unit.target { require(bitext.target.sentences.indices.contains(index), "target index in range") }
    require(unit.score >= 0 && unit.score <= 1, "score in [0, 1]")
  }
  require(seen.values.allSatisfy { $0 == 1 }, "every summary-side sentence in exactly one unit")
  // The summary side: every sentence before the full text on a page, every sentence of a summary file.
  guard let structure = result.structure else { fatalError("invariant broken: summary mode without a structure") }
  let summarySide = structure.isSinglePage
    ? 0..<(structure.part(.fullText)?.sentences.lowerBound ?? 0) : 0..<structure.summary.sentences.count
  require(Set(seen.keys) == Set(summarySide), "the units cover the summary side exactly (\(seen.count) vs \(summarySide.count))")
  checkWriters(bitext)
}
