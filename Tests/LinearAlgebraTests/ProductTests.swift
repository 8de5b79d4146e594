import Foundation
import TestSupport
import Testing

@testable import LinearAlgebra

/// BLAS products (dgemm, dgemv, dsyrk) against numpy's `@`.
@Suite("Products")
struct ProductTests {
  @Test func matrixProductsMatchNumpy() throws {
    var worst = ToleranceTracker(
      "A·B, Aᵀ·B, A·Bᵀ, Aᵀ·Bᵀ", tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().matrixProducts {
      let product = try c.a.value.multiplied(
        by: c.b.value, transposingSelf: c.transposeA, transposingOther: c.transposeB)
      worst.check(product, c.expected.value, c.name)
      if !c.transposeA && !c.transposeB {
        worst.check(try c.a.value * c.b.value, c.expected.value, "\(c.name) (*)")
      }
    }
    worst.report()
  }

  @Test func matrixVectorProductsMatchNumpy() throws {
    var worst = ToleranceTracker(
      "A·x, Aᵀ·x", tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().matrixVectorProducts {
      let product = try c.a.value.multiplied(by: c.x, transposingSelf: c.transpose)
      worst.check(product, c.expected, c.name)
    }
    worst.report()
  }

  @Test func crossProductsMatchNumpy() throws {
    var worst = ToleranceTracker(
      "AᵀA", tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().crossProducts {
      let product = c.a.value.crossProduct()
      worst.check(product, c.expected.value, c.name)
      // dsyrk fills one triangle; the other is mirrored, so the result is exactly symmetric.
      #expect(product == product.transposed, "\(c.name)")
      let scaled = c.a.value.crossProduct(scale: 0.25)
      worst.check(scaled, 0.25 * c.expected.value, "\(c.name) scaled")
    }
    worst.report()
  }

  @Test func smallProductsByHand() throws {
    let a = try Matrix(rowArrays: [[1, 2, 3], [4, 5, 6]])
    let b = try Matrix(rowArrays: [[7, 8], [9, 10], [11, 12]])
    #expect(try a * b == (try Matrix(rowArrays: [[58, 64], [139, 154]])))
    #expect(try a.multiplied(by: [1, 0, -1]) == [-2, -2])
    #expect(try a.multiplied(by: [1, -1], transposingSelf: true) == [-3, -3, -3])
    #expect(
      a.crossProduct() == (try Matrix(rowArrays: [[17, 22, 27], [22, 29, 36], [27, 36, 45]])))
    #expect(dot([1, 2, 3], [4, 5, 6]) == 32)
  }

  @Test func emptyInnerDimensionGivesZeros() throws {
    let a = Matrix(rows: 3, columns: 0)
    let b = Matrix(rows: 0, columns: 2)
    #expect(try a * b == Matrix(rows: 3, columns: 2))
    #expect(try a.multiplied(by: []) == [0, 0, 0])
    #expect(Matrix(rows: 0, columns: 2).crossProduct() == Matrix(rows: 2, columns: 2))
  }

  @Test func productsRejectMismatchedShapes() {
    let a = Matrix(rows: 2, columns: 3)
    let b = Matrix(rows: 2, columns: 3)
    #expect(expectError(LinearAlgebraError.self) { try a * b }?.isShapeMismatch == true)
    #expect(
      expectError(LinearAlgebraError.self) { try a.multiplied(by: b, transposingOther: false) }?
        .isShapeMismatch
        == true)
    #expect(
      expectError(LinearAlgebraError.self) {
        try a.multiplied(by: b, transposingSelf: true, transposingOther: true)
      }?
      .isShapeMismatch == true)
    #expect(
      expectError(LinearAlgebraError.self) { try a.multiplied(by: [1, 2]) }?.isShapeMismatch == true
    )
    #expect(
      expectError(LinearAlgebraError.self) {
        try a.multiplied(by: [1, 2, 3], transposingSelf: true)
      }?.isShapeMismatch
        == true)
    // The compatible combinations go through.
    #expect(throws: Never.self) { try a.multiplied(by: b, transposingSelf: true) }
    #expect(throws: Never.self) { try a.multiplied(by: b, transposingOther: true) }
  }
}
