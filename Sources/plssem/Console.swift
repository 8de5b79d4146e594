import ArgumentParser
import Foundation
import Synchronization

/// Notes on standard error, silenced by `--quiet` (errors and warnings always print).
enum Console {
  private static let quiet = Mutex(false)

  /// Whether notes (and the progress bar) are silenced.
  static var isQuiet: Bool { quiet.withLock { $0 } }

  /// Silences notes for the rest of the run, or not.
  static func setQuiet(_ value: Bool) { quiet.withLock { $0 = value } }

  private static let reportListsDiagnostics = Mutex(false)

  /// Whether the report written to standard output lists the run's warnings and notes itself
  /// (a table or Markdown report: its "Warnings and notes"), so that printing them to standard
  /// error too would show each twice on the terminal.
  static var diagnosticsInReport: Bool { reportListsDiagnostics.withLock { $0 } }

  /// Records where the report goes: `format` to standard output when `destination` is nil.
  static func setReport(_ format: OutputFormat, destination: String?) {
    reportListsDiagnostics.withLock {
      $0 = destination == nil && (format == .table || format == .markdown)
    }
  }

  /// Writes `note: message` to standard error unless `--quiet`.
  static func note(_ message: String) {
    guard !isQuiet else { return }
    FileHandle.standardError.write(Data("note: \(message)\n".utf8))
  }
}

/// `--quiet`, shared by every command.
struct MessageOptions: ParsableArguments {
  @Flag(
    name: .long,
    help:
      "Print no notes and no progress bar on standard error; errors and warnings still print. (default: off)"
  )
  var quiet = false

  /// Applies the option for this run.
  func apply() { Console.setQuiet(quiet) }
}
