import LinearAlgebra

/// Two checks for common method bias in single-source survey data (Podsakoff et al. 2003):
///
/// - **Full collinearity VIFs** (Kock 2015, *Common method bias in PLS-SEM: A full collinearity
///   assessment approach*, International Journal of e-Collaboration 11(4); Kock & Lynn 2012):
///   every construct's score regressed on all the other constructs' scores,
///   `VIFⱼ = 1 / (1 − R²ⱼ)`, the j-th diagonal element of the inverse of the construct score
///   correlation matrix. A VIF above 3.3 suggests pathological collinearity and so possible
///   common method bias. Computed on the PLS scores (with consistent PLS too: the test is about
///   the scores, not the disattenuated correlations).
/// - **Harman's single-factor test** (Podsakoff & Organ 1986; Podsakoff et al. 2003): the share
///   of the items' total variance explained by the first unrotated principal component of
///   their correlation matrix, `λ₁ / p` (λ₁ the largest eigenvalue, p items: the model's
///   indicators). A share of 50 % or more suggests that one factor dominates.
///
/// Both are heuristics: Harman's test detects only a method factor strong enough to dominate,
/// and fails to detect moderate bias (Podsakoff et al. 2003 call it insensitive); the full
/// collinearity VIFs also rise with genuine strong relations between constructs. Neither proves
/// the absence of bias; procedural remedies in the design matter more. SPSS users often run
/// Harman's test as a principal-axis factor analysis, whose first-factor share is somewhat
/// lower than the principal component's reported here. Interaction terms (moderation) and
/// their generated indicators are left out of both checks.
public struct CommonMethodBias: Sendable, Equatable {
  /// The full collinearity VIF of one construct.
  public struct ConstructVIF: Sendable, Equatable, Codable {
    /// The construct.
    public let construct: String
    /// `1 / (1 − R²)` of its scores regressed on all the other constructs' scores; NaN when the
    /// scores are collinear.
    public let vif: Double
  }

  /// The full collinearity VIF of every construct, in declaration order.
  public let fullCollinearityVIF: [ConstructVIF]
  /// The share (0–1) of the items' variance explained by the first unrotated principal
  /// component of their correlation matrix.
  public let harmanFirstFactorShare: Double
  /// The largest eigenvalue of the items' correlation matrix.
  public let harmanFirstEigenvalue: Double
  /// The number of items (the model's indicators).
  public let items: Int

  /// The checks on `estimate`'s construct scores and indicators.
  ///
  /// - Throws: `LinearAlgebraError` when the eigendecomposition fails (it does not for a
  ///   finite correlation matrix).
  public init(estimate: PLSEstimate) throws(LinearAlgebraError) {
    // Interaction terms are products of constructs, not constructs measured by items: both
    // checks leave them and their generated indicators out.
    let layout = estimate.layout
    let constructs = (0..<layout.J).filter { !layout.isInteraction[$0] }
    let indicators = (0..<layout.p).filter { !layout.isInteraction[layout.blockOf[$0]] }
    let scoreCorrelations = try estimate.scores.selectingColumns(constructs).correlation()
    let inverse: Matrix? = try? Cholesky(scoreCorrelations).inverse()
    fullCollinearityVIF = constructs.enumerated().map { k, j in
      ConstructVIF(construct: layout.constructNames[j], vif: inverse.map { $0[k, k] } ?? .nan)
    }
    let itemCorrelations = try estimate.indicatorCorrelations.submatrix(
      rows: indicators, columns: indicators)
    let eigen = try SymmetricEigen(itemCorrelations, computeVectors: false)
    let largest = eigen.values.last ?? .nan
    harmanFirstEigenvalue = largest
    items = indicators.count
    harmanFirstFactorShare = largest / Double(items)
  }
}
