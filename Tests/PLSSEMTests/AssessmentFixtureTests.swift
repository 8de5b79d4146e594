import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Assessment statistics against the seminr fixtures (corp rep simple and extended, ECSI mobi;
/// path and factorial schemes) to 1e-9: Cronbach's alpha, rho_C, rho_A, AVE, HTMT,
/// Fornell–Larcker, cross-loadings, outer and inner VIF, and f² (seminr's definition, with
/// re-estimation). plspm computes none of these, so the centroid fixtures have none.
@Suite("Assessment vs seminr fixtures")
struct AssessmentFixtureTests {
  static let tolerance = 1e-9

  static func assess(_ name: String) throws -> (EstimationFixture, PLSEstimate, PLSAssessment) {
    let fixture = try Fixtures.estimation(name)
    let estimate = try Fixtures.estimate(fixture)
    return (fixture, estimate, try PLSAssessment(estimate: estimate))
  }

  @Test("alpha, rho_C, rho_A and AVE agree with seminr", arguments: Fixtures.seminr)
  func reliabilityMatches(_ name: String) throws {
    let (fixture, _, assessment) = try Self.assess(name)
    let expected = try #require(fixture.reliability)
    var d = ToleranceTracker("\(name) reliability", tolerance: Self.tolerance)
    #expect(assessment.reliability.count == expected.count)
    for r in expected {
      let ours = assessment.reliability.first { $0.construct == r.construct }
      d.check(ours?.alpha, r.alpha, "alpha \(r.construct)")
      d.check(ours?.rhoC, r.rhoC, "rho_C \(r.construct)")
      d.check(ours?.rhoA, r.rhoA, "rho_A \(r.construct)")
      d.check(ours?.ave, r.ave, "AVE \(r.construct)")
    }
    d.report()
  }

  /// seminr stores each unordered pair once with `row` = the later construct in *its* order
  /// (first appearance in the structural model); ours lists `row` declared after `column` in
  /// declaration order. The pairs are matched without regard to order.
  @Test("HTMT agrees with seminr for every pair", arguments: Fixtures.seminr)
  func htmtMatches(_ name: String) throws {
    let (fixture, estimate, assessment) = try Self.assess(name)
    let expected = try #require(fixture.htmt)
    var d = ToleranceTracker("\(name) HTMT", tolerance: Self.tolerance)
    let constructCount = estimate.constructNames.count
    #expect(expected.count == constructCount * (constructCount - 1) / 2)
    #expect(assessment.heterotraitMonotrait.count == constructCount * (constructCount - 1) / 2)
    for pair in assessment.heterotraitMonotrait {
      let row = try #require(estimate.constructIndex(pair.row))
      let column = try #require(estimate.constructIndex(pair.column))
      #expect(row > column, "\(pair.row) is declared after \(pair.column)")
      #expect(pair.htmt2 != nil, "HTMT2 \(pair.row)–\(pair.column) is defined")
    }
    for h in expected {
      let ours = assessment.heterotraitMonotrait.first {
        Set([$0.row, $0.column]) == Set([h.row, h.column])
      }
      #expect(ours != nil, "pair \(h.row)–\(h.column)")
      d.check(ours?.htmt, h.estimate, "HTMT \(h.row)–\(h.column)")
    }
    d.report()
  }

  @Test("Fornell–Larcker table agrees with seminr", arguments: Fixtures.seminr)
  func fornellLarckerMatches(_ name: String) throws {
    let (fixture, estimate, assessment) = try Self.assess(name)
    let expected = try #require(fixture.fornellLarcker)
    var d = ToleranceTracker("\(name) Fornell–Larcker", tolerance: Self.tolerance)
    let constructCount = estimate.constructNames.count
    #expect(expected.count == constructCount * (constructCount + 1) / 2)
    #expect(
      assessment.fornellLarcker.rows == constructCount
        && assessment.fornellLarcker.columns == constructCount)
    for c in expected {
      let i = try #require(estimate.constructIndex(c.row))
      let j = try #require(estimate.constructIndex(c.column))
      d.check(assessment.fornellLarcker[i, j], c.estimate, "FL[\(c.row), \(c.column)]")
      d.check(assessment.fornellLarcker[j, i], c.estimate, "FL[\(c.column), \(c.row)]")
    }
    d.report()
  }

  @Test("cross-loadings agree with seminr", arguments: Fixtures.seminr)
  func crossLoadingsMatch(_ name: String) throws {
    let (fixture, estimate, _) = try Self.assess(name)
    var d = ToleranceTracker("\(name) cross-loadings", tolerance: Self.tolerance)
    #expect(
      fixture.crossLoadings.count == estimate.indicatorNames.count * estimate.constructNames.count)
    for c in fixture.crossLoadings {
      let i = try #require(estimate.indicatorIndex(c.indicator))
      let j = try #require(estimate.constructIndex(c.construct))
      d.check(
        estimate.crossLoadings[i, j], c.estimate, "cross-loading \(c.indicator) on \(c.construct)")
    }
    d.report()
  }

  @Test("outer VIF agrees with seminr", arguments: Fixtures.seminr)
  func outerVIFMatches(_ name: String) throws {
    let (fixture, _, assessment) = try Self.assess(name)
    let expected = try #require(fixture.vifOuter)
    var d = ToleranceTracker("\(name) outer VIF", tolerance: Self.tolerance)
    #expect(assessment.outerVIF.count == expected.count)
    for v in expected {
      let ours = assessment.outerVIF.first { $0.indicator == v.indicator }
      #expect(ours?.construct == v.construct)
      d.check(ours?.estimate, v.estimate, "VIF \(v.indicator)")
    }
    d.report()
  }

  /// Where an endogenous construct has two or more antecedents; the single-antecedent case is
  /// ``innerVIFOfASingleAntecedentIsOne(_:)``.
  @Test("inner VIF agrees with seminr", arguments: Fixtures.seminr)
  func innerVIFMatches(_ name: String) throws {
    let (fixture, _, assessment) = try Self.assess(name)
    let expected = try #require(fixture.vifInner)
    var d = ToleranceTracker("\(name) inner VIF", tolerance: Self.tolerance)
    #expect(assessment.innerVIF.count == expected.count)
    for v in expected {
      guard let value = v.estimate else { continue }
      let ours = assessment.innerVIF.first { $0.from == v.from && $0.to == v.to }
      d.check(ours?.estimate, value, "inner VIF \(v.from)→\(v.to)")
    }
    d.report()
  }

  /// seminr returns NaN (`null` in the fixture) for the inner VIF of a lone antecedent. We
  /// report 1 by documented choice (Collinearity.swift): a single regressor has no
  /// collinearity, its R² on the other regressors is 0, and JSON never holds NaN.
  @Test(
    "inner VIF of a single antecedent is 1 where seminr gives NaN",
    arguments: ["mobi_seminr_path", "mobi_seminr_factorial"])
  func innerVIFOfASingleAntecedentIsOne(_ name: String) throws {
    let (fixture, estimate, assessment) = try Self.assess(name)
    let undefined = try #require(fixture.vifInner).filter { $0.estimate == nil }
    // mobi: Expectation ~ Image, Quality ~ Expectation, Complaints ~ Satisfaction.
    #expect(
      Set(undefined.map { "\($0.from)→\($0.to)" }) == [
        "Image→Expectation", "Expectation→Quality", "Satisfaction→Complaints",
      ])
    for v in undefined {
      #expect(estimate.model.predecessors(of: v.to) == [v.from])
      let ours = try #require(assessment.innerVIF.first { $0.from == v.from && $0.to == v.to })
      #expect(ours.estimate == 1, "inner VIF \(v.from)→\(v.to)")
    }
  }

  @Test("f² (re-estimating without the path) agrees with seminr", arguments: Fixtures.seminr)
  func fSquareMatches(_ name: String) throws {
    let (fixture, _, assessment) = try Self.assess(name)
    let expected = try #require(fixture.fSquare)
    var d = ToleranceTracker("\(name) f²", tolerance: Self.tolerance)
    #expect(assessment.fSquare.count == expected.count)
    for f in expected {
      let ours = assessment.fSquare.first { $0.from == f.from && $0.to == f.to }
      d.check(ours?.estimate, f.estimate, "f² \(f.from)→\(f.to)")
    }
    d.report()
  }

  /// A model of two constructs: dropping the only path leaves no model to re-estimate, so
  /// R²_excluded = 0 and f² = R²/(1 − R²), as seminr defines it.
  @Test("f² of the only path of a two-construct model is R²/(1 − R²)")
  func fSquareTwoConstructs() throws {
    let model = try PathModel(
      syntax: "COMP =~ comp_1 + comp_2 + comp_3\nCUSL =~ cusl_1 + cusl_2 + cusl_3\nCUSL ~ COMP")
    let estimate = try PLSEstimator().estimate(model, data: try ExampleData.corpRep())
    let assessment = try PLSAssessment(estimate: estimate)
    let r2 = try #require(estimate.rSquared("CUSL"))
    #expect(assessment.fSquare.count == 1)
    let f2 = try #require(assessment.fSquare.first)
    #expect(abs(f2.estimate - r2 / (1 - r2)) <= 1e-15)
  }

  /// Mode B blocks: seminr (and we) report alpha, rho_C and AVE from the same formulas and
  /// rho_A = 1; single-item blocks have all four equal to 1.
  @Test("Mode B and single-item conventions")
  func modeBAndSingleItemConventions() throws {
    let (_, estimate, assessment) = try Self.assess("corprep_extended_seminr_path")
    for r in assessment.reliability {
      let construct = try #require(estimate.model.construct(named: r.construct))
      if construct.mode == .b { #expect(r.rhoA == 1, "\(r.construct)") }
      if construct.indicators.count == 1 {
        #expect(r.alpha == 1 && r.rhoC == 1 && r.rhoA == 1 && r.ave == 1, "\(r.construct)")
      }
    }
    let cusa = try #require(assessment.outerVIF.first { $0.indicator == "cusa" })
    #expect(cusa.estimate == 1)
  }
}
