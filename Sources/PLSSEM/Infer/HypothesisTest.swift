/// One- or two-tailed p-values for the tests of paths and effects (`--tails 1|2`).
public enum TestTails: Int, Sendable, Codable, Equatable, CaseIterable {
  /// One-tailed: the alternative lies in the direction of the estimate's sign (as SmartPLS's
  /// one-tailed option), so p is half the two-tailed p.
  case one = 1
  /// Two-tailed (the default of SmartPLS and seminr).
  case two = 2
}

/// The bootstrap test reported with a statistic: `t = (θ̂ − θ₀) / SE` against the null value
/// θ₀, with p from the reference distribution of ``PValueDistribution`` (Student's t with B − 1
/// degrees of freedom, or the standard normal) on the side(s) of the alternative.
///
/// Which statistic is tested against what (``test(for:estimate:tails:)``):
///
/// | statistic | H0 | alternative |
/// | --- | --- | --- |
/// | path, total, indirect and specific indirect effect, simple slope | θ = 0 | two-sided; with ``TestTails/one`` the side of the estimate's sign |
/// | loading, weight, cross-loading, construct correlation | θ = 0 | two-sided |
/// | HTMT, HTMT2 | HTMT = 1 | HTMT < 1 (discriminant validity; Franke & Sarstedt 2019) |
/// | R², adjusted R², f² of an interaction term | none | — (a bootstrap t of R² = 0 is not meaningful: R² ≥ 0 in every resample) |
/// | alpha, ρ_C, ρ_A, AVE, outer and inner VIF | none | — (compared with thresholds through their intervals, not tested against 0) |
///
/// Franke, G. & Sarstedt, M. (2019). Heuristics versus statistics in discriminant validity
/// testing: a comparison of four procedures. *Internet Research* 29(3), 430–447.
public struct HypothesisTest: Sendable, Codable, Equatable {
  /// The side(s) of the alternative hypothesis.
  public enum Alternative: String, Sendable, Codable, Equatable, CaseIterable {
    /// θ ≠ θ₀: `p = 2 P(T ≥ |t|)`.
    case twoSided = "two-sided"
    /// θ < θ₀: `p = P(T ≤ t)`.
    case less
    /// θ > θ₀: `p = P(T ≥ t)`.
    case greater
  }

  /// θ₀, the value under the null hypothesis.
  public var nullValue: Double
  /// The alternative.
  public var alternative: Alternative

  public init(nullValue: Double, alternative: Alternative) {
    self.nullValue = nullValue
    self.alternative = alternative
  }

  /// The test reported for `key` (nil when none is: R²).
  public static func test(for key: StatisticKey, estimate: Double, tails: TestTails)
    -> HypothesisTest?
  {
    switch key {
    case .path, .totalEffect, .indirectEffect, .specificIndirectEffect, .simpleSlope:
      guard tails == .one else { return HypothesisTest(nullValue: 0, alternative: .twoSided) }
      return HypothesisTest(nullValue: 0, alternative: estimate < 0 ? .less : .greater)
    case .loading, .weight, .crossLoading, .constructCorrelation:
      return HypothesisTest(nullValue: 0, alternative: .twoSided)
    case .htmt, .htmt2:
      return HypothesisTest(nullValue: 1, alternative: .less)
    case .rSquared, .adjustedRSquared, .cronbachAlpha, .rhoC, .rhoA, .ave, .outerVIF, .innerVIF,
      .interactionFSquare:
      return nil
    }
  }

  /// The p-value of `t`, given the survival function `survival(x) = P(T ≥ x)` of the reference
  /// distribution (symmetric about 0).
  func pValue(t: Double, survival: (Double) -> Double) -> Double {
    switch alternative {
    case .twoSided: return min(1, 2 * survival(abs(t)))
    case .greater: return survival(t)
    case .less: return survival(-t)
    }
  }
}
