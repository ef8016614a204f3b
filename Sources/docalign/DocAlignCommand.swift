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
      Exit status: \(ExitStatus.summary). Errors go to standard error; help and version to \
      standard output.
      """,
    version: "docalign \(DocAlign.version) (ICU \(icuVersion))",
    subcommands: [Segment.self, Structure.self, Align.self, Coverage.self, Batch.self, Merge.self, Evaluate.self]
  )

  /// Parses the command line with `parseAsRoot` and runs the command, exiting with the
  /// documented status (``ExitStatus``) rather than swift-argument-parser's own (64 for a usage
  /// error).
  static func main() {
    main(Array(CommandLine.arguments.dropFirst()))
  }

  /// Parses `arguments` (without the program name), runs the command and exits.
  static func main(_ arguments: [String]) -> Never {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      exit(after: error)
    }
    do {
      try command.run()
    } catch {
      exit(after: error)
    }
    exit(.success)
  }

  /// Prints what `error` has to say where it belongs and exits with its status: help and version
  /// on standard output with 0; a usage error (unknown option or value, missing or extra
  /// argument) with the usage line on standard error and 2; DocAlign's errors by
  /// ``ExitStatus/init(_:)``; an `ExitCode` a command threw, as it is.
  static func exit(after error: any Error) -> Never {
    if let error = error as? DocAlignError {
      printError("docalign: error: \(error)")
      exit(ExitStatus(error))
    }
    if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
    let code = exitCode(for: error)
    let message = fullMessage(for: error)
    if code == .success {
      if !message.isEmpty { print(message) }
      exit(.success)
    }
    if !message.isEmpty { printError(message) }
    // swift-argument-parser gives 64 (EX_USAGE) to every parse or validation error.
    exit(code == .validationFailure ? .badOptions : .unusableInput)
  }

  private static func exit(_ status: ExitStatus) -> Never { Foundation.exit(status.rawValue) }

  private static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
  }
}

/// The exit statuses of `docalign`: the one place that maps outcomes to numbers. The README's
/// "Exit statuses" table and `docalign --help` list the same.
enum ExitStatus: Int32, CaseIterable, Sendable {
  /// Done.
  case success = 0
  /// Unusable input: a file missing, unreadable, binary, empty, not UTF-8/UTF-16, or without the
  /// structure the command needs.
  case unusableInput = 1
  /// Bad options: an unknown option or value, a missing or extra argument, a combination that
  /// cannot be honoured.
  case badOptions = 2
  /// Missing or malformed resources, or an ICU failure.
  case resources = 3
  /// `coverage --fail-under`: the speaker coverage is below the bar (the report is written).
  case coverageBelowBar = 4
  /// `batch`, `merge`: some jobs failed (the others' output is written).
  case someJobsFailed = 5

  /// The status of one of DocAlign's errors.
  init(_ error: DocAlignError) {
    switch error {
    case .unreadableFile, .emptyInput, .invalidEncoding, .binaryInput, .unsupportedInput:
      self = .unusableInput
    case .unknownLanguage, .invalidRequest:
      self = .badOptions
    case .icu, .resourceNotFound, .malformedResource:
      self = .resources
    }
  }

  /// What the status means, in a few words (for `--help`).
  var meaning: String {
    switch self {
    case .success: return "success"
    case .unusableInput: return "unusable input"
    case .badOptions: return "bad options"
    case .resources: return "missing resources or an ICU failure"
    case .coverageBelowBar: return "coverage --fail-under not met"
    case .someJobsFailed: return "batch or merge: some jobs failed"
    }
  }

  /// `0 success, 1 unusable input, …`.
  static var summary: String {
    allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: ", ")
  }

  /// An `ExitCode` for a command to throw (e.g. ``coverageBelowBar``).
  var exitCode: ExitCode { ExitCode(rawValue) }
}

/// Options every subcommand that reads DocAlign's data files shares.
struct ResourceOptions: ParsableArguments {
  @Option(
    name: .customLong("resources"),
    help: ArgumentHelp(
      "The Resources folder of DocAlign (default: $DOCALIGN_RESOURCES, then ../share/docalign or Resources beside the program).",
      valueName: "dir"))
  var path: String?

  func locate() throws -> ResourceDirectory { try ResourceDirectory.locate(explicitPath: path) }
}

/// Runs a command body, turning DocAlign's errors into a message on standard error and the exit
/// status ``ExitStatus/init(_:)`` gives them.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as DocAlignError {
    FileHandle.standardError.write(Data("docalign: error: \(error)\n".utf8))
    throw ExitStatus(error).exitCode
  }
}

/// `auto` or one of the six languages.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, zh, en, fr, es, ru, ar

  var language: Language? { self == .auto ? nil : Language(rawValue: rawValue) }
}

extension SegmentationWriter.Format: ExpressibleByArgument {}
