import CICU
import Foundation

/// Reads a press release the way a UN editor does: page chrome, title block, summary,
/// documentation, the full text's sections, its speaker turns, and the speakers the summary
/// names, resolved to the full text's speakers across languages.
///
/// Owns an ICU transliterator (Traditional → Simplified Chinese, opened only for a text with
/// Traditional characters): use one reader per thread.
public final class StructureReader {
  /// The data in use.
  public let resources: StructureResources
  private let simplifier = ChineseSimplifier()

  /// A reader over the given data.
  public init(resources: StructureResources) {
    self.resources = resources
  }

  /// Reads one page that holds a summary followed by the full text.
  /// - Throws: ``DocAlignError/unsupportedInput(path:reason:)`` when no full text can be told
  ///   apart from the summary.
  public func read(page: Document) throws -> PageStructure {
    var structure = PageStructure(summary: page, fullText: page, isSinglePage: true)
    let units = page.sentences
    let chromeEnd = leadingBoilerplateEnd(page, from: 0)
    let titleEnd = titleBlockEnd(page, from: chromeEnd)
    guard let fullTextStart = findFullTextStart(page, after: titleEnd) else {
      throw DocAlignError.unsupportedInput(
        path: page.source.name,
        reason: "no full text found after the summary: expected a section heading such as "
          + "'Opening Statements', 'Discussion' or 'General Debate on …' on a line of its own, or "
          + "a paragraph opening with a speaker ('NAME, title, said that …'); give the summary and "
          + "the full text as two files instead")
    }
    let documentationStart = documentationHeading(page, in: titleEnd..<fullTextStart) ?? fullTextStart
    let footerStart = trailingBoilerplateStart(page, after: fullTextStart)
    func add(_ kind: PagePart.Kind, _ range: Range<Int>) {
      if !range.isEmpty { structure.parts.append(PagePart(kind: kind, inSummaryDocument: true, sentences: range)) }
    }
    add(.chrome, 0..<chromeEnd)
    add(.title, chromeEnd..<titleEnd)
    add(.summary, titleEnd..<documentationStart)
    add(.documentation, documentationStart..<fullTextStart)
    add(.fullText, fullTextStart..<footerStart)
    add(.footer, footerStart..<units.count)
    readFullText(&structure)
    readSummaryMentions(&structure)
    return structure
  }

  /// Reads a summary file and a full-text file.
  public func read(summary: Document, fullText: Document) throws -> PageStructure {
    var structure = PageStructure(summary: summary, fullText: fullText, isSinglePage: false)
    let chromeEnd = leadingBoilerplateEnd(summary, from: 0)
    let titleEnd = titleBlockEnd(summary, from: chromeEnd)
    let summaryEnd = trailingBoilerplateStart(summary, after: titleEnd)
    let documentationStart = documentationHeading(summary, in: titleEnd..<summaryEnd) ?? summaryEnd
    func add(_ kind: PagePart.Kind, _ range: Range<Int>, summarySide: Bool) {
      if !range.isEmpty { structure.parts.append(PagePart(kind: kind, inSummaryDocument: summarySide, sentences: range)) }
    }
    add(.chrome, 0..<chromeEnd, summarySide: true)
    add(.title, chromeEnd..<titleEnd, summarySide: true)
    add(.summary, titleEnd..<documentationStart, summarySide: true)
    add(.documentation, documentationStart..<summaryEnd, summarySide: true)
    add(.footer, summaryEnd..<summary.sentences.count, summarySide: true)
    // The full-text file may carry its own chrome, title and summary: start at its first
    // section heading when it has one.
    let fullChromeEnd = leadingBoilerplateEnd(fullText, from: 0)
    let fullStart = firstSectionHeading(fullText, from: fullChromeEnd) ?? fullChromeEnd
    let fullEnd = trailingBoilerplateStart(fullText, after: fullStart)
    guard fullStart < fullEnd else {
      throw DocAlignError.unsupportedInput(path: fullText.source.name, reason: "the full-text file holds no text besides page boilerplate")
    }
    add(.chrome, 0..<fullStart, summarySide: false)
    add(.fullText, fullStart..<fullEnd, summarySide: false)
    add(.footer, fullEnd..<fullText.sentences.count, summarySide: false)
    readFullText(&structure)
    readSummaryMentions(&structure)
    return structure
  }

  // MARK: - Parts

  private func text(_ document: Document, _ index: Int) -> Substring {
    document.text(of: document.sentences[index])
  }

  private func leadingBoilerplateEnd(_ document: Document, from start: Int) -> Int {
    var i = start
    while i < document.sentences.count && resources.isBoilerplate(text(document, i)) { i += 1 }
    return i
  }

  /// Headings at the top (title, subtitle, date, morning/afternoon), up to the first sentence.
  private func titleBlockEnd(_ document: Document, from start: Int) -> Int {
    var i = start
    while i < document.sentences.count && document.sentences[i].kind == .heading
      && resources.headingKind(text(document, i)) == nil
    {
      i += 1
    }
    return i
  }

  private func firstSectionHeading(_ document: Document, from start: Int) -> Int? {
    (start..<document.sentences.count).first { i in
      document.sentences[i].kind == .heading
        && resources.headingKind(text(document, i)).map { $0 != .documentation } == true
    }
  }

  /// Where the full text starts: the first known section heading after the summary; else the
  /// first heading followed by a speaker's turn; else the first paragraph in another language
  /// than the summary's (a Chinese summary before an English full text).
  private func findFullTextStart(_ page: Document, after start: Int) -> Int? {
    let sentences = page.sentences
    if let heading = firstSectionHeading(page, from: start) { return heading }
    for i in start..<sentences.count where sentences[i].kind == .heading && i + 1 < sentences.count {
      if speakerOpening(String(text(page, i + 1))) != nil { return i }
    }
    guard start < sentences.count else { return nil }
    let summaryLanguage = sentences[start].language
    if let switchIndex = (start..<sentences.count).first(where: {
      sentences[$0].language != summaryLanguage && sentences[$0].kind == .sentence
    }) {
      // Start at the heading just before, if any.
      return switchIndex > start && sentences[switchIndex - 1].kind == .heading ? switchIndex - 1 : switchIndex
    }
    return nil
  }

  private func documentationHeading(_ document: Document, in range: Range<Int>) -> Int? {
    range.first { i in
      document.sentences[i].kind == .heading && resources.headingKind(text(document, i)) == .documentation
    }
  }

  /// The first footer line after `start` that is followed only by boilerplate and headings.
  private func trailingBoilerplateStart(_ document: Document, after start: Int) -> Int {
    let sentences = document.sentences
    var footer = sentences.count
    var i = sentences.count - 1
    while i >= start {
      let line = text(document, i)
      if resources.isBoilerplate(line) {
        footer = i
      } else if sentences[i].kind != .heading || sentences[i].language != sentences[max(start, 0)].language && footer < sentences.count {
        // A heading in another language after the footer rule (a language menu) stays footer.
        if !(footer < sentences.count && sentences[i].kind == .heading) { break }
        footer = i
      }
      i -= 1
    }
    return max(footer, start)
  }

  // MARK: - Sections and turns

  private func readFullText(_ structure: inout PageStructure) {
    let document = structure.fullText
    let range = structure.fullTextSentences
    // Sections: each heading opens one.
    var starts: [(Int, Section.Kind, String)] = []
    for i in range where document.sentences[i].kind == .heading {
      let title = String(text(document, i))
      starts.append((i, resources.headingKind(title) ?? .other, title))
    }
    if starts.first.map({ $0.0 > range.lowerBound }) ?? !range.isEmpty {
      starts.insert((range.lowerBound, .untitled, ""), at: 0)
    }
    for (k, start) in starts.enumerated() {
      let end = k + 1 < starts.count ? starts[k + 1].0 : range.upperBound
      structure.sections.append(
        Section(index: k, kind: start.1, title: start.2, heading: start.2.isEmpty ? nil : start.0,
                sentences: start.0..<end))
    }
    // Turns.
    var current: (speaker: Int, section: Int, start: Int, joint: [Int])? = nil
    var lastParagraph = -1
    func closeTurn(at end: Int) {
      if let open = current, open.start < end {
        structure.turns.append(
          SpeakerTurn(speaker: open.speaker, section: open.section, sentences: open.start..<end, jointSpeakers: open.joint))
      }
      current = nil
    }
    for section in structure.sections {
      closeTurn(at: section.sentences.lowerBound)
      for i in section.sentences {
        let sentence = document.sentences[i]
        if sentence.kind == .heading { closeTurn(at: i); continue }
        let line = String(text(document, i))
        if let opening = speakerOpening(line) {
          let id = speakerID(for: opening, in: &structure)
          if current?.speaker != id {
            closeTurn(at: i)
            let joint = jointStatementPartners(line).map { name in
              speakerID(
                for: Opening(name: name, key: resources.gazetteer.key(for: name), role: .organisation, onBehalfOf: nil, isReference: false),
                in: &structure)
            }
            current = (id, section.index, i, joint)
          }
        } else if sentence.paragraph != lastParagraph && current == nil {
          // A paragraph with no speaker (a section's introduction) belongs to nobody.
        }
        lastParagraph = sentence.paragraph
      }
      closeTurn(at: section.sentences.upperBound)
    }
  }

  /// A speaker opening a full-text sentence.
  struct Opening {
    var name: String
    var key: String?
    var role: Speaker.Role
    var onBehalfOf: String?
    var isReference: Bool  // "Mr. Hoydal said": refers to someone named before
  }

  private static let titles: Set<String> = ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Sir", "Madam"]
  private static let nonNameStarts: Set<String> = [
    "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "Some",
    "Many", "Several", "In", "On", "At", "For", "A", "An", "All", "Other", "Such", "Both", "Each",
    "Speakers", "Delegations", "States", "Countries", "Governments", "Member", "There", "Its",
    "Their", "His", "Her", "Our", "As", "While", "When", "After", "Before", "Since", "However",
    "Also", "Finally", "First", "Second", "Third", "Moreover", "Furthermore", "Today", "Only",
  ]

  /// Who opens a sentence, if a speaker does: `NAME IN CAPITALS, …`, a known country, group or
  /// organisation followed by a comma or a speech verb, `Mr./Ms. Name`, or capitalised words
  /// followed by a speech verb or ", speaking on behalf of".
  func speakerOpening(_ sentence: String) -> Opening? {
    let words = sentence.split(separator: " ", omittingEmptySubsequences: true)
    guard let first = words.first else { return nil }
    // Panellists: two or more words in capitals, then a comma.
    var capitals: [Substring] = []
    for word in words {
      let core = word.hasSuffix(",") ? word.dropLast() : word
      let letters = core.filter(\.isLetter)
      guard letters.count >= 1, letters.allSatisfy({ $0.isUppercase }) else { break }
      capitals.append(core)
      if word.hasSuffix(",") { break }
    }
    if capitals.count >= 2, capitals.joined(separator: " ").filter(\.isLetter).count >= 5,
      sentence.dropFirst(capitals.joined(separator: " ").count).hasPrefix(",")
    {
      let name = capitals.joined(separator: " ")
      return Opening(name: name, key: nil, role: .panellist, onBehalfOf: nil, isReference: false)
    }
    // "Mr. Hoydal said": a reference to a person named before.
    if Self.titles.contains(String(first)), words.count >= 2 {
      var nameWords: [Substring] = []
      for word in words.dropFirst() {
        let core = word.hasSuffix(",") ? word.dropLast() : word
        guard let initial = core.first, initial.isUppercase else { break }
        nameWords.append(core)
        if word.hasSuffix(",") { break }
      }
      if !nameWords.isEmpty {
        return Opening(name: nameWords.joined(separator: " "), key: nil, role: .panellist, onBehalfOf: nil, isReference: true)
      }
    }
    guard !Self.nonNameStarts.contains(String(first)), first.first?.isUppercase == true else { return nil }
    let body = Substring(sentence)
    // A known country, group or organisation.
    if let known = resources.gazetteer.longestName(opening: body) {
      let rest = body.dropFirst(known.length)
      if followsSpeakerName(rest) {
        let name = String(body.prefix(known.length))
        return Opening(name: name, key: known.key, role: Gazetteer.kind(of: known.key) == .organisation ? .organisation : .delegation,
                       onBehalfOf: onBehalfGroup(rest), isReference: false)
      }
    }
    // Unknown names: capitalised words (and connecting words) before a speech verb.
    var nameEnd = 0
    var count = 0
    for word in words {
      let core = word.hasSuffix(",") ? word.dropLast() : word
      let isCapitalised = core.first?.isUppercase == true || core.first?.isNumber == true
      let isConnecting = NameFolding.connectingWords.contains(core.lowercased()) && count > 0
      guard isCapitalised || isConnecting else { break }
      count += 1
      nameEnd += word.count + 1
      if word.hasSuffix(",") { break }
    }
    guard count >= 1, nameEnd > 0 else { return nil }
    let name = String(body.prefix(nameEnd - 1)).trimmingCharacters(in: CharacterSet(charactersIn: ","))
    let rest = body.dropFirst(name.count)
    guard followsSpeakerName(rest, strict: true) else { return nil }
    return Opening(name: name, key: nil, role: .organisation, onBehalfOf: onBehalfGroup(rest), isReference: false)
  }

  /// After a speaker's name: a comma, or a speech verb; with `strict`, a speech verb or
  /// ", speaking/in a joint statement/on behalf".
  private func followsSpeakerName(_ rest: Substring, strict: Bool = false) -> Bool {
    let trimmed = rest.drop { $0 == " " }
    if trimmed.hasPrefix(",") {
      if !strict { return true }
      let after = trimmed.dropFirst().drop { $0 == " " }.lowercased()
      return after.hasPrefix("speaking") || after.hasPrefix("in a joint statement")
        || after.hasPrefix("on behalf") || after.hasPrefix("also on behalf")
    }
    guard rest.hasPrefix(" ") else { return false }
    let word = trimmed.prefix { $0.isLetter }.lowercased()
    return resources.speechVerbs.contains(word)
  }

  /// "X, in a joint statement with Y and Z, said" → [Y, Z].
  private func jointStatementPartners(_ sentence: String) -> [String] {
    guard let range = sentence.range(of: "in a joint statement with ") else { return [] }
    var names: [String] = []
    var current: [Substring] = []
    for word in sentence[range.upperBound...].split(separator: " ") {
      let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
      if core == "and" || core == "the" && current.isEmpty {
        if !current.isEmpty { names.append(current.joined(separator: " ")); current = [] }
        continue
      }
      let capitalised = core.first?.isUppercase == true
      let connecting = NameFolding.connectingWords.contains(core.lowercased()) && !current.isEmpty
      guard capitalised || connecting, !resources.speechVerbs.contains(core.lowercased()) else { break }
      current.append(Substring(core))
      if word.hasSuffix(",") { names.append(current.joined(separator: " ")); current = [] }
    }
    if !current.isEmpty { names.append(current.joined(separator: " ")) }
    return names.filter { !$0.isEmpty }
  }

  /// "…, speaking on behalf of the Arab Group, …" → the group's key.
  private func onBehalfGroup(_ rest: Substring) -> String? {
    guard let range = rest.range(of: "on behalf of ") else { return nil }
    var name = rest[range.upperBound...]
    if name.hasPrefix("the ") { name = name.dropFirst(4) }
    let end = name.firstIndex(where: { $0 == "," || $0 == ";" }) ?? name.endIndex
    return resources.gazetteer.key(for: name[..<end])
  }

  /// The id of the speaker an opening names: an existing identity, or a new one.
  private func speakerID(for opening: Opening, in structure: inout PageStructure) -> Int {
    let tokens = NameFolding.tokens(opening.name)
    if let key = opening.key, let existing = structure.speakers.first(where: { $0.key == key }) {
      return existing.id
    }
    if opening.key == nil {
      // Persons and unknown organisations: the same words (or a part of them) are the same one.
      // Candidates: speakers known by name (persons, organisations), not countries or groups.
      let matches = structure.speakers.filter { speaker in
        let knownByName = speaker.key.hasPrefix("person:") || speaker.key.hasPrefix("name:") || speaker.key.hasPrefix("org:")
        return knownByName && NameFolding.similarity(tokens, speaker.nameTokens) >= 0.99
          && (opening.isReference || tokens.count >= 2 || speaker.nameTokens.count == tokens.count)
      }
      if let best = matches.last { return best.id }
    }
    let key = opening.key ?? (opening.role == .panellist ? "person:" : "name:") + tokens.joined(separator: " ")
    let speaker = Speaker(
      id: structure.speakers.count, name: opening.name, key: key, role: opening.role,
      onBehalfOf: opening.onBehalfOf, nameTokens: tokens)
    structure.speakers.append(speaker)
    return speaker.id
  }

  // MARK: - Summary mentions

  private func readSummaryMentions(_ structure: inout PageStructure) {
    let document = structure.summary
    let range = structure.summarySentences
    var currentParagraph = -1
    var currentSpeaker: Int? = nil
    for i in range {
      let sentence = document.sentences[i]
      guard sentence.kind == .sentence else { continue }
      if sentence.paragraph != currentParagraph {
        currentParagraph = sentence.paragraph
        currentSpeaker = nil
      }
      let line = String(text(document, i))
      if let items = listItems(line, language: sentence.language) {
        for item in items {
          let resolved = resolve(item, in: structure)
          structure.mentions.append(
            SpeakerMention(sentence: i, text: item.text, isListItem: true, speaker: resolved.speaker, key: resolved.key))
        }
        currentSpeaker = nil
        continue
      }
      if let subject = subjectMention(line, language: sentence.language, structure: structure) {
        structure.mentions.append(
          SpeakerMention(sentence: i, text: subject.text, isListItem: false, speaker: subject.speaker, key: nil))
        currentSpeaker = subject.speaker
      }
      if let currentSpeaker { structure.summarySpeakers[i] = currentSpeaker }
    }
  }

  /// A name in a summary: its text as written, and the parts to resolve.
  struct Item {
    var text: String
    var chinese: String?
    var latin: String?
  }

  private static let chineseConnectors = ["以及", "与", "和", "及"]
  private static let spokeEndings = [
    " also spoke", " also took the floor", " also made statements", " also made a statement",
    "也作了发言", "也发了言", "也发言",
  ]
  private static let bracketPattern = try! NSRegularExpression(pattern: "([^()（）、，,：:]*?)[(（]\\s*([^()（）]*?[A-Za-z][^()（）]*?)\\s*[)）]")

  /// The items of a sentence listing speakers, or nil when it is not such a list.
  func listItems(_ sentence: String, language: Language) -> [Item]? {
    var body = Substring(sentence)
    var afterColon = false
    if let colon = body.lastIndex(where: { $0 == ":" || $0 == "：" }) {
      body = body[body.index(after: colon)...]
      afterColon = true
    }
    body = body.drop { $0 == " " }
    while let last = body.last, "。.".contains(last) { body = body.dropLast() }
    var items: [Item] = []
    // "The Organization of Islamic Cooperation also spoke.": names before a closing "spoke".
    var closedBySpoke = false
    for ending in Self.spokeEndings where body.hasSuffix(ending) {
      body = body.dropLast(ending.count)
      if body.hasPrefix("The ") { body = body.dropFirst(4) }
      closedBySpoke = true
      break
    }
    body = Substring(body.trimmingCharacters(in: .whitespaces))
    let minimumItems = closedBySpoke ? 1 : 3
    if language == .chinese {
      var parts = body.split(separator: "、").map { String($0).trimmingCharacters(in: .whitespaces) }
      // Commas separate the items only in an announced list ("…发言：法国，德国，巴西以及日本").
      if (afterColon || closedBySpoke) && (parts.count < minimumItems || !body.contains("、")) {
        parts = body.split(whereSeparator: { $0 == "，" || $0 == "," }).map { String($0).trimmingCharacters(in: .whitespaces) }
      }
      guard parts.count >= minimumItems else { return nil }
      for part in parts {
        let pairs = Self.bracketPairs(part)
        if !pairs.isEmpty {
          items += pairs
          continue
        }
        let simplified = simplify(part)
        if resources.gazetteer.key(for: simplified) != nil || resources.gazetteer.key(for: Self.afterDe(simplified)) != nil {
          items.append(Item(text: part, chinese: simplified, latin: nil))
          continue
        }
        // "哥伦比亚和大韩民国": two names joined by a conjunction.
        var split = false
        for connector in Self.chineseConnectors where part.contains(connector) {
          let pieces = part.components(separatedBy: connector).filter { !$0.isEmpty }
          if pieces.count >= 2, pieces.allSatisfy({ resources.gazetteer.key(for: Self.afterDe(simplify($0))) != nil }) {
            items += pieces.map { Item(text: $0, chinese: simplify($0), latin: nil) }
            split = true
            break
          }
        }
        if !split { items.append(Item(text: part, chinese: simplified, latin: nil)) }
      }
    } else {
      guard body.contains(",") || closedBySpoke else { return nil }
      var parts = body.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      if let last = parts.last, last.hasPrefix("and ") { parts[parts.count - 1] = String(last.dropFirst(4)) }
      guard parts.count >= minimumItems else { return nil }
      items = parts.map { Item(text: $0, chinese: nil, latin: $0) }
    }
    // A list names mostly known or bracketed names; an ordinary sentence with commas does not.
    let named = items.filter { $0.latin != nil && language == .chinese || resources.gazetteer.key(for: $0.chinese ?? $0.latin ?? "") != nil || resources.gazetteer.key(for: Self.afterDe($0.chinese ?? "")) != nil }.count
    guard named * 2 >= items.count, !closedBySpoke || named == items.count else { return nil }
    return items
  }

  /// "代表阿拉伯集团的科威特" → "科威特" (the delegation speaking for the group).
  static func afterDe(_ text: String) -> String {
    guard text.hasPrefix("代表"), let de = text.lastIndex(of: "的") else { return text }
    return String(text[text.index(after: de)...])
  }

  /// `中文名(Latin Name)` pairs in a list item, each with connectors before it stripped.
  static func bracketPairs(_ text: String) -> [Item] {
    let ns = text as NSString
    var items: [Item] = []
    for match in bracketPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      var chinese = ns.substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
      let latin = ns.substring(with: match.range(at: 2))
      var start = match.range.location + (match.range(at: 1).length - (chinese as NSString).length)
      // Strip "与", "和", "通过联合声明以及" … before the name.
      for connector in chineseConnectors {
        if let range = chinese.range(of: connector, options: .backwards) {
          let rest = String(chinese[range.upperBound...])
          if rest.count >= 2 {
            start += (chinese as NSString).length - (rest as NSString).length
            chinese = rest
          }
        }
      }
      let whole = ns.substring(with: NSRange(location: start, length: match.range.location + match.range.length - start))
      items.append(Item(text: whole, chinese: chinese.isEmpty ? nil : chinese, latin: latin))
    }
    return items
  }

  private func simplify(_ text: String) -> String {
    simplifier.simplify(text)
  }

  /// Resolves a summary name to a full-text speaker: by gazetteer key, or by its Latin name.
  func resolve(_ item: Item, in structure: PageStructure) -> (speaker: Int?, key: String?) {
    let gazetteer = resources.gazetteer
    var key: String? = nil
    if let chinese = item.chinese {
      key = gazetteer.key(for: chinese) ?? gazetteer.key(for: Self.afterDe(chinese))
    }
    if key == nil, let latin = item.latin { key = gazetteer.key(for: latin) }
    if let key, let speaker = structure.speakers.first(where: { $0.key == key }) { return (speaker.id, key) }
    if let latin = item.latin {
      let tokens = NameFolding.tokens(latin)
      var best: (Int, Double)? = nil
      for speaker in structure.speakers {
        let score = NameFolding.similarity(tokens, speaker.nameTokens)
        let longer = Double(max(tokens.count, speaker.nameTokens.count))
        let shorter = Double(min(tokens.count, speaker.nameTokens.count))
        // All words of the shorter name, and most of the longer one's.
        if score >= 0.99 && shorter / longer >= 0.5, score > (best?.1 ?? 0) { best = (speaker.id, score) }
      }
      if let best { return (best.0, key) }
      // Bracketed names of organisations: English names of the key.
      if let key, let english = gazetteer.englishName(of: key) {
        let englishTokens = NameFolding.tokens(english)
        if let speaker = structure.speakers.first(where: { NameFolding.similarity(englishTokens, $0.nameTokens) >= 0.99 }) {
          return (speaker.id, key)
        }
      }
    }
    return (nil, key)
  }

  /// The speaker a summary sentence opens with: `凯特·吉尔摩(Kate Gilmore)表示`, a Latin name in
  /// Chinese text, or `Marta Santos Pais, …, noted` in English.
  private func subjectMention(_ sentence: String, language: Language, structure: PageStructure) -> (text: String, speaker: Int)? {
    if language == .chinese {
      // Only the sentence's opening, up to its first comma or colon.
      let head = String(sentence.prefix { !",，:：；".contains($0) })
      var found: (String, Int)? = nil
      for item in Self.bracketPairs(head) {
        if let speaker = resolve(item, in: structure).speaker { found = (item.text, speaker) }
      }
      if let found { return found }
      // A Latin name alone: "高级专栏作家Hakon Fostervold Hoydal描述了".
      // Latin letters (with accents: "Türk"), spaces, hyphens and apostrophes.
      let latinRuns = head.split(whereSeparator: { c in
        !(c == " " || c == "-" || c == "'" || (c.isLetter && (c.unicodeScalars.first?.value ?? 0) < 0x0250))
      })
      for run in latinRuns.reversed() {
        let name = run.trimmingCharacters(in: .whitespaces)
        guard name.split(separator: " ").count >= 2 else { continue }
        if let speaker = resolve(Item(text: name, chinese: nil, latin: name), in: structure).speaker {
          return (name, speaker)
        }
      }
      return nil
    }
    guard let opening = speakerOpening(sentence) ?? personOpening(sentence) else { return nil }
    let item = Item(text: opening.name, chinese: nil, latin: opening.name)
    guard let speaker = resolve(item, in: structure).speaker ?? opening.key.flatMap({ key in structure.speakers.first { $0.key == key }?.id }) else { return nil }
    return (opening.name, speaker)
  }

  /// "Marta Santos Pais, Special Representative …": two to five capitalised words and a comma.
  private func personOpening(_ sentence: String) -> Opening? {
    guard let comma = sentence.firstIndex(of: ",") else { return nil }
    let name = sentence[..<comma]
    let words = name.split(separator: " ")
    guard (2...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }),
      !Self.nonNameStarts.contains(String(words[0]))
    else { return nil }
    return Opening(name: String(name), key: nil, role: .panellist, onBehalfOf: nil, isReference: false)
  }
}

/// An ICU transform (e.g. "Hant-Hans").
final class ICUTransliterator {
  private let handle: OpaquePointer

  init(identifier: String) throws {
    var status: Int32 = 0
    guard let handle = cicu_transliterator_open(identifier, &status), status == 0 else {
      throw DocAlignError.icu(operation: "open the transform \(identifier)", error: String(cString: cicu_error_name(status)))
    }
    self.handle = handle
  }

  deinit { cicu_transliterator_close(handle) }

  func transliterate(_ text: String) -> String {
    let input = Array(text.utf16)
    var output = [UInt16](repeating: 0, count: input.count * 2 + 16)
    var status: Int32 = 0
    let length = cicu_transliterate(handle, input, Int32(input.count), &output, Int32(output.count), &status)
    guard status == 0, Int(length) <= output.count else { return text }
    return String(decoding: output[0..<Int(length)], as: UTF16.self)
  }
}
