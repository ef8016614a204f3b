import ArgumentParser
import DocAlign
import Foundation

@main
struct DocAlignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docalign",
    abstract: "Segment and align multilingual documents sentence by sentence.",
    discussion: """
      DocAlign reads UN press releases (a summary and a full text, in one page or two files) and \
      their translations, splits them into sentences with ICU, and aligns them.
      Errors go to standard error with a non-zero exit status: 1 for unusable input, 2 for bad \
      options, 3 for missing resources or an ICU failure; 4 when `coverage --fail-under` is not met.
      """,
    version: "docalign \(DocAlign.version) (ICU \(icuVersion))",
    subcommands: [Segment.self, Structure.self, Align.self, Coverage.self, Batch.self, Merge.self, Evaluate.self]
  )
}

/// Options every subcommand that reads DocAlign's data files shares.
struct ResourceOptions: ParsableArguments {
  @Option(
    name: .customLong("resources"),
    help: ArgumentHelp(
      "The Resources folder of DocAlign (default: $DOCALIGN_RESOURCES, then beside the program).",
      valueName: "dir"))
  var path: String?

  func locate() throws -> ResourceDirectory { try ResourceDirectory.locate(explicitPath: path) }
}

/// Runs a command body, turning DocAlign's errors into a message on standard error and an exit
/// status: 1 for unusable input, 2 for bad options, 3 for resources and ICU.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as DocAlignError {
    FileHandle.standardError.write(Data("docalign: error: \(error)\n".utf8))
    switch error {
    case .unreadableFile, .emptyInput, .invalidEncoding, .binaryInput, .unsupportedInput:
      throw ExitCode(1)
    case .unknownLanguage, .invalidRequest:
      throw ExitCode(2)
    case .icu, .resourceNotFound, .malformedResource:
      throw ExitCode(3)
    }
  }
}

/// `auto` or one of the six languages.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, zh, en, fr, es, ru, ar

  var language: Language? { self == .auto ? nil : Language(rawValue: rawValue) }
}

extension SegmentationWriter.Format: ExpressibleByArgument {}
