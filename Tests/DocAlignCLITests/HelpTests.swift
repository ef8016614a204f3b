import Foundation
import Testing

/// `--help` against the README: every command the README documents is listed with its abstract,
/// and every option and value the README gives a command is in that command's help. Stale help
/// (a value added to `--format` but not to its help, a command not listed) fails here.
@Suite struct HelpTests {
  /// A README section `### \`docalign NAME …\`` and its text up to the next heading.
  struct CommandSection: CustomTestStringConvertible {
    let command: String
    let heading: String
    let body: String
    var testDescription: String { heading }
  }

  static let sections: [CommandSection] = {
    guard let readme = try? String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    else { return [] }
    var result: [CommandSection] = []
    let blocks = readme.components(separatedBy: "\n### `docalign ").dropFirst()
    for block in blocks {
      let heading = String(block.prefix { $0 != "\n" })
      let command = String(heading.prefix { $0.isLetter || $0 == "-" })
      // The section ends at the next heading of any level.
      var body = String(block.dropFirst(heading.count))
      if let end = body.range(of: "\n#") { body = String(body[..<end.lowerBound]) }
      result.append(CommandSection(command: command, heading: heading, body: body))
    }
    return result
  }()

  /// The options a text names: `--format`, `--fail-under` … (not `--` alone).
  static func options(in text: String) -> Set<String> {
    var found = Set<String>()
    let regex = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9-])--[a-z][a-z-]*[a-z]")
    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      if let range = Range(match.range, in: text) { found.insert(String(text[range])) }
    }
    return found
  }

  /// The help text with runs of white space folded to one space (help wraps its lines).
  static func help(_ arguments: [String]) throws -> String {
    let result = try CLI.run(arguments)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    return result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  @Test func theReadmeHasCommandSections() {
    #expect(Set(Self.sections.map(\.command)).isSuperset(of: ["segment", "align", "coverage", "evaluate", "structure"]))
  }

  @Test func rootHelpListsEachCommandWithItsAbstract() throws {
    let raw = try CLI.run(["--help"]).stdout
    let listing = try #require(raw.components(separatedBy: "SUBCOMMANDS:").dropFirst().first)
    // `  name    abstract` lines (the abstract may wrap onto the next lines).
    var listed: [String: String] = [:]
    var last: String? = nil
    for line in listing.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      let indent = line.count - trimmed.count
      if indent <= 4, let name = trimmed.split(separator: " ").first, !trimmed.hasPrefix("See ") {
        let abstract = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        listed[String(name)] = abstract
        last = String(name)
      } else if let last, indent > 4 {
        listed[last, default: ""] += " " + trimmed
      }
    }
    for command in Set(Self.sections.map(\.command)) {
      let abstract = try #require(listed[command], "\(command) missing from docalign --help")
      #expect(abstract.count > 20, "\(command) has no abstract in docalign --help")
      // The listing shows the command's own abstract (its OVERVIEW).
      let own = try Self.help([command, "--help"])
      #expect(own.hasPrefix("OVERVIEW: " + abstract.split(separator: " ").joined(separator: " ")), "\(command): \(own.prefix(120))")
    }
    // And every listed command (but help) is documented in the README.
    for name in listed.keys where name != "help" {
      #expect(Self.sections.contains { $0.command == name }, "\(name) is not documented in the README")
    }
  }

  @Test(arguments: sections)
  func everyDocumentedOptionIsInTheCommandsHelp(section: CommandSection) throws {
    let help = try Self.help([section.command, "--help"])
    let helpOptions = Self.options(in: help)
    // Options the section quotes for another command (`docalign evaluate --links …`) are not this one's.
    let others = try NSRegularExpression(pattern: "docalign (?!\(section.command)\\b)[a-z]+[^`\n]*")
    let body = others.stringByReplacingMatches(
      in: section.body, range: NSRange(section.body.startIndex..., in: section.body), withTemplate: "")
    let documented = Self.options(in: section.heading + "\n" + body)
    for option in documented.sorted() {
      #expect(helpOptions.contains(option), "\(section.command) --help lacks \(option)")
    }
  }

  /// `--format a|b|c` and `--lang a|b|c` in a heading: every value is in the option's help.
  @Test(arguments: sections)
  func everyDocumentedValueIsInTheOptionsHelp(section: CommandSection) throws {
    let raw = try CLI.run([section.command, "--help"]).stdout
    let regex = try NSRegularExpression(pattern: "(--[a-z-]+) ([a-z0-9-]+(?:\\|[a-z0-9-]+)+)")
    let heading = section.heading
    for match in regex.matches(in: heading, range: NSRange(heading.startIndex..., in: heading)) {
      guard let optionRange = Range(match.range(at: 1), in: heading), let valuesRange = Range(match.range(at: 2), in: heading)
      else { continue }
      let option = String(heading[optionRange])
      // The option's entry: from its line in OPTIONS to the next option's line.
      let entry = try #require(Self.entry(of: option, in: raw), "\(section.command) --help has no \(option)")
      for value in heading[valuesRange].split(separator: "|") {
        #expect(entry.range(of: "\\b\(value)\\b", options: .regularExpression) != nil,
                "\(section.command) --help: \(option) does not list \(value): \(entry)")
      }
    }
  }

  /// The help entry of one option: its line and the indented lines after it.
  static func entry(of option: String, in help: String) -> String? {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option + " ") || $0.contains(", " + option + " ") })
    else { return nil }
    var entry = [String(lines[start])]
    for line in lines[(start + 1)...] {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("-") { break }
      entry.append(trimmed)
    }
    return entry.joined(separator: " ")
  }

  @Test func evaluateHelpPointsAtASectionThatExists() throws {
    let help = try Self.help(["evaluate", "--help"])
    let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    // `section "docalign evaluate"` must name a README heading.
    let regex = try NSRegularExpression(pattern: "section \"([^\"]+)\"")
    let matches = regex.matches(in: help, range: NSRange(help.startIndex..., in: help))
    #expect(!matches.isEmpty, "evaluate --help names its README section")
    for match in matches {
      let name = String(help[Range(match.range(at: 1), in: help)!])
      #expect(readme.contains("### `\(name)") || readme.contains("## \(name)\n"), "no README section \(name)")
    }
  }
}
