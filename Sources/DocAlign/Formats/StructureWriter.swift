import Foundation

/// Writes a page's outline: parts, sections, speaker turns and summary mentions.
public struct StructureWriter: Sendable {
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
  public func write(_ structure: PageStructure, to sink: OutputSink) throws {
    switch format {
    case .text: try sink.write(text(structure))
    case .json:
      let data = try JSONSerialization.data(withJSONObject: json(structure), options: [.prettyPrinted, .sortedKeys])
      try sink.write(data)
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
      out += "  [\(section.kind)] \(section.title.isEmpty ? "(untitled)" : section.title) — "
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

  func json(_ s: PageStructure) -> [String: Any] {
    func range(_ r: Range<Int>) -> [Int] { [r.lowerBound, r.upperBound] }
    return [
      "summaryDocument": s.summary.source.name,
      "fullTextDocument": s.fullText.source.name,
      "parts": s.parts.map { ["kind": $0.kind.rawValue, "summaryDocument": $0.inSummaryDocument, "sentences": range($0.sentences)] },
      "sections": s.sections.map { section -> [String: Any] in
        ["index": section.index, "kind": section.kind, "title": section.title, "sentences": range(section.sentences)]
      },
      "speakers": s.speakers.map { speaker -> [String: Any] in
        var object: [String: Any] = ["id": speaker.id, "name": speaker.name, "key": speaker.key, "role": speaker.role.rawValue]
        if let group = speaker.onBehalfOf { object["onBehalfOf"] = group }
        return object
      },
      "turns": s.turns.map { turn -> [String: Any] in
        ["speaker": turn.speaker, "name": s.speakers[turn.speaker].name, "section": turn.section ?? NSNull(), "sentences": range(turn.sentences)]
      },
      "mentions": s.mentions.map { mention -> [String: Any] in
        ["sentence": mention.sentence, "text": mention.text, "list": mention.isListItem,
         "speaker": mention.speaker ?? NSNull(), "target": mention.speaker.map { s.speakers[$0].name } ?? NSNull(),
         "key": mention.key ?? NSNull()]
      },
    ]
  }
}
