import Foundation
import TestSupport
import Testing

/// Each warning reaches the reader once: on standard error, or — when the table or Markdown
/// report itself goes to standard output and lists it under "Warnings and notes" — only there
/// (it used to be printed on both, so every outer-VIF warning showed twice on the terminal).
@Suite("Warnings printed once")
struct DiagnosticsOnceCLITests {
  /// Corp rep with `qual_1b`, a near copy of `qual_1`, in the Mode B block of QUAL: two
  /// outer-VIF warnings.
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-vif-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let lines = try Repository.text("examples/corporate-reputation/corp_rep.csv")
      .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let header = lines[0].split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
    let column = try #require(header.firstIndex(of: "qual_1"))
    var out = [lines[0] + ",qual_1b"]
    for (k, line) in lines.dropFirst().enumerated() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      let value = try #require(Double(cells[column]))
      out.append(line + "," + String(value + 0.001 * Double(k % 7 - 3)))
    }
    try (out.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("vif.csv"), atomically: true, encoding: .utf8)
    let model = try Repository.text("examples/corporate-reputation/extended.model")
      .replacingOccurrences(of: "qual_1 +", with: "qual_1 + qual_1b +")
    try model.write(
      to: folder.appendingPathComponent("vif.model"), atomically: true, encoding: .utf8)
    return folder
  }

  static func count(_ text: String) -> Int {
    text.components(separatedBy: "has an outer VIF of").count - 1
  }

  @Test(
    "each outer-VIF warning appears once, whatever the format and destination",
    arguments: [
      ([String](), 0, 2), (["--format", "markdown"], 0, 2), (["--quiet"], 0, 2),
      (["--format", "json"], 1, 2), (["--output", "{folder}/out.txt"], 1, 0),
      (["--format", "html", "--output", "{folder}/out.html"], 1, 0),
    ])
  func once(extra: [String], onStandardError: Int, onStandardOutput: Int) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try CLIRunner.run(
      [
        "estimate", "--data", folder.appendingPathComponent("vif.csv").path, "--model",
        folder.appendingPathComponent("vif.model").path, "--missing-code", "-99",
      ] + extra.map { $0.replacingOccurrences(of: "{folder}", with: folder.path) })
    CLIRunner.expectNoCrash(outcome, "estimate \(extra)")
    #expect(outcome.status == 0, "\(outcome.standardError)")
    // Two indicators (qual_1, qual_1b), each warned about once in all.
    #expect(Self.count(outcome.standardError) == 2 * onStandardError, "\(outcome.standardError)")
    let written =
      extra.contains("--output")
      ? try String(
        contentsOf: folder.appendingPathComponent(
          extra.contains("html") ? "out.html" : "out.txt"), encoding: .utf8) : ""
    if extra.contains("--format") && extra.contains("json") {
      // JSON lists its diagnostics as data; the terminal gets them on standard error.
      #expect(outcome.standardOutput.contains("\"outer-vif\""))
    } else {
      #expect(Self.count(outcome.standardOutput) == onStandardOutput)
    }
    if !written.isEmpty { #expect(Self.count(written) >= 2) }
  }
}
