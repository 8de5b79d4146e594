import Foundation

/// Student's t distribution with ν > 0 (not necessarily integer) degrees of freedom:
/// distribution function, survival function, density and quantile.
///
/// Against mpmath at 40 digits the relative error of the smaller tail is below 3e-14 for tail
/// probabilities down to 1e-30 and below 2e-13 down to 1e-300 (where the rounding of t²/ν is
/// amplified by about t²/2); quantiles are accurate to a few ulps.
///
/// For z ≥ 0 let s = z²/ν, x = ν/(ν + z²) = 1/(1 + s) and y = 1 − x. The two pieces of the
/// distribution are regularized incomplete beta functions I (Abramowitz & Stegun 1964,
/// *Handbook of Mathematical Functions*, §26.5 and §26.7; Johnson, Kotz & Balakrishnan 1995,
/// *Continuous Univariate Distributions* vol. 2, ch. 28):
///
///     P(T > z)     = ½ I_x(ν/2, ½)        (the tail)
///     P(0 < T < z) = ½ I_y(½, ν/2)        (the central part)
///
/// Whichever of the two is the natural one to expand (the rule of Numerical Recipes, Press et
/// al. 2007, §6.4: expand I_x(a, b) directly when x < (a + 1)/(a + b + 2)) is computed
/// directly, and the other as ½ minus it, so the smaller tail never suffers cancellation.
/// The expansions are the continued fraction for I_x(a, b) (Numerical Recipes §6.4, eq. 6.4.5)
/// evaluated with the modified Lentz algorithm (§5.2), and, for ν ≥ 30 where the continued
/// fraction loses accuracy as x → 1, an asymptotic expansion of I_x(a, ½) in incomplete gamma
/// functions in the manner of DiDonato & Morris's BGRAT (A. R. DiDonato and A. H. Morris,
/// "Algorithm 708: Significant digit computation of the incomplete beta function ratios",
/// *ACM TOMS* 18(3), 360–373, 1992; the expansion is due to N. M. Temme).
public enum StudentT {

  // MARK: Distribution function

  /// The distribution function F(t; ν) = P(T ≤ t).
  ///
  /// F(t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≤ 0 and ½ + ½ I_{t²/(ν+t²)}(½, ν/2) for t > 0, each part
  /// evaluated as described on ``StudentT``. For ν ≥ 10³⁰ the t distribution equals the normal
  /// to double precision and ``StandardNormal/cdf(_:)`` is used; ν = +∞ is accepted.
  ///
  /// - Parameters:
  ///   - t: any value; NaN gives NaN, −∞ gives 0 and +∞ gives 1.
  ///   - nu: the degrees of freedom ν > 0; zero, negative or NaN ν gives NaN.
  /// - Returns: F(t; ν) in [0, 1].
  public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    guard !t.isNaN, nu > 0 else { return .nan }
    if nu >= normalLimit { return StandardNormal.cdf(t) }
    let parts = evaluate(abs(t), nu)
    return t < 0 ? parts.tail : 0.5 + parts.central
  }

  /// The survival function 1 − F(t; ν) = P(T > t), accurate in the upper tail.
  ///
  /// By symmetry this is F(−t; ν), computed from the tail expansion without subtracting from 1
  /// (see ``cdf(_:degreesOfFreedom:)``); a two-sided p-value is `2 * survival(abs(t), …)`.
  ///
  /// - Parameters:
  ///   - t: any value; NaN gives NaN, −∞ gives 1 and +∞ gives 0.
  ///   - nu: the degrees of freedom ν > 0; zero, negative or NaN ν gives NaN.
  /// - Returns: 1 − F(t; ν) in [0, 1].
  public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    guard !t.isNaN, nu > 0 else { return .nan }
    if nu >= normalLimit { return StandardNormal.survival(t) }
    let parts = evaluate(abs(t), nu)
    return t > 0 ? parts.tail : 0.5 + parts.central
  }

  /// The density f(t; ν) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^{−(ν+1)/2}.
  ///
  /// The gamma-function ratio is taken from `tgamma` for ν < 20 and otherwise from the Stirling
  /// series of log Γ (Abramowitz & Stegun 1964, eq. 6.1.41), arranged so that no large
  /// logarithms cancel; the power uses log1p for t² ≤ ν and `pow` on ν/(ν + t²) beyond.
  ///
  /// - Parameters:
  ///   - t: any value; NaN gives NaN, ±∞ give 0.
  ///   - nu: the degrees of freedom ν > 0; zero, negative or NaN ν gives NaN.
  /// - Returns: f(t; ν).
  public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    guard !t.isNaN, nu > 0 else { return .nan }
    if nu >= normalLimit { return StandardNormal.density(t) }
    if t.isInfinite { return 0 }
    let geometry = Geometry(abs(t), nu)
    let a = 0.5 * nu
    let logDensity = logDensity(a, geometry.log1pS)
    if geometry.s <= 1 { return exp(logDensity) }
    return prefactor(geometry, a, logDensity: logDensity) / geometry.z
  }

  // MARK: Quantile

  /// The quantile function F⁻¹(p; ν): the t with F(t; ν) = p.
  ///
  /// ν = 1 (Cauchy) and ν = 2 have closed forms, t = −cot(πp) and
  /// t = (2p − 1)/√(2p(1 − p)) (Johnson, Kotz & Balakrishnan 1995, ch. 28), evaluated on the
  /// smaller tail probability. Otherwise a starting value from Hill's algorithm 396
  /// (G. W. Hill, "Algorithm 396: Student's t-quantiles", *Comm. ACM* 13(10), 619–620, 1970;
  /// for ν < 1, where Hill's approximation does not apply, the power-law tail
  /// P(T > z) ≈ Γ((ν+1)/2) ν^{(ν−2)/2} / (√π Γ(ν/2)) · z^{−ν}) is refined by Halley's method
  /// (Press et al., *Numerical Recipes*, 3rd ed. 2007, §9.4) in the coordinates log z and
  /// log P, using f′/f = −(ν+1)t/(ν+t²), inside a bracket that falls back to bisection. The
  /// refinement solves P(T > z) = min(p, 1 − p) in the tails and P(0 < T < z) = |p − ½| (exact
  /// in floating point there) near the centre, so neither loses relative precision, and the
  /// result is as accurate as ``cdf(_:degreesOfFreedom:)`` allows.
  ///
  /// - Parameters:
  ///   - p: a probability in the open interval (0, 1).
  ///   - nu: the degrees of freedom ν > 0 (ν = +∞ gives the normal quantile).
  /// - Returns: F⁻¹(p; ν); negative for p < ½, 0 at p = ½. If the quantile exceeds the largest
  ///   finite double (possible only for ν < 1 and extreme p) the result is ±∞.
  /// - Throws: ``LinearAlgebraError/invalidArgument(operation:detail:)`` if p is NaN or outside
  ///   (0, 1), or if ν is NaN or not positive.
  public static func quantile(_ p: Double, degreesOfFreedom nu: Double) throws(LinearAlgebraError)
    -> Double
  {
    guard p > 0, p < 1 else {
      throw .invalidArgument(
        operation: "StudentT.quantile", detail: "probability p = \(p) is outside (0, 1)")
    }
    guard nu > 0 else {
      throw .invalidArgument(
        operation: "StudentT.quantile", detail: "degrees of freedom ν = \(nu) must be positive")
    }
    if nu >= normalLimit { return StandardNormal.quantileUnchecked(p) }
    if p == 0.5 { return 0 }
    let lower = p < 0.5
    let tail = lower ? p : 1 - p  // 1 − p is exact for p ≥ ½ (Sterbenz)
    let half = lower ? 0.5 - p : p - 0.5  // exact whenever tail ≥ ¼, where it is used
    let z: Double
    if nu == 1 {
      z = tail < 0.25 ? 1 / tan(Double.pi * tail) : tan(Double.pi * half)
    } else if nu == 2 {
      z = (1 - 2 * tail) / (2 * tail * (1 - tail)).squareRoot()
    } else {
      var start = nu >= 1 ? hillStart(twoSided: 2 * tail, nu) : .nan
      if !(start.isFinite && start > 0) { start = powerLawStart(tail, nu) }
      z = refine(start: start, tail: tail, half: half, nu: nu)
    }
    return lower ? -z : z
  }

  // MARK: Evaluation

  /// Above this many degrees of freedom the t and normal distributions agree to double
  /// precision over the whole representable range (their relative difference is O(z⁴/ν)).
  static let normalLimit = 1e30

  /// x, y and log(1 + s) for z ≥ 0, formed without overflow for huge z.
  struct Geometry {
    /// The argument z ≥ 0 and the degrees of freedom ν.
    var z: Double
    var nu: Double
    /// s = z²/ν (may be +∞).
    var s: Double
    /// x = ν/(ν + z²).
    var x: Double
    /// y = z²/(ν + z²) = 1 − x.
    var y: Double
    /// log(1 + s) = −log x.
    var log1pS: Double

    init(_ z: Double, _ nu: Double) {
      self.z = z
      self.nu = nu
      s = z * z / nu
      if s <= 1 {
        x = 1 / (1 + s)
        y = s / (1 + s)
        log1pS = log1p(s)
      } else {
        let inverse = nu / z / z  // 1/s without overflow
        x = inverse / (1 + inverse)
        y = 1 / (1 + inverse)
        let logS = s.isFinite ? log(s) : 2 * log(z) - log(nu)
        log1pS = logS + log1p(inverse)
      }
    }

    /// x^a for s > 1, from `pow` on x itself: its relative error is about 2a ulps (the rounding
    /// of x, amplified by a), whereas exp(−a log(1 + s)) loses |a log(1 + s)| ulps, up to ~700
    /// in a heavy tail. Below the normal range x is rescaled by 2¹⁰²⁴ (then 1024a is exact).
    func xPower(_ a: Double) -> Double {
      if x >= .leastNormalMagnitude { return pow(x, a) }
      guard a <= 1 else { return exp(-a * log1pS) }  // the result is subnormal or zero anyway
      let w = z * 0x1p-512  // x·2¹⁰²⁴ = ν/(ν·2⁻¹⁰²⁴ + w²)
      let scaledX = nu / (w * w + nu * 0x1p-1024)
      let halfScale = exp2(-512 * a)
      return pow(scaledX, a) * halfScale * halfScale
    }
  }

  /// The tail P(T > z), the central part P(0 < T < z) (they add to ½) and log f(z).
  struct Evaluation {
    var tail: Double
    var central: Double
    var logDensity: Double
  }

  /// Evaluates both halves for z ≥ 0 and 0 < ν < ``normalLimit``.
  static func evaluate(_ z: Double, _ nu: Double) -> Evaluation {
    let a = 0.5 * nu
    if z == 0 { return Evaluation(tail: 0.5, central: 0, logDensity: logDensity(a, 0)) }
    if z == .infinity { return Evaluation(tail: 0, central: 0.5, logDensity: -.infinity) }
    let geometry = Geometry(z, nu)
    let logDensity = logDensity(a, geometry.log1pS)
    let prefactor = prefactor(geometry, a, logDensity: logDensity)
    // Numerical Recipes' rule x ≥ (a + 1)/(a + b + 2), with b = ½, rearranged as s(a + 1) ≤ 3/2.
    if geometry.s * (a + 1) <= 1.5 {
      // P(0 < T < z) = ½ I_y(½, a) = ½ · prefactor · CF / ½.
      let central = prefactor * continuedFraction(a: 0.5, b: a, x: geometry.y, y: geometry.x)
      return Evaluation(tail: 0.5 - central, central: central, logDensity: logDensity)
    }
    let tail: Double
    if a >= 15, geometry.log1pS <= 1 {
      tail = asymptoticTail(a, geometry.log1pS)
    } else {
      // P(T > z) = ½ I_x(a, ½) = ½ · prefactor · CF / a.
      tail = 0.5 * prefactor * continuedFraction(a: a, b: 0.5, x: geometry.x, y: geometry.y) / a
    }
    return Evaluation(tail: tail, central: 0.5 - tail, logDensity: logDensity)
  }

  /// The common prefactor x^a y^½ / B(a, ½) = z f(z) of both expansions, with
  /// 1/B(a, ½) = Γ(a + ½)/(Γ(a)√π). For s ≤ 1 it is z·exp(log f) (all logarithms there are
  /// small); for s > 1 it is assembled from x^a (``Geometry/xPower(_:)``), √y and the gamma ratio,
  /// which keeps heavy tails accurate.
  static func prefactor(_ geometry: Geometry, _ a: Double, logDensity: Double) -> Double {
    if geometry.s <= 1 { return geometry.z * exp(logDensity) }
    return geometry.xPower(a) * geometry.y.squareRoot() * gammaRatio(a)
      * StandardNormal.inverseSquareRootPi
  }

  /// Γ(a + ½)/Γ(a): `tgamma` (a few ulps) for a < 10, else √a·exp of the Stirling form in
  /// ``scaledLogGammaRatio(_:)``.
  static func gammaRatio(_ a: Double) -> Double {
    if a < 10 { return tgamma(a + 0.5) / tgamma(a) }
    return a.squareRoot() * exp(scaledLogGammaRatio(a))
  }

  /// log f(z; ν) = log[Γ(a+½)/(Γ(a)√a)] − ½ log 2π − (a + ½) log(1 + z²/ν), with a = ν/2.
  static func logDensity(_ a: Double, _ log1pS: Double) -> Double {
    scaledLogGammaRatio(a) - 0.5 * logTwoPi - (a + 0.5) * log1pS
  }

  /// log[Γ(a + ½) / (Γ(a) √a)] without cancellation between large logarithms.
  ///
  /// For a ≥ 10 this uses Stirling's series log Γ(a) = (a − ½) log a − a + ½ log 2π + ω(a)
  /// (Abramowitz & Stegun 1964, eq. 6.1.41), which gives
  /// a·log1p(1/(2a)) − ½ + ω(a + ½) − ω(a); below, the logarithm of the `tgamma` ratio.
  static func scaledLogGammaRatio(_ a: Double) -> Double {
    if a < 10 { return log(gammaRatio(a)) - 0.5 * log(a) }
    return (a * log1p(0.5 / a) - 0.5) + stirlingRemainder(a + 0.5) - stirlingRemainder(a)
  }

  /// ω(a) = log Γ(a) − [(a − ½) log a − a + ½ log 2π] for a ≥ 10, by the Stirling series
  /// Σ B₂ₖ / (2k(2k − 1) a^{2k−1}) (Abramowitz & Stegun 1964, eq. 6.1.41); eight terms leave an
  /// error below 3e-17 at a = 10.
  static func stirlingRemainder(_ a: Double) -> Double {
    let r = 1 / a
    let r2 = r * r
    var sum = -3617.0 / 122_400
    sum = sum * r2 + 1.0 / 156
    sum = sum * r2 - 691.0 / 360_360
    sum = sum * r2 + 1.0 / 1188
    sum = sum * r2 - 1.0 / 1680
    sum = sum * r2 + 1.0 / 1260
    sum = sum * r2 - 1.0 / 360
    sum = sum * r2 + 1.0 / 12
    return sum * r
  }

  /// The continued fraction of I_x(a, b) = x^a y^b / (a B(a, b)) · CF, y = 1 − x
  /// (Numerical Recipes, Press et al. 2007, eq. 6.4.5), by the modified Lentz algorithm
  /// (Lentz 1976; Thompson & Barnett 1986; Numerical Recipes §5.2). Converges quickly for
  /// x < (a + 1)/(a + b + 2). For b ≤ 1 the first denominator, 1 − (a + b)x/(a + 1), is formed
  /// as (1 − b + (a + b)y)/(a + 1) to avoid cancellation when x is close to 1.
  static func continuedFraction(a: Double, b: Double, x: Double, y: Double) -> Double {
    let tiny = 1e-300
    let sum = a + b
    let aPlusOne = a + 1
    let aMinusOne = a - 1
    var c = 1.0
    // 1 − (a + b)x/(a + 1); for b ≤ 1 the equal form (1 − b + (a + b)y)/(a + 1) is a sum of
    // non-negative terms and keeps its precision as x → 1.
    var d = b <= 1 ? (1 - b + sum * y) / aPlusOne : 1 - sum * x / aPlusOne
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    var m = 1.0
    while m <= 5000 {
      let twoM = 2 * m
      // Even step: d_{2m} = m(b − m)x / ((a − 1 + 2m)(a + 2m)).
      var coefficient = m * (b - m) * x / ((aMinusOne + twoM) * (a + twoM))
      d = 1 + coefficient * d
      if abs(d) < tiny { d = tiny }
      c = 1 + coefficient / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 1 + 2m)).
      coefficient = -(a + m) * (sum + m) * x / ((a + twoM) * (aPlusOne + twoM))
      d = 1 + coefficient * d
      if abs(d) < tiny { d = tiny }
      c = 1 + coefficient / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) <= Double.ulpOfOne { break }
      m += 1
    }
    return h
  }

  /// P(T > z) = ½ I_x(a, ½) for a = ν/2 ≥ 15 and w₀ = log(1 + z²/ν) ≤ 1.
  ///
  /// With x = e^{−w} the integrand of I_x(a, ½) is e^{−aw}(1 − e^{−w})^{−½}
  /// = e^{−Tw} w^{−½} h(w), T = a − ¼, h(w) = (sinh(w/2)/(w/2))^{−½} = Σ cₙ w²ⁿ (an even
  /// function, analytic for |w| < 2π). Integrating term by term over (w₀, ∞) gives
  ///
  ///     P(T > z) = Γ(a+½) / (2√π Γ(a) √T) · Σ cₙ T^{−2n} Γ(½ + 2n, T w₀),
  ///
  /// the b = ½ case of the incomplete-gamma expansion used by BGRAT (DiDonato & Morris 1992,
  /// after Temme). Γ(½, λ) = √π erfc(√λ) (DLMF 8.4.6) and Γ(α + 1, λ) = αΓ(α, λ) + λ^α e^{−λ}
  /// (DLMF 8.8.2) give every term as a sum of positive parts, without cancellation.
  /// The terms fall at least as fast as (w₀/2π)² and (2n)²/(2πT)², so twenty coefficients are
  /// ample.
  static func asymptoticTail(_ a: Double, _ w0: Double) -> Double {
    let t = a - 0.25
    let lambda = t * w0
    let logK = scaledLogGammaRatio(a) - 0.5 * log1p(-0.25 / a)  // log[Γ(a+½)/(Γ(a)√T)]
    let root = lambda.squareRoot()
    // √λ = root + rootError exactly (to first order); compensate erfc as in StandardNormal.
    let rootError = lambda.addingProduct(-root, root) / (2 * root)
    let expMinusLambda = exp(-lambda)
    // g = Γ(α, λ)/√π, starting at α = ½; power = λ^α e^{−λ}/√π.
    var g =
      erfc(root) - 2 * rootError * exp(-root * root) * StandardNormal.inverseSquareRootPi
    var power = root * expMinusLambda * StandardNormal.inverseSquareRootPi
    var alpha = 0.5
    var sum = g
    var scale = 1.0
    let inverseTSquared = 1 / (t * t)
    for coefficient in asymptoticCoefficients.dropFirst() {
      g = alpha * g + power
      power *= lambda
      alpha += 1
      g = alpha * g + power
      power *= lambda
      alpha += 1
      scale *= inverseTSquared
      let term = coefficient * g * scale
      sum += term
      if abs(term) <= 1e-17 * abs(sum) { break }
    }
    return 0.5 * exp(logK) * sum
  }

  /// Taylor coefficients cₙ of (sinh(w/2)/(w/2))^{−½} = Σ cₙ w²ⁿ (c₁ = −1/48, c₂ = 1/2560),
  /// computed at 60 significant digits with mpmath by
  /// `scripts/fixtures/make_distribution_fixtures.py --print-coefficients`.
  static let asymptoticCoefficients: [Double] = [
    1.0,
    -2.083333333333333333333333e-2,
    3.90625e-4,
    -7.879670965608465608465608e-6,
    1.696766579172178130511464e-7,
    -3.805064191721906565656566e-9,
    8.748377596315407304060578e-11,
    -2.044523359411973817583971e-12,
    4.833351797967704408318764e-14,
    -1.152434101767385923873422e-15,
    2.766052043599370042286319e-17,
    -6.674281950891659951210811e-19,
    1.617455077181579888154273e-20,
    -3.933977920091380015498509e-22,
    9.597634062586046691301201e-24,
    -2.347690291162632064770860e-25,
    5.755870387544266586774689e-27,
    -1.414008810826549049392708e-28,
    3.479869365059027835851207e-30,
    -8.577466165340376323934617e-32,
  ]

  static let logTwoPi = 1.8378770664093453

  // MARK: Quantile internals

  /// Hill's (1970) algorithm 396 approximation to the upper quantile z > 0 with two-sided
  /// probability P = 2 P(T > z), for ν ≥ 1. Used only as a starting value.
  static func hillStart(twoSided probability: Double, _ nu: Double) -> Double {
    let a = 1 / (nu - 0.5)
    let b = 48 / (a * a)
    var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
    let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * nu
    var y = pow(d * probability, 2 / nu)
    if (nu < 2.1 && probability > 0.5) || y > 0.05 + a {
      // Asymptotic inverse expansion about the normal deviate x = Φ⁻¹(P/2).
      let x = StandardNormal.quantileUnchecked(0.5 * probability)
      y = x * x
      if nu < 5 { c += 0.3 * (nu - 4.5) * (x + 0.6) }
      c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
      y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
      y = expm1(a * y * y)
    } else {
      y =
        ((1 / (((nu + 6) / (nu * y) - 0.089 * d - 0.822) * (nu + 2) * 3) + 0.5 / (nu + 4)) * y
          - 1) * (nu + 1) / (nu + 2) + 1 / y
    }
    return (nu * y).squareRoot()
  }

  /// Starting value for ν < 1 (and where Hill's formula overflows) from the power-law tail
  /// P(T > z) ≈ Γ(a+½)/(Γ(a)√a) · ν^{a−½} z^{−ν} / √(2π), a = ν/2.
  static func powerLawStart(_ tail: Double, _ nu: Double) -> Double {
    let a = 0.5 * nu
    let z = exp((scaledLogGammaRatio(a) - 0.5 * logTwoPi + (a - 0.5) * log(nu) - log(tail)) / nu)
    return min(max(z, .leastNormalMagnitude), .greatestFiniteMagnitude)
  }

  /// Halley iteration for z > 0 solving P(T > z) = tail (tail < ¼) or P(0 < T < z) = half.
  ///
  /// The iteration runs on u = log z and log G(z), G being the tail or the central part: in
  /// those coordinates a power-law tail is a straight line (Newton is exact there) and the
  /// density, which can underflow long before G does, enters only through the ratio z f/G.
  /// With M = d log G/du = ±z f/G and f′/f = −(ν + 1)z/(ν + z²), the second derivative is
  /// M(1 − κ) − M², κ = (ν + 1)z²/(ν + z²), which gives the Halley step below. Every step is
  /// kept inside a bracket [lo, hi] that shrinks with every evaluation, falling back to
  /// (geometric) bisection or to doubling when a step would leave it.
  static func refine(start: Double, tail: Double, half: Double, nu: Double) -> Double {
    let useCentral = tail >= 0.25
    let target = useCentral ? half : tail
    var z = start.isFinite && start > 0 ? start : 1
    var lo = 0.0
    var hi = Double.infinity
    for _ in 0..<400 {
      let parts = evaluate(z, nu)
      let value = useCentral ? parts.central : parts.tail
      // log G − log target, formed as one logarithm of the ratio: subtracting two large
      // logarithms would cost |log target| ulps of absolute accuracy.
      let residual = log(value / target)  // −∞ if the tail underflowed
      if residual == 0 { return z }
      // The central part increases with z and the tail decreases.
      let rootIsAbove = useCentral ? residual < 0 : residual > 0
      if rootIsAbove { lo = z } else { hi = z }
      let slope = (useCentral ? 1 : -1) * exp(log(z) + parts.logDensity - log(value))  // M
      let kappa = (nu + 1) / (1 + nu / z / z)
      let newton = residual / slope
      let logStep = newton / (1 - 0.5 * newton * (1 - kappa - slope))
      var next = z * exp(-logStep)
      if !(next > lo && next < hi) {
        if hi == .infinity {
          if z == .greatestFiniteMagnitude { return .infinity }
          next = min(2 * z, .greatestFiniteMagnitude)
        } else if lo > 0, hi > 4 * lo {
          next = lo.squareRoot() * hi.squareRoot()
        } else {
          next = 0.5 * (lo + hi)
        }
      }
      if abs(next - z) <= 2 * Double.ulpOfOne * next { return next }
      z = next
    }
    return z
  }
}
