import Foundation
import Testing

@testable import DocAlign

/// The fast resource loading keeps what the slow one did: name folding without NFD, TSV lines
/// split on bytes, the lexicon searched in place, the Traditional table, the cached scorer.
@Suite struct ResourceLoadingTests {
  // MARK: Name folding

  /// Every character of the ranges that `fold` treats as their own decomposition really is one,
  /// and combines only as a nonspacing mark (so dropping marks makes NFD's reordering moot).
  @Test func fastRangesHaveNoCanonicalDecomposition() {
    var wrong: [String] = []
    for value in UInt32(0x80)...0xFFFF where NameFolding.hasNoDecomposition(value) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let alone = String(scalar)
      if Array(alone.decomposedStringWithCanonicalMapping.unicodeScalars) != [scalar] {
        wrong.append(String(format: "U+%04X decomposes", value))
      }
      let properties = scalar.properties
      if properties.canonicalCombiningClass != .notReordered && properties.generalCategory != .nonspacingMark {
        wrong.append(String(format: "U+%04X combines without being a mark", value))
      }
      if NameFolding.isUnifiedIdeograph(value) && (!properties.isAlphabetic || properties.lowercaseMapping != alone) {
        wrong.append(String(format: "U+%04X is not a caseless letter", value))
      }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(10))")
  }

  /// The folder's short cuts (Cyrillic and Arabic letters, Arabic marks) give what the Unicode
  /// properties give, for every scalar.
  @Test func foldingShortCutsEqualTheProperties() {
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for before in [true, false] {
        var fast = NameFolding.Folder(capacity: 8)
        var slow = NameFolding.Folder(capacity: 8)
        fast.lastWasSpace = before
        slow.lastWasSpace = before
        fast.append(scalar)
        slow.appendByProperties(scalar)
        #expect(fast.out == slow.out && fast.lastWasSpace == slow.lastWasSpace, "\(String(format: "U+%04X", value))")
      }
    }
  }

  /// `fold` equals the NFD-based folding on every name DocAlign loads (the names tables, CLDR's
  /// territory names in six languages, headings and boilerplate), on every line of the seed
  /// pages, and on every Latin, Cyrillic, Greek and Hangul letter with marks.
  @Test func foldingEqualsTheNFDFolding() throws {
    let resources = try Fixtures.resources()
    var texts: [String] = []
    for file in ["names/countries.tsv", "names/groups.tsv", "names/organizations.tsv", "structure/section-headings.tsv", "structure/boilerplate.tsv"] {
      for line in dataLines(try resources.read(file)) { texts += line.fields.map(String.init) }
    }
    texts += Gazetteer.cldrTerritoryNames().map(\.name)
    for page in [Fixtures.morningPage, Fixtures.afternoonPage] {
      texts += try String(contentsOf: page, encoding: .utf8).split(separator: "\n").map(String.init)
    }
    let letters = [0x00C0...0x024F, 0x0370...0x03FF, 0x0400...0x04FF, 0x1E00...0x1EFF, 0xAC00...0xAC40, 0x3040...0x30FF, 0xF900...0xF910]
      .flatMap { $0 }.compactMap { Unicode.Scalar(UInt32($0)) }
    texts += letters.map { "X\($0)y-\($0)" }
    texts += ["e\u{301}\u{327}", "Cote d\u{2019}Ivoire", "Ａｂｃ１２", "İstanbul", "ǅemal", "Straße", "ﬁnance", "a\u{302E}\u{301}b"]
    let different = texts.filter { NameFolding.fold($0) != NameFolding.foldDecomposing($0) }
    #expect(texts.count > 5_000)
    #expect(different.isEmpty, "\(different.prefix(10).map { ($0, NameFolding.fold($0), NameFolding.foldDecomposing($0)) })")
    #expect(NameFolding.fold("Côte d’Ivoire") == "cote d ivoire")
    #expect(NameFolding.fold("International-Lawyers.Org") == "international lawyers org")
    #expect(NameFolding.fold("阿拉伯联合酋长国 ") == "阿拉伯联合酋长国")
    #expect(NameFolding.fold("Йемен") == "иемен")
  }

  /// `asciiFolded` keeps everything but marks, like NFD minus marks.
  @Test func asciiFoldingEqualsTheNFDFolding() throws {
    let texts = try [Fixtures.morningPage, Fixtures.afternoonPage].flatMap {
      try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map(String.init)
    } + ["Asociación", "Türk", "Høyda", "الإمارات", "Ёлка", "Ａｂｃ", "e\u{301}"]
    for text in texts {
      let reference = String(String.UnicodeScalarView(
        text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
      #expect(NameFolding.asciiFolded(text) == reference, "\(text)")
    }
    #expect(NameFolding.asciiFolded("Asociación") == "Asociacion")
  }

  // MARK: English words

  /// The byte-level word splitter and stemmer give what the character-level definitions
  /// (below, as they were written first) give, on the seed pages, the lexicon's glosses and
  /// words made of every suffix the stemmer knows.
  @Test func asciiWordsAndStemsEqualTheCharacterCode() throws {
    let resources = try Fixtures.resources()
    var texts = try [Fixtures.morningPage, Fixtures.afternoonPage].flatMap {
      try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map(String.init)
    }
    let glosses = try resources.read("lexicon/zh-en.tsv").split(separator: "\n").enumerated()
      .filter { $0.offset % 7 == 0 }.compactMap { $0.element.split(separator: "\t").last.map(String.init) }
    texts += glosses
    texts += ["95,000 people and 3.5 million", "1.2.3, 4,5 a,6", "children's rights", "It's the U.N.'s", "s S s's", "Türk's 1,5"]
    var words = Set<String>()
    for text in texts {
      let raw = Self.referenceRawWords(text)
      #expect(EnglishWords.rawWords(text) == raw, "\(text)")
      for word in raw { words.insert(word.lowercased()) }
    }
    let suffixes = ["children", "people", "women", "men", "'s", "ies", "sses", "s", "ss", "us", "is", "ational", "ation",
                    "ingly", "edly", "ing", "ed", "ly", "ment", "ness", "ity", "ise", "e", "nned", "lled", "zzing", "tted"]
    for stem in ["", "a", "ab", "abc", "plan", "organ", "nation", "happ", "bus"] {
      for suffix in suffixes { words.insert(stem + suffix) }
    }
    #expect(words.count > 10_000)
    let different = words.filter { EnglishWords.stem($0) != Self.referenceStem($0) }
    #expect(different.isEmpty, "\(different.prefix(10))")
  }

  static func referenceRawWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    let scalars = Array(NameFolding.asciiFolded(text).unicodeScalars)
    for (k, scalar) in scalars.enumerated() {
      let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
      if scalar.properties.isAlphabetic || isDigit {
        current.unicodeScalars.append(scalar)
      } else if (scalar == "," || scalar == ".") && !current.isEmpty && current.last?.isNumber == true
        && k + 1 < scalars.count && scalars[k + 1].value >= 0x30 && scalars[k + 1].value <= 0x39
      {
        if scalar == "." { current.unicodeScalars.append(scalar) }
      } else {
        if !current.isEmpty { words.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.filter { !($0.count == 1 && $0 == "s") }
  }

  static func referenceStem(_ word: String) -> String {
    var w = word
    func drop(_ suffix: String, keep minimum: Int, add: String = "") -> Bool {
      guard w.hasSuffix(suffix), w.count - suffix.count >= minimum else { return false }
      w = String(w.dropLast(suffix.count)) + add
      return true
    }
    if w.hasSuffix("children") { return String(w.dropLast(3)) }
    if w == "people" { return "person" }
    if w == "women" { return "woman" }
    if w == "men" { return "man" }
    _ = drop("'s", keep: 2) || drop("’s", keep: 2)
    if !(drop("ies", keep: 3, add: "y") || drop("sses", keep: 2, add: "ss")) {
      if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") && w.count > 3 {
        w.removeLast()
      }
    }
    _ = drop("ational", keep: 3, add: "ate") || drop("ation", keep: 3, add: "ate")
      || drop("ingly", keep: 4) || drop("edly", keep: 4) || drop("ing", keep: 4) || drop("ed", keep: 4)
      || drop("ly", keep: 4) || drop("ment", keep: 4) || drop("ness", keep: 4) || drop("ity", keep: 4)
    _ = drop("ise", keep: 3, add: "ize") || drop("is", keep: 4, add: "iz")
    if let last = w.last, w.count > 4, w.dropLast().last == last, !"lsz".contains(last), !"aeiou".contains(last) {
      w.removeLast()
    }
    if w.hasSuffix("e") && w.count > 4 { w.removeLast() }
    return w
  }

  // MARK: Data lines

  @Test func dataLinesSplitOnBytes() {
    let text = "# comment\nKW\ten\tKuwait\r\n\n  \t \nCI\tfr\tCôte d’Ivoire\n\t\tempty fields\n#x\n凯特\t\tKate\nlast"
    let lines = dataLines(text)
    #expect(lines.map(\.number) == [2, 5, 6, 8, 9])
    #expect(lines.map { $0.fields.map(String.init) } == [
      ["KW", "en", "Kuwait"], ["CI", "fr", "Côte d’Ivoire"], ["", "", "empty fields"], ["凯特", "", "Kate"], ["last"],
    ])
    #expect(dataLines("").isEmpty)
    #expect(dataLines("\n\n# only comments\n").isEmpty)
    #expect(dataLines("a\tb\t").map { $0.fields.map(String.init) } == [["a", "b", ""]])
  }

  // MARK: Lexicon

  /// The bundled lexicon is in the order and format the in-place search relies on, and every
  /// one of its headwords is found with its own words.
  @Test func bundledLexiconIsSortedAndEveryHeadwordIsFound() throws {
    let resources = try Fixtures.resources()
    let lexicon = try Lexicon(resources: resources)
    try lexicon.validate(name: "lexicon/zh-en.tsv")
    let text = try resources.read("lexicon/zh-en.tsv")
    let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(lexicon.count == rows.count)
    #expect(text.contains("# entries: \(rows.count)\n"))
    var missing: [String] = []
    for row in rows {
      let parts = row.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      let found = lexicon.words(of: Array(parts[0].utf8)[...])
      if found.map(String.init) != (parts.count > 1 ? String(parts[1]) : "") { missing.append(String(parts[0])) }
      // A longer key that is no headword is not found.
      if lexicon.words(of: Array((parts[0] + "\u{10FFFF}").utf8)[...]) != nil { missing.append(parts[0] + "+") }
    }
    #expect(missing.isEmpty, "\(missing.prefix(10))")
    #expect(lexicon.words(of: Array("".utf8)[...]) == nil)
    #expect(lexicon.words(of: Array("#".utf8)[...]) == nil)
  }

  @Test func lexiconTextIsChecked() throws {
    let good = try Lexicon(tsv: Array("# header\n人\tperson\n人权\thuman right\n理事会\tcouncil\n".utf8), name: "t.tsv")
    #expect(good.count == 3)
    #expect(good.words(of: Array("人权".utf8)[...]) == "human right")
    #expect(good.words(of: Array("理事会".utf8)[...]) == "council")
    #expect(good.words(of: Array("人".utf8)[...]) == "person")
    #expect(good.words(of: Array("权".utf8)[...]) == nil)
    #expect(try Lexicon(tsv: [], name: "empty.tsv").words(of: Array("人".utf8)[...]) == nil)
    for (text, reason) in [
      ("人权\thuman right\n人\tperson\n", "sorted"), ("人\tperson\n人权 human right\n", "TAB"),
      ("人\tperson\n# late\n人权\thuman right\n", "comment"), ("人\tperson\n人\tman\n", "sorted"),
    ] {
      #expect {
        try Lexicon(tsv: Array(text.utf8), name: "bad.tsv")
      } throws: { error in
        "\(error)".contains("bad.tsv:2:") && "\(error)".contains(reason)
      }
    }
  }

  // MARK: Traditional characters

  /// The table holds exactly the characters that the ICU in use changes on their own.
  @Test func traditionalTableMatchesICU() throws {
    let transform = try ICUTransliterator(identifier: "Hant-Hans")
    let points = (UInt32(0x20)..<0x30000).filter { !(0xD800...0xDFFF).contains($0) }
    var changed: [UInt32] = []
    for chunk in stride(from: 0, to: points.count, by: 4096) {
      let part = points[chunk..<min(chunk + 4096, points.count)]
      let text = part.compactMap(Unicode.Scalar.init).map { "\($0)\n" }.joined()
      let lines = transform.transliterate(text).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      try #require(lines.count == part.count)
      for (point, line) in zip(part, lines) where line.unicodeScalars.map(\.value) != [point] { changed.append(point) }
    }
    #expect(TraditionalCharacters.codePoints == changed)
    #expect(TraditionalCharacters.codePoints == TraditionalCharacters.codePoints.sorted())
  }

  @Test func simplifierOpensOnlyForTraditionalText() {
    let simplifier = ChineseSimplifier()
    #expect(simplifier.simplify("人权理事会今天上午开会。") == "人权理事会今天上午开会。")
    #expect(simplifier.simplify("France, Côte d’Ivoire") == "France, Côte d’Ivoire")
    #expect(!simplifier.isOpen)
    #expect(simplifier.simplify("代表歐盟的德國") == "代表欧盟的德国")
    #expect(simplifier.isOpen)
    #expect(ChineseSimplifier.hasTraditionalCharacters("聯合國"))
    #expect(!ChineseSimplifier.hasTraditionalCharacters("联合国 United Nations"))
  }

  /// The morning page (Simplified) is read without opening the transform, and the synthetic
  /// Traditional page still resolves its list (StructureTests.pagesOfOtherShapes).
  @Test func morningPageNeedsNoTransform() throws {
    let text = try String(contentsOf: Fixtures.morningPage, encoding: .utf8)
    #expect(!ChineseSimplifier.hasTraditionalCharacters(text))
    #expect(ChineseSimplifier.hasTraditionalCharacters(StructureTests.syntheticPage))
  }

  // MARK: Scorer

  /// The scorer's per-document tables give the scores of the definition (a word table built
  /// for each candidate set), on random bags and concepts.
  @Test func scorerEqualsItsDefinition() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    let vocabulary = (0..<60).map { "w\($0)" }
    var bags: [Int: [String]] = [:]
    for t in 0..<40 { bags[t * 2] = (0..<(1 + next(12))).map { _ in vocabulary[next(vocabulary.count)] } }
    var frequency: [String: Int] = [:]
    for bag in bags.values { for word in Set(bag) { frequency[word, default: 0] += 1 } }
    let idf: (String) -> Double? = { word in frequency[word].map { log(41 / (Double($0) + 0.5)) } }
    let scorer = Scorer(bags: bags, idf: idf, coverageWeight: 0.6)

    func reference(_ concepts: [Scorer.WeightedConcept], _ targets: [Int]) -> Double {
      var words: [String: Double] = [:]
      for t in targets { for word in bags[t] ?? [] { words[word] = idf(word) ?? 0 } }
      guard !words.isEmpty else { return 0 }
      var covered = 0.0, total = 0.0
      var used = Set<String>()
      for concept in concepts {
        total += concept.weight
        let hits = concept.alternatives.filter { words[$0] != nil }
        if !hits.isEmpty {
          covered += concept.weight
          used.formUnion(hits)
        }
      }
      let targetTotal = words.values.reduce(0, +)
      let targetCovered = used.reduce(0) { $0 + (words[$1] ?? 0) }
      return 0.6 * (total > 0 ? covered / total : 0) + 0.4 * (targetTotal > 0 ? targetCovered / targetTotal : 0)
    }

    for _ in 0..<300 {
      let concepts = (0..<(1 + next(8))).map { _ in
        ConceptExtractor.Concept(
          alternatives: (0..<(1 + next(3))).map { _ in next(5) == 0 ? "unknown\(next(9))" : vocabulary[next(vocabulary.count)] },
          isWeak: next(4) == 0)
      }
      let weighted = scorer.weigh(concepts)
      let targets = Array(Set((0..<(1 + next(3))).map { _ in next(82) })).sorted()  // odd ones have no bag
      let score = scorer.score(weighted, targets)
      #expect(abs(score - reference(weighted, targets)) < 1e-12, "\(targets)")
    }
  }
}
