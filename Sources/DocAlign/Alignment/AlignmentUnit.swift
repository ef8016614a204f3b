/// One unit of an alignment: source sentences (of the summary, or of the source text in parallel
/// mode) linked to target sentences, with a score. A unit with no target leaves its source
/// unaligned; a unit of a list sentence carries the speakers it names.
public struct AlignmentUnit: Sendable, Hashable {
  /// Source sentence indices (into the source document), in order.
  public let source: [Int]
  /// Target sentence indices (into the target document), in order; empty when unaligned.
  public let target: [Int]
  /// How well the two sides match, in [0, 1] (higher is better).
  ///
  /// - Summary mode, aligned unit: the score of the link (0.6 × the share of the summary
  ///   sentence's concepts found + 0.4 × the share of the target's words accounted for), at least
  ///   the threshold that applied (``Bitext/thresholds``).
  /// - Summary mode, unaligned summary sentence: the best score any candidate reached, which is
  ///   below that threshold — how close it came; 0 when the sentence had no candidate at all
  ///   (page chrome, the title block, headings, the documentation note, speaker lists, a sentence
  ///   with no comparable words).
  /// - Parallel mode: the bead's similarity; 0 for a deletion or insertion (1-0, 0-1).
  ///
  /// So `score > 0` does not mean aligned: use ``isAligned``.
  public let score: Double
  /// How the source names the speaker, if it does.
  public let speakerSource: String?
  /// The speaker of the linked turn, as the name opens that turn (`KATE GILMORE`, `Bahrain`).
  public let speakerTarget: String?
  /// The title of the target's section.
  public let section: String?
  /// For a list of speakers: each item and the name opening its turn (nil: nobody matches).
  public let mentions: [Mention]

  /// A speaker named by a list item.
  public struct Mention: Sendable, Hashable {
    /// The item as written.
    public let source: String
    /// The name as it opens that speaker's turn, or nil.
    public let target: String?
  }

  /// "1-2", "1-0" …
  public var alignmentType: String { "\(source.count)-\(target.count)" }

  /// Whether the unit links something.
  public var isAligned: Bool { !target.isEmpty && !source.isEmpty }
}

/// The result of aligning two documents.
public struct Bitext: Sendable {
  /// The source document (the summary in summary mode).
  public let source: Document
  /// The target document (the full text in summary mode).
  public let target: Document
  /// Units in source order; every source sentence that takes part appears in exactly one.
  public let units: [AlignmentUnit]
  /// The score bars the aligner used, for reports.
  public let thresholds: AlignmentThresholds
}

/// The score bars of an alignment; each is set only in the mode that uses it.
public struct AlignmentThresholds: Sendable, Hashable {
  /// The bars by name, in the order reports list them.
  public enum Name: String, Sendable, CaseIterable {
    /// Summary mode: the bar for a sentence with a speaker.
    case speaker
    /// Summary mode: the bar for a sentence about nobody in particular.
    case open
    /// Parallel mode: what a sentence left out (a 1-0 or 0-1 bead) scores.
    case skip
  }

  /// Summary mode: the bar for a summary sentence with a speaker (its candidates are that
  /// speaker's sentences).
  public var speaker: Double?
  /// Summary mode: the bar for a sentence about nobody in particular (its candidates are the
  /// whole full text).
  public var open: Double?
  /// Parallel mode: what a deletion or insertion scores.
  public var skip: Double?

  /// Thresholds with the given bars set.
  public init(speaker: Double? = nil, open: Double? = nil, skip: Double? = nil) {
    self.speaker = speaker
    self.open = open
    self.skip = skip
  }

  /// The bar of a name, if it is set.
  public subscript(name: Name) -> Double? {
    switch name {
    case .speaker: return speaker
    case .open: return open
    case .skip: return skip
    }
  }

  /// The bars that are set, in the order of ``Name``.
  public var set: [(name: Name, value: Double)] {
    Name.allCases.compactMap { name in self[name].map { (name, $0) } }
  }
}
