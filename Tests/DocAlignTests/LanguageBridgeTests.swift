import Foundation
import Testing

@testable import DocAlign

/// The lexical bridges xx→en (issue 13): Snowball stemmers, FreeDict lexicons, cognates, and
/// their effect on summary and parallel alignment of French, Spanish, Russian and Arabic text.
@Suite struct LanguageBridgeTests {
  static let languages = Fixtures.fixtures.appendingPathComponent("languages")

  @Test func snowballStemsInflectedFormsAlike() throws {
    let french = try SnowballStemmer(language: .french)
    #expect(french.stem("droits") == french.stem("droit"))
    #expect(french.stem("enfants") == french.stem("enfant"))
    #expect(french.stem("protection") != french.stem("projet"))
    let spanish = try SnowballStemmer(language: .spanish)
    #expect(spanish.stem("niños") == spanish.stem("niño"))
    let russian = try SnowballStemmer(language: .russian)
    #expect(russian.stem("правами") == russian.stem("права"))
    #expect(russian.stem("детей") != russian.stem("права"))
    let arabic = try SnowballStemmer(language: .arabic)
    #expect(arabic.stem("الأطفال") == arabic.stem("أطفال"))
    let english = try SnowballStemmer(language: .english)
    #expect(english.stem("protected") == english.stem("protecting"))
    #expect(EnglishWords.stem("children", with: english) == EnglishWords.stem("child", with: english))
    #expect(throws: DocAlignError.self) { try SnowballStemmer(language: .chinese) }
  }

  @Test func theLexiconOfEachLanguageTranslatesUNVocabulary() throws {
    let resources = try Fixtures.resources()
    func translations(_ word: String, _ language: Language) throws -> [String] {
      let lexicon = try Lexicon(resources: resources, source: language)
      #expect(lexicon.source == language)
      let stem = try SnowballStemmer(language: language).stem(word)
      let key = language == .french || language == .spanish ? NameFolding.asciiFolded(stem) : stem
      return lexicon.words(of: Array(key.utf8)[...]).map { $0.split(separator: " ").map(String.init) } ?? []
    }
    let english = try SnowballStemmer(language: .english)
    #expect(try translations("enfants", .french).contains(english.stem("child")))
    #expect(try translations("gouvernement", .french).contains(english.stem("government")))
    #expect(try translations("niños", .spanish).contains(english.stem("child")))
    #expect(try translations("правительства", .russian).contains(english.stem("government")))
    #expect(try translations("насилия", .russian).contains(english.stem("violence")))
    #expect(try translations("مجلس", .arabic).contains(english.stem("council")))
    #expect(try translations("xyzzy", .french).isEmpty)
    #expect(throws: DocAlignError.self) { try Lexicon(resources: resources, source: .english) }
  }

  @Test func thePairChoosesItsLexicon() throws {
    let set = ResourceSet(directory: try Fixtures.resources())
    #expect(try set.lexicon(source: .chinese, target: .english)?.source == .chinese)
    #expect(try set.lexicon(source: .french, target: .english)?.source == .french)
    #expect(try set.lexicon(source: .english, target: .russian)?.source == .russian)
    #expect(try set.lexicon(source: .english, target: .english) == nil)
    #expect(try set.lexicon(source: .french, target: .spanish) == nil)
  }

  @Test func cognatesMatchBySpelling() {
    #expect(CognateMatcher.similarity("gouvern", "govern") >= 0.85)
    #expect(CognateMatcher.similarity("violenc", "violenc") == 1)
    #expect(CognateMatcher.similarity("enfant", "infant") == 0)  // first letters differ
    #expect(CognateMatcher.similarity("prot", "protest") > 0 && CognateMatcher.similarity("abc", "abc") == 0)  // too short
    #expect(CognateMatcher.similarity("exploit", "explain") < 0.85)
    #expect(CognateMatcher.skeleton("konferents") == CognateMatcher.skeleton("conferenc"))
    #expect(CognateMatcher.skeleton("seksual") == CognateMatcher.skeleton("sexual"))
    #expect(CognateMatcher.asciiLetters("Œuvre niño") == "oeuvrenino")
  }

  @Test func russianIsTransliteratedWithBGN() {
    let speller = CognateSpeller()
    #expect(speller.spelling(of: "информация", language: .russian, skeleton: false) == "informatsiya")
    #expect(speller.spelling(of: "конференц", language: .russian, skeleton: true) == CognateMatcher.skeleton("conferenc"))
  }

  @Test func aRussianWordFindsItsEnglishCognate() throws {
    let resources = try Fixtures.resources()
    let extractor = ConceptExtractor(lexicon: nil, english: try EnglishWords(resources: resources), bridges: [.stemmer, .cognates])
    let context = extractor.makeContext()
    let english = extractor.englishWords("information technologies and the organization of conferences on children", context)
    context.setEnglishVocabulary(english)
    func alternatives(_ word: String) -> [String] {
      extractor.concepts(word, language: .russian, context: context).flatMap(\.alternatives)
    }
    #expect(alternatives("информации").contains(extractor.englishWords("information", context)[0]))
    #expect(alternatives("технологий").contains(extractor.englishWords("technologies", context)[0]))
    #expect(alternatives("конференций").contains(extractor.englishWords("conferences", context)[0]))
    #expect(alternatives("детей").isEmpty)  // "children" is no cognate, and there is no dictionary here
    // Without the cognate bridge, nothing carries the Russian word into English.
    let plain = ConceptExtractor(lexicon: nil, english: try EnglishWords(resources: resources), bridges: [.stemmer])
    let plainContext = plain.makeContext()
    plainContext.setEnglishVocabulary(english)
    #expect(plain.concepts("информации", language: .russian, context: plainContext).allSatisfy { $0.alternatives.isEmpty })
  }

  @Test func numbersAreReadInEachLanguage() {
    func numbers(_ text: String, _ language: Language) -> [String] {
      ConceptExtractor.tokens(text, language).compactMap { if case .number(let n) = $0 { return n } else { return nil } }
    }
    #expect(numbers("15 000 enfants, 3,5 %, en 2008.", .french) == ["15000", "3.5", "2008"])
    #expect(numbers("15.000 niños", .spanish) == ["15000"])
    #expect(numbers("١٥ طفلا", .arabic) == ["15"])
  }

  /// A French summary sentence and the English sentences of the speaker's turn: the right one
  /// wins with the bridges, while identical tokens alone cannot tell it.
  @Test func aFrenchSummarySentenceLinksItsEnglishSentence() throws {
    let resources = try Fixtures.resources()
    let french = "Elle a souligné que la protection des enfants ne justifiait pas que l’on supprime leur droit d’apprendre."
    let candidates = [
      "Although the Convention on the Rights of the Child was adopted many years ago, its principles were as relevant today as they were in 1989.",
      "Digital literacy was a fundamental part of human rights, which allowed children to grow with learning and confidence.",
      "First, in order to protect children, it was not justifiable to supress their right to learn.",
      "They were often used to commit crimes against children.",
      "There was a need for a safe and inclusive digital environment for all children.",
    ]
    func best(_ bridges: LexicalBridges) throws -> (Int, Double, Double) {
      let extractor = ConceptExtractor(
        lexicon: try Lexicon(resources: resources, source: .french), english: try EnglishWords(resources: resources), bridges: bridges)
      let context = extractor.makeContext()
      var bags: [Int: [String]] = [:], frequency: [String: Int] = [:]
      for (k, sentence) in candidates.enumerated() {
        bags[k] = extractor.concepts(sentence, language: .english, context: context).map { $0.alternatives[0] }
        for word in Set(bags[k] ?? []) { frequency[word, default: 0] += 1 }
      }
      context.setEnglishVocabulary(frequency.keys)
      let n = Double(candidates.count)
      let scorer = Scorer(bags: bags, idf: { w in frequency[w].map { log((n + 1) / (Double($0) + 0.5)) } }, coverageWeight: 0.6)
      let weighted = scorer.weigh(extractor.concepts(french, language: .french, context: context))
      let scores = candidates.indices.map { scorer.score(weighted, [$0]) }
      let winner = scores.indices.max { scores[$0] < scores[$1] } ?? -1
      let runnerUp = scores.enumerated().filter { $0.offset != winner }.map(\.element).max() ?? 0
      return (winner, scores[winner], runnerUp)
    }
    let (winner, score, runnerUp) = try best(.all)
    #expect(winner == 2)
    #expect(score >= SummaryAligner.Configuration().speakerThreshold)
    #expect(score > runnerUp + 0.1)
    let (_, plainScore, _) = try best([])
    #expect(plainScore < score - 0.2)
  }

  @Test func bridgeListsParse() throws {
    #expect(try LexicalBridges(list: "all") == .all)
    #expect(try LexicalBridges(list: "none") == [])
    #expect(try LexicalBridges(list: "stemmer,dictionary") == [.stemmer, .dictionary])
    #expect(try LexicalBridges(list: "-cognates") == [.stemmer, .dictionary, .learnedLexicon])
    #expect(LexicalBridges([.stemmer, .cognates]).description == "stemmer,cognates")
    #expect(throws: DocAlignError.self) { try LexicalBridges(list: "thesaurus") }
  }

  // MARK: - The langs-data pages (written before any tuning, never edited to pass)

  static func evaluate(_ page: String, bridges: LexicalBridges) throws -> SummaryEvaluation {
    let path = languages.appendingPathComponent("\(page).txt").path
    var job = AlignmentJob(id: page, source: .file(path))
    job.bridges = bridges
    let result = try JobRunner(resources: ResourceSet(directory: try Fixtures.resources())).run(job)
    return try SummaryEvaluation(
      document: try SourceText(contentsOf: path).text,
      gold: String(contentsOf: languages.appendingPathComponent("\(page).gold.jsonl"), encoding: .utf8),
      alignment: try AlignmentTests.jsonl(result.bitext, locales: (result.sourceLocale, result.targetLocale)))
  }

  /// Issue 13's targets: link F1 ≥ 0.85 for French and Spanish, ≥ 0.75 for Russian and Arabic;
  /// null accuracy ≥ 0.9; and the bridges well above identical tokens alone.
  @Test(arguments: [
    ("hrc-morning.fr", 0.85), ("hrc-afternoon.fr", 0.85), ("hrc-morning.es", 0.85), ("hrc-afternoon.es", 0.85),
    ("hrc-morning.ru", 0.75), ("hrc-afternoon.ru", 0.75), ("hrc-morning.ar", 0.75), ("hrc-afternoon.ar", 0.75),
  ])
  func languagePagesMeetTheirTargets(page: String, minimumF1: Double) throws {
    let figures = try Self.evaluate(page, bridges: .all)
    print("\(page): \(figures.json)")
    #expect(figures.linkF1 >= minimumF1)
    #expect((figures.nullAccuracy ?? 0) >= 0.9)
    #expect(figures.unlocated == 0)
    let plain = try Self.evaluate(page, bridges: [])
    #expect(figures.linkF1 >= plain.linkF1 + 0.08)
  }

  /// Parallel mode on the hand-made pairs and their noisy variants (deletions, insertions, a cut
  /// end): the bridges do about as well as length + identical tokens, pair by pair.
  @Test(arguments: ["fr", "es", "ru", "ar", "fr-noisy", "es-noisy", "ru-noisy", "ar-noisy"])
  func parallelPairsAlignWithTheBridges(pair: String) throws {
    let folder = Self.languages.appendingPathComponent("parallel")
    let language = String(pair.prefix(2))
    func f1(_ bridges: LexicalBridges) throws -> LinkEvaluation {
      var job = AlignmentJob(
        id: pair, source: .file(folder.appendingPathComponent("\(pair).\(language)").path),
        target: .file(folder.appendingPathComponent("\(pair).en").path), presegmented: true)
      job.bridges = bridges
      let result = try JobRunner(resources: ResourceSet(directory: try Fixtures.resources())).run(job)
      let test = result.bitext.units.map { (source: $0.source, target: $0.target) }
      let gold = try LinkEvaluation.beads(
        parsing: String(contentsOf: folder.appendingPathComponent("\(pair).align"), encoding: .utf8), name: pair)
      return LinkEvaluation([(gold: gold, test: test)])
    }
    let all = try f1(.all), plain = try f1([])
    #expect(all.strictF1 >= (pair.hasSuffix("noisy") ? 0.88 : 0.95))
    // Pair by pair the bridges may lose a bead (es-noisy: the omission model alone recovers
    // most of it); pooled over the noisy pairs they must win (the next test).
    #expect(all.laxF1 >= plain.laxF1 - 0.02)
  }

  /// Pooled over the four noisy pairs, where length alone goes astray, the bridges beat length +
  /// identical tokens (one pair may tie: the omission model already recovers much of it).
  @Test func bridgesBeatLengthAndIdenticalTokensOnTheNoisyPairs() throws {
    let folder = Self.languages.appendingPathComponent("parallel")
    let runner = JobRunner(resources: ResourceSet(directory: try Fixtures.resources()))
    func pooled(_ bridges: LexicalBridges) throws -> LinkEvaluation {
      var documents: [(gold: [LinkEvaluation.Bead], test: [(source: [Int], target: [Int])])] = []
      for language in ["fr", "es", "ru", "ar"] {
        let pair = "\(language)-noisy"
        var job = AlignmentJob(
          id: pair, source: .file(folder.appendingPathComponent("\(pair).\(language)").path),
          target: .file(folder.appendingPathComponent("\(pair).en").path), presegmented: true)
        job.bridges = bridges
        let result = try runner.run(job)
        let gold = try LinkEvaluation.beads(
          parsing: String(contentsOf: folder.appendingPathComponent("\(pair).align"), encoding: .utf8), name: pair)
        documents.append((gold, result.bitext.units.map { (source: $0.source, target: $0.target) }))
      }
      return LinkEvaluation(documents)
    }
    let all = try pooled(.all), plain = try pooled([])
    #expect(all.strictF1 > plain.strictF1, "bridges \(all.strictF1) vs plain \(plain.strictF1)")
    #expect(all.laxF1 > plain.laxF1, "bridges \(all.laxF1) vs plain \(plain.laxF1)")
  }
}
