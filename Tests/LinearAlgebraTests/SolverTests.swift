import Foundation
import Testing

@testable import LinearAlgebra

/// Cholesky (dpotrf/dpotrs/dpotri/dpocon), LU (dgetrf/dgetrs/dgetri/dgecon) and QR least
/// squares (dgeqrf/dormqr/dtrtrs/dtrcon) against numpy/scipy.
@Suite("Solvers")
struct SolverTests {
  // MARK: Cholesky

  @Test func choleskyMatchesNumpy() throws {
    var worst = WorstError("Cholesky: L, solve, inverse, log-determinant")
    for c in try FixtureLoader.fixtures().cholesky {
      let a = c.a.value
      let chol = try Cholesky(a)
      worst.note(expectClose(chol.factor, c.factor.value, "\(c.name) L"), "\(c.name) L")
      for j in 0..<a.columns {
        for i in 0..<j {
          #expect(chol.factor[i, j] == 0, "\(c.name): upper triangle of L must be zero")
        }
      }
      worst.note(
        expectClose(try chol.solve(c.rhs.value), c.solution.value, "\(c.name) solve"),
        "\(c.name) solve")
      worst.note(
        expectClose(try a.solveSPD(c.rhs.value), c.solution.value, "\(c.name) solveSPD"),
        "\(c.name) solveSPD")
      worst.note(
        expectClose(
          try chol.solve(c.rhs.value.column(0)), c.solution.value.column(0),
          "\(c.name) solve vector"),
        "\(c.name) solve vector")
      let inverse = try chol.inverse()
      worst.note(expectClose(inverse, c.inverse.value, "\(c.name) inverse"), "\(c.name) inverse")
      #expect(inverse == inverse.transposed, "\(c.name): the SPD inverse is exactly symmetric")
      worst.note(
        expectClose(try a.inverseSPD(), c.inverse.value, "\(c.name) inverseSPD"),
        "\(c.name) inverseSPD")
      worst.note(
        expectClose(chol.logDeterminant, c.logDeterminant, "\(c.name) log det"), "\(c.name) log det"
      )
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
    expectClose(try Cholesky(a).factor, c.factor.value, "\(c.name) with junk upper triangle")
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
    #expect(linearAlgebraError { try Cholesky(indefinite) }?.isSingular == true)
    #expect(linearAlgebraError { try Cholesky(Matrix(rows: 1, columns: 1)) }?.isSingular == true)
    // XᵀX of a design with two identical columns: singular up to rounding.
    let x = try Matrix(columnArrays: [[1, 2, 3, 4, 5], [0.3, -1, 2, 0.5, 1], [1, 2, 3, 4, 5]])
    let error = linearAlgebraError { try Cholesky(x.crossProduct()) }
    #expect(error?.isSingularOrIllConditioned == true, "\(String(describing: error))")
    #expect(
      linearAlgebraError { try x.crossProduct().inverseSPD() }?.isSingularOrIllConditioned == true)
    // Nearly singular: reciprocal condition about 1e-16.
    let nearly = try Matrix(rowArrays: [[1, 1], [1, 1 + 4e-16]])
    #expect(linearAlgebraError { try Cholesky(nearly) }?.isSingularOrIllConditioned == true)
    // Shapes and values.
    #expect(
      linearAlgebraError { try Cholesky(Matrix(rows: 2, columns: 3)) }?.isShapeMismatch == true)
    var nan = Matrix.identity(3)
    nan[2, 1] = .nan
    #expect(linearAlgebraError { try Cholesky(nan) }?.nonFinitePosition ?? (-1, -1) == (2, 1))
    let chol = try Cholesky(Matrix.identity(3))
    #expect(
      linearAlgebraError { try chol.solve(Matrix(rows: 2, columns: 1)) }?.isShapeMismatch == true)
    #expect(linearAlgebraError { try chol.solve([1, 2]) }?.isShapeMismatch == true)
    var rhs = Matrix(rows: 3, columns: 2)
    rhs[1, 1] = .infinity
    #expect(linearAlgebraError { try chol.solve(rhs) }?.nonFinitePosition ?? (-1, -1) == (1, 1))
  }

  // MARK: LU

  @Test func luMatchesScipy() throws {
    var worst = WorstError("LU: solve, inverse")
    for c in try FixtureLoader.fixtures().lu {
      let a = c.a.value
      let lu = try LUDecomposition(a)
      worst.note(
        expectClose(try lu.solve(c.rhs.value), c.solution.value, "\(c.name) solve"),
        "\(c.name) solve")
      worst.note(
        expectClose(try a.solve(c.rhs.value), c.solution.value, "\(c.name) Matrix.solve"),
        "\(c.name) solve")
      worst.note(
        expectClose(try lu.inverse(), c.inverse.value, "\(c.name) inverse"), "\(c.name) inverse")
      worst.note(
        expectClose(try a.inverse(), c.inverse.value, "\(c.name) Matrix.inverse"),
        "\(c.name) inverse")
      #expect(lu.reciprocalCondition >= c.reciprocalCondition1 * (1 - 1e-10), "\(c.name)")
      #expect(lu.reciprocalCondition <= c.reciprocalCondition1 * 10, "\(c.name)")
      #expect(lu.pivots.allSatisfy { $0 >= 1 && Int($0) <= a.rows }, "\(c.name): one-based pivots")
    }
    worst.report()
  }

  @Test func luRejectsBadMatrices() throws {
    // Two identical columns: an exactly zero pivot.
    let identicalColumns = try Matrix(rowArrays: [[1, 1, 2], [2, 2, 0.5], [3, 3, -1]])
    #expect(
      linearAlgebraError { try LUDecomposition(identicalColumns) }?.isSingularOrIllConditioned
        == true)
    #expect(
      linearAlgebraError { try identicalColumns.inverse() }?.isSingularOrIllConditioned == true)
    #expect(
      linearAlgebraError { try identicalColumns.solve(Matrix(rows: 3, columns: 1)) }?
        .isSingularOrIllConditioned == true)
    let zero = Matrix(rows: 3, columns: 3)
    #expect(linearAlgebraError { try LUDecomposition(zero) }?.isSingular == true)
    // Nearly singular: the condition check speaks, where dgetrf alone would not.
    let nearly = try Matrix(rowArrays: [[1, 2], [1, 2 + 1e-15]])
    #expect(linearAlgebraError { try LUDecomposition(nearly) }?.isIllConditioned == true)
    #expect(throws: Never.self) { try LUDecomposition(nearly, minimumReciprocalCondition: 0) }
    // Shapes and values.
    #expect(
      linearAlgebraError { try LUDecomposition(Matrix(rows: 3, columns: 2)) }?.isShapeMismatch
        == true)
    var inf = Matrix.identity(4)
    inf[0, 3] = -.infinity
    #expect(linearAlgebraError { try inf.inverse() }?.nonFinitePosition ?? (-1, -1) == (0, 3))
    let lu = try LUDecomposition(Matrix.identity(3))
    #expect(
      linearAlgebraError { try lu.solve(Matrix(rows: 4, columns: 1)) }?.isShapeMismatch == true)
    var rhs = Matrix(rows: 3, columns: 1)
    rhs[2, 0] = .nan
    #expect(linearAlgebraError { try lu.solve(rhs) }?.nonFinitePosition ?? (-1, -1) == (2, 0))
  }

  // MARK: Least squares

  @Test func leastSquaresMatchesNumpyLstsq() throws {
    var worst = WorstError("least squares: solution, (AᵀA)⁻¹, R")
    for c in try FixtureLoader.fixtures().leastSquares {
      let a = c.a.value
      let qr = try QRDecomposition(a)
      worst.note(
        expectClose(try qr.solve(c.rhs.value), c.solution.value, "\(c.name) solve"),
        "\(c.name) solve")
      worst.note(
        expectClose(try a.leastSquares(c.rhs.value), c.solution.value, "\(c.name) leastSquares"),
        "\(c.name) solve")
      worst.note(
        expectClose(
          try qr.solve(c.rhs.value.column(0)), c.solution.value.column(0), "\(c.name) vector"),
        "\(c.name) vector")
      worst.note(
        expectClose(try qr.inverseCrossProduct(), c.inverseCrossProduct.value, "\(c.name) (AᵀA)⁻¹"),
        "\(c.name) (AᵀA)⁻¹")
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
      worst.note(
        expectClose(
          (1 / scale) * rtr, (1 / scale) * c.crossProduct.value, "\(c.name) RᵀR / max|AᵀA|"),
        "\(c.name) RᵀR")
    }
    worst.report()
  }

  @Test func leastSquaresRejectsBadInput() throws {
    // Two identical columns.
    let x = try Matrix(columnArrays: [
      [1, 1, 1, 1, 1], [1, 2, 3, 4, 5], [0.5, 0.1, 0.9, 0.2, 0.7], [1, 2, 3, 4, 5],
    ])
    let error = linearAlgebraError { try QRDecomposition(x) }
    #expect(error?.isSingularOrIllConditioned == true, "\(String(describing: error))")
    // An exactly zero column gives an exactly zero diagonal of R.
    var zeroColumn = x
    try zeroColumn.setColumn(3, [0, 0, 0, 0, 0])
    #expect(
      linearAlgebraError { try zeroColumn.leastSquares(Matrix(rows: 5, columns: 1)) }?.isSingular
        == true)
    // Wide: fewer rows than columns.
    #expect(
      linearAlgebraError { try QRDecomposition(Matrix(rows: 2, columns: 3)) }?.isInsufficientData
        == true)
    // Shapes and values.
    var nan = x
    nan[4, 2] = .nan
    #expect(
      linearAlgebraError { try QRDecomposition(nan) }?.nonFinitePosition ?? (-1, -1) == (4, 2))
    let qr = try QRDecomposition(x.selectingColumns([0, 1, 2]))
    #expect(
      linearAlgebraError { try qr.solve(Matrix(rows: 4, columns: 1)) }?.isShapeMismatch == true)
    #expect(linearAlgebraError { try qr.solve([1, 2, 3]) }?.isShapeMismatch == true)
    var rhs = Matrix(rows: 5, columns: 2)
    rhs[3, 1] = .infinity
    #expect(linearAlgebraError { try qr.solve(rhs) }?.nonFinitePosition ?? (-1, -1) == (3, 1))
  }
}
