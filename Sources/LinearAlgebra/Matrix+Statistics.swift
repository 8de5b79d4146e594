/// The denominator of a variance: `n − 1` (the unbiased sample variance, used by SmartPLS,
/// seminr and cSEM) or `n` (the maximum-likelihood variance, used by some PLS programs).
public enum VarianceDenominator: String, Sendable, Codable, CaseIterable {
  /// Divide sums of squares by `n − 1`.
  case sampleMinusOne = "n-1"
  /// Divide sums of squares by `n`.
  case sample = "n"

  func divisor(for n: Int) -> Double {
    switch self {
    case .sampleMinusOne: return Double(n - 1)
    case .sample: return Double(n)
    }
  }
}

/// Column-wise descriptive statistics, standardisation, covariance and correlation.
///
/// Means use a two-pass (compensated) algorithm: the mean, then the mean of the residuals
/// added back, so that large offsets do not cost precision.
extension Matrix {
  /// The mean of each column. Throws when the matrix has no rows.
  public func columnMeans() throws(LinearAlgebraError) -> [Double] {
    guard rows > 0 else {
      throw .insufficientData(operation: "column means", required: 1, available: 0)
    }
    var means = [Double](repeating: 0, count: columns)
    storage.withUnsafeBufferPointer { a in
      for j in 0..<columns {
        let base = j * rows
        var s = 0.0
        for i in 0..<rows { s += a[base + i] }
        let mean = s / Double(rows)
        var correction = 0.0
        for i in 0..<rows { correction += a[base + i] - mean }
        means[j] = mean + correction / Double(rows)
      }
    }
    return means
  }

  /// The standard deviation of each column, with the chosen denominator.
  /// Throws when there are too few rows (two for `n − 1`, one for `n`).
  public func columnStandardDeviations(
    denominator: VarianceDenominator = .sampleMinusOne
  ) throws(LinearAlgebraError) -> [Double] {
    let required = denominator == .sampleMinusOne ? 2 : 1
    guard rows >= required else {
      throw .insufficientData(operation: "standard deviation", required: required, available: rows)
    }
    let means = try columnMeans()
    var sds = [Double](repeating: 0, count: columns)
    let divisor = denominator.divisor(for: rows)
    storage.withUnsafeBufferPointer { a in
      for j in 0..<columns {
        let base = j * rows
        var ss = 0.0
        for i in 0..<rows {
          let d = a[base + i] - means[j]
          ss += d * d
        }
        sds[j] = (ss / divisor).squareRoot()
      }
    }
    return sds
  }

  /// Each column centred to mean 0 and scaled to standard deviation 1.
  ///
  /// Throws ``LinearAlgebraError/nonFinite(operation:row:column:)`` on NaN or infinity and
  /// ``LinearAlgebraError/singular(operation:detail:)`` naming the (zero-based) column when a
  /// column is constant.
  public func standardized(denominator: VarianceDenominator = .sampleMinusOne)
    throws(LinearAlgebraError) -> Matrix
  {
    try checkFinite("standardise")
    let means = try columnMeans()
    let sds = try columnStandardDeviations(denominator: denominator)
    var result = self
    for j in 0..<columns {
      guard sds[j] > 0, sds[j].isFinite else {
        throw .singular(operation: "standardise", detail: "column \(j + 1) is constant")
      }
      let base = j * rows
      let inverse = 1 / sds[j]
      for i in 0..<rows { result.storage[base + i] = (storage[base + i] - means[j]) * inverse }
    }
    return result
  }

  /// The covariance matrix of the columns, with the chosen denominator.
  public func covariance(denominator: VarianceDenominator = .sampleMinusOne)
    throws(LinearAlgebraError) -> Matrix
  {
    try checkFinite("covariance")
    let required = denominator == .sampleMinusOne ? 2 : 1
    guard rows >= required else {
      throw .insufficientData(operation: "covariance", required: required, available: rows)
    }
    let means = try columnMeans()
    var centred = self
    for j in 0..<columns {
      for i in 0..<rows { centred.storage[i + j * rows] -= means[j] }
    }
    return centred.crossProduct(scale: 1 / denominator.divisor(for: rows))
  }

  /// The Pearson correlation matrix of the columns. Throws when a column is constant.
  public func correlation() throws(LinearAlgebraError) -> Matrix {
    guard rows >= 2 else {
      throw .insufficientData(operation: "correlation", required: 2, available: rows)
    }
    let z = try standardized(denominator: .sampleMinusOne)
    var r = z.crossProduct(scale: 1 / Double(rows - 1))
    for j in 0..<columns { r.storage[j + j * columns] = 1 }
    return r
  }
}
