import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import PLSSEM

private typealias Fx = AssessExtrasFixture

/// PLSc in degenerate cases: documented values or typed errors, never NaN.
@Suite("PLSc degenerate cases")
struct PLScDegenerateTests {
  static let threeFactors = "Tests/PLSSEMTests/Fixtures/data/threecommonfactors"

  static func threeFactorModel() throws -> PathModel {
    try PathModel(syntax: Repository.text(threeFactors + ".model"))
  }

  @Test("a reverse-coded indicator: its consistent loading changes sign, nothing else changes")
  func negativeLoading() throws {
    let data = try ExampleData.table(Self.threeFactors + ".csv")
    let flipped = try Fx.negating(data, column: "y12")
    // The all-ones start is not reflected, so the two runs take different paths to the same
    // fixed point: converge tightly to compare them.
    let estimator = PLSEstimator(settings: PLSSettings(tolerance: 1e-14, consistent: true))
    let original = try estimator.estimate(Self.threeFactorModel(), data: data)
    let negated = try estimator.estimate(Self.threeFactorModel(), data: flipped)
    let i = try #require(original.indicatorIndex("y12"))
    for a in 0..<original.indicatorNames.count {
      let sign = a == i ? -1.0 : 1.0
      expectClose(
        negated.loadings[a], sign * original.loadings[a], tolerance: 1e-11, "loading \(a)")
      expectClose(
        negated.weights[a], sign * original.weights[a], tolerance: 1e-11, "weight \(a)")
    }
    #expect(negated.loadings[i] < 0)
    let c0 = try #require(original.consistentCorrection)
    let c1 = try #require(negated.consistentCorrection)
    for j in 0..<3 { expectClose(c1.rhoA[j], c0.rhoA[j], tolerance: 1e-11, "rho_A \(j)") }
    for (from, to, value) in original.pathList {
      expectClose(
        negated.path(from: from, to: to), value, tolerance: 1e-11, "path \(from)->\(to)")
    }
    // The fit is invariant under reflecting an indicator (S and Σ̂ change sign in the same cells).
    let fit0 = try ModelFit(estimate: original)
    let fit1 = try ModelFit(estimate: negated)
    expectClose(fit1.estimated.srmr, fit0.estimated.srmr, tolerance: 1e-11, "SRMR")
    expectClose(fit1.estimated.dG, fit0.estimated.dG ?? .nan, tolerance: 1e-11, "d_G")
  }

  @Test("single-item and Mode B blocks are not corrected (ρ_A = 1), Mode A blocks are")
  func singleItemAndModeB() throws {
    let data = try ExampleData.table(
      "examples/corporate-reputation/corp_rep.csv", missingCodes: [-99])
    let model = try PathModel(
      syntax: Repository.text("examples/corporate-reputation/extended.model"))
    let consistent = try PLSEstimator(settings: PLSSettings(consistent: true)).estimate(
      model, data: data)
    let plain = try PLSEstimator().estimate(model, data: data)
    let correction = try #require(consistent.consistentCorrection)
    for (j, name) in consistent.constructNames.enumerated() {
      let corrected = ["COMP", "LIKE", "CUSL"].contains(name)
      #expect(correction.corrected[j] == corrected, "\(name)")
      if corrected {
        #expect(correction.rhoA[j] > 0 && correction.rhoA[j] < 1)
      } else {
        #expect(correction.rhoA[j] == 1)
      }
    }
    // The single item's loading is its correlation with itself, 1, with and without PLSc.
    #expect(abs((consistent.loading("cusa") ?? 0) - 1) < 1e-12)
    // Correlations between two uncorrected constructs are unchanged.
    let qual = try #require(consistent.constructIndex("QUAL"))
    let perf = try #require(consistent.constructIndex("PERF"))
    let cusa = try #require(consistent.constructIndex("CUSA"))
    #expect(consistent.constructCorrelations[qual, perf] == plain.constructCorrelations[qual, perf])
    #expect(consistent.constructCorrelations[qual, cusa] == plain.constructCorrelations[qual, cusa])
    for value in consistent.pathCoefficients.storage + consistent.loadings
      + consistent.rSquared.compactMap({ $0 })
    {
      #expect(value.isFinite)
    }
  }

  @Test("a consistent correlation matrix that is not PSD is reported, not refused (ECSI mobi)")
  func nonPositiveDefinite() throws {
    // seminr returns PLSc estimates here without complaint; the consistent construct correlation
    // matrix has a negative eigenvalue (about -0.003), which cSEM's verify() flags as inadmissible.
    let data = try ExampleData.table("examples/ecsi-mobi/mobi.csv")
    let model = try PathModel(syntax: Repository.text("examples/ecsi-mobi/mobi.model"))
    let estimate = try PLSEstimator(settings: PLSSettings(consistent: true)).estimate(
      model, data: data)
    let problems = estimate.admissibility.problems
    #expect(!estimate.admissibility.isAdmissible)
    #expect(problems.map(\.kind) == [.constructCorrelationsNotPositiveSemidefinite])
    // numpy: smallest eigenvalue of seminr's consistent construct correlations, -0.0030275.
    expectClose(problems.first?.value, -0.0030275, tolerance: 1e-6, "smallest eigenvalue")
    #expect(problems.first?.constructs == estimate.constructNames)
    #expect(estimate.diagnostics.first?.code == "inadmissible")
    #expect(throws: EstimationError.self) { try estimate.requireAdmissible() }
    for value in estimate.pathCoefficients.storage + estimate.loadings {
      #expect(value.isFinite)
    }
    // Without PLSc the same model is admissible.
    let plain = try PLSEstimator().estimate(model, data: data)
    #expect(plain.admissibility.isAdmissible)
    #expect(plain.diagnostics.isEmpty)
  }

  /// Two indicators that both load positively on the neighbouring construct but correlate
  /// negatively with each other: w'w > 1, so ρ_A = (w'w)² (1 − w'w)/Σ_{a≠b}wₐ²w_b² < 0.
  @Test("ρ_A < 0: the construct stays uncorrected and the problem is listed, never NaN")
  func inadmissibleRhoA() throws {
    let n = 300
    let z = SeededGenerator.normals(count: 6 * n, seed: 11)
    var columns = [[Double]](repeating: [], count: 5)
    for i in 0..<n {
      let u = z[i]
      let v = z[n + i]
      columns[0].append(u - 0.5 * v + 0.3 * z[2 * n + i])
      columns[1].append(v - 0.5 * u + 0.3 * z[3 * n + i])
      for b in 0..<3 { columns[2 + b].append(u + v + 0.8 * z[(4 + b % 2) * n + (i * (b + 1)) % n]) }
    }
    let data = try DataTable(columnNames: ["a1", "a2", "b1", "b2", "b3"], columns: columns)
    let model = try PathModel(syntax: "A =~ a1 + a2\nB =~ b1 + b2 + b3\nB ~ A")
    let plain = try PLSEstimator().estimate(model, data: data)
    #expect(plain.weights[0] > 0 && plain.weights[1] > 0)
    let consistent = try PLSEstimator(settings: PLSSettings(consistent: true)).estimate(
      model, data: data)
    let problem = try #require(
      consistent.admissibility.problems.first { $0.kind == .reliabilityNotPositive })
    #expect(problem.constructs == ["A"])
    // ρ_A from its definition with the (unchanged) PLS weights: (w'w)²(1 − w'w)/Σ_{a≠b}wₐ²w_b².
    let w = consistent.weights
    let wtw = w[0] * w[0] + w[1] * w[1]
    let rho = wtw * wtw * (1 - wtw) / (2 * w[0] * w[0] * w[1] * w[1])
    #expect(rho < 0)
    expectClose(problem.value, rho, tolerance: 1e-12, "ρ_A of A")
    #expect(problem.description.contains("rho_A of 'A'"))
    let correction = try #require(consistent.consistentCorrection)
    #expect(correction.corrected == [false, true])
    expectClose(correction.rhoA[0], rho, tolerance: 1e-12, "stored ρ_A")
    // A is left uncorrected: its loadings are the plain PLS loadings; B is corrected.
    for a in 0..<2 {
      expectClose(consistent.loadings[a], plain.loadings[a], tolerance: 1e-12, "loading \(a)")
    }
    let rhoB = correction.rhoA[1]
    expectClose(
      consistent.constructCorrelations[0, 1], plain.constructCorrelations[0, 1] / rhoB.squareRoot(),
      tolerance: 1e-12, "r(A, B) corrected for B only")
    for value in consistent.pathCoefficients.storage + consistent.loadings {
      #expect(value.isFinite)
    }
    // The bootstrap's extraction computes the same finite values, and the resample check
    // gives the same verdict.
    let catalog = StatisticCatalog(
      layout: plain.layout, families: StatisticFamily.resampledByDefault, consistent: true)
    let kernel = PLSKernel(layout: plain.layout, settings: PLSSettings(consistent: true))
    let original = try StatisticCatalog.evaluateOnOriginal(catalog, plain, kernel: kernel)
    #expect(original.allSatisfy { $0.isFinite })
    #expect(try AdmissibilityTestSupport.resampleVerdict(consistent) == false)
  }

  @Test("a corrected correlation above 1 is reported, naming the pair")
  func correlationOutOfRange() throws {
    // A's two indicators measure different things (u and v), both related to B = u + v: their
    // correlation is small, so ρ_A is small and r(A, B)/√(ρ_A ρ_B) exceeds 1.
    let n = 300
    let z = SeededGenerator.normals(count: 8 * n, seed: 5)
    var columns = [[Double]](repeating: [], count: 5)
    for i in 0..<n {
      let u = z[i]
      let v = z[n + i]
      columns[0].append(u + 0.2 * v + 0.4 * z[2 * n + i])
      columns[1].append(v + 0.2 * u + 0.4 * z[3 * n + i])
      for b in 0..<3 { columns[2 + b].append(u + v + 0.5 * z[(4 + b) * n + i]) }
    }
    let data = try DataTable(columnNames: ["a1", "a2", "b1", "b2", "b3"], columns: columns)
    let model = try PathModel(syntax: "A =~ a1 + a2\nB =~ b1 + b2 + b3\nB ~ A")
    let estimate = try PLSEstimator(settings: PLSSettings(consistent: true)).estimate(
      model, data: data)
    let r = estimate.constructCorrelations[0, 1]
    #expect(abs(r) > 1 && r.isFinite)
    let problem = try #require(
      estimate.admissibility.problems.first {
        $0.kind == .constructCorrelationsNotPositiveSemidefinite
      })
    #expect(problem.constructs == ["A", "B"])
    // The eigenvalues of [[1, r], [r, 1]] are 1 ± r.
    expectClose(problem.value, 1 - abs(r), tolerance: 1e-12, "smallest eigenvalue")
    #expect(problem.description.contains("'A' and 'B'"))
    // One predecessor: the path equals the (out-of-range) correlation, as in cSEM and seminr.
    expectClose(estimate.path(from: "A", to: "B"), r, tolerance: 1e-15, "path A -> B")
    #expect(try AdmissibilityTestSupport.resampleVerdict(estimate) == false)
  }
}
