import Foundation

/// Scores a summary alignment (JSONL, the `docalign align` schema) against a gold file, with the
/// figures of DocAlign's reference scorer (`score_summary_alignment.py`), computed the same way:
///
/// - texts are located in the document after folding runs of white space to one space (source
///   texts before the gold's boundary, target texts after it; with two files, source texts in the
///   summary file and target texts in the full-text file), so figures do not depend on how either
///   side was split into sentences;
/// - `link_p`, `link_r`, `link_f1`: character-level precision/recall over the linked full-text
///   characters of `match` records (tolerated sentences are not wrong; anything linked to a
///   `heading`/`none` record, or a `synthesis` record outside its sections, is wrong);
/// - `exact`: share of `match` records linked to (nearly) exactly their gold sentences
///   (recall ≥ .9 and precision ≥ .9);
/// - `null_acc`: share of `none`/`heading` records left unaligned;
/// - `speaker_acc`: share of `match` records whose unit names the right full-text speaker;
/// - `list_p`, `list_r`: speakers named in `list` records resolved to the right full-text speaker
///   (unresolvable ones must stay unresolved);
/// - `unlocated`: output texts not found in the document.
public struct SummaryEvaluation: Sendable, Equatable {
  public var linkPrecision = 0.0, linkRecall = 0.0, linkF1 = 0.0
  public var exact: Double?, nullAccuracy: Double?, speakerAccuracy: Double?
  public var listPrecision = 0.0
  public var listRecall: Double?
  public var units = 0, unlocated = 0, goldRecords = 0, goldSentencesNotInDocument = 0

  /// Scores `alignment` (JSONL text) against `gold` (JSONL text) on `document` (and
  /// `targetDocument` when summary and full text are two files).
  /// - Throws: ``DocAlignError/unsupportedInput(path:reason:)`` for malformed JSON.
  public init(document: String, targetDocument: String? = nil, gold: String, alignment: String,
              goldName: String = "gold", alignmentName: String = "alignment") throws {
    let goldRecords = try Self.jsonLines(gold, name: goldName)
    guard let head = goldRecords.first else {
      throw DocAlignError.unsupportedInput(path: goldName, reason: "the gold file is empty")
    }
    let records = goldRecords.dropFirst()
    let doc: FoldedDocument
    if let targetDocument {
      doc = FoldedDocument(source: document, target: targetDocument)
    } else {
      guard let boundary = head["boundary"] as? String,
        let located = FoldedDocument(text: document, boundary: boundary)
      else {
        throw DocAlignError.unsupportedInput(path: goldName, reason: "the gold's boundary text is not in the document")
      }
      doc = located
    }
    // Full-text sections: from each heading occurrence to the next heading.
    var heads: [(Int, String)] = []
    for heading in head["headings"] as? [String] ?? [] {
      let folded = FoldedDocument.fold(heading)
      var start = doc.boundary
      while let i = doc.firstIndex(of: folded, from: start, to: doc.text.count) {
        heads.append((i, heading))
        start = i + 1
      }
    }
    heads.sort { $0.0 < $1.0 }
    func sectionCharacters(_ names: Set<String>) -> Set<Int> {
      var out = Set<Int>()
      for (k, (i, h)) in heads.enumerated() where names.contains(h) {
        let j = k + 1 < heads.count ? heads[k + 1].0 : doc.text.count
        out.formUnion(i..<j)
      }
      return out
    }
    struct Unit { var source: Set<Int>; var target: Set<Int>; var raw: [String: Any] }
    var units: [Unit] = []
    for object in try Self.jsonLines(alignment, name: alignmentName) {
      var sc = Set<Int>(), tc = Set<Int>()
      for item in object["source"] as? [[String: Any]] ?? [] {
        if let range = doc.find(item["text"] as? String ?? "", side: .source) { sc.formUnion(range) } else { unlocated += 1 }
      }
      for item in object["target"] as? [[String: Any]] ?? [] {
        if let range = doc.find(item["text"] as? String ?? "", side: .target) { tc.formUnion(range) } else { unlocated += 1 }
      }
      units.append(Unit(source: sc, target: tc, raw: object))
    }
    self.units = units.count
    func predicted(_ z: Set<Int>) -> (Set<Int>, [String], [[String: Any]]) {
      var p = Set<Int>(), speakers: [String] = [], mentions: [[String: Any]] = []
      for u in units {
        let overlap = u.source.intersection(z).count
        if overlap > 0 && Double(overlap) >= 0.5 * Double(min(u.source.count, z.count)) {
          p.formUnion(u.target)
          if let speaker = u.raw["speaker"] as? [String: Any], let target = speaker["target"] as? String, !target.isEmpty {
            speakers.append(target)
          }
          mentions += u.raw["mentions"] as? [[String: Any]] ?? []
        }
      }
      return (p, speakers, mentions)
    }
    var tp = 0, fp = 0, goldN = 0, found = 0
    var exactCount = 0, nMatch = 0, nullOK = 0, nNull = 0, speakerOK = 0
    var listOK = 0, listPredicted = 0, listGold = 0
    for record in records {
      guard let zh = record["zh"] as? String, let z = doc.find(zh, side: .source) else {
        goldSentencesNotInDocument += 1
        continue
      }
      let (p, speakers, mentions) = predicted(Set(z))
      let kind = record["kind"] as? String ?? ""
      switch kind {
      case "match":
        var g = Set<Int>(), tolerated = Set<Int>()
        for e in record["en"] as? [String] ?? [] { if let r = doc.find(e, side: .target) { g.formUnion(r) } }
        for e in record["tolerated"] as? [String] ?? [] { if let r = doc.find(e, side: .target) { tolerated.formUnion(r) } }
        let good = p.intersection(g.union(tolerated))
        tp += good.count
        fp += p.subtracting(g).subtracting(tolerated).count
        goldN += g.count
        found += p.intersection(g).count
        nMatch += 1
        let recall = g.isEmpty ? 1.0 : Double(p.intersection(g).count) / Double(g.count)
        let precision = p.isEmpty ? 0.0 : Double(good.count) / Double(p.count)
        if recall >= 0.9 && precision >= 0.9 { exactCount += 1 }
        let want = Self.nameWords(record["speaker"] as? String)
        if speakers.contains(where: { got in
          let g = Self.nameWords(got)
          return !want.isEmpty && !g.isEmpty && (want.isSubset(of: g) || g.isSubset(of: want))
        }) {
          speakerOK += 1
        }
      case "none", "heading":
        nNull += 1
        if p.isEmpty { nullOK += 1 }
        fp += p.count
      case "synthesis":
        fp += p.subtracting(sectionCharacters(Set(record["sections"] as? [String] ?? []))).count
      case "list":
        let entities = record["entities"] as? [[String: Any]] ?? []
        var owner: [String: [[String: Any]]] = [:]
        for m in mentions {
          let ms = FoldedDocument.foldString(m["source"] as? String ?? "")
          var best: String? = nil
          for e in entities {
            let name = e["zh"] as? String ?? ""
            if ms.contains(FoldedDocument.foldString(name)) && name.count > (best?.count ?? -1) { best = name }
          }
          if let best { owner[best, default: []].append(m) }
        }
        for e in entities {
          let hits = owner[e["zh"] as? String ?? ""] ?? []
          let resolved = hits.compactMap { $0["target"] as? String }.filter { !$0.isEmpty }
          if !resolved.isEmpty { listPredicted += 1 }
          guard let en = e["en"] as? String else { continue }
          listGold += 1
          let want = Self.nameWords(en)
          if resolved.contains(where: { want.isSubset(of: Self.nameWords($0)) || Self.nameWords($0).isSubset(of: want) }) {
            listOK += 1
          }
        }
      default: break
      }
    }
    self.goldRecords = records.count
    let P = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
    let R = goldN > 0 ? Double(found) / Double(goldN) : 0
    let F = P + R > 0 ? 2 * P * R / (P + R) : 0
    linkPrecision = Self.round4(P)
    linkRecall = Self.round4(R)
    linkF1 = Self.round4(F)
    exact = nMatch > 0 ? Self.round4(Double(exactCount) / Double(nMatch)) : nil
    nullAccuracy = nNull > 0 ? Self.round4(Double(nullOK) / Double(nNull)) : nil
    speakerAccuracy = nMatch > 0 ? Self.round4(Double(speakerOK) / Double(nMatch)) : nil
    listPrecision = listPredicted > 0 ? Self.round4(Double(listOK) / Double(listPredicted)) : 0
    listRecall = listGold > 0 ? Self.round4(Double(listOK) / Double(listGold)) : nil
  }

  /// The figures as one JSON object, keys in the reference scorer's order.
  public var json: String {
    func value(_ x: Double?) -> String { x.map { "\($0)" } ?? "null" }
    let pairs: [(String, String)] = [
      ("link_p", value(linkPrecision)), ("link_r", value(linkRecall)), ("link_f1", value(linkF1)),
      ("exact", value(exact)), ("null_acc", value(nullAccuracy)), ("speaker_acc", value(speakerAccuracy)),
      ("list_p", value(listPrecision)), ("list_r", value(listRecall)), ("units", "\(units)"),
      ("unlocated", "\(unlocated)"), ("gold_records", "\(goldRecords)"),
      ("gold_sentences_not_in_document", "\(goldSentencesNotInDocument)"),
    ]
    return "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }

  static func round4(_ x: Double) -> Double { (x * 10000).rounded(.toNearestOrEven) / 10000 }

  /// Lower-cased words of a name, punctuation as spaces.
  static func nameWords(_ name: String?) -> Set<String> {
    let folded = FoldedDocument.foldString(name ?? "").lowercased()
    var spaced = String.UnicodeScalarView()
    for s in folded.unicodeScalars {
      let category = s.properties.generalCategory
      let isWord = s == "_" || s.properties.isAlphabetic && category != .nonspacingMark
        || [.decimalNumber, .letterNumber, .otherNumber].contains(category)
        || [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(category)
      spaced.append(isWord || FoldedDocument.isSpace(s) ? s : " ")
    }
    return Set(String(spaced).split(whereSeparator: { $0.unicodeScalars.allSatisfy(FoldedDocument.isSpace) }).map(String.init))
  }

  static func jsonLines(_ text: String, name: String) throws -> [[String: Any]] {
    var result: [[String: Any]] = []
    for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var content = Substring(line)
      if k == 0 && content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
      guard content.contains(where: { !$0.isWhitespace }) else { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any] else {
        throw DocAlignError.unsupportedInput(path: name, reason: "line \(k + 1) is not a JSON object")
      }
      result.append(object)
    }
    return result
  }
}

/// A text with white-space runs folded to one space, indexed by Unicode scalar (as Python's
/// `str`), split at a boundary into a source side and a target side.
struct FoldedDocument {
  enum Side { case source, target }
  let text: [Unicode.Scalar]
  let boundary: Int

  init?(text raw: String, boundary: String) {
    text = Self.fold(raw)
    guard let b = Self.firstIndex(of: Self.fold(boundary), in: text, from: 0, to: text.count) else { return nil }
    self.boundary = b
  }

  init(source: String, target: String) {
    let s = Self.fold(source), t = Self.fold(target)
    text = s + [" "] + t
    boundary = s.count + 1
  }

  /// Python's `str.isspace()`: Unicode White_Space plus the information separators U+001C–U+001F.
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    s.properties.isWhitespace || (0x1C...0x1F).contains(s.value)
  }

  static func fold(_ raw: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    var inSpace = false
    for s in raw.unicodeScalars {
      if isSpace(s) {
        inSpace = true
      } else {
        if inSpace && !out.isEmpty { out.append(" ") }
        inSpace = false
        out.append(s)
      }
    }
    return out
  }

  static func foldString(_ raw: String) -> String { String(String.UnicodeScalarView(fold(raw))) }

  func firstIndex(of needle: [Unicode.Scalar], from start: Int, to end: Int) -> Int? {
    Self.firstIndex(of: needle, in: text, from: start, to: end)
  }

  static func firstIndex(of needle: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int, to end: Int) -> Int? {
    guard !needle.isEmpty, end - start >= needle.count else { return needle.isEmpty ? nil : nil }
    let first = needle[0]
    var i = max(start, 0)
    while i + needle.count <= end {
      if text[i] == first && text[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }

  /// The first occurrence of `raw` (folded) on a side, as in the reference scorer.
  func find(_ raw: String, side: Side) -> Range<Int>? {
    let needle = Self.fold(raw)
    guard !needle.isEmpty else { return nil }
    switch side {
    case .source:
      guard let i = firstIndex(of: needle, from: 0, to: boundary) else { return nil }
      return i..<(i + needle.count)
    case .target:
      guard let i = firstIndex(of: needle, from: boundary, to: text.count) else { return nil }
      return i..<(i + needle.count)
    }
  }
}
