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
      let segmented = try segmentBlocks(blocks, languages: languages, bytes: bytes)
      // Scalar offsets: each block's were counted from its start in the parallel phase; here
      // they are added up along the text.
      var paragraphs: [Paragraph] = []
      var sentences: [Sentence] = []
      paragraphs.reserveCapacity(blocks.count)
      sentences.reserveCapacity(segmented.reduce(0) { $0 + $1.units.count })
      var blockStart = ScalarOffsetCursor.scalarCount(
        UnsafeBufferPointer(rebasing: buffer[0..<(blocks.first?.range.lowerBound ?? 0)]))
      for k in blocks.indices {
        let paragraphLanguage = languages[k]
        let first = sentences.count
        let block = segmented[k]
        for unit in block.units {
          sentences.append(
            Sentence(
              index: sentences.count, start: blockStart + unit.scalars.lowerBound,
              end: blockStart + unit.scalars.upperBound, paragraph: k,
              language: paragraphLanguage, kind: unit.isHeading ? .heading : .sentence,
              utf8Range: unit.range))
        }
        paragraphs.append(
          Paragraph(
            index: k, start: blockStart, end: blockStart + block.scalarLength,
            language: paragraphLanguage, sentenceIndices: first..<sentences.count,
            utf8Range: blocks[k].range))
        blockStart += block.scalarsToNextBlock
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
    -> [SegmentedBlock]
  {
    let threads = threadCount(forBytes: bytes.count)
    while workers.count < threads { workers.append(Worker()) }
    let workers = self.workers
    return try concurrentMap(count: blocks.count, workers: threads) { k, thread in
      let block = blocks[k]
      var units = try units(of: block, bytes: bytes, language: languages[k], worker: workers[thread])
      // Scalar offsets from the block's start, counted here (on all cores) rather than in one
      // pass over the whole text afterwards.
      var cursor = ScalarOffsetCursor(bytes: bytes.bytes, from: block.range.lowerBound)
      for u in units.indices {
        let start = cursor.scalarOffset(ofByte: units[u].range.lowerBound)
        units[u].scalars = start..<cursor.scalarOffset(ofByte: units[u].range.upperBound)
      }
      let scalarLength = cursor.scalarOffset(ofByte: block.range.upperBound)
      let nextBlock = k + 1 < blocks.count ? blocks[k + 1].range.lowerBound : bytes.count
      return SegmentedBlock(
        units: units, scalarLength: scalarLength,
        scalarsToNextBlock: cursor.scalarOffset(ofByte: nextBlock))
    }
  }

  /// The units of one block, with the block's scalar counts.
  struct SegmentedBlock {
    /// The units, with scalar offsets from the block's start.
    var units: [Unit]
    /// The block's length in scalars.
    var scalarLength: Int
    /// The scalars from the block's start to the next block's start (or the end of the text).
    var scalarsToNextBlock: Int
  }

  /// A document in which each line is one sentence (pre-segmented input, as parallel test sets
  /// are given): line k is sentence k, an empty line an empty sentence. Each line is its own
  /// paragraph.
  /// - Parameters:
  ///   - source: the decoded text.
  ///   - language: the language of every line, or nil to detect it (per line, by script; lines
  ///     without evidence take the text's main language).
  public func lines(of source: SourceText, language: Language? = nil) -> Document {
    var text = source.text
    return text.withUTF8 { buffer in
      let bytes = UTF8Bytes(bytes: buffer)
      var ranges: [Range<Int>] = []
      var start = 0
      var i = 0
      while i < buffer.count {
        let b = buffer[i]
        if b == 0x0A || b == 0x0D {
          ranges.append(start..<i)
          i += (b == 0x0D && i + 1 < buffer.count && buffer[i + 1] == 0x0A) ? 2 : 1
          start = i
        } else {
          i += 1
        }
      }
      if start < buffer.count { ranges.append(start..<buffer.count) }
      let trimmed = ranges.map { range -> Range<Int> in
        let lower = bytes.skipBlanks(from: range.lowerBound, to: range.upperBound)
        return lower..<bytes.skipBlanksBackward(from: range.upperBound, to: lower)
      }
      var languages: [Language?] = trimmed.map { range in
        language ?? detector.guess(UnsafeBufferPointer(rebasing: buffer[range])).language
      }
      var counts: [Language: Int] = [:]
      for case let l? in languages { counts[l, default: 0] += 1 }
      let main = counts.max { $0.value < $1.value }?.key ?? .english
      languages = languages.map { $0 ?? main }
      var cursor = ScalarOffsetCursor(bytes: buffer)
      var sentences: [Sentence] = []
      var paragraphs: [Paragraph] = []
      for (k, range) in trimmed.enumerated() {
        let lineLanguage = languages[k] ?? main
        let start = cursor.scalarOffset(ofByte: range.lowerBound)
        let end = cursor.scalarOffset(ofByte: range.upperBound)
        sentences.append(Sentence(index: k, start: start, end: end, paragraph: k, language: lineLanguage, kind: .sentence, utf8Range: range))
        paragraphs.append(Paragraph(index: k, start: start, end: end, language: lineLanguage, sentenceIndices: k..<(k + 1), utf8Range: range))
      }
      return Document(source: source, paragraphs: paragraphs, sentences: sentences)
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
        j = bytes.skipWordsWithoutLineBreakBytes(from: j)
        guard j < n else { break }
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
    /// Offsets in scalars from the start of the unit's block (set once the block is segmented).
    var scalars: Range<Int> = 0..<0
  }

  private func units(of block: Block, bytes: UTF8Bytes, language: Language, worker: Worker) throws
    -> [Unit]
  {
    // Group lines into runs between hard line breaks; soft breaks become spaces for ICU.
    let lines = block.lines
    guard !lines.isEmpty else { return [] }
    var longest = 0
    for line in lines { longest = max(longest, line.range.count) }
    var result: [Unit] = []
    var runStart = 0
    for k in 1...lines.count {
      // The run lines[runStart..<k] ends before a hard line break or at the block's end.
      if k < lines.count
        && !isHardLineBreak(after: lines[k - 1], before: lines[k], longestLine: longest, bytes: bytes)
      {
        continue
      }
      let run = lines[runStart..<k]
      runStart = k
      guard let first = run.first, let last = run.last else { continue }
      let range = first.range.lowerBound..<last.range.upperBound
      let breaks = try sentenceBreaks(in: run, bytes: bytes, language: language, worker: worker)
      let runUnitsStart = result.count
      var start = range.lowerBound
      // Units end at each break, and the last one at the run's end.
      for i in 0...breaks.count {
        let b = i < breaks.count ? breaks[i] : range.upperBound
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
    // A heading-like line, or a short one ending in a colon that announces what follows
    // ("التوصيات الرئيسية:" before a new sentence on the next line).
    guard isHeadingLike(previous.range, bytes: bytes, allowingColon: true),
      previous.range.count * 10 < longestLine * 6
    else { return false }
    if isLowercase(nextFirst) { return false }
    // "… of the\nSecretary-General": a line ending in a lower-case word continues.
    let (lastScalar, _) = bytes.scalar(before: previous.range.upperBound)
    if isLowercase(lastScalar) {
      let token = bytes.token(endingAt: previous.range.upperBound, limit: previous.range.lowerBound)
      let (tokenFirst, _) = bytes.scalar(at: token.lowerBound)
      if isLowercase(tokenFirst) { return false }
    }
    return true
  }

  /// Short, one line, no terminal punctuation: a title, heading or date line.
  func isHeadingLike(_ range: Range<Int>, bytes: UTF8Bytes, allowingColon: Bool = false) -> Bool {
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
      if BreakRules.isClosingPunctuation(s) && s != ")" && s != "）" {
        end = j
        continue
      }
      return !BreakRules.isHeadingBlocker(s) || allowingColon && (s == ":" || s == "：")
    }
    return false
  }

  // MARK: - Sentence breaks

  /// The sentence boundaries strictly inside a run of lines (absolute byte offsets).
  private func sentenceBreaks(
    in run: ArraySlice<Line>, bytes: UTF8Bytes, language: Language, worker: Worker
  ) throws -> [Int] {
    guard let first = run.first, let last = run.last else { return [] }
    let range = first.range.lowerBound..<last.range.upperBound
    let icu = try worker.breaker(for: language)
    // A single line holds no line break: ICU and the rules read the text itself.
    if run.count == 1 {
      return try correctedBreaks(
        in: UnsafeBufferPointer(rebasing: bytes.bytes[range]), offset: range.lowerBound,
        language: language, icu: icu)
    }
    // ICU reads a copy in which soft line breaks are spaces (same byte length: offsets hold).
    // Line breaks occur only between the lines (a line's content holds none), so only the gaps
    // between them are rewritten.
    var scratch = worker.scratch
    worker.scratch = []
    defer { worker.scratch = scratch }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: bytes.bytes[range])
    for k in run.indices.dropFirst() {
      var i = run[k - 1].range.upperBound - range.lowerBound
      let gapEnd = run[k].range.lowerBound - range.lowerBound
      while i < gapEnd {
        switch scratch[i] {
        case 0x0A, 0x0D, 0x0C:
          scratch[i] = 0x20
        case 0xE2 where i + 2 < scratch.count && scratch[i + 1] == 0x80 && scratch[i + 2] == 0xA8:
          scratch[i] = 0x20; scratch[i + 1] = 0x20; scratch[i + 2] = 0x20
        case 0xC2 where i + 1 < scratch.count && scratch[i + 1] == 0x85:
          scratch[i] = 0x20; scratch[i + 1] = 0x20
        default: break
        }
        i += 1
      }
    }
    return try scratch.withUnsafeBufferPointer { buffer in
      try correctedBreaks(in: buffer, offset: range.lowerBound, language: language, icu: icu)
    }
  }

  /// ICU's breaks in `text` corrected by the rules, shifted by `offset` (the text's position).
  private func correctedBreaks(
    in text: UnsafeBufferPointer<UInt8>, offset: Int, language: Language, icu: ICUSentenceBreaker
  ) throws -> [Int] {
    let candidates = try icu.breaks(in: text).dropLast().map { Int($0) }
    let rules = BreakRules(rules: self.rules, language: language, bytes: UTF8Bytes(bytes: text))
    return rules.corrected(candidates, shiftedBy: offset)
  }
}
