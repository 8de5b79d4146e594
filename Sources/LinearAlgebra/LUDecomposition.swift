internal import CLAPACK

/// The LU factorisation `PA = LU` of a general square matrix (LAPACK dgetrf), with its
/// reciprocal condition estimate (dgecon), solves (dgetrs) and inverse (dgetri).
public struct LUDecomposition: Sendable {
  /// L and U packed, as dgetrf returns them.
  public let packed: Matrix
  /// The pivot indices, one-based as LAPACK gives them.
  public let pivots: [Int32]
  /// The 1-norm reciprocal condition estimate of `A`.
  public let reciprocalCondition: Double

  /// Factorises `matrix`; throws when it is singular or its reciprocal condition number is
  /// below `minimumReciprocalCondition`.
  public init(_ matrix: Matrix, minimumReciprocalCondition: Double = 1e-14)
    throws(LinearAlgebraError)
  {
    try LAPACK.requireSquareFinite(matrix, "LU")
    BLASRuntime.ensureConfigured()
    var a = matrix
    var n = Int32(matrix.rows)
    var lda = max(n, 1)
    var info: Int32 = 0
    var ipiv = [Int32](repeating: 0, count: max(1, Int(n)))
    var work = [Double](repeating: 0, count: max(1, 4 * Int(n)))
    var iwork = [Int32](repeating: 0, count: max(1, Int(n)))
    var anorm = LAPACK.withCharacter("1") { norm in
      a.storage.withUnsafeBufferPointer { dlange_(norm, &n, &n, $0.baseAddress, &lda, &work, 1) }
    }
    if n > 0 {
      a.storage.withUnsafeMutableBufferPointer {
        dgetrf_(&n, &n, $0.baseAddress, &lda, &ipiv, &info)
      }
    }
    try LAPACK.check("dgetrf", info)
    if info > 0 { throw .singular(operation: "LU", detail: "U(\(info),\(info)) is exactly zero") }
    var rcond = 1.0
    if n > 0 {
      LAPACK.withCharacter("1") { norm in
        a.storage.withUnsafeBufferPointer {
          dgecon_(norm, &n, $0.baseAddress, &lda, &anorm, &rcond, &work, &iwork, &info, 1)
        }
      }
      try LAPACK.check("dgecon", info)
    }
    if rcond < minimumReciprocalCondition {
      throw .illConditioned(
        operation: "LU", reciprocalCondition: rcond, threshold: minimumReciprocalCondition)
    }
    self.packed = a
    self.pivots = ipiv
    self.reciprocalCondition = rcond
  }

  /// Solves `A X = B`.
  public func solve(_ rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
    guard rhs.rows == packed.rows else {
      throw .shapeMismatch(operation: "LU solve", left: packed.shape, right: rhs.shape)
    }
    try rhs.checkFinite("LU solve")
    var b = rhs
    var n = Int32(packed.rows)
    var nrhs = Int32(rhs.columns)
    var lda = max(n, 1)
    var info: Int32 = 0
    guard n > 0, nrhs > 0 else { return b }
    LAPACK.withCharacter("N") { trans in
      packed.storage.withUnsafeBufferPointer { a in
        b.storage.withUnsafeMutableBufferPointer {
          dgetrs_(trans, &n, &nrhs, a.baseAddress, &lda, pivots, $0.baseAddress, &lda, &info, 1)
        }
      }
    }
    try LAPACK.check("dgetrs", info)
    return b
  }

  /// The inverse `A⁻¹`.
  public func inverse() throws(LinearAlgebraError) -> Matrix {
    var a = packed
    var n = Int32(packed.rows)
    var lda = max(n, 1)
    var info: Int32 = 0
    guard n > 0 else { return a }
    var lwork = Int32(max(1, 64 * Int(n)))
    var work = [Double](repeating: 0, count: Int(lwork))
    a.storage.withUnsafeMutableBufferPointer {
      dgetri_(&n, $0.baseAddress, &lda, pivots, &work, &lwork, &info)
    }
    try LAPACK.check("dgetri", info)
    if info > 0 {
      throw .singular(operation: "inverse", detail: "U(\(info),\(info)) is exactly zero")
    }
    return a
  }
}

extension Matrix {
  /// The inverse of a general square matrix. Throws
  /// ``LinearAlgebraError/illConditioned(operation:reciprocalCondition:threshold:)`` when the
  /// 1-norm reciprocal condition estimate is below `minimumReciprocalCondition`.
  public func inverse(minimumReciprocalCondition: Double = 1e-14) throws(LinearAlgebraError)
    -> Matrix
  {
    try LUDecomposition(self, minimumReciprocalCondition: minimumReciprocalCondition).inverse()
  }

  /// Solves `A X = B` for a general square `A` (this matrix).
  public func solve(_ rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
    try LUDecomposition(self).solve(rhs)
  }
}
