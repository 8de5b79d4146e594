import LinearAlgebra

/// Consistent PLS (PLSc; Dijkstra & Henseler 2015, "Consistent partial least squares path
/// modeling", MIS Quarterly 39(2), 297–316; and "Consistent and asymptotically normal PLS
/// estimators for linear structural equations", CSDA 81, 10–23): the correction of the
/// composite estimates for the measurement error of every common-factor block, which makes
/// loadings, construct correlations and path coefficients consistent for the common-factor
/// model. Turned on by ``PLSSettings/consistent``; it applies to every Mode A (`=~`) block with
/// two or more indicators. Mode B (`<~`) and single-indicator blocks are composites (or
/// error-free) and are left as they are (ρ_A = 1).
///
/// With `wⱼ` the final PLS weights of block j scaled so that its score has unit variance
/// (`wⱼᵀSⱼⱼwⱼ = 1`) and `Sⱼⱼ` the block's indicator correlations:
///
/// - the correction factor
///   `ĉⱼ² = wⱼᵀ(Sⱼⱼ − diag Sⱼⱼ)wⱼ / wⱼᵀ(wⱼwⱼᵀ − diag(wⱼwⱼᵀ))wⱼ`,
///   and the reliability of the proxy `ρ_A,j = (wⱼᵀwⱼ)² ĉⱼ²` (``ConstructReliability/rhoA``);
/// - consistent loadings `λ̂ⱼ = ĉⱼ wⱼ = wⱼ √ρ_A,j / (wⱼᵀwⱼ)`. (Under the common-factor
///   model `Sⱼⱼ = λⱼλⱼᵀ + Θ` with Θ diagonal, the off-diagonal part of `Sⱼⱼ` is that of `λⱼλⱼᵀ`,
///   and PLS Mode A weights are proportional to λⱼ: `wⱼ = λⱼ/c`; then the ratio of quadratic
///   forms above is `c²`, so `ĉⱼwⱼ = λⱼ`.)
/// - consistent construct correlations `r̃ⱼₖ = rⱼₖ / √(ρ_A,j ρ_A,k)` for j ≠ k, 1 on the
///   diagonal, where `rⱼₖ` is the correlation of the PLS construct scores (the squared
///   correlation between a proxy and its factor is ρ_A);
/// - path coefficients by OLS on the consistent correlations, `β̂ⱼ = R̃ₚₚ⁻¹ r̃ₚⱼ` for the
///   predecessors P of each endogenous construct j, and `R²ⱼ = β̂ⱼᵀ r̃ₚⱼ`.
///
/// This is what seminr (`PLSc()`) and cSEM (`.disattenuate = TRUE`) compute; weights, scores,
/// indicator correlations (and therefore HTMT and Cronbach's alpha) are unchanged.
///
/// **Inadmissible solutions are errors, never NaN.** PLSc can produce values that have no
/// meaning in the common-factor model (cSEM's `verify()` calls such solutions inadmissible):
/// - ρ_A ≤ 0 or not finite throws ``EstimationError/inadmissibleReliability(construct:rhoA:)``.
///   Since `wⱼᵀ(Sⱼⱼ − diag Sⱼⱼ)wⱼ = 1 − wⱼᵀwⱼ`, this happens when `wⱼᵀwⱼ ≥ 1`: indicators that do
///   not share one factor, e.g. two that both relate positively to the neighbouring constructs
///   but correlate negatively with each other. (A reverse-coded indicator alone does not: its
///   weight and consistent loading simply turn negative and ρ_A is unchanged.)
/// - a consistent correlation with |r̃| > 1 throws
///   ``EstimationError/consistentCorrelationOutOfRange(row:column:value:)``;
/// - a consistent construct correlation matrix that is not positive definite throws
///   ``EstimationError/consistentCorrelationsNotPositiveDefinite(constructs:)``.
///
/// In the bootstrap such a resample counts as failed, as cSEM drops inadmissible resamples.
/// Consistent loadings above 1 in absolute value (Heywood cases) and ρ_A above 1 are reported
/// as computed; they are finite and flag a doubtful model.
public struct ConsistentCorrection: Sendable, Equatable {
  /// ρ_A of every construct, in declaration order: the value used in the correction, 1 for
  /// the constructs left uncorrected.
  public let rhoA: [Double]
  /// Whether each construct was corrected (a Mode A block with two or more indicators).
  public let corrected: [Bool]
  /// The uncorrected correlations of the construct scores (J × J): the PLS (composite)
  /// estimates that PLSc starts from.
  public let proxyCorrelations: Matrix
  /// The uncorrected loadings (indicator–score correlations) on the own construct, in
  /// indicator order.
  public let compositeLoadings: [Double]
  /// The path coefficients of the uncorrected estimation, `[from, to]` (J × J).
  public let compositePathCoefficients: Matrix
  /// R² of the uncorrected estimation (nil for exogenous constructs).
  public let compositeRSquared: [Double?]

  /// Whether construct `j` of `layout` is corrected: a Mode A block with two or more indicators.
  static func isCorrected(_ j: Int, layout: ModelLayout) -> Bool {
    layout.modes[j] == .a && layout.block(j).count > 1
  }

  /// Applies the correction in place: the one implementation used by ``PLSEstimator`` for the
  /// estimate and by the bootstrap for every resample, so the two cannot diverge.
  ///
  /// - Parameters:
  ///   - s: the p × p indicator correlation matrix (column-major).
  ///   - w: the final weights (p), scaled so that every score has unit variance.
  ///   - c: the indicator–score correlations (p × J, column-major); the own-block entries of
  ///     corrected constructs are replaced by the consistent loadings, the others are kept.
  ///   - r: the score correlations (J × J); replaced by the consistent correlations.
  ///   - rhoA: receives ρ_A per construct (J).
  ///   - scratch: at least J × J doubles, used for the positive-definiteness check.
  static func apply(
    layout: ModelLayout, correlation s: UnsafePointer<Double>, weights w: UnsafePointer<Double>,
    loadings c: UnsafeMutablePointer<Double>, constructCorrelations r: UnsafeMutablePointer<Double>,
    rhoA: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
  ) throws(EstimationError) {
    let p = layout.p
    let J = layout.J
    for j in 0..<J {
      guard isCorrected(j, layout: layout) else {
        rhoA[j] = 1
        continue
      }
      let range = layout.block(j)
      let rho = ConstructReliability.rhoA(block: range, weights: w, correlation: s, p: p)
      var wtw = 0.0
      for a in range { wtw += w[a] * w[a] }
      guard rho > 0, rho.isFinite else {
        throw .inadmissibleReliability(construct: layout.constructNames[j], rhoA: rho)
      }
      rhoA[j] = rho
      let factor = rho.squareRoot() / wtw
      for a in range { c[a + j * p] = w[a] * factor }
    }
    for k in 0..<J {
      for j in 0..<J where j != k {
        r[j + k * J] /= (rhoA[j] * rhoA[k]).squareRoot()
      }
    }
    for k in 0..<J {
      for j in (k + 1)..<max(J, k + 1) where abs(r[j + k * J]) > 1 {
        throw .consistentCorrelationOutOfRange(
          row: layout.constructNames[j], column: layout.constructNames[k], value: r[j + k * J])
      }
    }
    for i in 0..<(J * J) { scratch[i] = r[i] }
    guard SmallSPDSolver.factorize(scratch, n: J, relativeTolerance: 0) else {
      throw .consistentCorrelationsNotPositiveDefinite(constructs: layout.constructNames)
    }
  }
}
