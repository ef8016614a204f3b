// Fuzz target: TextDecoder. Any bytes are decoded or refused with a DocAlignError; decoded text
// is never empty, and its UTF-8 form decodes to the same text.
import DocAlign

func fuzz(_ bytes: [UInt8]) {
  guard let source = decoded(bytes) else { return }
  require(source.text.unicodeScalars.contains { !$0.properties.isWhitespace && $0 != "\u{FEFF}" && $0 != "\u{200B}" } || !source.text.isEmpty, "decoded text is not empty")
  do {
    let again = try TextDecoder.decode(Array(source.text.utf8), name: "again")
    require(again == source.text, "UTF-8 of the decoded text decodes to the same text")
  } catch {
    fatalError("invariant broken: the UTF-8 form of decoded text is refused: \(error)")
  }
}
