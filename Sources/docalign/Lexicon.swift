import ArgumentParser
import DocAlign
import Foundation

struct LexiconCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon",
    abstract: "Learn a word-translation lexicon over many document pairs.",
    subcommands: [Learn.self]
  )

  struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Learn a lexicon over the two-file jobs of a batch manifest (IBM Model 1 on their first-pass alignments).",
      discussion: """
        Each job with a source and a target (parallel mode, or auto with two files) is aligned once; \
        the confident beads of all of them are pooled and IBM Model 1 is trained on them in both \
        directions; word pairs that are each other's most probable translation and occur together in \
        at least two sentence pairs are written to FILE (`# docalign learned lexicon 1 source=zh \
        target=en pairs=N`, then SOURCE<TAB>TARGET<TAB>PROBABILITY<TAB>COUNT lines). Jobs of another \
        language pair than the first job's, and one-file jobs, are skipped (and counted on standard \
        error). Exit status: 0, 1 an unusable manifest or input, 2 bad options or no usable job, 3 \
        resources.
        """
    )

    @Argument(help: "The manifest (TSV or JSONL, as for docalign batch).")
    var manifest: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The lexicon file to write.", valueName: "file"))
    var output: String

    @Flag(help: "Also print the 20 most probable pairs.")
    var verbose = false

    @OptionGroup var resources: ResourceOptions

    func run() throws {
      try reportingErrors {
        let jobs = try BatchManifest(contentsOf: manifest).jobs
        let resourceSet = ResourceSet(directory: try resources.locate())
        let runner = JobRunner(resources: resourceSet)
        let segmenter = try runner.segmenter()
        var pairs: [(source: Document, target: Document)] = []
        var languages: (Language, Language)?
        var skipped = 0
        for job in jobs {
          guard let targetInput = job.target, job.mode != .summary else {
            skipped += 1
            continue
          }
          func read(_ input: JobInput, _ language: Language?) throws -> Document {
            let text = try input.load()
            return job.presegmented ? segmenter.lines(of: text, language: language) : try segmenter.segment(text, language: language)
          }
          let source = try read(job.source, job.sourceLanguage), target = try read(targetInput, job.targetLanguage)
          let pair = (job.sourceLanguage ?? source.dominantLanguage(), job.targetLanguage ?? target.dominantLanguage())
          if languages == nil { languages = pair }
          guard let languages, languages == pair else {
            skipped += 1
            continue
          }
          pairs.append((source, target))
        }
        guard let (sourceLanguage, targetLanguage) = languages, !pairs.isEmpty else {
          throw DocAlignError.invalidRequest("\(manifest): no job with a source and a target file to learn from")
        }
        let aligner = ParallelAligner(
          lexicon: try resourceSet.lexicon(source: sourceLanguage, target: targetLanguage), english: try resourceSet.english())
        let lexicon = aligner.learnLexicon(over: pairs)
        let sink = try OutputSink(path: output)
        try sink.write(lexicon.tsv)
        try sink.finish()
        var report = "docalign: learned \(lexicon.entries.count) word pairs (\(sourceLanguage.rawValue)→\(targetLanguage.rawValue)) "
          + "from \(lexicon.trainingPairs) sentence pairs of \(pairs.count) jobs"
        if skipped > 0 { report += "; skipped \(skipped) jobs (one file, summary mode or another language pair)" }
        FileHandle.standardError.write(Data((report + "\n").utf8))
        if verbose {
          for entry in lexicon.entries.prefix(20) {
            print("\(entry.source)\t\(entry.target)\t\(String(format: "%.3f", entry.probability))\t\(entry.count)")
          }
        }
      }
    }
  }
}
