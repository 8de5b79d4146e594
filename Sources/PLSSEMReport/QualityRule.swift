/// One rule of thumb as the reports state it: what it judges, the rule with its limits, and
/// where it comes from. Built from the numbers of ``QualityThresholds`` (never typed twice),
/// listed once per report in its "Rules of thumb" section and used as the tooltip of a judged
/// HTML cell.
public struct QualityRule: Sendable, Equatable {
  /// A stable identifier: `loading`, `reliability`, `ave`, `htmt`, `vif`, `r2`, `f2`, `q2`,
  /// `plspredict`, `srmr`, `fornell-larcker`, `cross-loadings`.
  public var id: String
  /// What the rule is about, e.g. "Loadings (Mode A)".
  public var subject: String
  /// The rule with its limits, e.g. "≥ 0.70; ! 0.40–0.70; !! < 0.40".
  public var rule: String
  /// The source, e.g. "Hair et al. 2022".
  public var citation: String
  /// Whether values get a verdict (highlight and `!`/`!!` marker) or the rule is a reading
  /// guide only.
  public var judged: Bool

  /// "Subject: rule (citation)."
  public var text: String { "\(subject): \(rule) (\(citation))." }
}

extension QualityThresholds {
  /// A limit as the rules write it: integers without decimals, others with two.
  static func limit(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e6
      ? String(Int(value)) : NumberText.fixed(value, 2)
  }

  /// Reading guide for R²: substantial, moderate, weak (Hair, Ringle & Sarstedt 2011).
  public static let rSquaredGuide = (substantial: 0.75, moderate: 0.50, weak: 0.25)
  /// Reading guide for f²: small, medium, large effects (Cohen 1988).
  public static let fSquareGuide = (small: 0.02, medium: 0.15, large: 0.35)
  /// Reading guide for Q² (blindfolding): above 0, 0.25 and 0.50 read as small, medium and
  /// large predictive relevance (Hair et al. 2019), used by the results in words.
  public static let q2Guide = (small: 0.0, medium: 0.25, large: 0.50)
  /// The source of ``q2Guide``.
  public static let q2GuideCitation = "Hair et al. 2019"
  /// SRMR below which fit is commonly read as good (Hu & Bentler 1999; Henseler et al. 2014).
  public static let srmrGood = 0.08

  /// Every rule, in the order the reports list them.
  public var rules: [QualityRule] {
    let l = Self.limit
    let r2 = Self.rSquaredGuide
    let f2 = Self.fSquareGuide
    return [
      QualityRule(
        id: "loading", subject: "Loadings (Mode A)",
        rule: "≥ \(l(loading)); ! \(l(loadingRemoval))–\(l(loading)); !! < \(l(loadingRemoval))",
        citation: "Hair et al. 2022", judged: true),
      QualityRule(
        id: "reliability", subject: "Cronbach's alpha and rho_C (Mode A, 2+ indicators)",
        rule:
          "\(l(reliability))–\(l(reliabilityRedundant)); ! \(l(reliabilityExploratory))–\(l(reliability)) "
          + "(exploratory research) or > \(l(reliabilityRedundant)) (redundant items); !! < \(l(reliabilityExploratory))",
        citation: "Hair et al. 2019", judged: true),
      QualityRule(
        id: "ave", subject: "AVE (Mode A)", rule: "≥ \(l(ave)); !! < \(l(ave))",
        citation: "Fornell & Larcker 1981", judged: true),
      QualityRule(
        id: "htmt", subject: "HTMT",
        rule:
          "≤ \(l(htmtConservative)); ! \(l(htmtConservative))–\(l(htmtLiberal)) "
          + "(acceptable for conceptually similar constructs); !! > \(l(htmtLiberal)); "
          + "bootstrapped, its one-sided upper limit is judged alike",
        citation: "Henseler, Ringle & Sarstedt 2015; Franke & Sarstedt 2019", judged: true),
      QualityRule(
        id: "vif", subject: "VIF (outer and inner)",
        rule: "< \(l(vifCaution)); ! \(l(vifCaution))–\(l(vifCritical)); !! ≥ \(l(vifCritical))",
        citation: "Hair et al. 2019", judged: true),
      QualityRule(
        id: "cmb-vif", subject: "Full collinearity VIF (common method bias)",
        rule:
          "≤ \(l(fullCollinearityVIF)); !! > \(l(fullCollinearityVIF)) (possible common method bias or pathological collinearity)",
        citation: "Kock 2015", judged: true),
      QualityRule(
        id: "cmb-harman", subject: "Harman's single-factor test",
        rule:
          "first unrotated component below \(l(harmanShare * 100))% of the items' variance; !! ≥ \(l(harmanShare * 100))% (one factor dominates)",
        citation: "Podsakoff et al. 2003", judged: true),
      QualityRule(
        id: "fornell-larcker", subject: "Fornell–Larcker",
        rule: "each construct's √AVE (diagonal) exceeds its correlations with the others",
        citation: "Fornell & Larcker 1981", judged: false),
      QualityRule(
        id: "cross-loadings", subject: "Cross-loadings",
        rule: "each indicator loads highest on its own construct", citation: "Hair et al. 2022",
        judged: false),
      QualityRule(
        id: "r2", subject: "R²",
        rule:
          "\(l(r2.substantial)), \(l(r2.moderate)) and \(l(r2.weak)) read as substantial, moderate and weak",
        citation: "Hair, Ringle & Sarstedt 2011", judged: false),
      QualityRule(
        id: "f2", subject: "f²",
        rule: "\(l(f2.small)) small, \(l(f2.medium)) medium, \(l(f2.large)) large",
        citation: "Cohen 1988", judged: false),
      QualityRule(
        id: "q2", subject: "Q² (blindfolding)", rule: "above 0: predictive relevance",
        citation: "Hair et al. 2017, ch. 6", judged: false),
      QualityRule(
        id: "plspredict", subject: "PLSpredict",
        rule:
          "Q²predict above 0, and PLS errors (RMSE, MAE) below the linear-model benchmark's, indicate predictive power",
        citation: "Shmueli et al. 2019", judged: false),
      QualityRule(
        id: "srmr", subject: "SRMR", rule: "below \(l(Self.srmrGood)) is commonly read as good fit",
        citation: "Hu & Bentler 1999; Henseler et al. 2014", judged: false),
    ]
  }

  /// The rule with identifier `id`.
  public func rule(_ id: String) -> QualityRule? {
    rules.first { $0.id == id }
  }

  /// The full references of the citations, for the rules section.
  public static let references: [String] = [
    "Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences (2nd ed.). Erlbaum.",
    "Fornell, C., & Larcker, D. F. (1981). Evaluating structural equation models with unobservable variables and measurement error. Journal of Marketing Research, 18(1), 39–50.",
    "Franke, G., & Sarstedt, M. (2019). Heuristics versus statistics in discriminant validity testing: a comparison of four procedures. Internet Research, 29(3), 430–447.",
    "Hair, J. F., Ringle, C. M., & Sarstedt, M. (2011). PLS-SEM: Indeed a silver bullet. Journal of Marketing Theory and Practice, 19(2), 139–152.",
    "Hair, J. F., Hult, G. T. M., Ringle, C. M., & Sarstedt, M. (2017; 3rd ed. 2022). A Primer on Partial Least Squares Structural Equation Modeling (PLS-SEM). Sage.",
    "Hair, J. F., Risher, J. J., Sarstedt, M., & Ringle, C. M. (2019). When to use and how to report the results of PLS-SEM. European Business Review, 31(1), 2–24.",
    "Henseler, J., Dijkstra, T. K., Sarstedt, M., et al. (2014). Common beliefs and reality about PLS. Organizational Research Methods, 17(2), 182–209.",
    "Henseler, J., Ringle, C. M., & Sarstedt, M. (2015). A new criterion for assessing discriminant validity in variance-based structural equation modeling. Journal of the Academy of Marketing Science, 43(1), 115–135.",
    "Hu, L., & Bentler, P. M. (1999). Cutoff criteria for fit indexes in covariance structure analysis. Structural Equation Modeling, 6(1), 1–55.",
    "Kock, N. (2015). Common method bias in PLS-SEM: A full collinearity assessment approach. International Journal of e-Collaboration, 11(4), 1–10.",
    "Podsakoff, P. M., MacKenzie, S. B., Lee, J.-Y., & Podsakoff, N. P. (2003). Common method biases in behavioral research: a critical review of the literature and recommended remedies. Journal of Applied Psychology, 88(5), 879–903.",
    "Shmueli, G., Sarstedt, M., Hair, J. F., et al. (2019). Predictive model assessment in PLS-SEM: guidelines for using PLSpredict. European Journal of Marketing, 53(11), 2322–2347.",
  ]
}
