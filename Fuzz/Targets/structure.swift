// Fuzz target: the structure reader. A page is read or refused with a DocAlignError; what is read
// points at real sentences: parts and sections in order, turns inside the full text, mentions at
// summary sentences and real speakers; the JSON outline parses.
import DocAlign
import Foundation

func fuzz(_ bytes: [UInt8]) {
  guard let source = decoded(bytes) else { return }
  let structure: PageStructure
  do {
    let document = try harness.segmenter.segment(source)
    structure = try harness.reader.read(page: document)
  } catch is DocAlignError {
    return
  } catch {
    fatalError("the structure reader threw something other than a DocAlignError: \(error)")
  }
  let full = structure.fullText.sentences.count
  for section in structure.sections {
    require(section.sentences.lowerBound >= 0 && section.sentences.upperBound <= full, "section inside the full text")
  }
  for (a, b) in zip(structure.sections, structure.sections.dropFirst()) {
    require(a.sentences.upperBound <= b.sentences.lowerBound, "sections in order")
  }
  for turn in structure.turns {
    require(structure.speakers.indices.contains(turn.speaker), "turn of a real speaker")
    require(turn.sentences.upperBound <= full && !turn.sentences.isEmpty, "turn inside the full text")
  }
  for mention in structure.mentions {
    require(structure.summary.sentences.indices.contains(mention.sentence), "mention at a summary sentence")
    if let speaker = mention.speaker { require(structure.speakers.indices.contains(speaker), "mention of a real speaker") }
  }
  do {
    let json = try StructureWriter(format: .json).data(structure)
    require((try? JSONSerialization.jsonObject(with: json)) is [String: Any], "the outline is one JSON object")
    _ = try StructureWriter(format: .text).string(structure)
  } catch {
    fatalError("the structure writer failed: \(error)")
  }
}
