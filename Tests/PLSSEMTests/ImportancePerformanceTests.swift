import Foundation
import TestSupport
import Testing

@testable import PLSSEM

private typealias Fx = AssessExtrasFixture

/// The importance–performance map analysis against numpy written from the definitions of
/// Ringle & Sarstedt (2016), with the standardised weights of seminr-py (fixtures and script:
/// `Fixtures/ipma/`, `scripts/fixtures/make_ipma_fixtures.py`). The numpy side gets the
/// importance from OLS regressions of the rescaled scores, the engine from the standardised
/// total effects times a ratio of SDs: they agree only if both are right.
///
/// Both sides run the PLS algorithm to seminr's tight stop rule (Σ|ΔW| < 1e-13), so that the
/// weights agree to ~1e-14 and the IPMA to 1e-10 (absolute; performances are on 0–100).
@Suite("IPMA")
struct ImportancePerformanceTests {
  static let cases = [
    "ipma_corprep_simple_cusl", "ipma_corprep_extended_cusl",
    "ipma_corprep_extended_cusa_observed",
  ]

  static let tight = PLSSettings(maxIterations: 5000, tolerance: 1e-13)

  @Test("importance and performance equal numpy's to 1e-10", arguments: cases)
  func reference(_ name: String) throws {
    let fixture = try Fx.json("ipma/\(name).json")
    let estimate = try Fx.estimate(fixture, settings: Self.tight)
    var weights = ToleranceTracker("\(name) weights vs seminr", tolerance: 1e-12)
    for row in try Fx.rows(fixture, "standardizedWeights") {
      let indicator = try Fx.string(row, "indicator")
      weights.check(estimate.weight(indicator), try Fx.number(row, "estimate"), indicator)
    }
    let bounds = (fixture["bounds"] as? [String: Any]).map {
      ScaleBounds(
        minimum: ($0["minimum"] as? Double) ?? .nan, maximum: ($0["maximum"] as? Double) ?? .nan)
    }
    let target = try Fx.string(fixture, "target")
    let ipma = try ImportancePerformance(estimate: estimate, target: target, defaultBounds: bounds)
    #expect(ipma.target == target)
    var tracker = ToleranceTracker(name, tolerance: 1e-10)
    let constructs = try Fx.rows(fixture, "constructs")
    #expect(ipma.constructs.map(\.construct) == constructs.map { $0["construct"] as? String ?? "" })
    for (row, actual) in zip(constructs, ipma.constructs) {
      tracker.check(
        actual.importance, try Fx.number(row, "importance"), "\(actual.construct) importance")
      tracker.check(
        actual.performance, try Fx.number(row, "performance"), "\(actual.construct) performance")
    }
    let indicators = try Fx.rows(fixture, "indicators")
    #expect(
      ipma.indicators.map(\.indicator) == indicators.map { $0["indicator"] as? String ?? "" })
    for (row, actual) in zip(indicators, ipma.indicators) {
      #expect(actual.construct == row["construct"] as? String)
      tracker.check(
        actual.importance, try Fx.number(row, "importance"), "\(actual.indicator) importance")
      tracker.check(
        actual.performance, try Fx.number(row, "performance"), "\(actual.indicator) performance")
      tracker.check(
        actual.rescaledWeight, try Fx.number(row, "rescaledWeight"), "\(actual.indicator) weight")
      tracker.check(actual.bounds.minimum, try Fx.number(row, "minimum"), "\(actual.indicator) min")
      tracker.check(actual.bounds.maximum, try Fx.number(row, "maximum"), "\(actual.indicator) max")
      #expect(actual.boundsSource == (bounds == nil ? .observed : .given))
    }
    tracker.check(
      ipma.targetPerformance, try Fx.number(fixture, "targetPerformance"), "target performance")
    tracker.report()
    weights.report()
    // Bounds from the data are a note; the extended model's Mode B blocks have negative weights.
    #expect(ipma.diagnostics.contains { $0.code == "ipma-observed-range" } == (bounds == nil))
    let mapped = Set(ipma.constructs.map(\.construct) + [target])
    let negative = estimate.indicatorNames.indices.filter { k in
      estimate.weights[k] < 0 && mapped.contains(estimate.construct(ofIndicator: k))
    }.map { estimate.indicatorNames[$0] }
    #expect(
      ipma.diagnostics.filter { $0.code == "ipma-negative-weight" }.compactMap(\.indicator)
        == negative)
  }

  @Test("per-indicator bounds override the default; rescaling is affine")
  func bounds() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let a = try ImportancePerformance(
      estimate: estimate, target: "CUSL", defaultBounds: ScaleBounds(minimum: 1, maximum: 7))
    // Every indicator's bounds moved by the same affine map leave importance unchanged and
    // map performance accordingly: [0, 8] gives 100 (x − 0)/8.
    let b = try ImportancePerformance(
      estimate: estimate, target: "CUSL",
      bounds: ["cusa": ScaleBounds(minimum: 0, maximum: 8)],
      defaultBounds: ScaleBounds(minimum: 1, maximum: 7))
    let cusa = try #require(b.constructs.first { $0.construct == "CUSA" })
    let cusaA = try #require(a.constructs.first { $0.construct == "CUSA" })
    expectClose(cusa.performance, (cusaA.performance * 6 / 100 + 1) / 8 * 100, tolerance: 1e-10, "")
    // Importance is per rescaled unit: (range 6 → 8) the same 1-point change is 100/8 not 100/6.
    expectClose(cusa.importance, cusaA.importance * 8 / 6, tolerance: 1e-12, "")
  }

  @Test("bad targets and bounds are errors naming them")
  func errors() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    #expect(
      throws: ImportancePerformanceError.exogenousTarget(
        target: "COMP", endogenous: ["CUSA", "CUSL"])
    ) {
      try ImportancePerformance(estimate: estimate, target: "COMP")
    }
    let unknown = #expect(throws: ImportancePerformanceError.self) {
      try ImportancePerformance(estimate: estimate, target: "LOYAL")
    }
    #expect(unknown?.description.contains("'LOYAL'") == true)
    let outside = #expect(throws: ImportancePerformanceError.self) {
      try ImportancePerformance(
        estimate: estimate, target: "CUSL", defaultBounds: ScaleBounds(minimum: 1, maximum: 5))
    }
    #expect(outside?.description.contains("outside its scale 1.0 to 5.0") == true)
    #expect(throws: ImportancePerformanceError.self) {
      try ImportancePerformance(
        estimate: estimate, target: "CUSL", defaultBounds: ScaleBounds(minimum: 7, maximum: 1))
    }
    #expect(throws: ImportancePerformanceError.self) {
      try ImportancePerformance(
        estimate: estimate, target: "CUSL", defaultBounds: ScaleBounds(minimum: 1, maximum: .nan))
    }
  }
}
