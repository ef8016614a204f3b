import Foundation

/// Parallel mode: aligns two translations of the same text monotonically, with beads of up to
/// four sentences a side (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1, 2-3, 3-2) and deletions and
/// insertions (1-0, 0-1).
///
/// A bead's similarity combines lexical agreement (the zh↔en lexicon, a lexicon learned from the
/// texts themselves, numbers, Latin tokens, shared words: the F1 of the two sides' weighted
/// coverage) with length agreement (characters, scaled by the pair's overall ratio, as
/// `log2(1 + short/long)`).
///
/// Omission is modelled from the texts: each sentence's chance level is the median similarity of
/// that sentence to random sentences of the other side far from the alignment path. A bead adds
/// to the path its similarity above the mean chance level of its sentences (each bead once,
/// whatever its size, so a merge must keep the similarity up); leaving a sentence out costs half
/// the spread (standard deviation) of random pairs' similarity, so a pair is given up only when it
/// scores clearly below chance, not merely near it. No per-corpus constant.
///
/// Search is coarse to fine: a first pass chains confident 1-1 anchors (candidates from a
/// rare-word index and a diagonal window), a banded dynamic programme aligns around that chain;
/// the confident beads of that alignment teach a word-translation model (``LearnedLexicon``,
/// IBM Model 1), and a second banded programme realigns with it, so time and memory grow
/// linearly with the text. Each aligned bead's score is a confidence: how much better the best
/// path is than the best path without that bead (forward and backward scores of the programme),
/// in units of the spread of chance similarity.
public struct ParallelAligner: Sendable {
  /// Weights and search settings.
  public struct Configuration: Sendable {
    /// Weight of lexical agreement against length agreement.
    public var lexicalWeight = 0.65
    /// Half-width of the band of the dynamic programme, in sentences.
    public var band = 12
    /// Half-width of the diagonal window of the first pass.
    public var anchorWindow = 20
    /// Percentile of a sentence's similarity to random sentences of the other side (far from the
    /// path) that is its chance level, what leaving it out is worth.
    public var chancePercentile = 0.5
    /// Random partners sampled per sentence for its chance level.
    public var chanceSamples = 24
    /// Percentile of random pairs' similarity a pair must beat to serve as an anchor in the
    /// first pass (anchors must be confident: most pairs near the diagonal are not partners).
    public var anchorPercentile = 0.9
    /// Rounds of the first pass (each follows the previous round's chain).
    public var anchorRounds = 3
    /// Bonus for a bead whose sentences are all headings on both sides, or that both open a
    /// paragraph (structure as anchors).
    public var structureBonus = 0.05
    /// How a concept with several alternative words (a Chinese word's glosses) is weighted:
    /// by its rarest word, or by its commonest (gloss lists carry rare readings that would
    /// otherwise give a common word a rare word's weight).
    public var weightByCommonestAlternative = true
    /// Learn a word-translation model from the first alignment and realign with it (only while
    /// ``bridges`` holds ``LexicalBridges/learnedLexicon``, as it does by default).
    public var learnsLexicon = true
    /// The lexical bridges used for French, Spanish, Russian and Arabic text (all by default;
    /// see ``LexicalBridges``).
    public var bridges: LexicalBridges = .all
    /// The defaults.
    public init() {}
  }

  /// The bead shapes allowed, (source, target).
  static let beadShapes: [(Int, Int)] = [
    (1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (2, 3), (3, 2),
  ]

  let configuration: Configuration
  let extractor: ConceptExtractor
  /// A lexicon learned beforehand (over an archive), used in both passes.
  let learnedLexicon: LearnedLexicon?

  /// An aligner with a zh→en lexicon (nil for other language pairs: the learned lexicon, length
  /// and shared tokens), and optionally a lexicon learned beforehand over many documents (used
  /// in either direction: its languages are matched with the documents').
  public init(
    lexicon: Lexicon?, english: EnglishWords, learnedLexicon: LearnedLexicon? = nil,
    configuration: Configuration = Configuration()
  ) {
    self.configuration = configuration
    self.learnedLexicon = learnedLexicon
    extractor = ConceptExtractor(lexicon: lexicon, english: english, bridges: configuration.bridges)
  }

  /// Aligns `source` with `target`.
  public func align(source: Document, target: Document) -> Bitext {
    alignment(source: source, target: target).bitext
  }

  /// Aligns `source` with `target` and returns the lexicon learned from them on the way (nil when
  /// learning is off or the texts are empty).
  public func alignment(source: Document, target: Document) -> (bitext: Bitext, learned: LearnedLexicon?) {
    let n = source.sentences.count, m = target.sentences.count
    guard n > 0 && m > 0 else {
      let units = (0..<n).map { AlignmentUnit.unaligned(source: [$0], target: []) }
        + (0..<m).map { AlignmentUnit.unaligned(source: [], target: [$0]) }
      return (Bitext(source: source, target: target, units: units, thresholds: AlignmentThresholds()), nil)
    }
    let texts = ExtractedTexts(source: source, target: target, extractor: extractor)
    let given = orientedLexicon(texts)?.translations ?? [:]
    var solution = firstPass(texts, learned: given)
    var learned: LearnedLexicon?
    if configuration.learnsLexicon && configuration.bridges.contains(.learnedLexicon) {
      var translations = given
      let model = LearnedLexicon.learn(
        from: trainingPairs(texts, solution.beads), sourceLanguage: texts.sourceLanguage, targetLanguage: texts.targetLanguage)
      learned = model
      for (word, targets) in model.translations {
        for t in targets where !(translations[word]?.contains(t) ?? false) { translations[word, default: []].append(t) }
      }
      solution = secondPass(texts, learned: translations, first: solution.beads)
    }
    let units = solution.beads.map { bead -> AlignmentUnit in
      AlignmentUnit(
        source: Array(bead.source), target: Array(bead.target), score: bead.score, speakerSource: nil,
        speakerTarget: nil, section: nil, mentions: [])
    }
    // The bar a bead must pass: on average, the chance level of its sentences.
    let levels = solution.chance.source + solution.chance.target
    let thresholds = AlignmentThresholds(skip: levels.reduce(0, +) / Double(max(1, levels.count)))
    return (Bitext(source: source, target: target, units: units, thresholds: thresholds), learned)
  }

  /// Learns a lexicon over many document pairs at once (an archive): each pair's first-pass
  /// beads are pooled into one training corpus. Save it with ``LearnedLexicon/tsv`` and give it
  /// to ``init(lexicon:english:learnedLexicon:configuration:)``.
  public func learnLexicon(over pairs: [(source: Document, target: Document)]) -> LearnedLexicon {
    var corpus: [(source: [String], target: [String])] = []
    var languages: (Language, Language)?
    for (source, target) in pairs where !source.sentences.isEmpty && !target.sentences.isEmpty {
      let texts = ExtractedTexts(source: source, target: target, extractor: extractor)
      if languages == nil { languages = (texts.sourceLanguage, texts.targetLanguage) }
      let solution = firstPass(texts, learned: orientedLexicon(texts)?.translations ?? [:])
      corpus += trainingPairs(texts, solution.beads)
    }
    let (s, t) = languages ?? (.chinese, .english)
    return LearnedLexicon.learn(from: corpus, sourceLanguage: s, targetLanguage: t)
  }

  /// The given learned lexicon, turned to read source → target for these texts (nil when its
  /// languages are not theirs).
  private func orientedLexicon(_ texts: ExtractedTexts) -> LearnedLexicon? {
    guard let learnedLexicon else { return nil }
    if learnedLexicon.sourceLanguage == texts.sourceLanguage && learnedLexicon.targetLanguage == texts.targetLanguage {
      return learnedLexicon
    }
    if learnedLexicon.sourceLanguage == texts.targetLanguage && learnedLexicon.targetLanguage == texts.sourceLanguage {
      return learnedLexicon.reversed
    }
    return nil
  }

  /// The aligned beads of a first alignment as a training corpus: their words on each side.
  private func trainingPairs(_ texts: ExtractedTexts, _ beads: [Bead]) -> [(source: [String], target: [String])] {
    beads.filter { !$0.source.isEmpty && !$0.target.isEmpty }.map { bead in
      (bead.source.flatMap { texts.source[$0].map(\.key) }, bead.target.flatMap { texts.target[$0].map(\.key) })
    }
  }

  // MARK: - Passes

  struct Solution {
    var beads: [Bead]
    /// Chance levels of the sentences.
    var chance: Chance
    /// Spread (standard deviation) of random 1-1 similarities.
    var spread: Double
  }

  /// Anchors by three rounds of the first pass, then the banded programme.
  private func firstPass(_ texts: ExtractedTexts, learned: [String: [String]]) -> Solution {
    let features = PairFeatures(texts, learned: learned, commonest: configuration.weightByCommonestAlternative)
    let n = features.source.count, m = features.target.count
    var cache = PairCache(features: features)
    let anchorLevel = chanceLevel(features, &cache, percentile: configuration.anchorPercentile)
    // The first pass, repeated: each round centres its windows on the previous round's chain
    // (the first round on the diagonal), so that drift on long texts is followed.
    var centres = (0..<n).map { Int((Double($0) + 0.5) * Double(m) / Double(n)) }
    var anchors: [(Int, Int)] = []
    for _ in 0..<configuration.anchorRounds {
      anchors = anchorChain(features, &cache, skip: anchorLevel, centres: centres)
      let interpolated = Self.interpolate(anchors, n: n, m: m)
      centres = (0..<n).map { Int(interpolated[$0].rounded()) }
    }
    return solve(features, &cache, anchors: anchors)
  }

  /// The banded programme around a previous alignment's beads, with what was learned from them.
  private func secondPass(_ texts: ExtractedTexts, learned: [String: [String]], first: [Bead]) -> Solution {
    let features = PairFeatures(texts, learned: learned, commonest: configuration.weightByCommonestAlternative)
    var cache = PairCache(features: features)
    let anchors = first.filter { !$0.source.isEmpty && !$0.target.isEmpty }.map { ($0.source.lowerBound, $0.target.lowerBound) }
    return solve(features, &cache, anchors: anchors)
  }

  private func solve(_ f: PairFeatures, _ cache: inout PairCache, anchors: [(Int, Int)]) -> Solution {
    let centre = Self.interpolate(anchors, n: f.source.count, m: f.target.count)
    var (chance, spread) = chanceLevels(f, &cache, centre: centre)
    chance.omissionCost = spread / 2
    var lattice = Lattice(f, centre: centre, band: configuration.band)
    forward(&lattice, f, &cache, chance: chance)
    var beads = lattice.bestPath()
    lattice.backward()
    for k in beads.indices where !beads[k].source.isEmpty && !beads[k].target.isEmpty {
      let margin = lattice.margin(of: beads[k])
      beads[k].score = spread > 0 ? tanh(margin / (2 * spread)) : (margin > 0 ? 1 : 0)
    }
    return Solution(beads: beads, chance: chance, spread: spread)
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

  /// What a bead adds to the path: its similarity above the mean chance level of its sentences
  /// (what chance matches of them score). Each bead counts once, whatever its size, so a
  /// sentence joins a bead only when it keeps the bead's similarity up. Leaving a sentence out
  /// costs half the spread of chance similarity (`chance.omissionCost`): a 1-1 pair is given up
  /// only when it scores more than one spread below the chance level of its sentences, and a
  /// sentence is split off a bead only when it lowers the bead's similarity by more than half a
  /// spread — an omission must be evident, not merely a similarity near chance (loose
  /// translations overlap chance pairs by about that much).
  func gain(_ s: Range<Int>, _ t: Range<Int>, shape k: Int, _ f: PairFeatures, _ cache: inout PairCache, chance: Chance) -> Double {
    if s.isEmpty || t.isEmpty { return -chance.omissionCost * Double(s.count + t.count) }
    let level = (s.reduce(0.0) { $0 + chance.source[$1] } + t.reduce(0.0) { $0 + chance.target[$1] }) / Double(s.count + t.count)
    return similarity(s, t, f, &cache) - level
  }

  /// The similarity level of unrelated sentence pairs (a percentile over sampled pairs far from
  /// the diagonal), for the anchors of the first pass.
  func chanceLevel(_ f: PairFeatures, _ cache: inout PairCache, percentile: Double) -> Double {
    let n = f.source.count, m = f.target.count
    let centre = (0...n).map { Double($0) * Double(m) / Double(n) }
    let samples = randomBeads(1, 1, f, &cache, centre: centre, count: min(400, n * m))
    guard !samples.isEmpty else { return 0.2 }
    return samples[min(samples.count - 1, Int(Double(samples.count - 1) * percentile))]
  }

  /// Each sentence's chance level — the configured percentile of its similarity to random
  /// sentences of the other side far from the path `centre` — and the spread (standard
  /// deviation) of those random similarities.
  func chanceLevels(_ f: PairFeatures, _ cache: inout PairCache, centre: [Double]) -> (Chance, Double) {
    let n = f.source.count, m = f.target.count
    let samples = configuration.chanceSamples
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    var all: [Double] = []
    func level(_ values: [Double]) -> Double {
      // Too short a text to sample from: nothing to compare with, so nothing is left out.
      guard values.count >= 8 else { return 0 }
      all += values
      let sorted = values.sorted()
      return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * configuration.chancePercentile))]
    }
    let distance = Double(max(3, m / 10))
    var chance = Chance(source: [Double](repeating: 0, count: n), target: [Double](repeating: 0, count: m))
    for i in 0..<n {
      var values: [Double] = []
      for _ in 0..<(samples * 3) where values.count < samples {
        let j = next(m)
        if abs(Double(j) - centre[i]) >= distance { values.append(similarity(i..<(i + 1), j..<(j + 1), f, &cache)) }
      }
      chance.source[i] = level(values)
    }
    for j in 0..<m {
      var values: [Double] = []
      for _ in 0..<(samples * 3) where values.count < samples {
        let i = next(n)
        if abs(Double(j) - centre[i]) >= distance { values.append(similarity(i..<(i + 1), j..<(j + 1), f, &cache)) }
      }
      chance.target[j] = level(values)
    }
    guard !all.isEmpty else { return (chance, 0) }
    let mean = all.reduce(0, +) / Double(all.count)
    let spread = (all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count)).squareRoot()
    return (chance, spread)
  }

  /// Chance levels of the sentences of each side.
  struct Chance {
    var source: [Double]
    var target: [Double]
    /// What leaving one sentence out costs: half the spread of random pairs' similarity.
    var omissionCost = 0.0
  }

  /// Similarities of random beads of `x` source and `y` target sentences whose target lies away
  /// from the path `centre` (target position for each source position), sorted.
  func randomBeads(_ x: Int, _ y: Int, _ f: PairFeatures, _ cache: inout PairCache, centre: [Double], count: Int) -> [Double] {
    let n = f.source.count, m = f.target.count
    guard n >= x, m >= y, count > 0 else { return [] }
    let distance = Double(max(3, m / 10))
    var samples: [Double] = []
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(x * 31 + y)
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    var attempts = 0
    while samples.count < count && attempts < count * 4 {
      attempts += 1
      let i = next(n - x + 1), j = next(m - y + 1)
      // Far from the path: unrelated sentences.
      let expected = centre[min(i, centre.count - 1)]
      guard abs(Double(j) - expected) >= distance, abs(Double(j + y) - centre[min(i + x, centre.count - 1)]) >= distance else { continue }
      samples.append(similarity(i..<(i + x), j..<(j + y), f, &cache))
    }
    return samples.sorted()
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
      var js = Set((max(0, expected - window)...min(m - 1, max(0, expected + window))))
      for j in f.rareWordCandidates(forSource: i, limit: 5, near: expected, within: reach) { js.insert(j) }
      for j in js where j < m {
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

  // MARK: - Banded programme

  struct Bead {
    var source: Range<Int>
    var target: Range<Int>
    var score: Double
  }

  /// Fills the lattice's forward scores and bead gains.
  func forward(_ lattice: inout Lattice, _ f: PairFeatures, _ cache: inout PairCache, chance: Chance) {
    let n = lattice.n
    let shapes = Self.beadShapes
    lattice.score[0][0] = 0
    for i in 0...n {
      for j in lattice.low[i]...lattice.high[i] where !(i == 0 && j == 0) {
        var bestScore = -Double.infinity
        var bestShape: Int8 = -1
        let cell = j - lattice.low[i]
        for (k, (x, y)) in shapes.enumerated() {
          let pi = i - x, pj = j - y
          guard pi >= 0, pj >= 0, pj >= lattice.low[pi], pj <= lattice.high[pi] else { continue }
          let base = lattice.score[pi][pj - lattice.low[pi]]
          guard base > -.infinity else { continue }
          let g = gain(pi..<i, pj..<j, shape: k, f, &cache, chance: chance)
          lattice.gains[i][cell * shapes.count + k] = Float(g)
          let value = base + g
          if value > bestScore { bestScore = value; bestShape = Int8(k) }
        }
        lattice.score[i][cell] = bestScore
        lattice.back[i][cell] = bestShape
      }
    }
  }
}

/// The banded dynamic programme's cells: for each source position i, target positions
/// low[i]...high[i]; forward scores (best path from (0, 0)), backward scores (best path to
/// (n, m)), and the gain of each bead shape ending at each cell.
struct Lattice {
  let n: Int, m: Int
  var low: [Int], high: [Int]
  var score: [[Double]]
  var backScore: [[Double]] = []
  var back: [[Int8]]
  /// gains[i][(j - low[i]) * shapes + k]: the gain of the bead of shape k ending at (i, j);
  /// -infinity where it cannot be placed.
  var gains: [[Float]]

  init(_ f: PairFeatures, centre: [Double], band: Int) {
    n = f.source.count
    m = f.target.count
    low = [Int](repeating: 0, count: n + 1)
    high = [Int](repeating: 0, count: n + 1)
    for i in 0...n {
      low[i] = min(m, max(0, Int(centre[i].rounded(.down)) - band))
      high[i] = max(low[i], min(m, Int(centre[i].rounded(.up)) + band))
    }
    // Jumps between anchors can be steep: keep consecutive bands overlapping.
    for i in 1...n {
      low[i] = min(low[i], high[i - 1])
      high[i - 1] = max(high[i - 1], low[i])
    }
    low[0] = 0
    high[n] = m
    let shapes = ParallelAligner.beadShapes.count
    let (l, h) = (low, high)
    score = (0...n).map { [Double](repeating: -.infinity, count: h[$0] - l[$0] + 1) }
    back = (0...n).map { [Int8](repeating: -1, count: h[$0] - l[$0] + 1) }
    gains = (0...n).map { [Float](repeating: -.infinity, count: (h[$0] - l[$0] + 1) * shapes) }
  }

  func inBand(_ i: Int, _ j: Int) -> Bool { i >= 0 && i <= n && j >= low[i] && j <= high[i] }

  /// The best path, bead by bead (scores 0 until confidences are set).
  func bestPath() -> [ParallelAligner.Bead] {
    var beads: [ParallelAligner.Bead] = []
    var i = n, j = m
    while i > 0 || j > 0 {
      let k = Int(back[i][j - low[i]])
      guard k >= 0 else { break }
      let (x, y) = ParallelAligner.beadShapes[k]
      beads.append(ParallelAligner.Bead(source: (i - x)..<i, target: (j - y)..<j, score: 0))
      i -= x
      j -= y
    }
    return beads.reversed()
  }

  /// Fills the backward scores from the stored gains.
  mutating func backward() {
    let shapes = ParallelAligner.beadShapes
    backScore = (0...n).map { [Double](repeating: -.infinity, count: high[$0] - low[$0] + 1) }
    backScore[n][m - low[n]] = 0
    for i in stride(from: n, through: 0, by: -1) {
      for j in stride(from: high[i], through: low[i], by: -1) where !(i == n && j == m) {
        var best = -Double.infinity
        for (k, (x, y)) in shapes.enumerated() {
          let ni = i + x, nj = j + y
          guard inBand(ni, nj) else { continue }
          let g = gains[ni][(nj - low[ni]) * shapes.count + k]
          guard g > -.infinity else { continue }
          let rest = backScore[ni][nj - low[ni]]
          guard rest > -.infinity else { continue }
          best = max(best, Double(g) + rest)
        }
        backScore[i][j - low[i]] = best
      }
    }
  }

  /// How much the best path beats the best path without `bead`: every such path holds another
  /// bead sharing a sentence with it, so the second best is the best path through a bead
  /// overlapping this one.
  func margin(of bead: ParallelAligner.Bead) -> Double {
    let shapes = ParallelAligner.beadShapes
    let best = score[n][m - low[n]]
    var second = -Double.infinity
    func consider(_ i: Int, _ j: Int) {
      guard inBand(i, j) else { return }
      let rest = backScore[i][j - low[i]]
      guard rest > -.infinity else { return }
      for (k, (x, y)) in shapes.enumerated() {
        let si = i - x, sj = j - y
        if si == bead.source.lowerBound && sj == bead.target.lowerBound && i == bead.source.upperBound && j == bead.target.upperBound {
          continue
        }
        let overlapsSource = x > 0 && si < bead.source.upperBound && i > bead.source.lowerBound
        let overlapsTarget = y > 0 && sj < bead.target.upperBound && j > bead.target.lowerBound
        guard overlapsSource || overlapsTarget else { continue }
        let g = gains[i][(j - low[i]) * shapes.count + k]
        guard g > -.infinity, inBand(si, sj) else { continue }
        let start = score[si][sj - low[si]]
        guard start > -.infinity else { continue }
        second = max(second, start + Double(g) + rest)
      }
    }
    let maxShape = 4
    // Beads sharing a source sentence end at a source position in (lower, upper + 3].
    for i in (bead.source.lowerBound + 1)...min(n, bead.source.upperBound + maxShape - 1) where bead.source.count > 0 {
      for j in low[i]...high[i] { consider(i, j) }
    }
    // Beads sharing a target sentence end at a target position in (lower, upper + 3]; the rows
    // whose band holds that column are contiguous (the band moves monotonically).
    if bead.target.count > 0 {
      for j in (bead.target.lowerBound + 1)...min(m, bead.target.upperBound + maxShape - 1) {
        let first = firstRow(withHighAtLeast: j), last = lastRow(withLowAtMost: j)
        guard first <= last else { continue }
        for i in first...last { consider(i, j) }
      }
    }
    return second == -.infinity ? .infinity : max(0, best - second)
  }

  private func firstRow(withHighAtLeast j: Int) -> Int {
    var a = 0, b = n + 1
    while a < b {
      let mid = (a + b) / 2
      if high[mid] >= j { b = mid } else { a = mid + 1 }
    }
    return a
  }

  private func lastRow(withLowAtMost j: Int) -> Int {
    var a = -1, b = n
    while a < b {
      let mid = (a + b + 1) / 2
      if low[mid] <= j { a = mid } else { b = mid - 1 }
    }
    return a
  }
}

extension AlignmentUnit {
  static func unaligned(source: [Int], target: [Int]) -> AlignmentUnit {
    AlignmentUnit(source: source, target: target, score: 0, speakerSource: nil, speakerTarget: nil, section: nil, mentions: [])
  }
}

/// Both texts read once into concepts (with their keys, the learned lexicon's words), for the
/// passes that follow.
struct ExtractedTexts {
  let sourceDocument: Document, targetDocument: Document
  let source: [[ConceptExtractor.Concept]]
  let target: [[ConceptExtractor.Concept]]
  let sourceLanguage: Language, targetLanguage: Language

  init(source: Document, target: Document, extractor: ConceptExtractor) {
    sourceDocument = source
    targetDocument = target
    sourceLanguage = source.dominantLanguage()
    targetLanguage = target.dominantLanguage()
    var glosses: [String: [String]] = [:]
    let context = extractor.makeContext()
    func read(_ document: Document, dominant: Language) -> [[ConceptExtractor.Concept]] {
      document.sentences.map { sentence in
        // Latin-script sentences too short to tell French or Spanish from English take the
        // document's language.
        let language = sentence.language == .english && (dominant == .french || dominant == .spanish) ? dominant : sentence.language
        return extractor.concepts(
          document.text(of: sentence), language: language, keepingUnglossed: true, glossCache: &glosses, context: context)
      }
    }
    // Sorted, so that which cognate wins a tie never depends on hashing.
    func vocabulary(_ sentences: [[ConceptExtractor.Concept]]) -> [String] {
      Set(sentences.joined().flatMap(\.alternatives)).sorted()
    }
    // The English side first: its words are the cognates the other side's words may match.
    if sourceLanguage == .english && targetLanguage != .english {
      self.source = read(source, dominant: sourceLanguage)
      context.setEnglishVocabulary(vocabulary(self.source))
      self.target = read(target, dominant: targetLanguage)
    } else {
      let targetConcepts = read(target, dominant: targetLanguage)
      if targetLanguage == .english { context.setEnglishVocabulary(vocabulary(targetConcepts)) }
      self.target = targetConcepts
      self.source = read(source, dominant: sourceLanguage)
    }
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

  /// Features of both texts; `learned` adds target words to source concepts (by the concept's
  /// key).
  init(_ texts: ExtractedTexts, learned: [String: [String]], commonest: Bool = false) {
    var ids: [String: Int32] = [:]
    func id(_ word: String) -> Int32 {
      if let known = ids[word] { return known }
      let new = Int32(ids.count)
      ids[word] = new
      return new
    }
    let learnedTargets = Set(learned.values.joined())
    // Each concept as (words that match, words that weigh it): a source concept's glosses and
    // learned translations; a target concept's words and its key, when a learned translation
    // may name it. A concept with nothing to match on the other side is left out.
    typealias Read = (match: [Int32], weigh: [Int32])
    func sourceConcepts(_ sentence: [ConceptExtractor.Concept]) -> [Read] {
      var result: [Read] = []
      for concept in sentence {
        var words = concept.alternatives
        for extra in learned[concept.key] ?? [] where !words.contains(extra) { words.append(extra) }
        guard !words.isEmpty else { continue }
        let match = words.map(id)
        result.append((match, match))
        if result.count == 64 { break }
      }
      return result
    }
    func targetConcepts(_ sentence: [ConceptExtractor.Concept]) -> [Read] {
      var result: [Read] = []
      for concept in sentence {
        var match = concept.alternatives
        if !concept.key.isEmpty && !match.contains(concept.key) && learnedTargets.contains(concept.key) { match.append(concept.key) }
        guard !match.isEmpty else { continue }
        let ids = match.map(id)
        result.append((ids, concept.alternatives.isEmpty ? ids : concept.alternatives.map(id)))
        if result.count == 64 { break }
      }
      return result
    }
    let sourceRead = texts.source.map(sourceConcepts), targetRead = texts.target.map(targetConcepts)
    // Rarity of each word over both sides' sentences (a word in a concept counts once).
    var frequency: [Int32: Int] = [:]
    for sentence in sourceRead + targetRead {
      for word in Set(sentence.flatMap(\.match)) { frequency[word, default: 0] += 1 }
    }
    let total = Double(sourceRead.count + targetRead.count)
    func idf(_ word: Int32) -> Double { log((total + 1) / (Double(frequency[word] ?? 0) + 0.5)) }
    func side(_ document: Document, _ all: [[Read]]) -> [Side] {
      var previousParagraph = -1
      return zip(document.sentences, all).map { sentence, concepts in
        let weights = concepts.map { concept -> Double in
          let present = concept.weigh.filter { (frequency[$0] ?? 0) > 1 }.map(idf)
          let chosen = commonest ? (present.min() ?? concept.weigh.map(idf).max()) : concept.weigh.map(idf).max()
          return max(chosen ?? 0, 0.1)
        }
        var bits: [Int32: UInt64] = [:]
        for (k, concept) in concepts.enumerated() { for word in concept.match { bits[word, default: 0] |= 1 << UInt64(k) } }
        let text = document.text(of: sentence)
        let opens = sentence.paragraph != previousParagraph
        previousParagraph = sentence.paragraph
        return Side(
          concepts: concepts.map(\.match), weights: weights, totalWeight: weights.reduce(0, +), bits: bits,
          length: Double(text.unicodeScalars.filter { !isBlank($0) }.count), isHeading: sentence.kind == .heading,
          opensParagraph: opens)
      }
    }
    source = side(texts.sourceDocument, sourceRead)
    target = side(texts.targetDocument, targetRead)
    let sourceLength = source.reduce(0) { $0 + $1.length }, targetLength = target.reduce(0) { $0 + $1.length }
    lengthRatio = sourceLength > 0 && targetLength > 0 ? targetLength / sourceLength : 1
    // Rare words (in at most 2% of sentences, and at most 40, so that the cost per sentence
    // stays bounded on long texts): the first pass's candidates.
    let limit = min(40, max(2, Int(total * 0.02)))
    rareWords = Set(frequency.filter { $0.value <= limit }.map(\.key))
    for (j, concepts) in targetRead.enumerated() {
      for word in Set(concepts.flatMap(\.match)) where rareWords.contains(word) {
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
