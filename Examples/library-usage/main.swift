// DocAlign as a library: align two in-memory texts in summary mode and in parallel mode, and
// write the translation units as TMX into a String. Built with every `swift build`; run it with
// `swift run docalign-library-usage`.
import DocAlign
import Foundation

/// A page as the UN publishes it: a Chinese summary, then the English full text.
let page = """
  人权理事会讨论儿童权利问题

  2016年3月7日

  人权理事会今天就保护儿童免受网络暴力问题举行小组讨论。

  副高级专员凯特·吉尔摩(Kate Gilmore)表示，互联网为儿童带来了机会，也带来了新的风险。她指出，各国必须加强立法，保护儿童的隐私。

  Opening Statements

  KATE GILMORE, Deputy High Commissioner for Human Rights, said that the Internet brought opportunities to children, but also new risks. States had to strengthen their legislation and protect the privacy of children. Millions of children went online for the first time every year.
  """

/// Two translations of the same short text.
let chinese = "会议于上午十时开幕。主席欢迎各位代表。她指出，各国必须加强立法，保护儿童的隐私。会议将于下午继续。"
let english = """
  The meeting opened at ten in the morning. The President welcomed the delegates. She noted that \
  States had to strengthen their legislation and protect the privacy of children. The meeting will \
  continue in the afternoon.
  """

do {
  // Resources are loaded once, on first use, and may be shared by any number of threads; a
  // JobRunner (one per thread) holds the ICU objects.
  let resources = try ResourceSet(locating: nil)
  let runner = JobRunner(resources: resources)

  let summary = try runner.run(AlignmentJob(id: "page", source: .text(page, name: "page.txt")))
  print("summary mode: \(summary.bitext.units.filter(\.isAligned).count) of \(summary.bitext.units.count) summary sentences aligned")
  for unit in summary.bitext.units where unit.isAligned {
    let source = unit.source.map { String(summary.bitext.source.text(of: summary.bitext.source.sentences[$0])) }
    let target = unit.target.map { String(summary.bitext.target.text(of: summary.bitext.target.sentences[$0])) }
    print("  \(source.joined()) -> \(target.joined(separator: " ")) (\(unit.speakerTarget ?? "nobody"), score \(unit.score))")
  }

  let parallel = try runner.run(
    AlignmentJob(
      id: "pair", source: .text(chinese, name: "a.zh"), target: .text(english, name: "a.en"), mode: .parallel))
  print("parallel mode: \(parallel.bitext.units.map(\.alignmentType).joined(separator: " "))")

  var tmx = ""
  try AlignmentWriter(format: .tmx, options: parallel.writerOptions).write(parallel.bitext, to: &tmx)
  print(tmx, terminator: "")
} catch {
  print("docalign-library-usage: \(error)")
  exit(1)
}
