/// The model-implied construct and indicator correlations of an estimated model, as cSEM's
/// `fit()` defines them (Rademaker & Schuberth, cSEM, `R/csem_fit.R`; Bollen 1989, ch. 4 and 8):
/// the one implementation behind ``ModelFit`` (SRMR, d_ULS, d_G) and the admissibility check of
/// the model-implied indicator correlation matrix (``AdmissibilityCheck``), allocation-free so
/// that every bootstrap resample can use it.
///
/// **Constructs, estimated model.** With x the exogenous constructs (no predecessors), y the
/// endogenous ones, `Φ_xx` the construct correlations of the exogenous constructs (PLSc-corrected
/// when consistent), `B` (y × y) and `Γ` (y × x) the path coefficients (row = dependent) and
/// `Ψ = diag(1 − R²)` with `R²ⱼ = Σₖ βₖⱼ rₖⱼ` on the construct correlations:
/// `Φ_xy = Φ_xx Γᵀ (I − B)⁻ᵀ` and `Φ_yy = (I − B)⁻¹ (Γ Φ_xx Γᵀ + Ψ)(I − B)⁻ᵀ`, whose diagonal is
/// then set to 1. These are the covariances of the recursive system `y = By + Γx + ζ` with
/// `Cov(ζ) = Ψ`, computed here without inverting `I − B`: in structural order, for each
/// endogenous j and every construct k before it, `Φⱼₖ = Σₘ βₘⱼ Φₘₖ` over j's predecessors m, and
/// `Φⱼⱼ = Σₘ βₘⱼ Φₘⱼ + ψⱼ` (kept while the recursion runs; set to 1 at the end, as cSEM does).
/// The saturated model's Φ is the construct correlation matrix itself.
///
/// **Indicators.** `Σ̂ = ΛΦΛᵀ + Θ` with Λ the loadings on the own construct and
/// `Θ = diag(1 − λ²)` (unit diagonal); cSEM then replaces the within-block cells of every
/// *composite* block by the empirical correlations `S`. The type of a block is its declaration,
/// as in cSEM: a Mode A block (`=~`) is a **common factor**, whose within-block cells are
/// `λₐλ_b` — with plain PLS the loadings are then the indicator–score correlations, with PLSc the
/// consistent loadings; a Mode B block (`<~`) is a **composite**, whose within-block cells equal
/// `S`. Between blocks `σ̂_ab = λₐ Φⱼₖ λ_b`.
enum ImpliedCorrelations {
  /// Whether construct `j` is a common factor in the implied correlations (a Mode A block).
  static func isCommonFactor(_ j: Int, layout: ModelLayout) -> Bool { layout.modes[j] == .a }

  /// Fills `phi` (J × J, column-major) with the estimated model's implied construct
  /// correlations from the construct correlations `r` (J × J) and the path coefficients `b`
  /// (`b[from + to·J]`, zero where there is no path).
  static func constructs(
    layout: ModelLayout, constructCorrelations r: UnsafePointer<Double>,
    paths b: UnsafePointer<Double>, into phi: UnsafeMutablePointer<Double>
  ) {
    let J = layout.J
    for i in 0..<(J * J) { phi[i] = r[i] }
    let order = layout.structuralOrder
    for (t, j) in order.enumerated() {
      let preds = layout.predecessors[j]
      guard !preds.isEmpty else { continue }
      // Every exogenous construct, and the endogenous ones earlier in structural order.
      for k in 0..<J where layout.predecessors[k].isEmpty {
        fill(j, k, preds, b, phi, J)
      }
      for u in 0..<t where !layout.predecessors[order[u]].isEmpty {
        fill(j, order[u], preds, b, phi, J)
      }
      var variance = 0.0
      var explained = 0.0
      for m in preds {
        variance += b[m + j * J] * phi[m + j * J]
        explained += b[m + j * J] * r[m + j * J]
      }
      phi[j + j * J] = variance + (1 - explained)
    }
    for j in 0..<J { phi[j + j * J] = 1 }
  }

  /// `Φⱼₖ = Φₖⱼ = Σₘ βₘⱼ Φₘₖ` over the predecessors m of j.
  private static func fill(
    _ j: Int, _ k: Int, _ preds: [Int], _ b: UnsafePointer<Double>,
    _ phi: UnsafeMutablePointer<Double>, _ J: Int
  ) {
    var v = 0.0
    for m in preds { v += b[m + j * J] * phi[m + k * J] }
    phi[j + k * J] = v
    phi[k + j * J] = v
  }

  /// Fills `sigma` (p × p, column-major) with the implied indicator correlations from the
  /// implied construct correlations `phi` (J × J), the indicator–construct correlations `c`
  /// (p × J; the own-construct entries are the loadings) and the empirical correlations `s`.
  static func indicators(
    layout: ModelLayout, correlation s: UnsafePointer<Double>, loadings c: UnsafePointer<Double>,
    constructs phi: UnsafePointer<Double>, into sigma: UnsafeMutablePointer<Double>
  ) {
    let p = layout.p
    let J = layout.J
    for bIndex in 0..<p {
      let k = layout.blockOf[bIndex]
      let lambdaB = c[bIndex + k * p]
      for a in 0..<p {
        let j = layout.blockOf[a]
        let value: Double
        if a == bIndex {
          value = 1
        } else if j == k && !isCommonFactor(j, layout: layout) {
          value = s[a + bIndex * p]
        } else {
          value = c[a + j * p] * phi[j + k * J] * lambdaB
        }
        sigma[a + bIndex * p] = value
      }
    }
  }
}
