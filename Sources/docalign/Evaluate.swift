import ArgumentParser
import DocAlign
import Foundation

struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score a summary alignment (JSONL) against a gold file.",
    discussion: """
      Figures: link_p, link_r, link_f1 (character-level, over the linked full-text characters), \
      exact, null_acc, speaker_acc, list_p, list_r, unlocated — defined in the README, section \
      "docalign evaluate", and computed as DocAlign's reference scorer computes them. With \
      --links: strict and lax precision, recall and F1 of sentence links (the same section).
      """
  )

  @Argument(help: "Summary mode: the page (or the summary file, with --target-document). With --links: the gold links (a file or a directory).")
  var document: String

  @Argument(help: "Summary mode: the gold file (JSONL). With --links: the links to score (a file, or a directory of files named as the gold ones).")
  var gold: String

  @Argument(help: "Summary mode: the alignment to score (JSONL from docalign align).")
  var alignment: String?

  @Flag(help: "Score sentence links ([0,1]:[2] per line) with strict and lax precision, recall and F1, as Vecalign and Bertalign define them.")
  var links = false

  @Option(help: "The full-text file, when summary and full text are two files.")
  var targetDocument: String?

  @Flag(help: "Print the figures as one JSON object.")
  var json = false

  func run() throws {
    try reportingErrors {
      if links { return try evaluateLinks(gold: document, test: gold) }
      guard let alignment else {
        throw DocAlignError.invalidRequest("evaluate needs DOCUMENT GOLD ALIGNMENT (or --links GOLD PREDICTED)")
      }
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

  /// Strict and lax figures over one file pair or two directories (files paired by name).
  private func evaluateLinks(gold: String, test: String) throws {
    var isDirectory: ObjCBool = false
    let pairs: [(String, String)]
    if FileManager.default.fileExists(atPath: gold, isDirectory: &isDirectory), isDirectory.boolValue {
      let names = try FileManager.default.contentsOfDirectory(atPath: gold).filter { !$0.hasPrefix(".") }.sorted()
      guard !names.isEmpty else { throw DocAlignError.unsupportedInput(path: gold, reason: "the gold directory holds no files") }
      pairs = names.map { ("\(gold)/\($0)", "\(test)/\($0)") }
    } else {
      pairs = [(gold, test)]
    }
    let documents = try pairs.map { goldPath, testPath in
      (gold: try LinkEvaluation.beads(parsing: SourceText(contentsOf: goldPath).text, name: goldPath),
       test: try LinkEvaluation.beads(parsing: SourceText(contentsOf: testPath).text, name: testPath))
    }
    let e = LinkEvaluation(documents)
    if json {
      print(String(format: "{\"precision_strict\": %.4f, \"recall_strict\": %.4f, \"f1_strict\": %.4f, \"precision_lax\": %.4f, \"recall_lax\": %.4f, \"f1_lax\": %.4f, \"n_test_beads\": %d, \"n_gold_beads\": %d}",
                   e.strictPrecision, e.strictRecall, e.strictF1, e.laxPrecision, e.laxRecall, e.laxF1, e.testBeads, e.goldBeads))
    } else {
      print("|             |  Strict |    Lax  |")
      print(String(format: "| Precision   |   %.3f |   %.3f |", e.strictPrecision, e.laxPrecision))
      print(String(format: "| Recall      |   %.3f |   %.3f |", e.strictRecall, e.laxRecall))
      print(String(format: "| F1          |   %.3f |   %.3f |", e.strictF1, e.laxF1))
      print("beads: test \(e.testBeads)  gold \(e.goldBeads)")
    }
  }
}
