import Foundation

/// Parallel mode: aligns two translations of the same text monotonically, with beads of up to
/// four sentences a side (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1, 2-3, 3-2) and deletions and
/// insertions (1-0, 0-1).
///
/// A bead's similarity combines lexical agreement (the zh↔en lexicon, numbers, Latin tokens,
/// shared words: the F1 of the two sides' weighted coverage) with length agreement (characters,
/// scaled by the pair's overall ratio, as `log2(1 + short/long)`). Search is coarse to fine:
/// a first pass chains confident 1-1 anchors (candidates from a rare-word index and a diagonal
/// window), a second pass runs the full dynamic programme in a band around that chain, so time
/// and memory grow linearly with the text.
public struct ParallelAligner: Sendable {
  /// Weights and search settings.
  public struct Configuration: Sendable {
    /// Weight of lexical agreement against length agreement.
    public var lexicalWeight = 0.65
    /// Half-width of the band of the second pass, in sentences.
    public var band = 12
    /// Half-width of the diagonal window of the first pass.
    public var anchorWindow = 20
    /// Percentile of random sentence pairs' similarity that a deletion or insertion scores
    /// (per sentence, half a 1-1 bead): leaving a sentence out is worth about the poorest chance
    /// match, so sentences are dropped only when nothing fits them.
    public var skipPercentile = 0.05
    /// Percentile of random pairs' similarity a pair must beat to serve as an anchor in the
    /// first pass (anchors must be confident: most pairs near the diagonal are not partners).
    public var anchorPercentile = 0.9
    /// Rounds of the first pass (each follows the previous round's chain).
    public var anchorRounds = 3
    /// Penalty per extra sentence in a bead, beyond 1-1 (a merge must earn its keep).
    public var mergePenalty = 0.15
    /// Bonus for a bead whose sentences are all headings on both sides, or that both open a
    /// paragraph (structure as anchors).
    public var structureBonus = 0.05
    /// How a concept with several alternative words (a Chinese word's glosses) is weighted:
    /// by its rarest word, or by its commonest (gloss lists carry rare readings that would
    /// otherwise give a common word a rare word's weight).
    public var weightByCommonestAlternative = true
    /// The defaults.
    public init() {}
  }

  /// The bead shapes allowed, (source, target).
  static let beadShapes: [(Int, Int)] = [
    (1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (2, 3), (3, 2),
  ]

  let configuration: Configuration
  let extractor: ConceptExtractor

  /// An aligner with a zh→en lexicon (nil for other language pairs: length + shared tokens).
  public init(lexicon: Lexicon?, english: EnglishWords, configuration: Configuration = Configuration()) {
    self.configuration = configuration
    extractor = ConceptExtractor(lexicon: lexicon, english: english)
  }

  /// Aligns `source` with `target`.
  public func align(source: Document, target: Document) -> Bitext {
    let features = PairFeatures(source: source, target: target, extractor: extractor, commonest: configuration.weightByCommonestAlternative)
    let n = source.sentences.count, m = target.sentences.count
    guard n > 0 && m > 0 else {
      let units = (0..<n).map { AlignmentUnit.unaligned(source: [$0], target: []) }
        + (0..<m).map { AlignmentUnit.unaligned(source: [], target: [$0]) }
      return Bitext(source: source, target: target, units: units, thresholds: AlignmentThresholds())
    }
    var cache = PairCache(features: features)
    let skip = skipScore(features, &cache, percentile: configuration.skipPercentile)
    let anchorLevel = skipScore(features, &cache, percentile: configuration.anchorPercentile)
    // The first pass, repeated: each round centres its windows on the previous round's chain
    // (the first round on the diagonal), so that drift on long texts is followed.
    var centres = (0..<n).map { Int((Double($0) + 0.5) * Double(m) / Double(n)) }
    var anchors: [(Int, Int)] = []
    for _ in 0..<configuration.anchorRounds {
      anchors = anchorChain(features, &cache, skip: anchorLevel, centres: centres)
      let interpolated = Self.interpolate(anchors, n: n, m: m)
      centres = (0..<n).map { Int(interpolated[$0].rounded()) }
    }
    let beads = bandedDP(features, &cache, anchors: anchors, skip: skip)
    let units = beads.map { bead -> AlignmentUnit in
      AlignmentUnit(
        source: Array(bead.source), target: Array(bead.target), score: bead.score, speakerSource: nil,
        speakerTarget: nil, section: nil, mentions: [])
    }
    return Bitext(source: source, target: target, units: units, thresholds: AlignmentThresholds(skip: skip))
  }

  // MARK: - Scores

  /// Similarity in [0, 1] of source sentences `s` and target sentences `t`.
  func similarity(_ s: Range<Int>, _ t: Range<Int>, _ f: PairFeatures, _ cache: inout PairCache) -> Double {
    var sourceCovered = 0.0, sourceTotal = 0.0, targetCovered = 0.0, targetTotal = 0.0
    for i in s {
      var mask: UInt64 = 0
      for j in t { mask |= cache.masks(i, j).source }
      sourceCovered += f.source[i].weight(of: mask)
      sourceTotal += f.source[i].totalWeight
    }
    for j in t {
      var mask: UInt64 = 0
      for i in s { mask |= cache.masks(i, j).target }
      targetCovered += f.target[j].weight(of: mask)
      targetTotal += f.target[j].totalWeight
    }
    let a = sourceTotal > 0 ? sourceCovered / sourceTotal : 0
    let b = targetTotal > 0 ? targetCovered / targetTotal : 0
    let lexical = a + b > 0 ? 2 * a * b / (a + b) : 0
    let ls = s.reduce(0.0) { $0 + f.source[$1].length } * f.lengthRatio
    let lt = t.reduce(0.0) { $0 + f.target[$1].length }
    let length = ls + lt > 0 ? log2(1 + min(ls, lt) / max(max(ls, lt), 1)) : 0
    var score = configuration.lexicalWeight * lexical + (1 - configuration.lexicalWeight) * length
    if s.allSatisfy({ f.source[$0].isHeading }) && t.allSatisfy({ f.target[$0].isHeading }) {
      score += configuration.structureBonus
    } else if let i = s.first, let j = t.first, f.source[i].opensParagraph && f.target[j].opensParagraph {
      score += configuration.structureBonus
    }
    return min(score, 1)
  }

  /// What a bead adds to the path: similarity weighted by the sentences it covers, less a
  /// penalty for merging.
  func beadScore(_ s: Range<Int>, _ t: Range<Int>, _ f: PairFeatures, _ cache: inout PairCache, skip: Double) -> Double {
    if s.isEmpty || t.isEmpty { return skip * 0.5 * Double(s.count + t.count) }
    let sentences = Double(s.count + t.count)
    return similarity(s, t, f, &cache) * sentences / 2 - configuration.mergePenalty * (sentences - 2)
  }

  /// The similarity level of unrelated sentence pairs (a percentile over sampled pairs).
  func skipScore(_ f: PairFeatures, _ cache: inout PairCache, percentile: Double) -> Double {
    let n = f.source.count, m = f.target.count
    guard n > 2 && m > 2 else { return 0.2 }
    var samples: [Double] = []
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<min(400, n * m) {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      let i = Int((state >> 33) % UInt64(n))
      state = state &* 6364136223846793005 &+ 1442695040888963407
      var j = Int((state >> 33) % UInt64(m))
      // Far from the diagonal: unrelated pairs.
      let expected = i * m / n
      if abs(j - expected) < max(3, m / 10) { j = (expected + m / 2) % m }
      samples.append(similarity(i..<(i + 1), j..<(j + 1), f, &cache))
    }
    samples.sort()
    return samples[min(samples.count - 1, Int(Double(samples.count) * percentile))]
  }

  // MARK: - First pass: 1-1 anchors

  /// The best monotone chain of confident 1-1 pairs (weighted longest increasing subsequence);
  /// a pair counts by how far its similarity exceeds `skip`, the anchor level.
  func anchorChain(_ f: PairFeatures, _ cache: inout PairCache, skip: Double, centres: [Int]) -> [(Int, Int)] {
    let m = f.target.count
    var candidates: [(i: Int, j: Int, score: Double)] = []
    let window = configuration.anchorWindow
    // Rare-word candidates are looked for in a wide neighbourhood of the diagonal (local drift
    // on long texts), not in the whole text (where repeated passages would mislead them).
    let reach = max(400, m / 20)
    for (i, expected) in centres.enumerated() {
      var js = Set((max(0, expected - window)...min(m - 1, expected + window)))
      for j in f.rareWordCandidates(forSource: i, limit: 5, near: expected, within: reach) { js.insert(j) }
      for j in js {
        let score = similarity(i..<(i + 1), j..<(j + 1), f, &cache) - skip
        if score > 0 { candidates.append((i, j, score)) }
      }
    }
    // Weighted LIS over j, in order of i (ties in i processed with descending j).
    candidates.sort { $0.i != $1.i ? $0.i < $1.i : $0.j > $1.j }
    var tree = [(score: Double, index: Int)](repeating: (0, -1), count: m + 1)
    var best = [Double](repeating: 0, count: candidates.count)
    var previous = [Int](repeating: -1, count: candidates.count)
    func query(_ j: Int) -> (Double, Int) {  // best chain ending at target < j
      var k = j, result: (Double, Int) = (0, -1)
      while k > 0 {
        if tree[k].score > result.0 { result = (tree[k].score, tree[k].index) }
        k -= k & -k
      }
      return result
    }
    func update(_ j: Int, _ value: Double, _ index: Int) {
      var k = j + 1
      while k <= m {
        if value > tree[k].score { tree[k] = (value, index) }
        k += k & -k
      }
    }
    var bestEnd = (-1.0, -1)
    for (k, c) in candidates.enumerated() {
      let (prefix, from) = query(c.j)
      best[k] = prefix + c.score
      previous[k] = from
      update(c.j, best[k], k)
      if best[k] > bestEnd.0 { bestEnd = (best[k], k) }
    }
    var chain: [(Int, Int)] = []
    var k = bestEnd.1
    while k >= 0 {
      chain.append((candidates[k].i, candidates[k].j))
      k = previous[k]
    }
    return chain.reversed()
  }

  /// The target position for each source position 0...n, interpolated between anchors and
  /// pinned at (0, 0) and (n, m).
  static func interpolate(_ anchors: [(Int, Int)], n: Int, m: Int) -> [Double] {
    let points = [(0, 0)] + anchors + [(n, m)]
    var centre = [Double](repeating: 0, count: n + 1)
    for k in 0..<(points.count - 1) {
      let (i0, j0) = points[k], (i1, j1) = points[k + 1]
      guard i1 > i0 else { continue }
      for i in i0...i1 { centre[i] = Double(j0) + Double(j1 - j0) * Double(i - i0) / Double(i1 - i0) }
    }
    return centre
  }

  // MARK: - Second pass: banded DP

  struct Bead {
    var source: Range<Int>
    var target: Range<Int>
    var score: Double
  }

  func bandedDP(_ f: PairFeatures, _ cache: inout PairCache, anchors: [(Int, Int)], skip: Double) -> [Bead] {
    let n = f.source.count, m = f.target.count
    let centre = Self.interpolate(anchors, n: n, m: m)
    let band = configuration.band
    var low = [Int](repeating: 0, count: n + 1), high = [Int](repeating: 0, count: n + 1)
    for i in 0...n {
      low[i] = max(0, Int(centre[i].rounded(.down)) - band)
      high[i] = min(m, Int(centre[i].rounded(.up)) + band)
    }
    // Jumps between anchors can be steep: keep consecutive bands overlapping.
    for i in 1...n {
      low[i] = min(low[i], high[i - 1])
      high[i - 1] = max(high[i - 1], low[i])
    }
    low[0] = 0
    high[n] = m
    let shapes = Self.beadShapes
    var score = (0...n).map { [Double](repeating: -.infinity, count: high[$0] - low[$0] + 1) }
    var back = (0...n).map { [Int8](repeating: -1, count: high[$0] - low[$0] + 1) }
    score[0][0] = 0
    for i in 0...n {
      for j in low[i]...high[i] where !(i == 0 && j == 0) {
        var bestScore = -Double.infinity
        var bestShape: Int8 = -1
        for (k, (x, y)) in shapes.enumerated() {
          let pi = i - x, pj = j - y
          guard pi >= 0, pj >= 0, pj >= low[pi], pj <= high[pi] else { continue }
          let base = score[pi][pj - low[pi]]
          guard base > -.infinity else { continue }
          let value = base + beadScore(pi..<i, pj..<j, f, &cache, skip: skip)
          if value > bestScore { bestScore = value; bestShape = Int8(k) }
        }
        score[i][j - low[i]] = bestScore
        back[i][j - low[i]] = bestShape
      }
    }
    var beads: [Bead] = []
    var i = n, j = m
    while i > 0 || j > 0 {
      let k = Int(back[i][j - low[i]])
      guard k >= 0 else { break }
      let (x, y) = shapes[k]
      let s = (i - x)..<i, t = (j - y)..<j
      let beadSimilarity = x > 0 && y > 0 ? similarity(s, t, f, &cache) : 0
      beads.append(Bead(source: s, target: t, score: beadSimilarity))
      i -= x
      j -= y
    }
    return beads.reversed()
  }
}

extension AlignmentUnit {
  static func unaligned(source: [Int], target: [Int]) -> AlignmentUnit {
    AlignmentUnit(source: source, target: target, score: 0, speakerSource: nil, speakerTarget: nil, section: nil, mentions: [])
  }
}

/// What the parallel aligner knows of each sentence: its concepts (as word ids, at most 64),
/// their weights, its length, and whether it is a heading or opens a paragraph.
struct PairFeatures {
  struct Side {
    /// Word ids of each concept (alternatives).
    var concepts: [[Int32]]
    var weights: [Double]
    var totalWeight: Double
    /// Word id → bit of the concept holding it (for the other side's look-ups).
    var bits: [Int32: UInt64]
    var length: Double
    var isHeading: Bool
    var opensParagraph: Bool

    func weight(of mask: UInt64) -> Double {
      var total = 0.0, rest = mask
      while rest != 0 {
        let bit = rest.trailingZeroBitCount
        total += weights[bit]
        rest &= rest - 1
      }
      return total
    }
  }

  var source: [Side] = []
  var target: [Side] = []
  /// target characters / source characters over the whole pair.
  var lengthRatio = 1.0
  /// Rare word id → target sentences holding it.
  private var targetIndex: [Int32: [Int32]] = [:]
  private var rareWords = Set<Int32>()

  init(source sourceDocument: Document, target targetDocument: Document, extractor: ConceptExtractor, commonest: Bool = false) {
    var ids: [String: Int32] = [:]
    func id(_ word: String) -> Int32 {
      if let known = ids[word] { return known }
      let new = Int32(ids.count)
      ids[word] = new
      return new
    }
    func concepts(_ document: Document) -> [[[Int32]]] {
      document.sentences.map { sentence in
        extractor.concepts(document.text(of: sentence), language: sentence.language).prefix(64).map { $0.alternatives.map(id) }
      }
    }
    let sourceConcepts = concepts(sourceDocument), targetConcepts = concepts(targetDocument)
    // Rarity of each word over both sides' sentences (a word in a concept counts once).
    var frequency: [Int32: Int] = [:]
    for sentence in sourceConcepts + targetConcepts {
      for word in Set(sentence.flatMap { $0 }) { frequency[word, default: 0] += 1 }
    }
    let total = Double(sourceConcepts.count + targetConcepts.count)
    func idf(_ word: Int32) -> Double { log((total + 1) / (Double(frequency[word] ?? 0) + 0.5)) }
    func side(_ document: Document, _ all: [[[Int32]]]) -> [Side] {
      var previousParagraph = -1
      return zip(document.sentences, all).map { sentence, concepts in
        let weights = concepts.map { alternatives -> Double in
          let present = alternatives.filter { (frequency[$0] ?? 0) > 1 }.map(idf)
          let chosen = commonest ? (present.min() ?? alternatives.map(idf).max()) : alternatives.map(idf).max()
          return max(chosen ?? 0, 0.1)
        }
        var bits: [Int32: UInt64] = [:]
        for (k, alternatives) in concepts.enumerated() { for word in alternatives { bits[word, default: 0] |= 1 << UInt64(k) } }
        let text = document.text(of: sentence)
        let opens = sentence.paragraph != previousParagraph
        previousParagraph = sentence.paragraph
        return Side(
          concepts: concepts, weights: weights, totalWeight: weights.reduce(0, +), bits: bits,
          length: Double(text.unicodeScalars.filter { !isBlank($0) }.count), isHeading: sentence.kind == .heading,
          opensParagraph: opens)
      }
    }
    source = side(sourceDocument, sourceConcepts)
    target = side(targetDocument, targetConcepts)
    let sourceLength = source.reduce(0) { $0 + $1.length }, targetLength = target.reduce(0) { $0 + $1.length }
    lengthRatio = sourceLength > 0 && targetLength > 0 ? targetLength / sourceLength : 1
    // Rare words (in at most 2% of sentences, and at most 40, so that the cost per sentence
    // stays bounded on long texts): the first pass's candidates.
    let limit = min(40, max(2, Int(total * 0.02)))
    rareWords = Set(frequency.filter { $0.value <= limit }.map(\.key))
    for (j, concepts) in targetConcepts.enumerated() {
      for word in Set(concepts.flatMap { $0 }) where rareWords.contains(word) {
        targetIndex[word, default: []].append(Int32(j))
      }
    }
  }

  /// Target sentences within `within` of `near` sharing the most rare words with source
  /// sentence `i`.
  func rareWordCandidates(forSource i: Int, limit: Int, near centre: Int, within distance: Int) -> [Int] {
    var counts: [Int32: Int] = [:]
    for word in Set(source[i].concepts.flatMap { $0 }) where rareWords.contains(word) {
      for j in targetIndex[word] ?? [] where abs(Int(j) - centre) <= distance { counts[j, default: 0] += 1 }
    }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map { Int($0.key) }
  }
}

/// Which concepts of a source sentence a target sentence covers, and which of the target's
/// words the source covers, for each pair looked at (computed once).
struct PairCache {
  let features: PairFeatures
  private var store: [Int: (source: UInt64, target: UInt64)] = [:]

  init(features: PairFeatures) { self.features = features }

  mutating func masks(_ i: Int, _ j: Int) -> (source: UInt64, target: UInt64) {
    let key = i &* 1_000_003 &+ j
    if let known = store[key] { return known }
    let s = features.source[i], t = features.target[j]
    var sourceMask: UInt64 = 0, targetMask: UInt64 = 0
    for (k, alternatives) in s.concepts.enumerated() {
      for word in alternatives {
        if let bits = t.bits[word] {
          sourceMask |= 1 << UInt64(k)
          targetMask |= bits
        }
      }
    }
    store[key] = (sourceMask, targetMask)
    return (sourceMask, targetMask)
  }
}
