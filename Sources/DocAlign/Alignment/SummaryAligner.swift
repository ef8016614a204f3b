import Foundation

/// Summary mode: maps each summary sentence to the full-text sentences it condenses, or to
/// nothing.
///
/// A summary sentence inherits the speaker of its paragraph; its candidates are that speaker's
/// sentences in every section. Sentences about nobody in particular search the whole full text
/// against a stricter bar. A sentence may condense up to three sentences of one turn. Similarity
/// is the weighted share of the summary sentence's concepts found in the candidates (weights:
/// rarity of the words in the full text) combined with the share of the candidates' words
/// accounted for; below the threshold a sentence stays unaligned.
public struct SummaryAligner: Sendable {
  /// Thresholds and weights.
  public struct Configuration: Sendable {
    /// Minimum score to link a sentence whose speaker is known.
    public var speakerThreshold = 0.30
    /// Minimum score to link a sentence with no speaker (searches the whole full text).
    public var openThreshold = 0.55
    /// Weight of source coverage against target precision in the score.
    public var coverageWeight = 0.6
    /// Gain in score needed to add a second or third target sentence.
    public var extensionGain = 0.015
    /// A second or third target sentence must score at least this share of the first's score.
    public var extensionFloor = 0.7
    /// Bonus for a candidate after the speaker's previously linked sentence (summaries follow
    /// the speaker's order).
    public var orderBonus = 0.03
    /// The defaults.
    public init() {}
  }

  let configuration: Configuration
  let extractor: ConceptExtractor
  let speechVerbs: Set<String>

  /// An aligner with a zh→en lexicon (nil for same-language pages), English normalisation, and
  /// the structure data (its speech verbs mark where a speaker's opening clause ends).
  public init(
    lexicon: Lexicon?, english: EnglishWords, structure: StructureResources,
    configuration: Configuration = Configuration()
  ) {
    self.configuration = configuration
    extractor = ConceptExtractor(lexicon: lexicon, english: english)
    speechVerbs = structure.speechVerbs
  }

  /// Aligns a page's summary with its full text.
  public func align(_ structure: PageStructure) -> Bitext {
    let summary = structure.summary
    let fullText = structure.fullText
    // Full-text sentences as word bags (opening clauses of turns dropped), and word rarity.
    let candidates = structure.fullTextSentences.filter { fullText.sentences[$0].kind == .sentence }
    var bags: [Int: [String]] = [:]
    var documentFrequency: [String: Int] = [:]
    for index in candidates {
      let words = extractor.concepts(content(ofTarget: index, structure), language: fullText.sentences[index].language)
        .map { $0.alternatives[0] }
      bags[index] = words
      for word in Set(words) { documentFrequency[word, default: 0] += 1 }
    }
    let n = Double(max(candidates.count, 1))
    let idf: (String) -> Double? = { word in
      documentFrequency[word].map { log((n + 1) / (Double($0) + 0.5)) }
    }
    let scorer = Scorer(bags: bags, idf: idf, coverageWeight: configuration.coverageWeight)

    var units: [AlignmentUnit] = []
    var lastLinked: [Int: Int] = [:]
    let mentionsBySentence = Dictionary(grouping: structure.mentions, by: \.sentence)
    let listSentences = Set(structure.mentions.filter(\.isListItem).map(\.sentence))
    let summaryRange = structure.summarySentences
    let summarySide = structure.parts.filter { $0.inSummaryDocument && $0.kind != .fullText && $0.kind != .footer }
      .flatMap { Array($0.sentences) }
    for index in summarySide.sorted() where !(structure.isSinglePage && structure.fullTextSentences.contains(index)) {
      let sentence = summary.sentences[index]
      let speaker = structure.summarySpeakers[index]
      let subject = mentionsBySentence[index]?.first { !$0.isListItem }
      let speakerName = speaker.map { structure.speakers[$0].name }
      if listSentences.contains(index) {
        let mentions = (mentionsBySentence[index] ?? []).filter(\.isListItem).map {
          AlignmentUnit.Mention(source: $0.text, target: $0.speaker.map { structure.speakers[$0].name })
        }
        units.append(AlignmentUnit(source: [index], target: [], score: 0, speakerSource: nil, speakerTarget: nil, section: nil, mentions: mentions))
        continue
      }
      guard summaryRange.contains(index), sentence.kind == .sentence else {
        units.append(AlignmentUnit(source: [index], target: [], score: 0, speakerSource: nil, speakerTarget: nil, section: nil, mentions: []))
        continue
      }
      let concepts = extractor.concepts(content(ofSummary: index, subject: subject?.text, structure), language: sentence.language)
      let pool: [Int]
      let threshold: Double
      if let speaker {
        pool = structure.turns.filter { $0.speaker == speaker || $0.jointSpeakers.contains(speaker) }.flatMap { Array($0.sentences) }
          .filter { bags[$0] != nil }
        threshold = configuration.speakerThreshold
      } else {
        pool = candidates
        threshold = configuration.openThreshold
      }
      let best = chooseTargets(concepts, pool: pool, scorer: scorer, after: speaker.flatMap { lastLinked[$0] }, structure: structure)
      guard let best, best.score >= threshold else {
        units.append(AlignmentUnit(source: [index], target: [], score: best.map { min($0.score, 1) } ?? 0,
                                   speakerSource: subject?.text, speakerTarget: speakerName, section: nil, mentions: []))
        continue
      }
      let targetSpeaker = structure.turn(containing: best.targets[0]).map { structure.speakers[$0.speaker].name }
      if let turn = structure.turn(containing: best.targets[0]) { lastLinked[turn.speaker] = best.targets.max() }
      units.append(AlignmentUnit(
        source: [index], target: best.targets, score: min(max(best.score, 0), 1),
        speakerSource: subject?.text, speakerTarget: targetSpeaker,
        section: structure.section(containing: best.targets[0])?.title, mentions: []))
    }
    return Bitext(source: summary, target: fullText, units: units, thresholds: AlignmentThresholds(
      speaker: configuration.speakerThreshold, open: configuration.openThreshold))
  }

  /// The best set of 1–3 target sentences (of one turn) for a summary sentence.
  private func chooseTargets(
    _ concepts: [ConceptExtractor.Concept], pool: [Int], scorer: Scorer, after previous: Int?, structure: PageStructure
  ) -> (targets: [Int], score: Double)? {
    guard !concepts.isEmpty, !pool.isEmpty else { return nil }
    let weighted = scorer.weigh(concepts)
    var best: (Int, Double)? = nil
    for t in pool {
      var score = scorer.score(weighted, [t])
      if let previous, t > previous { score += configuration.orderBonus }
      if score > (best?.1 ?? -1) { best = (t, score) }
    }
    guard let (first, _) = best else { return nil }
    var chosen = [first]
    var current = scorer.score(weighted, chosen)
    let turn = structure.turn(containing: first)
    // A further sentence must, on its own, be nearly as good a match as the first: a summary
    // sentence condenses sentences that all say part of it, not neighbours sharing a word.
    let firstScore = scorer.score(weighted, [first])
    let sameTurn = pool.filter { t in
      t != first && (turn.map { $0.sentences.contains(t) } ?? false)
        && scorer.score(weighted, [t]) >= configuration.extensionFloor * firstScore
    }
    while chosen.count < 3 {
      var bestExtension: (Int, Double)? = nil
      for t in sameTurn where !chosen.contains(t) {
        let score = scorer.score(weighted, (chosen + [t]).sorted())
        if score > current + configuration.extensionGain, score > (bestExtension?.1 ?? -1) { bestExtension = (t, score) }
      }
      guard let (t, score) = bestExtension else { break }
      chosen.append(t)
      chosen.sort()
      current = score
    }
    return (chosen, current)
  }

  /// A summary sentence without the name that opens it ("凯特·吉尔摩(Kate Gilmore)表示，…",
  /// "Marta Santos Pais, …, noted that …").
  private func content(ofSummary index: Int, subject: String?, _ structure: PageStructure) -> Substring {
    let text = structure.summary.text(of: structure.summary.sentences[index])
    guard let subject, let range = text.range(of: subject) else { return text }
    let rest = text[range.upperBound...]
    if structure.summary.sentences[index].language == .chinese { return rest }
    return afterSpeechVerb(rest) ?? rest
  }

  /// A full-text sentence without the speaker's opening clause ("KATE GILMORE, …, said that").
  private func content(ofTarget index: Int, _ structure: PageStructure) -> Substring {
    let text = structure.fullText.text(of: structure.fullText.sentences[index])
    guard let turn = structure.turn(containing: index), turn.sentences.lowerBound == index else { return text }
    return afterSpeechVerb(text) ?? text
  }

  /// The text after the first speech verb ("said", "concurred" … from
  /// `Resources/structure/speech-verbs.txt`) among its first 60 words, and after a "that"
  /// following it; nil when there is none.
  func afterSpeechVerb(_ text: Substring) -> Substring? {
    var index = text.startIndex
    var words = 0
    var cut: Substring.Index? = nil
    while index < text.endIndex && words < 60 {
      guard let start = text[index...].firstIndex(where: { $0.isLetter }) else { break }
      let end = text[start...].firstIndex(where: { !$0.isLetter }) ?? text.endIndex
      let word = text[start..<end].lowercased()
      words += 1
      if let after = cut {
        // "said that …": skip the "that".
        return word == "that" ? text[end...] : text[after...]
      }
      if words > 1 && speechVerbs.contains(word) { cut = end }
      index = end
    }
    return cut.map { text[$0...] }
  }
}

/// Similarity of a summary sentence's concepts to a set of full-text sentences.
///
/// The target side is prepared once per document: every full-text word gets a dense number and
/// its weight (rarity), and each target sentence its sorted distinct word numbers and their total
/// weight, so that scoring a candidate is a few binary searches, not a new word table.
struct Scorer {
  let idf: (String) -> Double?
  let coverageWeight: Double
  /// Word → number, for every word of every target sentence.
  private let numbers: [String: Int32]
  /// Weight (rarity) of each word number.
  private let weights: [Double]
  /// Target sentence → its distinct word numbers, sorted.
  private let targetWords: [Int: [Int32]]
  /// Target sentence → the total weight of its distinct words.
  private let targetTotals: [Int: Double]

  init(bags: [Int: [String]], idf: @escaping (String) -> Double?, coverageWeight: Double) {
    self.idf = idf
    self.coverageWeight = coverageWeight
    var numbers: [String: Int32] = [:]
    var weights: [Double] = []
    var targetWords: [Int: [Int32]] = [:]
    var targetTotals: [Int: Double] = [:]
    for t in bags.keys.sorted() {
      var own: [Int32] = []
      for word in bags[t] ?? [] {
        if let number = numbers[word] {
          own.append(number)
        } else {
          let number = Int32(weights.count)
          numbers[word] = number
          weights.append(idf(word) ?? 0)
          own.append(number)
        }
      }
      own = Self.distinct(own)
      targetWords[t] = own
      targetTotals[t] = own.reduce(0) { $0 + weights[Int($1)] }
    }
    self.numbers = numbers
    self.weights = weights
    self.targetWords = targetWords
    self.targetTotals = targetTotals
  }

  struct WeightedConcept {
    let alternatives: Set<String>
    let weight: Double
    /// The numbers of the alternatives that occur in the target side, sorted.
    let wordNumbers: [Int32]
  }

  /// Weights concepts by the rarity of their best word in the full text; a concept none of whose
  /// words occur there weighs little (it cannot be matched anywhere).
  func weigh(_ concepts: [ConceptExtractor.Concept]) -> [WeightedConcept] {
    concepts.map { concept in
      let weights = concept.alternatives.compactMap(idf)
      var weight = weights.max() ?? 0.5
      if concept.isWeak { weight *= 0.5 }
      let alternatives = Set(concept.alternatives)
      return WeightedConcept(
        alternatives: alternatives, weight: weight, wordNumbers: Self.distinct(alternatives.compactMap { numbers[$0] }))
    }
  }

  /// The score of a set of target sentences for a summary sentence's concepts, in [0, 1]:
  /// `coverageWeight` × the weighted share of concepts found + the rest × the weighted share of
  /// the targets' distinct words that found concepts account for.
  func score(_ concepts: [WeightedConcept], _ targets: [Int]) -> Double {
    let words: [Int32]
    let targetTotal: Double
    if targets.count == 1 {
      words = targetWords[targets[0]] ?? []
      targetTotal = targetTotals[targets[0]] ?? 0
    } else {
      words = Self.distinct(targets.flatMap { targetWords[$0] ?? [] })
      targetTotal = words.reduce(0) { $0 + weights[Int($1)] }
    }
    guard !words.isEmpty else { return 0 }
    var covered = 0.0, total = 0.0
    var used: [Int32] = []
    for concept in concepts {
      total += concept.weight
      var hit = false
      for number in concept.wordNumbers where Self.contains(words, number) {
        used.append(number)
        hit = true
      }
      if hit { covered += concept.weight }
    }
    let targetCovered = Self.distinct(used).reduce(0) { $0 + weights[Int($1)] }
    let coverage = total > 0 ? covered / total : 0
    let precision = targetTotal > 0 ? targetCovered / targetTotal : 0
    return coverageWeight * coverage + (1 - coverageWeight) * precision
  }

  /// Sorted, without repeats.
  private static func distinct(_ numbers: [Int32]) -> [Int32] {
    guard numbers.count > 1 else { return numbers }
    var sorted = numbers.sorted()
    var kept = 1
    for k in 1..<sorted.count where sorted[k] != sorted[kept - 1] {
      sorted[kept] = sorted[k]
      kept += 1
    }
    sorted.removeLast(sorted.count - kept)
    return sorted
  }

  /// Whether a sorted array holds a number.
  private static func contains(_ sorted: [Int32], _ number: Int32) -> Bool {
    var low = 0, high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < number { low = mid + 1 } else { high = mid }
    }
    return low < sorted.count && sorted[low] == number
  }
}
