internal import CLAPACK

/// The correlation matrix of raw column-major data in caller-owned buffers, without
/// allocating: the inner step of every bootstrap resample.
///
/// Each column is centred in place (two-pass mean), the cross-product `XᶜᵀXᶜ` is formed by
/// BLAS dgemm (faster than dsyrk for these shapes with OpenBLAS's AVX-512 kernels, see
/// swift-notes), and scaled to `rᵢⱼ = cᵢⱼ / √(cᵢᵢ cⱼⱼ)` with an exact unit diagonal.
public enum InPlaceCorrelation {
  /// Computes the `p × p` correlation matrix of the `n × p` data at `data` into `result`.
  ///
  /// `data` is overwritten with the centred data. Returns the index of the first constant
  /// column (or the first with a non-finite value) instead of a result, nil on success.
  public static func compute(
    data: UnsafeMutablePointer<Double>, rows n: Int, columns p: Int, into result: UnsafeMutablePointer<Double>
  ) -> Int? {
    BLASRuntime.ensureConfigured()
    for j in 0..<p {
      let column = data + j * n
      var sum = 0.0
      for i in 0..<n { sum += column[i] }
      var mean = sum / Double(n)
      var correction = 0.0
      for i in 0..<n { correction += column[i] - mean }
      mean += correction / Double(n)
      for i in 0..<n { column[i] -= mean }
    }
    cblas_dgemm(
      CblasColMajor, CblasTrans, CblasNoTrans, Int32(p), Int32(p), Int32(n), 1.0, data, Int32(n), data, Int32(n), 0.0,
      result, Int32(p))
    for j in 0..<p {
      let d = result[j + j * p]
      guard d > 0, d.isFinite else { return j }
    }
    for j in 0..<p {
      let dj = result[j + j * p]
      for i in 0..<p where i != j {
        result[i + j * p] /= (result[i + i * p] * dj).squareRoot()
      }
    }
    for j in 0..<p { result[j + j * p] = 1 }
    return nil
  }
}
