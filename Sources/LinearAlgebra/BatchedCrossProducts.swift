internal import CLAPACK

/// The cross-product matrices of many weighted copies of one data set at once: the bootstrap's
/// resamples, each given by how often it draws every row.
///
/// A resample that draws row i `cᵢ` times has the cross-products `G = Σᵢ cᵢ x̃ᵢ x̃ᵢᵀ` of the
/// augmented rows `x̃ᵢ = (xᵢ, 1)`. The `T = q(q + 1)/2` distinct entries of every row's outer
/// product (`q = p + 1`) are formed once, as the `n × T` matrix `O`; then the cross-products
/// of a whole batch of resamples are one matrix product `Oᵀ C` with the `n × batch` matrix of
/// their counts — one large `dgemm` instead of a gather and a small `dgemm` per resample, whose
/// cost at bootstrap sizes is mostly call overhead. The product has the same shape for every
/// batch, and column j depends only on the counts in column j, so a resample's cross-products
/// are the same bits whichever batch, thread or shard computes them.
///
/// Column j of the result holds the upper triangle of resample j's `q × q` matrix `G`, packed
/// by columns: entry `(i, k)`, `i ≤ k`, at `k(k + 1)/2 + i`; the column sums `Xᵀ1` are entries
/// `(i, p)` and the total count is the last entry. ``InPlaceCorrelation/compute(packedCrossProducts:rows:columns:into:)``
/// turns one column into a correlation matrix.
public final class BatchedCrossProducts: @unchecked Sendable {
  /// Resamples per product: the columns of the count matrix.
  public static let batchSize = 64

  /// The rows n of the data.
  public let rows: Int
  /// The columns p of the data (without the ones).
  public let columns: Int
  /// `T = (p + 1)(p + 2)/2`, the length of one packed cross-product column.
  public let packedCount: Int
  /// `O`, n × T column-major.
  private let outer: UnsafeMutablePointer<Double>

  /// The bytes that the outer products of `rows × columns` data take.
  public static func bytes(rows: Int, columns: Int) -> Int {
    let q = columns + 1
    return rows.multipliedReportingOverflow(by: q * (q + 1) / 2 * 8).overflow
      ? Int.max : rows * (q * (q + 1) / 2) * 8
  }

  /// Forms the outer products of the rows of the `rows × columns` column-major data at `data`
  /// (a ones column is implied).
  public init(data: UnsafePointer<Double>, rows n: Int, columns p: Int) {
    rows = n
    columns = p
    let q = p + 1
    packedCount = q * (q + 1) / 2
    outer = .allocate(capacity: max(n * packedCount, 1))
    for k in 0..<q {
      for i in 0...k {
        let column = outer + (k * (k + 1) / 2 + i) * n
        switch (i < p, k < p) {
        case (true, true):
          let xi = data + i * n
          let xk = data + k * n
          for r in 0..<n { column[r] = xi[r] * xk[r] }
        case (true, false):
          column.update(from: data + i * n, count: n)
        default:
          column.update(repeating: 1, count: n)
        }
      }
    }
  }

  deinit { outer.deallocate() }

  /// Writes the packed cross-products of ``batchSize`` resamples to `products`
  /// (`packedCount × batchSize`, column-major), from their counts (`rows × batchSize`,
  /// column-major; a column of zeros gives zeros).
  public func multiply(counts: UnsafePointer<Double>, into products: UnsafeMutablePointer<Double>) {
    BLASRuntime.ensureConfigured()
    cblas_dgemm(
      CblasColMajor, CblasTrans, CblasNoTrans, Int32(packedCount), Int32(Self.batchSize),
      Int32(rows), 1.0, outer, Int32(rows), counts, Int32(rows), 0.0, products,
      Int32(packedCount))
  }
}
