// Fuzz target: parallel mode. The input is split at its first 0x00 byte or in the middle into a
// source and a target, each segmented (or taken line by line); every source and every target
// sentence is in exactly one bead, beads are monotonic; the writers' outputs re-parse.
import DocAlign

func fuzz(_ bytes: [UInt8]) {
  let cut = bytes.firstIndex(of: 0) ?? bytes.count / 2
  guard let first = decoded(Array(bytes[..<cut]), name: "source"),
    let second = decoded(Array(bytes[min(cut + 1, bytes.count)...]), name: "target")
  else { return }
  let presegmented = (bytes.first ?? 0) & 1 == 1
  let source: Document, target: Document
  do {
    source = presegmented ? harness.segmenter.lines(of: first) : try harness.segmenter.segment(first)
    target = presegmented ? harness.segmenter.lines(of: second) : try harness.segmenter.segment(second)
  } catch {
    fatalError("segmenting decoded text failed: \(error)")
  }
  let bitext = harness.parallel.align(source: source, target: target)
  var nextSource = 0, nextTarget = 0
  for unit in bitext.units {
    require(!(unit.source.isEmpty && unit.target.isEmpty), "no empty bead")
    for index in unit.source { require(index == nextSource, "source sentences once each, in order"); nextSource += 1 }
    for index in unit.target { require(index == nextTarget, "target sentences once each, in order"); nextTarget += 1 }
    require(unit.score >= 0 && unit.score <= 1, "score in [0, 1]")
  }
  require(nextSource == source.sentences.count, "every source sentence aligned or left out (\(nextSource) of \(source.sentences.count))")
  require(nextTarget == target.sentences.count, "every target sentence aligned or left out (\(nextTarget) of \(target.sentences.count))")
  checkWriters(bitext)
}
