import Foundation
import TestSupport
import Testing

/// `--ipma` through the command line on the LED example: the codebook's 5-point scale as the
/// bounds, the reverse-coded items read as the codebook says, and the values equal to numpy's
/// (`Tests/PLSSEMTests/Fixtures/ipma/ipma_led_mediation_y.json`, made by
/// `scripts/fixtures/make_ipma_fixtures.py` on seminr-py's weights) to 1e-10 when both run the
/// PLS algorithm to Σ|ΔW| < 1e-13.
@Suite("--ipma on the LED example")
struct IPMACLITests {
  static let arguments = ExampleData.ledMediationArguments + ["--ipma", "Y"]

  @Test("importance and performance equal numpy's; cluster pattern matters most")
  func reference() throws {
    let outcome = try CLIRunner.run(
      Self.arguments + ["--tolerance", "1e-13", "--max-iterations", "5000", "--format", "json"])
    try #require(outcome.status == 0, "\(outcome.standardError)")
    let ipma = try #require(try outcome.jsonObject()?["ipma"] as? [String: Any])
    let fixture = try #require(
      try Repository.jsonObject("Tests/PLSSEMTests/Fixtures/ipma/ipma_led_mediation_y.json"))
    #expect(ipma["target"] as? String == "Y")
    var tracker = ToleranceTracker("LED IPMA", tolerance: 1e-10)
    for key in ["constructs", "indicators"] {
      let actual = try #require(ipma[key] as? [[String: Any]])
      let expected = try #require(fixture[key] as? [[String: Any]])
      #expect(actual.count == expected.count)
      for (a, e) in zip(actual, expected) {
        let name = (e["indicator"] ?? e["construct"]) as? String ?? "?"
        #expect((a["indicator"] ?? a["construct"]) as? String == name)
        for field in ["importance", "performance"] {
          tracker.check(a[field] as? Double, e[field] as? Double ?? .nan, "\(name) \(field)")
        }
      }
    }
    tracker.report()
    let constructs = try #require(ipma["constructs"] as? [[String: Any]])
    let top = constructs.max {
      ($0["importance"] as? Double ?? 0) < ($1["importance"] as? Double ?? 0)
    }
    #expect(top?["construct"] as? String == "X2")
    // Bounds came from the codebook: no note about observed ranges.
    #expect(!outcome.standardError.contains("no scale bounds"))
  }

  @Test("the HTML report draws the map with the codebook's construct names")
  func htmlMap() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ipma-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("report.html").path
    var arguments = Self.arguments
    arguments[0] = "report"
    let outcome = try CLIRunner.run(
      arguments + ["--labels", "--language", "en", "--output", file])
    try #require(outcome.status == 0, "\(outcome.standardError)")
    let html = try String(contentsOfFile: file, encoding: .utf8)
    #expect(html.contains("class=\"ipma-map\""))
    for name in ["Industrial linkages", "Cluster pattern", "LED orientation"] {
      #expect(html.contains(">\(name)</text>"), "no point labelled \(name)")
    }
    #expect(html.contains("Importance (total effect on Business sustainability)"))
  }
}
