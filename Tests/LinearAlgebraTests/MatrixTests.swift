import Foundation
import TestSupport
import Testing

@testable import LinearAlgebra

/// Construction, element access, value semantics, transpose, row/column selection and the
/// element-wise operators of `Matrix`.
@Suite("Matrix")
struct MatrixTests {
  /// 3×2, element (i, j) = 10(i+1) + (j+1).
  let m = try! Matrix(rowArrays: [[11, 12], [21, 22], [31, 32]])

  @Test func storageIsColumnMajor() throws {
    #expect(m.rows == 3 && m.columns == 2)
    #expect(m.storage == [11, 21, 31, 12, 22, 32])
    #expect(m[2, 1] == 32)
    #expect(m.column(1) == [12, 22, 32])
    #expect(m.row(1) == [21, 22])
    #expect(m.diagonal == [11, 22])
    #expect(!m.isSquare)
    #expect(m.shape == .init(rows: 3, columns: 2))
  }

  @Test func initialisersAgree() throws {
    let byColumns = try Matrix(columnArrays: [[11, 21, 31], [12, 22, 32]])
    let byStorage = try Matrix(rows: 3, columns: 2, columnMajor: [11, 21, 31, 12, 22, 32])
    #expect(byColumns == m)
    #expect(byStorage == m)
    #expect(Matrix(rows: 2, columns: 3, repeating: 7).storage == Array(repeating: 7, count: 6))
    #expect(Matrix(rows: -1, columns: 3).shape == .init(rows: 0, columns: 3))
    #expect(Matrix.identity(3) == Matrix.diagonal([1, 1, 1]))
    #expect(Matrix.diagonal([2, 3]).storage == [2, 0, 0, 3])
    #expect(try Matrix(rowArrays: []).shape == .init(rows: 0, columns: 0))
  }

  @Test func initialisersRejectRaggedOrMiscountedInput() {
    #expect(
      expectError(LinearAlgebraError.self) {
        try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3])
      }?
      .isInvalidArgument == true)
    #expect(
      expectError(LinearAlgebraError.self) { try Matrix(rowArrays: [[1, 2], [3]]) }?
        .isInvalidArgument == true)
    #expect(
      expectError(LinearAlgebraError.self) { try Matrix(columnArrays: [[1, 2], [3]]) }?
        .isInvalidArgument == true)
  }

  @Test func copiesAreIndependentValues() throws {
    let original = m
    var copy = original
    // Copy-on-write: the copy shares the buffer until it is written to…
    let sharedBefore = original.storage.withUnsafeBufferPointer { a in
      copy.storage.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
    }
    #expect(sharedBefore)
    copy[0, 0] = -1
    try copy.setColumn(1, [0, 0, 0])
    // …and the write leaves the original alone.
    let sharedAfter = original.storage.withUnsafeBufferPointer { a in
      copy.storage.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
    }
    #expect(!sharedAfter)
    #expect(original == m)
    #expect(original[0, 0] == 11)
    #expect(copy.storage == [-1, 21, 31, 0, 0, 0])
    // Operations return new values and leave their operands unchanged.
    _ = try original + copy
    _ = 2 * original
    _ = original.transposed
    _ = try original.standardized()
    #expect(original == m)
  }

  @Test func setColumnChecksLengthAndIndex() throws {
    var a = m
    #expect(
      expectError(LinearAlgebraError.self) { try a.setColumn(0, [1, 2]) }?.isInvalidArgument == true
    )
    #expect(
      expectError(LinearAlgebraError.self) { try a.setColumn(2, [1, 2, 3]) }?.isInvalidArgument
        == true)
    #expect(
      expectError(LinearAlgebraError.self) { try a.setColumn(-1, [1, 2, 3]) }?.isInvalidArgument
        == true)
    #expect(a == m)
  }

  @Test func transpose() throws {
    let t = m.transposed
    #expect(t.shape == .init(rows: 2, columns: 3))
    #expect(t == (try Matrix(rowArrays: [[11, 21, 31], [12, 22, 32]])))
    #expect(t.transposed == m)
    let row = try Matrix(rowArrays: [[1, 2, 3, 4]])
    #expect(row.transposed == (try Matrix(columnArrays: [[1, 2, 3, 4]])))
    #expect(Matrix(rows: 0, columns: 3).transposed.shape == .init(rows: 3, columns: 0))
    // Against numpy: (Aᵀ)·B computed by transposing first equals the fixture's Aᵀ·B.
    for c in try FixtureLoader.fixtures().matrixProducts where c.transposeA && !c.transposeB {
      expectClose(
        try c.a.value.transposed * c.b.value, c.expected.value,
        tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne, "\(c.name) via transposed"
      )
    }
  }

  @Test func selectingRowsGathersWithRepeats() throws {
    let s = try m.selectingRows([2, 0, 2, 2, 1])
    #expect(s == (try Matrix(rowArrays: [[31, 32], [11, 12], [31, 32], [31, 32], [21, 22]])))
    #expect(try m.selectingRows([]).shape == .init(rows: 0, columns: 2))
    #expect(try m.selectingRows([0, 1, 2]) == m)
  }

  @Test func selectingRowsRejectsOutOfRangeIndices() {
    for bad in [[3], [-1], [0, 1, 7], [Int.max]] {
      #expect(
        expectError(LinearAlgebraError.self) { try m.selectingRows(bad) }?.isInvalidArgument
          == true, "\(bad)")
    }
  }

  @Test func selectingColumnsAndSubmatrix() throws {
    #expect(
      try m.selectingColumns([1, 1, 0])
        == (try Matrix(columnArrays: [[12, 22, 32], [12, 22, 32], [11, 21, 31]])))
    #expect(
      expectError(LinearAlgebraError.self) { try m.selectingColumns([2]) }?.isInvalidArgument
        == true)
    #expect(
      expectError(LinearAlgebraError.self) { try m.selectingColumns([-1]) }?.isInvalidArgument
        == true)
    #expect(try m.submatrix(rows: [2, 0], columns: [1]) == (try Matrix(rowArrays: [[32], [12]])))
  }

  @Test func checkFiniteNamesTheFirstBadElement() throws {
    var a = Matrix(rows: 4, columns: 3, repeating: 1)
    #expect(throws: Never.self) { try a.checkFinite("test") }
    a[2, 1] = .nan
    a[3, 2] = .infinity
    #expect(
      expectError(LinearAlgebraError.self) { try a.checkFinite("test") }?.nonFinitePosition ?? (
        -1, -1
      ) == (2, 1))
    var b = Matrix(rows: 1, columns: 5)
    b[0, 3] = -.infinity
    #expect(
      expectError(LinearAlgebraError.self) { try b.checkFinite("test") }?.nonFinitePosition ?? (
        -1, -1
      ) == (0, 3))
    let error = expectError(LinearAlgebraError.self) { try a.checkFinite("test") }
    #expect(error?.description.contains("row 3, column 2") == true)  // one-based for people
  }

  @Test func elementwiseOperators() throws {
    let a = try Matrix(rowArrays: [[1, 2], [3, 4]])
    let b = try Matrix(rowArrays: [[0.5, -1], [2, 8]])
    #expect(try a + b == (try Matrix(rowArrays: [[1.5, 1], [5, 12]])))
    #expect(try a - b == (try Matrix(rowArrays: [[0.5, 3], [1, -4]])))
    #expect(-2 * a == (try Matrix(rowArrays: [[-2, -4], [-6, -8]])))
    #expect(try a.maxAbsoluteDifference(b) == 4)
  }

  @Test func elementwiseOperatorsRejectShapeMismatch() {
    let a = Matrix(rows: 2, columns: 3)
    let b = Matrix(rows: 3, columns: 2)
    #expect(expectError(LinearAlgebraError.self) { try a + b }?.isShapeMismatch == true)
    #expect(expectError(LinearAlgebraError.self) { try a - b }?.isShapeMismatch == true)
    #expect(
      expectError(LinearAlgebraError.self) { try a.maxAbsoluteDifference(b) }?.isShapeMismatch
        == true)
  }
}
