internal import CLAPACK

/// Matrix products through BLAS (dgemm, dgemv, dsyrk).
extension Matrix {
  /// `op(A) · op(B)`, with `op` the transpose when the flag is set (BLAS dgemm).
  /// Throws when the inner dimensions differ.
  public func multiplied(
    by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false
  ) throws(LinearAlgebraError) -> Matrix {
    let m = transposingSelf ? columns : rows
    let k = transposingSelf ? rows : columns
    let k2 = transposingOther ? other.columns : other.rows
    let n = transposingOther ? other.rows : other.columns
    guard k == k2 else {
      throw .shapeMismatch(
        operation: "matrix product",
        left: .init(rows: m, columns: k), right: .init(rows: k2, columns: n))
    }
    var result = Matrix(rows: m, columns: n)
    guard m > 0, n > 0, k > 0 else { return result }
    BLASRuntime.ensureConfigured()
    storage.withUnsafeBufferPointer { a in
      other.storage.withUnsafeBufferPointer { b in
        result.storage.withUnsafeMutableBufferPointer { c in
          cblas_dgemm(
            CblasColMajor, transposingSelf ? CblasTrans : CblasNoTrans,
            transposingOther ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1.0, a.baseAddress, Int32(max(rows, 1)),
            b.baseAddress, Int32(max(other.rows, 1)), 0.0, c.baseAddress, Int32(max(m, 1)))
        }
      }
    }
    return result
  }

  /// `A · B`; throws on mismatched inner dimensions.
  public static func * (lhs: Matrix, rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
    try lhs.multiplied(by: rhs)
  }

  /// `op(A) · x` (BLAS dgemv); throws when `x` has the wrong length.
  public func multiplied(by vector: [Double], transposingSelf: Bool = false)
    throws(LinearAlgebraError) -> [Double]
  {
    let inner = transposingSelf ? rows : columns
    let outer = transposingSelf ? columns : rows
    guard vector.count == inner else {
      throw .shapeMismatch(
        operation: "matrix-vector product", left: .init(rows: outer, columns: inner),
        right: .init(rows: vector.count, columns: 1))
    }
    var result = [Double](repeating: 0, count: outer)
    guard outer > 0, inner > 0 else { return result }
    BLASRuntime.ensureConfigured()
    storage.withUnsafeBufferPointer { a in
      vector.withUnsafeBufferPointer { x in
        result.withUnsafeMutableBufferPointer { y in
          cblas_dgemv(
            CblasColMajor, transposingSelf ? CblasTrans : CblasNoTrans, Int32(rows), Int32(columns),
            1.0, a.baseAddress, Int32(max(rows, 1)), x.baseAddress, 1, 0.0, y.baseAddress, 1)
        }
      }
    }
    return result
  }

  /// The cross-product `AᵀA` (BLAS dsyrk on the upper triangle, then mirrored), scaled by `scale`.
  public func crossProduct(scale: Double = 1) -> Matrix {
    var result = Matrix(rows: columns, columns: columns)
    guard columns > 0, rows > 0 else { return result }
    BLASRuntime.ensureConfigured()
    storage.withUnsafeBufferPointer { a in
      result.storage.withUnsafeMutableBufferPointer { c in
        cblas_dsyrk(
          CblasColMajor, CblasUpper, CblasTrans, Int32(columns), Int32(rows), scale, a.baseAddress,
          Int32(rows), 0.0, c.baseAddress, Int32(columns))
      }
    }
    result.mirrorUpperToLower()
    return result
  }

  /// Copies the upper triangle onto the lower one.
  internal mutating func mirrorUpperToLower() {
    let n = rows
    for j in 0..<n {
      for i in (j + 1)..<max(n, j + 1) { storage[i + j * n] = storage[j + i * n] }
    }
  }
}

/// The dot product of two equally long vectors (no BLAS call: short vectors are faster inline).
@inlinable
public func dot(_ x: [Double], _ y: [Double]) -> Double {
  var s = 0.0
  for k in 0..<min(x.count, y.count) { s += x[k] * y[k] }
  return s
}
