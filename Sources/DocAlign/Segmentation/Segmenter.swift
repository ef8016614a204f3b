import Dispatch
import Foundation

/// Splits a text into paragraphs, sentences and heading lines.
///
/// Paragraphs are blocks separated by blank or white-space-only lines (a line holding only a
/// no-break space counts as blank). Inside a paragraph, a single line break does not end a
/// sentence unless the line before it reads as a heading or the next line opens a list item.
/// Sentences come from ICU's sentence break iterator of the paragraph's language (one iterator
/// per language, reused), corrected by the rules in ``SegmentationRules``.
///
/// A `Segmenter` owns ICU iterators: use one per thread (a long text is itself segmented on all
/// cores, each with iterators of its own).
public final class Segmenter {
  /// The correction rules in use.
  public let rules: SegmentationRules
  private let detector = LanguageDetector()
  /// ICU iterators and scratch space, one set per concurrent worker.
  private var workers: [Worker] = []
  /// Texts shorter than this are segmented on one core.
  static let parallelThreshold = 1 << 18

  /// ICU iterators (opened lazily, one per language) and a scratch buffer.
  final class Worker {
    private var breakers: [Language: ICUSentenceBreaker] = [:]
    var scratch: [UInt8] = []

    func breaker(for language: Language) throws -> ICUSentenceBreaker {
      if let breaker = breakers[language] { return breaker }
      let breaker = try ICUSentenceBreaker(locale: language.sentenceBreakLocale)
      breakers[language] = breaker
      return breaker
    }
  }

  /// A segmenter with the given rules (``SegmentationRules/none`` for bare ICU).
  public init(rules: SegmentationRules) {
    self.rules = rules
  }

  /// A segmenter with the rules read from a resource folder.
  /// - Throws: the resource errors of ``SegmentationRules/init(resources:)``.
  public convenience init(resources: ResourceDirectory) throws {
    self.init(rules: try SegmentationRules(resources: resources))
  }

  /// Segments a text.
  /// - Parameters:
  ///   - source: the decoded text.
  ///   - language: the language of every paragraph, or nil to detect it per paragraph.
  /// - Returns: the document with its paragraphs and sentences.
  /// - Throws: ``DocAlignError/icu(operation:error:)`` when ICU fails.
  public func segment(_ source: SourceText, language: Language? = nil) throws -> Document {
    var text = source.text
    return try text.withUTF8 { buffer in
      let bytes = UTF8Bytes(bytes: buffer)
      let blocks = paragraphBlocks(bytes)
      let languages = assignLanguages(blocks, bytes: bytes, forced: language)
      let unitsPerBlock = try segmentBlocks(blocks, languages: languages, bytes: bytes)
      var paragraphs: [Paragraph] = []
      var sentences: [Sentence] = []
      paragraphs.reserveCapacity(blocks.count)
      sentences.reserveCapacity(unitsPerBlock.reduce(0) { $0 + $1.count })
      var cursor = ScalarOffsetCursor(bytes: buffer)
      for (k, block) in blocks.enumerated() {
        let paragraphLanguage = languages[k]
        let paragraphStart = cursor.scalarOffset(ofByte: block.range.lowerBound)
        let first = sentences.count
        for unit in unitsPerBlock[k] {
          let start = cursor.scalarOffset(ofByte: unit.range.lowerBound)
          let end = cursor.scalarOffset(ofByte: unit.range.upperBound)
          sentences.append(
            Sentence(
              index: sentences.count, start: start, end: end, paragraph: k,
              language: paragraphLanguage, kind: unit.isHeading ? .heading : .sentence,
              utf8Range: unit.range))
        }
        let paragraphEnd = cursor.scalarOffset(ofByte: block.range.upperBound)
        paragraphs.append(
          Paragraph(
            index: k, start: paragraphStart, end: paragraphEnd, language: paragraphLanguage,
            sentenceIndices: first..<sentences.count, utf8Range: block.range))
      }
      return Document(source: source, paragraphs: paragraphs, sentences: sentences)
    }
  }

  /// How many threads to use for a text of `length` bytes.
  private func threadCount(forBytes length: Int) -> Int {
    length < Self.parallelThreshold ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
  }

  /// The units of every block: in chunks on all cores for a long text, else on this thread.
  private func segmentBlocks(_ blocks: [Block], languages: [Language], bytes: UTF8Bytes) throws
    -> [[Unit]]
  {
    let threads = threadCount(forBytes: bytes.count)
    while workers.count < threads { workers.append(Worker()) }
    let workers = self.workers
    return try concurrentMap(count: blocks.count, workers: threads) { k, thread in
      try units(of: blocks[k], bytes: bytes, language: languages[k], worker: workers[thread])
    }
  }

  // MARK: - Paragraphs and lines

  struct Line {
    /// The line's content without its terminator, trimmed of blanks.
    var range: Range<Int>
  }

  struct Block {
    /// Trimmed byte range of the paragraph.
    var range: Range<Int>
    var lines: [Line]
  }

  /// Splits the text into paragraphs (runs of non-blank lines).
  func paragraphBlocks(_ bytes: UTF8Bytes) -> [Block] {
    var blocks: [Block] = []
    var lines: [Line] = []
    var i = 0
    let n = bytes.count
    func closeParagraph() {
      if let first = lines.first, let last = lines.last {
        blocks.append(Block(range: first.range.lowerBound..<last.range.upperBound, lines: lines))
      }
      lines.removeAll(keepingCapacity: true)
    }
    while i < n {
      // One line: [i, lineEnd), terminator of `terminatorLength` bytes.
      var j = i
      var terminatorLength = 0
      var paragraphSeparator = false
      while j < n {
        let b = bytes.bytes[j]
        if b == 0x0A { terminatorLength = 1; break }
        if b == 0x0D { terminatorLength = (j + 1 < n && bytes.bytes[j + 1] == 0x0A) ? 2 : 1; break }
        if b == 0x0C { terminatorLength = 1; paragraphSeparator = true; break }
        if b == 0xE2 && j + 2 < n && bytes.bytes[j + 1] == 0x80
          && (bytes.bytes[j + 2] == 0xA8 || bytes.bytes[j + 2] == 0xA9)
        {
          terminatorLength = 3
          paragraphSeparator = bytes.bytes[j + 2] == 0xA9
          break
        }
        if b == 0xC2 && j + 1 < n && bytes.bytes[j + 1] == 0x85 { terminatorLength = 2; break }
        j += 1
      }
      let contentStart = bytes.skipBlanks(from: i, to: j)
      if contentStart == j {
        closeParagraph()  // a blank line
      } else {
        let contentEnd = bytes.skipBlanksBackward(from: j, to: contentStart)
        lines.append(Line(range: contentStart..<contentEnd))
      }
      if paragraphSeparator { closeParagraph() }
      i = j + terminatorLength
    }
    closeParagraph()
    return blocks
  }

  /// One language per paragraph: the forced one, or detected; paragraphs without evidence (no
  /// letters, or a Latin heading without function words) take the document's main language of
  /// their script.
  private func assignLanguages(_ blocks: [Block], bytes: UTF8Bytes, forced: Language?) -> [Language] {
    if let forced { return Array(repeating: forced, count: blocks.count) }
    let detector = self.detector
    let guesses = (try? concurrentMap(count: blocks.count, workers: threadCount(forBytes: bytes.count)) { k, _ in
      detector.guess(UnsafeBufferPointer(rebasing: bytes.bytes[blocks[k].range]))
    }) ?? []
    var weight: [Language: Int] = [:]
    for guess in guesses {
      if let language = guess.language { weight[language, default: 0] += max(guess.evidence, 0) }
    }
    let latinLanguages: [Language] = [.english, .french, .spanish]
    let mainLatin = latinLanguages.max { weight[$0, default: 0] < weight[$1, default: 0] } ?? .english
    let main = weight.max { $0.value < $1.value }?.key ?? .english
    return guesses.map { guess in
      guard let language = guess.language else { return main }
      if latinLanguages.contains(language) && guess.evidence < 2 { return mainLatin }
      return language
    }
  }

  // MARK: - Sentences in a paragraph

  struct Unit {
    var range: Range<Int>
    var isHeading: Bool
  }

  private func units(of block: Block, bytes: UTF8Bytes, language: Language, worker: Worker) throws
    -> [Unit]
  {
    // Group lines into runs between hard line breaks; soft breaks become spaces for ICU.
    let longest = block.lines.map { $0.range.count }.max() ?? 0
    var runs: [[Line]] = [[]]
    for (k, line) in block.lines.enumerated() {
      if k > 0 {
        let previous = block.lines[k - 1]
        if isHardLineBreak(after: previous, before: line, longestLine: longest, bytes: bytes) {
          runs.append([])
        }
      }
      runs[runs.count - 1].append(line)
    }
    var result: [Unit] = []
    for run in runs {
      guard let first = run.first, let last = run.last else { continue }
      let range = first.range.lowerBound..<last.range.upperBound
      let breaks = try sentenceBreaks(in: range, bytes: bytes, language: language, worker: worker)
      var start = range.lowerBound
      let runUnitsStart = result.count
      for b in breaks + [range.upperBound] {
        let lower = bytes.skipBlanks(from: start, to: b)
        let upper = bytes.skipBlanksBackward(from: b, to: lower)
        if lower < upper { result.append(Unit(range: lower..<upper, isHeading: false)) }
        start = b
      }
      // A run of one line that forms one unit without terminal punctuation is a heading.
      if run.count == 1 && result.count == runUnitsStart + 1
        && isHeadingLike(result[runUnitsStart].range, bytes: bytes)
      {
        result[runUnitsStart].isHeading = true
      }
    }
    return result
  }

  /// Whether a line break inside a paragraph ends a unit: after a heading-like line that is
  /// clearly shorter than the paragraph's longest line and before a line that does not continue
  /// in lower case, or before a list item.
  private func isHardLineBreak(after previous: Line, before next: Line, longestLine: Int, bytes: UTF8Bytes)
    -> Bool
  {
    let (nextFirst, _) = bytes.scalar(at: next.range.lowerBound)
    if ListMarkers.opensListItem(bytes, at: next.range.lowerBound, limit: next.range.upperBound) {
      return true
    }
    guard isHeadingLike(previous.range, bytes: bytes),
      previous.range.count * 10 < longestLine * 6
    else { return false }
    if nextFirst.properties.isLowercase { return false }
    // "… of the\nSecretary-General": a line ending in a lower-case word continues.
    let (lastScalar, _) = bytes.scalar(before: previous.range.upperBound)
    if lastScalar.properties.isLowercase {
      let token = bytes.token(endingAt: previous.range.upperBound, limit: previous.range.lowerBound)
      let (tokenFirst, _) = bytes.scalar(at: token.lowerBound)
      if tokenFirst.properties.isLowercase { return false }
    }
    return true
  }

  /// Short, one line, no terminal punctuation: a title, heading or date line.
  func isHeadingLike(_ range: Range<Int>, bytes: UTF8Bytes) -> Bool {
    guard range.count > 0, range.count <= 400 else { return false }
    var scalars = 0
    var words = 1
    var i = range.lowerBound
    var wide = 0
    while i < range.upperBound {
      let (s, n) = bytes.scalar(at: i)
      if s == " " { words += 1 }
      if s.value >= 0x2E80 { wide += 1 }
      scalars += 1
      i += n
    }
    if wide * 2 > scalars {
      if scalars > 70 { return false }
    } else if scalars > 160 || words > 24 {
      return false
    }
    // The last character, looking through closing quotes and brackets.
    var end = range.upperBound
    while end > range.lowerBound {
      let (s, j) = bytes.scalar(before: end)
      if BreakRules.closingPunctuation.contains(s) && s != ")" && s != "）" {
        end = j
        continue
      }
      return !BreakRules.headingBlockers.contains(s)
    }
    return false
  }

  // MARK: - Sentence breaks

  /// The sentence boundaries strictly inside `range` (absolute byte offsets).
  private func sentenceBreaks(
    in range: Range<Int>, bytes: UTF8Bytes, language: Language, worker: Worker
  ) throws -> [Int] {
    // ICU reads a copy in which soft line breaks are spaces (same byte length: offsets hold).
    var scratch = worker.scratch
    worker.scratch = []
    defer { worker.scratch = scratch }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: bytes.bytes[range])
    var k = 0
    while k < scratch.count {
      switch scratch[k] {
      case 0x0A, 0x0D, 0x0C:
        scratch[k] = 0x20
      case 0xE2 where k + 2 < scratch.count && scratch[k + 1] == 0x80 && scratch[k + 2] == 0xA8:
        scratch[k] = 0x20; scratch[k + 1] = 0x20; scratch[k + 2] = 0x20
      case 0xC2 where k + 1 < scratch.count && scratch[k + 1] == 0x85:
        scratch[k] = 0x20; scratch[k + 1] = 0x20
      default: break
      }
      k += 1
    }
    let icu = try worker.breaker(for: language)
    return try scratch.withUnsafeBufferPointer { buffer in
      let local = UTF8Bytes(bytes: buffer)
      let candidates = try icu.breaks(in: buffer).dropLast().map { Int($0) }
      let rules = BreakRules(rules: self.rules, language: language, bytes: local)
      return rules.corrected(candidates).map { $0 + range.lowerBound }
    }
  }
}
