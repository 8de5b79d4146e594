import Foundation
import TestSupport
import Testing

@testable import LinearAlgebra

/// dsyevd against `numpy.linalg.eigh`, eigenvector signs fixed by the same rule (largest-
/// magnitude element positive). The fixture's matrices have well-separated eigenvalues, so
/// the eigenvectors are determined to rounding.
@Suite("Symmetric eigendecomposition")
struct SymmetricEigenTests {
  @Test func eigenpairsMatchNumpyEigh() throws {
    var worst = ToleranceTracker(
      "eigenvalues, eigenvectors", tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().symmetricEigen {
      let eigen = try SymmetricEigen(c.a.value)
      worst.check(eigen.values, c.values, "\(c.name) values")
      worst.check(eigen.vectors, c.vectors.value, "\(c.name) vectors")
      #expect(eigen.values == eigen.values.sorted(), "\(c.name): ascending")
      let valuesOnly = try SymmetricEigen(c.a.value, computeVectors: false)
      worst.check(valuesOnly.values, c.values, "\(c.name) values only")
      #expect(valuesOnly.vectors.shape == .init(rows: 0, columns: 0))
    }
    worst.report()
  }

  @Test func signRuleMakesLargestElementPositive() throws {
    for c in try FixtureLoader.fixtures().symmetricEigen {
      let v = try SymmetricEigen(c.a.value).vectors
      for k in 0..<v.columns {
        let column = v.column(k)
        let largest = column.max { abs($0) < abs($1) } ?? 0
        #expect(largest > 0, "\(c.name) vector \(k)")
      }
    }
  }

  @Test func readsOnlyTheLowerTriangle() throws {
    let c = try #require(try FixtureLoader.fixtures().symmetricEigen.first { $0.a.value.rows == 6 })
    var a = c.a.value
    for j in 0..<a.columns {
      for i in 0..<j { a[i, j] = 99 }
    }
    let eigen = try SymmetricEigen(a)
    expectClose(
      eigen.values, c.values, tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne,
      "\(c.name) values with junk upper triangle")
    expectClose(
      eigen.vectors, c.vectors.value, tolerance: Tolerance.wellConditioned,
      measure: .relativeAboveOne, "\(c.name) vectors with junk upper triangle")
  }

  @Test func byHand() throws {
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3, vectors (1, −1)/√2 and (1, 1)/√2 (a tie in
    // magnitude: the first element decides the sign, up to rounding).
    let eigen = try SymmetricEigen(try Matrix(rowArrays: [[2, 1], [1, 2]]))
    expectClose(
      eigen.values, [1, 3], tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne,
      "values")
    let s = 0.5.squareRoot()
    expectClose(
      eigen.vectors.column(1), [s, s], tolerance: Tolerance.wellConditioned,
      measure: .relativeAboveOne, "vector of 3")
    expectClose(
      eigen.vectors.column(0).map(abs), [s, s], tolerance: Tolerance.wellConditioned,
      measure: .relativeAboveOne, "vector of 1, magnitudes")
    let empty = try SymmetricEigen(Matrix(rows: 0, columns: 0))
    #expect(empty.values.isEmpty)
  }

  @Test func rejectsBadInput() throws {
    #expect(
      expectError(LinearAlgebraError.self) { try SymmetricEigen(Matrix(rows: 3, columns: 2)) }?
        .isShapeMismatch
        == true)
    var nan = Matrix.identity(4)
    nan[3, 0] = .nan
    #expect(
      expectError(LinearAlgebraError.self) { try SymmetricEigen(nan) }?.nonFinitePosition ?? (
        -1, -1
      ) == (3, 0))
  }
}
