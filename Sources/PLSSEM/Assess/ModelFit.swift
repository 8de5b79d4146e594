import Foundation
import LinearAlgebra

/// The discrepancy between the empirical indicator correlation matrix `S` and a model-implied
/// one `Σ̂` (Henseler et al. 2014, "Common beliefs and reality about PLS", ORM 17(2), 182–209;
/// Dijkstra & Henseler 2015, "Consistent and asymptotically normal PLS estimators for linear
/// structural equations", CSDA 81, 10–23), with p indicators:
///
/// - standardized root mean square residual (Hu & Bentler 1998)
///   `SRMR = √( Σ_{a≥b} (s_ab − σ̂_ab)² / (p(p + 1)/2) )` — the mean runs over the lower triangle
///   *including* the diagonal (whose residuals are 0 on correlation matrices), as in cSEM and
///   SmartPLS;
/// - squared Euclidean distance `d_ULS = ½ Σ_a Σ_b (s_ab − σ̂_ab)²` — all p² cells, i.e.
///   `½ tr((S − Σ̂)²)`;
/// - geodesic distance `d_G = ½ Σᵢ (log₁₀ φᵢ)²` over the eigenvalues φᵢ of `S⁻¹Σ̂`. Dijkstra &
///   Henseler write `log` without a base; cSEM (`calculateDG`, `log(…, base = 10)`) uses base 10,
///   and so do we, so that values agree with cSEM (with the natural log d_G is larger by the
///   factor (ln 10)² ≈ 5.30).
///
/// `d_G` needs `S` and `Σ̂` positive definite (all φᵢ > 0); otherwise it is `nil` (documented
/// as "undefined"; cSEM would return NaN or fail). SRMR and d_ULS are always defined.
public struct FitMeasures: Sendable, Codable, Equatable {
  /// SRMR.
  public let srmr: Double
  /// d_ULS.
  public let dULS: Double
  /// d_G with base-10 logarithms; nil when `S` or `Σ̂` is not positive definite.
  public let dG: Double?

  public init(srmr: Double, dULS: Double, dG: Double?) {
    self.srmr = srmr
    self.dULS = dULS
    self.dG = dG
  }

  /// The three distances between the empirical correlations `s` and the implied ones `sigma`
  /// (both p × p, symmetric, unit diagonal).
  static func between(_ s: Matrix, _ sigma: Matrix) throws -> FitMeasures {
    let p = s.rows
    var lowerSquares = 0.0
    var allSquares = 0.0
    for b in 0..<p {
      for a in 0..<p {
        let d = s[a, b] - sigma[a, b]
        allSquares += d * d
        if a >= b { lowerSquares += d * d }
      }
    }
    let srmr = (lowerSquares / Double(p * (p + 1) / 2)).squareRoot()
    return FitMeasures(srmr: srmr, dULS: 0.5 * allSquares, dG: try geodesic(s, sigma))
  }

  /// `½ Σ (log₁₀ φᵢ)²` for the eigenvalues of `S⁻¹Σ̂`, computed as the eigenvalues of the
  /// symmetric `L⁻¹Σ̂L⁻ᵀ` with `S = LLᵀ`; nil unless all are positive.
  static func geodesic(_ s: Matrix, _ sigma: Matrix) throws -> Double? {
    let p = s.rows
    guard let l = try? Cholesky(s, minimumReciprocalCondition: 1e-14).factor else { return nil }
    // X = L⁻¹ Σ̂ (forward substitution column by column), then M = L⁻¹ Xᵀ = L⁻¹ Σ̂ L⁻ᵀ.
    func forward(_ rhs: Matrix) -> Matrix {
      var x = rhs
      for c in 0..<p {
        for i in 0..<p {
          var v = x[i, c]
          for k in 0..<i { v -= l[i, k] * x[k, c] }
          x[i, c] = v / l[i, i]
        }
      }
      return x
    }
    let m = forward(forward(sigma).transposed)
    let eigenvalues = try SymmetricEigen(m, computeVectors: false).values
    guard let smallest = eigenvalues.first, smallest > 0 else { return nil }
    let value = 0.5 * eigenvalues.reduce(0) { $0 + pow(log10($1), 2) }
    return value.isFinite ? value : nil
  }
}

/// Overall model fit of an estimated PLS path model: SRMR, d_ULS and d_G (``FitMeasures``) of
/// the saturated and of the estimated model, as cSEM (`assess()`, `fit()`) and SmartPLS report
/// them.
///
/// **The model-implied indicator correlations** `Σ̂ = ΛΦΛᵀ + Θ`, `Θ = diag(1 − λ²)` (unit
/// diagonal), then in every *composite* block the within-block cells replaced by the empirical
/// ones — cSEM's `fit()` (`FloSchuberth/cSEM`, `R/postestimate_fit.R`), which implements the
/// composite model of Dijkstra (2017) and Henseler et al. (2014) for composites and the common
/// factor model for common factors:
///
/// - a block is a **common factor** when it is Mode A (`=~`) with two or more indicators and
///   ``PLSSettings/consistent`` is on (what cSEM and SmartPLS's PLSc treat as reflective); its
///   within-block cells are `λₐλ_b` with the consistent loadings;
/// - every other block is a **composite** (Mode B, or Mode A without PLSc — our `=~` is a Mode A
///   composite unless PLSc is on): within-block cells equal `S`, which a composite model leaves
///   unrestricted (its "loadings" are the indicator–score correlations);
/// - between blocks, `σ̂_ab = λₐ φ_jk λ_b` with Λ the loadings on the own construct
///   (``PLSEstimate/loadings``: consistent for common factors, indicator–score correlations for
///   composites) and Φ the implied construct correlations.
///
/// **The implied construct correlations Φ.**
/// - *Saturated model*: Φ = the construct correlations (``PLSEstimate/constructCorrelations``,
///   disattenuated with PLSc), i.e. the structural model is replaced by free correlations among
///   all constructs (cSEM `fit(.saturated = TRUE)`; SmartPLS "saturated model").
/// - *Estimated model* (cSEM `fit(.saturated = FALSE)`, SmartPLS "estimated model"): with x the
///   exogenous constructs (no predecessors), y the endogenous ones, `Φ_xx` their construct
///   correlations, `B` (y × y) and `Γ` (y × x) the path coefficients (row = dependent), and
///   `Ψ = diag(1 − R²)` (R² of each endogenous construct):
///   `Φ_xy = Φ_xx Γᵀ (I − B)⁻ᵀ` and `Φ_yy = (I − B)⁻¹ (Γ Φ_xx Γᵀ + Ψ)(I − B)⁻ᵀ` with its diagonal
///   set to 1 (Bollen 1989, ch. 4; cSEM sets the diagonal likewise). When every pair of
///   constructs is joined by a path (a structurally saturated model) the two coincide.
///
/// The reference values in the tests reproduce cSEM's printed SRMR, d_ULS and d_G for its
/// `threecommonfactors` and `satisfaction` examples to about 1e-7 relative.
public struct ModelFit: Sendable, Codable, Equatable {
  /// The fit of the saturated model (free construct correlations).
  public let saturated: FitMeasures
  /// The fit of the estimated model (construct correlations implied by the structural model).
  public let estimated: FitMeasures

  /// Computes the fit of `estimate` (no re-estimation).
  ///
  /// Throws ``LinearAlgebraError`` only if a matrix operation fails on non-finite input.
  public init(estimate: PLSEstimate) throws {
    let s = estimate.indicatorCorrelations
    saturated = try FitMeasures.between(
      s, Self.impliedIndicatorCorrelations(estimate, saturated: true))
    estimated = try FitMeasures.between(
      s, Self.impliedIndicatorCorrelations(estimate, saturated: false))
  }

  /// Whether construct `j` is modelled as a common factor (Mode A, two or more indicators,
  /// PLSc on); otherwise it is a composite.
  static func isCommonFactor(_ j: Int, estimate: PLSEstimate) -> Bool {
    estimate.settings.consistent && ConsistentCorrection.isCorrected(j, layout: estimate.layout)
  }

  /// The model-implied construct correlations Φ (J × J, declaration order) of the saturated
  /// or the estimated model.
  public static func impliedConstructCorrelations(_ estimate: PLSEstimate, saturated: Bool) throws
    -> Matrix
  {
    let phi = estimate.constructCorrelations
    if saturated { return phi }
    let layout = estimate.layout
    let endogenous = layout.endogenous
    let exogenous = (0..<layout.J).filter { layout.predecessors[$0].isEmpty }
    let ny = endogenous.count
    guard ny > 0 else { return phi }
    let paths = estimate.pathCoefficients
    var iMinusB = Matrix.identity(ny)
    for (r, j) in endogenous.enumerated() {
      for (c, k) in endogenous.enumerated() { iMinusB[r, c] -= paths[k, j] }
    }
    var gamma = Matrix(rows: ny, columns: exogenous.count)
    for (r, j) in endogenous.enumerated() {
      for (c, k) in exogenous.enumerated() { gamma[r, c] = paths[k, j] }
    }
    var psi = Matrix(rows: ny, columns: ny)
    for (r, j) in endogenous.enumerated() {
      var explained = 0.0
      for k in 0..<layout.J { explained += paths[k, j] * phi[k, j] }
      psi[r, r] = 1 - explained
    }
    // (I − B) is unit triangular in structural order, hence always invertible.
    let inverse = try LUDecomposition(iMinusB).inverse()
    let phiXX = try phi.submatrix(rows: exogenous, columns: exogenous)
    let phiXY = try phiXX * gamma.transposed * inverse.transposed
    var phiYY = try inverse * (gamma * phiXX * gamma.transposed + psi) * inverse.transposed
    for r in 0..<ny { phiYY[r, r] = 1 }
    var implied = Matrix(rows: layout.J, columns: layout.J)
    for (a, j) in exogenous.enumerated() {
      for (b, k) in exogenous.enumerated() { implied[j, k] = phiXX[a, b] }
      for (b, k) in endogenous.enumerated() {
        implied[j, k] = phiXY[a, b]
        implied[k, j] = phiXY[a, b]
      }
    }
    for (a, j) in endogenous.enumerated() {
      for (b, k) in endogenous.enumerated() { implied[j, k] = phiYY[a, b] }
    }
    return implied
  }

  /// The model-implied indicator correlations Σ̂ (p × p, indicator order) of the saturated or
  /// the estimated model.
  public static func impliedIndicatorCorrelations(_ estimate: PLSEstimate, saturated: Bool) throws
    -> Matrix
  {
    let layout = estimate.layout
    let phi = try impliedConstructCorrelations(estimate, saturated: saturated)
    let s = estimate.indicatorCorrelations
    let loadings = estimate.loadings
    let p = layout.p
    var sigma = Matrix(rows: p, columns: p)
    for b in 0..<p {
      let k = layout.blockOf[b]
      for a in 0..<p {
        let j = layout.blockOf[a]
        if a == b {
          sigma[a, b] = 1
        } else if j == k && !isCommonFactor(j, estimate: estimate) {
          sigma[a, b] = s[a, b]
        } else {
          sigma[a, b] = loadings[a] * phi[j, k] * loadings[b]
        }
      }
    }
    return sigma
  }
}
