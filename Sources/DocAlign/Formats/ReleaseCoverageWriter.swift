import Foundation

/// Writes the coverage of both summaries of a release (``ReleaseAligner/Alignment``) side by
/// side: a table comparing the two pages' totals, then each page's report as `docalign
/// coverage PAGE` writes it (text), or one JSON object holding both reports.
///
/// A summary-only page has no full text and so no report (`null` in JSON). HTML is one page's
/// report and is refused here.
public struct ReleaseCoverageWriter: OutputWriter {
  /// The format written (text or json).
  public let format: CoverageWriter.Format
  /// The text options (colour, width), as ``CoverageWriter``'s.
  public let options: CoverageWriter.Options

  /// A writer for `format`.
  public init(format: CoverageWriter.Format, options: CoverageWriter.Options = CoverageWriter.Options()) {
    self.format = format
    self.options = options
  }

  /// One page: the file name and its report (nil without a full text).
  public struct Page: Sendable {
    /// The file as named by the user.
    public let file: String
    /// The summary's language.
    public let summaryLanguage: Language
    /// The report, nil for a summary-only page.
    public let report: CoverageReport?
  }

  /// The two pages of a release alignment, named by their files.
  public static func pages(_ alignment: ReleaseAligner.Alignment, files: (String, String)) -> [Page] {
    [
      Page(file: files.0, summaryLanguage: alignment.pageA.summaryLanguage, report: ReleaseAligner.coverageReport(of: alignment.pageA)),
      Page(file: files.1, summaryLanguage: alignment.pageB.summaryLanguage, report: ReleaseAligner.coverageReport(of: alignment.pageB)),
    ]
  }

  /// The pages in this writer's format.
  /// - Throws: ``DocAlignError/invalidRequest(_:)`` for HTML.
  public func render(_ pages: [Page]) throws -> String {
    switch format {
    case .html:
      throw DocAlignError.invalidRequest(
        "the HTML coverage report shows one page: run docalign coverage on each page, or use --format text or json")
    case .json:
      let value = JSONValue.object([
        ("format", .string("docalign-release-coverage")), ("version", .int(1)),
        (
          "pages",
          .array(
            pages.map { page in
              .object([
                ("file", .string(page.file)), ("summaryLanguage", .string(page.summaryLanguage.rawValue)),
                ("report", page.report.map(CoverageJSON.value) ?? .null),
              ])
            })
        ),
      ])
      return String(decoding: value.serialized(), as: UTF8.self) + "\n"
    case .text:
      var out = "Release coverage: the two summaries side by side\n\n"
      let rows: [(String, (CoverageReport.Totals) -> String)] = [
        ("speakers covered / named / not mentioned", { "\($0.coveredSpeakers) / \($0.namedSpeakers) / \($0.notMentionedSpeakers)" }),
        ("speaker coverage", { $0.speakerCoveragePercent.map { String(format: "%.2f %%", $0) } ?? "–" }),
        ("summary sentences linked", { "\($0.linkedSummarySentences) of \($0.summarySentences)" }),
        ("unsupported summary sentences", { "\($0.unsupportedSentences)" }),
        ("full-text sentences linked", { "\($0.linkedFullTextSentences) of \($0.fullTextSentences)" }),
        ("mentions resolving to nobody", { "\($0.unresolvedMentions) of \($0.mentions)" }),
      ]
      let labels = ["page"] + rows.map(\.0)
      let labelWidth = labels.map { TerminalText.columns(of: $0) }.max() ?? 0
      func column(_ page: Page, _ k: Int) -> String {
        let name = URL(fileURLWithPath: page.file).lastPathComponent
        if k == 0 { return "\(name) (\(page.summaryLanguage.rawValue))" }
        guard let report = page.report else { return k == 1 ? "no full text" : "" }
        return rows[k - 1].1(report.totals)
      }
      let width = max(24, (max(options.width, 72) - labelWidth - 4) / 2)
      for k in labels.indices {
        var line = TerminalText.fitted(labels[k], to: labelWidth) + "  "
        for (p, page) in pages.enumerated() {
          let cell = TerminalText.truncated(column(page, k), to: width)
          line += p + 1 < pages.count ? TerminalText.fitted(cell, to: width) + "  " : cell
        }
        out += line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
      }
      for page in pages {
        out += "\n== \(page.file) (\(page.summaryLanguage.rawValue) summary)\n\n"
        if let report = page.report {
          out += CoverageWriter(format: .text, options: options).render(report)
        } else {
          out += "No full text on this page (a summary only): nothing to cover.\n"
        }
      }
      return out
    }
  }

  /// Writes the pages to `sink`.
  /// - Throws: as ``render(_:)``.
  public func write(_ pages: [Page], to sink: some ByteSink) throws {
    try sink.write(render(pages))
  }
}
