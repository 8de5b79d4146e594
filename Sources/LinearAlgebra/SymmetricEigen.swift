internal import CLAPACK

/// The eigendecomposition `A = V diag(λ) Vᵀ` of a symmetric matrix (LAPACK dsyevd, divide and
/// conquer). Eigenvalues are in ascending order; eigenvector `k` is column `k` of `vectors`.
/// Each eigenvector's sign is fixed so that its largest-magnitude element is positive, which
/// makes the result comparable across implementations.
public struct SymmetricEigen: Sendable {
  /// The eigenvalues, ascending.
  public let values: [Double]
  /// The orthonormal eigenvectors, one per column.
  public let vectors: Matrix

  /// Decomposes `matrix`; only its lower triangle is read.
  public init(_ matrix: Matrix, computeVectors: Bool = true) throws(LinearAlgebraError) {
    try LAPACK.requireSquareFinite(matrix, "symmetric eigendecomposition")
    BLASRuntime.ensureConfigured()
    var a = matrix
    var n = Int32(matrix.rows)
    var lda = max(n, 1)
    var info: Int32 = 0
    var w = [Double](repeating: 0, count: Int(n))
    guard n > 0 else {
      values = []
      vectors = a
      return
    }
    var lwork: Int32 = -1
    var liwork: Int32 = -1
    var workQuery = 0.0
    var iworkQuery: Int32 = 0
    let jobz: Character = computeVectors ? "V" : "N"
    LAPACK.withCharacter(jobz) { job in
      LAPACK.withCharacter("L") { uplo in
        a.storage.withUnsafeMutableBufferPointer {
          dsyevd_(
            job, uplo, &n, $0.baseAddress, &lda, &w, &workQuery, &lwork, &iworkQuery, &liwork,
            &info, 1, 1)
        }
      }
    }
    try LAPACK.check("dsyevd", info)
    lwork = Int32(workQuery)
    liwork = max(iworkQuery, 1)
    var work = [Double](repeating: 0, count: Int(max(lwork, 1)))
    var iwork = [Int32](repeating: 0, count: Int(liwork))
    LAPACK.withCharacter(jobz) { job in
      LAPACK.withCharacter("L") { uplo in
        a.storage.withUnsafeMutableBufferPointer {
          dsyevd_(
            job, uplo, &n, $0.baseAddress, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        }
      }
    }
    try LAPACK.check("dsyevd", info)
    if info > 0 {
      throw .singular(
        operation: "symmetric eigendecomposition", detail: "did not converge (\(info))")
    }
    if computeVectors {
      for k in 0..<Int(n) {
        var largest = 0.0
        for i in 0..<Int(n) where abs(a[i, k]) > abs(largest) { largest = a[i, k] }
        if largest < 0 {
          for i in 0..<Int(n) { a[i, k] = -a[i, k] }
        }
      }
    }
    self.values = w
    self.vectors = computeVectors ? a : Matrix(rows: 0, columns: 0)
  }
}
