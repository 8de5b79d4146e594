import PLSSEM

/// The narrative in English: decimal points, APA p-values (`p < .001`), "supported" / "not
/// supported" (never "proved" or "accepted"), "effect" for a path coefficient as the field
/// uses it, with the causal caveat stated once. Wording only (with English's plurals): what is
/// said is decided once for both languages (``NarrativeWording``).
struct EnglishWording: NarrativeWording {
  let numbers = NarrativeNumbers(decimalComma: false)
  let language = NarrativeLanguage.english
  let title = "The results in words"

  func heading(_ id: String) -> String {
    switch id {
    case "admissibility": return "Before reading the results"
    case "measurement": return "Measurement model"
    case "structural": return "Structural model"
    case "hypotheses": return "Hypothesis tests"
    default: return "Mediation"
    }
  }

  let conjunction = "and"
  let serialComma = true
  let rangeConnector = "to"
  let lastPairSeparator = "; and "
  let forWord = "for"
  let throughWord = "through"
  let thenWord = "and then"
  let positiveWord = "positive"
  let negativeWord = "negative"
  let percentileWord = "percentile"
  func ciLabel(_ level: String) -> String { "\(level) CI" }

  /// "is" or "are" for `count` subjects.
  func be(_ count: Int) -> String { count == 1 ? "is" : "are" }

  let notConverged =
    "The PLS algorithm did not converge: the estimates are not final and should not be interpreted until it does (raise --max-iterations or revise the model)."
  let inadmissible =
    "The solution is inadmissible (see the warnings): the estimates should not be interpreted until the problems are resolved."

  // MARK: Measurement model

  func loadingsMeet(count: Int, limit: String, range: String, cite: String) -> String {
    "All \(count) indicators of the reflective (Mode A) constructs have loadings of at least \(limit) (\(range); \(cite))."
  }

  func loadingsShort(count: Int, meeting: Int, limit: String, cite: String, short: [String])
    -> String
  {
    "Of the \(count) indicators of the reflective (Mode A) constructs, \(meeting) \(meeting == 1 ? "has a loading" : "have loadings") of at least \(limit) (\(cite)); \(and(short)) \(short.count == 1 ? "falls" : "fall") short of it."
  }

  func loadingsBetweenRule(removal: String, limit: String, cite: String) -> String {
    "An indicator loading between \(removal) and \(limit) should be removed only if its removal raises internal consistency reliability or AVE above its threshold (\(cite))."
  }

  func loadingsBelowRule(removal: String, cite: String) -> String {
    "An indicator loading below \(removal) should be removed (\(cite))."
  }

  func reliabilityBounds(_ lower: String, _ upper: String) -> String {
    "between \(lower) and \(upper)"
  }

  func reliabilityValues(alpha: String, rhoC: String) -> String {
    "Cronbach's alpha (\(alpha)) and composite reliability ρ_C (\(rhoC))"
  }

  func reliabilityMet(values: String, bounds: String, cite: String) -> String {
    "Internal consistency reliability is established: \(values) lie \(bounds) for every construct (\(cite))."
  }

  func reliabilityIssue(
    _ shortfall: ReliabilityShortfall, statistic: String, construct: String, value: String
  ) -> String {
    let subject = "the \(statistic) of \(construct) (\(value))"
    switch shortfall {
    case .exploratory(let from, let to):
      return "\(subject) is between \(from) and \(to), acceptable in exploratory research only"
    case .unreliable(let below):
      return "\(subject) is below \(below): \(construct) is not measured reliably"
    case .redundant(let above):
      return "\(subject) is above \(above), which suggests redundant items"
    }
  }

  func reliabilityNotMet(values: String, bounds: String, cite: String, issues: String) -> String {
    "\(values) should lie \(bounds) (\(cite)); \(issues)."
  }

  func aveMet(limit: String, range: String, cite: String) -> String {
    "Convergent validity is established: the AVE of every construct is at least \(limit) (\(range); \(cite))."
  }

  func aveShort(short: [String], names: [String], limit: String, cite: String, othersMeet: Bool)
    -> String
  {
    let others = othersMeet ? "; that of the other constructs is at least \(limit)" : ""
    return
      "The AVE of \(and(short)) \(be(short.count)) below \(limit) (\(cite)): convergent validity is not established for \(and(names))\(others)."
  }

  func formativeNotJudged(_ constructs: [String]) -> String {
    "The Mode B (formative) \(constructs.count == 1 ? "construct" : "constructs") \(and(constructs)) \(be(constructs.count)) not judged by these criteria."
  }

  func htmtMet(limit: String, first: String, second: String, value: String, cite: String)
    -> String
  {
    "Discriminant validity is established by the HTMT criterion: every HTMT ratio is at most \(limit) (highest: \(first) and \(second) at \(value); \(cite))."
  }

  func htmtBetween(pairs: String, conservative: String, liberal: String, cite: String) -> String {
    "The HTMT ratio of \(pairs) is above \(conservative) but at most \(liberal), acceptable only for conceptually similar constructs (\(cite))."
  }

  func htmtAbove(pairs: String, count: Int, liberal: String, cite: String) -> String {
    "The HTMT ratio of \(pairs) is above \(liberal): discriminant validity is not established between \(count == 1 ? "these constructs" : "these pairs") (\(cite))."
  }

  func upperLimit(_ level: String) -> String {
    "one-sided \(level) upper confidence limit"
  }

  func htmtUpperMet(level: String, limit: String, cite: String) -> String {
    "The bootstrap's \(upperLimit(level)) of every HTMT ratio is at most \(limit) as well (\(cite))."
  }

  func htmtUpperAbove(level: String, pairs: String, count: Int, limit: String, cite: String)
    -> String
  {
    "The bootstrap's \(upperLimit(level)) of the HTMT ratio exceeds \(limit) for \(pairs): for \(count == 1 ? "this pair" : "these pairs") the ratio is not significantly below \(limit) (\(cite))."
  }

  func fornellLarckerMet(cite: String) -> String {
    "The Fornell–Larcker criterion is met: each construct's √AVE exceeds its correlations with the other constructs (\(cite))."
  }

  func fornellLarckerNotMet(pairs: String, cite: String) -> String {
    "The Fornell–Larcker criterion is not met for \(pairs): their correlation is not below the √AVE of each (\(cite))."
  }

  let notAssessed = "Reliability and validity were not assessed."

  // MARK: Structural model

  func vifMet(limit: String, highest: String, cite: String) -> String {
    "Collinearity among the predictors is not a concern: every inner VIF is below \(limit) (highest \(highest); \(cite))."
  }

  func vifHigh(named: [String], limit: String, cite: String) -> String {
    "The inner VIF of \(and(named)) is \(limit) or more: collinearity among the predictors may affect \(named.count == 1 ? "that path coefficient" : "those path coefficients") (\(cite))."
  }

  func r2Word(_ level: ExplainedVarianceLevel) -> String {
    switch level {
    case .substantial: return "substantial"
    case .moderate: return "moderate"
    case .weak: return "weak"
    case .below(let weak): return "below \(weak)"
    }
  }

  func explainedVarianceSentence(
    values: String, substantial: String, moderate: String, weak: String, cite: String
  ) -> String {
    "R² is \(values), read against \(substantial) (substantial), \(moderate) (moderate), and \(weak) (weak) (\(cite))."
  }

  func effectSizeWord(_ level: EffectSizeLevel) -> String {
    switch level {
    case .large: return "large"
    case .medium: return "medium"
    case .small: return "small"
    case .negligible: return "negligible"
    }
  }

  func effectSizesSentence(
    values: String, small: String, medium: String, large: String, cite: String
  ) -> String {
    "The effect sizes f² are \(values); \(small), \(medium), and \(large) mark small, medium, and large effects, and values below \(small) negligible ones (\(cite))."
  }

  let q2NotComputed = "Q² was not computed: it needs blindfolding (--blindfolding)."

  func omissionDistance(_ d: Int) -> String { ", omission distance \(d)" }

  func q2Positive(
    distance: String, values: String, count: Int, small: String, medium: String, large: String,
    cite: String
  ) -> String {
    "Q² (blindfolding\(distance)) is \(values): above zero, so the model has predictive relevance for \(count == 1 ? "this construct" : "these constructs") (above \(small) small, above \(medium) medium, above \(large) large; \(cite))."
  }

  func q2NotPositive(named: String, names: String) -> String {
    "Q² of \(named) is not above zero: the model has no predictive relevance for \(names)."
  }

  let causalCaveat =
    "As usual in PLS-SEM, an \"effect\" of one construct on another is its estimated path coefficient in the direction the model specifies; with observational (e.g. survey) data it describes an association and does not by itself establish causation."

  // MARK: Hypotheses

  let noHypothesesNamed =
    "The model file names no hypotheses (comments such as \"# H1: X -> Y (+)\"), so the structural paths are described without decisions."

  func significanceNeedsBootstrap(hypotheses: Bool) -> String {
    "Whether the \(hypotheses ? "hypotheses are supported" : "paths are significant") cannot be decided from these estimates: significance needs a bootstrap (--bootstrap, e.g. 5,000 resamples)."
  }

  func tailsPhrase(_ tails: TestTails) -> String {
    tails == .two ? "two-tailed" : "one-tailed in the direction of each estimate"
  }

  func testingSentence(resamples: String, tails: String, alpha: String) -> String {
    "Significance is tested with \(resamples) bootstrap resamples, \(tails), at α = \(alpha)"
  }

  func indirectEffectsJudged(level: String, method: String, cite: String) -> String {
    "; indirect effects are judged by their \(level) \(method) bootstrap confidence interval, significant when it excludes zero (\(cite))"
  }

  func effectSubject(_ x: String, _ y: String) -> String { "The effect of \(x) on \(y)" }

  func indirectEffectSubject(_ x: String, _ y: String, through: String) -> String {
    "The indirect effect of \(x) on \(y) \(through)"
  }

  func directEffectSubject(_ x: String, _ y: String) -> String {
    "the direct effect of \(x) on \(y)"
  }

  let noBootstrapReason = "no bootstrap"
  let noVariationReason = "the statistic does not vary across resamples"

  func untestedEffect(head: String, estimate: String, reason: String) -> String {
    "\(head): β = \(estimate); its significance is not tested (\(reason))."
  }

  func significantEffect(_ x: String, _ y: String, sign: String, statistics: String) -> String {
    "\(x) has a \(sign) and significant effect on \(y) (\(statistics))"
  }

  func significantIndirect(subject: String, sign: String, statistics: String) -> String {
    "\(subject) is \(sign) and significant (\(statistics))"
  }

  func oppositeToHypothesis(_ expected: String) -> String {
    ", opposite to the \(expected) effect hypothesised"
  }

  let signOppositeClause = " and its sign is opposite to the one hypothesised"

  func notSignificantEffect(subject: String, signClause: String, statistics: String) -> String {
    "\(subject) is not significant\(signClause) (\(statistics))"
  }

  func notSignificantIndirect(subject: String, signClause: String, statistics: String)
    -> String
  {
    "\(subject) is not significant: its confidence interval includes zero\(signClause) (\(statistics))"
  }

  func hypothesisDecision(_ label: String, supported: Bool) -> String {
    "; \(label) is \(supported ? "supported" : "not supported")."
  }

  func tallySentence(_ tally: HypothesisTally) -> String {
    switch tally {
    case .all(let total):
      return total == 1 ? "The hypothesis is supported." : "All \(total) hypotheses are supported."
    case .none(let total):
      return total == 1
        ? "The hypothesis is not supported." : "None of the \(total) hypotheses is supported."
    case .some(let supported, let total):
      return "Of the \(total) hypotheses, \(supported) \(be(supported)) supported."
    }
  }

  // MARK: Mediation

  func mediationUntested(_ x: String, _ y: String, through: String, estimate: String) -> String {
    "The specific indirect effect of \(x) on \(y) \(through) is \(estimate); whether it is significant, and hence the type of mediation, needs a bootstrap."
  }

  func mediationSentence(_ type: NarrativeFindings.MediationType, _ p: MediationPhrase)
    -> String
  {
    let mediate = p.mediatorCount > 1 ? "mediate" : "mediates"
    switch type {
    case .complementary:
      return
        "\(p.subject) is significant (\(p.indirect)), and so is \(p.directSubject) (\(p.direct)), with the same sign: \(p.mediators) partially \(mediate) the relationship (complementary mediation; \(p.cite))."
    case .competitive:
      return
        "\(p.subject) is significant (\(p.indirect)), and so is \(p.directSubject) (\(p.direct)), with the opposite sign: \(p.mediators) partially \(mediate) the relationship (competitive mediation; \(p.cite))."
    case .indirectOnly:
      return
        "\(p.subject) is significant (\(p.indirect)), while \(p.directSubject) is not (\(p.direct)): \(p.mediators) fully \(mediate) the relationship (indirect-only mediation; \(p.cite))."
    case .directOnly:
      return
        "\(p.subject) is not significant: its interval includes zero (\(p.indirect)); \(p.directSubject) is significant (\(p.direct)): no mediation \(p.through) (direct-only non-mediation; \(p.cite))."
    case .noEffect:
      return
        "Neither \(p.subject.lowercasedFirst) (\(p.indirect)) nor \(p.directSubject) (\(p.direct)) is significant: no mediation (no-effect non-mediation; \(p.cite))."
    case .noDirectPath:
      return
        "\(p.subject) is significant (\(p.indirect)); the model has no direct path from \(p.from) to \(p.to), so whether the mediation is full or partial is not assessed (\(p.cite))."
    case .noIndirectNoDirectPath:
      return
        "\(p.subject) is not significant: its interval includes zero (\(p.indirect)); there is no mediation \(p.through)."
    }
  }

  // MARK: Table

  let tableTitle = "Hypotheses"
  let referencesTitle = "References"

  func tableHeaders(level: Double) -> (
    label: String, path: String, expected: String, decision: String, significant: String,
    interval: String
  ) {
    (
      "Hypothesis", "Path", "Expected sign", "Decision", "Significant",
      "\(numbers.percent(level)) CI"
    )
  }

  func decision(_ d: NarrativeFindings.HypothesisOutcome.Decision) -> String {
    switch d {
    case .supported: return "supported"
    case .notSignificant: return "not supported"
    case .oppositeSign: return "not supported (opposite sign)"
    case .untested: return "not tested"
    }
  }

  func significantCell(_ significant: Bool?) -> String {
    significant.map { $0 ? "yes" : "no" } ?? "not tested"
  }

  func direction(_ d: PathModel.Hypothesis.Direction?) -> String {
    d.map { $0 == .positive ? "+" : "−" } ?? "either"
  }

  var references: [String] { NarrativeReferences.all }
}
