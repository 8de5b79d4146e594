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
/// the saturated and of the estimated model, with cSEM's definitions (`assess()`, `fit()`;
/// Rademaker & Schuberth, cSEM, `R/csem_fit.R` and `R/helper_assess.R`).
///
/// **The model-implied indicator correlations** `Σ̂ = ΛΦΛᵀ + Θ`, `Θ = diag(1 − λ²)` (unit
/// diagonal), then in every *composite* block the within-block cells replaced by the empirical
/// ones (`ImpliedCorrelations`). As in cSEM the type of a block is its declaration, with or
/// without PLSc: a Mode A block (`=~`) is a **common factor**, whose within-block cells are
/// `λₐλ_b` (indicator–score correlations with plain PLS, consistent loadings with PLSc); a Mode B
/// block (`<~`) is a **composite**, whose within-block cells equal `S`. Between blocks
/// `σ̂_ab = λₐ φⱼₖ λ_b`.
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
/// **SmartPLS** documents SRMR as the difference between the observed and the model-implied
/// correlation matrix for the saturated and the estimated model, without saying how it builds the
/// implied correlations within Mode A blocks under plain PLS; we follow cSEM, whose definitions
/// are published in its code.
///
/// The reference values in the tests reproduce cSEM's printed SRMR, d_ULS and d_G for its
/// `threecommonfactors` and `satisfaction` examples to about 1e-7 relative, and the values cSEM
/// gives for corp rep simple (0.0740) and ECSI mobi (0.0751) under plain PLS.
public struct ModelFit: Sendable, Codable, Equatable {
  /// The fit of the saturated model (free construct correlations).
  public let saturated: FitMeasures
  /// The fit of the estimated model (construct correlations implied by the structural model).
  public let estimated: FitMeasures

  /// Computes the fit of `estimate` (no re-estimation).
  ///
  /// Throws `LinearAlgebraError` only if a matrix operation fails on non-finite input.
  public init(estimate: PLSEstimate) throws {
    let s = estimate.indicatorCorrelations
    saturated = try FitMeasures.between(
      s, Self.impliedIndicatorCorrelations(estimate, saturated: true))
    estimated = try FitMeasures.between(
      s, Self.impliedIndicatorCorrelations(estimate, saturated: false))
  }

  /// The model-implied construct correlations Φ (J × J, declaration order) of the saturated
  /// or the estimated model.
  public static func impliedConstructCorrelations(_ estimate: PLSEstimate, saturated: Bool) throws
    -> Matrix
  {
    let phi = estimate.constructCorrelations
    if saturated { return phi }
    let J = estimate.layout.J
    var implied = [Double](repeating: 0, count: J * J)
    phi.storage.withUnsafeBufferPointer { r in
      estimate.pathCoefficients.storage.withUnsafeBufferPointer { b in
        implied.withUnsafeMutableBufferPointer { out in
          guard let r = r.baseAddress, let b = b.baseAddress, let out = out.baseAddress else {
            return
          }
          ImpliedCorrelations.constructs(
            layout: estimate.layout, constructCorrelations: r, paths: b, into: out)
        }
      }
    }
    return try Matrix(rows: J, columns: J, columnMajor: implied)
  }

  /// The model-implied indicator correlations Σ̂ (p × p, indicator order) of the saturated or
  /// the estimated model.
  public static func impliedIndicatorCorrelations(_ estimate: PLSEstimate, saturated: Bool) throws
    -> Matrix
  {
    let phi = try impliedConstructCorrelations(estimate, saturated: saturated)
    let p = estimate.layout.p
    var sigma = [Double](repeating: 0, count: p * p)
    estimate.indicatorCorrelations.storage.withUnsafeBufferPointer { s in
      estimate.crossLoadings.storage.withUnsafeBufferPointer { c in
        phi.storage.withUnsafeBufferPointer { phi in
          sigma.withUnsafeMutableBufferPointer { out in
            guard let s = s.baseAddress, let c = c.baseAddress, let phi = phi.baseAddress,
              let out = out.baseAddress
            else { return }
            ImpliedCorrelations.indicators(
              layout: estimate.layout, correlation: s, loadings: c, constructs: phi, into: out)
          }
        }
      }
    }
    return try Matrix(rows: p, columns: p, columnMajor: sigma)
  }
}
