internal import CLAPACK

/// The QR factorisation `A = QR` of a tall matrix (LAPACK dgeqrf) and least-squares solves
/// through it (dormqr, dtrtrs), with a rank check on `R` (dtrcon).
///
/// dgels alone flags only exactly rank-deficient matrices; near-collinear columns then give
/// huge coefficients silently. This type estimates the reciprocal condition number of `R` and
/// throws ``LinearAlgebraError/illConditioned(operation:reciprocalCondition:threshold:)`` when it
/// falls below the threshold, naming the problem instead of returning noise.
public struct QRDecomposition: Sendable {
  /// R above the diagonal and the Householder vectors below it, as dgeqrf returns them.
  public let packed: Matrix
  /// The Householder scalars.
  public let tau: [Double]
  /// The 1-norm reciprocal condition estimate of `R` (equal to that of `A` in the 2-norm sense
  /// up to a modest factor).
  public let reciprocalCondition: Double

  /// Factorises `matrix` (rows ≥ columns). Throws when it is wide, non-finite, or when `R`'s
  /// reciprocal condition number is below `minimumReciprocalCondition`.
  public init(_ matrix: Matrix, minimumReciprocalCondition: Double = 1e-12)
    throws(LinearAlgebraError)
  {
    guard matrix.rows >= matrix.columns else {
      throw .insufficientData(
        operation: "least squares", required: matrix.columns, available: matrix.rows)
    }
    try matrix.checkFinite("least squares")
    BLASRuntime.ensureConfigured()
    var a = matrix
    var m = Int32(matrix.rows)
    var n = Int32(matrix.columns)
    var lda = max(m, 1)
    var info: Int32 = 0
    var tau = [Double](repeating: 0, count: max(1, Int(n)))
    var lwork = Int32(max(1, 64 * Int(n)))
    var work = [Double](repeating: 0, count: Int(lwork))
    if n > 0 {
      a.storage.withUnsafeMutableBufferPointer {
        dgeqrf_(&m, &n, $0.baseAddress, &lda, &tau, &work, &lwork, &info)
      }
      try LAPACK.check("dgeqrf", info)
    }
    var rcond = 1.0
    if n > 0 {
      for j in 0..<Int(n) where a[j, j] == 0 {
        throw .singular(
          operation: "least squares",
          detail: "column \(j + 1) is a linear combination of the others")
      }
      var iwork = [Int32](repeating: 0, count: Int(n))
      var work3 = [Double](repeating: 0, count: 3 * Int(n))
      LAPACK.withCharacter("1") { norm in
        LAPACK.withCharacter("U") { uplo in
          LAPACK.withCharacter("N") { diag in
            a.storage.withUnsafeBufferPointer {
              dtrcon_(
                norm, uplo, diag, &n, $0.baseAddress, &lda, &rcond, &work3, &iwork, &info, 1, 1, 1)
            }
          }
        }
      }
      try LAPACK.check("dtrcon", info)
    }
    if rcond < minimumReciprocalCondition {
      throw .illConditioned(
        operation: "least squares", reciprocalCondition: rcond,
        threshold: minimumReciprocalCondition)
    }
    self.packed = a
    self.tau = tau
    self.reciprocalCondition = rcond
  }

  /// The upper-triangular factor `R` (columns × columns).
  public var r: Matrix {
    var result = Matrix(rows: packed.columns, columns: packed.columns)
    for j in 0..<packed.columns {
      for i in 0...j where j < packed.columns { result[i, j] = packed[i, j] }
    }
    return result
  }

  /// The least-squares solution `argmin ‖A X − B‖` for each column of `rhs`.
  public func solve(_ rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
    guard rhs.rows == packed.rows else {
      throw .shapeMismatch(operation: "least squares", left: packed.shape, right: rhs.shape)
    }
    try rhs.checkFinite("least squares")
    var c = rhs
    var m = Int32(packed.rows)
    var n = Int32(packed.columns)
    var k = Int32(packed.columns)
    var nrhs = Int32(rhs.columns)
    var lda = max(m, 1)
    var ldc = max(m, 1)
    var info: Int32 = 0
    guard n > 0, nrhs > 0 else { return Matrix(rows: Int(n), columns: Int(nrhs)) }
    var lwork = Int32(max(1, 64 * Int(nrhs)))
    var work = [Double](repeating: 0, count: Int(lwork))
    LAPACK.withCharacter("L") { side in
      LAPACK.withCharacter("T") { trans in
        packed.storage.withUnsafeBufferPointer { a in
          c.storage.withUnsafeMutableBufferPointer { cp in
            dormqr_(
              side, trans, &m, &nrhs, &k, a.baseAddress, &lda, tau, cp.baseAddress, &ldc, &work,
              &lwork, &info, 1, 1)
          }
        }
      }
    }
    try LAPACK.check("dormqr", info)
    LAPACK.withCharacter("U") { uplo in
      LAPACK.withCharacter("N") { trans in
        LAPACK.withCharacter("N") { diag in
          packed.storage.withUnsafeBufferPointer { a in
            c.storage.withUnsafeMutableBufferPointer { cp in
              dtrtrs_(
                uplo, trans, diag, &n, &nrhs, a.baseAddress, &lda, cp.baseAddress, &ldc, &info, 1,
                1, 1)
            }
          }
        }
      }
    }
    try LAPACK.check("dtrtrs", info)
    if info > 0 {
      throw .singular(operation: "least squares", detail: "R(\(info),\(info)) is zero")
    }
    var x = Matrix(rows: Int(n), columns: Int(nrhs))
    for j in 0..<Int(nrhs) {
      for i in 0..<Int(n) { x[i, j] = c[i, j] }
    }
    return x
  }

  /// The least-squares solution for one right-hand side.
  public func solve(_ rhs: [Double]) throws(LinearAlgebraError) -> [Double] {
    try solve(Matrix(rows: rhs.count, columns: 1, columnMajor: rhs)).storage
  }

  /// `(AᵀA)⁻¹ = R⁻¹R⁻ᵀ`, the unscaled covariance of least-squares coefficients.
  public func inverseCrossProduct() throws(LinearAlgebraError) -> Matrix {
    let n = packed.columns
    // Solve R X = I for X = R⁻¹, then X Xᵀ.
    var rInverse = Matrix.identity(n)
    var nn = Int32(n)
    var lda = Int32(max(packed.rows, 1))
    var ldb = Int32(max(n, 1))
    var info: Int32 = 0
    guard n > 0 else { return rInverse }
    LAPACK.withCharacter("U") { uplo in
      LAPACK.withCharacter("N") { trans in
        LAPACK.withCharacter("N") { diag in
          packed.storage.withUnsafeBufferPointer { a in
            rInverse.storage.withUnsafeMutableBufferPointer { b in
              dtrtrs_(
                uplo, trans, diag, &nn, &nn, a.baseAddress, &lda, b.baseAddress, &ldb, &info, 1, 1,
                1)
            }
          }
        }
      }
    }
    try LAPACK.check("dtrtrs", info)
    return try rInverse.multiplied(by: rInverse, transposingOther: true)
  }
}

extension Matrix {
  /// The least-squares solution of `A X ≈ B` (this matrix is `A`) through QR.
  public func leastSquares(_ rhs: Matrix, minimumReciprocalCondition: Double = 1e-12)
    throws(LinearAlgebraError) -> Matrix
  {
    try QRDecomposition(self, minimumReciprocalCondition: minimumReciprocalCondition).solve(rhs)
  }
}
