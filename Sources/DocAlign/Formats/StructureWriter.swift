/// Writes a page's outline: parts, sections, speaker turns and summary mentions.
public struct StructureWriter: OutputWriter {
  /// The output formats of `docalign structure`.
  public enum Format: String, Sendable, CaseIterable {
    /// An indented outline for people.
    case text
    /// One JSON object (documented in the README).
    case json
  }

  /// The format written.
  public let format: Format

  /// A writer for `format`.
  public init(format: Format) { self.format = format }

  /// Writes the outline of `structure` to `sink`.
  public func write(_ structure: PageStructure, to sink: some ByteSink) throws {
    switch format {
    case .text: try sink.write(text(structure))
    case .json:
      try sink.write(json(structure).serialized(.outline))
      try sink.write("\n")
    }
  }

  private func preview(_ document: Document, _ index: Int, length: Int = 60) -> String {
    let text = document.text(of: document.sentences[index]).replacingOccurrences(of: "\n", with: " ")
    return text.count > length ? String(text.prefix(length)) + "…" : text
  }

  func text(_ s: PageStructure) -> String {
    var out = ""
    out += "Parts:\n"
    for part in s.parts {
      let document = part.inSummaryDocument ? s.summary : s.fullText
      out += "  \(part.kind.rawValue) sentences \(part.sentences.lowerBound)–\(part.sentences.upperBound - 1)"
      out += s.isSinglePage ? "" : " (\(document.source.name))"
      out += ": \(preview(document, part.sentences.lowerBound, length: 40))\n"
    }
    out += "Sections of the full text:\n"
    for section in s.sections {
      let turns = s.turns.filter { $0.section == section.index }
      out += "  [\(section.kind.rawValue)] \(section.title.isEmpty ? "(untitled)" : section.title) — "
        + "sentences \(section.sentences.lowerBound)–\(section.sentences.upperBound - 1), \(turns.count) turns\n"
      for turn in turns {
        let speaker = s.speakers[turn.speaker]
        out += "    \(speaker.name) (\(speaker.role.rawValue)) sentences \(turn.sentences.lowerBound)–\(turn.sentences.upperBound - 1)\n"
      }
    }
    out += "Speakers: \(s.speakers.count)\n"
    for speaker in s.speakers {
      let count = s.turns.filter { $0.speaker == speaker.id }.count
      var line = "  \(speaker.id). \(speaker.name) [\(speaker.role.rawValue), \(speaker.key)] \(count) turn(s)"
      if let group = speaker.onBehalfOf { line += ", on behalf of \(group)" }
      out += line + "\n"
    }
    let resolved = s.mentions.filter { $0.speaker != nil }.count
    out += "Summary mentions: \(s.mentions.count), resolved \(resolved)\n"
    for mention in s.mentions {
      let target = mention.speaker.map { s.speakers[$0].name } ?? "— unresolved"
      out += "  [\(mention.sentence)\(mention.isListItem ? " list" : "")] \(mention.text) → \(target)\n"
    }
    return out
  }

  /// The outline as JSON (the fields of the README; keys sorted in the output).
  func json(_ s: PageStructure) -> JSONValue {
    func range(_ r: Range<Int>) -> JSONValue { .ints([r.lowerBound, r.upperBound]) }
    return .object([
      ("summaryDocument", .string(s.summary.source.name)),
      ("fullTextDocument", .string(s.fullText.source.name)),
      ("parts", .array(s.parts.map { part in
        .object([("kind", .string(part.kind.rawValue)), ("summaryDocument", .bool(part.inSummaryDocument)), ("sentences", range(part.sentences))])
      })),
      ("sections", .array(s.sections.map { section in
        .object([
          ("index", .int(section.index)), ("kind", .string(section.kind.rawValue)), ("title", .string(section.title)),
          ("sentences", range(section.sentences)),
        ])
      })),
      ("speakers", .array(s.speakers.map { speaker in
        var members: [(key: String, value: JSONValue)] = [
          ("id", .int(speaker.id)), ("name", .string(speaker.name)), ("key", .string(speaker.key)),
          ("role", .string(speaker.role.rawValue)),
        ]
        if let group = speaker.onBehalfOf { members.append(("onBehalfOf", .string(group))) }
        return .object(members)
      })),
      ("turns", .array(s.turns.map { turn in
        .object([
          ("speaker", .int(turn.speaker)), ("name", .string(s.speakers[turn.speaker].name)),
          ("section", .int(orNull: turn.section)), ("sentences", range(turn.sentences)),
        ])
      })),
      ("mentions", .array(s.mentions.map { mention in
        .object([
          ("sentence", .int(mention.sentence)), ("text", .string(mention.text)), ("list", .bool(mention.isListItem)),
          ("speaker", .int(orNull: mention.speaker)), ("target", .string(orNull: mention.speaker.map { s.speakers[$0].name })),
          ("key", .string(orNull: mention.key)),
        ])
      })),
    ])
  }
}
