/// What a summary covers of its full text: who and what it reports, and what it says without
/// support — the check an editor runs on a summary before release.
///
/// Built from a page's ``PageStructure`` and the summary alignment (``Bitext``):
/// - each full-text speaker (in order of first turn) is *covered* when the summary links at least
///   one of their sentences, *named* when it does not but a summary mention (a speaker list item,
///   or the name opening a sentence) resolves to them, and *not mentioned* otherwise. A speaker's
///   sentences are those of their turns and of the joint statements they join;
/// - each section gets its share of sentences the summary links to;
/// - each summary-side sentence is linked, a speaker list, expected to stand alone (page chrome,
///   title block, documentation, a heading, a sentence opening with a ``Dateline``), or
///   unsupported, with the reason and its best score;
/// - mentions that resolve to nobody in the full text are listed.
public struct CoverageReport: Sendable {
  /// The page's structure, with the summary and full-text documents.
  public let structure: PageStructure
  /// The summary's language.
  public let summaryLanguage: Language
  /// The full text's language.
  public let fullTextLanguage: Language
  /// The alignment thresholds used (`speaker`, `open`).
  public let thresholds: AlignmentThresholds
  /// Every full-text speaker, in order of first turn.
  public let speakers: [SpeakerCoverage]
  /// Every section of the full text, in text order.
  public let sections: [SectionCoverage]
  /// Every summary-side sentence (chrome, title, summary, documentation), in text order.
  public let summarySentences: [SummarySentenceCoverage]
  /// Summary mentions that resolve to nobody in the full text, in text order.
  public let unresolvedMentions: [SpeakerMention]
  /// For each linked full-text sentence, the summary sentences linking to it (in order).
  public let linksByFullTextSentence: [Int: [Int]]
  /// The totals.
  public let totals: Totals

  /// The unsupported summary sentences, in text order.
  public var unsupportedSentences: [SummarySentenceCoverage] {
    summarySentences.filter { $0.status == .unsupported }
  }

  /// Computes the report of a page's structure and its summary alignment.
  /// - Parameters:
  ///   - summaryLanguage: the summary's language (default: the one covering most of its text).
  ///   - fullTextLanguage: the full text's language (default: likewise).
  public init(structure: PageStructure, bitext: Bitext, summaryLanguage: Language? = nil, fullTextLanguage: Language? = nil) {
    self.structure = structure
    self.summaryLanguage = summaryLanguage ?? structure.summary.dominantLanguage(in: structure.summarySentences)
    self.fullTextLanguage = fullTextLanguage ?? structure.fullText.dominantLanguage(in: structure.fullTextSentences)
    thresholds = bitext.thresholds
    let fullText = structure.fullText

    // Links, both ways.
    var linksByFullTextSentence: [Int: [Int]] = [:]
    for unit in bitext.units where unit.isAligned {
      for target in unit.target { linksByFullTextSentence[target, default: []].append(contentsOf: unit.source) }
    }
    self.linksByFullTextSentence = linksByFullTextSentence
    let isCountedSentence = { (index: Int) -> Bool in
      fullText.sentences.indices.contains(index) && fullText.sentences[index].kind == .sentence
    }

    // Speakers.
    var listed = Set<Int>(), mentioned = Set<Int>()
    for mention in structure.mentions {
      guard let speaker = mention.speaker else { continue }
      mentioned.insert(speaker)
      if mention.isListItem { listed.insert(speaker) }
    }
    speakers = structure.speakers.map { speaker in
      let ownTurns = structure.turns.filter { $0.speaker == speaker.id }
      let turns = structure.turns.filter { $0.speaker == speaker.id || $0.jointSpeakers.contains(speaker.id) }
      let sentences = turns.flatMap { Array($0.sentences) }.filter(isCountedSentence)
      let linked = sentences.filter { linksByFullTextSentence[$0] != nil }
      var sections: [Int] = []
      for turn in turns { if let section = turn.section, !sections.contains(section) { sections.append(section) } }
      let status: SpeakerCoverage.Status =
        !linked.isEmpty ? .covered : mentioned.contains(speaker.id) ? .named : .notMentioned
      return SpeakerCoverage(
        id: speaker.id, name: speaker.name, key: speaker.key, role: speaker.role, onBehalfOf: speaker.onBehalfOf,
        sections: sections.sorted(), sentences: sentences, linkedSentences: linked,
        isInSpeakerList: listed.contains(speaker.id), isMentioned: mentioned.contains(speaker.id),
        speaksOnlyJointly: ownTurns.isEmpty && !turns.isEmpty, firstSentence: turns.first?.sentences.first, status: status)
    }

    // Sections.
    sections = structure.sections.map { section in
      let sentences = section.sentences.filter(isCountedSentence)
      let linked = sentences.filter { linksByFullTextSentence[$0] != nil }
      var speakers: [Int] = []
      for turn in structure.turns where turn.section == section.index {
        for id in [turn.speaker] + turn.jointSpeakers where !speakers.contains(id) { speakers.append(id) }
      }
      return SectionCoverage(
        index: section.index, kind: section.kind, title: section.title, heading: section.heading,
        sentenceCount: sentences.count, linkedSentenceCount: linked.count, speakers: speakers)
    }

    // Summary-side sentences.
    let listSentences = Set(structure.mentions.filter(\.isListItem).map(\.sentence))
    let summaryParts = structure.parts.filter { $0.inSummaryDocument && $0.kind != .fullText && $0.kind != .footer }
    let speakerThreshold = bitext.thresholds.speaker
    let openThreshold = bitext.thresholds.open
    var summarySentences: [SummarySentenceCoverage] = []
    for unit in bitext.units {
      for index in unit.source where structure.summary.sentences.indices.contains(index) {
        let sentence = structure.summary.sentences[index]
        let text = String(structure.summary.text(of: sentence))
        let part = summaryParts.first { $0.sentences.contains(index) }?.kind ?? .summary
        let speaker = structure.summarySpeakers[index]
        let status: SummarySentenceCoverage.Status
        var reason: SummarySentenceCoverage.Reason? = nil
        var threshold: Double? = nil
        if unit.isAligned {
          status = .linked
        } else if listSentences.contains(index) {
          status = .speakerList
        } else if part != .summary {
          status = .standsAlone
          reason = part == .chrome ? .chrome : part == .title ? .title : .documentation
        } else if sentence.kind == .heading {
          status = .standsAlone
          reason = .heading
        } else if Dateline.opens(text) {
          status = .standsAlone
          reason = .dateline
        } else {
          status = .unsupported
          reason = speaker == nil ? .noSpeaker : .belowThreshold
          threshold = speaker == nil ? openThreshold : speakerThreshold
        }
        summarySentences.append(SummarySentenceCoverage(
          index: index, text: text, part: part, status: status, reason: reason, score: unit.score, threshold: threshold,
          targets: unit.target, speaker: speaker))
      }
    }
    self.summarySentences = summarySentences.sorted { $0.index < $1.index }
    unresolvedMentions = structure.mentions.filter { $0.speaker == nil }

    // Totals.
    let fullTextSentences = structure.fullTextSentences.filter(isCountedSentence)
    var speakerCounts: [SpeakerCoverage.Status: Int] = [:]
    for speaker in speakers { speakerCounts[speaker.status, default: 0] += 1 }
    var sentenceCounts: [SummarySentenceCoverage.Status: Int] = [:]
    for sentence in summarySentences { sentenceCounts[sentence.status, default: 0] += 1 }
    func count(_ status: SpeakerCoverage.Status) -> Int { speakerCounts[status] ?? 0 }
    func count(_ status: SummarySentenceCoverage.Status) -> Int { sentenceCounts[status] ?? 0 }
    totals = Totals(
      speakers: structure.speakers.count, coveredSpeakers: count(.covered), namedSpeakers: count(.named),
      notMentionedSpeakers: count(.notMentioned),
      summarySentences: summarySentences.count, linkedSummarySentences: count(.linked),
      speakerListSentences: count(.speakerList), standaloneSentences: count(.standsAlone),
      unsupportedSentences: count(.unsupported),
      fullTextSentences: fullTextSentences.count,
      linkedFullTextSentences: fullTextSentences.filter { linksByFullTextSentence[$0] != nil }.count,
      mentions: structure.mentions.count, unresolvedMentions: unresolvedMentions.count)
  }

  /// The figures of a report.
  public struct Totals: Sendable, Hashable {
    /// Full-text speakers.
    public let speakers: Int
    /// Speakers with at least one sentence the summary links to.
    public let coveredSpeakers: Int
    /// Speakers not covered but named by the summary.
    public let namedSpeakers: Int
    /// Speakers neither covered nor named.
    public let notMentionedSpeakers: Int
    /// Summary-side sentences (chrome, title, summary, documentation).
    public let summarySentences: Int
    /// Summary-side sentences linked to the full text.
    public let linkedSummarySentences: Int
    /// Summary sentences listing speakers.
    public let speakerListSentences: Int
    /// Summary-side sentences expected to stand alone.
    public let standaloneSentences: Int
    /// Summary sentences with no support in the full text.
    public let unsupportedSentences: Int
    /// Full-text sentences (headings not counted).
    public let fullTextSentences: Int
    /// Full-text sentences the summary links to.
    public let linkedFullTextSentences: Int
    /// Summary mentions of speakers.
    public let mentions: Int
    /// Mentions resolving to nobody in the full text.
    public let unresolvedMentions: Int

    /// The speaker coverage in percent: the share of speakers covered or named; nil when the full
    /// text has no speakers.
    public var speakerCoveragePercent: Double? {
      speakers == 0 ? nil : Double(coveredSpeakers + namedSpeakers) * 100 / Double(speakers)
    }

    /// The share of full-text sentences linked, in percent; nil for an empty full text.
    public var fullTextCoveragePercent: Double? {
      fullTextSentences == 0 ? nil : Double(linkedFullTextSentences) * 100 / Double(fullTextSentences)
    }
  }
}

/// How the summary covers one full-text speaker.
public struct SpeakerCoverage: Sendable, Hashable {
  /// Covered, named only, or not mentioned.
  public enum Status: String, Sendable, CaseIterable {
    /// The summary links to at least one of their sentences.
    case covered
    /// Not covered, but a summary mention resolves to them.
    case named
    /// Neither covered nor named.
    case notMentioned = "not-mentioned"
  }

  /// The speaker's id (position among ``PageStructure/speakers``).
  public let id: Int
  /// The name opening their first turn.
  public let name: String
  /// Their language-neutral key.
  public let key: String
  /// Panellist, delegation or organisation.
  public let role: Speaker.Role
  /// For a delegation speaking for a group, the group's key.
  public let onBehalfOf: String?
  /// The sections where they speak (section indices, ascending).
  public let sections: [Int]
  /// Their full-text sentences (own turns and joint statements; headings not counted).
  public let sentences: [Int]
  /// Those of their sentences the summary links to.
  public let linkedSentences: [Int]
  /// Whether a speaker list of the summary names them.
  public let isInSpeakerList: Bool
  /// Whether any summary mention (list item or the name opening a sentence) resolves to them.
  public let isMentioned: Bool
  /// Whether they speak only by joining another speaker's statement.
  public let speaksOnlyJointly: Bool
  /// The first sentence of their first turn (index into the full-text document).
  public let firstSentence: Int?
  /// Covered, named or not mentioned.
  public let status: Status
}

/// How the summary covers one section of the full text.
public struct SectionCoverage: Sendable, Hashable {
  /// Position among the sections.
  public let index: Int
  /// The heading's kind (`discussion`, `concluding-remarks`, `other` …).
  public let kind: Section.Kind
  /// The heading as written.
  public let title: String
  /// The heading's sentence index in the full-text document, if any.
  public let heading: Int?
  /// The section's sentences (headings not counted).
  public let sentenceCount: Int
  /// Those the summary links to.
  public let linkedSentenceCount: Int
  /// The ids of the speakers who speak in it, in order of their first turn there.
  public let speakers: [Int]

  /// The share of its sentences linked, in [0, 1] (0 for a section without sentences).
  public var share: Double { sentenceCount == 0 ? 0 : Double(linkedSentenceCount) / Double(sentenceCount) }
}

/// One summary-side sentence and how the full text supports it.
public struct SummarySentenceCoverage: Sendable, Hashable {
  /// What became of the sentence.
  public enum Status: String, Sendable, CaseIterable {
    /// Linked to one or more full-text sentences.
    case linked
    /// A list of speakers: it names speakers rather than condensing sentences.
    case speakerList = "speaker-list"
    /// Expected to have no counterpart (see ``Reason``).
    case standsAlone = "stands-alone"
    /// A summary sentence with no support in the full text.
    case unsupported
  }

  /// Why a sentence stands alone, or why it is unsupported.
  public enum Reason: String, Sendable, CaseIterable {
    /// Page chrome ("Skip to main content").
    case chrome
    /// The title block (title, subtitle, date, morning/afternoon).
    case title
    /// The documentation note ("Documentation", the reports before the Council).
    case documentation
    /// A heading line inside the summary.
    case heading
    /// A sentence opening with a dateline ("GENEVA (7 March 2016) - …").
    case dateline
    /// Unsupported: the sentence is about no speaker in particular, and no full-text sentence
    /// reaches the stricter threshold of such sentences.
    case noSpeaker = "no-speaker"
    /// Unsupported: none of its speaker's sentences reaches the threshold.
    case belowThreshold = "below-threshold"
  }

  /// Its index in the summary document.
  public let index: Int
  /// Its text, verbatim.
  public let text: String
  /// The part of the page holding it.
  public let part: PagePart.Kind
  /// Linked, speaker list, stands alone, unsupported.
  public let status: Status
  /// Why it stands alone or is unsupported; nil when linked or a speaker list.
  public let reason: Reason?
  /// The alignment score: of the link, or the best candidate's for an unsupported sentence.
  public let score: Double
  /// The threshold it failed (unsupported sentences only).
  public let threshold: Double?
  /// The full-text sentences it links to (indices into the full-text document).
  public let targets: [Int]
  /// The full-text speaker it is about, if any.
  public let speaker: Int?
}
