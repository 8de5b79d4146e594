import Foundation
import TestSupport
import Testing

/// `plssem bootstrap --shard k/N` then `plssem merge` reproduce the single run's output byte for
/// byte — plain CSV and questionnaire data read through a codebook, 2 and 3 shards, JSON and
/// the text table — and a data file changed between the shards and the merge is refused, naming
/// the file (issue 16.8).
@Suite("Shards and merge through the CLI")
struct ShardMergeCLITests {
  /// A scratch folder with copies of the inputs, so that a test can change them; paths in the
  /// commands are relative to it, as a job array's would be.
  static func workspace(_ files: [String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-shards-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for file in files {
      try FileManager.default.copyItem(
        at: Repository.url(file),
        to: directory.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent))
    }
    return directory
  }

  static let codebookInput = [
    "--data", "responses-100.csv", "--codebook", "codebook.yaml", "--model", "mediation.model",
  ]
  static let codebookFiles = [
    "examples/led-survey/responses-100.csv", "examples/led-survey/codebook.yaml",
    "examples/led-survey/mediation.model",
  ]
  static let csvInput = [
    "--data", "corp_rep.csv", "--model", "simple.model", "--missing-code", "-99",
  ]
  static let csvFiles = [
    "examples/corporate-reputation/corp_rep.csv", "examples/corporate-reputation/simple.model",
  ]

  @Test(
    "N shards merged give the single run's bytes (JSON and table)",
    arguments: [("codebook", 2), ("codebook", 3), ("csv", 2), ("csv", 3)])
  func mergeReproducesTheSingleRun(data: String, shards: Int) throws {
    let (input, files) =
      data == "codebook" ? (Self.codebookInput, Self.codebookFiles) : (Self.csvInput, Self.csvFiles)
    let directory = try Self.workspace(files)
    defer { try? FileManager.default.removeItem(at: directory) }
    // 2,100 resamples: three chunks, so 3 shards hold one each and 2 shards one and two.
    let options = input + ["--bootstrap", "2100", "--seed", "17", "--ci", "bca", "--quiet"]
    for k in 1...shards {
      _ = try CLIRunner.output(
        ["bootstrap"] + options
          + ["--shard", "\(k)/\(shards)", "--output", "s\(k).json", "--threads", "\(k % 2 + 1)"],
        in: directory, timeout: 300)
    }
    let shardFiles = (1...shards).reversed().map { "s\($0).json" }
    for format in ["json", "table"] {
      let single = try CLIRunner.output(
        ["bootstrap"] + options + ["--format", format], in: directory, timeout: 300)
      let merged = try CLIRunner.output(
        ["merge"] + shardFiles + ["--format", format, "--quiet"], in: directory, timeout: 300)
      #expect(!single.isEmpty)
      #expect(merged == single, "\(data), \(shards) shards, --format \(format)")
    }
  }

  @Test("a data file changed after the shards were made is refused, naming the file")
  func changedDataIsRefused() throws {
    let directory = try Self.workspace(Self.codebookFiles)
    defer { try? FileManager.default.removeItem(at: directory) }
    let options = Self.codebookInput + ["--bootstrap", "1100", "--seed", "3", "--quiet"]
    for k in 1...2 {
      _ = try CLIRunner.output(
        ["bootstrap"] + options + ["--shard", "\(k)/2", "--output", "s\(k).json"],
        in: directory, timeout: 300)
    }
    _ = try CLIRunner.output(["merge", "s1.json", "s2.json"], in: directory, timeout: 300)
    // One answer changed (the last character before the final line break).
    let data = directory.appendingPathComponent("responses-100.csv")
    var text = try String(contentsOf: data, encoding: .utf8)
    let last = text.index(text.endIndex, offsetBy: -2)
    text.replaceSubrange(last...last, with: text[last] == "1" ? "2" : "1")
    try text.write(to: data, atomically: true, encoding: .utf8)
    let outcome = try CLIRunner.run(["merge", "s1.json", "s2.json"], in: directory, timeout: 300)
    CLIRunner.expectNoCrash(outcome, "merge after the data changed")
    #expect(outcome.status == 1)
    #expect(outcome.standardError.contains("responses-100.csv"), "\(outcome.standardError)")
    #expect(outcome.standardError.contains("changed"), "\(outcome.standardError)")
  }
}
