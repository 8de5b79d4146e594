import Foundation

// TEMPORARY scaffolding, replaced by the accurate implementations of StandardNormal and
// StudentT (to 1e-12 against scipy) in their own files.

/// The standard normal distribution.
public enum StandardNormal {
  /// Φ(x).
  public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
  /// 1 − Φ(x), accurate in the upper tail.
  public static func survival(_ x: Double) -> Double { 0.5 * erfc(x / 2.0.squareRoot()) }
  /// Φ⁻¹(p).
  public static func quantile(_ p: Double) throws(LinearAlgebraError) -> Double {
    guard p > 0, p < 1 else { throw .invalidArgument(operation: "normal quantile", detail: "p = \(p) outside (0, 1)") }
    var lo = -40.0, hi = 40.0
    for _ in 0..<200 { let mid = (lo + hi) / 2; if cdf(mid) < p { lo = mid } else { hi = mid } }
    return (lo + hi) / 2
  }
}

/// Student's t distribution.
public enum StudentT {
  /// F(t; ν).
  public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double { 1 - survival(t, degreesOfFreedom: nu) }
  /// 1 − F(t; ν).
  public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double { StandardNormal.survival(t) }
  /// F⁻¹(p; ν).
  public static func quantile(_ p: Double, degreesOfFreedom nu: Double) throws(LinearAlgebraError) -> Double {
    try StandardNormal.quantile(p)
  }
}
