/// How a press release is organised: its parts, the full text's sections, who speaks where, and
/// whom the summary names.
///
/// Sentence indices refer to ``summary`` for summary-side things (parts of the summary file,
/// mentions) and to ``fullText`` for full-text things (sections, turns). For a single page both
/// are the same document.
public struct PageStructure: Sendable {
  /// The document holding the summary.
  public let summary: Document
  /// The document holding the full text (the same as ``summary`` for a single page).
  public let fullText: Document
  /// Whether summary and full text come from one page.
  public let isSinglePage: Bool
  /// The parts of the page(s), in text order.
  public internal(set) var parts: [PagePart] = []
  /// The full text's sections, in text order.
  public internal(set) var sections: [Section] = []
  /// Everyone who speaks in the full text, in order of first turn.
  public internal(set) var speakers: [Speaker] = []
  /// Speaker turns of the full text, in text order.
  public internal(set) var turns: [SpeakerTurn] = []
  /// Speakers named by the summary, in text order.
  public internal(set) var mentions: [SpeakerMention] = []
  /// For each summary sentence (index into ``summary``), the speaker it is about, if any: named
  /// in it, or inherited from an earlier sentence of its paragraph ("他表示…").
  public internal(set) var summarySpeakers: [Int: Int] = [:]

  /// The sentence range of the first part of a kind, if any.
  public func part(_ kind: PagePart.Kind) -> PagePart? { parts.first { $0.kind == kind } }

  /// The summary's sentence indices (empty when there is none).
  public var summarySentences: Range<Int> { part(.summary)?.sentences ?? 0..<0 }

  /// The full text's sentence indices.
  public var fullTextSentences: Range<Int> { part(.fullText)?.sentences ?? 0..<0 }

  /// The turn holding a full-text sentence, if any.
  public func turn(containing sentence: Int) -> SpeakerTurn? {
    turns.first { $0.sentences.contains(sentence) }
  }

  /// The section holding a full-text sentence, if any.
  public func section(containing sentence: Int) -> Section? {
    sections.first { $0.sentences.contains(sentence) }
  }
}

/// A part of a page.
public struct PagePart: Sendable, Hashable {
  /// What a part is.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// Navigation and language links ("Skip to main content", "VIEW THIS PAGE IN:").
    case chrome
    /// Header, title, subtitle, date, morning/afternoon.
    case title
    /// The summary of the meeting.
    case summary
    /// "Documentation": the reports before the body.
    case documentation
    /// The full text of the meeting.
    case fullText = "full-text"
    /// Footer boilerplate ("For use of the information media; not an official record").
    case footer
  }

  /// What it is.
  public let kind: Kind
  /// Whether it lies in the summary document (else the full-text document).
  public let inSummaryDocument: Bool
  /// Its sentences (indices into its document).
  public let sentences: Range<Int>
}

/// A section of the full text, opened by a heading.
public struct Section: Sendable, Hashable {
  /// Position among the sections.
  public let index: Int
  /// What the heading says the section is (`Resources/structure/section-headings.tsv`), `other`
  /// for an unknown heading, `untitled` for full text before the first heading.
  public let kind: Kind
  /// The heading as written.
  public let title: String
  /// The heading's sentence index, and the section's sentences (heading included).
  public let heading: Int?
  public let sentences: Range<Int>
}

extension Section {
  /// The kinds of section a UN meeting's full text has; the raw values are the KIND column of
  /// `Resources/structure/section-headings.tsv` and what the JSON outputs write.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case openingStatements = "opening-statements"
    case panelStatements = "panel-statements"
    case introductionOfReport = "introduction-of-report"
    case statements
    case interactiveDialogue = "interactive-dialogue"
    case interactiveDebate = "interactive-debate"
    case generalDebate = "general-debate"
    case discussion
    case replies
    case rightOfReply = "right-of-reply"
    case concludingRemarks = "concluding-remarks"
    case actionOnResolutions = "action-on-resolutions"
    /// The documentation note ("Documentation", "文件"): a part of the summary, not a section.
    case documentation
    /// A heading no table knows (a short line without terminal punctuation).
    case other
    /// Full text before its first heading.
    case untitled
  }
}

/// Someone who speaks in the full text: one identity, however many turns.
public struct Speaker: Sendable, Hashable {
  /// What kind of speaker.
  public enum Role: String, Sendable, Codable {
    /// A person on the panel (moderator, panellists, presidents): names in capitals.
    case panellist
    /// A State or a group of States.
    case delegation
    /// An organisation (intergovernmental or civil society).
    case organisation
  }

  /// Position among the speakers.
  public let id: Int
  /// The name as it opens the speaker's first turn (`KATE GILMORE`, `Kuwait`).
  public let name: String
  /// A language-neutral key: a gazetteer key (`KW`, `group:arab`, `org:unicef`), or
  /// `person:` / `name:` plus the folded name.
  public let key: String
  /// Panellist, delegation or organisation.
  public let role: Role
  /// For a delegation speaking for a group, the group's key.
  public internal(set) var onBehalfOf: String?
  /// Folded words of the name, for matching.
  let nameTokens: [String]
}

/// A run of full-text sentences spoken by one speaker in one section.
public struct SpeakerTurn: Sendable, Hashable {
  /// The speaker's id.
  public let speaker: Int
  /// The section's index.
  public let section: Int?
  /// The turn's sentences (indices into the full-text document).
  public internal(set) var sentences: Range<Int>
  /// Speakers joining the statement ("Plan International, in a joint statement with Save the
  /// Children International, …").
  public internal(set) var jointSpeakers: [Int] = []
}

/// A speaker named in the summary.
public struct SpeakerMention: Sendable, Hashable {
  /// The summary sentence naming them (index into the summary document).
  public let sentence: Int
  /// The mention as written: a list item (`代表阿拉伯集团的科威特`, `萨拉玛基金会(Alsalam
  /// Foundation)`) or the name opening a sentence (`凯特·吉尔摩(Kate Gilmore)`).
  public let text: String
  /// Whether it comes from a list of speakers ("以下国家和组织在辩论期间发言：…").
  public let isListItem: Bool
  /// The full-text speaker it resolves to, if any.
  public let speaker: Int?
  /// The gazetteer key of the name, if it has one.
  public let key: String?
}
