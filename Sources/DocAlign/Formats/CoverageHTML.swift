import Foundation

/// The HTML form of a coverage report: one self-contained page (inline CSS and a small inline
/// script, no network), the summary beside the full text.
///
/// Everything is readable without JavaScript: each linked summary sentence ends with links to its
/// full-text sentences (`#t123`) and each linked full-text sentence with links back (`#s12`);
/// CSS `:target` highlights the sentence jumped to. The script only adds hover highlighting of a
/// sentence's counterparts and scrolls to them on a click. Page text goes only into element
/// content and attribute values, escaped (`& < > " '`); the script holds no page text.
struct CoverageHTML {
  let report: CoverageReport

  /// Escapes text for element content and quoted attribute values.
  static func escape<S: StringProtocol>(_ text: S) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default:
        // Control characters other than line breaks and tabs have no place in HTML.
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
          scalar.properties.generalCategory == .control, scalar != "\n", scalar != "\t", scalar != "\r"
        {
          continue
        }
        result.append(character)
      }
    }
    return result
  }

  private func score(_ value: Double) -> String { String(format: "%.2f", value) }
  private func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "n/a" }

  private var statusLabels: [SpeakerCoverage.Status: String] {
    [.covered: "covered", .named: "named only", .notMentioned: "not mentioned"]
  }

  func render() -> String {
    let structure = report.structure
    let totals = report.totals
    var html = ""
    let name = structure.isSinglePage
      ? structure.summary.source.name : "\(structure.summary.source.name) + \(structure.fullText.source.name)"
    html += """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="docalign \(Self.escape(DocAlign.version))">
      <title>Summary coverage: \(Self.escape(name))</title>
      <style>\(Self.styleSheet)</style>
      </head>
      <body>
      <header>
      <h1>Summary coverage <span class="file">\(Self.escape(name))</span></h1>
      <p class="figures">
      <span class="figure big \(totals.notMentionedSpeakers > 0 ? "warn" : "ok")"><b>\(percent(totals.speakerCoveragePercent))</b> speaker coverage</span>
      <span class="figure"><b class="st-covered">\(totals.coveredSpeakers)</b> covered · <b class="st-named">\(totals.namedSpeakers)</b> named only · <b class="st-not-mentioned">\(totals.notMentionedSpeakers)</b> not mentioned <small>of \(totals.speakers) speakers</small></span>
      <span class="figure"><b>\(totals.linkedSummarySentences)</b> of \(totals.summarySentences) summary-side sentences linked</span>
      <span class="figure \(totals.unsupportedSentences > 0 ? "bad" : "")"><b>\(totals.unsupportedSentences)</b> unsupported</span>
      <span class="figure"><b>\(totals.linkedFullTextSentences)</b> of \(totals.fullTextSentences) full-text sentences linked (\(percent(totals.fullTextCoveragePercent)))</span>
      <span class="figure \(totals.unresolvedMentions > 0 ? "bad" : "")"><b>\(totals.unresolvedMentions)</b> of \(totals.mentions) mentions resolve to nobody</span>
      </p>
      <p class="meta">Summary <code>\(report.summaryLanguage.rawValue)</code> → full text <code>\(report.fullTextLanguage.rawValue)</code>. Thresholds: \(thresholdText()). <span class="legend">Key: <span class="key k-linked">linked</span> <span class="key k-unsupported">unsupported</span> <span class="key k-alone">stands alone</span> <span class="key k-list">speaker list</span> <mark class="unresolved">resolves to nobody</mark></span></p>
      </header>
      <main>

      """
    html += panels()
    html += "<div class=\"columns\">\n"
    html += summaryColumn()
    html += fullTextColumn()
    html += "</div>\n</main>\n"
    html += "<script>\(Self.script)</script>\n</body>\n</html>\n"
    return html
  }

  private func thresholdText() -> String {
    report.thresholds.set.map { "\(Self.escape($0.name.label)) \(score($0.value))" }.joined(separator: ", ")
  }

  // MARK: Panels

  private func panels() -> String {
    var html = "<div class=\"panels\">\n"
    // Sections.
    html += "<section class=\"panel\" id=\"sections\"><h2>Sections</h2><table><thead><tr><th>#</th><th>Section</th>"
      + "<th class=\"n\">Linked</th><th>Share</th></tr></thead><tbody>\n"
    for (n, section) in report.sections.enumerated() {
      let anchor = section.heading.map { "#t\($0)" } ?? "#fulltext"
      let share = section.share * 100
      html += "<tr><td class=\"n\">\(n + 1)</td><td><a href=\"\(anchor)\">\(Self.escape(section.title.isEmpty ? "(untitled)" : section.title))</a></td>"
        + "<td class=\"n\">\(section.linkedSentenceCount)/\(section.sentenceCount)</td>"
        + "<td class=\"share\"><span class=\"bar\"><span style=\"width:\(String(format: "%.1f", share))%\"></span></span> \(percent(share))</td></tr>\n"
    }
    html += "</tbody></table></section>\n"

    // Unsupported sentences.
    let unsupported = report.unsupportedSentences
    html += "<section class=\"panel\" id=\"unsupported\"><h2>Unsupported summary sentences <span class=\"count\">\(unsupported.count)</span></h2>"
      + "<p class=\"note\">Unaligned summary sentences; title, documentation, headings and datelines are expected to stand alone and not listed.</p><ol class=\"plain\">\n"
    for sentence in unsupported {
      html += "<li><a href=\"#s\(sentence.index)\">S\(sentence.index)</a> <span class=\"reason\">\(Self.escape(reasonText(sentence)))</span> "
        + "<span class=\"quote\">\(Self.escape(TerminalText.truncated(TerminalText.oneLine(sentence.text), to: 110)))</span></li>\n"
    }
    if unsupported.isEmpty { html += "<li>none</li>\n" }
    html += "</ol></section>\n"

    // Mentions resolving to nobody, and speakers not covered.
    html += "<section class=\"panel\" id=\"unresolved\"><h2>Mentions resolving to nobody <span class=\"count\">\(report.unresolvedMentions.count)</span></h2><ul class=\"plain\">\n"
    for mention in report.unresolvedMentions {
      html += "<li><a href=\"#s\(mention.sentence)\">S\(mention.sentence)</a> <mark class=\"unresolved\">\(Self.escape(mention.text))</mark>"
        + "\(mention.isListItem ? " <small>(speaker list)</small>" : "")</li>\n"
    }
    if report.unresolvedMentions.isEmpty { html += "<li>none</li>\n" }
    html += "</ul>\n"
    let notMentioned = report.speakers.filter { $0.status == .notMentioned }
    html += "<h2>Speakers not mentioned <span class=\"count\">\(notMentioned.count)</span></h2><ul class=\"plain\">\n"
    for speaker in notMentioned { html += "<li>\(speakerLink(speaker))</li>\n" }
    if notMentioned.isEmpty { html += "<li>none</li>\n" }
    html += "</ul></section>\n</div>\n"

    // Speakers.
    html += "<details class=\"panel\" id=\"speakers\" open><summary><h2>Speakers <span class=\"count\">\(report.speakers.count)</span></h2> "
      + "<small>in order of first turn: status, linked/own sentences, sections; <span class=\"listed-mark\">L</span> = in a speaker list of the summary</small></summary>\n<ol class=\"speakers\">\n"
    let sectionNumbers = Dictionary(uniqueKeysWithValues: report.sections.enumerated().map { ($1.index, $0 + 1) })
    for speaker in report.speakers {
      let sections = speaker.sections.compactMap { sectionNumbers[$0].map { "§\($0)" } }.joined(separator: " ")
      html += "<li class=\"st-\(speaker.status.rawValue)\" title=\"\(Self.escape(speakerTitle(speaker)))\">"
        + "\(speakerLink(speaker)) <span class=\"role\">\(speaker.role.rawValue)</span> "
        + "<span class=\"badge\">\(statusLabels[speaker.status] ?? "")</span> "
        + "<span class=\"num\">\(speaker.linkedSentences.count)/\(speaker.sentences.count)</span> "
        + "<span class=\"secs\">\(sections)</span>\(speaker.isInSpeakerList ? " <span class=\"listed-mark\">L</span>" : "")</li>\n"
    }
    html += "</ol></details>\n"
    return html
  }

  private func speakerLink(_ speaker: SpeakerCoverage) -> String {
    let name = Self.escape(speaker.name) + (speaker.speaksOnlyJointly ? " <small>(joint)</small>" : "")
    guard let first = speaker.firstSentence else { return "<span class=\"who-name\">\(name)</span>" }
    return "<a class=\"who-name\" href=\"#t\(first)\">\(name)</a>"
  }

  private func speakerTitle(_ speaker: SpeakerCoverage) -> String {
    var parts = ["\(speaker.name) (\(speaker.role.rawValue))", statusLabels[speaker.status] ?? ""]
    parts.append("\(speaker.linkedSentences.count) of \(speaker.sentences.count) sentences linked")
    if speaker.isInSpeakerList { parts.append("named in a speaker list") }
    if let group = speaker.onBehalfOf { parts.append("on behalf of \(group)") }
    return parts.joined(separator: "; ")
  }

  private func reasonText(_ sentence: SummarySentenceCoverage) -> String {
    let threshold = sentence.threshold.map { " < \(score($0))" } ?? ""
    switch sentence.reason {
    case .noSpeaker: return "no speaker, best \(score(sentence.score))\(threshold)"
    case .belowThreshold:
      let name = sentence.speaker.map { report.structure.speakers[$0].name } ?? "its speaker"
      return "below threshold for \(name), best \(score(sentence.score))\(threshold)"
    case .some(let reason): return reason.rawValue
    case nil: return ""
    }
  }

  // MARK: Summary

  private func summaryColumn() -> String {
    let structure = report.structure
    let document = structure.summary
    let coverage = Dictionary(uniqueKeysWithValues: report.summarySentences.map { ($0.index, $0) })
    let mentions = Dictionary(grouping: structure.mentions.filter(\.isListItem), by: \.sentence)
    var html = "<section class=\"side\" id=\"summary\" lang=\"\(report.summaryLanguage.rawValue)\">"
      + "<h2 lang=\"en\">Summary <small>\(Self.escape(document.source.name))</small></h2>\n"
    for paragraph in document.paragraphs {
      let sentences = paragraph.sentenceIndices.compactMap { coverage[$0] }.filter { $0.part != .chrome }
      guard !sentences.isEmpty else { continue }
      let part = sentences[0].part
      html += "<p class=\"part-\(part.rawValue)\">"
      for (k, sentence) in sentences.enumerated() {
        if k > 0 && paragraph.language != .chinese { html += " " }
        html += summarySentence(sentence, mentions: mentions[sentence.index] ?? [])
      }
      html += "</p>\n"
    }
    html += "</section>\n"
    return html
  }

  private func summarySentence(_ sentence: SummarySentenceCoverage, mentions: [SpeakerMention]) -> String {
    let id = "s\(sentence.index)"
    switch sentence.status {
    case .linked:
      let targets = sentence.targets.map { "t\($0)" }
      let refs = sentence.targets.map { "<a href=\"#t\($0)\">T\($0)</a>" }.joined(separator: " ")
      return "<span class=\"s linked\" id=\"\(id)\" data-links=\"\(targets.joined(separator: " "))\" "
        + "title=\"S\(sentence.index): linked to \(targets.map { $0.uppercased() }.joined(separator: ", ")), score \(score(sentence.score))\">"
        + Self.escape(sentence.text)
        + "<span class=\"refs\" lang=\"en\"> → \(refs) <span class=\"score\">\(score(sentence.score))</span></span></span>"
    case .speakerList:
      return "<span class=\"s list\" id=\"\(id)\" title=\"S\(sentence.index): speaker list\">"
        + markedMentions(sentence.text, mentions) + "</span>"
    case .unsupported:
      let reason = Self.escape(reasonText(sentence))
      return "<span class=\"s unsupported\" id=\"\(id)\" title=\"S\(sentence.index): unsupported — \(reason)\">"
        + Self.escape(sentence.text)
        + "<span class=\"flag\" lang=\"en\"> [unsupported: \(reason)]</span></span>"
    case .standsAlone:
      let reason = sentence.reason?.rawValue ?? ""
      let label = sentence.reason == .dateline ? "<span class=\"tag\" lang=\"en\">dateline</span>" : ""
      return "<span class=\"s alone\" id=\"\(id)\" title=\"S\(sentence.index): stands alone (\(reason))\">"
        + Self.escape(sentence.text) + label + "</span>"
    }
  }

  /// A list sentence with each item linked to its speaker's first turn, or marked when it
  /// resolves to nobody.
  private func markedMentions(_ text: String, _ mentions: [SpeakerMention]) -> String {
    var html = ""
    var cursor = text.startIndex
    for mention in mentions where !mention.text.isEmpty {
      guard let range = text.range(of: mention.text, range: cursor..<text.endIndex) else { continue }
      html += Self.escape(text[cursor..<range.lowerBound])
      let item = Self.escape(text[range])
      if let speaker = mention.speaker, let first = report.speakers[speaker].firstSentence {
        html += "<a class=\"mention\" href=\"#t\(first)\" title=\"\(Self.escape(report.speakers[speaker].name))\">\(item)</a>"
      } else {
        html += "<mark class=\"unresolved\" title=\"resolves to nobody in the full text\">\(item)</mark>"
      }
      cursor = range.upperBound
    }
    return html + Self.escape(text[cursor...])
  }

  // MARK: Full text

  private func fullTextColumn() -> String {
    let structure = report.structure
    let document = structure.fullText
    let range = structure.fullTextSentences
    let scores = Dictionary(uniqueKeysWithValues: report.summarySentences.map { ($0.index, $0.score) })
    let sectionsByHeading = Dictionary(
      report.sections.enumerated().compactMap { n, section in section.heading.map { ($0, (n + 1, section)) } },
      uniquingKeysWith: { first, _ in first })
    var turnStarts: [Int: SpeakerTurn] = [:]
    for turn in structure.turns where turnStarts[turn.sentences.lowerBound] == nil { turnStarts[turn.sentences.lowerBound] = turn }
    var html = "<section class=\"side\" id=\"fulltext\" lang=\"\(report.fullTextLanguage.rawValue)\">"
      + "<h2 lang=\"en\">Full text <small>\(Self.escape(document.source.name))</small></h2>\n"
    for paragraph in document.paragraphs {
      let indices = paragraph.sentenceIndices.filter { range.contains($0) }
      guard !indices.isEmpty else { continue }
      var open = false
      for (k, index) in indices.enumerated() {
        if let (number, section) = sectionsByHeading[index] {
          if open { html += "</p>\n"; open = false }
          let share = percent(section.share * 100)
          html += "<h3 class=\"section\" id=\"t\(index)\">§\(number) \(Self.escape(section.title))"
            + " <small lang=\"en\">\(section.linkedSentenceCount)/\(section.sentenceCount) linked · \(share)</small></h3>\n"
          continue
        }
        if !open { html += "<p>"; open = true } else if k > 0 && paragraph.language != .chinese { html += " " }
        if let turn = turnStarts[index] { html += speakerTag(turn) }
        html += fullTextSentence(index, document, scores: scores)
      }
      if open { html += "</p>\n" }
    }
    html += "</section>\n"
    return html
  }

  private func speakerTag(_ turn: SpeakerTurn) -> String {
    let ids = [turn.speaker] + turn.jointSpeakers
    return ids.compactMap { id -> String? in
      guard report.speakers.indices.contains(id) else { return nil }
      let speaker = report.speakers[id]
      return "<span class=\"who st-\(speaker.status.rawValue)\" lang=\"en\" title=\"\(Self.escape(speakerTitle(speaker)))\">"
        + "\(Self.escape(speaker.name)) · \(statusLabels[speaker.status] ?? "")</span>"
    }.joined()
  }

  private func fullTextSentence(_ index: Int, _ document: Document, scores: [Int: Double]) -> String {
    let text = Self.escape(document.text(of: document.sentences[index]))
    guard let sources = report.linksByFullTextSentence[index] else {
      return "<span class=\"t\" id=\"t\(index)\">\(text)</span>"
    }
    let refs = sources.map { "<a href=\"#s\($0)\">S\($0)</a> <span class=\"score\">\(score(scores[$0] ?? 0))</span>" }
      .joined(separator: " ")
    let title = sources.map { "S\($0) (\(score(scores[$0] ?? 0)))" }.joined(separator: ", ")
    return "<span class=\"t linked\" id=\"t\(index)\" data-links=\"\(sources.map { "s\($0)" }.joined(separator: " "))\" "
      + "title=\"T\(index): linked from \(title)\">\(text)<span class=\"refs\" lang=\"en\"> ← \(refs)</span></span>"
  }

  // MARK: Style and script

  static let styleSheet = """

    :root{--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--link:#0b57d0;--linked:#e3ecfd;--linked-strong:#b7cdf8;
    --ok:#1a7f37;--ok-bg:#dafbe1;--warn:#7d4e00;--warn-bg:#fff1c2;--bad:#b42318;--bad-bg:#ffe4e1}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:#f6f8fa}
    header{padding:14px 24px 10px;background:#fff;border-bottom:1px solid var(--line)}
    h1{font-size:20px;margin:0 0 8px}h1 .file{font-weight:400;color:var(--muted);font-size:15px;margin-left:8px}
    h2{font-size:15px;margin:0 0 6px}h2 small{font-weight:400;color:var(--muted)}
    .figures{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 6px}
    .figure{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:3px 10px}
    .figure.big{font-size:17px}.figure.ok{border-color:var(--ok);background:var(--ok-bg)}.figure.warn{border-color:var(--warn);background:var(--warn-bg)}
    .figure.bad{border-color:var(--bad);background:var(--bad-bg)}
    .meta{margin:0;color:var(--muted);font-size:13px}.legend{margin-left:8px}.key{padding:1px 6px;margin-left:4px;border-radius:3px;color:var(--ink)}
    .k-linked{background:var(--linked)}.k-unsupported{background:var(--bad-bg);text-decoration:underline wavy var(--bad)}.k-alone{color:var(--muted)}.k-list{background:#f3f0ff}
    .st-covered{color:var(--ok)}.st-named{color:var(--warn)}.st-not-mentioned{color:var(--bad)}
    main{padding:12px 24px 40px}
    .panels{display:grid;grid-template-columns:minmax(300px,1fr) minmax(300px,1.4fr) minmax(240px,1fr);gap:12px;margin-bottom:12px}
    .panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;font-size:13px}
    .panel table{border-collapse:collapse;width:100%}.panel th{text-align:left;color:var(--muted);font-weight:600}
    .panel td,.panel th{padding:2px 6px 2px 0;vertical-align:top}.panel td.share{white-space:nowrap}.n{text-align:right;white-space:nowrap}
    .bar{display:inline-block;width:60px;height:8px;background:#eaeef2;border-radius:4px;vertical-align:middle;overflow:hidden}
    .bar span{display:block;height:100%;background:var(--link)}
    .count{display:inline-block;min-width:22px;text-align:center;background:#eaeef2;border-radius:10px;font-size:12px;padding:0 6px}
    .note{color:var(--muted);margin:0 0 6px}.plain{margin:0 0 8px;padding-left:0;list-style:none}.plain li{margin:2px 0}
    .reason{color:var(--bad);font-weight:600}.quote{color:var(--muted)}
    mark.unresolved{background:var(--bad-bg);color:var(--bad);border-bottom:2px solid var(--bad);padding:0 2px}
    details.panel{margin-bottom:12px}details.panel summary{cursor:pointer}details.panel summary h2{display:inline;margin-right:8px}
    ol.speakers{columns:3 380px;column-gap:18px;margin:8px 0 0;padding:0;list-style:none}
    ol.speakers li{break-inside:avoid;display:flex;gap:6px;align-items:baseline;padding:1px 0;white-space:nowrap}
    ol.speakers .who-name{flex:1 1 auto;min-width:0;overflow:hidden;text-overflow:ellipsis}
    .role,.secs{color:var(--muted);font-size:12px}.num{font-variant-numeric:tabular-nums;font-size:12px}
    .badge{font-size:11px;border-radius:3px;padding:0 5px}
    li.st-covered .badge{background:var(--ok-bg);color:var(--ok)}li.st-named .badge{background:var(--warn-bg);color:var(--warn)}
    li.st-not-mentioned .badge{background:var(--bad-bg);color:var(--bad);font-weight:700}
    li.st-covered .who-name,li.st-named .who-name{color:var(--ink)}li.st-not-mentioned .who-name{color:var(--bad);font-weight:700}
    .listed-mark{font-size:10px;border:1px solid var(--muted);color:var(--muted);border-radius:3px;padding:0 3px}
    a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
    .columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.25fr);gap:16px;align-items:start}
    .side{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 18px}
    #summary{position:sticky;top:0;max-height:100vh;overflow-y:auto}
    .side p{margin:0 0 12px}.part-title,.part-documentation{color:var(--muted);font-size:13px}
    .s,.t{border-radius:3px;transition:background .1s}
    .s.linked,.t.linked{background:var(--linked)}
    .js .s.linked,.js .t.linked{cursor:pointer}
    .s.unsupported{background:var(--bad-bg);text-decoration:underline wavy var(--bad);text-decoration-thickness:1px;text-underline-offset:3px}
    .s.alone{color:var(--muted)}
    .s.list{background:#f3f0ff}
    .refs{font-size:11px;color:var(--muted);white-space:nowrap}.refs a{font-weight:600}
    .score{font-variant-numeric:tabular-nums;color:var(--muted);font-size:11px}
    .tag{display:inline-block;margin-left:6px;font-size:11px;font-weight:600;border-radius:3px;padding:0 5px;background:#eaeef2;color:var(--muted)}
    .flag{display:inline-block;font-size:11px;font-weight:600;color:var(--bad);white-space:nowrap}
    h3.section{font-size:15px;margin:18px 0 8px;padding-top:8px;border-top:2px solid var(--line)}h3.section small{font-weight:400;color:var(--muted);margin-left:6px}
    .who{display:inline-block;font-size:11px;font-weight:700;border-radius:3px;padding:0 6px;margin-right:6px}
    .who.st-covered{background:var(--ok-bg)}.who.st-named{background:var(--warn-bg)}.who.st-not-mentioned{background:var(--bad);color:#fff}
    .hover{background:var(--linked-strong)!important;outline:2px solid var(--link);outline-offset:1px}
    .s:target,.t:target,h3:target{outline:3px solid #f59e0b;outline-offset:2px;background:#fff3c4}
    @media (max-width:900px){.panels,.columns{grid-template-columns:1fr}#summary{position:static;max-height:none}}

    """

  /// Hover highlighting of a sentence's counterparts; a click scrolls to the first one. The
  /// links themselves work without it.
  static let script = """

    (function () {
      "use strict";
      document.documentElement.classList.add("js");
      function linked(el) {
        return (el.getAttribute("data-links") || "").split(" ").map(function (id) {
          return document.getElementById(id);
        }).filter(Boolean);
      }
      function mark(el, on) {
        [el].concat(linked(el)).forEach(function (node) { node.classList.toggle("hover", on); });
      }
      document.querySelectorAll("[data-links]").forEach(function (el) {
        el.addEventListener("mouseenter", function () { mark(el, true); });
        el.addEventListener("mouseleave", function () { mark(el, false); });
        el.addEventListener("click", function (event) {
          if (event.target.closest("a")) { return; }
          var first = linked(el)[0];
          if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
        });
      });
    })();

    """
}
