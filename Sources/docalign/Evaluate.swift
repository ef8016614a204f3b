import ArgumentParser
import DocAlign
import Foundation

struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score a summary alignment (JSONL) against a gold file.",
    discussion: """
      Figures: link_p, link_r, link_f1 (character-level, over the linked full-text characters), \
      exact, null_acc, speaker_acc, list_p, list_r, unlocated — defined in the README \
      ("Evaluating"), and computed as DocAlign's reference scorer computes them.
      """
  )

  @Argument(help: "The page (or the summary file, with --target-document).")
  var document: String

  @Argument(help: "The gold file (JSONL: a header line, then one record per summary sentence).")
  var gold: String

  @Argument(help: "The alignment to score (JSONL from docalign align).")
  var alignment: String

  @Option(help: "The full-text file, when summary and full text are two files.")
  var targetDocument: String?

  @Flag(help: "Print the figures as one JSON object.")
  var json = false

  func run() throws {
    try reportingErrors {
      func read(_ path: String) throws -> String { try SourceText(contentsOf: path).text }
      let evaluation = try SummaryEvaluation(
        document: read(document), targetDocument: try targetDocument.map(read), gold: read(gold),
        alignment: read(alignment), goldName: gold, alignmentName: alignment)
      if json {
        print(evaluation.json)
      } else {
        let object = evaluation.json.dropFirst().dropLast().components(separatedBy: ", ")
        for pair in object {
          let parts = pair.split(separator: ":", maxSplits: 1)
          let key = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
          let value = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
          print(String(repeating: " ", count: max(0, 32 - key.count)) + key + ": " + (value == "null" ? "None" : value))
        }
      }
    }
  }
}
