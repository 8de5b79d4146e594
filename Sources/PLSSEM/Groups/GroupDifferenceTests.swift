import LinearAlgebra

/// The bootstrap-based tests of a difference between two groups' estimates of one statistic.
///
/// With θ̂₁, θ̂₂ the group estimates, s₁, s₂ their bootstrap standard errors and n₁, n₂ the group
/// sizes:
///
/// - **Parametric test** (Keil et al. 2000, "A cross-cultural study on escalation of commitment
///   behavior in software projects", MIS Quarterly 24(2); the form of Henseler 2007 and Sarstedt,
///   Henseler & Ringle 2011): equal variances,
///   `t = (θ̂₁ − θ̂₂) / (√((n₁−1)²/(n₁+n₂−2)·s₁² + (n₂−1)²/(n₁+n₂−2)·s₂²) · √(1/n₁ + 1/n₂))`
///   on n₁ + n₂ − 2 degrees of freedom, two-sided.
/// - **Welch–Satterthwaite test** (unequal variances; Sarstedt, Henseler & Ringle 2011, eq. 3):
///   `t = (θ̂₁ − θ̂₂) / √((n₁−1)/n₁·s₁² + (n₂−1)/n₂·s₂²)` on
///   `ν = ((n₁−1)/n₁·s₁² + (n₂−1)/n₂·s₂²)² / ((n₁−1)/n₁²·s₁⁴ + (n₂−1)/n₂²·s₂⁴) − 2` degrees of
///   freedom, two-sided. ν is not rounded (SmartPLS); cSEM's "Nitzl" test rounds it.
/// - **Henseler's PLS-MGA** (Henseler, Ringle & Sinkovics 2009, "The use of partial least
///   squares path modeling in international marketing", Adv. Int. Marketing 20): with the
///   bootstrap draws θ*₁ⱼ, θ*₂ₖ and their means θ̄₁, θ̄₂,
///   `P(θ₁ ≤ θ₂) = 1 − #{(j, k): 2θ̄₁ − θ*₁ⱼ − 2θ̄₂ + θ*₂ₖ > 0} / (J₁ J₂)`, a one-sided
///   probability (as seminr's `estimate_pls_mga` and cSEM report it); the two-sided p is
///   `2 min(P, 1 − P)`.
///
/// Each is nil where it is undefined: a standard error of 0 (a statistic fixed by construction,
/// e.g. a single-item loading) or fewer than two draws.
public enum GroupDifferenceTests {
  /// The parametric (Keil et al. 2000) two-sided p.
  public static func parametricP(
    difference: Double, standardErrors s: (Double, Double), observations n: (Int, Int)
  ) -> Double? {
    let n1 = Double(n.0)
    let n2 = Double(n.1)
    let df = n1 + n2 - 2
    let pooled =
      ((n1 - 1) * (n1 - 1) / df * s.0 * s.0 + (n2 - 1) * (n2 - 1) / df * s.1 * s.1).squareRoot()
      * (1 / n1 + 1 / n2).squareRoot()
    guard pooled > 0, pooled.isFinite, difference.isFinite, df > 0 else { return nil }
    return 2 * StudentT.survival(abs(difference / pooled), degreesOfFreedom: df)
  }

  /// The Welch–Satterthwaite two-sided p and its degrees of freedom.
  public static func welch(
    difference: Double, standardErrors s: (Double, Double), observations n: (Int, Int)
  ) -> (p: Double, degreesOfFreedom: Double)? {
    let n1 = Double(n.0)
    let n2 = Double(n.1)
    let v1 = (n1 - 1) / n1 * s.0 * s.0
    let v2 = (n2 - 1) / n2 * s.1 * s.1
    let se = (v1 + v2).squareRoot()
    let df =
      (v1 + v2) * (v1 + v2)
      / ((n1 - 1) / (n1 * n1) * s.0 * s.0 * s.0 * s.0 + (n2 - 1) / (n2 * n2) * s.1 * s.1 * s.1 * s.1)
      - 2
    guard se > 0, se.isFinite, df > 0, df.isFinite, difference.isFinite else { return nil }
    return (2 * StudentT.survival(abs(difference / se), degreesOfFreedom: df), df)
  }

  /// Henseler's one-sided P(θ₁ ≤ θ₂) from the two groups' successful draws (any order).
  ///
  /// Counted exactly in O(J log J): with `a_j = (2θ̄₁ − θ*₁ⱼ) − 2θ̄₂`, a pair counts when
  /// `a_j + θ*₂ₖ > 0`, i.e. (the sign of a rounded sum being that of the exact sum)
  /// `θ*₂ₖ > −a_j`: the draws of group 2 are sorted once and each j is a binary search.
  public static func henselerP(_ draws1: [Double], _ draws2: [Double]) -> Double? {
    guard draws1.count >= 2, draws2.count >= 2 else { return nil }
    let mean1 = draws1.reduce(0, +) / Double(draws1.count)
    let mean2 = draws2.reduce(0, +) / Double(draws2.count)
    let sorted2 = draws2.sorted()
    var favourable = 0
    for b1 in draws1 {
      let a = 2 * mean1 - b1 - 2 * mean2
      // The number of sorted2 elements > -a.
      let threshold = -a
      var low = 0
      var high = sorted2.count
      while low < high {
        let mid = (low + high) / 2
        if sorted2[mid] > threshold { high = mid } else { low = mid + 1 }
      }
      favourable += sorted2.count - low
    }
    return 1 - Double(favourable) / (Double(draws1.count) * Double(draws2.count))
  }

  /// The two-sided p of a one-sided probability P: `2 min(P, 1 − P)`.
  public static func twoSided(_ p: Double) -> Double {
    2 * min(p, 1 - p)
  }
}
