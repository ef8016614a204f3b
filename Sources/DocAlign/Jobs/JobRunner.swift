import Foundation

/// Runs alignment jobs: decodes the inputs, segments them, reads the page structure, chooses the
/// mode and aligns — the same steps for `docalign align`, `docalign coverage`, each job of
/// `docalign batch` and library users.
///
/// A runner owns ICU objects (sentence break iterators, a transliterator), which are not
/// thread-safe: use one runner per thread, all sharing one ``ResourceSet``.
public final class JobRunner {
  /// The shared resources.
  public let resources: ResourceSet
  private var segmenterStorage: Segmenter?
  private var readerStorage: StructureReader?

  /// A runner over shared resources (nothing is loaded until a job needs it).
  public init(resources: ResourceSet) {
    self.resources = resources
  }

  /// This runner's segmenter (for callers that segment texts themselves).
  /// - Throws: the resource errors of ``SegmentationRules/init(resources:)``.
  public func segmenter() throws -> Segmenter {
    if let segmenterStorage { return segmenterStorage }
    let segmenter = Segmenter(rules: try resources.segmentationRules())
    segmenterStorage = segmenter
    return segmenter
  }

  /// This runner's structure reader.
  /// - Throws: the resource errors of ``StructureResources/init(resources:)``.
  public func structureReader() throws -> StructureReader {
    if let readerStorage { return readerStorage }
    let reader = StructureReader(resources: try resources.structure())
    readerStorage = reader
    return reader
  }

  /// Runs one job.
  /// - Throws: ``DocAlignError``: the input errors of the files, `unsupportedInput` when a page has
  ///   no recognisable structure, `invalidRequest` for a combination the job cannot honour
  ///   (parallel mode or pre-segmented input with one input), the resource and ICU errors.
  public func run(_ job: AlignmentJob) throws -> JobResult {
    if job.presegmented {
      guard job.target != nil else {
        throw DocAlignError.invalidRequest(
          "\(job.source.name): pre-segmented input is aligned in parallel mode, which needs two files: SOURCE and TARGET")
      }
      guard job.mode != .summary else {
        throw DocAlignError.invalidRequest("pre-segmented input is aligned in parallel mode, not in summary mode")
      }
    }
    if job.mode == .parallel && job.target == nil {
      throw DocAlignError.invalidRequest("\(job.source.name): parallel mode needs two files: SOURCE and TARGET")
    }
    if job.mode == .release && (job.target == nil || job.presegmented) {
      throw DocAlignError.invalidRequest(
        "\(job.source.name): release mode needs two pages, PAGE_A and PAGE_B (not pre-segmented)")
    }
    // Release pages mix languages (a Chinese summary, an English full text): imposed languages
    // name the summaries, and the pages are segmented with detection.
    let release = job.mode == .release
    let first = try document(job.source, language: release ? nil : job.sourceLanguage, presegmented: job.presegmented)
    let second = try job.target.map {
      try document($0, language: release ? nil : job.targetLanguage, presegmented: job.presegmented)
    }
    guard let second else { return try summaryResult(job, structure: structureReader().read(page: first)) }

    switch job.mode {
    case .release: return try releaseResult(job, first, second)
    case .parallel: return try parallelResult(job, first, second)
    case .summary: return try summaryResult(job, structure: structureReader().read(summary: first, fullText: second))
    case .auto:
      if job.presegmented { return try parallelResult(job, first, second) }
      // Release mode for two pages whose summaries are in different languages.
      if ReleaseAligner.isRelease(first, second, with: try structureReader()) {
        return try releaseResult(job, first, second)
      }
      // Summary mode only when the first file condenses the second: clearly shorter, and the
      // second has speaker turns for the summary to point to.
      let firstLength = first.sentences.reduce(0) { $0 + $1.end - $1.start }
      let secondLength = second.sentences.reduce(0) { $0 + $1.end - $1.start }
      if Double(firstLength) < 0.6 * Double(secondLength),
        let structure = try? structureReader().read(summary: first, fullText: second), !structure.turns.isEmpty
      {
        return try summaryResult(job, structure: structure)
      }
      return try parallelResult(job, first, second)
    }
  }

  private func document(_ input: JobInput, language: Language?, presegmented: Bool) throws -> Document {
    let source = try input.load()
    let segmenter = try segmenter()
    return presegmented ? segmenter.lines(of: source, language: language) : try segmenter.segment(source, language: language)
  }

  private func summaryResult(_ job: AlignmentJob, structure: PageStructure) throws -> JobResult {
    let sourceLanguage = job.sourceLanguage ?? structure.summary.dominantLanguage(in: structure.summarySentences)
    let targetLanguage = job.targetLanguage ?? structure.fullText.dominantLanguage(in: structure.fullTextSentences)
    var configuration = SummaryAligner.Configuration()
    configuration.bridges = job.bridges
    let aligner = SummaryAligner(
      lexicon: try resources.lexicon(source: sourceLanguage, target: targetLanguage), english: try resources.english(),
      structure: try resources.structure(), configuration: configuration)
    return result(job, .summary, structure, aligner.align(structure), sourceLanguage, targetLanguage)
  }

  private func parallelResult(_ job: AlignmentJob, _ first: Document, _ second: Document) throws -> JobResult {
    let sourceLanguage = job.sourceLanguage ?? first.dominantLanguage()
    let targetLanguage = job.targetLanguage ?? second.dominantLanguage()
    var configuration = ParallelAligner.Configuration()
    configuration.bridges = job.bridges
    let aligner = ParallelAligner(
      lexicon: try resources.lexicon(source: sourceLanguage, target: targetLanguage), english: try resources.english(),
      learnedLexicon: job.bridges.contains(.learnedLexicon) ? try resources.learnedLexicon() : nil,
      configuration: configuration)
    return result(job, .parallel, nil, aligner.align(source: first, target: second), sourceLanguage, targetLanguage)
  }

  private func releaseResult(_ job: AlignmentJob, _ first: Document, _ second: Document) throws -> JobResult {
    for page in [first, second] where page.sentences.isEmpty {
      throw DocAlignError.unsupportedInput(path: page.source.name, reason: "the page holds no sentence to align")
    }
    let reader = try structureReader()
    let a = ReleaseAligner.readPage(first, with: reader), b = ReleaseAligner.readPage(second, with: reader)
    let sourceLanguage = job.sourceLanguage ?? a.summary.dominantLanguage(in: a.summarySentences)
    let targetLanguage = job.targetLanguage ?? b.summary.dominantLanguage(in: b.summarySentences)
    var configuration = ReleaseAligner.Configuration()
    configuration.usePivot = job.usePivot
    let aligner = ReleaseAligner(
      lexicon: try resources.lexicon(source: sourceLanguage, target: targetLanguage), english: try resources.english(),
      structure: try resources.structure(), configuration: configuration)
    let lexicon = { (source: Language, target: Language) in try self.resources.lexicon(source: source, target: target) }
    let alignment = aligner.align(
      try aligner.page(a, summaryLanguage: sourceLanguage, lexicon: lexicon),
      try aligner.page(b, summaryLanguage: targetLanguage, lexicon: lexicon))
    var out = result(job, .release, a, alignment.translationBitext, sourceLanguage, targetLanguage)
    out.release = alignment
    return out
  }

  private func result(
    _ job: AlignmentJob, _ mode: AlignmentMode, _ structure: PageStructure?, _ bitext: Bitext,
    _ sourceLanguage: Language, _ targetLanguage: Language
  ) -> JobResult {
    JobResult(
      job: job, mode: mode, structure: structure, bitext: bitext, sourceLanguage: sourceLanguage,
      targetLanguage: targetLanguage, sourceLocale: job.sourceLocale ?? sourceLanguage.defaultLocale,
      targetLocale: job.targetLocale ?? targetLanguage.defaultLocale)
  }
}
