import Foundation
import Testing

@testable import DocAlign

@Suite struct CoverageTests {
  static let syntheticPage = Fixtures.fixtures.appendingPathComponent("coverage/escaping-and-gaps.txt")

  static func report(_ page: URL) throws -> CoverageReport {
    let runner = JobRunner(resources: ResourceSet(directory: try Fixtures.resources()))
    let result = try runner.run(AlignmentJob(id: "page", source: .file(page.path), mode: .summary))
    return try #require(result.coverageReport)
  }

  static func speakers(_ report: CoverageReport, _ status: SpeakerCoverage.Status) -> [String] {
    report.speakers.filter { $0.status == status }.map(\.name)
  }

  @Test func morningPage() throws {
    let report = try Self.report(Fixtures.morningPage)
    let totals = report.totals
    // Every panellist is covered, and nobody else is.
    let panellists = report.speakers.filter { $0.role == .panellist }
    #expect(panellists.map(\.name) == [
      "CHOI KYONGLIM", "KATE GILMORE", "JOHN CARR", "BENYAM DAWIT MEZMUR", "MAUD DE BOER-BUQUICCHIO", "ERNIE ALLEN",
      "PREETAM MALOOR",
    ])
    #expect(Self.speakers(report, .covered) == panellists.map(\.name))
    // The 40 speakers of the list sentence ("以下国家和组织在辩论期间发言：…") are each named at least.
    let listSentence = try #require(report.summarySentences.first { $0.text.hasPrefix("以下国家和组织在辩论期间发言") })
    #expect(listSentence.status == .speakerList)
    let listed = report.structure.mentions.filter { $0.sentence == listSentence.index }
    #expect(listed.count == 40)
    let listedIds = Set(listed.compactMap(\.speaker))
    #expect(listedIds.count == 40)
    for id in listedIds {
      #expect(report.speakers[id].isInSpeakerList)
      #expect([.covered, .named].contains(report.speakers[id].status), "\(report.speakers[id].name)")
    }
    // 53 speakers (Save the Children International joins Plan International's statement).
    #expect((totals.speakers, totals.coveredSpeakers, totals.namedSpeakers, totals.notMentionedSpeakers) == (53, 7, 46, 0))
    #expect(totals.speakerCoveragePercent == 100)
    let saveTheChildren = try #require(report.speakers.first { $0.name == "Save the Children International" })
    #expect(saveTheChildren.speaksOnlyJointly && saveTheChildren.status == .named)
    // Defence for Children International is the only mention resolving to nobody.
    #expect(report.unresolvedMentions.map(\.text) == ["保护儿童国际运动(Defence for Children International)"])
    // Sections: the summary links into the opening statements and the panellists' statements only.
    #expect(report.sections.map(\.title) == [
      "Opening Statements", "Statements by the Moderator and Panellists", "Discussion", "Replies by the Panellists",
      "Discussion", "Concluding Remarks",
    ])
    #expect(report.sections.map(\.linkedSentenceCount) == [5, 11, 0, 0, 0, 0])
    // Each section counts the sentences of its range but its headings, and the sections together
    // count the whole full text; the figures are the morning page's.
    for (section, coverage) in zip(report.structure.sections, report.sections) {
      let counted = section.sentences.filter { report.structure.fullText.sentences[$0].kind == .sentence }.count
      #expect(coverage.sentenceCount == counted, "\(section.title)")
    }
    #expect(report.sections.map(\.sentenceCount).reduce(0, +) == totals.fullTextSentences)
    #expect(report.sections.map(\.sentenceCount) == [11, 50, 22, 15, 36, 23])
    // Unsupported: the lede's second sentence, the five sentences summing up the debate, and the
    // two about the next meetings — all about no speaker in particular.
    let unsupported = report.unsupportedSentences
    #expect(unsupported.map(\.index) == [8, 25, 26, 27, 28, 29, 32, 33])
    #expect(unsupported.allSatisfy { $0.reason == .noSpeaker && $0.threshold == 0.55 && $0.score < 0.55 })
    #expect(unsupported.contains { $0.text.hasPrefix("人权理事会将于今天下午3点继续") })
    // The dateline sentence stands alone; so do the title block and the documentation.
    let dateline = try #require(report.summarySentences.first { $0.text.hasPrefix("日内瓦(2016年3月7日)——") })
    #expect(dateline.status == .standsAlone && dateline.reason == .dateline)
    #expect(report.summarySentences.filter { $0.part == .title }.allSatisfy { $0.reason == .title })
    #expect(report.summarySentences.filter { $0.part == .documentation }.allSatisfy { $0.reason == .documentation })
    #expect((totals.summarySentences, totals.linkedSummarySentences, totals.speakerListSentences) == (37, 16, 2))
    #expect((totals.standaloneSentences, totals.unsupportedSentences) == (11, 8))
    #expect((totals.fullTextSentences, totals.linkedFullTextSentences) == (157, 16))
    #expect(report.thresholds == AlignmentThresholds(speaker: 0.30, open: 0.55))
  }

  @Test func afternoonPage() throws {
    let report = try Self.report(Fixtures.afternoonPage)
    let totals = report.totals
    // The six panellists, and the four speakers whose statements the summary's account of the
    // dialogue draws on, are covered; every other speaker is in a speaker list.
    #expect(Self.speakers(report, .covered) == [
      "MARTA SANTOS PAIS", "ANDRES FRANCO", "HAKON FOSTERVOLD HOYDAL", "MICHAEL MORAN", "BRITTANY SMITH", "GABY REYES",
      "European Union", "Bahrain", "Council of Europe", "International Catholic Child Bureau",
    ])
    #expect((totals.speakers, totals.coveredSpeakers, totals.namedSpeakers, totals.notMentionedSpeakers) == (40, 10, 30, 0))
    #expect(report.speakers.filter { $0.status == .named }.allSatisfy { $0.isInSpeakerList })
    #expect(report.unresolvedMentions.isEmpty)
    #expect(report.sections.map(\.linkedSentenceCount) == [22, 5, 0, 0, 0])
    #expect(report.sections.map(\.sentenceCount) == [65, 17, 18, 35, 31])
    // Unsupported: "The Council will reconvene …" and "It will then hold …".
    let unsupported = report.unsupportedSentences
    #expect(unsupported.count == 2)
    #expect(unsupported.first?.text.hasPrefix("The Council will reconvene at 9 a.m.") == true)
    #expect(unsupported.allSatisfy { $0.reason == .noSpeaker })
    let dateline = try #require(report.summarySentences.first { $0.text.hasPrefix("GENEVA (7 March 2016) - ") })
    #expect(dateline.reason == .dateline)
    #expect((totals.summarySentences, totals.linkedSummarySentences, totals.speakerListSentences) == (40, 26, 3))
    #expect((totals.fullTextSentences, totals.linkedFullTextSentences) == (166, 27))
  }

  @Test func syntheticPageWithGaps() throws {
    let report = try Self.report(Self.syntheticPage)
    #expect(Self.speakers(report, .covered) == ["JOHN DOE"])
    #expect(Self.speakers(report, .named) == ["Bahrain", "France"])
    #expect(Self.speakers(report, .notMentioned) == ["Chile"])
    #expect(report.totals.speakerCoveragePercent == 75)
    #expect(report.unresolvedMentions.map(\.text) == ["Atlantis Friendship League"])
    #expect(report.unsupportedSentences.map(\.text) == ["The Council will reconvene tomorrow at 10 a.m."])
  }

  @Test(arguments: [
    "GENEVA (7 March 2016) - The Human Rights Council this afternoon concluded",
    "日内瓦(2016年3月7日)——人权理事会今天上午召开",
    "日内瓦（2016年3月7日）—— 人权理事会",
    "NEW YORK (12 May 2019) – The Security Council",
    "GENÈVE (7 mars 2016) - Le Conseil",
    "ЖЕНЕВА (7 марта 2016 года) — Совет",
    "  ADDIS ABABA (1 June 2020) — text",
  ])
  func datelines(text: String) {
    #expect(Dateline.opens(text))
  }

  @Test(arguments: [
    "Geneva (7 March 2016) - mixed case is not a dateline",
    "The Council (A/HRC/31/34) - a document symbol",
    "GENEVA - no date",
    "GENEVA (March) - no digit in the brackets",
    "GENEVA (7 March 2016) no dash",
    "人权理事会将于今天下午3点继续其会议。",
    "",
  ])
  func notDatelines(text: String) {
    #expect(!Dateline.opens(text))
  }
}

@Suite struct CoverageWriterTests {
  static let pages = [Fixtures.morningPage, Fixtures.afternoonPage, CoverageTests.syntheticPage]

  @Test(arguments: pages)
  func textFitsOneHundredColumnsWithoutColour(page: URL) throws {
    let report = try CoverageTests.report(page)
    let text = CoverageWriter(format: .text).render(report)
    #expect(!text.contains("\u{1B}"))
    for line in text.split(separator: "\n") {
      #expect(TerminalText.columns(of: line) <= 100, "\(line)")
    }
    #expect(text.contains("speaker coverage"))
    var options = CoverageWriter.Options()
    options.colour = true
    let coloured = CoverageWriter(format: .text, options: options).render(report)
    #expect(coloured.contains("\u{1B}[32mcovered\u{1B}[0m"))
    // Without the escapes, the coloured text is the plain text.
    #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression) == text)
  }

  @Test func terminalColumns() {
    #expect(TerminalText.columns(of: "abc") == 3)
    #expect(TerminalText.columns(of: "日内瓦") == 6)
    #expect(TerminalText.columns(of: "e\u{0301}") == 1)
    #expect(TerminalText.truncated("Saint Vincent and the Grenadines", to: 10) == "Saint Vin…")
    #expect(TerminalText.wrapped("人权理事会将于今天下午", width: 8) == ["人权理事", "会将于今", "天下午"])
    #expect(TerminalText.wrapped("the council will meet", width: 10) == ["the", "council", "will meet"])
  }

  @Test(arguments: pages)
  func jsonMatchesTheSchema(page: URL) throws {
    let report = try CoverageTests.report(page)
    let json = CoverageWriter(format: .json).render(report)
    let value = try JSONNode.parse(Data(json.utf8))
    let schemaURL = Fixtures.packageRoot.appendingPathComponent("Schemas/coverage-report.schema.json")
    let schema = try JSONNode.parse(Data(contentsOf: schemaURL))
    let problems = SchemaCheck(root: schema).problems(value, schema, path: "$")
    #expect(problems.isEmpty, "\(problems.prefix(10))")
    // The checker does catch a missing key and a wrong type.
    var broken = try #require(value.object)
    broken["totals"] = .string("none")
    broken["speakers"] = nil
    #expect(SchemaCheck(root: schema).problems(.object(broken), schema, path: "$").count == 2)
    // The same report gives the same bytes.
    #expect(CoverageWriter(format: .json).render(report) == json)
    let totals = try #require(value.object?["totals"]?.object)
    #expect(totals["linkedSummarySentences"] == .int(report.totals.linkedSummarySentences))
  }

  @Test func htmlEscapesPageTextAndIsSelfContained() throws {
    let report = try CoverageTests.report(CoverageTests.syntheticPage)
    let html = CoverageWriter(format: .html).render(report)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("&amp; other &quot;quoted&quot; matters"))
    // One script element: DocAlign's own, holding no page text.
    #expect(html.components(separatedBy: "<script").count == 2)
    let script = try #require(html.range(of: "<script>").flatMap { start in
      html.range(of: "</script>", range: start.upperBound..<html.endIndex).map { html[start.upperBound..<$0.lowerBound] }
    })
    #expect(!script.contains("alert") && !script.contains("Bahrain"))
    // No network: no external resources.
    #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("url("))
    #expect(!html.contains("http://") && !html.contains("https://"))
    // Gaps are flagged.
    #expect(html.contains("<mark class=\"unresolved\""))
    #expect(html.contains("class=\"who st-not-mentioned\""))
    #expect(html.contains("class=\"s unsupported\""))
  }

  @Test(arguments: pages)
  func htmlHighlightsEveryLinkedSentence(page: URL) throws {
    let report = try CoverageTests.report(page)
    let html = CoverageWriter(format: .html).render(report)
    #expect(html.components(separatedBy: "class=\"s linked\"").count - 1 == report.totals.linkedSummarySentences)
    #expect(html.components(separatedBy: "class=\"t linked\"").count - 1 == report.totals.linkedFullTextSentences)
    #expect(html.components(separatedBy: "class=\"s unsupported\"").count - 1 == report.totals.unsupportedSentences)
    // Each linked summary sentence links to its full-text sentences without JavaScript.
    for sentence in report.summarySentences where sentence.status == .linked {
      for target in sentence.targets { #expect(html.contains("<a href=\"#t\(target)\">T\(target)</a>")) }
    }
  }

  @Test func htmlEscaping() {
    #expect(CoverageHTML.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    #expect(CoverageHTML.escape("bell\u{07}") == "bell")
  }
}

/// A parsed JSON value that keeps booleans, integers and other numbers apart.
indirect enum JSONNode: Decodable, Equatable, CustomStringConvertible {
  case null, bool(Bool), int(Int), double(Double), string(String), array([JSONNode]), object([String: JSONNode])

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() { self = .null }
    else if let value = try? container.decode(Bool.self) { self = .bool(value) }
    else if let value = try? container.decode(Int.self) { self = .int(value) }
    else if let value = try? container.decode(Double.self) { self = .double(value) }
    else if let value = try? container.decode(String.self) { self = .string(value) }
    else if let value = try? container.decode([JSONNode].self) { self = .array(value) }
    else { self = .object(try container.decode([String: JSONNode].self)) }
  }

  static func parse(_ data: Data) throws -> JSONNode { try JSONDecoder().decode(JSONNode.self, from: data) }

  var object: [String: JSONNode]? { if case .object(let value) = self { return value } else { return nil } }
  var number: Double? {
    switch self {
    case .int(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }

  var description: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return "\(value)"
    case .int(let value): return "\(value)"
    case .double(let value): return "\(value)"
    case .string(let value): return "\"\(value)\""
    case .array(let value): return "[\(value.count) items]"
    case .object(let value): return "{\(value.keys.sorted().joined(separator: ", "))}"
    }
  }
}

/// Checks a JSON value against the parts of JSON Schema (draft 2020-12) the coverage schema
/// uses: type, required, properties, items, enum, const, minimum, maximum, $ref to $defs.
struct SchemaCheck {
  let root: JSONNode

  func problems(_ value: JSONNode, _ schema: JSONNode, path: String) -> [String] {
    guard var rules = schema.object else { return [] }
    if case .string(let ref)? = rules["$ref"], ref.hasPrefix("#/$defs/"),
      let target = root.object?["$defs"]?.object?[String(ref.dropFirst(8))]?.object
    {
      rules = target.merging(rules.filter { $0.key != "$ref" }) { _, local in local }
    }
    var found: [String] = []
    var types: [String] = []
    switch rules["type"] {
    case .string(let type)?: types = [type]
    case .array(let list)?: types = list.compactMap { if case .string(let type) = $0 { return type } else { return nil } }
    default: break
    }
    if !types.isEmpty && !types.contains(where: { matches(value, $0) }) {
      return ["\(path): expected \(types), found \(value)"]
    }
    if case .array(let options)? = rules["enum"], !options.contains(value) { found.append("\(path): \(value) not in the enum") }
    if let constant = rules["const"], constant != value { found.append("\(path): expected \(constant)") }
    if let number = value.number {
      if let minimum = rules["minimum"]?.number, number < minimum { found.append("\(path): below \(minimum)") }
      if let maximum = rules["maximum"]?.number, number > maximum { found.append("\(path): above \(maximum)") }
    }
    if let object = value.object {
      if case .array(let required)? = rules["required"] {
        for case .string(let key) in required where object[key] == nil { found.append("\(path): missing \(key)") }
      }
      for (key, sub) in rules["properties"]?.object ?? [:] {
        if let member = object[key] { found += problems(member, sub, path: "\(path).\(key)") }
      }
    }
    if case .array(let array) = value, let items = rules["items"] {
      for (i, item) in array.enumerated() { found += problems(item, items, path: "\(path)[\(i)]") }
    }
    return found
  }

  private func matches(_ value: JSONNode, _ type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
      ("string", .string), ("array", .array), ("object", .object):
      return true
    default:
      return false
    }
  }
}
