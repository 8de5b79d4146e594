import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The corporate reputation simple model against its published results: Hair, Hult, Ringle,
/// Sarstedt, Danks & Ray (2021), *Partial Least Squares Structural Equation Modeling (PLS-SEM)
/// Using R*, Springer, ch. 3–4 (R seminr 2.x), as quoted in the project's shared data README
/// (`../shared/data/README.md`, "Standard models"). Data `examples/corporate-reputation/corp_rep.csv`
/// with `-99` = missing (mean replacement), all blocks Mode A, path weighting, seminr's default
/// stop rule.
@Suite("Corp rep simple model: published values")
struct PublishedCorpRepTests {
  /// Published full-precision path coefficients (PLS-SEM Using R, 2021, ch. 3–4).
  static let publishedPaths: [(from: String, to: String, estimate: Double)] = [
    ("COMP", "CUSA", 0.162051224909051),
    ("LIKE", "CUSA", 0.423869606104923),
    ("COMP", "CUSL", 0.00917454313254589),
    ("LIKE", "CUSL", 0.342069436585268),
    ("CUSA", "CUSL", 0.504466308486452),
  ]
  /// Published R² at three decimals (same source).
  static let publishedRSquared: [(construct: String, estimate: Double)] = [
    ("CUSA", 0.295), ("CUSL", 0.562),
  ]

  static func estimate() throws -> PLSEstimate {
    let model = try PathModel(
      syntax: try Repository.text("examples/corporate-reputation/simple.model"),
      source: "simple.model")
    return try PLSEstimator().estimate(model, data: try ExampleData.corpRep())
  }

  @Test("path coefficients equal the published 15-digit values to 1e-9")
  func pathsMatchPublished() throws {
    let estimate = try Self.estimate()
    var d = ToleranceTracker("corp rep simple: published paths", tolerance: 1e-9)
    for p in Self.publishedPaths {
      d.check(estimate.path(from: p.from, to: p.to), p.estimate, "path \(p.from)→\(p.to)")
    }
    #expect(estimate.model.paths.count == Self.publishedPaths.count)
    d.report()
  }

  @Test("R² equals the published values at their printed precision and seminr's to 1e-9")
  func rSquaredMatches() throws {
    let estimate = try Self.estimate()
    let fixture = try Fixtures.estimation("corprep_simple_seminr_path")
    var printed = ToleranceTracker("corp rep simple: published R² (3 decimals)", tolerance: 5e-4)
    for r in Self.publishedRSquared {
      printed.check(estimate.rSquared(r.construct), r.estimate, "R² \(r.construct)")
      let rounded = ((estimate.rSquared(r.construct) ?? .nan) * 1000).rounded() / 1000
      #expect(rounded == r.estimate, "R² \(r.construct) prints as \(rounded)")
    }
    var d = ToleranceTracker("corp rep simple: R² vs seminr", tolerance: 1e-9)
    for r in fixture.r2 { d.check(estimate.rSquared(r.construct), r.estimate, "R² \(r.construct)") }
    printed.report()
    d.report()
  }

  /// seminr prints loadings with three decimals (`summary(model)$loadings`); ours print the same
  /// and agree with seminr's full-precision values to 1e-9.
  @Test("loadings equal seminr's at printed precision and to 1e-9")
  func loadingsMatch() throws {
    let estimate = try Self.estimate()
    let fixture = try Fixtures.estimation("corprep_simple_seminr_path")
    var d = ToleranceTracker("corp rep simple: loadings vs seminr", tolerance: 1e-9)
    for l in fixture.loadings {
      let ours = try #require(estimate.loading(l.indicator))
      #expect(String(format: "%.3f", ours) == String(format: "%.3f", l.estimate), "\(l.indicator)")
      d.check(ours, l.estimate, "loading \(l.indicator)")
    }
    d.report()
  }

  @Test("stops on the same pass as seminr and reports its data preparation")
  func iterationsAndMissingValues() throws {
    let estimate = try Self.estimate()
    let fixture = try Fixtures.estimation("corprep_simple_seminr_path")
    #expect(estimate.converged)
    #expect(estimate.iterations == fixture.iterations)
    #expect(estimate.iterations == 4)
    #expect(estimate.observations == 344)
    // Shared data README: -99 in cusa once, cusl_1 three, cusl_2 four, cusl_3 three times.
    #expect(estimate.dataSummary.treatment == .meanReplacement)
    #expect(estimate.dataSummary.replacedCells == 11)
    #expect(estimate.dataSummary.droppedRows == 0)
    #expect(
      estimate.dataSummary.replacedPerIndicator == [
        "cusa": 1, "cusl_1": 3, "cusl_2": 4, "cusl_3": 3,
      ])
  }

  /// COMP: alpha 0.776, rho_C 0.865, rho_A 0.832, AVE 0.681; HTMT COMP–LIKE 0.780
  /// (PLS-SEM Using R, 2021, ch. 4), each within half a unit of the last printed place.
  @Test("COMP reliability and HTMT(COMP, LIKE) equal the published values")
  func reliabilityAndHTMTMatchPublished() throws {
    let assessment = try PLSAssessment(estimate: try Self.estimate())
    let comp = try #require(assessment.reliability.first { $0.construct == "COMP" })
    var d = ToleranceTracker(
      "corp rep simple: published reliability/HTMT (3 decimals)", tolerance: 5e-4)
    d.check(comp.alpha, 0.776, "alpha COMP")
    d.check(comp.rhoC, 0.865, "rho_C COMP")
    d.check(comp.rhoA, 0.832, "rho_A COMP")
    d.check(comp.ave, 0.681, "AVE COMP")
    let htmt = try #require(
      assessment.heterotraitMonotrait.first { Set([$0.row, $0.column]) == ["COMP", "LIKE"] })
    d.check(htmt.htmt, 0.780, "HTMT COMP–LIKE")
    for (value, printed) in [
      (comp.alpha, "0.776"), (comp.rhoC, "0.865"), (comp.rhoA, "0.832"), (comp.ave, "0.681"),
    ] {
      #expect(String(format: "%.3f", value) == printed)
    }
    #expect(String(format: "%.3f", htmt.htmt ?? .nan) == "0.780")
    d.report()
  }

  @Test("the builder model gives the same estimate as the model file")
  func builderModelGivesSameEstimate() throws {
    let model = try PathModel {
      Reflective("COMP", "comp_1", "comp_2", "comp_3")
      Reflective("LIKE", "like_1", "like_2", "like_3")
      Reflective("CUSA", "cusa")
      Reflective("CUSL", "cusl_1", "cusl_2", "cusl_3")
      Regression("CUSA", on: "COMP", "LIKE")
      Regression("CUSL", on: "COMP", "LIKE", "CUSA")
    }
    let estimate = try PLSEstimator().estimate(model, data: try ExampleData.corpRep())
    for p in Self.publishedPaths {
      let ours = try #require(estimate.path(from: p.from, to: p.to))
      #expect(abs(ours - p.estimate) <= 1e-9, "path \(p.from)→\(p.to)")
    }
  }
}
