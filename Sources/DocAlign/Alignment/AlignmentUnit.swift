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
  /// The thresholds used (name → value), for reports.
  public let thresholds: [String: Double]
}
