// Fuzz target: TextDecoder. Any bytes are decoded or refused with a DocAlignError; decoded text
// is never empty, and its UTF-8 form decodes to the same text. (With a byte-order mark in front:
// a text may itself start with U+FEFF — a second BOM after the first — which a bare UTF-8 form
// would lose as its BOM.)
import DocAlign

func fuzz(_ bytes: [UInt8]) {
  guard let source = decoded(bytes) else { return }
  require(!source.text.isEmpty, "decoded text is not empty")
  do {
    let again = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(source.text.utf8), name: "again")
    require(again == source.text, "UTF-8 of the decoded text decodes to the same text")
  } catch {
    fatalError("invariant broken: the UTF-8 form of decoded text is refused: \(error)")
  }
}
