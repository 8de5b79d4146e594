import Foundation
import TestSupport
import Testing

/// `make run` (`scripts/run-example.sh`) on the LED example: the HTML report it writes holds the
/// Indonesian narrative (issue 17's acceptance). The script's own `plssem report` command for the
/// HTML report is read from the script and run as written, with fewer bootstrap resamples and
/// the output in a temporary folder, so a change of the script is tested as it stands.
@Suite("make run: the LED example's HTML report")
struct LEDExampleRunTests {
  /// The script's commands: continuation lines joined, one command a line.
  static func commands() throws -> [String] {
    let script = try Repository.text("scripts/run-example.sh")
    return script.replacingOccurrences(of: "\\\n", with: " ").components(separatedBy: "\n")
  }

  /// A command's words, without the shell's quotes, `$example` spelled out.
  static func words(_ command: String) -> [String] {
    command.split(separator: " ", omittingEmptySubsequences: true).map {
      $0.replacingOccurrences(of: "\"", with: "")
        .replacingOccurrences(of: "$example", with: "examples/led-survey")
    }
  }

  @Test("the report.html command of make run writes the Indonesian narrative into the HTML")
  func htmlHoldsIndonesianNarrative() throws {
    let command = try #require(
      Self.commands().first {
        $0.contains("\"$bin\" report") && $0.contains("report.html")
      }, "scripts/run-example.sh writes no report.html with plssem report")
    var arguments = Array(Self.words(command).dropFirst())  // "$bin"
    #expect(arguments.first == "report")
    #expect(arguments.contains("--narrative") && arguments.contains("id"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-make-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("report.html").path
    let output = try #require(arguments.firstIndex(of: "--output"))
    arguments[output + 1] = file
    if let bootstrap = arguments.firstIndex(of: "--bootstrap") { arguments[bootstrap + 1] = "300" }
    _ = try CLIRunner.output(arguments, in: Repository.root, timeout: 300)
    let html = try String(contentsOfFile: file, encoding: .utf8)
    #expect(html.contains("<div class=\"narrative\" lang=\"id\">"))
    #expect(html.contains("Narasi hasil"))
    #expect(html.contains("Model pengukuran"))
    #expect(html.contains("; H1 diterima."))
    #expect(html.contains("Signifikansi diuji dengan bootstrap 300 subsampel"))
  }
}
