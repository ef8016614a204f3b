// docalign-bench cognates LANG: how well cognate matching finds a word's translation among the
// English words of the FreeDict lexicon of LANG (`Resources/lexicon/LANG-en.tsv`), for the
// spelling by letters and by phonetic skeleton, at thresholds 0.60 … 1.00. This is the data the
// thresholds of `CognateMatcher` were chosen on (not the evaluation pages).
//
// For each headword stem, its cognates are the (at most two) English stems of the lexicon whose
// spelling is most similar and at least the threshold; they are right when one of them is among
// the headword's own translations. Precision = right / headwords with cognates; recall = right /
// headwords. (Translations that are not cognates cannot be found: recall is low for every setting.)
// The setting chosen is the one of highest F0.5 (precision weighs twice: a wrong cognate adds
// noise to every sentence holding the word), among those of precision at least 0.5; none when no
// setting is that precise (cognates are then off for the language).
import DocAlign
import Foundation

func cognateStudy(_ arguments: [String]) throws {
  guard arguments.count >= 2, let language = Language(rawValue: arguments[1]), language != .english, language != .chinese else {
    FileHandle.standardError.write(Data("usage: docalign-bench cognates fr|es|ru|ar\n".utf8))
    exit(2)
  }
  let folder = try ResourceDirectory.locate()
  let text = try String(contentsOf: folder.url.appendingPathComponent("lexicon/\(language.rawValue)-en.tsv"), encoding: .utf8)
  var entries: [(key: String, translations: Set<String>)] = []
  var vocabulary = Set<String>()
  for line in text.split(separator: "\n") where !line.hasPrefix("#") {
    let fields = line.split(separator: "\t")
    guard fields.count == 2 else { continue }
    let translations = Set(fields[1].split(separator: " ").map(String.init))
    entries.append((String(fields[0]), translations))
    vocabulary.formUnion(translations)
  }
  let speller = CognateSpeller()
  print("\(language.rawValue): \(entries.count) headwords, \(vocabulary.count) English stems")
  print("spelling   threshold  with-cognates  right  precision  recall  F1     F0.5")
  var chosen: (score: Double, skeleton: Bool, threshold: Double)? = nil
  for skeleton in [false, true] {
    // English stems by the first letter of their spelling.
    var buckets: [UInt8: [(spelling: String, word: String)]] = [:]
    for word in vocabulary.sorted() where word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
      let spelling = skeleton ? CognateMatcher.skeleton(word) : word
      if let first = spelling.utf8.first { buckets[first, default: []].append((spelling, word)) }
    }
    let spellings = entries.map { speller.spelling(of: $0.key, language: language, skeleton: skeleton) }
    // The best similarities of each headword, computed once.
    var best: [[(Double, String)]] = []
    for spelling in spellings {
      var scored: [(Double, String)] = []
      if let first = spelling.utf8.first {
        for candidate in buckets[first] ?? [] {
          let similarity = CognateMatcher.similarity(spelling, candidate.spelling)
          if similarity >= 0.6 { scored.append((similarity, candidate.word)) }
        }
      }
      scored.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
      best.append(Array(scored.prefix(2)))
    }
    for step in 0...8 {
      let threshold = 0.6 + 0.05 * Double(step)
      var withCognates = 0, right = 0
      for (k, entry) in entries.enumerated() {
        let matches = best[k].filter { $0.0 >= threshold - 1e-9 }.map(\.1)
        guard !matches.isEmpty else { continue }
        withCognates += 1
        if matches.contains(where: entry.translations.contains) { right += 1 }
      }
      let precision = withCognates > 0 ? Double(right) / Double(withCognates) : 0
      let recall = Double(right) / Double(max(entries.count, 1))
      let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
      let f05 = precision + recall > 0 ? 1.25 * precision * recall / (0.25 * precision + recall) : 0
      print(String(format: "%-10@ %9.2f  %13d  %5d  %9.3f  %6.3f  %.3f  %.3f", skeleton ? "skeleton" : "letters", threshold, withCognates, right, precision, recall, f1, f05))
      if precision >= 0.5 && f05 > (chosen?.score ?? 0) { chosen = (f05, skeleton, threshold) }
    }
  }
  if let chosen {
    print(String(format: "chosen: %@, threshold %.2f (F0.5 %.3f)", chosen.skeleton ? "skeleton" : "letters", chosen.threshold, chosen.score))
  } else {
    print("chosen: none (no setting reaches precision 0.5: cognates off)")
  }
}
