import Foundation
import TestSupport
import Testing

/// Issue 5's acceptance tests through the `plssem` binary that `swift test` builds next to the
/// test bundle: byte-identical JSON reports for `--threads 1` vs `--threads 2`, and for one run
/// vs four shards merged with `plssem merge` (given in scrambled order; 1,100 resamples are two
/// chunks of 1,024, so two of the four shards cover none).
@Suite("Bootstrap through the CLI")
struct BootstrapCLITests {
  /// Runs the binary (with CLIRunner's time limit); returns standard output, byte for byte, with
  /// an issue on a non-zero exit.
  static func run(_ arguments: [String], in directory: URL) throws -> Data {
    try CLIRunner.output(arguments, in: directory, timeout: 300)
  }

  @Test("byte-identical JSON for --threads 1 and 2, and for four shards merged")
  func identicalReports() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-boottests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = [
      "--data", Repository.path(ExampleData.corpRepData),
      "--model", Repository.path(ExampleData.corpRepSimpleModel),
      "--missing-code", "-99", "--bootstrap", "1100", "--seed", "11",
    ]
    let one = try Self.run(
      ["estimate"] + input + ["--threads", "1", "--format", "json"], in: directory)
    let two = try Self.run(
      ["estimate"] + input + ["--threads", "2", "--format", "json"], in: directory)
    #expect(!one.isEmpty)
    #expect(one == two)
    // The report really carries bootstrap results.
    #expect(String(decoding: one, as: UTF8.self).contains("\"ciLower\""))

    for k in 1...4 {
      _ = try Self.run(
        ["bootstrap"] + input + ["--shard", "\(k)/4", "--output", "shard-\(k).json"], in: directory)
    }
    let merged = try Self.run(
      [
        "merge", "shard-3.json", "shard-1.json", "shard-4.json", "shard-2.json", "--format", "json",
      ], in: directory)
    let single = try Self.run(["bootstrap"] + input + ["--format", "json"], in: directory)
    #expect(merged == single)
    #expect(single == one)
  }

  /// Inadmissible resamples are counted in `bootstrap.inadmissible`, announced on standard
  /// error (a note when kept, a warning when dropped) and listed in the JSON's `diagnostics` —
  /// also by `plssem merge`, which re-creates them from the shards.
  @Test("bootstrap warnings on standard error and in the JSON, for a run and for merged shards")
  func warningsAreShown() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-boottests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = [
      "--data", Repository.path(ExampleData.mobiData),
      "--model", Repository.path(ExampleData.mobiModel),
      "--consistent", "--bootstrap", "300", "--seed", "3",
    ]
    for handling in ["keep", "drop"] {
      let arguments = input + ["--inadmissible-resamples", handling, "--format", "json"]
      let outcome = try CLIRunner.run(["bootstrap"] + arguments, in: directory, timeout: 300)
      #expect(outcome.status == 0, "\(outcome.standardError)")
      let severity = handling == "keep" ? "note" : "warning"
      let handled = handling == "keep" ? "kept in the statistics" : "dropped from the statistics"
      let line = try #require(
        outcome.standardError.split(separator: "\n").first {
          $0.contains("bootstrap resamples gave inadmissible solutions")
        })
      #expect(line.hasPrefix("\(severity): ") && line.contains(handled), "\(line)")
      let json = try #require(
        JSONSerialization.jsonObject(with: outcome.standardOutputBytes) as? [String: Any])
      let bootstrap = try #require(json["bootstrap"] as? [String: Any])
      let inadmissible = try #require(bootstrap["inadmissible"] as? Int)
      #expect(inadmissible > 0 && inadmissible <= 300)
      #expect(bootstrap["inadmissibleResamples"] as? String == handling)
      #expect(line.contains("\(inadmissible) of 300 bootstrap resamples"), "\(line)")
      let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
      let entry = try #require(
        diagnostics.first { $0["code"] as? String == "resamples-inadmissible" })
      #expect(entry["severity"] as? String == severity)
      #expect(line.hasSuffix(try #require(entry["message"] as? String)))
      // Two shards merged: the same bytes, warnings included.
      for k in 1...2 {
        _ = try Self.run(
          ["bootstrap"] + input + [
            "--inadmissible-resamples", handling, "--shard", "\(k)/2", "--output",
            "\(handling)-\(k).json",
          ], in: directory)
      }
      let merge = try CLIRunner.run(
        ["merge", "\(handling)-2.json", "\(handling)-1.json", "--format", "json"], in: directory,
        timeout: 300)
      #expect(merge.status == 0, "\(merge.standardError)")
      #expect(merge.standardOutputBytes == outcome.standardOutputBytes)
      #expect(merge.standardError.contains(String(line)), "\(merge.standardError)")
    }
  }
}
