import Foundation
import TestSupport
import Testing

@testable import LinearAlgebra

/// Cholesky (dpotrf/dpotrs/dpotri/dpocon), LU (dgetrf/dgetrs/dgetri/dgecon) and QR least
/// squares (dgeqrf/dormqr/dtrtrs/dtrcon) against numpy/scipy.
@Suite("Solvers")
struct SolverTests {
  // MARK: Cholesky

  @Test func choleskyMatchesNumpy() throws {
    var worst = ToleranceTracker(
      "Cholesky: L, solve, inverse, log-determinant", tolerance: Tolerance.wellConditioned,
      measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().cholesky {
      let a = c.a.value
      let chol = try Cholesky(a)
      worst.check(chol.factor, c.factor.value, "\(c.name) L")
      for j in 0..<a.columns {
        for i in 0..<j {
          #expect(chol.factor[i, j] == 0, "\(c.name): upper triangle of L must be zero")
        }
      }
      worst.check(try chol.solve(c.rhs.value), c.solution.value, "\(c.name) solve")
      worst.check(try a.solveSPD(c.rhs.value), c.solution.value, "\(c.name) solveSPD")
      worst.check(
        try chol.solve(c.rhs.value.column(0)), c.solution.value.column(0), "\(c.name) solve vector")
      let inverse = try chol.inverse()
      worst.check(inverse, c.inverse.value, "\(c.name) inverse")
      #expect(inverse == inverse.transposed, "\(c.name): the SPD inverse is exactly symmetric")
      worst.check(try a.inverseSPD(), c.inverse.value, "\(c.name) inverseSPD")
      worst.check(chol.logDeterminant, c.logDeterminant, "\(c.name) log det")
      // dpocon estimates ‖A⁻¹‖₁ from below, so its reciprocal condition is at least the true
      // one; for these small matrices it is within a small factor of it.
      #expect(chol.reciprocalCondition >= c.reciprocalCondition1 * (1 - 1e-10), "\(c.name)")
      #expect(chol.reciprocalCondition <= c.reciprocalCondition1 * 10, "\(c.name)")
    }
    worst.report()
  }

  @Test func choleskyReadsOnlyTheLowerTriangle() throws {
    let c = try #require(try FixtureLoader.fixtures().cholesky.first { $0.a.value.rows == 6 })
    var a = c.a.value
    for j in 0..<a.columns {
      for i in 0..<j { a[i, j] = 1e6 }
    }
    expectClose(
      try Cholesky(a).factor, c.factor.value, tolerance: Tolerance.wellConditioned,
      measure: .relativeAboveOne, "\(c.name) with junk upper triangle")
  }

  @Test func choleskyOfEmptyMatrix() throws {
    let chol = try Cholesky(Matrix(rows: 0, columns: 0))
    #expect(chol.factor.shape == .init(rows: 0, columns: 0))
    #expect(chol.logDeterminant == 0)
    #expect(chol.reciprocalCondition == 1)
  }

  @Test func choleskyRejectsBadMatrices() throws {
    // Not positive definite.
    let indefinite = try Matrix(rowArrays: [[1, 2], [2, 1]])
    #expect(expectError(LinearAlgebraError.self) { try Cholesky(indefinite) }?.isSingular == true)
    #expect(
      expectError(LinearAlgebraError.self) { try Cholesky(Matrix(rows: 1, columns: 1)) }?.isSingular
        == true)
    // XᵀX of a design with two identical columns: singular up to rounding.
    let x = try Matrix(columnArrays: [[1, 2, 3, 4, 5], [0.3, -1, 2, 0.5, 1], [1, 2, 3, 4, 5]])
    let error = expectError(LinearAlgebraError.self) { try Cholesky(x.crossProduct()) }
    #expect(error?.isSingularOrIllConditioned == true, "\(String(describing: error))")
    #expect(
      expectError(LinearAlgebraError.self) { try x.crossProduct().inverseSPD() }?
        .isSingularOrIllConditioned == true)
    // Nearly singular: reciprocal condition about 1e-16.
    let nearly = try Matrix(rowArrays: [[1, 1], [1, 1 + 4e-16]])
    #expect(
      expectError(LinearAlgebraError.self) { try Cholesky(nearly) }?.isSingularOrIllConditioned
        == true)
    // Shapes and values.
    #expect(
      expectError(LinearAlgebraError.self) { try Cholesky(Matrix(rows: 2, columns: 3)) }?
        .isShapeMismatch == true)
    var nan = Matrix.identity(3)
    nan[2, 1] = .nan
    #expect(
      expectError(LinearAlgebraError.self) { try Cholesky(nan) }?.nonFinitePosition ?? (-1, -1) == (
        2, 1
      ))
    let chol = try Cholesky(Matrix.identity(3))
    #expect(
      expectError(LinearAlgebraError.self) { try chol.solve(Matrix(rows: 2, columns: 1)) }?
        .isShapeMismatch == true)
    #expect(
      expectError(LinearAlgebraError.self) { try chol.solve([1, 2]) }?.isShapeMismatch == true)
    var rhs = Matrix(rows: 3, columns: 2)
    rhs[1, 1] = .infinity
    #expect(
      expectError(LinearAlgebraError.self) { try chol.solve(rhs) }?.nonFinitePosition ?? (-1, -1)
        == (1, 1))
  }

  // MARK: LU

  @Test func luMatchesScipy() throws {
    var worst = ToleranceTracker(
      "LU: solve, inverse", tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().lu {
      let a = c.a.value
      let lu = try LUDecomposition(a)
      worst.check(try lu.solve(c.rhs.value), c.solution.value, "\(c.name) solve")
      worst.check(try a.solve(c.rhs.value), c.solution.value, "\(c.name) Matrix.solve")
      worst.check(try lu.inverse(), c.inverse.value, "\(c.name) inverse")
      worst.check(try a.inverse(), c.inverse.value, "\(c.name) Matrix.inverse")
      #expect(lu.reciprocalCondition >= c.reciprocalCondition1 * (1 - 1e-10), "\(c.name)")
      #expect(lu.reciprocalCondition <= c.reciprocalCondition1 * 10, "\(c.name)")
      #expect(lu.pivots.allSatisfy { $0 >= 1 && Int($0) <= a.rows }, "\(c.name): one-based pivots")
    }
    worst.report()
  }

  /// The allocation-free LU of the PLSc regressions on the same general (indefinite) systems
  /// as LAPACK's LU, against scipy's solutions.
  @Test func smallLUMatchesScipy() throws {
    var worst = ToleranceTracker(
      "SmallLUSolver: solve", tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().lu {
      let a = c.a.value
      let n = a.rows
      let rhs = c.rhs.value
      var solution = Matrix(rows: n, columns: rhs.columns)
      var factor = a.storage
      var pivots = [Int](repeating: 0, count: n)
      let factored = factor.withUnsafeMutableBufferPointer { f in
        pivots.withUnsafeMutableBufferPointer { p in
          guard let f = f.baseAddress, let p = p.baseAddress else { return false }
          return SmallLUSolver.factorize(f, n: n, pivots: p)
        }
      }
      try #require(factored, "\(c.name): factorization refused")
      for k in 0..<rhs.columns {
        var b = rhs.column(k)
        factor.withUnsafeBufferPointer { f in
          pivots.withUnsafeBufferPointer { p in
            b.withUnsafeMutableBufferPointer { x in
              guard let f = f.baseAddress, let p = p.baseAddress, let x = x.baseAddress else {
                return
              }
              SmallLUSolver.solve(factor: f, n: n, pivots: p, x)
            }
          }
        }
        for i in 0..<n { solution[i, k] = b[i] }
      }
      worst.check(solution, c.solution.value, "\(c.name) solve")
    }
    worst.report()
  }

  @Test func smallLURejectsSingularAndNonFinite() {
    func factorizes(_ columnMajor: [Double], n: Int) -> Bool {
      var a = columnMajor
      var pivots = [Int](repeating: 0, count: n)
      return a.withUnsafeMutableBufferPointer { f in
        pivots.withUnsafeMutableBufferPointer { p in
          guard let f = f.baseAddress, let p = p.baseAddress else { return false }
          return SmallLUSolver.factorize(f, n: n, pivots: p, relativeTolerance: 1e-10)
        }
      }
    }
    // Two identical columns: an exactly zero pivot.
    #expect(!factorizes([1, 2, 3, 1, 2, 3, 2, 0.5, -1], n: 3))
    #expect(!factorizes([1, .nan, 0, 1], n: 2))
    // Indefinite but nonsingular (a zero leading element needs a row exchange): accepted.
    #expect(factorizes([0, 1, 1, 0], n: 2))
    #expect(factorizes([1, 1.2, 1.2, 1], n: 2))
  }

  @Test func luRejectsBadMatrices() throws {
    // Two identical columns: an exactly zero pivot.
    let identicalColumns = try Matrix(rowArrays: [[1, 1, 2], [2, 2, 0.5], [3, 3, -1]])
    #expect(
      expectError(LinearAlgebraError.self) { try LUDecomposition(identicalColumns) }?
        .isSingularOrIllConditioned
        == true)
    #expect(
      expectError(LinearAlgebraError.self) { try identicalColumns.inverse() }?
        .isSingularOrIllConditioned == true)
    #expect(
      expectError(LinearAlgebraError.self) {
        try identicalColumns.solve(Matrix(rows: 3, columns: 1))
      }?
      .isSingularOrIllConditioned == true)
    let zero = Matrix(rows: 3, columns: 3)
    #expect(expectError(LinearAlgebraError.self) { try LUDecomposition(zero) }?.isSingular == true)
    // Nearly singular: the condition check speaks, where dgetrf alone would not.
    let nearly = try Matrix(rowArrays: [[1, 2], [1, 2 + 1e-15]])
    #expect(
      expectError(LinearAlgebraError.self) { try LUDecomposition(nearly) }?.isIllConditioned == true
    )
    #expect(throws: Never.self) { try LUDecomposition(nearly, minimumReciprocalCondition: 0) }
    // Shapes and values.
    #expect(
      expectError(LinearAlgebraError.self) { try LUDecomposition(Matrix(rows: 3, columns: 2)) }?
        .isShapeMismatch
        == true)
    var inf = Matrix.identity(4)
    inf[0, 3] = -.infinity
    #expect(
      expectError(LinearAlgebraError.self) { try inf.inverse() }?.nonFinitePosition ?? (-1, -1) == (
        0, 3
      ))
    let lu = try LUDecomposition(Matrix.identity(3))
    #expect(
      expectError(LinearAlgebraError.self) { try lu.solve(Matrix(rows: 4, columns: 1)) }?
        .isShapeMismatch == true)
    var rhs = Matrix(rows: 3, columns: 1)
    rhs[2, 0] = .nan
    #expect(
      expectError(LinearAlgebraError.self) { try lu.solve(rhs) }?.nonFinitePosition ?? (-1, -1) == (
        2, 0
      ))
  }

  // MARK: Least squares

  @Test func leastSquaresMatchesNumpyLstsq() throws {
    var worst = ToleranceTracker(
      "least squares: solution, (AᵀA)⁻¹, R", tolerance: Tolerance.wellConditioned,
      measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().leastSquares {
      let a = c.a.value
      let qr = try QRDecomposition(a)
      worst.check(try qr.solve(c.rhs.value), c.solution.value, "\(c.name) solve")
      worst.check(try a.leastSquares(c.rhs.value), c.solution.value, "\(c.name) leastSquares")
      worst.check(
        try qr.solve(c.rhs.value.column(0)), c.solution.value.column(0), "\(c.name) vector")
      worst.check(try qr.inverseCrossProduct(), c.inverseCrossProduct.value, "\(c.name) (AᵀA)⁻¹")
      // R is upper triangular with RᵀR = AᵀA (R itself is unique only up to row signs).
      let r = qr.r
      #expect(r.shape == .init(rows: a.columns, columns: a.columns))
      for j in 0..<r.columns {
        for i in (j + 1)..<max(r.rows, j + 1) {
          #expect(r[i, j] == 0, "\(c.name): R must be upper triangular")
        }
      }
      let scale = c.crossProduct.value.storage.map(abs).max() ?? 1
      let rtr = try r.multiplied(by: r, transposingSelf: true)
      worst.check((1 / scale) * rtr, (1 / scale) * c.crossProduct.value, "\(c.name) RᵀR / max|AᵀA|")
    }
    worst.report()
  }

  @Test func leastSquaresRejectsBadInput() throws {
    // Two identical columns.
    let x = try Matrix(columnArrays: [
      [1, 1, 1, 1, 1], [1, 2, 3, 4, 5], [0.5, 0.1, 0.9, 0.2, 0.7], [1, 2, 3, 4, 5],
    ])
    let error = expectError(LinearAlgebraError.self) { try QRDecomposition(x) }
    #expect(error?.isSingularOrIllConditioned == true, "\(String(describing: error))")
    // An exactly zero column gives an exactly zero diagonal of R.
    var zeroColumn = x
    try zeroColumn.setColumn(3, [0, 0, 0, 0, 0])
    #expect(
      expectError(LinearAlgebraError.self) {
        try zeroColumn.leastSquares(Matrix(rows: 5, columns: 1))
      }?.isSingular
        == true)
    // Wide: fewer rows than columns.
    #expect(
      expectError(LinearAlgebraError.self) { try QRDecomposition(Matrix(rows: 2, columns: 3)) }?
        .isInsufficientData
        == true)
    // Shapes and values.
    var nan = x
    nan[4, 2] = .nan
    #expect(
      expectError(LinearAlgebraError.self) { try QRDecomposition(nan) }?.nonFinitePosition ?? (
        -1, -1
      ) == (4, 2))
    let qr = try QRDecomposition(x.selectingColumns([0, 1, 2]))
    #expect(
      expectError(LinearAlgebraError.self) { try qr.solve(Matrix(rows: 4, columns: 1)) }?
        .isShapeMismatch == true)
    #expect(
      expectError(LinearAlgebraError.self) { try qr.solve([1, 2, 3]) }?.isShapeMismatch == true)
    var rhs = Matrix(rows: 5, columns: 2)
    rhs[3, 1] = .infinity
    #expect(
      expectError(LinearAlgebraError.self) { try qr.solve(rhs) }?.nonFinitePosition ?? (-1, -1) == (
        3, 1
      ))
  }
}
