import CICU

/// Names of countries, groups and organisations in the six UN languages, each resolved to a
/// language-neutral key (`KW`, `EU`, `group:arab`, `org:unicef`).
///
/// Built from `Resources/names/{countries,groups,organizations}.tsv` (UN official names and
/// variants, entered by hand) plus CLDR's territory names in each language, read through ICU.
public struct Gazetteer: Sendable {
  /// What a key names.
  public enum Kind: String, Sendable, Codable {
    case country, group, organisation
  }

  /// Folded name → key.
  private(set) var keysByName: [String: String] = [:]
  /// Key → preferred English name.
  private(set) var englishNames: [String: String] = [:]
  /// Longest folded name, in characters (bounds the search for a name at a sentence start).
  private(set) var longestName = 0

  /// An empty gazetteer.
  public init() {}

  /// Reads the names from a resource folder and adds CLDR's territory names.
  /// - Throws: ``DocAlignError/malformedResource(name:line:reason:)``.
  public init(resources: ResourceDirectory) throws {
    keysByName.reserveCapacity(4096)
    englishNames.reserveCapacity(1024)
    for file in ["names/countries.tsv", "names/groups.tsv", "names/organizations.tsv"] {
      try add(parsing: try resources.read(file), name: file)
    }
    addCLDRTerritoryNames()
  }

  /// Adds rows `KEY<TAB>LANG<TAB>NAME`.
  mutating func add(parsing text: String, name: String) throws {
    for line in dataLines(text) {
      guard line.fields.count == 3 else {
        throw DocAlignError.malformedResource(
          name: name, line: line.number, reason: "expected KEY<TAB>LANG<TAB>NAME")
      }
      let key = String(line.fields[0]), language = String(line.fields[1]), value = String(line.fields[2])
      if language == "en" && englishNames[key] == nil { englishNames[key] = value }
      add(value, key: key)
    }
  }

  mutating func add(_ name: String, key: String) {
    let folded = NameFolding.fold(name)
    guard !folded.isEmpty, keysByName[folded] == nil else { return }
    keysByName[folded] = key
    // Characters never outnumber UTF-8 bytes: count them only when they may set a new maximum.
    if folded.utf8.count > longestName { longestName = max(longestName, folded.count) }
  }

  private mutating func addCLDRTerritoryNames() {
    for (code, language, name) in Self.cldrTerritoryNames() {
      if language == .english && englishNames[code] == nil { englishNames[code] = name }
      add(name, key: code)
    }
  }

  /// CLDR's names of every ISO 3166 territory in each of the six languages, through ICU (codes
  /// in ICU's order, languages in ``Language/allCases`` order; a language without a name of its
  /// own for a code is left out).
  static func cldrTerritoryNames() -> [(code: String, language: Language, name: String)] {
    var names: [(code: String, language: Language, name: String)] = []
    names.reserveCapacity(2048)
    var buffer = [CChar](repeating: 0, count: 1024)
    let count = cicu_iso_country_count()
    for index in 0..<count {
      guard let codePointer = cicu_iso_country_at(index) else { continue }
      let code = String(cString: codePointer)
      for language in Language.allCases {
        var status: Int32 = 0
        let length = cicu_country_display_name_utf8(codePointer, language.rawValue, &buffer, Int32(buffer.count), &status)
        guard status == 0, length > 0, Int(length) <= buffer.count else { continue }
        let name = buffer.withUnsafeBufferPointer {
          $0.withMemoryRebound(to: UInt8.self) { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<Int(length)]), as: UTF8.self) }
        }
        names.append((code, language, name))
      }
    }
    return names
  }

  /// The key of a name written in any of the six languages, or nil.
  public func key(for name: some StringProtocol) -> String? {
    keysByName[NameFolding.fold(name)]
  }

  /// The preferred English name of a key.
  public func englishName(of key: String) -> String? { englishNames[key] }

  /// What a key names.
  public static func kind(of key: String) -> Kind {
    if key.hasPrefix("group:") { return .group }
    if key.hasPrefix("org:") { return .organisation }
    return .country
  }

  /// The longest known name that opens `text` (at a word boundary), with its length in
  /// characters of `text` and its key.
  func longestName(opening text: Substring) -> (length: Int, key: String)? {
    var best: (Int, String)? = nil
    var end = text.startIndex
    var words = 0
    // Try prefixes ending at word boundaries, up to 10 words.
    while end < text.endIndex && words < 10 {
      guard let next = text[end...].firstIndex(where: { $0 == " " || $0 == "," || $0 == "(" || $0 == ";" || $0 == ":" }) else {
        end = text.endIndex
        if let key = keysByName[NameFolding.fold(text)] { best = (text.count, key) }
        break
      }
      let candidate = text[text.startIndex..<next]
      if let key = keysByName[NameFolding.fold(candidate)] { best = (candidate.count, key) }
      if text[next] == "," || text[next] == ";" || text[next] == ":" { break }
      if text[next] == "(" {
        // "Venezuela (Bolivarian Republic of)": take the bracket whole.
        if let close = text[next...].firstIndex(of: ")") {
          let withBracket = text[text.startIndex...close]
          if let key = keysByName[NameFolding.fold(withBracket)] { best = (withBracket.count, key) }
        }
        break
      }
      end = text.index(after: next)
      words += 1
    }
    return best
  }
}
