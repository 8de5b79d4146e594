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
}
