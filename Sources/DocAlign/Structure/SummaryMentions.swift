import Foundation

/// What the summary-mention reader needs to know about a page while it reads the summary: the
/// full text's speakers (with their names as ASCII words, for persons) and the summary's language.
struct MentionContext {
  let structure: PageStructure
  /// The summary's commonest language first, then the others it uses.
  let summaryLanguages: [Language]
  /// Panellists' ids and the ASCII words of their names.
  let persons: [(id: Int, words: [String])]
  /// Organisations no table knows: ids and the content words of their names.
  let organisations: [(id: Int, words: [String])]
  let reader: StructureReader
  /// Resolutions already made, by item (a list item is resolved several times while deciding
  /// how to split it).
  private let cache = ResolutionCache()

  final class ResolutionCache {
    var resolved: [String: (speaker: Int?, key: String?)] = [:]
  }

  /// A resolution made before for the same item, if any.
  func cached(_ item: StructureReader.Item) -> (speaker: Int?, key: String?)? {
    cache.resolved[Self.cacheKey(item)]
  }

  func remember(_ item: StructureReader.Item, _ result: (speaker: Int?, key: String?)) {
    cache.resolved[Self.cacheKey(item)] = result
  }

  private static func cacheKey(_ item: StructureReader.Item) -> String {
    (item.chinese ?? "") + "\u{1}" + (item.latin ?? "")
  }

  init(structure: PageStructure, reader: StructureReader) {
    self.structure = structure
    self.reader = reader
    var counts: [Language: Int] = [:]
    for index in structure.summarySentences where structure.summary.sentences[index].kind == .sentence {
      counts[structure.summary.sentences[index].language, default: 0] += 1
    }
    summaryLanguages = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.ordinal < $1.key.ordinal }.map(\.key)
    persons = structure.speakers.filter { $0.role == .panellist }.map { ($0.id, PersonNames.words(reader.ascii($0.name))) }
    organisations = structure.speakers.filter { $0.role == .organisation && $0.key.hasPrefix("name:") }
      .map { ($0.id, NameCognates.contentWords(reader.ascii($0.name))) }
  }

  /// The languages whose cues apply to a sentence: its own, then the summary's.
  func languages(of sentence: Sentence) -> [Language] {
    [sentence.language] + summaryLanguages.filter { $0 != sentence.language }
  }

  /// The speaker whose name has the same words as `name` (all words of the shorter name, half of
  /// the longer one's at least), preferring the closest in length: "European Union of Public
  /// Relations" is that organisation, not the European Union.
  func speaker(withWordsOf name: String) -> Int? {
    let tokens = NameFolding.tokens(name)
    var best: (id: Int, ratio: Double)? = nil
    for speaker in structure.speakers {
      guard NameFolding.similarity(tokens, speaker.nameTokens) >= 0.99 else { continue }
      let longer = Double(max(tokens.count, speaker.nameTokens.count))
      let shorter = Double(min(tokens.count, speaker.nameTokens.count))
      let ratio = shorter / longer
      if ratio >= 0.5, ratio > (best?.ratio ?? 0) { best = (speaker.id, ratio) }
    }
    return best?.id
  }

  /// The organisation speaker no table knows whose name a translated name renders word by word
  /// (``NameCognates``): two content words at least, and at least two thirds of the longer name's
  /// content words, must have a cognate; exactly one speaker may fit best.
  func organisation(translating name: String) -> Int? {
    let words = NameCognates.contentWords(reader.ascii(name))
    guard words.count >= 2 else { return nil }
    var best: (id: Int, shared: Int)? = nil
    var tied = false
    for speaker in organisations {
      let (shared, longer) = NameCognates.shared(words, speaker.words)
      guard shared >= 2, Double(shared) * 3 >= Double(longer) * 2 else { continue }
      if shared > (best?.shared ?? 0) {
        best = (speaker.id, shared)
        tied = false
      } else if shared == best?.shared {
        tied = true
      }
    }
    return tied ? nil : best?.id
  }

  /// The panellist a person's name (in any script and spelling) refers to, if exactly one fits
  /// best. With `tolerant` (a name after a title), one given name may differ.
  func person(named name: String, tolerant: Bool = false) -> Int? {
    let words = PersonNames.words(reader.ascii(name))
    guard !words.isEmpty else { return nil }
    var best: (id: Int, matched: Int, coverage: Double)? = nil
    var tied = false
    for person in persons {
      guard let match = PersonNames.match(words, person.words), tolerant || match.matched == words.count else { continue }
      if let current = best {
        if (match.matched, match.coverage) > (current.matched, current.coverage) {
          best = (person.id, match.matched, match.coverage)
          tied = false
        } else if (match.matched, match.coverage) == (current.matched, current.coverage) && person.id != current.id {
          tied = true
        }
      } else {
        best = (person.id, match.matched, match.coverage)
      }
    }
    return tied ? nil : best?.id
  }
}

extension StructureReader {
  /// A name in ASCII Latin, whatever its script ("Кейт Гилмор" → "Kejt Gilmor").
  func ascii(_ name: String) -> String {
    latinizer.ascii(name)
  }

  /// Whether a sentence opens with a pronoun or a verb that refers back to the last speaker.
  func opensWithPronoun(_ sentence: String, languages: [Language]) -> Bool {
    resources.cues.prefix(.pronoun, of: Substring(sentence), languages: languages) != nil
      || resources.cues.prefix(.verb, of: Substring(sentence), languages: languages) != nil
  }

  // MARK: - Words

  /// The words of a text (split at spaces), as ranges.
  static func wordRanges(_ text: Substring) -> [Range<String.Index>] {
    var ranges: [Range<String.Index>] = []
    var start: String.Index? = nil
    var i = text.startIndex
    while i < text.endIndex {
      if text[i].isWhitespace {
        if let s = start { ranges.append(s..<i) }
        start = nil
      } else if start == nil {
        start = i
      }
      i = text.index(after: i)
    }
    if let s = start { ranges.append(s..<text.endIndex) }
    return ranges
  }

  static let openingPunctuation = CharacterSet(charactersIn: "(«“\"'[")
  static let closingPunctuation = CharacterSet(charactersIn: ",;:.)»”\"']،؛")

  static func core(_ word: Substring) -> String {
    word.trimmingCharacters(in: openingPunctuation).trimmingCharacters(in: closingPunctuation)
  }

  /// Whether a word may be part of a person's name: capitalised in a cased script, any word in
  /// Arabic.
  static func isNameWord(_ word: String) -> Bool {
    guard let first = word.first else { return false }
    if first.isUppercase { return true }
    return first.isLetter && !first.isLowercase  // uncased scripts (Arabic)
  }

  // MARK: - Subjects

  /// A titled person, a delegation opening the sentence, or a person's name among its first
  /// words, resolved to a full-text speaker. On a page without a full text, a titled person is
  /// returned unresolved.
  func generalSubjectMention(_ sentence: String, languages: [Language], context: MentionContext)
    -> (text: String, speaker: Int?, key: String?)?
  {
    let cues = resources.cues
    let body = Substring(sentence)
    let words = Self.wordRanges(body)
    guard !words.isEmpty else { return nil }
    var first = 0
    // Russian and Spanish editors often name the role first: "Заместитель директора … ЮНИСЕФ
    // г-н Андрес Франко отметил", "La Relatora Especial sobre …, Sra. Maud de Boer-Buquicchio,".
    // (English summaries name the speaker first: the first dozen words are searched, as before.)
    var limit = languages.first == .english ? 12 : 25
    // A pronoun opening the sentence ("Elle a ajouté", "Она"): the sentence is about the last
    // speaker, whoever else it names. After a verb opening it ("وأكدت البرازيل", "وقال رئيس
    // المجلس، السيد …"), the subject follows within a few words.
    if cues.prefix(.pronoun, of: body, languages: languages) != nil { return nil }
    if let verb = cues.prefix(.verb, of: body, languages: languages) {
      let end = body.index(body.startIndex, offsetBy: verb)
      first = words.firstIndex { $0.lowerBound >= end } ?? words.count
      limit = 6
    }
    let window = first..<min(words.count, first + limit)
    guard !window.isEmpty else { return nil }
    let hasFullText = !context.structure.speakers.isEmpty
    // A delegation or an organisation opening the sentence: "La Suède, au nom des pays nordiques, …".
    var start = body[words[first].lowerBound...]
    if let article = cues.prefix(.article, of: start, languages: languages) {
      start = start.dropFirst(article).drop(while: { $0 == " " })
    }
    if let known = resources.gazetteer.longestName(opening: start) {
      let rest = start.dropFirst(known.length)
      if rest.first.map({ $0 == " " || $0 == "," || $0 == "(" || $0 == "،" }) ?? true,
        let speaker = context.structure.speakers.first(where: { $0.key == known.key })
      {
        return (String(start.prefix(known.length)), speaker.id, known.key)
      }
    }
    // A titled person: "Mme Kate Gilmore", "M. Choi Kyong-lim", "г-жа Гилмор", "السيدة غيلمور".
    for k in window {
      let here = body[words[k].lowerBound...]
      guard let titleLength = cues.prefix(.title, of: here, languages: languages) else { continue }
      let titleEnd = here.index(here.startIndex, offsetBy: titleLength)
      guard let nameStart = words.firstIndex(where: { $0.lowerBound >= titleEnd }) else { break }
      let name = nameWords(body, words, from: nameStart)
      // The longest run of the name words that names a speaker.
      for count in stride(from: name.count, through: 1, by: -1) {
        let text = String(body[words[nameStart].lowerBound..<name[count - 1]])
        let cleaned = Self.core(Substring(text))
        if let person = context.person(named: cleaned, tolerant: true) {
          return (String(body[words[k].lowerBound..<name[count - 1]]).trimmingCharacters(in: Self.closingPunctuation), person, nil)
        }
      }
      if !hasFullText, let last = name.last {
        return (String(body[words[k].lowerBound..<last]).trimmingCharacters(in: Self.closingPunctuation), nil, nil)
      }
    }
    // In English the opening clause names the speaker (above); in a caseless script any words
    // could be taken for a name.
    guard hasFullText, languages.first != .english, languages.first?.isCased == true else { return nil }
    // A person's name among the first words ("Заместитель Верховного комиссара Кейт Гилмор
    // напомнила …"): two or three name words that all match one panellist.
    for k in window {
      for count in [3, 2] where k + count <= words.count {
        let run = (k..<k + count).map { Self.core(body[words[$0]]) }
        guard run.allSatisfy(Self.isNameWord) else { continue }
        // In a cased script the run must not start the sentence with an ordinary word.
        let text = run.joined(separator: " ")
        if let person = context.person(named: text), PersonNames.words(ascii(text)).count >= 2 {
          return (text, person, nil)
        }
      }
    }
    return nil
  }

  /// Where the words of a person's name after a title end: up to five words, capitalised (or a
  /// particle before a capitalised word) in a cased script, ending at a comma, semicolon, colon
  /// or bracket. Returns the end index of each word, in order.
  private func nameWords(_ body: Substring, _ words: [Range<String.Index>], from start: Int) -> [String.Index] {
    var ends: [String.Index] = []
    var k = start
    while k < words.count && ends.count < 5 {
      let raw = body[words[k]]
      let word = Self.core(raw)
      guard !word.isEmpty else { break }
      let isParticle = PersonNames.particles.contains(word.lowercased())
        && k + 1 < words.count && Self.isNameWord(Self.core(body[words[k + 1]]))
      guard Self.isNameWord(word) || isParticle else { break }
      ends.append(words[k].upperBound)
      if let last = raw.last, ",;:)،؛".contains(last) { break }
      k += 1
    }
    return ends
  }

  // MARK: - Lists

  /// The items of a sentence listing speakers in a language other than Chinese, or nil.
  ///
  /// A sentence is a list when a cue announces or closes it (`Ont pris la parole …`, `Speaking
  /// were: …`, `Выступили …`, `وتكلم …`, `… also spoke`) and its items look like names, or, with
  /// no cue, when it holds three or more comma-separated items of which half resolve to a known
  /// name or to a speaker of the full text. Items are split at commas (`,` `،`), or at
  /// semicolons when there are any (each item then ends at its first comma: "M. Benyam Dawit
  /// Mezmur, Président du Comité…; Mme …"), and at a final conjunction; a bracket after an item
  /// ("Koweït (au nom du Groupe arabe)") is dropped, except that a speaker named after an
  /// "on behalf of" inside it is listed too ("Plan International (au nom également de Save the
  /// Children International)").
  func generalListItems(_ sentence: String, languages: [Language], context: MentionContext) -> [Item]? {
    let cues = resources.cues
    var body = Substring(sentence)
    while let last = body.last, ". ".contains(last) || last.isWhitespace { body = body.dropLast() }
    var opens = cues.occurrences(.listOpen, in: body, languages: languages)
    var closes = cues.occurrences(.listClose, in: body, languages: languages)
    // "También intervinieron …" opens a list at the start of a sentence; "… también
    // intervinieron" closes it elsewhere.
    opens.removeAll { open in open.lowerBound != body.startIndex && closes.contains { $0.overlaps(open) } }
    closes.removeAll { close in opens.contains { $0.overlaps(close) } }
    if opens.isEmpty && closes.isEmpty {
      var region = body
      if let colon = Self.lastTopLevel(of: ":：", in: body) { region = body[body.index(after: colon)...] }
      // Most sentences with commas are not lists: a cheap look first (three parts, half of them
      // a table name or a speaker's very words).
      let parts = Self.splitTopLevel(region, at: ",،")
      guard parts.count >= 3 else { return nil }
      let quick = parts.filter { part in
        let text = clean(String(part), languages: languages)
        return resources.gazetteer.key(for: text) != nil || context.speaker(withWordsOf: text) != nil
      }.count
      guard quick * 2 + 2 >= parts.count else { return nil }
      let items = splitItems(region, languages: languages, context: context)
      guard items.count >= 3 else { return nil }
      let resolved = items.filter { resolvesToName($0, context: context) }.count
      guard resolved * 2 >= items.count else { return nil }
      return items
    }
    let boundaries = (opens.map { ($0, true) } + closes.map { ($0, false) }).sorted { $0.0.lowerBound < $1.0.lowerBound }
    var items: [Item] = []
    var closeItems: [Item] = []
    var cursor = body.startIndex
    for (k, (range, isOpen)) in boundaries.enumerated() {
      if isOpen {
        let next = k + 1 < boundaries.count ? boundaries[k + 1].0.lowerBound : body.endIndex
        var region = body[range.upperBound..<max(range.upperBound, next)]
        if let colon = Self.firstTopLevel(of: ":：", in: region) {
          // "Intervinieron en el debate la Unión Europea y los siguientes países: …": known names
          // before the colon count too.
          items += knownNames(in: stripFillers(region[..<colon], languages: languages), languages: languages, context: context)
          region = region[region.index(after: colon)...]
        } else {
          region = stripFillers(region, languages: languages)
        }
        items += splitItems(region, languages: languages, context: context)
        cursor = max(range.upperBound, next)
      } else {
        var region = body[cursor..<max(cursor, range.lowerBound)]
        if let colon = Self.lastTopLevel(of: ":：", in: region) { region = region[region.index(after: colon)...] }
        region = stripFillers(region, languages: languages)
        let found = splitItems(region, languages: languages, context: context)
        items += found
        closeItems += found
        cursor = range.upperBound
      }
    }
    // "… sont également intervenus, ainsi que les organisations suivantes : A, B et C."
    if let last = boundaries.last, !last.1, let colon = Self.firstTopLevel(of: ":：", in: body[cursor...]) {
      items += splitItems(body[body.index(after: colon)...], languages: languages, context: context)
    }
    guard !items.isEmpty else { return nil }
    let announced = !opens.isEmpty || body.contains(":")
    // "وتحدث السيد …، كبير …، عن …": a verb of speaking before a name and clauses is a sentence
    // about that speaker. Without a colon or a closing cue, half the items must be known names.
    if closes.isEmpty && !body.contains(":") {
      guard items.count >= 2, items.filter({ resolvesToName($0, context: context) }).count * 2 >= items.count else { return nil }
    }
    if !announced {
      // "The Organization of Islamic Cooperation also spoke": every name must be known.
      guard closeItems.allSatisfy({ resolvesToName($0, context: context) }) else { return nil }
    } else {
      let nameLike = items.filter { item in
        let words = item.text.split(separator: " ")
        return words.count <= 12 && (item.text.first.map { !$0.isLowercase } ?? false)
      }.count
      guard nameLike * 2 >= items.count else { return nil }
    }
    return items
  }

  /// The known names in a phrase before a list's colon ("en el debate la Unión Europea y los
  /// siguientes países", "في النقاش ممثلو الاتحاد الأوروبي والدول التالية"): at each word, the
  /// longest table name opening there (an Arabic "و" glued to the word dropped), kept when it
  /// resolves.
  func knownNames(in phrase: Substring, languages: [Language], context: MentionContext) -> [Item] {
    var items: [Item] = []
    var skipUntil = phrase.startIndex
    for word in Self.wordRanges(phrase) where word.lowerBound >= skipUntil {
      var start = phrase[word.lowerBound...]
      start = start.drop { Self.openingPunctuation.contains($0.unicodeScalars.first ?? " ") }
      var found = resources.gazetteer.longestName(opening: start)
      if found == nil, start.first == "و" { start = start.dropFirst(); found = resources.gazetteer.longestName(opening: start) }
      guard let known = found else { continue }
      let text = String(start.prefix(known.length))
      let item = Item(text: text, chinese: nil, latin: text)
      if resolvesToName(item, context: context) {
        items.append(item)
        skipUntil = start.index(start.startIndex, offsetBy: known.length)
      }
    }
    return items
  }

  /// Whether an item names a country, group or organisation of the tables, or a full-text speaker.
  private func resolvesToName(_ item: Item, context: MentionContext) -> Bool {
    let resolved = resolve(item, in: context)
    return resolved.key != nil || resolved.speaker != nil
  }

  /// Whether an item is a name of the tables, or has the very words of a full-text speaker's name.
  private func resolvesExactly(_ item: Item, context: MentionContext) -> Bool {
    let resolved = resolve(item, in: context)
    if resolved.key != nil { return true }
    guard let speaker = resolved.speaker else { return false }
    let words = { (tokens: [String]) in tokens.filter { !NameFolding.connectingWords.contains($0) } }
    return words(NameFolding.tokens(item.latin ?? item.text)) == words(context.structure.speakers[speaker].nameTokens)
  }

  /// Drops the words between a list cue and the first name ("au cours du débat les délégations
  /// suivantes").
  private func stripFillers(_ region: Substring, languages: [Language]) -> Substring {
    var rest = region.drop { $0.isWhitespace || $0 == "," }
    while let length = resources.cues.prefix(.filler, of: rest, languages: languages) {
      rest = rest.dropFirst(length).drop { $0.isWhitespace || $0 == "," || $0 == ":" }
    }
    return rest
  }

  static func firstTopLevel(of characters: String, in text: Substring) -> String.Index? {
    var depth = 0
    for i in text.indices {
      let c = text[i]
      if c == "(" || c == "（" { depth += 1 } else if c == ")" || c == "）" { depth = max(0, depth - 1) } else if depth == 0 && characters.contains(c) { return i }
    }
    return nil
  }

  static func lastTopLevel(of characters: String, in text: Substring) -> String.Index? {
    var depth = 0
    var found: String.Index? = nil
    for i in text.indices {
      let c = text[i]
      if c == "(" || c == "（" { depth += 1 } else if c == ")" || c == "）" { depth = max(0, depth - 1) } else if depth == 0 && characters.contains(c) { found = i }
    }
    return found
  }

  /// Splits a text at top-level separators.
  static func splitTopLevel(_ text: Substring, at separators: String) -> [Substring] {
    var parts: [Substring] = []
    var depth = 0
    var start = text.startIndex
    for i in text.indices {
      let c = text[i]
      if c == "(" || c == "（" { depth += 1 } else if c == ")" || c == "）" { depth = max(0, depth - 1) } else if depth == 0 && separators.contains(c) {
        parts.append(text[start..<i])
        start = text.index(after: i)
      }
    }
    parts.append(text[start...])
    return parts
  }

  /// The names of a list region.
  func splitItems(_ region: Substring, languages: [Language], context: MentionContext) -> [Item] {
    let cues = resources.cues
    var pieces: [Substring]
    if Self.firstTopLevel(of: ";؛", in: region) != nil {
      // "M. X, Président …; Mme Y, Rapporteuse …; et M. Z, …": each name before its role.
      pieces = Self.splitTopLevel(region, at: ";؛").map { Self.splitTopLevel($0, at: ",،")[0] }
    } else {
      pieces = Self.splitTopLevel(region, at: ",،")
    }
    var items: [Item] = []
    for (index, raw) in pieces.enumerated() {
      var piece = raw.drop { $0.isWhitespace }
      while let last = piece.last, last.isWhitespace || last == "." { piece = piece.dropLast() }
      if let conjunction = cues.prefix(.and, of: piece, languages: languages) {
        piece = piece.dropFirst(conjunction).drop { $0.isWhitespace }
      }
      // Brackets: dropped from the name; a speaker named "on behalf of" inside them is listed.
      // Brackets: "on behalf of" brackets are dropped (a speaker named in them is listed too);
      // others stay in the text as written ("Venezuela (República Bolivariana de)") and are
      // dropped only to resolve the name.
      var name = ""
      var bare = ""
      var joint: [String] = []
      var depth = 0
      var bracket = ""
      for c in piece {
        if c == "(" || c == "（" {
          depth += 1
          if depth == 1 { bracket = ""; continue }
        } else if c == ")" || c == "）" {
          depth = max(0, depth - 1)
          if depth == 0 {
            if let partner = behalfPartner(Substring(bracket), languages: languages) {
              joint.append(partner)
            } else {
              name += "(" + bracket + ")"
            }
            continue
          }
        }
        if depth > 0 { bracket.append(c) } else { name.append(c); bare.append(c) }
      }
      // Arabic joins "and" to every item after the first: "المكسيك، والسويد، وكينيا".
      if index > 0, let first = name.first, first == "و", let second = name.dropFirst().first,
        second.unicodeScalars.first.map({ (0x0621...0x064A).contains($0.value) }) == true
      {
        name.removeFirst()
        bare.removeFirst()
      }
      let text = clean(name, languages: languages)
      let bareText = clean(bare, languages: languages)
      guard !text.isEmpty, !bareText.isEmpty else { continue }
      var whole = Item(text: text, chinese: nil, latin: text)
      if text != bareText && !resolvesToName(whole, context: context) { whole.latin = bareText }
      var found = [whole]
      if !resolvesExactly(whole, context: context) {
        // Arabic joins "and" to the word: "وتونس".
        if bareText.hasPrefix("و"), bareText.count > 2 {
          let rest = String(text.dropFirst())
          let item = Item(text: rest, chinese: nil, latin: String(bareText.dropFirst()))
          if resolvesToName(item, context: context) { found = [item] }
        }
        // "Colombie et République de Corée": two names joined by a conjunction.
        if found.count == 1 && found[0].text == whole.text,
          let split = splitAtConjunction(Substring(bareText), isLast: index == pieces.count - 1 && !resolvesToName(whole, context: context), languages: languages, context: context)
        {
          found = split
        }
      }
      items += found
      for partner in joint {
        let item = Item(text: partner, chinese: nil, latin: partner)
        if resolve(item, in: context).speaker != nil { items.append(item) }
      }
    }
    return items
  }

  /// A list item without its title, article and extra spaces: "la República de Corea" →
  /// "República de Corea", "M. Ernie Allen" → "Ernie Allen".
  func clean(_ raw: String, languages: [Language]) -> String {
    let cues = resources.cues
    var text = Substring(raw.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).joined(separator: " "))
    while let last = text.last, last == "." || last == " " { text = text.dropLast() }
    if let title = cues.prefix(.title, of: text, languages: languages) { text = text.dropFirst(title).drop { $0.isWhitespace } }
    if let article = cues.prefix(.article, of: text, languages: languages) {
      let rest = text.dropFirst(article).drop { $0.isWhitespace }
      if rest.first.map({ $0.isUppercase || !$0.isLowercase && $0.isLetter }) == true { text = rest }
    }
    return String(text)
  }

  /// "Colombie et République de Corée" → the two names, when both resolve, or when it is the
  /// last item of a list and the second part is capitalised.
  func splitAtConjunction(_ text: Substring, isLast: Bool, languages: [Language], context: MentionContext) -> [Item]? {
    for conjunction in resources.cues.values(.and, languages) {
      let separator = " \(conjunction) "
      guard let range = text.range(of: separator, options: [.backwards, .caseInsensitive]) else {
        // Arabic: " و" glued to the next word.
        if conjunction == "و", let glued = text.range(of: " و", options: .backwards) {
          let left = String(text[..<glued.lowerBound]), right = String(text[glued.upperBound...])
          let items = [Item(text: left, chinese: nil, latin: left), Item(text: right, chinese: nil, latin: right)]
          if items.allSatisfy({ resolvesToName($0, context: context) }) { return items }
        }
        continue
      }
      let left = clean(String(text[..<range.lowerBound]), languages: languages)
      let right = clean(String(text[range.upperBound...]), languages: languages)
      guard !left.isEmpty, !right.isEmpty else { continue }
      let items = [Item(text: left, chinese: nil, latin: left), Item(text: right, chinese: nil, latin: right)]
      if items.allSatisfy({ resolvesToName($0, context: context) }) { return items }
      if isLast, right.first?.isUppercase == true, left.first?.isUppercase == true,
        items.contains(where: { resolvesToName($0, context: context) })
      {
        return items
      }
    }
    return nil
  }

  /// The name after an "on behalf of" in a bracket ("au nom également de Save the Children
  /// International" → "Save the Children International").
  private func behalfPartner(_ bracket: Substring, languages: [Language]) -> String? {
    let text = bracket.drop { $0.isWhitespace }
    guard let length = resources.cues.prefix(.behalf, of: text, languages: languages) else { return nil }
    var rest = text.dropFirst(length).drop { $0.isWhitespace }
    for joiner in ["de la ", "de l'", "de l’", "du ", "des ", "de ", "d'", "d’", "of the ", "of ", "del ", "de los ", "de las "] {
      if rest.lowercased().hasPrefix(joiner) {
        rest = rest.dropFirst(joiner.count)
        break
      }
    }
    let name = rest.trimmingCharacters(in: .whitespaces)
    return name.isEmpty ? nil : name
  }
}
