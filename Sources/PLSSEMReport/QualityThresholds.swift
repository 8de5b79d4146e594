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

/// The rules of thumb the reports judge values by: **the one table** every renderer takes its
/// thresholds, verdicts, legends and citations from (Hair, Hult, Ringle & Sarstedt, *A Primer
/// on PLS-SEM*, 3rd ed. 2022, ch. 4–6; Hair, Risher, Sarstedt & Ringle 2019, "When to use and
/// how to report the results of PLS-SEM"). They only classify values for display; nothing is
/// computed.
///
/// | statistic | meets | caution | misses |
/// | --- | --- | --- | --- |
/// | loading (Mode A) | ≥ 0.70 | 0.40 – 0.70 | < 0.40 |
/// | Cronbach's alpha, ρ_C (Mode A, 2+ indicators) | 0.70 – 0.95 | 0.60 – 0.70 or > 0.95 | < 0.60 |
/// | AVE (Mode A) | ≥ 0.50 | | < 0.50 |
/// | HTMT (Henseler, Ringle & Sarstedt 2015) | ≤ 0.85 | 0.85 – 0.90 | > 0.90 |
/// | VIF (outer and inner) | < 3 | 3 – 5 | ≥ 5 |
/// | full collinearity VIF, `--cmb` (Kock 2015) | ≤ 3.3 | | > 3.3 |
/// | Harman's first-factor share, `--cmb` (Podsakoff et al. 2003) | < 50 % | | ≥ 50 % |
///
/// Mode B (composite) blocks make no claim of internal consistency, so their loadings,
/// reliability and AVE are shown without verdicts. R², f², Q², Q²predict and SRMR have
/// reading guides (``rules``) but no verdicts: the literature gives them as orientation, not
/// as pass/fail limits.
///
/// ``standard`` holds the published values; a program may judge by other limits (for example
/// the liberal HTMT limit only) by passing its own value to
/// ``EstimationReport/document(thresholds:)``: every format then uses them.
public struct QualityThresholds: Sendable, Equatable {
  /// Loading threshold (Hair et al. 2022): an indicator should share at least half its variance
  /// with its construct, λ ≥ 0.708 ≈ 0.70.
  public var loading = 0.70
  /// Below this a loading is a candidate for removal whatever else holds (Hair et al. 2022).
  public var loadingRemoval = 0.40
  /// Reliability (alpha, ρ_C) threshold; 0.60 – 0.70 is acceptable in exploratory research.
  public var reliability = 0.70
  /// Lower limit of exploratory reliability.
  public var reliabilityExploratory = 0.60
  /// Above this, reliability suggests redundant indicators (Hair et al. 2019).
  public var reliabilityRedundant = 0.95
  /// AVE threshold (Fornell & Larcker 1981).
  public var ave = 0.50
  /// Conservative HTMT threshold, for conceptually distinct constructs (Henseler et al. 2015).
  public var htmtConservative = 0.85
  /// Liberal HTMT threshold, for conceptually similar constructs (Henseler et al. 2015).
  public var htmtLiberal = 0.90
  /// VIF from which collinearity may be an issue (Hair et al. 2019).
  public var vifCaution = 3.0
  /// VIF from which collinearity is critical (Hair et al. 2022).
  public var vifCritical = 5.0
  /// Full collinearity VIF above which common method bias is suspected (Kock 2015; Kock &
  /// Lynn 2012).
  public var fullCollinearityVIF = 3.3
  /// Share of the items' variance in the first unrotated component from which Harman's
  /// single-factor test suggests common method bias (Podsakoff et al. 2003).
  public var harmanShare = 0.50

  /// The published rules of thumb (the values in the table above).
  public static let standard = QualityThresholds()

  /// The published rules of thumb.
  public init() {}

  /// The verdict on a Mode A loading.
  public func loading(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value >= loading ? .meets : value >= loadingRemoval ? .caution : .misses
  }

  /// The verdict on Cronbach's alpha or ρ_C of a Mode A block with `indicators` indicators
  /// (single-item constructs are 1 by convention and not judged).
  public func reliability(_ value: Double, indicators: Int) -> ThresholdVerdict {
    guard value.isFinite, indicators > 1 else { return .meets }
    if value < reliabilityExploratory { return .misses }
    if value < reliability || value > reliabilityRedundant { return .caution }
    return .meets
  }

  /// The verdict on an AVE.
  public func ave(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value >= ave ? .meets : .misses
  }

  /// The verdict on an HTMT ratio.
  public func htmt(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value <= htmtConservative ? .meets : value <= htmtLiberal ? .caution : .misses
  }

  /// The verdict on a VIF.
  public func vif(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value < vifCaution ? .meets : value < vifCritical ? .caution : .misses
  }

  /// The verdict on a full collinearity VIF (`--cmb`); an undefined VIF (collinear scores)
  /// misses.
  public func fullCollinearityVIF(_ value: Double) -> ThresholdVerdict {
    guard !value.isNaN else { return .misses }
    return value > fullCollinearityVIF ? .misses : .meets
  }

  /// The verdict on Harman's first-factor share (`--cmb`).
  public func harmanShare(_ value: Double) -> ThresholdVerdict {
    guard value.isFinite else { return .meets }
    return value >= harmanShare ? .misses : .meets
  }
}
