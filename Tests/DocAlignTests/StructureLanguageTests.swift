import Foundation
import Testing

@testable import DocAlign

/// Speaker mentions, pronoun continuation and speaker lists in French, Spanish, Russian and
/// Arabic summaries (synthetic pages in Fixtures/structure, see its README), person names across
/// spellings and scripts, and pages that hold a summary only.
@Suite struct StructureLanguageTests {
  static let folder = Fixtures.fixtures.appendingPathComponent("structure")

  static func summary(_ language: Language) throws -> String {
    try String(contentsOf: folder.appendingPathComponent("summary.\(language.rawValue).txt"), encoding: .utf8)
  }

  static func page(_ language: Language) throws -> PageStructure {
    let fullText = try String(contentsOf: folder.appendingPathComponent("fulltext.en.txt"), encoding: .utf8)
    return try StructureTests.page(text: try summary(language) + "\n" + fullText)
  }

  /// The full-text speaker's name each summary sentence opening with `prefix` is about.
  static func speaker(of prefix: String, in s: PageStructure) throws -> String? {
    let sentence = try #require(s.summary.sentences.first { s.summary.text(of: $0).hasPrefix(prefix) }, "no sentence '\(prefix)'")
    return s.summarySpeakers[sentence.index].map { s.speakers[$0].name }
  }

  /// For each language: the openings of the summary's sentences and who they are about.
  static let expectedSpeakers: [Language: [(String, String?)]] = [
    .french: [
      ("Mme Amina Farouk", "AMINA FAROUK"), ("Elle a ajouté", "AMINA FAROUK"), ("M. Andres Hoydal", "ANDERS HØYDAL"),
      ("Pour Mme Kovac", "PETRA KOVAČ"), ("Le Conseil des droits", nil), ("M. Jean Dupont", nil),
      ("Les délégations ont évoqué", nil), ("Le Conseil reprendra", nil),
    ],
    .spanish: [
      ("La Sra. Amina Faruk", "AMINA FAROUK"), ("Añadió", "AMINA FAROUK"), ("El Sr. Anders Høyda", "ANDERS HØYDAL"),
      ("Según la Sra. Kovač", "PETRA KOVAČ"), ("El Consejo reanudará", nil),
    ],
    .russian: [
      ("Специальный докладчик", "AMINA FAROUK"), ("Она добавила", "AMINA FAROUK"), ("Директор Северного", "ANDERS HØYDAL"),
      ("По мнению г-жи Ковач", "PETRA KOVAČ"), ("Совет возобновит", nil),
    ],
    .arabic: [
      ("وقالت السيدة أمينة", "AMINA FAROUK"), ("وأضافت", "AMINA FAROUK"), ("وأشار السيد أندرس", "ANDERS HØYDAL"),
      ("ورأت السيدة كوفاتش", "PETRA KOVAČ"), ("وسيستأنف المجلس", nil),
    ],
  ]

  @Test(arguments: [Language.french, .spanish, .russian, .arabic])
  func speakersOfSummarySentences(language: Language) throws {
    let s = try Self.page(language)
    #expect(s.speakers.filter { $0.role == .panellist }.count == 3)
    for (prefix, expected) in Self.expectedSpeakers[language] ?? [] {
      #expect(try Self.speaker(of: prefix, in: s) == expected, "\(language.rawValue): '\(prefix)'")
    }
  }

  @Test(arguments: [Language.french, .spanish, .russian, .arabic])
  func speakerListsResolveDelegationsAndUnknownOrganisations(language: Language) throws {
    let s = try Self.page(language)
    let lists = Dictionary(grouping: s.mentions.filter(\.isListItem), by: \.sentence).sorted { $0.key < $1.key }
    #expect(lists.count == 2, "\(language.rawValue): \(s.mentions.map(\.text))")
    let names = lists.map { $0.value.map { $0.speaker.map { s.speakers[$0].name } } }
    #expect(names.first == ["Mexico", "Sweden", "Kenya"])
    // The French summary translates the third organisation's name word by word.
    let organisations = ["Green Horizon Youth Network", "Lumen Child Rights Coalition"]
      + (language == .french ? ["International Federation of Youth Movements"] : [])
    #expect(names.last == organisations)
    // The organisations are known from the full text only: no table holds them.
    #expect(s.mentions.filter(\.isListItem).suffix(organisations.count).allSatisfy { $0.key == nil })
    // Brackets ("au nom des pays nordiques") are not part of the name.
    #expect(lists.first?.value[1].text.contains("(") == false)
    // A list sentence is about nobody in particular.
    for (sentence, _) in lists { #expect(s.summarySpeakers[sentence] == nil) }
  }

  @Test func listCuesAndColonsInOtherShapes() throws {
    let s = try Self.page(.spanish)
    let reader = try StructureTests.reader()
    let context = MentionContext(structure: s, reader: reader)
    func items(_ sentence: String, _ language: Language) -> [String]? {
      reader.generalListItems(sentence, languages: [language], context: context)?.map(\.text)
    }
    // Known names before the colon count; the words around them do not.
    #expect(items("Intervinieron en el debate la Unión Europea y los siguientes países: México, Suecia y Kenya.", .spanish)
      == ["Unión Europea", "México", "Suecia", "Kenya"])
    #expect(items("وتكلم في النقاش ممثلو الاتحاد الأوروبي والدول التالية: المكسيك، والسويد، وكينيا.", .arabic)
      == ["الاتحاد الأوروبي", "المكسيك", "السويد", "كينيا"])
    // A closing cue, then more names after a colon.
    #expect(items("Le Mexique est également intervenu, ainsi que les organisations suivantes : Green Horizon Youth Network et Lumen Child Rights Coalition.", .french)
      == ["Mexique", "Green Horizon Youth Network", "Lumen Child Rights Coalition"])
    // A verb of speaking before one person and clauses is not a list.
    #expect(items("وتحدث السيد أندرس هويدال، مدير المعهد، عن مشروع صحفي.", .arabic) == nil)
  }

  @Test func sentenceWithCommasIsNotAList() throws {
    let s = try Self.page(.french)
    let sentence = try #require(s.summary.sentences.first { s.summary.text(of: $0).hasPrefix("Les délégations ont évoqué") })
    #expect(!s.mentions.contains { $0.sentence == sentence.index })
  }

  @Test func personWhoDoesNotSpeakIsNotResolved() throws {
    let s = try Self.page(.french)
    #expect(!s.mentions.contains { $0.text.contains("Dupont") && $0.speaker != nil })
  }

  @Test func personNamesMatchAcrossSpellings() {
    #expect(PersonNames.wordsMatch("anders", "andres"))
    #expect(PersonNames.wordsMatch("hoyda", "hoydal"))
    #expect(PersonNames.wordsMatch("gilmor", "gilmore"))
    #expect(PersonNames.wordsMatch("kejt", "kate"))  // Кейт
    #expect(PersonNames.wordsMatch("ghylmwr", "gilmore"))  // غيلمور
    #expect(PersonNames.wordsMatch("mezmura", "mezmur"))  // a Russian case form
    #expect(!PersonNames.wordsMatch("allen", "maloor"))
    #expect(!PersonNames.wordsMatch("moran", "mezmur"))
    #expect(!PersonNames.wordsMatch("kate", "petra"))
    #expect(!PersonNames.wordsMatch("smith", "santos"))
    // Whole names: every word of the mention must find a partner; glued forms match.
    #expect(PersonNames.match(["choi", "kyong", "lim"], ["choi", "kyonglim"]) != nil)
    #expect(PersonNames.match(["kate", "smith"], ["kate", "gilmore"]) == nil)
    #expect(PersonNames.editDistance(Array("anders".utf8), Array("andres".utf8), limit: 2) == 1)
  }

  @Test func translatedOrganisationNamesShareMostOfTheirWords() {
    func shared(_ a: String, _ b: String) -> (Int, Int) {
      let r = NameCognates.shared(NameCognates.contentWords(NameFolding.fold(a)), NameCognates.contentWords(NameFolding.fold(b)))
      return (r.shared, r.longer)
    }
    #expect(shared("Fédération internationale des mouvements de jeunesse", "International Federation of Youth Movements") == (3, 4))
    #expect(shared("Réseau des femmes africaines", "International Federation of Youth Movements").0 == 0)
    #expect(NameCognates.cognate("comision", "commission") && NameCognates.cognate("humains", "human"))
    #expect(!NameCognates.cognate("droits", "rights") && !NameCognates.cognate("union", "unity"))
  }

  @Test func cyrillicAndArabicNamesResolveThroughTransliteration() throws {
    let s = try Self.page(.russian)
    let reader = try StructureTests.reader()
    let context = MentionContext(structure: s, reader: reader)
    #expect(context.person(named: "Андерс Хёйдал").map { s.speakers[$0].name } == "ANDERS HØYDAL")
    #expect(context.person(named: "هويدال").map { s.speakers[$0].name } == "ANDERS HØYDAL")
    #expect(context.person(named: "Ковач").map { s.speakers[$0].name } == "PETRA KOVAČ")
    #expect(context.person(named: "Иван Петров") == nil)
  }

  @Test func summaryOnlyPageIsReadWhenAskedAndRefusedOtherwise() throws {
    let text = try Self.summary(.french)
    let document = try Fixtures.segmenter().segment(SourceText(name: "summary.fr.txt", text: text))
    let reader = try StructureTests.reader()
    #expect(throws: DocAlignError.self) { try reader.read(page: document) }
    let s = reader.read(summaryOnly: document)
    #expect(s.fullTextSentences.isEmpty && s.sections.isEmpty && s.turns.isEmpty && s.speakers.isEmpty)
    #expect(s.part(.title) != nil)
    let summary = try #require(s.part(.summary))
    #expect(summary.sentences.upperBound == document.sentences.count)
    // Lists are still read, with the keys of the names the tables know; nothing resolves.
    let list = s.mentions.filter(\.isListItem)
    #expect(list.prefix(3).map(\.key) == ["MX", "SE", "KE"])
    #expect(s.mentions.allSatisfy { $0.speaker == nil })
    // Titled persons are reported as written.
    #expect(s.mentions.contains { !$0.isListItem && $0.text == "Mme Amina Farouk" })
  }

  @Test func malformedCueFileIsAClearError() throws {
    #expect {
      try SummaryCues(parsing: "title\tfr\tM.\nspeaker\tfr\tM.\n", name: "structure/summary-cues.tsv")
    } throws: { error in
      "\(error)".contains("summary-cues.tsv") && "\(error)".contains("speaker")
    }
    #expect(throws: DocAlignError.self) { try SummaryCues(parsing: "title\tde\tHerr\n", name: "cues") }
  }

  @Test func seedSpeakersAreNotInTheTables() throws {
    // The seed pages' lists resolve these against the full text, not against a table row.
    let gazetteer = try StructureResources(resources: Fixtures.resources()).gazetteer
    for name in ["Alsalam Foundation", "Africa Culture Internationale", "European Union of Public Relations", "International-Lawyers.Org"] {
      #expect(gazetteer.key(for: name) == nil, "\(name)")
    }
  }
}
