import Foundation
import TestSupport
import Testing

/// Respondents and scores (issue 12, items 5 and 6): `describe` names the flagged respondents,
/// `--exclude-*` leave them out before estimation, `--scores` writes the construct scores.
@Suite("Respondents and construct scores")
struct RespondentTests {
  static let formats = Repository.url("Tests/CLITests/Fixtures/led-formats")
  static func file(_ name: String) -> String { formats.appendingPathComponent(name).path }
  static let model = Repository.path("examples/led-survey/direct.model")
  static let codebook = Repository.path("examples/led-survey/codebook.yaml")

  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-respondents-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let outcome = try CLIRunner.run(arguments + ["--format", "json"])
    CLIRunner.expectNoCrash(outcome, arguments.joined(separator: " "))
    try #require(outcome.status == 0, "\(arguments): \(outcome.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
  }

  static func paths(_ json: [String: Any]) -> [Double] {
    ((json["paths"] as? [[String: Any]]) ?? []).compactMap { $0["estimate"] as? Double }
  }

  /// CSV rows as arrays of fields (no quoting in these files).
  static func csv(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  @Test("describe names the flagged respondents by row and id")
  func describeNamesThem() throws {
    let json = try Self.json([
      "describe", "--data", Self.file("numeric.csv"), "--codebook", Self.codebook,
      "--id-column", "respondent", "--missing-threshold", "0.01", "--quiet",
    ])
    let flagged = try #require(json["flaggedRespondents"] as? [[String: Any]])
    #expect(flagged.compactMap { $0["row"] as? Int } == [5, 18, 31, 59])
    #expect(flagged.compactMap { $0["id"] as? String } == ["R004", "R017", "R030", "R058"])
    #expect(flagged.compactMap { $0["straightLining"] as? Bool } == [false, false, true, false])
    let text = try CLIRunner.run([
      "describe", "--data", Self.file("numeric.csv"), "--codebook", Self.codebook,
      "--id-column", "respondent", "--quiet",
    ])
    #expect(text.standardOutput.contains("Straight-lining respondents: 1 (row 31 (id R030))"))
  }

  @Test("excluded rows give the estimate of the file without them")
  func excludeRows() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = try String(contentsOfFile: Self.file("numeric.csv"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    // Rows 3, 10, 11 and 12 of the file (lines 3, 10–12 with the header as line 1).
    let kept = lines.enumerated().filter { ![2, 9, 10, 11].contains($0.offset) }.map(\.element)
    let reduced = folder.appendingPathComponent("reduced.csv").path
    try kept.joined(separator: "\n").write(toFile: reduced, atomically: true, encoding: .utf8)
    let excluded = try Self.json([
      "estimate", "--data", Self.file("numeric.csv"), "--model", Self.model,
      "--exclude-rows", "3,10-12", "--quiet",
    ])
    let direct = try Self.json(["estimate", "--data", reduced, "--model", Self.model, "--quiet"])
    #expect(Self.paths(excluded) == Self.paths(direct))
    #expect(excluded["observations"] as? Int == 96)
    let notes = (excluded["diagnostics"] as? [[String: Any]] ?? []).filter {
      $0["code"] as? String == "respondents-excluded"
    }
    #expect(
      notes.first?["message"] as? String
        == "\(Self.file("numeric.csv")): excluded 4 of 100 respondents before estimation; --exclude-rows: row 3, row 10, row 11, row 12"
    )
  }

  @Test("straight-liners and sparse respondents: answers as given, through the codebook or not")
  func exclusionRules() throws {
    // Three respondents miss an answer. R030's answers are all equal once the reverse-coded
    // items are recoded, as the numeric files hold them: there it is a straight-liner. Read
    // through the codebook, answers are judged as given (reverse coding undone), and as given
    // its two reverse-coded answers differ: not one.
    let cases: [(String, Bool, Int)] = [
      ("numeric.csv", false, 96), ("labels.sav", false, 96), ("google-forms.xlsx", true, 97),
      ("clean.xlsx", true, 97),
    ]
    for (name, codebook, observations) in cases {
      var arguments = [
        "estimate", "--data", Self.file(name), "--model", Self.model, "--exclude-straightliners",
        "--exclude-missing-above", "0.01", "--quiet",
      ]
      if codebook { arguments += ["--codebook", Self.codebook] }
      let json = try Self.json(arguments)
      #expect(json["observations"] as? Int == observations, "\(name)")
    }
  }

  @Test("construct scores agree with seminr's (corp rep, ECSI mobi)")
  func scoresAgreeWithSeminr() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases = [
      (
        "corp-rep-simple", "examples/corporate-reputation/corp_rep.csv",
        "examples/corporate-reputation/simple.model", ["--missing-code", "-99"]
      ),
      ("ecsi-mobi", "examples/ecsi-mobi/mobi.csv", "examples/ecsi-mobi/mobi.model", []),
    ]
    for (name, data, model, extra) in cases {
      let path = folder.appendingPathComponent("\(name).csv").path
      let outcome = try CLIRunner.run(
        [
          "estimate", "--data", Repository.path(data), "--model", Repository.path(model),
          "--scores", path, "--quiet",
        ] + extra)
      try #require(outcome.status == 0, "\(outcome.standardError)")
      let ours = try Self.csv(path)
      let reference = try Self.csv(Repository.path("Tests/CLITests/Fixtures/scores/\(name).csv"))
      #expect(ours.count == reference.count)
      #expect(Array(ours[0].dropFirst()) == reference[0], "\(name): header")
      #expect(ours.dropFirst().map { $0[0] } == (2...(reference.count)).map(String.init))
      var largest = 0.0
      for (mine, theirs) in zip(ours.dropFirst(), reference.dropFirst()) {
        for (a, b) in zip(mine.dropFirst(), theirs) {
          largest = max(largest, abs((Double(a) ?? .nan) - (Double(b) ?? .nan)))
        }
      }
      #expect(largest < 1e-9, "\(name): largest difference \(largest)")
    }
  }

  @Test("scores keep one row per respondent: ids, and empty cells for the left out")
  func scoresAlignment() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("scores.csv").path
    let outcome = try CLIRunner.run([
      "estimate", "--data", Self.file("numeric.csv"), "--model", Self.model, "--id-column",
      "respondent", "--exclude-rows", "3", "--missing", "casewise", "--scores", path, "--quiet",
    ])
    try #require(outcome.status == 0, "\(outcome.standardError)")
    let rows = try Self.csv(path)
    #expect(rows[0] == ["row", "respondent", "X1", "X2", "X3", "Y"])
    #expect(rows.count == 101)
    #expect(rows[1][1] == "R001")
    // Row 3 excluded; rows 5, 18 and 59 hold a missing answer (casewise deletion).
    let empty = rows.dropFirst().filter { $0[2].isEmpty }.map { $0[0] }
    #expect(empty == ["3", "5", "18", "59"])
    // The others: the scores of estimating without those rows.
    let reduced = folder.appendingPathComponent("reduced.csv").path
    let lines = try String(contentsOfFile: Self.file("numeric.csv"), encoding: .utf8)
      .split(separator: "\n")
    try lines.enumerated().filter { ![2, 4, 17, 58].contains($0.offset) }.map(\.element)
      .joined(separator: "\n").write(toFile: reduced, atomically: true, encoding: .utf8)
    let direct = folder.appendingPathComponent("direct.csv").path
    _ = try CLIRunner.run([
      "estimate", "--data", reduced, "--model", Self.model, "--scores", direct, "--quiet",
    ])
    let expected = try Self.csv(direct).dropFirst().map { Array($0.dropFirst()) }
    let ours = rows.dropFirst().filter { !$0[2].isEmpty }.map { Array($0.dropFirst(2)) }
    #expect(ours == expected)
  }
}
