/// The tolerances of the comparisons against numpy, scipy and statsmodels.
///
/// Matrices and vectors are compared with `ErrorMeasure.relativeAboveOne`,
/// `|a − b| / max(1, |b|)`: relative for elements larger than one in magnitude, absolute below. For the well-conditioned problems of the
/// fixture (condition numbers below about 10³) the tolerance is ``wellConditioned``, 1e-12.
enum Tolerance {
  /// `|a − b| ≤ 1e-12 · max(1, |b|)`.
  static let wellConditioned = 1e-12
  /// OLS p-values, purely relative (`ErrorMeasure.relative`): the Student t distribution is
  /// checked on its own to 1e-12.
  static let pValue = 1e-9
}
