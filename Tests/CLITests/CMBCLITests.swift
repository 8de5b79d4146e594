import Foundation
import TestSupport
import Testing

/// `--cmb` through the command line on the LED example (read with its codebook: missing codes,
/// reverse-coded items): the full collinearity VIFs and Harman's share equal numpy's
/// (`Tests/PLSSEMTests/Fixtures/cmb/cmb_led_mediation.json`, made by
/// `scripts/fixtures/make_cmb_fixtures.py` on seminr-py's scores) to 1e-10 when both run the PLS
/// algorithm to Σ|ΔW| < 1e-13; the text report states each check's caveat.
@Suite("--cmb on the LED example")
struct CMBCLITests {
  static let arguments = ExampleData.ledMediationArguments + ["--cmb"]

  @Test("VIFs and Harman's share equal numpy's to 1e-10")
  func reference() throws {
    let outcome = try CLIRunner.run(
      Self.arguments + ["--tolerance", "1e-13", "--max-iterations", "5000", "--format", "json"])
    try #require(outcome.status == 0, "\(outcome.standardError)")
    let cmb = try #require(try outcome.jsonObject()?["cmb"] as? [String: Any])
    let fixture = try #require(
      try Repository.jsonObject("Tests/PLSSEMTests/Fixtures/cmb/cmb_led_mediation.json"))
    var tracker = ToleranceTracker("LED CMB", tolerance: 1e-10)
    let actual = try #require(cmb["fullCollinearityVIF"] as? [[String: Any]])
    let expected = try #require(fixture["fullCollinearityVIF"] as? [[String: Any]])
    #expect(
      actual.map { $0["construct"] as? String } == expected.map { $0["construct"] as? String })
    for (a, e) in zip(actual, expected) {
      tracker.check(a["vif"] as? Double, e["vif"] as? Double ?? .nan, "\(e["construct"] ?? "") VIF")
    }
    let harman = try #require(cmb["harman"] as? [String: Any])
    let expectedHarman = try #require(fixture["harman"] as? [String: Any])
    tracker.check(
      harman["firstFactorShare"] as? Double, expectedHarman["firstFactorShare"] as? Double ?? .nan,
      "Harman share")
    tracker.report()
  }

  @Test("the text report shows both checks with their caveats; without --cmb the JSON has null")
  func text() throws {
    let outcome = try CLIRunner.run(Self.arguments)
    try #require(outcome.status == 0, "\(outcome.standardError)")
    let flat = outcome.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for needle in [
      "Common method bias: full collinearity VIFs", "Harman's single-factor test",
      "do not prove its absence", "does not rule common method bias out", "Kock 2015",
      "Podsakoff et al. 2003",
    ] {
      #expect(flat.contains(needle), "no \(needle)")
    }
    var plain = Self.arguments
    plain.removeLast()
    let json = try CLIRunner.run(plain + ["--format", "json"])
    let object = try #require(try json.jsonObject())
    #expect(object["cmb"] is NSNull)
  }
}
