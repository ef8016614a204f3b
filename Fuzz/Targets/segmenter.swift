// Fuzz target: the segmenter (with and without a language), and the segmentation writers: offsets
// point back into the decoded text; the JSONL parses and its texts are the slices at its offsets.
import DocAlign

func fuzz(_ bytes: [UInt8]) {
  guard let source = decoded(bytes) else { return }
  let languages: [Language?] = [nil, Language.allCases[Int(bytes.first ?? 0) % Language.allCases.count]]
  for language in languages {
    do {
      let document = try harness.segmenter.segment(source, language: language)
      checkOffsets(document)
      let jsonl = try SegmentationWriter(format: .jsonl).string(document)
      require(checkJSONL(jsonl, source: document).count == document.sentences.count, "one JSONL line per unit")
      let text = try SegmentationWriter(format: .text).string(document)
      require(text.split(separator: "\n", omittingEmptySubsequences: false).count == document.sentences.count + 1, "one text line per unit")
    } catch {
      fatalError("segmenting decoded text failed: \(error)")
    }
  }
  checkOffsets(harness.segmenter.lines(of: source))
}
