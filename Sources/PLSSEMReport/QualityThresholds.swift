/// How a value compares with a rule-of-thumb threshold of PLS-SEM assessment.
public enum ThresholdVerdict: String, Sendable, Equatable, Comparable {
  /// Meets the threshold.
  case meets
  /// In the zone where the literature asks for judgement (e.g. HTMT between 0.85 and 0.90).
  case caution
  /// Misses the threshold.
  case misses

  private var rank: Int {
    switch self {
    case .meets: return 0
    case .caution: return 1
    case .misses: return 2
    }
  }

  /// Ordered by severity: meets < caution < misses.
  public static func < (lhs: ThresholdVerdict, rhs: ThresholdVerdict) -> Bool {
    lhs.rank < rhs.rank
  }

  /// The marker appended to a flagged value in text output: `!` caution, `!!` misses.
  public var marker: String {
    switch self {
    case .meets: return ""
    case .caution: return "!"
    case .misses: return "!!"
    }
  }
}

/// The rules of thumb the reports highlight (Hair, Hult, Ringle & Sarstedt, *A Primer on PLS-SEM*,
/// 3rd ed. 2022, ch. 4–6; Hair, Risher, Sarstedt & Ringle 2019, "When to use and how to report
/// the results of PLS-SEM"). They only classify values for display; nothing is computed.
///
/// | statistic | meets | caution | misses |
/// | --- | --- | --- | --- |
/// | loading (Mode A) | ≥ 0.70 | 0.40 – 0.70 | < 0.40 |
/// | Cronbach's alpha, ρ_C (Mode A, 2+ indicators) | 0.70 – 0.95 | 0.60 – 0.70 or > 0.95 | < 0.60 |
/// | AVE (Mode A) | ≥ 0.50 | | < 0.50 |
/// | HTMT (Henseler, Ringle & Sarstedt 2015) | ≤ 0.85 | 0.85 – 0.90 | > 0.90 |
/// | VIF (outer and inner) | < 3 | 3 – 5 | ≥ 5 |
///
/// Mode B (composite) blocks make no claim of internal consistency, so their loadings,
/// reliability and AVE are shown without verdicts.
public enum QualityThresholds {
  /// Loading threshold (Hair et al. 2022): an indicator should share at least half its variance
  /// with its construct, λ ≥ 0.708 ≈ 0.70.
  public static let loading = 0.70
  /// Below this a loading is a candidate for removal whatever else holds (Hair et al. 2022).
  public static let loadingRemoval = 0.40
  /// Reliability (alpha, ρ_C) threshold; 0.60 – 0.70 is acceptable in exploratory research.
  public static let reliability = 0.70
  /// Lower limit of exploratory reliability.
  public static let reliabilityExploratory = 0.60
  /// Above this, reliability suggests redundant indicators (Hair et al. 2019).
  public static let reliabilityRedundant = 0.95
  /// AVE threshold (Fornell & Larcker 1981).
  public static let ave = 0.50
  /// Conservative HTMT threshold, for conceptually distinct constructs (Henseler et al. 2015).
  public static let htmtConservative = 0.85
  /// Liberal HTMT threshold, for conceptually similar constructs (Henseler et al. 2015).
  public static let htmtLiberal = 0.90
  /// VIF above which collinearity may be an issue (Hair et al. 2019).
  public static let vifCaution = 3.0
  /// VIF above which collinearity is critical (Hair et al. 2022).
  public static let vifCritical = 5.0

  /// The verdict on a Mode A loading.
  public static func loading(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value >= loading ? .meets : value >= loadingRemoval ? .caution : .misses
  }

  /// The verdict on Cronbach's alpha or ρ_C of a Mode A block with `indicators` indicators
  /// (single-item constructs are 1 by convention and not judged).
  public static func reliability(_ value: Double, indicators: Int) -> ThresholdVerdict {
    guard value.isFinite, indicators > 1 else { return .meets }
    if value < reliabilityExploratory { return .misses }
    if value < reliability || value > reliabilityRedundant { return .caution }
    return .meets
  }

  /// The verdict on an AVE.
  public static func ave(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value >= ave ? .meets : .misses
  }

  /// The verdict on an HTMT ratio.
  public static func htmt(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value <= htmtConservative ? .meets : value <= htmtLiberal ? .caution : .misses
  }

  /// The verdict on a VIF.
  public static func vif(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value < vifCaution ? .meets : value < vifCritical ? .caution : .misses
  }

  /// One line per rule, for legends under tables.
  public static let legend: [String] = [
    "Loadings (Mode A): ≥ 0.70; 0.40–0.70 caution; < 0.40 misses.",
    "Cronbach's alpha and rho_C (Mode A): 0.70–0.95; 0.60–0.70 or > 0.95 caution; < 0.60 misses.",
    "AVE (Mode A): ≥ 0.50.",
    "HTMT: ≤ 0.85; 0.85–0.90 caution (acceptable for conceptually similar constructs); > 0.90 misses.",
    "VIF: < 3; 3–5 caution; ≥ 5 misses.",
  ]
}
