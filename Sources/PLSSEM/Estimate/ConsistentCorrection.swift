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
/// **Inadmissible solutions are reported, not refused** (as cSEM, seminr and ADANCO report
/// them). PLSc can produce values that have no meaning in the common-factor model — consistent
/// loadings above 1 (Heywood cases), ρ_A above 1, consistent construct correlations above 1 or a
/// consistent construct correlation matrix that is not positive semi-definite. They are computed
/// all the same: the structural regressions are then solved by an ordinary linear solve
/// (the PLS kernel's LU fallback), and each defect is listed in ``PLSEstimate/admissibility``
/// with the checks of cSEM's `verify()` (see ``Admissibility``).
///
/// **ρ_A ≤ 0 (or not finite)** is the one case that cannot be computed: the correction
/// `1/√ρ_A` does not exist. Since `wⱼᵀ(Sⱼⱼ − diag Sⱼⱼ)wⱼ = 1 − wⱼᵀwⱼ`, this happens when
/// `wⱼᵀwⱼ ≥ 1`: indicators that do not share one factor, e.g. two that both relate positively
/// to the neighbouring constructs but correlate negatively with each other. (A reverse-coded
/// indicator alone does not: its weight and consistent loading simply turn negative and ρ_A is
/// unchanged.) cSEM and seminr return NaN there and propagate it into every path that touches
/// the construct. We never produce NaN: such a construct is **left uncorrected** (treated as a
/// composite: its loadings stay indicator–score correlations and its correlations are not
/// disattenuated), ``corrected`` is false for it, ``rhoA`` holds the offending value, and the
/// problem ``AdmissibilityProblem/Kind/reliabilityNotPositive`` makes the solution
/// inadmissible, so the numbers that involve it are flagged rather than silently mixed.
///
/// In the bootstrap every resample is corrected by the same function, and the same checks decide
/// whether it is admissible (`AdmissibilityCheck`).
public struct ConsistentCorrection: Sendable, Equatable {
  /// ρ_A of every construct, in declaration order: the value used in the correction for the
  /// corrected constructs, 1 for the constructs that are composites by design (Mode B,
  /// single-indicator), and the offending value (≤ 0, or NaN when it is not even defined) for a
  /// Mode A block whose ρ_A does not allow the correction.
  public let rhoA: [Double]
  /// Whether each construct was corrected: a Mode A block with two or more indicators whose
  /// ρ_A is positive.
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
    layout.modes[j] == .a && layout.block(j).count > 1 && !layout.isInteraction[j]
  }

  /// Whether a computed ρ_A allows the correction `1/√ρ_A`: positive and finite.
  static func isCorrectable(rhoA: Double) -> Bool { rhoA > 0 && rhoA.isFinite }

  /// Applies the correction in place: the one implementation used by ``PLSEstimator`` for the
  /// estimate and by the bootstrap for every resample, so the two cannot diverge. It never
  /// fails: an inadmissible result is for ``AdmissibilityCheck`` to find.
  ///
  /// - Parameters:
  ///   - s: the p × p indicator correlation matrix (column-major).
  ///   - w: the final weights (p), scaled so that every score has unit variance.
  ///   - c: the indicator–score correlations (p × J, column-major); the own-block entries of
  ///     corrected constructs are replaced by the consistent loadings, the others are kept.
  ///   - r: the score correlations (J × J); replaced by the consistent correlations.
  ///   - rhoA: receives ρ_A per construct (J): 1 for composites by design, the computed value
  ///     otherwise (also when it is not positive and the construct stays uncorrected).
  static func apply(
    layout: ModelLayout, correlation s: UnsafePointer<Double>, weights w: UnsafePointer<Double>,
    loadings c: UnsafeMutablePointer<Double>, constructCorrelations r: UnsafeMutablePointer<Double>,
    rhoA: UnsafeMutablePointer<Double>
  ) {
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
      rhoA[j] = rho
      guard isCorrectable(rhoA: rho) else { continue }
      let factor = rho.squareRoot() / wtw
      for a in range { c[a + j * p] = w[a] * factor }
    }
    for k in 0..<J {
      let rhoK = isCorrectable(rhoA: rhoA[k]) ? rhoA[k] : 1
      for j in 0..<J where j != k {
        let rhoJ = isCorrectable(rhoA: rhoA[j]) ? rhoA[j] : 1
        r[j + k * J] /= (rhoJ * rhoK).squareRoot()
      }
    }
  }
}
