import Foundation
import Testing

/// Issue 5's acceptance tests through the `plssem` binary that `swift test` builds next to the
/// test bundle: byte-identical JSON reports for `--threads 1` vs `--threads 2`, and for one run
/// vs four shards merged with `plssem merge` (given in scrambled order; 1,100 resamples are two
/// chunks of 1,024, so two of the four shards cover none).
@Suite("Bootstrap through the CLI")
struct BootstrapCLITests {
  /// The `plssem` executable in the build products folder that holds this test bundle.
  static func binary() throws -> URL {
    let products = Bundle.module.bundleURL.deletingLastPathComponent()
    let url = products.appendingPathComponent("plssem")
    try #require(
      FileManager.default.isExecutableFile(atPath: url.path), "no plssem binary at \(url.path)")
    return url
  }

  /// Runs the binary; returns standard output, failing the test on a non-zero exit.
  static func run(_ arguments: [String], in directory: URL) throws -> Data {
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(
      process.terminationStatus == 0,
      "plssem \(arguments.joined(separator: " ")): exit \(process.terminationStatus): \(String(decoding: message, as: UTF8.self))"
    )
    return data
  }

  @Test("byte-identical JSON for --threads 1 and 2, and for four shards merged")
  func identicalReports() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-boottests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = [
      "--data", BootstrapTestSupport.examplePath("examples/corporate-reputation/corp_rep.csv"),
      "--model", BootstrapTestSupport.examplePath("examples/corporate-reputation/simple.model"),
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
