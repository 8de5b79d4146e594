/// Ordinary least squares `y = b₀ + Xb + e` by QR (Householder), with classical inference.
///
/// - Coefficients: `b = argmin ‖y − [1 X] b‖²`, solved through ``QRDecomposition``.
/// - Residual variance `s² = RSS / (n − k − 1)` (k regressors, plus the intercept when fitted).
/// - Standard errors `√(s² · diag((AᵀA)⁻¹))`, `t = b / SE`, two-sided `p = 2·(1 − F_t(|t|; n − k − 1))`
///   from ``StudentT``.
/// - `R² = 1 − RSS/TSS` (TSS about the mean with an intercept, about zero without),
///   adjusted `R̄² = 1 − (1 − R²)(n − 1)/(n − k − 1)` (Theil 1961; with an intercept).
/// - VIF of regressor j: `1 / (1 − R²ⱼ)`, R²ⱼ from regressing xⱼ on the other regressors with an
///   intercept, computed as the diagonal of the inverse correlation matrix of the regressors
///   (Marquardt 1970), with or without an intercept in the fit.
public struct OLSRegression: Sendable, Equatable {
  /// Coefficients; the intercept first when fitted, then one per regressor column.
  public let coefficients: [Double]
  /// Standard errors, in the order of `coefficients`.
  public let standardErrors: [Double]
  /// t statistics, `coefficient / standardError`.
  public let tStatistics: [Double]
  /// Two-sided p-values from Student's t with `residualDegreesOfFreedom`.
  public let pValues: [Double]
  /// Coefficient of determination.
  public let rSquared: Double
  /// Adjusted R².
  public let adjustedRSquared: Double
  /// Variance inflation factor of each regressor (no entry for the intercept); 1 for a single
  /// regressor.
  public let varianceInflationFactors: [Double]
  /// Residual degrees of freedom, `n − (number of coefficients)`.
  public let residualDegreesOfFreedom: Int
  /// Residual sum of squares.
  public let residualSumOfSquares: Double
  /// Whether an intercept was fitted.
  public let hasIntercept: Bool

  /// Fits `y` on the columns of `regressors`.
  ///
  /// Throws ``LinearAlgebraError/shapeMismatch(operation:left:right:)`` when `y` and the
  /// regressors differ in length, ``LinearAlgebraError/insufficientData(operation:required:available:)``
  /// when there are no residual degrees of freedom, and the errors of ``QRDecomposition`` when
  /// the regressors are (nearly) collinear or non-finite.
  public init(response y: [Double], regressors x: Matrix, intercept: Bool = true)
    throws(LinearAlgebraError)
  {
    let n = y.count
    guard x.rows == n else {
      throw .shapeMismatch(operation: "OLS", left: x.shape, right: .init(rows: n, columns: 1))
    }
    let k = x.columns + (intercept ? 1 : 0)
    guard n > k else { throw .insufficientData(operation: "OLS", required: k + 1, available: n) }
    for (i, v) in y.enumerated() where !v.isFinite {
      throw .nonFinite(operation: "OLS response", row: i, column: 0)
    }
    // Checked here, not left to QRDecomposition: in the design matrix the intercept shifts
    // every regressor one column to the right, and the error must name the caller's column.
    try x.checkFinite("OLS regressors")
    var design = Matrix(rows: n, columns: k)
    if intercept {
      for i in 0..<n { design[i, 0] = 1 }
    }
    let offset = intercept ? 1 : 0
    for j in 0..<x.columns {
      for i in 0..<n { design[i, j + offset] = x[i, j] }
    }
    let qr = try QRDecomposition(design)
    let b = try qr.solve(y)
    var rss = 0.0
    var fitted = try design.multiplied(by: b)
    for i in 0..<n {
      fitted[i] = y[i] - fitted[i]
      rss += fitted[i] * fitted[i]
    }
    let mean = intercept ? y.reduce(0, +) / Double(n) : 0
    var tss = 0.0
    for v in y { tss += (v - mean) * (v - mean) }
    let df = n - k
    let s2 = rss / Double(df)
    let unscaled = try qr.inverseCrossProduct()
    var se = [Double](repeating: 0, count: k)
    var t = [Double](repeating: 0, count: k)
    var p = [Double](repeating: 0, count: k)
    for j in 0..<k {
      se[j] = (s2 * unscaled[j, j]).squareRoot()
      t[j] = b[j] / se[j]
      p[j] = 2 * StudentT.survival(abs(t[j]), degreesOfFreedom: Double(df))
    }
    let r2 = tss > 0 ? 1 - rss / tss : 0
    let p1 = Double(x.columns)
    let adjusted =
      1 - (1 - r2) * Double(n - (intercept ? 1 : 0)) / (Double(n) - p1 - (intercept ? 1 : 0))
    var vif = [Double](repeating: 1, count: x.columns)
    if x.columns > 1 {
      // Centred VIFs whether or not an intercept is fitted; a constant regressor (possible
      // without an intercept) has no centred VIF and throws as a constant column.
      vif = try x.correlation().inverseSPD().diagonal
    }
    self.coefficients = b
    self.standardErrors = se
    self.tStatistics = t
    self.pValues = p
    self.rSquared = r2
    self.adjustedRSquared = adjusted
    self.varianceInflationFactors = vif
    self.residualDegreesOfFreedom = df
    self.residualSumOfSquares = rss
    self.hasIntercept = intercept
  }
}
