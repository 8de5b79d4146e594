import Foundation
import TestSupport
import Testing

/// `--quiet` (issue 12, item 7): notes are silenced in every command, including the engine's
/// diagnostics of severity note; warnings and errors always print.
@Suite("--quiet silences notes, never warnings")
struct QuietTests {
  /// PLSc on ECSI mobi: an inadmissible estimate (a warning) and inadmissible resamples kept in
  /// the statistics (a note).
  static let arguments = [
    "bootstrap", "--data", Repository.path(ExampleData.mobiData), "--model",
    Repository.path(ExampleData.mobiModel), "--consistent", "--bootstrap", "30", "--seed", "1",
    "--format", "json",
  ]

  static func lines(_ text: String, prefix: String) -> [Substring] {
    text.split(separator: "\n").filter { $0.hasPrefix(prefix) }
  }

  @Test("the bootstrap's note about kept inadmissible resamples goes, the warning stays")
  func bootstrapNote() throws {
    let loud = try CLIRunner.run(Self.arguments)
    try #require(loud.status == 0, "\(loud.standardError)")
    let loudNotes = Self.lines(loud.standardError, prefix: "note: ")
    #expect(
      loudNotes.contains { $0.contains("bootstrap resamples gave inadmissible solutions") },
      "\(loud.standardError)")
    let loudWarnings = Self.lines(loud.standardError, prefix: "warning: ")
    #expect(loudWarnings.contains { $0.contains("inadmissible solution") }, "\(loud.standardError)")

    let quiet = try CLIRunner.run(Self.arguments + ["--quiet"])
    try #require(quiet.status == 0, "\(quiet.standardError)")
    #expect(Self.lines(quiet.standardError, prefix: "note: ").isEmpty, "\(quiet.standardError)")
    #expect(Self.lines(quiet.standardError, prefix: "warning: ") == loudWarnings)
    #expect(quiet.standardOutput == loud.standardOutput)
  }
}
