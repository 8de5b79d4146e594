import Foundation
import TestSupport
import Testing

/// Models from the codebook (issue 12, item 4): `--structural` or a model file of paths only,
/// with the measurement model taken from `--codebook`.
@Suite("Structural models with the measurement model from the codebook")
struct StructuralModelTests {
  static let examples = Repository.url("examples/led-survey")
  static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

  static func paths(_ arguments: [String]) throws -> [Double] {
    let outcome = try CLIRunner.run(["estimate", "--format", "json", "--quiet"] + arguments)
    CLIRunner.expectNoCrash(outcome, arguments.joined(separator: " "))
    try #require(outcome.status == 0, "\(arguments): \(outcome.standardError)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    let paths = try #require(json["paths"] as? [[String: Any]])
    return paths.compactMap { $0["estimate"] as? Double }
  }

  @Test("--structural, a paths-only model file and the full model file give the same estimates")
  func sameEstimates() throws {
    let data = [
      "--data", Self.example("responses-100.csv"), "--codebook", Self.example("codebook.yaml"),
    ]
    let full = try Self.paths(data + ["--model", Self.example("direct.model")])
    #expect(full.count == 3)
    #expect(try Self.paths(data + ["--structural", "Y ~ X1 + X2 + X3"]) == full)
    #expect(try Self.paths(data + ["--model", Self.example("structural.model")]) == full)
    // Statements separated by ';', and a construct whose measurement the model file gives.
    let mediation = try Self.paths(data + ["--model", Self.example("mediation.model")])
    #expect(try Self.paths(data + ["--structural", "X3 ~ X2; Y ~ X1 + X2 + X3"]) == mediation)
  }

  @Test("the report shows the measurement model the codebook supplied")
  func reportShowsGeneratedModel() throws {
    let outcome = try CLIRunner.run([
      "report", "--data", Self.example("responses-100.csv"), "--codebook",
      Self.example("codebook.yaml"), "--structural", "Y ~ X1 + X2 + X3", "--format", "html",
      "--output", "-", "--quiet",
    ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(
      outcome.standardOutput.contains("X1 =~ X1_BL1 + X1_BL2 + X1_BL3 + X1_FL1 + X1_FL2 + X1_FL3"))
  }

  @Test("--labels names the constructs in the codebook's languages; the JSON keeps the ids")
  func labels() throws {
    let arguments = [
      "estimate", "--data", Self.example("responses-100.csv"), "--codebook",
      Self.example("codebook.yaml"), "--structural", "Y ~ X1 + X2 + X3", "--quiet", "--labels",
    ]
    let indonesian = try CLIRunner.run(arguments)
    #expect(indonesian.status == 0, "\(indonesian.standardError)")
    #expect(indonesian.standardOutput.contains("Keterkaitan Industri → Keberlanjutan Usaha"))
    let english = try CLIRunner.run(arguments + ["--language", "en"])
    #expect(english.standardOutput.contains("Industrial linkages → Business sustainability"))
    let json = try CLIRunner.run(arguments + ["--format", "json"])
    #expect(json.standardOutput.contains("\"from\": \"X1\""))
    #expect(!json.standardOutput.contains("Keterkaitan"))
  }

  @Test("shards of a --structural run merge into the single run's result")
  func shards() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-structural-shards-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = [
      "bootstrap", "--data", Self.example("responses-100.csv"), "--codebook",
      Self.example("codebook.yaml"), "--structural", "Y ~ X1 + X2 + X3", "--bootstrap", "64",
      "--seed", "3", "--quiet",
    ]
    var shards: [String] = []
    for k in 1...2 {
      let path = folder.appendingPathComponent("shard-\(k).json").path
      let outcome = try CLIRunner.run(arguments + ["--shard", "\(k)/2", "--output", path])
      try #require(outcome.status == 0, "\(outcome.standardError)")
      shards.append(path)
    }
    let merged = try CLIRunner.run(["merge"] + shards + ["--format", "json", "--quiet"])
    #expect(merged.status == 0, "\(merged.standardError)")
    let whole = try CLIRunner.run(arguments + ["--format", "json"])
    #expect(whole.status == 0, "\(whole.standardError)")
    #expect(merged.standardOutput == whole.standardOutput)
  }
}
