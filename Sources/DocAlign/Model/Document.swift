/// A segmented text: its paragraphs and the sentences (and heading lines) inside them.
///
/// Built by ``Segmenter``; read by the structure reader and the aligners. The text is never
/// rewritten: every unit is a range of ``SourceText/text``.
public struct Document: Sendable {
  /// The decoded input.
  public let source: SourceText
  /// Paragraphs in text order: blocks separated by blank or white-space-only lines.
  public let paragraphs: [Paragraph]
  /// Sentences and headings in text order, each inside one paragraph.
  public let sentences: [Sentence]

  /// The text of a sentence (a verbatim slice of the input).
  public func text(of sentence: Sentence) -> Substring {
    source.slice(utf8: sentence.utf8Range)
  }

  /// The text of a paragraph (a verbatim slice of the input, trimmed of white space).
  public func text(of paragraph: Paragraph) -> Substring {
    source.slice(utf8: paragraph.utf8Range)
  }

  /// The sentences of a paragraph.
  public func sentences(in paragraph: Paragraph) -> ArraySlice<Sentence> {
    sentences[paragraph.sentenceIndices]
  }
}

/// A paragraph: a block of lines between blank lines.
public struct Paragraph: Sendable, Hashable {
  /// Position among the document's paragraphs (0-based).
  public let index: Int
  /// Start offset in Unicode scalars into the decoded text (first non-blank character).
  public let start: Int
  /// End offset (exclusive) in Unicode scalars (after the last non-blank character).
  public let end: Int
  /// The language detected for this paragraph (or imposed by the caller).
  public let language: Language
  /// Indices into ``Document/sentences``.
  public let sentenceIndices: Range<Int>
  /// Byte range in the UTF-8 form of the text.
  let utf8Range: Range<Int>
}

/// A sentence or a heading line: the unit DocAlign aligns.
public struct Sentence: Sendable, Hashable {
  /// What kind of unit this is.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// An ordinary sentence.
    case sentence
    /// A heading, title, date or other one-line unit without terminal punctuation.
    case heading
  }

  /// Position among the document's sentences (0-based).
  public let index: Int
  /// Start offset in Unicode scalars into the decoded text.
  public let start: Int
  /// End offset (exclusive) in Unicode scalars into the decoded text.
  public let end: Int
  /// The paragraph holding it.
  public let paragraph: Int
  /// The language of its paragraph.
  public let language: Language
  /// Sentence or heading.
  public let kind: Kind
  /// Byte range in the UTF-8 form of the text.
  let utf8Range: Range<Int>
}

extension Document {
  /// The language covering most characters of a range of sentences (all of them by default;
  /// English for an empty range).
  public func dominantLanguage(in range: Range<Int>? = nil) -> Language {
    var counts: [Language: Int] = [:]
    for i in range ?? sentences.indices {
      counts[sentences[i].language, default: 0] += sentences[i].end - sentences[i].start
    }
    // Ties go to the language listed first, so that the choice never depends on hashing.
    var best: (language: Language, count: Int)? = nil
    for language in Language.allCases {
      if let count = counts[language], count > (best?.count ?? 0) { best = (language, count) }
    }
    return best?.language ?? .english
  }
}
