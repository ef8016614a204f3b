import Foundation

/// The text form of a coverage report: tables for a terminal, no line wider than `width`
/// columns; statuses coloured with ANSI escapes when `colour` is set. Sections and table rows are
/// numbered from 1; sentence numbers are indices as `docalign segment` prints them.
struct CoverageTextTable {
  let report: CoverageReport
  let width: Int
  let colour: Bool

  private enum Style: String {
    case bold = "1", dim = "2", red = "31", green = "32", yellow = "33"
  }

  private func styled(_ text: String, _ style: Style) -> String {
    colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  private func percent(_ value: Double?) -> String {
    value.map { String(format: "%.1f%%", $0) } ?? "n/a"
  }

  private func score(_ value: Double) -> String { String(format: "%.2f", value) }

  private func statusLabel(_ status: SpeakerCoverage.Status) -> String {
    switch status {
    case .covered: return styled("covered", .green)
    case .named: return styled("named only", .yellow)
    case .notMentioned: return styled("not mentioned", .red)
    }
  }

  private func reasonLabel(_ sentence: SummarySentenceCoverage) -> String {
    let threshold = sentence.threshold.map { " < " + score($0) } ?? ""
    switch sentence.reason {
    case .noSpeaker: return "no speaker, best score \(score(sentence.score))\(threshold)"
    case .belowThreshold:
      let name = sentence.speaker.map { report.structure.speakers[$0].name } ?? "its speaker"
      return "below threshold for \(name), best score \(score(sentence.score))\(threshold)"
    default: return sentence.reason?.rawValue ?? ""
    }
  }

  func render() -> String {
    var lines: [String] = []
    let structure = report.structure
    let totals = report.totals
    let sectionNumbers = Dictionary(uniqueKeysWithValues: report.sections.enumerated().map { ($1.index, $0 + 1) })
    let fileLine = structure.isSinglePage
      ? structure.summary.source.name : "\(structure.summary.source.name) + \(structure.fullText.source.name)"
    lines.append(styled(TerminalText.truncated("Coverage: " + TerminalText.oneLine(fileLine), to: width), .bold))
    lines.append("Summary \(report.summaryLanguage.rawValue) → full text \(report.fullTextLanguage.rawValue); "
      + "thresholds: " + thresholdText())
    lines.append("")

    // Speakers.
    lines.append(styled("SPEAKERS", .bold) + "  \(totals.speakers): \(totals.coveredSpeakers) covered, "
      + "\(totals.namedSpeakers) named only, \(totals.notMentionedSpeakers) not mentioned; "
      + "speaker coverage \(percent(totals.speakerCoveragePercent))")
    // Fixed columns: "  " # "  " name "  " role(12) "  " sections(10) "  " sent(4) "  " linked(6) "  " listed(6) "  " status
    let nameWidth = width - 70
    func row(_ number: String, _ name: String, _ role: String, _ sections: String, _ sentences: String, _ linked: String,
             _ listed: String, _ status: String) -> String
    {
      "  " + TerminalText.fitted(number, to: 3, alignRight: true) + "  " + TerminalText.fitted(name, to: nameWidth) + "  "
        + TerminalText.fitted(role, to: 12) + "  " + TerminalText.fitted(sections, to: 10) + "  "
        + TerminalText.fitted(sentences, to: 4, alignRight: true) + "  " + TerminalText.fitted(linked, to: 6, alignRight: true)
        + "  " + TerminalText.fitted(listed, to: 6) + "  " + status
    }
    lines.append(styled(row("#", "Speaker", "Role", "Sections", "Sent", "Linked", "Listed", "Status"), .dim))
    for (n, speaker) in report.speakers.enumerated() {
      let sections = speaker.sections.compactMap { sectionNumbers[$0].map(String.init) }.joined(separator: ",")
      var name = TerminalText.oneLine(speaker.name)
      if speaker.speaksOnlyJointly { name = TerminalText.truncated(name, to: nameWidth - 8) + " (joint)" }
      lines.append(row(
        "\(n + 1)", name, speaker.role.rawValue, sections, "\(speaker.sentences.count)", "\(speaker.linkedSentences.count)",
        speaker.isInSpeakerList ? "yes" : "no", statusLabel(speaker.status)))
    }
    lines.append("")

    // Sections.
    lines.append(styled("SECTIONS", .bold) + "  \(report.sections.count)")
    let titleWidth = width - 2 - 3 - 2 - 2 - 5 - 2 - 6 - 2 - 7
    func sectionRow(_ number: String, _ title: String, _ sentences: String, _ linked: String, _ share: String) -> String {
      "  " + TerminalText.fitted(number, to: 3, alignRight: true) + "  " + TerminalText.fitted(title, to: titleWidth) + "  "
        + TerminalText.fitted(sentences, to: 5, alignRight: true) + "  " + TerminalText.fitted(linked, to: 6, alignRight: true)
        + "  " + TerminalText.fitted(share, to: 7, alignRight: true)
    }
    lines.append(styled(sectionRow("#", "Section", "Sent", "Linked", "Share"), .dim))
    for (n, section) in report.sections.enumerated() {
      let title = section.title.isEmpty ? "(untitled)" : TerminalText.oneLine(section.title)
      lines.append(sectionRow(
        "\(n + 1)", title, "\(section.sentenceCount)", "\(section.linkedSentenceCount)", percent(section.share * 100)))
    }
    lines.append("")

    // Unsupported sentences.
    let unsupported = report.unsupportedSentences
    lines.append(styled("UNSUPPORTED SUMMARY SENTENCES", .bold) + "  \(unsupported.count)"
      + styled(" (title, documentation, headings and datelines excluded)", .dim))
    for sentence in unsupported {
      let label = "  [\(sentence.index)] "
      let reason = TerminalText.truncated(reasonLabel(sentence), to: width - TerminalText.columns(of: label))
      lines.append(label + styled(reason, .red))
      for line in TerminalText.wrapped(TerminalText.oneLine(sentence.text), width: width - 6) {
        lines.append("      " + line)
      }
    }
    if unsupported.isEmpty { lines.append("  none") }
    lines.append("")

    // Unresolved mentions.
    lines.append(styled("MENTIONS RESOLVING TO NOBODY", .bold) + "  \(report.unresolvedMentions.count)")
    for mention in report.unresolvedMentions {
      let kind = mention.isListItem ? "list item" : "named"
      let text = "  [\(mention.sentence)] " + TerminalText.oneLine(mention.text)
      lines.append(TerminalText.truncated(text, to: width - kind.count - 3) + "  " + styled(kind, .dim))
    }
    if report.unresolvedMentions.isEmpty { lines.append("  none") }
    lines.append("")

    // Totals.
    lines.append(styled("TOTALS", .bold))
    lines.append("  Speakers    \(totals.speakers): \(totals.coveredSpeakers) covered, \(totals.namedSpeakers) named only, "
      + "\(totals.notMentionedSpeakers) not mentioned; coverage \(percent(totals.speakerCoveragePercent))")
    lines.append("  Summary     \(totals.summarySentences) sentences (title block and documentation included): "
      + "\(totals.linkedSummarySentences) linked,")
    lines.append("              \(totals.speakerListSentences) speaker lists, \(totals.unsupportedSentences) unsupported, "
      + "\(totals.standaloneSentences) standing alone")
    lines.append("  Full text   \(totals.fullTextSentences) sentences, \(totals.linkedFullTextSentences) linked "
      + "(\(percent(totals.fullTextCoveragePercent)))")
    lines.append("  Mentions    \(totals.mentions), \(totals.unresolvedMentions) resolving to nobody")
    lines.append("  Thresholds  " + thresholdText())
    return lines.joined(separator: "\n") + "\n"
  }

  private func thresholdText() -> String {
    report.thresholds.set.map { "\($0.name.label) \(score($0.value))" }.joined(separator: ", ")
  }
}

extension AlignmentThresholds.Name {
  /// How the text and HTML reports name the bar.
  var label: String { self == .open ? "open (no speaker)" : rawValue }
}
