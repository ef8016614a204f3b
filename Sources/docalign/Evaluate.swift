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
      (name: URL(fileURLWithPath: goldPath).lastPathComponent,
       gold: try LinkEvaluation.beads(parsing: SourceText(contentsOf: goldPath).text, name: goldPath),
       test: try LinkEvaluation.scoredBeads(parsing: SourceText(contentsOf: testPath).text, name: testPath))
    }
    let e = LinkEvaluation(documents.map { ($0.gold, $0.test.map(\.bead)) })
    let nulls = NullEvaluation(documents.map { ($0.gold, $0.test.map(\.bead)) })
    let perDocument = documents.map { ($0.name, NullEvaluation([($0.gold, $0.test.map(\.bead))])) }
    let confidence = ConfidenceTable(documents.map { ($0.gold, $0.test) }, thresholds: ConfidenceTable.defaultThresholds)
    func figure(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "null" }
    if json {
      var fields = [
        String(format: "\"precision_strict\": %.4f, \"recall_strict\": %.4f, \"f1_strict\": %.4f, \"precision_lax\": %.4f, \"recall_lax\": %.4f, \"f1_lax\": %.4f, \"n_test_beads\": %d, \"n_gold_beads\": %d",
               e.strictPrecision, e.strictRecall, e.strictF1, e.laxPrecision, e.laxRecall, e.laxF1, e.testBeads, e.goldBeads),
        "\"null_accuracy\": \(figure(nulls.accuracy)), \"null_precision\": \(figure(nulls.precision)), \"n_gold_nulls\": \(nulls.goldNulls), \"n_test_nulls\": \(nulls.testNulls)",
      ]
      let docs = perDocument.map { name, n in
        "{\"document\": \"\(name)\", \"null_accuracy\": \(figure(n.accuracy)), \"null_precision\": \(figure(n.precision)), \"n_gold_nulls\": \(n.goldNulls), \"n_test_nulls\": \(n.testNulls)}"
      }
      fields.append("\"documents\": [\(docs.joined(separator: ", "))]")
      let rows = confidence.rows.map { r in
        String(format: "{\"min_score\": %.2f, \"kept\": %d, \"share_kept\": %.4f, \"precision_strict\": %.4f}", r.threshold, r.kept, r.shareKept, r.precision)
      }
      fields.append("\"confidence\": [\(rows.joined(separator: ", "))]")
      print("{" + fields.joined(separator: ", ") + "}")
    } else {
      print("|             |  Strict |    Lax  |")
      print(String(format: "| Precision   |   %.3f |   %.3f |", e.strictPrecision, e.laxPrecision))
      print(String(format: "| Recall      |   %.3f |   %.3f |", e.strictRecall, e.laxRecall))
      print(String(format: "| F1          |   %.3f |   %.3f |", e.strictF1, e.laxF1))
      print("beads: test \(e.testBeads)  gold \(e.goldBeads)")
      func percent(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "  -  " }
      print("")
      print("| document    | null accuracy | null precision | gold 1-0/0-1 | output 1-0/0-1 |")
      for (name, n) in perDocument + [("all", nulls)] {
        print("| \(name.padding(toLength: 11, withPad: " ", startingAt: 0)) |         \(percent(n.accuracy)) |          \(percent(n.precision)) | \(String(format: "%12d", n.goldNulls)) | \(String(format: "%14d", n.testNulls)) |")
      }
      print("")
      print("| min score | beads kept | share kept | strict precision |")
      for r in confidence.rows {
        print(String(format: "|      %.2f | %10d |      %.3f |            %.3f |", r.threshold, r.kept, r.shareKept, r.precision))
      }
    }
  }
}
