import Foundation
import TestSupport
import Testing

/// Issue 12's acceptance: the same answers in the formats researchers have give identical path
/// coefficients (numeric CSV; semicolon, BOM, decimal-comma CSV; SPSS with value labels, no
/// codebook; a clean and a Google-Forms workbook with Indonesian labels, with the codebook). The files are made by `scripts/fixtures/make_led_format_fixtures.py` from the
/// LED example (100 respondents, three answers missing); the numeric ones hold the answers
/// recoded, the labelled ones as answered (the codebook recodes them).
@Suite("Data formats: the same answers give the same estimates")
struct DataFormatTests {
  static let folder = Repository.url("Tests/CLITests/Fixtures/led-formats")
  static let examples = Repository.url("examples/led-survey")

  /// The path coefficients (from → to → estimate) and the replaced-cell count of `arguments`.
  static func estimate(_ arguments: [String]) throws -> (paths: [String: Double], replaced: Int) {
    let outcome = try CLIRunner.run(
      [
        "estimate", "--model", examples.appendingPathComponent("direct.model").path, "--format",
        "json",
      ]
        + arguments)
    CLIRunner.expectNoCrash(outcome, arguments.joined(separator: " "))
    try #require(outcome.status == 0, "\(arguments): \(outcome.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
    let json = try #require(object as? [String: Any])
    let paths = try #require(json["paths"] as? [[String: Any]])
    var result: [String: Double] = [:]
    for path in paths {
      let from = try #require(path["from"] as? String)
      let to = try #require(path["to"] as? String)
      result["\(from)->\(to)"] = try #require(path["estimate"] as? Double)
    }
    let missing = try #require(json["missingData"] as? [String: Any])
    return (result, try #require(missing["replacedCells"] as? Int))
  }

  static func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
  static var codebook: String { examples.appendingPathComponent("codebook.yaml").path }

  @Test("numeric CSV, European CSV, SPSS with value labels, and a labelled workbook agree exactly")
  func sameCoefficients() throws {
    let reference = try Self.estimate(["--data", Self.file("numeric.csv")])
    #expect(reference.paths.count == 3)
    #expect(reference.replaced == 3)
    let others: [[String]] = [
      ["--data", Self.file("european.csv")],
      ["--data", Self.file("labels.sav")],
      ["--data", Self.file("clean.xlsx"), "--codebook", Self.codebook, "--quiet"],
      // Google Forms as Google Sheets exports it: grid and numbered question headers, a final
      // full stop missing, labels with abbreviations, a timestamp and a name column.
      ["--data", Self.file("google-forms.xlsx"), "--codebook", Self.codebook, "--quiet"],
    ]
    for arguments in others {
      let other = try Self.estimate(arguments)
      #expect(other.paths == reference.paths, "\(arguments)")
      #expect(other.replaced == 3, "\(arguments)")
    }
  }

  @Test("columns the model does not use are ignored with one note; --quiet silences it")
  func unusedColumnsNote() throws {
    let arguments = [
      "estimate", "--data", Self.file("european.csv"), "--model",
      Self.examples.appendingPathComponent("direct.model").path,
    ]
    let loud = try CLIRunner.run(arguments)
    #expect(loud.status == 0)
    let notes = loud.standardError.split(separator: "\n").filter { $0.hasPrefix("note: ") }
    #expect(notes.count == 1, "\(loud.standardError)")
    // The decimal-comma score is numeric: not among them.
    #expect(
      notes.first?.hasSuffix(
        "columns 'Stempel waktu', 'Nama', 'respondent' are not numeric and not used by the model; ignored"
      ) == true, "\(loud.standardError)")
    let quiet = try CLIRunner.run(arguments + ["--quiet"])
    #expect(quiet.status == 0)
    #expect(quiet.standardError.isEmpty, "\(quiet.standardError)")
    #expect(quiet.standardOutput == loud.standardOutput)
  }

  @Test("describe reads a workbook and an SPSS file through the codebook")
  func describeFormats() throws {
    for name in ["clean.xlsx", "labels.sav", "google-forms.xlsx"] {
      let outcome = try CLIRunner.run(
        ["describe", "--data", Self.file(name), "--codebook", Self.codebook, "--format", "json"])
      CLIRunner.expectNoCrash(outcome, name)
      #expect(outcome.status == 0, "\(name): \(outcome.standardError)")
      #expect(outcome.standardOutput.contains("\"respondents\": 100"), "\(name)")
    }
  }

  @Test(
    "codebook init on each format writes a codebook that describes the file unchanged",
    arguments: ["google-forms.xlsx", "clean.xlsx", "labels.sav", "european.csv", "numeric.csv"])
  func codebookInit(_ name: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-codebook-init-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let codebook = folder.appendingPathComponent("codebook.yaml").path
    let made = try CLIRunner.run(
      ["codebook", "init", "--data", Self.file(name), "--output", codebook])
    CLIRunner.expectNoCrash(made, name)
    try #require(made.status == 0, "\(name): \(made.standardError)")
    #expect(made.standardError.contains("27 items"), "\(name): \(made.standardError)")
    let described = try CLIRunner.run(
      ["describe", "--data", Self.file(name), "--codebook", codebook, "--format", "json"])
    CLIRunner.expectNoCrash(described, name)
    #expect(described.status == 0, "\(name): \(described.standardError)")
    #expect(described.standardOutput.contains("\"respondents\": 100"), "\(name)")
    #expect(!described.standardError.contains("warning"), "\(name): \(described.standardError)")
  }
}
