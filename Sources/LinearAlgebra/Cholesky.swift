internal import CLAPACK
import Foundation

/// The Cholesky factorisation `A = LLᵀ` of a symmetric positive-definite matrix (LAPACK dpotrf),
/// with solves (dpotrs), the inverse (dpotri) and a reciprocal condition estimate (dpocon).
public struct Cholesky: Sendable {
  /// The factor, column-major, lower triangle meaningful.
  public let factor: Matrix
  /// The 1-norm reciprocal condition estimate of `A`.
  public let reciprocalCondition: Double

  /// Factorises `matrix`. Only the lower triangle is read.
  ///
  /// Throws ``LinearAlgebraError/singular(operation:detail:)`` when the matrix is not positive
  /// definite, and ``LinearAlgebraError/illConditioned(operation:reciprocalCondition:threshold:)``
  /// when the reciprocal condition number is below `minimumReciprocalCondition`.
  public init(_ matrix: Matrix, minimumReciprocalCondition: Double = 1e-14)
    throws(LinearAlgebraError)
  {
    try LAPACK.requireSquareFinite(matrix, "Cholesky")
    BLASRuntime.ensureConfigured()
    var a = matrix
    var n = Int32(matrix.rows)
    var lda = max(n, 1)
    var info: Int32 = 0
    var work = [Double](repeating: 0, count: max(1, 3 * Int(n)))
    var iwork = [Int32](repeating: 0, count: max(1, Int(n)))
    let anorm = LAPACK.withCharacter("1") { norm in
      LAPACK.withCharacter("L") { uplo in
        a.storage.withUnsafeBufferPointer {
          dlansy_(norm, uplo, &n, $0.baseAddress, &lda, &work, 1, 1)
        }
      }
    }
    LAPACK.withCharacter("L") { uplo in
      a.storage.withUnsafeMutableBufferPointer { dpotrf_(uplo, &n, $0.baseAddress, &lda, &info, 1) }
    }
    try LAPACK.check("dpotrf", info)
    if info > 0 {
      throw .singular(
        operation: "Cholesky", detail: "not positive definite (leading minor \(info))")
    }
    var rcond = 0.0
    var anormValue = anorm
    LAPACK.withCharacter("L") { uplo in
      a.storage.withUnsafeBufferPointer {
        dpocon_(uplo, &n, $0.baseAddress, &lda, &anormValue, &rcond, &work, &iwork, &info, 1)
      }
    }
    try LAPACK.check("dpocon", info)
    if n > 0 && rcond < minimumReciprocalCondition {
      throw .illConditioned(
        operation: "Cholesky", reciprocalCondition: rcond, threshold: minimumReciprocalCondition)
    }
    // Zero the upper triangle so `factor` is exactly L.
    for j in 0..<a.columns {
      for i in 0..<j { a[i, j] = 0 }
    }
    self.factor = a
    self.reciprocalCondition = n > 0 ? rcond : 1
  }

  /// Solves `A X = B` for every column of `rhs`.
  public func solve(_ rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
    guard rhs.rows == factor.rows else {
      throw .shapeMismatch(operation: "Cholesky solve", left: factor.shape, right: rhs.shape)
    }
    try rhs.checkFinite("Cholesky solve")
    var b = rhs
    var n = Int32(factor.rows)
    var nrhs = Int32(rhs.columns)
    var lda = max(n, 1)
    var ldb = max(n, 1)
    var info: Int32 = 0
    guard n > 0, nrhs > 0 else { return b }
    LAPACK.withCharacter("L") { uplo in
      factor.storage.withUnsafeBufferPointer { a in
        b.storage.withUnsafeMutableBufferPointer {
          dpotrs_(uplo, &n, &nrhs, a.baseAddress, &lda, $0.baseAddress, &ldb, &info, 1)
        }
      }
    }
    try LAPACK.check("dpotrs", info)
    return b
  }

  /// Solves `A x = b`.
  public func solve(_ rhs: [Double]) throws(LinearAlgebraError) -> [Double] {
    try solve(Matrix(rows: rhs.count, columns: 1, columnMajor: rhs)).storage
  }

  /// The inverse `A⁻¹`, symmetric.
  public func inverse() throws(LinearAlgebraError) -> Matrix {
    var a = factor
    var n = Int32(factor.rows)
    var lda = max(n, 1)
    var info: Int32 = 0
    guard n > 0 else { return a }
    LAPACK.withCharacter("L") { uplo in
      a.storage.withUnsafeMutableBufferPointer { dpotri_(uplo, &n, $0.baseAddress, &lda, &info, 1) }
    }
    try LAPACK.check("dpotri", info)
    if info > 0 {
      throw .singular(
        operation: "SPD inverse", detail: "zero diagonal element \(info) in the factor")
    }
    // Mirror the lower triangle to the upper.
    for j in 0..<a.columns {
      for i in 0..<j { a[i, j] = a[j, i] }
    }
    return a
  }

  /// The log-determinant of `A`: `2 Σ log Lᵢᵢ`.
  public var logDeterminant: Double {
    var s = 0.0
    for i in 0..<factor.rows { s += log(factor[i, i]) }
    return 2 * s
  }
}

extension Matrix {
  /// The inverse of a symmetric positive-definite matrix, through Cholesky.
  public func inverseSPD(minimumReciprocalCondition: Double = 1e-14) throws(LinearAlgebraError)
    -> Matrix
  {
    try Cholesky(self, minimumReciprocalCondition: minimumReciprocalCondition).inverse()
  }

  /// Solves `A X = B` for symmetric positive-definite `A` (this matrix).
  public func solveSPD(_ rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
    try Cholesky(self).solve(rhs)
  }
}
