import LinearAlgebra

/// The minimum sample size of the inverse square root method (Kock & Hadaya 2018): a path
/// of absolute value |β| is detected with the target power at significance α when
///
///     n > ((z₁₋α + z_power) / |β|)²
///
/// because the standard error of a PLS path is close to 1/√n. With α = 0.05 (one-tailed) and
/// power 0.80 the constant is z₀.₉₅ + z₀.₈₀ = 1.645 + 0.842 = 2.486, the paper's
/// `n_min > (2.486 / |p_min|)²`. Kock & Hadaya state the method for one-tailed tests; with
/// two-tailed tests z₁₋α/₂ replaces z₁₋α (1.960 + 0.842 = 2.802 at α = 0.05).
///
/// Kock, N. & Hadaya, P. (2018). Minimum sample size estimation in PLS-SEM: The inverse square
/// root and gamma-exponential methods. *Information Systems Journal* 28(1), 227–261.
public struct InverseSquareRoot: Sendable, Equatable, Codable {
  /// |β|, the path's absolute population value.
  public var coefficient: Double
  /// The significance level α.
  public var alpha: Double
  /// The tails of the test.
  public var tails: TestTails
  /// The target power.
  public var power: Double
  /// z₁₋α (one tail) or z₁₋α/₂ (two tails) plus z_power: 2.486 at α = 0.05, one tail, 80 %.
  public var constant: Double
  /// The smallest integer n above `(constant / |β|)²`; nil for a zero path (no sample suffices).
  public var minimumN: Int?

  /// The minimum sample size for a path of value `coefficient`.
  ///
  /// - Throws: a `LinearAlgebraError` only for α or power outside (0, 1).
  public init(coefficient: Double, alpha: Double, tails: TestTails, power: Double) throws {
    self.coefficient = abs(coefficient)
    self.alpha = alpha
    self.tails = tails
    self.power = power
    let zAlpha = try StandardNormal.quantile(1 - (tails == .two ? alpha / 2 : alpha))
    constant = zAlpha + (try StandardNormal.quantile(power))
    let bound = (constant / self.coefficient) * (constant / self.coefficient)
    minimumN = bound.isFinite && bound < Double(Int.max / 2) ? Int(bound.rounded(.down)) + 1 : nil
  }
}
