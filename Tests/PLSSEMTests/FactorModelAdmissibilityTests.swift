import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import PLSSEM

/// The J × J admissibility test of the implied indicator correlations of an all-Mode-A model
/// (`AdmissibilityCheck.isFactorModelSemidefinite`) against the smallest eigenvalue of the
/// p × p matrix `Θ + ΛΦΛᵀ` by LAPACK's symmetric eigensolver (an independent computation of
/// the criterion `λ_min ≥ −1e-8`), and against the p × p Cholesky test it replaces.
@Suite("Admissibility: the J × J test of a common-factor model's implied correlations")
struct FactorModelAdmissibilityTests {
  /// A small deterministic generator (xorshift64*), so that the cases are the same everywhere.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state >> 12
      state ^= state << 25
      state ^= state >> 27
      return state &* 2_685_821_657_736_338_717
    }
    /// Uniform in [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
      a + (b - a) * Double(next() >> 11) / Double(1 << 53)
    }
  }

  static let models = [
    "examples/corporate-reputation/simple.model", "examples/ecsi-mobi/mobi.model",
  ]

  @Test("same verdict as the eigenvalues of the p × p matrix, away from the boundary", arguments: models)
  func verdicts(_ path: String) throws {
    let layout = ModelLayout(model: try PathModel(syntax: Repository.text(path)))
    let p = layout.p
    let J = layout.J
    var random = Generator(state: 0x9E37_79B9_7F4A_7C15)
    var loadings = [Double](repeating: 0, count: p * J)
    var phi = [Double](repeating: 0, count: J * J)
    var sigma = [Double](repeating: 0, count: p * p)
    var work = [Double](repeating: 0, count: max(p * p, J * J))
    var (agreed, definite, indefinite) = (0, 0, 0)
    for trial in 0..<2000 {
      // Loadings: mostly moderate, some near or at ±1 (a single indicator's loading is 1).
      for a in 0..<p {
        let j = layout.blockOf[a]
        let kind = random.next() % 10
        let value =
          kind == 0 ? 1 : kind == 1 ? random.uniform(0.99, 1) : random.uniform(0.2, 0.95)
        loadings[a + j * p] = random.next() % 7 == 0 ? -value : value
      }
      // Φ: unit diagonal; off-diagonal entries shrunk towards 0 by a factor in [0.3, 1.3], so
      // that some cases are positive definite and others indefinite.
      let shrink = random.uniform(0.3, 1.3)
      for j in 0..<J {
        phi[j + j * J] = 1
        for k in 0..<j {
          let v = shrink * random.uniform(-0.9, 0.9)
          phi[j + k * J] = v
          phi[k + j * J] = v
        }
      }
      // Σ̂ = Θ + ΛΦΛᵀ, unit diagonal.
      for b in 0..<p {
        let k = layout.blockOf[b]
        for a in 0..<p {
          let j = layout.blockOf[a]
          sigma[a + b * p] =
            a == b ? 1 : loadings[a + j * p] * phi[j + k * J] * loadings[b + k * p]
        }
      }
      let smallest = try #require(
        try SymmetricEigen(
          Matrix(rows: p, columns: p, columnMajor: sigma), computeVectors: false
        ).values.first)
      let shortcut = loadings.withUnsafeBufferPointer { c in
        phi.withUnsafeBufferPointer { f in
          work.withUnsafeMutableBufferPointer { w in
            AdmissibilityCheck.isFactorModelSemidefinite(
              layout: layout, loadings: c.baseAddress!, constructs: f.baseAddress!,
              work: w.baseAddress!)
          }
        }
      }
      let verdict = try #require(shortcut, "trial \(trial): the shortcut must apply")
      let full = sigma.withUnsafeBufferPointer { s in
        work.withUnsafeMutableBufferPointer { w in
          w.baseAddress!.update(from: s.baseAddress!, count: p * p)
          return AdmissibilityCheck.isSemidefinite(overwriting: w.baseAddress!, n: p)
        }
      }
      // Within 1e-10 of the threshold rounding may decide either way.
      guard abs(smallest + AdmissibilityCheck.semidefiniteTolerance) > 1e-10 else { continue }
      let expected = smallest >= -AdmissibilityCheck.semidefiniteTolerance
      #expect(verdict == expected, "trial \(trial): smallest eigenvalue \(smallest)")
      #expect(full == expected, "trial \(trial): p × p Cholesky, smallest eigenvalue \(smallest)")
      agreed += verdict == expected ? 1 : 0
      if expected { definite += 1 } else { indefinite += 1 }
    }
    // Both verdicts occur often enough for the comparison to mean something.
    #expect(definite > 200 && indefinite > 200, "\(definite) definite, \(indefinite) indefinite")
    #expect(agreed == definite + indefinite)
  }

  @Test("composite blocks and loadings beyond 1 fall back to the p × p test")
  func fallback() throws {
    let layout = ModelLayout(
      model: try PathModel(syntax: Repository.text("examples/corporate-reputation/extended.model")))
    #expect(layout.modes.contains(.b))
    let c = [Double](repeating: 0.7, count: layout.p * layout.J)
    let phi = [Double](repeating: 0, count: layout.J * layout.J)
    var work = [Double](repeating: 0, count: layout.J * layout.J)
    let composite = c.withUnsafeBufferPointer { c in
      phi.withUnsafeBufferPointer { f in
        work.withUnsafeMutableBufferPointer { w in
          AdmissibilityCheck.isFactorModelSemidefinite(
            layout: layout, loadings: c.baseAddress!, constructs: f.baseAddress!,
            work: w.baseAddress!)
        }
      }
    }
    #expect(composite == nil)
    let simple = ModelLayout(
      model: try PathModel(syntax: Repository.text("examples/corporate-reputation/simple.model")))
    var loadings = [Double](repeating: 0.7, count: simple.p * simple.J)
    loadings[0] = 1.001  // indicator 0 of construct 0
    var identity = [Double](repeating: 0, count: simple.J * simple.J)
    for j in 0..<simple.J { identity[j + j * simple.J] = 1 }
    var small = [Double](repeating: 0, count: simple.J * simple.J)
    let beyond = loadings.withUnsafeBufferPointer { c in
      identity.withUnsafeBufferPointer { f in
        small.withUnsafeMutableBufferPointer { w in
          AdmissibilityCheck.isFactorModelSemidefinite(
            layout: simple, loadings: c.baseAddress!, constructs: f.baseAddress!,
            work: w.baseAddress!)
        }
      }
    }
    #expect(beyond == nil)
  }
}
