import Foundation

/// The data the structure reader works with: section headings, page boilerplate, speech verbs
/// and the gazetteer.
public struct StructureResources: Sendable {
  struct Heading: Sendable {
    let kind: Section.Kind
    let folded: String
    let isPrefix: Bool
  }

  enum BoilerplateRule: Sendable {
    case exact(String), prefix(String), rule(Set<Character>)
  }

  var headings: [Heading] = []
  var boilerplate: [BoilerplateRule] = []
  var speechVerbs: Set<String> = []
  /// Countries, groups and organisations in six languages.
  public let gazetteer: Gazetteer

  /// Reads everything from a resource folder.
  /// - Throws: ``DocAlignError`` for a missing or malformed file.
  public init(resources: ResourceDirectory) throws {
    gazetteer = try Gazetteer(resources: resources)
    let headingFile = "structure/section-headings.tsv"
    for line in dataLines(try resources.read(headingFile)) {
      guard line.fields.count == 4 else {
        throw DocAlignError.malformedResource(
          name: headingFile, line: line.number, reason: "expected KIND<TAB>LANG<TAB>MATCH<TAB>HEADING")
      }
      guard let kind = Section.Kind(rawValue: String(line.fields[0])), kind != .other, kind != .untitled else {
        throw DocAlignError.malformedResource(
          name: headingFile, line: line.number,
          reason: "unknown section kind '\(line.fields[0])' (add it to Section.Kind)")
      }
      headings.append(
        Heading(kind: kind, folded: NameFolding.fold(line.fields[3]),
                isPrefix: line.fields[2] == "prefix"))
    }
    let boilerplateFile = "structure/boilerplate.tsv"
    for line in dataLines(try resources.read(boilerplateFile)) {
      guard line.fields.count == 2 else {
        throw DocAlignError.malformedResource(name: boilerplateFile, line: line.number, reason: "expected MATCH<TAB>TEXT")
      }
      let text = String(line.fields[1])
      switch line.fields[0] {
      case "exact": boilerplate.append(.exact(NameFolding.fold(text)))
      case "prefix": boilerplate.append(.prefix(NameFolding.fold(text)))
      case "rule": boilerplate.append(.rule(Set(text)))
      default:
        throw DocAlignError.malformedResource(name: boilerplateFile, line: line.number, reason: "MATCH must be exact, prefix or rule")
      }
    }
    for line in dataLines(try resources.read("structure/speech-verbs.txt")) {
      speechVerbs.insert(line.fields[0].trimmingSpaces.lowercased())
    }
  }

  /// The kind of a heading line, or nil when it is not a known section heading.
  func headingKind(_ text: some StringProtocol) -> Section.Kind? {
    let folded = NameFolding.fold(text)
    guard !folded.isEmpty else { return nil }
    if let exact = headings.first(where: { !$0.isPrefix && $0.folded == folded }) { return exact.kind }
    return headings.first { $0.isPrefix && folded.hasPrefix($0.folded) }?.kind
  }

  /// Whether a line is page chrome or footer boilerplate.
  func isBoilerplate(_ text: some StringProtocol) -> Bool {
    let folded = NameFolding.fold(text)
    for rule in boilerplate {
      switch rule {
      case .exact(let value): if folded == value { return true }
      case .prefix(let value): if !value.isEmpty && folded.hasPrefix(value) { return true }
      case .rule(let characters):
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 3 && trimmed.allSatisfy({ characters.contains($0) }) { return true }
      }
    }
    return false
  }
}
