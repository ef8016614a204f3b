import Foundation

/// How summaries in each language name their speakers: honorifics, pronoun openings, the words
/// that announce or close a list of speakers, and the conjunctions and bracketed "on behalf of"
/// phrases inside such lists. Read from `Resources/structure/summary-cues.tsv`.
public struct SummaryCues: Sendable {
  /// What a cue row marks.
  enum Kind: String, CaseIterable, Sendable {
    case title, pronoun, verb, listOpen = "list-open", listClose = "list-close", filler, and, behalf, article
  }

  /// Cues by kind and language, each as written (matching folds case only).
  private var cues: [Kind: [Language: [String]]] = [:]

  /// No cues at all.
  public init() {}

  /// Parses rows `KIND<TAB>LANG<TAB>TEXT`.
  /// - Throws: ``DocAlignError/malformedResource(name:line:reason:)`` naming the file and line.
  public init(parsing text: String, name: String) throws {
    for line in dataLines(text) {
      guard line.fields.count == 3 else {
        throw DocAlignError.malformedResource(name: name, line: line.number, reason: "expected KIND<TAB>LANG<TAB>TEXT")
      }
      guard let kind = Kind(rawValue: String(line.fields[0])) else {
        throw DocAlignError.malformedResource(
          name: name, line: line.number,
          reason: "unknown KIND '\(line.fields[0])' (one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      guard let language = Language(rawValue: String(line.fields[1])) else {
        throw DocAlignError.malformedResource(name: name, line: line.number, reason: "unknown LANG '\(line.fields[1])'")
      }
      let value = String(line.fields[2])
      guard !value.isEmpty, value.trimmingCharacters(in: .whitespaces) == value else {
        throw DocAlignError.malformedResource(name: name, line: line.number, reason: "TEXT is empty or has spaces at its ends")
      }
      cues[kind, default: [:]][language, default: []].append(value)
    }
    // Longest first, so that "Ont également pris la parole" wins over "Ont pris la parole".
    for (kind, byLanguage) in cues {
      for (language, values) in byLanguage {
        cues[kind]?[language] = values.sorted { $0.count > $1.count }
      }
    }
  }

  /// The cues of a kind for some languages (each language's longest first).
  func values(_ kind: Kind, _ languages: [Language]) -> [String] {
    var seen = Set<String>()
    var result: [String] = []
    for language in languages {
      for value in cues[kind]?[language] ?? [] where seen.insert(value).inserted { result.append(value) }
    }
    return result.sorted { $0.count > $1.count }
  }

  /// Whether `text` opens with a cue of `kind`, at a word boundary: the length of the match.
  func prefix(_ kind: Kind, of text: Substring, languages: [Language]) -> Int? {
    for cue in values(kind, languages) {
      if let end = Self.match(cue, in: text, at: text.startIndex) { return text.distance(from: text.startIndex, to: end) }
    }
    return nil
  }

  /// Every occurrence of a cue of `kind` in `text`, at word boundaries, not overlapping, in text
  /// order.
  func occurrences(_ kind: Kind, in text: Substring, languages: [Language]) -> [Range<String.Index>] {
    var found: [Range<String.Index>] = []
    for cue in values(kind, languages) {
      var from = text.startIndex
      while let range = text.range(of: cue, options: [.caseInsensitive], range: from..<text.endIndex) {
        from = range.upperBound
        let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
        guard before.map({ !Self.isWordCharacter($0) }) ?? true,
          Self.match(cue, in: text, at: range.lowerBound) != nil,
          !found.contains(where: { $0.overlaps(range) })
        else { continue }
        found.append(range)
      }
    }
    return found.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// The end of `cue` when it occurs in `text` at `start` and ends at a word boundary.
  static func match(_ cue: String, in text: Substring, at start: String.Index) -> String.Index? {
    var i = start
    for c in cue {
      guard i < text.endIndex, String(text[i]).compare(String(c), options: [.caseInsensitive]) == .orderedSame else { return nil }
      i = text.index(after: i)
    }
    // A cue ending in punctuation ("M.", "L'") ends a word itself.
    if let last = cue.last, !isWordCharacter(last) { return i }
    if i < text.endIndex && isWordCharacter(text[i]) { return nil }
    return i
  }

  static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" }
}
