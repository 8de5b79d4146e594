import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// ``TypeSevenQuantile`` against numpy's `quantile(method="linear")` (Hyndman & Fan's type 7,
/// R's default), `Fixtures/bootstrap/type7_quantiles_numpy.json` from
/// `scripts/fixtures/make_interval_fixtures.py`: one and two values, ties, mixed signs, and
/// seeded samples, at levels 0 … 1.
@Suite("Type-7 quantiles vs numpy")
struct TypeSevenQuantileTests {
  struct Fixture: Decodable {
    struct Case: Decodable {
      let name: String
      let values: [Double]
      let levels: [Double]
      let quantiles: [Double]
    }
    let cases: [Case]
  }

  @Test("every level of every sample equals numpy's to 1e-12 (relative above 1)")
  func againstNumpy() throws {
    let fixture = try JSONDecoder().decode(
      Fixture.self, from: BootstrapTestSupport.fixture("type7_quantiles_numpy.json"))
    #expect(fixture.cases.count == 7)
    var tracker = ToleranceTracker(
      "type-7 quantiles vs numpy", tolerance: 1e-12, measure: .relativeAboveOne)
    for sample in fixture.cases {
      let sorted = sample.values.sorted()
      for (p, expected) in zip(sample.levels, sample.quantiles) {
        tracker.check(
          TypeSevenQuantile.quantile(sorted: sorted, p), expected, "\(sample.name) p=\(p)")
      }
    }
    tracker.report()
    #expect(TypeSevenQuantile.quantile(sorted: [], 0.5).isNaN)
  }
}
