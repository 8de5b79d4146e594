internal import CLAPACK

/// The correlation matrix of column-major data in caller-owned buffers, without allocating:
/// the inner step of every bootstrap resample.
///
/// The data carry an extra final column of ones, so that one BLAS dgemm of the augmented
/// matrix gives both the cross-products `XᵀX` and the column sums `Xᵀ1`; then
/// `cᵢⱼ = (XᵀX)ᵢⱼ − sᵢsⱼ/n` and `rᵢⱼ = cᵢⱼ / √(cᵢᵢ cⱼⱼ)`, with an exact unit diagonal. Forming
/// `XᵀX − n x̄x̄ᵀ` loses precision when the column means are large against the spread, so
/// callers pass data already centred and scaled by the full sample's means and standard
/// deviations (correlations do not change under such shifts and scalings of whole columns);
/// a resample's means are then of order 1/√n and nothing is lost.
public enum InPlaceCorrelation {
  /// Computes the `p × p` correlation matrix of the first `p` columns of the `n × (p + 1)`
  /// column-major data at `data`, whose last column must be all ones, into `result`.
  /// `workspace` holds `(p + 1)²` doubles.
  ///
  /// Returns the index of the first column with (numerically) zero variance or a non-finite
  /// variance instead of a result, nil on success. A column counts as constant when its sum of
  /// squared deviations is below `1e-10 · n` (the data are standardised, so a real column has
  /// about `n`).
  public static func compute(
    augmentedData data: UnsafePointer<Double>, rows n: Int, columns p: Int,
    workspace g: UnsafeMutablePointer<Double>, into result: UnsafeMutablePointer<Double>
  ) -> Int? {
    BLASRuntime.ensureConfigured()
    let q = p + 1
    cblas_dgemm(
      CblasColMajor, CblasTrans, CblasNoTrans, Int32(q), Int32(q), Int32(n), 1.0, data, Int32(n),
      data, Int32(n), 0.0,
      g, Int32(q))
    let inverseN = 1 / Double(n)
    let sums = g + p * q  // column p of G: Xᵀ1 (G is symmetric)
    let threshold = 1e-10 * Double(n)
    for j in 0..<p {
      let d = g[j + j * q] - sums[j] * sums[j] * inverseN
      guard d > threshold, d.isFinite else { return j }
      result[j + j * p] = 1 / d.squareRoot()  // temporarily the inverse standard deviation
    }
    for j in 0..<p {
      let sj = sums[j] * inverseN
      let dj = result[j + j * p]
      let gj = g + j * q
      let rj = result + j * p
      for i in 0..<j {
        let r = (gj[i] - sums[i] * sj) * result[i + i * p] * dj
        rj[i] = r
        result[j + i * p] = r
      }
    }
    for j in 0..<p { result[j + j * p] = 1 }
    return nil
  }

  /// Computes the `p × p` correlation matrix from packed cross-products of the augmented data
  /// (one column of ``BatchedCrossProducts``: the upper triangle of `X̃ᵀX̃`, `X̃ = (X, 1)`,
  /// packed by columns, `(p + 1)(p + 2)/2` entries), into `result`; `n` is the number of rows
  /// (the total count). The same formulas and the same failures as
  /// ``compute(augmentedData:rows:columns:workspace:into:)``.
  public static func compute(
    packedCrossProducts g: UnsafePointer<Double>, rows n: Int, columns p: Int,
    into result: UnsafeMutablePointer<Double>
  ) -> Int? {
    let inverseN = 1 / Double(n)
    let sums = g + p * (p + 1) / 2  // column p: Xᵀ1
    let threshold = 1e-10 * Double(n)
    for j in 0..<p {
      let d = g[j * (j + 1) / 2 + j] - sums[j] * sums[j] * inverseN
      guard d > threshold, d.isFinite else { return j }
      result[j + j * p] = 1 / d.squareRoot()  // temporarily the inverse standard deviation
    }
    for j in 0..<p {
      let sj = sums[j] * inverseN
      let dj = result[j + j * p]
      let gj = g + j * (j + 1) / 2
      let rj = result + j * p
      for i in 0..<j {
        let r = (gj[i] - sums[i] * sj) * result[i + i * p] * dj
        rj[i] = r
        result[j + i * p] = r
      }
    }
    for j in 0..<p { result[j + j * p] = 1 }
    return nil
  }
}
