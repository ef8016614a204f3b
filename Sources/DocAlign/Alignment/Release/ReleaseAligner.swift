import Foundation

/// Release mode: the two language versions of one meeting (a Chinese page and an English page,
/// say), each a summary followed by the same English full text, or a summary only.
///
/// 1. The two pages' summary sides (title block, summary, documentation note) are aligned as
///    translations by ``ParallelAligner``, with its omission model: a summary is often a partial
///    translation of the other, so sentences come out as 1-0 or 0-1 units.
/// 2. Each summary is aligned with its own page's full text by ``SummaryAligner`` (condensation
///    links), where the page has one.
/// 3. The full text is the pivot: the two full texts' sentences are matched by text, and a
///    translation pair whose sentences condense the same full-text sentences is
///    ``Pivot/confirmed``; one whose sentences condense different ones is
///    ``Pivot/contradicted`` and its score is multiplied by
///    ``Configuration/contradictionFactor``; ``Pivot/none`` when either side condenses nothing
///    (or a page has no full text).
public struct ReleaseAligner: Sendable {
  /// Settings of the three steps.
  public struct Configuration: Sendable {
    /// Whether the full text serves as a pivot (off: every pair keeps its parallel score and
    /// `pivot` is `none`; for comparison).
    public var usePivot = true
    /// A contradicted pair's score is multiplied by this factor: a pair the parallel aligner
    /// scored 0.8 comes out at 0.2, below `--min-score 0.3`.
    public var contradictionFactor = 0.25
    /// Two condensation links agree when their full-text sentences are at most this many
    /// sentences apart (0: they must share a sentence).
    public var agreementDistance = 0
    /// A member of a merged bead (2-1, 1-2 …) that the pivot contradicts (its own links are
    /// disjoint from the other side's) is detached, left unaligned, when the other side contains
    /// it less than this share of what it contains of the bead's best member on that side
    /// (containment: the rarity-weighted share of a sentence's concepts found on the other
    /// side). The same rule as summary mode's extension floor: a merged sentence must be nearly as
    /// good a match as the best one.
    public var memberFloor = 0.7
    /// Whether the pivot may detach members of merged beads (see ``memberFloor``).
    public var detachMembers = true
    /// The parallel aligner's settings (step 1).
    public var parallel = ParallelAligner.Configuration()
    /// The summary aligner's settings (step 2).
    public var summary = SummaryAligner.Configuration()
    /// The defaults.
    public init() {}
  }

  /// What the full text says about a translation pair.
  public enum Pivot: String, Sendable, Hashable {
    /// Both sides condense at least one common full-text sentence.
    case confirmed
    /// Both sides condense full-text sentences, but different ones.
    case contradicted
    /// No evidence: a side condenses nothing, a page has no full text, or the unit is 1-0/0-1.
    case none
  }

  /// One page of the release, read and (if it has a full text) aligned with its full text.
  public struct Page: Sendable {
    /// The page's structure (no full-text part for a summary-only page).
    public let structure: PageStructure
    /// The language of its summary.
    public let summaryLanguage: Language
    /// The language of its full text, nil for a summary-only page.
    public let fullTextLanguage: Language?
    /// Every sentence before the full text (all of them for a summary-only page, footer
    /// included): each appears in exactly one translation unit.
    public let summarySide: Range<Int>
    /// The sentences aligned as translations: title block, summary and documentation note
    /// (page chrome and footer lines are never translation pairs).
    public let translatable: Range<Int>
    /// The summary aligned with the full text (summary mode), nil without a full text.
    public let condensation: Bitext?

    /// Whether the page carries a full text.
    public var hasFullText: Bool { condensation != nil }
  }

  /// A translation unit: sentences of page A's summary side linked to sentences of page B's.
  public struct TranslationUnit: Sendable, Hashable {
    /// The unit (source: indices into page A's document, target: into page B's); its score is
    /// the final one (after the pivot).
    public let unit: AlignmentUnit
    /// What the full text says about it.
    public let pivot: Pivot
    /// The parallel aligner's score, before the pivot.
    public let parallelScore: Double
    /// Full-text sentences of page B that the source side condenses (page A's links mapped
    /// through the full-text match).
    public let sourceFullText: [Int]
    /// Full-text sentences of page B that the target side condenses.
    public let targetFullText: [Int]
  }

  /// The result for one release.
  public struct Alignment: Sendable {
    /// Page A (the source side).
    public let pageA: Page
    /// Page B (the target side).
    public let pageB: Page
    /// Translation units in page order: every summary-side sentence of either page in
    /// exactly one.
    public let translations: [TranslationUnit]
    /// Page A full-text sentence → the page B full-text sentence with the same text.
    public let fullTextMatch: [Int: Int]

    /// The translation units as a bitext (page A's document → page B's).
    public var translationBitext: Bitext {
      Bitext(
        source: pageA.structure.summary, target: pageB.structure.summary, units: translations.map(\.unit),
        thresholds: AlignmentThresholds())
    }

    /// How many translation units carry each pivot verdict (aligned units only).
    public func count(_ pivot: Pivot) -> Int {
      translations.filter { $0.unit.isAligned && $0.pivot == pivot }.count
    }
  }

  let configuration: Configuration
  let translationAligner: ParallelAligner
  let english: EnglishWords
  let structureResources: StructureResources

  /// An aligner; `lexicon` is the lexicon between the two summaries' languages (zh↔en), nil for
  /// other pairs.
  public init(
    lexicon: Lexicon?, english: EnglishWords, structure: StructureResources, configuration: Configuration = Configuration()
  ) {
    self.configuration = configuration
    self.english = english
    structureResources = structure
    translationAligner = ParallelAligner(lexicon: lexicon, english: english, configuration: configuration.parallel)
  }

  /// Reads a page for release mode: a summary followed by its full text, or, when no full text
  /// can be told apart, a summary only.
  public static func readPage(_ document: Document, with reader: StructureReader) -> PageStructure {
    (try? reader.read(page: document)) ?? reader.read(summaryOnly: document)
  }

  /// Whether two segmented texts look like the two language versions of one meeting: each is a
  /// page holding a summary and a full text, and their summaries are in different languages
  /// (the rule of `--mode auto`).
  public static func isRelease(_ first: Document, _ second: Document, with reader: StructureReader) -> Bool {
    guard let a = try? reader.read(page: first), let b = try? reader.read(page: second),
      !a.summarySentences.isEmpty, !b.summarySentences.isEmpty
    else { return false }
    return a.summary.dominantLanguage(in: a.summarySentences) != b.summary.dominantLanguage(in: b.summarySentences)
  }

  /// Prepares a page read by ``readPage(_:with:)``: its summary side, and its summary aligned
  /// with its full text.
  /// - Parameters:
  ///   - summaryLanguage: imposed summary language, or nil to detect it.
  ///   - lexicon: the lexicon between the summary's and the full text's languages.
  public func page(
    _ structure: PageStructure, summaryLanguage: Language? = nil, lexicon: (Language, Language) throws -> Lexicon?
  ) rethrows -> Page {
    let fullText = structure.fullTextSentences
    let hasFullText = !fullText.isEmpty && structure.summary.sentences.indices.contains(fullText.lowerBound)
    let summarySide = hasFullText ? 0..<fullText.lowerBound : 0..<structure.summary.sentences.count
    let translatableKinds: Set<PagePart.Kind> = [.title, .summary, .documentation]
    let translatableParts = structure.parts.filter { $0.inSummaryDocument && translatableKinds.contains($0.kind) }
    let lower = translatableParts.map(\.sentences.lowerBound).min() ?? summarySide.upperBound
    let upper = translatableParts.map(\.sentences.upperBound).max() ?? summarySide.upperBound
    let language = summaryLanguage ?? structure.summary.dominantLanguage(in: lower..<upper)
    var condensation: Bitext? = nil
    var fullTextLanguage: Language? = nil
    if hasFullText {
      let target = structure.fullText.dominantLanguage(in: fullText)
      fullTextLanguage = target
      let aligner = SummaryAligner(
        lexicon: language != target ? try lexicon(language, target) : nil, english: english, structure: structureResources,
        configuration: configuration.summary)
      condensation = aligner.align(structure)
    }
    return Page(
      structure: structure, summaryLanguage: language, fullTextLanguage: fullTextLanguage, summarySide: summarySide,
      translatable: min(lower, upper)..<upper, condensation: condensation)
  }

  /// Aligns two pages read by ``page(_:summaryLanguage:)``.
  public func align(_ a: Page, _ b: Page) -> Alignment {
    let documentA = a.structure.summary, documentB = b.structure.summary
    // Step 1: the summary sides as translations.
    let excerptA = documentA.excerpt(a.translatable), excerptB = documentB.excerpt(b.translatable)
    let parallel = translationAligner.align(source: excerptA, target: excerptB)
    // Step 3's data: condensation links and the full-text match.
    let match = configuration.usePivot && a.hasFullText && b.hasFullText ? Self.matchFullTexts(a.structure, b.structure) : [:]
    let linksA = Self.links(a.condensation), linksB = Self.links(b.condensation)
    // The parallel aligner's own measures, for members of merged beads.
    let features = PairFeatures(
      source: excerptA, target: excerptB, extractor: translationAligner.extractor,
      commonest: configuration.parallel.weightByCommonestAlternative)
    var cache = PairCache(features: features)

    var units: [TranslationUnit] = []
    func unaligned(source: [Int], target: [Int]) {
      units.append(
        TranslationUnit(
          unit: AlignmentUnit.unaligned(source: source, target: target), pivot: .none, parallelScore: 0,
          sourceFullText: [], targetFullText: []))
    }
    // Sentences outside the translatable range (chrome before, footer of a summary-only page
    // after): unaligned units, so that every summary-side sentence is in exactly one unit.
    for i in a.summarySide where i < a.translatable.lowerBound { unaligned(source: [i], target: []) }
    for j in b.summarySide where j < b.translatable.lowerBound { unaligned(source: [], target: [j]) }
    let offsetA = a.translatable.lowerBound, offsetB = b.translatable.lowerBound
    func via(_ s: [Int], _ t: [Int]) -> (source: [Int], target: [Int]) {
      guard !match.isEmpty else { return ([], []) }
      return (
        Set(s.flatMap { linksA[$0] ?? [] }.compactMap { match[$0] }).sorted(),
        Set(t.flatMap { linksB[$0] ?? [] }).sorted()
      )
    }
    for bead in parallel.units {
      var source = bead.source.map { $0 + offsetA }
      var target = bead.target.map { $0 + offsetB }
      guard !source.isEmpty && !target.isEmpty else {
        unaligned(source: source, target: target)
        continue
      }
      var score = bead.score
      var detachedUnits: [TranslationUnit] = []
      if configuration.usePivot && configuration.detachMembers && source.count + target.count > 2 {
        // A merged bead: a member the pivot contradicts and that the other side contains much
        // less than the best member is detached and left unaligned.
        let detached = detachedMembers(source, target, via: via) { member, isSource, others in
          Self.containment(
            member - (isSource ? offsetA : offsetB), isSource: isSource,
            in: others.map { $0 - (isSource ? offsetB : offsetA) }, features, &cache)
        }
        source.removeAll { detached.source.contains($0) }
        target.removeAll { detached.target.contains($0) }
        if let s0 = source.first, let s1 = source.last, let t0 = target.first, let t1 = target.last,
          !detached.source.isEmpty || !detached.target.isEmpty
        {
          for i in detached.source {
            let links = via([i], []).source
            detachedUnits.append(
              TranslationUnit(
                unit: AlignmentUnit.unaligned(source: [i], target: []), pivot: .contradicted, parallelScore: bead.score,
                sourceFullText: links, targetFullText: []))
          }
          for j in detached.target {
            let links = via([], [j]).target
            detachedUnits.append(
              TranslationUnit(
                unit: AlignmentUnit.unaligned(source: [], target: [j]), pivot: .contradicted, parallelScore: bead.score,
                sourceFullText: [], targetFullText: links))
          }
          // The rest keeps the unit, scored anew.
          score = translationAligner.similarity((s0 - offsetA)..<(s1 - offsetA + 1), (t0 - offsetB)..<(t1 - offsetB + 1), features, &cache)
        }
      }
      let (viaA, viaB) = via(source, target)
      let pivot = configuration.usePivot ? verdict(viaA, viaB) : .none
      if pivot == .contradicted { score *= configuration.contradictionFactor }
      let unit = AlignmentUnit(
        source: source, target: target, score: score, speakerSource: nil, speakerTarget: nil, section: nil, mentions: [])
      // In page order: a detached member before the rest when it comes first on its side.
      let kept = TranslationUnit(unit: unit, pivot: pivot, parallelScore: bead.score, sourceFullText: viaA, targetFullText: viaB)
      func position(_ u: TranslationUnit) -> Int {
        u.unit.source.first.map { ($0 - (source.first ?? 0)) } ?? u.unit.target.first.map { ($0 - (target.first ?? 0)) } ?? 0
      }
      units += ([kept] + detachedUnits).enumerated().sorted { (position($0.element), $0.offset) < (position($1.element), $1.offset) }
        .map(\.element)
    }
    for i in a.summarySide where i >= a.translatable.upperBound { unaligned(source: [i], target: []) }
    for j in b.summarySide where j >= b.translatable.upperBound { unaligned(source: [], target: [j]) }
    return Alignment(pageA: a, pageB: b, translations: units, fullTextMatch: match)
  }

  /// The rarity-weighted share of a sentence's concepts (source sentence `i` when `isSource`,
  /// else target sentence `i`; excerpt numbering) found in sentences of the other side.
  static func containment(_ i: Int, isSource: Bool, in others: [Int], _ f: PairFeatures, _ cache: inout PairCache) -> Double {
    var mask: UInt64 = 0
    for j in others { mask |= isSource ? cache.masks(i, j).source : cache.masks(j, i).target }
    let side = isSource ? f.source[i] : f.target[i]
    return side.totalWeight > 0 ? side.weight(of: mask) / side.totalWeight : 0
  }

  /// Members of a merged bead to detach: on a side with several sentences, those whose own
  /// links are disjoint from the other side's and whose containment in the other side
  /// (`containment(member, isSource, otherSide)`) is below ``Configuration/memberFloor`` times
  /// the best member's; never every member of a side.
  func detachedMembers(
    _ source: [Int], _ target: [Int], via: ([Int], [Int]) -> (source: [Int], target: [Int]),
    containment: (Int, Bool, [Int]) -> Double
  ) -> (source: [Int], target: [Int]) {
    func detach(_ members: [Int], isSource: Bool, others: [Int]) -> [Int] {
      guard members.count > 1 else { return [] }
      let otherLinks = isSource ? via([], others).target : via(others, []).source
      let shares = members.map { containment($0, isSource, others) }
      let best = shares.max() ?? 0
      let detached = zip(members, shares).filter { member, share in
        let own = isSource ? via([member], []).source : via([], [member]).target
        let contradicted = isSource ? verdict(own, otherLinks) == .contradicted : verdict(otherLinks, own) == .contradicted
        return contradicted && share < configuration.memberFloor * best
      }.map(\.0)
      return detached.count < members.count ? detached : []
    }
    return (detach(source, isSource: true, others: target), detach(target, isSource: false, others: source))
  }

  /// A page's coverage report (its summary against its full text), nil for a summary-only page.
  public static func coverageReport(of page: Page) -> CoverageReport? {
    page.condensation.map {
      CoverageReport(
        structure: page.structure, bitext: $0, summaryLanguage: page.summaryLanguage, fullTextLanguage: page.fullTextLanguage)
    }
  }

  /// The pivot's verdict on a pair from the full-text sentences (page B numbering) each side
  /// condenses.
  func verdict(_ viaSource: [Int], _ viaTarget: [Int]) -> Pivot {
    guard !viaSource.isEmpty, !viaTarget.isEmpty else { return .none }
    let distance = configuration.agreementDistance
    for i in viaSource where viaTarget.contains(where: { abs($0 - i) <= distance }) { return .confirmed }
    return .contradicted
  }

  /// Summary sentence → the full-text sentences it condenses.
  static func links(_ bitext: Bitext?) -> [Int: [Int]] {
    var out: [Int: [Int]] = [:]
    for unit in bitext?.units ?? [] where unit.isAligned {
      for s in unit.source { out[s, default: []] += unit.target }
    }
    return out
  }

  /// Matches the two pages' full-text sentences by text (white space folded): sentences whose
  /// text is unique on both sides are paired and chained in order (a longest increasing
  /// subsequence), then equal texts between two consecutive chained pairs are paired in order.
  /// Sentences edited on one page, or present on one page only, stay unmatched.
  static func matchFullTexts(_ a: PageStructure, _ b: PageStructure) -> [Int: Int] {
    func keys(_ s: PageStructure) -> [(index: Int, key: String)] {
      s.fullTextSentences.map { i in
        (i, s.fullText.text(of: s.fullText.sentences[i]).split(whereSeparator: \.isWhitespace).joined(separator: " "))
      }
    }
    let ka = keys(a), kb = keys(b)
    var countA: [String: Int] = [:], countB: [String: Int] = [:], positionB: [String: Int] = [:]
    for entry in ka { countA[entry.key, default: 0] += 1 }
    for (k, entry) in kb.enumerated() {
      countB[entry.key, default: 0] += 1
      positionB[entry.key] = k
    }
    // Unique pairs (positions in ka, kb), in ka order; chain them by a longest increasing
    // subsequence on the kb position.
    let unique = ka.enumerated().compactMap { (p, entry) -> (Int, Int)? in
      guard countA[entry.key] == 1, countB[entry.key] == 1, let q = positionB[entry.key] else { return nil }
      return (p, q)
    }
    let chain = longestIncreasingChain(unique)
    var match: [Int: Int] = [:]
    var previous = (-1, -1)
    for anchor in chain + [(ka.count, kb.count)] {
      // Between anchors: equal texts in order.
      var lastQ = previous.1
      var positions: [String: [Int]] = [:]
      if anchor.1 - previous.1 > 1 {
        for q in (previous.1 + 1)..<anchor.1 { positions[kb[q].key, default: []].append(q) }
      }
      if anchor.0 - previous.0 > 1 {
        for p in (previous.0 + 1)..<anchor.0 {
          guard let q = positions[ka[p].key]?.first(where: { $0 > lastQ }) else { continue }
          match[ka[p].index] = kb[q].index
          lastQ = q
        }
      }
      if anchor.0 < ka.count { match[ka[anchor.0].index] = kb[anchor.1].index }
      previous = anchor
    }
    return match
  }

  /// The longest subsequence of pairs (already increasing in their first member) whose second
  /// members increase (patience sorting, O(n log n)).
  static func longestIncreasingChain(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
    var tails: [Int] = []  // index into pairs of the smallest tail of each length
    var parent = [Int](repeating: -1, count: pairs.count)
    for (k, pair) in pairs.enumerated() {
      var low = 0, high = tails.count
      while low < high {
        let mid = (low + high) / 2
        if pairs[tails[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
      }
      if low > 0 { parent[k] = tails[low - 1] }
      if low == tails.count { tails.append(k) } else { tails[low] = k }
    }
    var out: [(Int, Int)] = []
    var k = tails.last ?? -1
    while k >= 0 {
      out.append(pairs[k])
      k = parent[k]
    }
    return out.reversed()
  }
}

extension Document {
  /// The document restricted to a range of its sentences (renumbered from 0; offsets and text
  /// unchanged), for aligners that work on whole documents.
  func excerpt(_ range: Range<Int>) -> Document {
    let clamped = range.clamped(to: sentences.indices)
    var newParagraphs: [Paragraph] = []
    var newSentences: [Sentence] = []
    var paragraphNumber: [Int: Int] = [:]
    for old in sentences[clamped] {
      let number: Int
      if let known = paragraphNumber[old.paragraph] {
        number = known
      } else {
        number = newParagraphs.count
        paragraphNumber[old.paragraph] = number
        let p = paragraphs[old.paragraph]
        let first = newSentences.count
        let inside = p.sentenceIndices.clamped(to: clamped)
        newParagraphs.append(
          Paragraph(
            index: number, start: p.start, end: p.end, language: p.language,
            sentenceIndices: first..<(first + inside.count), utf8Range: p.utf8Range))
      }
      newSentences.append(
        Sentence(
          index: newSentences.count, start: old.start, end: old.end, paragraph: number, language: old.language,
          kind: old.kind, utf8Range: old.utf8Range))
    }
    return Document(source: source, paragraphs: newParagraphs, sentences: newSentences)
  }
}
