import Foundation
import Synchronization

/// Every resource DocAlign aligns with, loaded once and shared read-only by all threads.
///
/// Each part is read from the ``ResourceDirectory`` on first use, so that a run pays only for
/// what its jobs need (an English page never loads the zh→en lexicon). A failed load is kept and
/// reported again to every later user, so that all jobs of a batch see the same error.
///
/// Objects that are not thread-safe (ICU break iterators and transliterators) are not held here:
/// each ``JobRunner`` opens its own.
public final class ResourceSet: Sendable {
  /// The folder the parts are read from.
  public let directory: ResourceDirectory

  private let segmentationSlot: LazySlot<SegmentationRules>
  private let structureSlot: LazySlot<StructureResources>
  private let englishSlot: LazySlot<EnglishWords>
  private let chineseLexiconSlot: LazySlot<Lexicon>
  private let learnedLexiconSlot: LazySlot<LearnedLexicon?>
  /// The file of a lexicon learned beforehand (`docalign lexicon learn`), if one was given.
  public let learnedLexiconPath: String?
  /// The xx→en lexicons (fr, es, ru, ar), each loaded on first use.
  private let otherLexiconSlots: [Language: LazySlot<Lexicon>]

  /// Resources read from `directory` as they are needed; `learnedLexicon` names a lexicon file
  /// learned beforehand over an archive, which parallel mode then uses beside the one it learns
  /// per job.
  public init(directory: ResourceDirectory, learnedLexicon: String? = nil) {
    self.directory = directory
    learnedLexiconPath = learnedLexicon
    learnedLexiconSlot = LazySlot { try learnedLexicon.map { try LearnedLexicon(contentsOf: $0) } }
    segmentationSlot = LazySlot { try SegmentationRules(resources: directory) }
    structureSlot = LazySlot { try StructureResources(resources: directory) }
    englishSlot = LazySlot { try EnglishWords(resources: directory) }
    chineseLexiconSlot = LazySlot { try Lexicon(resources: directory) }
    var others: [Language: LazySlot<Lexicon>] = [:]
    for language in [Language.french, .spanish, .russian, .arabic] {
      others[language] = LazySlot { try Lexicon(resources: directory, source: language) }
    }
    otherLexiconSlots = others
  }

  /// Resources from the folder found by ``ResourceDirectory/locate(explicitPath:)``.
  /// - Throws: ``DocAlignError/resourceNotFound(name:searched:)``.
  public convenience init(locating explicitPath: String? = nil) throws {
    self.init(directory: try ResourceDirectory.locate(explicitPath: explicitPath))
  }

  /// The segmenter's abbreviation and sentence-starter lists.
  /// - Throws: the errors of ``SegmentationRules/init(resources:)``.
  public func segmentationRules() throws -> SegmentationRules { try segmentationSlot.value() }

  /// Section headings, boilerplate, speech verbs and the names gazetteer.
  /// - Throws: the errors of ``StructureResources/init(resources:)``.
  public func structure() throws -> StructureResources { try structureSlot.value() }

  /// English stop words and normalisation.
  /// - Throws: the errors of ``EnglishWords/init(resources:)``.
  public func english() throws -> EnglishWords { try englishSlot.value() }

  /// The lexicon learned beforehand, or nil when none was given.
  /// - Throws: the errors of ``LearnedLexicon/init(contentsOf:)``.
  public func learnedLexicon() throws -> LearnedLexicon? { try learnedLexiconSlot.value() }

  /// The bilingual lexicon that bridges `source` and `target`, or nil when the pair needs none
  /// (same language) or DocAlign has none for it (the pair then aligns on numbers, names, shared
  /// tokens and length): zh→en when one side is Chinese, xx→en (`lexicon/XX-en.tsv`) when one
  /// side is English and the other French, Spanish, Russian or Arabic.
  /// - Throws: the errors of ``Lexicon/init(resources:source:)`` when the lexicon is needed but
  ///   broken.
  public func lexicon(source: Language, target: Language) throws -> Lexicon? {
    guard source != target else { return nil }
    if source == .chinese || target == .chinese { return try chineseLexiconSlot.value() }
    let other = source == .english ? target : target == .english ? source : nil
    guard let other, let slot = otherLexiconSlots[other] else { return nil }
    return try slot.value()
  }
}

/// A value computed once, on first use, by whichever thread asks first; the others wait for it.
/// The outcome (value or error) is kept.
final class LazySlot<Value: Sendable>: Sendable {
  private let state: Mutex<Result<Value, any Error>?> = Mutex(nil)
  private let load: @Sendable () throws -> Value

  init(_ load: @escaping @Sendable () throws -> Value) { self.load = load }

  func value() throws -> Value {
    try state.withLock { state in
      if let state { return try state.get() }
      let outcome = Result { try load() }
      state = outcome
      return try outcome.get()
    }
  }
}
