import Foundation
import TestSupport
import Testing

@testable import PLSSEM

private typealias Fx = AssessExtrasFixture

/// Blindfolding in degenerate cases: documented values or typed errors, never NaN.
@Suite("Blindfolding degenerate cases")
struct BlindfoldingDegenerateTests {
  static let corp = "examples/corporate-reputation/"

  @Test("a reverse-coded indicator leaves every Q² unchanged")
  func reverseCodedIndicator() throws {
    let data = try ExampleData.table(Self.corp + "corp_rep.csv", missingCodes: [-99])
    let model = try PathModel(syntax: Repository.text(Self.corp + "simple.model"))
    let settings = PLSSettings(tolerance: 1e-14)
    let original = try Blindfolding(
      estimate: PLSEstimator(settings: settings).estimate(model, data: data))
    let flipped = try Blindfolding(
      estimate: PLSEstimator(settings: settings).estimate(
        model, data: Fx.negating(data, column: "cusl_2")))
    for (a, b) in zip(
      original.indicators + original.constructs, flipped.indicators + flipped.constructs)
    {
      expectClose(
        b.q2Redundancy, a.q2Redundancy, tolerance: 1e-9,
        "\(a.indicator ?? a.construct) Q² redundancy")
      expectClose(
        b.q2Communality, a.q2Communality, tolerance: 1e-9,
        "\(a.indicator ?? a.construct) Q² communality")
    }
  }

  @Test(
    "exogenous constructs (no predecessors) get no rows; Mode B and single-item endogenous ones do")
  func whichConstructs() throws {
    let data = try ExampleData.table(Self.corp + "corp_rep.csv", missingCodes: [-99])
    let model = try PathModel(syntax: Repository.text(Self.corp + "extended.model"))
    let estimate = try PLSEstimator().estimate(model, data: data)
    let result = try Blindfolding(estimate: estimate)
    #expect(result.constructs.map(\.construct) == ["COMP", "LIKE", "CUSA", "CUSL"])
    #expect(
      !result.indicators.contains { ["QUAL", "PERF", "CSOR", "ATTR"].contains($0.construct) })
    let cusa = try #require(result.constructs.first { $0.construct == "CUSA" })
    // A single indicator is predicted by its own replaced mean under the communality approach.
    #expect(abs(cusa.q2Communality) < 0.05)
    for row in result.constructs + result.indicators {
      #expect(row.q2Redundancy.isFinite && row.q2Communality.isFinite)
    }
  }

  @Test(
    "a Mode B block with collinear indicators fails estimation before blindfolding with a typed error"
  )
  func collinearModeB() throws {
    let data = try Fx.duplicating(
      ExampleData.table(Self.corp + "corp_rep.csv", missingCodes: [-99]), column: "attr_1",
      as: "attr_1_copy"
    )
    let text = try Repository.text(Self.corp + "extended.model").replacingOccurrences(
      of: "ATTR <~ attr_1 + attr_2 + attr_3", with: "ATTR <~ attr_1 + attr_2 + attr_3 + attr_1_copy"
    )
    #expect(throws: EstimationError.collinearBlock(construct: "ATTR", source: data.source)) {
      try PLSEstimator().estimate(PathModel(syntax: text), data: data)
    }
  }
}
