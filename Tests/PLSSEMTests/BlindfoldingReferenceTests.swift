import Foundation
import TestSupport
import Testing

@testable import PLSSEM

private typealias Fx = AssessExtrasFixture

/// Blindfolding Q² (cross-validated redundancy and communality) against a reference.
///
/// **The reference is our own.** No installable package computes blindfolding (seminr, plspm and
/// cSEM have none; SmartPLS is closed), so `scripts/fixtures/make_blindfolding_fixtures.py` is a
/// straightforward numpy implementation that the project wrote from the published description
/// of SmartPLS 3's procedure (Hair, Hult, Ringle & Sarstedt 2017, ch. 6; Chin 1998; Stone 1974;
/// Geisser 1974), with every re-estimation done by seminr 0.2.1 (not our code). It shares the
/// procedure's fixed choices with the Swift code (documented on ``Blindfolding``), not its code.
/// With seminr's stop rule the estimates agree to ~1e-10, so Q² and the sums of squares agree to
/// 1e-8 relative.
@Suite("Blindfolding Q²")
struct BlindfoldingReferenceTests {
  static let cases = [
    "blindfolding_corprep_simple_d7", "blindfolding_corprep_simple_d5",
    "blindfolding_corprep_extended_d7",
    "blindfolding_mobi_d7", "blindfolding_satisfaction_plsc_d7",
  ]

  @Test("Q², SSO and SSE equal the numpy reference", arguments: cases)
  func reference(_ name: String) throws {
    let fixture = try Fx.json("blindfolding/\(name).json")
    let consistent = fixture["consistent"] as? Bool ?? false
    let estimate = try Fx.estimate(fixture, settings: PLSSettings(consistent: consistent))
    let d = Int(try Fx.number(fixture, "omissionDistance"))
    let result = try Blindfolding(estimate: estimate, omissionDistance: d)
    #expect(result.omissionDistance == d)
    let expectedConstructs = try Fx.rows(fixture, "constructs")
    #expect(
      result.constructs.map(\.construct)
        == expectedConstructs.compactMap { $0["construct"] as? String })
    for (row, actual) in zip(expectedConstructs, result.constructs) {
      check(actual, row, "\(name) \(actual.construct)")
      #expect(actual.indicator == nil)
    }
    let expectedIndicators = try Fx.rows(fixture, "indicators")
    #expect(
      result.indicators.map(\.indicator) == expectedIndicators.map { $0["indicator"] as? String })
    for (row, actual) in zip(expectedIndicators, result.indicators) {
      check(actual, row, "\(name) \(actual.indicator ?? "?")")
    }
  }

  private func check(_ actual: PredictiveRelevance, _ row: [String: Any], _ what: String) {
    for (key, value) in [
      ("sso", actual.sso), ("sseRedundancy", actual.sseRedundancy),
      ("sseCommunality", actual.sseCommunality),
      ("q2Redundancy", actual.q2Redundancy), ("q2Communality", actual.q2Communality),
    ] {
      guard let expected = row[key] as? Double else {
        Issue.record("\(what): fixture lacks \(key)")
        continue
      }
      expectClose(value, expected, tolerance: 1e-8 * max(1, abs(expected)), "\(what) \(key)")
    }
  }

  @Test("known properties: SSO = n·K, 0 < Q² < R², single-item communality ≈ 0", arguments: cases)
  func properties(_ name: String) throws {
    let fixture = try Fx.json("blindfolding/\(name).json")
    let consistent = fixture["consistent"] as? Bool ?? false
    let estimate = try Fx.estimate(fixture, settings: PLSSettings(consistent: consistent))
    let result = try Blindfolding(
      estimate: estimate, omissionDistance: Int(try Fx.number(fixture, "omissionDistance")))
    let n = Double(estimate.observations)
    #expect(result.constructs.count == estimate.layout.endogenous.count)
    for row in result.constructs {
      let j = try #require(estimate.constructIndex(row.construct))
      let k = Double(estimate.layout.block(j).count)
      expectClose(row.sso, n * k, tolerance: 1e-9 * n * k, "\(name) \(row.construct) SSO")
      // Out-of-sample predictions explain less than the in-sample R² and (for these models)
      // more than nothing.
      let r2 = try #require(estimate.rSquared[j])
      #expect(row.q2Redundancy < r2, "\(name) \(row.construct): Q² \(row.q2Redundancy) ≥ R² \(r2)")
      #expect(row.q2Redundancy > 0, "\(name) \(row.construct): Q² \(row.q2Redundancy)")
      if k == 1 { #expect(abs(row.q2Communality) < 0.05) }
      for value in [
        row.sso, row.sseRedundancy, row.sseCommunality, row.q2Redundancy, row.q2Communality,
      ] {
        #expect(value.isFinite)
      }
    }
  }

  @Test("the omission distance must not divide n and must lie in 2 ..< n")
  func omissionDistanceRules() throws {
    let fixture = try Fx.json("blindfolding/blindfolding_corprep_simple_d7.json")
    let estimate = try Fx.estimate(fixture, settings: PLSSettings())
    // n = 344 = 8 · 43.
    #expect(
      throws: AssessmentError.omissionDistanceDividesObservations(distance: 8, observations: 344)
    ) {
      try Blindfolding(estimate: estimate, omissionDistance: 8)
    }
    #expect(throws: AssessmentError.invalidOmissionDistance(distance: 1, observations: 344)) {
      try Blindfolding(estimate: estimate, omissionDistance: 1)
    }
    #expect(throws: AssessmentError.invalidOmissionDistance(distance: 344, observations: 344)) {
      try Blindfolding(estimate: estimate, omissionDistance: 344)
    }
    let message = AssessmentError.omissionDistanceDividesObservations(
      distance: 8, observations: 344
    ).description
    #expect(message.contains("344") && message.contains("9"))
  }
}
