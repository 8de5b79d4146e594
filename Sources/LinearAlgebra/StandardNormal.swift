import Foundation

/// The standard normal distribution N(0, 1): distribution function, survival function,
/// density and quantile, accurate to a few units in the last place in both tails.
///
/// The distribution function is computed from the complementary error function,
///
///     Φ(x) = ½ erfc(−x / √2),     1 − Φ(x) = ½ erfc(x / √2)
///
/// (Abramowitz & Stegun 1964, *Handbook of Mathematical Functions*, §26.2 with §7.1), always
/// evaluating the *smaller* tail directly so that probabilities far below machine epsilon keep
/// their full relative precision. The quantile uses Wichura's algorithm AS 241 (1988) followed
/// by one Halley step.
public enum StandardNormal {

  // MARK: Distribution function

  /// The distribution function Φ(x) = P(Z ≤ x).
  ///
  /// Computed as ½ erfc(|x| / √2) for the smaller tail (Abramowitz & Stegun 1964, §26.2, §7.1);
  /// the rounding of |x|/√2 is compensated to first order (see ``survival(_:)``), so the result
  /// has a relative error of a few ulps even for x far in the lower tail.
  ///
  /// - Parameter x: any value; NaN gives NaN, −∞ gives 0 and +∞ gives 1.
  /// - Returns: Φ(x) in [0, 1].
  public static func cdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    return x <= 0 ? upperTail(-x) : 1 - upperTail(x)
  }

  /// The survival function 1 − Φ(x) = P(Z > x), accurate in the upper tail.
  ///
  /// For x ≥ 0 this is Q(x) = ½ erfc(x/√2) (Abramowitz & Stegun 1964, §26.2, §7.1). Rounding
  /// u = x/√2 to a double perturbs the argument by δ and erfc by a relative amount ≈ 2uδ, which
  /// grows like x²·ε in the tail; the perturbation δ is recovered exactly with a fused
  /// multiply–add on a two-part representation of 1/√2 (an error-free product, Dekker 1971) and
  /// removed with the first-order term erfc(u + δ) ≈ erfc(u) − δ·(2/√π)·e^{−u²}.
  ///
  /// - Parameter x: any value; NaN gives NaN, −∞ gives 1 and +∞ gives 0.
  /// - Returns: 1 − Φ(x) in [0, 1], computed without cancellation.
  public static func survival(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    return x >= 0 ? upperTail(x) : 1 - upperTail(-x)
  }

  /// The density φ(x) = e^{−x²/2} / √(2π).
  ///
  /// x² is split into its rounded value and rounding error with a fused multiply–add, so the
  /// density keeps full relative precision in the tails.
  ///
  /// - Parameter x: any value; NaN gives NaN, ±∞ give 0.
  /// - Returns: φ(x).
  public static func density(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x.isInfinite { return 0 }
    let square = x * x
    let squareError = (-square).addingProduct(x, x)
    return exp(-0.5 * square) * (1 - 0.5 * squareError) * inverseSquareRootTwoPi
  }

  // MARK: Quantile

  /// The quantile function Φ⁻¹(p): the x with Φ(x) = p.
  ///
  /// A starting value comes from Wichura's rational approximations, algorithm AS 241 PPND16
  /// (M. J. Wichura, "The percentage points of the normal distribution", *Applied Statistics*
  /// 37(3), 477–484, 1988), which are accurate to about 1 part in 10¹⁶. One step of Halley's
  /// method on Φ(x) − p (using Φ′ = φ and Φ″ = −xφ; see Press et al., *Numerical Recipes*,
  /// 3rd ed. 2007, §9.4) then removes the rounding error of the rational evaluation. Near the
  /// centre the step works on Φ(x) − ½ = ½ erf(x/√2) against the exact p − ½, and in the tails on
  /// the smaller tail probability, so neither loses relative precision.
  ///
  /// - Parameter p: a probability in the open interval (0, 1).
  /// - Returns: Φ⁻¹(p); negative for p < ½, 0 at p = ½.
  /// - Throws: ``LinearAlgebraError/invalidArgument(operation:detail:)`` if p is NaN or outside
  ///   (0, 1).
  public static func quantile(_ p: Double) throws(LinearAlgebraError) -> Double {
    guard p > 0, p < 1 else {
      throw .invalidArgument(
        operation: "StandardNormal.quantile", detail: "probability p = \(p) is outside (0, 1)")
    }
    return quantileUnchecked(p)
  }

  /// Φ⁻¹(p) for p already known to lie in (0, 1).
  static func quantileUnchecked(_ p: Double) -> Double {
    let q = p - 0.5  // exact for p in [0.25, 1) (Sterbenz), and |q| ≤ 0.425 only there
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      let x = q * horner(centralNumerator, r) / horner(centralDenominator, r)
      // Halley on g(x) = (Φ(x) − ½) − q.
      let g = centralProbability(x) - q
      let density = density(x)
      guard density > 0 else { return x }
      let u = g / density
      return x - u / (1 + 0.5 * x * u)
    }
    // Tails: work with the smaller tail probability r = min(p, 1 − p) (1 − p is exact here).
    let tail = q < 0 ? p : 1 - p
    var z = upperTailQuantileStart(tail)
    // Halley on g(z) = Q(z) − tail, where Q′ = −φ and Q″ = zφ. Below ~1e-290 the tail
    // probability is subnormal-adjacent and its relative precision no longer supports a step.
    let density = density(z)
    if tail > 1e-290, density > 0 {
      let u = (tail - upperTail(z)) / density  // = g / g′
      z -= u / (1 + 0.5 * z * u)
    }
    return q < 0 ? -z : z
  }

  // MARK: Internals shared with StudentT

  /// Q(z) = 1 − Φ(z) = ½ erfc(z/√2) for z ≥ 0, with the argument rounding compensated.
  static func upperTail(_ z: Double) -> Double {
    if z == .infinity { return 0 }
    let u = z * squareRootHalfHigh
    // Exact value of z/√2 is u + du (error-free product plus the low part of 1/√2).
    let du = (-u).addingProduct(z, squareRootHalfHigh) + z * squareRootHalfLow
    let value = 0.5 * erfc(u)
    let correction = du * exp(-u * u) * inverseSquareRootPi  // ½ · du · (2/√π) e^{−u²}
    return value - correction
  }

  /// Φ(x) − ½ = ½ erf(x/√2), accurate relative to its (possibly tiny) size.
  static func centralProbability(_ x: Double) -> Double {
    let u = x * squareRootHalfHigh
    let du = (-u).addingProduct(x, squareRootHalfHigh) + x * squareRootHalfLow
    return 0.5 * erf(u) + du * exp(-u * u) * inverseSquareRootPi
  }

  /// AS 241 starting value z > 0 with Q(z) ≈ tail, for 0 < tail < 0.075.
  private static func upperTailQuantileStart(_ tail: Double) -> Double {
    var r = (-log(tail)).squareRoot()
    if r <= 5 {
      r -= 1.6
      return horner(intermediateNumerator, r) / horner(intermediateDenominator, r)
    }
    r -= 5
    return horner(farNumerator, r) / horner(farDenominator, r)
  }

  /// Evaluates c₀ + c₁r + … + cₙrⁿ by Horner's rule.
  @inline(__always)
  static func horner(_ coefficients: [Double], _ r: Double) -> Double {
    var value = 0.0
    for c in coefficients.reversed() { value = value * r + c }
    return value
  }

  // MARK: Constants

  /// 1/√2 = squareRootHalfHigh + squareRootHalfLow to about 2⁻¹⁰⁶.
  static let squareRootHalfHigh = 0.7071067811865476
  static let squareRootHalfLow = -4.833646656726457e-17
  /// 1/√π.
  static let inverseSquareRootPi = 0.5641895835477563
  /// 1/√(2π).
  static let inverseSquareRootTwoPi = 0.3989422804014327

  // Coefficients of AS 241 (PPND16), Wichura (1988), lowest order first.
  // |p − ½| ≤ 0.425: x = q·A(r)/B(r), r = 0.180625 − q².
  private static let centralNumerator: [Double] = [
    3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
    1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
    3.3430575583588128105e+4, 2.5090809287301226727e+3,
  ]
  private static let centralDenominator: [Double] = [
    1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
    2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
    5.2264952788528545610e+3,
  ]
  // r = √(−log tail) ≤ 5: z = C(r − 1.6)/D(r − 1.6).
  private static let intermediateNumerator: [Double] = [
    1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
    3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
    2.27238449892691845833e-2, 7.74545014278341407640e-4,
  ]
  private static let intermediateDenominator: [Double] = [
    1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
    1.05075007164441684324e-9,
  ]
  // r > 5: z = E(r − 5)/F(r − 5).
  private static let farNumerator: [Double] = [
    6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
    2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
    2.71155556874348757815e-5, 2.01033439929228813265e-7,
  ]
  private static let farDenominator: [Double] = [
    1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
    2.04426310338993978564e-15,
  ]
}
