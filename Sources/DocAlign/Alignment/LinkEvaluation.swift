import Foundation

/// Strict and lax precision, recall and F1 of sentence links, as Vecalign's `score.py` and
/// Bertalign's evaluation define them (after Sennrich & Volk):
///
/// - precision over all test beads (1-0 and 0-1 included): a bead is a strict hit when it is
///   identical to a gold bead; a lax hit when identical, or when the gold partners of one of its
///   source sentences meet its target sentences; a test deletion that is not a gold deletion is a
///   miss both ways;
/// - recall: the same with gold and test swapped, 1-0 and 0-1 beads dropped from both;
/// - counts pooled over all documents (micro-average), then F1 = 2PR / (P + R).
public struct LinkEvaluation: Sendable, Equatable {
  /// A bead: source and target sentence indices.
  public typealias Bead = (source: [Int], target: [Int])

  public var strictPrecision = 0.0, strictRecall = 0.0, strictF1 = 0.0
  public var laxPrecision = 0.0, laxRecall = 0.0, laxF1 = 0.0
  public var testBeads = 0, goldBeads = 0

  /// Scores documents: `pairs` holds (gold beads, test beads) per document.
  public init(_ pairs: [(gold: [Bead], test: [Bead])]) {
    var precision = [0, 0, 0, 0], recall = [0, 0, 0, 0]
    for (gold, test) in pairs {
      let p = Self.counts(gold: gold, test: test)
      let r = Self.counts(gold: test.filter { !$0.source.isEmpty && !$0.target.isEmpty },
                          test: gold.filter { !$0.source.isEmpty && !$0.target.isEmpty })
      for k in 0..<4 { precision[k] += p[k]; recall[k] += r[k] }
      testBeads += test.count
      goldBeads += gold.count
    }
    func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
    func f1(_ p: Double, _ r: Double) -> Double { p + r > 0 ? 2 * p * r / (p + r) : 0 }
    strictPrecision = ratio(precision[0], precision[0] + precision[1])
    laxPrecision = ratio(precision[2], precision[2] + precision[3])
    strictRecall = ratio(recall[0], recall[0] + recall[1])
    laxRecall = ratio(recall[2], recall[2] + recall[3])
    strictF1 = f1(strictPrecision, strictRecall)
    laxF1 = f1(laxPrecision, laxRecall)
  }

  /// [strict hits, strict misses, lax hits, lax misses] of `test` against `gold`.
  static func counts(gold: [Bead], test: [Bead]) -> [Int] {
    struct Key: Hashable { let s: [Int]; let t: [Int] }
    let testSet = Set(test.filter { !$0.source.isEmpty || !$0.target.isEmpty }.map { Key(s: $0.source, t: $0.target) })
    let goldSet = Set(gold.filter { !$0.source.isEmpty || !$0.target.isEmpty }.map { Key(s: $0.source, t: $0.target) })
    var partners: [Int: Set<Int>] = [:]
    for bead in goldSet { for s in bead.s { partners[s, default: []].formUnion(bead.t) } }
    var result = [0, 0, 0, 0]
    for bead in testSet {
      if goldSet.contains(bead) {
        result[0] += 1
        result[2] += 1
        continue
      }
      result[1] += 1
      var goldTargets = Set<Int>()
      for s in bead.s { goldTargets.formUnion(partners[s] ?? []) }
      if !goldTargets.isDisjoint(with: bead.t) { result[2] += 1 } else { result[3] += 1 }
    }
    return result
  }

  /// Reads beads in the link format: `[0,1]:[0]` (a score after a second colon is ignored).
  /// - Throws: ``DocAlignError/unsupportedInput(path:reason:)`` naming the line.
  public static func beads(parsing text: String, name: String) throws -> [Bead] {
    try scoredBeads(parsing: text, name: name).map(\.bead)
  }

  /// Reads beads in the link format with their scores: `[0,1]:[0]:0.8731` (nil when a line has
  /// no score).
  /// - Throws: ``DocAlignError/unsupportedInput(path:reason:)`` naming the line.
  public static func scoredBeads(parsing text: String, name: String) throws -> [(bead: Bead, score: Double?)] {
    var beads: [(bead: Bead, score: Double?)] = []
    for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      let parts = trimmed.split(separator: "]", maxSplits: 2, omittingEmptySubsequences: false)
      guard parts.count >= 2, parts[0].hasPrefix("["),
        let colon = parts[1].firstIndex(of: ":"), parts[1][parts[1].index(after: colon)...].trimmingCharacters(in: .whitespaces).hasPrefix("[")
      else {
        throw DocAlignError.unsupportedInput(path: name, reason: "line \(k + 1) is not a bead such as [0,1]:[2]: '\(trimmed)'")
      }
      func ids(_ s: Substring) throws -> [Int] {
        try s.split(separator: ",").map { part in
          guard let value = Int(part.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw DocAlignError.unsupportedInput(path: name, reason: "line \(k + 1): '\(part)' is not a sentence index")
          }
          return value
        }
      }
      let source = try ids(parts[0].dropFirst())
      let afterColon = parts[1][parts[1].index(after: colon)...].trimmingCharacters(in: .whitespaces).dropFirst()
      var score: Double?
      if parts.count == 3 {
        let rest = parts[2].trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix(":") {
          guard let value = Double(rest.dropFirst().trimmingCharacters(in: .whitespaces)) else {
            throw DocAlignError.unsupportedInput(path: name, reason: "line \(k + 1): '\(rest.dropFirst())' is not a score")
          }
          score = value
        }
      }
      beads.append(((source, try ids(Substring(afterColon))), score))
    }
    return beads
  }

  public static func == (a: LinkEvaluation, b: LinkEvaluation) -> Bool {
    a.strictF1 == b.strictF1 && a.laxF1 == b.laxF1 && a.strictPrecision == b.strictPrecision
      && a.strictRecall == b.strictRecall && a.laxPrecision == b.laxPrecision && a.laxRecall == b.laxRecall
  }
}

/// How well an alignment keeps sentences that have no counterpart out of beads: of the gold 1-0
/// and 0-1 beads, the share that the output has exactly (null accuracy, the recall of
/// omissions), and of the output's 1-0 and 0-1 beads, the share that are gold ones (null
/// precision).
public struct NullEvaluation: Sendable, Equatable {
  /// Gold 1-0/0-1 beads, and how many of them the output has.
  public var goldNulls = 0, foundNulls = 0
  /// Output 1-0/0-1 beads, and how many of them are gold ones.
  public var testNulls = 0, correctNulls = 0

  /// Share of gold 1-0/0-1 beads found; nil when the gold has none.
  public var accuracy: Double? { goldNulls > 0 ? Double(foundNulls) / Double(goldNulls) : nil }
  /// Share of output 1-0/0-1 beads that are gold ones; nil when the output has none.
  public var precision: Double? { testNulls > 0 ? Double(correctNulls) / Double(testNulls) : nil }

  /// Pools documents: `pairs` holds (gold beads, test beads) per document.
  public init(_ pairs: [(gold: [LinkEvaluation.Bead], test: [LinkEvaluation.Bead])]) {
    struct Key: Hashable { let s: [Int]; let t: [Int] }
    func nulls(_ beads: [LinkEvaluation.Bead]) -> Set<Key> {
      // A multi-sentence deletion such as [3,4]:[] counts as one null bead per sentence.
      var result = Set<Key>()
      for bead in beads where bead.source.isEmpty != bead.target.isEmpty {
        for s in bead.source { result.insert(Key(s: [s], t: [])) }
        for t in bead.target { result.insert(Key(s: [], t: [t])) }
      }
      return result
    }
    for (gold, test) in pairs {
      let g = nulls(gold), t = nulls(test)
      let common = g.intersection(t).count
      goldNulls += g.count
      testNulls += t.count
      foundNulls += common
      correctNulls += common
    }
  }
}

/// Confidence against precision: for score thresholds S, the share of the output's aligned
/// beads (1-0 and 0-1 left out: they carry no pair) scoring at least S, and the strict precision
/// of those kept (identical to a gold bead).
public struct ConfidenceTable: Sendable {
  /// One threshold's figures.
  public struct Row: Sendable, Equatable {
    /// The threshold S.
    public var threshold: Double
    /// Aligned beads scoring ≥ S.
    public var kept: Int
    /// Aligned beads in all.
    public var total: Int
    /// Kept beads identical to a gold bead.
    public var correct: Int
    /// kept / total.
    public var shareKept: Double { total > 0 ? Double(kept) / Double(total) : 0 }
    /// correct / kept (1 when nothing is kept).
    public var precision: Double { kept > 0 ? Double(correct) / Double(kept) : 1 }
  }

  /// The rows, one per threshold, in the order given.
  public var rows: [Row]

  /// Pools documents: `pairs` holds (gold beads, scored test beads) per document; a test bead
  /// without a score counts as scoring 0.
  public init(_ pairs: [(gold: [LinkEvaluation.Bead], test: [(bead: LinkEvaluation.Bead, score: Double?)])], thresholds: [Double]) {
    struct Key: Hashable { let s: [Int]; let t: [Int] }
    var scored: [(score: Double, correct: Bool)] = []
    for (gold, test) in pairs {
      let goldSet = Set(gold.map { Key(s: $0.source, t: $0.target) })
      for (bead, score) in test where !bead.source.isEmpty && !bead.target.isEmpty {
        scored.append((score ?? 0, goldSet.contains(Key(s: bead.source, t: bead.target))))
      }
    }
    rows = thresholds.map { s in
      let kept = scored.filter { $0.score >= s }
      return Row(threshold: s, kept: kept.count, total: scored.count, correct: kept.filter(\.correct).count)
    }
  }

  /// The thresholds of the printed table: 0 to 0.9 by 0.05.
  public static let defaultThresholds: [Double] = (0...18).map { Double($0) * 0.05 }
}
