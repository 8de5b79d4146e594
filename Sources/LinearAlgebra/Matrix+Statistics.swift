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
/// added back, so that large offsets do not cost precision. Sums run over raw buffers with
/// four interleaved accumulators (a fixed order, so results are reproducible), which lets the
/// loops run at memory speed instead of waiting on each addition.
extension Matrix {
  /// `Σ f(xᵢ)` over `count` values, with four accumulators combined as `(s₀ + s₁) + (s₂ + s₃)`.
  @inline(__always)
  static func sum(_ x: UnsafePointer<Double>, _ count: Int, _ f: (Double) -> Double) -> Double {
    var s0 = 0.0
    var s1 = 0.0
    var s2 = 0.0
    var s3 = 0.0
    var i = 0
    while i + 4 <= count {
      s0 += f(x[i])
      s1 += f(x[i + 1])
      s2 += f(x[i + 2])
      s3 += f(x[i + 3])
      i += 4
    }
    while i < count {
      s0 += f(x[i])
      i += 1
    }
    return (s0 + s1) + (s2 + s3)
  }

  /// The mean of each column. Throws when the matrix has no rows.
  public func columnMeans() throws(LinearAlgebraError) -> [Double] {
    guard rows > 0 else {
      throw .insufficientData(operation: "column means", required: 1, available: 0)
    }
    var means = [Double](repeating: 0, count: columns)
    let n = rows
    storage.withUnsafeBufferPointer { a in
      guard let base = a.baseAddress else { return }
      for j in 0..<columns {
        let column = base + j * n
        let mean = Self.sum(column, n) { $0 } / Double(n)
        let correction = Self.sum(column, n) { $0 - mean }
        means[j] = mean + correction / Double(n)
      }
    }
    return means
  }

  /// The standard deviation of each column, with the chosen denominator.
  /// Throws when there are too few rows (two for `n − 1`, one for `n`).
  public func columnStandardDeviations(
    denominator: VarianceDenominator = .sampleMinusOne
  ) throws(LinearAlgebraError) -> [Double] {
    try columnStandardDeviations(means: columnMeans(), denominator: denominator)
  }

  /// The standard deviations about the given column means.
  func columnStandardDeviations(means: [Double], denominator: VarianceDenominator)
    throws(LinearAlgebraError) -> [Double]
  {
    let required = denominator == .sampleMinusOne ? 2 : 1
    guard rows >= required else {
      throw .insufficientData(operation: "standard deviation", required: required, available: rows)
    }
    var sds = [Double](repeating: 0, count: columns)
    let divisor = denominator.divisor(for: rows)
    let n = rows
    storage.withUnsafeBufferPointer { a in
      guard let base = a.baseAddress else { return }
      for j in 0..<columns {
        let mean = means[j]
        let ss = Self.sum(base + j * n, n) { ($0 - mean) * ($0 - mean) }
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
    let sds = try columnStandardDeviations(means: means, denominator: denominator)
    for j in 0..<columns where !(sds[j] > 0 && sds[j].isFinite) {
      throw .singular(operation: "standardise", detail: "column \(j + 1) is constant")
    }
    var result = self
    let n = rows
    storage.withUnsafeBufferPointer { a in
      result.storage.withUnsafeMutableBufferPointer { out in
        guard let source = a.baseAddress, let target = out.baseAddress else { return }
        for j in 0..<columns {
          let mean = means[j]
          let inverse = 1 / sds[j]
          let from = source + j * n
          let to = target + j * n
          for i in 0..<n { to[i] = (from[i] - mean) * inverse }
        }
      }
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
    let n = rows
    centred.storage.withUnsafeMutableBufferPointer { a in
      guard let base = a.baseAddress else { return }
      for j in 0..<columns {
        let mean = means[j]
        let column = base + j * n
        for i in 0..<n { column[i] -= mean }
      }
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
