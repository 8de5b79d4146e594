import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The repeated-indicators approach on ECSI mobi (Satisfaction = Image + Value) in all four
/// mode combinations against seminr-py 0.2.1 estimating an ordinary model with the indicators
/// repeated by hand (`Fixtures/higher-order/make_repeated_fixtures.py`). Tolerance 1e-9, as for
/// every seminr fixture (the same stop rule, pass for pass).
@Suite("Higher-order constructs: repeated indicators vs seminr-py")
struct HigherOrderRepeatedTests {
  @Test("repeated indicators, every mode combination", arguments: ["A_A", "A_B", "B_A", "B_B"])
  func repeated(_ modes: String) throws {
    let fixture = try JSONDecoder().decode(
      HigherOrderTwoStageTests.Fixture.self,
      from: Repository.data("\(HigherOrderTwoStageTests.directory)/repeated_\(modes).json"))
    var settings = PLSSettings()
    settings.higherOrder = .repeatedIndicators
    let estimate = try PLSEstimator(settings: settings).estimate(
      PathModel(syntax: fixture.model), data: ExampleData.mobi())
    #expect(estimate.higherOrder?.method == .repeatedIndicators)
    #expect(estimate.higherOrder?.firstStage == nil)
    var d = ToleranceTracker("repeated indicators \(modes) vs seminr-py", tolerance: 1e-9)
    fixture.checkStructuralModel(estimate, &d)
    for (values, loading) in [(fixture.weights, false), (fixture.loadings, true)] {
      for v in values {
        let indicator = v.indicator ?? ""
        #expect(
          estimate.indicatorIndex(indicator).map { estimate.construct(ofIndicator: $0) }
            == v.construct)
        d.check(
          loading ? estimate.loading(indicator) : estimate.weight(indicator), v.estimate,
          "\(loading ? "loading" : "weight") \(v.construct ?? "") / \(indicator)")
      }
    }
    d.report()
  }
}
