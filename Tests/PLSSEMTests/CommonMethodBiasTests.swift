import Foundation
import TestSupport
import Testing

@testable import PLSSEM

private typealias Fx = AssessExtrasFixture

/// Common method bias checks against numpy written from the definitions (full collinearity
/// VIFs from OLS regressions of each construct's scores on all the others, Kock 2015; Harman's
/// first-component share from `eigvalsh` of the items' correlation matrix), on seminr-py's
/// scores (fixtures and script: `Fixtures/cmb/`, `scripts/fixtures/make_cmb_fixtures.py`). Both
/// sides run the PLS algorithm to Σ|ΔW| < 1e-13. The LED case goes through the command line
/// (its data are read with the codebook): `Tests/CLITests/CMBCLITests.swift`.
@Suite("Common method bias")
struct CommonMethodBiasTests {
  static let tight = PLSSettings(maxIterations: 5000, tolerance: 1e-13)

  @Test(
    "full collinearity VIFs and Harman's share equal numpy's to 1e-10",
    arguments: ["cmb_corprep_simple", "cmb_corprep_extended"])
  func reference(_ name: String) throws {
    let fixture = try Fx.json("cmb/\(name).json")
    let estimate = try Fx.estimate(fixture, settings: Self.tight)
    let cmb = try CommonMethodBias(estimate: estimate)
    var tracker = ToleranceTracker(name, tolerance: 1e-10)
    let vifs = try Fx.rows(fixture, "fullCollinearityVIF")
    #expect(
      cmb.fullCollinearityVIF.map(\.construct) == vifs.map { $0["construct"] as? String ?? "" })
    for (row, actual) in zip(vifs, cmb.fullCollinearityVIF) {
      tracker.check(actual.vif, try Fx.number(row, "vif"), "\(actual.construct) VIF")
    }
    let harman = try Fx.object(fixture, "harman")
    tracker.check(cmb.harmanFirstFactorShare, try Fx.number(harman, "firstFactorShare"), "share")
    tracker.check(cmb.harmanFirstEigenvalue, try Fx.number(harman, "firstEigenvalue"), "λ1")
    #expect(cmb.items == Int(try Fx.number(harman, "items")))
    tracker.report()
  }

  @Test("two identical constructs: VIF undefined (NaN), not a crash")
  func collinear() throws {
    var random = SeededGenerator(seed: 5)
    var columns = Array(repeating: [Double](), count: 4)
    for _ in 0..<50 {
      let a = random.normal()
      columns[0].append(a + 0.3 * random.normal())
      columns[1].append(a + 0.3 * random.normal())
      columns[2].append(columns[0].last ?? 0)
      columns[3].append(columns[1].last ?? 0)
    }
    let data = try DataTable(columnNames: ["a1", "a2", "b1", "b2"], columns: columns)
    let estimate = try PLSEstimator().estimate(
      PathModel(syntax: "A =~ a1 + a2\nB =~ b1 + b2\nB ~ A\n"), data: data)
    let cmb = try CommonMethodBias(estimate: estimate)
    #expect(cmb.fullCollinearityVIF.allSatisfy { !$0.vif.isFinite || $0.vif > 1e6 })
    #expect(cmb.harmanFirstFactorShare > 0.5 && cmb.harmanFirstFactorShare <= 1)
  }

  @Test("interaction terms and their generated indicators are left out")
  func interactions() throws {
    let estimate = try PLSEstimator().estimate(
      ExampleData.model("examples/corporate-reputation/moderation.model"),
      data: ExampleData.corpRep())
    let cmb = try CommonMethodBias(estimate: estimate)
    #expect(cmb.fullCollinearityVIF.map(\.construct) == estimate.model.constructNames)
    #expect(cmb.items == estimate.model.constructs.reduce(0) { $0 + $1.indicators.count })
    #expect(throws: ImportancePerformanceError.interactionTermsNotSupported) {
      try ImportancePerformance(estimate: estimate, target: "CUSL")
    }
  }
}
