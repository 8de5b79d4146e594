import PLSSEM

/// The narrative in English: decimal points, APA p-values (`p < .001`), "supported" / "not
/// supported" (never "proved" or "accepted"), "effect" for a path coefficient as the field
/// uses it, with the causal caveat stated once.
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

  func and(_ items: [String]) -> String { list(items, and: "and", serialComma: true) }
  func named(_ n: NarrativeFindings.Named) -> String { "\(n.name) (\(numbers.value(n.value)))" }
  func range(_ values: [Double]) -> String {
    guard let low = values.min(), let high = values.max() else { return "" }
    return numbers.range(low...high, to: "to")
  }

  func admissibility(converged: Bool, admissible: Bool) -> [String] {
    var out: [String] = []
    if !converged {
      out.append(
        "The PLS algorithm did not converge: the estimates are not final and should not be interpreted until it does (raise --max-iterations or revise the model)."
      )
    }
    if !admissible {
      out.append(
        "The solution is inadmissible (see the warnings): the estimates should not be interpreted until the problems are resolved."
      )
    }
    return out
  }

  func loadings(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    let n = m.loadings.count
    guard n > 0 else { return [] }
    let cite = cite("loading", t)
    let short = m.loadings.filter { ($0.verdict ?? .meets) != .meets }
    if short.isEmpty {
      return [
        "All \(n) indicators of the reflective (Mode A) constructs have loadings of at least \(numbers.limit(t.loading)) (\(range(m.loadings.map(\.value))); \(cite))."
      ]
    }
    var out = [
      "Of the \(n) indicators of the reflective (Mode A) constructs, \(n - short.count) \(n - short.count == 1 ? "has a loading" : "have loadings") of at least \(numbers.limit(t.loading)) (\(cite)); \(and(short.map(named))) \(short.count == 1 ? "falls" : "fall") short of it."
    ]
    if short.contains(where: { $0.verdict == .caution }) {
      out.append(
        "An indicator loading between \(numbers.limit(t.loadingRemoval)) and \(numbers.limit(t.loading)) should be removed only if its removal raises internal consistency reliability or AVE above its threshold (\(cite))."
      )
    }
    if short.contains(where: { $0.verdict == .misses }) {
      out.append(
        "An indicator loading below \(numbers.limit(t.loadingRemoval)) should be removed (\(cite))."
      )
    }
    return out
  }

  func reliability(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    guard !m.judged.isEmpty else { return [] }
    let cite = cite("reliability", t)
    let bounds =
      "between \(numbers.limit(t.reliability)) and \(numbers.limit(t.reliabilityRedundant))"
    let values =
      "Cronbach's alpha (\(range(m.alpha))) and composite reliability ρ_C (\(range(m.rhoC)))"
    if m.reliabilityIssues.isEmpty {
      return [
        "Internal consistency reliability is established: \(values) lie \(bounds) for every construct (\(cite))."
      ]
    }
    let issues = m.reliabilityIssues.map { issue -> String in
      let statistic = issue.statistic == .alpha ? "Cronbach's alpha" : "ρ_C"
      let value = "the \(statistic) of \(issue.construct) (\(numbers.value(issue.value)))"
      switch issue.kind {
      case .exploratory:
        return
          "\(value) is between \(numbers.limit(t.reliabilityExploratory)) and \(numbers.limit(t.reliability)), acceptable in exploratory research only"
      case .unreliable:
        return
          "\(value) is below \(numbers.limit(t.reliabilityExploratory)): \(issue.construct) is not measured reliably"
      case .redundant:
        return
          "\(value) is above \(numbers.limit(t.reliabilityRedundant)), which suggests redundant items"
      }
    }
    return ["\(values) should lie \(bounds) (\(cite)); \(issues.joined(separator: "; "))."]
  }

  func convergentValidity(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    guard !m.ave.isEmpty else { return formative(m) }
    let cite = cite("ave", t)
    let short = m.ave.filter { $0.verdict == .misses }
    var out: [String]
    if short.isEmpty {
      out = [
        "Convergent validity is established: the AVE of every construct is at least \(numbers.limit(t.ave)) (\(range(m.ave.map(\.value))); \(cite))."
      ]
    } else {
      let others =
        short.count < m.ave.count
        ? "; that of the other constructs is at least \(numbers.limit(t.ave))" : ""
      out = [
        "The AVE of \(and(short.map(named))) \(short.count == 1 ? "is" : "are") below \(numbers.limit(t.ave)) (\(cite)): convergent validity is not established for \(and(short.map(\.name)))\(others)."
      ]
    }
    return out + formative(m)
  }

  func formative(_ m: NarrativeFindings.Measurement) -> [String] {
    m.formative.isEmpty
      ? []
      : [
        "The Mode B (formative) \(m.formative.count == 1 ? "construct" : "constructs") \(and(m.formative)) \(m.formative.count == 1 ? "is" : "are") not judged by these criteria."
      ]
  }

  /// Pairs as a list: "X2 and X3 (0.646)", several separated by semicolons.
  func pairs(_ ps: [NarrativeFindings.Pair], r: Bool = false) -> String {
    let items = ps.map {
      "\($0.first) and \($0.second) (\(r ? "r = " : "")\(numbers.value($0.value)))"
    }
    return items.count < 2
      ? items.joined() : items.dropLast().joined(separator: "; ") + "; and " + (items.last ?? "")
  }

  func discriminantValidity(
    _ m: NarrativeFindings.Measurement, _ t: QualityThresholds, level: Double?
  ) -> [String] {
    var out: [String] = []
    let htmtCite = cite("htmt", t)
    let conservative = numbers.limit(t.htmtConservative)
    let liberal = numbers.limit(t.htmtLiberal)
    if let highest = m.htmt.max(by: { $0.value < $1.value }) {
      let caution = m.htmt.filter { t.htmt($0.value) == .caution }
      let misses = m.htmt.filter { t.htmt($0.value) == .misses }
      if caution.isEmpty && misses.isEmpty {
        out.append(
          "Discriminant validity is established by the HTMT criterion: every HTMT ratio is at most \(conservative) (highest: \(highest.first) and \(highest.second) at \(numbers.value(highest.value)); \(htmtCite))."
        )
      } else {
        if !caution.isEmpty {
          out.append(
            "The HTMT ratio of \(pairs(caution)) is above \(conservative) but at most \(liberal), acceptable only for conceptually similar constructs (\(htmtCite))."
          )
        }
        if !misses.isEmpty {
          out.append(
            "The HTMT ratio of \(pairs(misses)) is above \(liberal): discriminant validity is not established between \(misses.count == 1 ? "these constructs" : "these pairs") (\(htmtCite))."
          )
        }
      }
    }
    if let level, !m.htmtUpper.isEmpty {
      let upperCite = cite("htmt", t, part: 1)
      let above = m.htmtUpper.filter { $0.value > t.htmtConservative }
      let limit = "one-sided \(numbers.percent(level)) upper confidence limit"
      out.append(
        above.isEmpty
          ? "The bootstrap's \(limit) of every HTMT ratio is at most \(conservative) as well (\(upperCite))."
          : "The bootstrap's \(limit) of the HTMT ratio exceeds \(conservative) for \(pairs(above)): for \(above.count == 1 ? "this pair" : "these pairs") the ratio is not significantly below \(conservative) (\(upperCite))."
      )
    }
    let flCite = cite("fornell-larcker", t)
    if !m.ave.isEmpty {
      let violations = m.fornellLarckerViolations
      out.append(
        violations.isEmpty
          ? "The Fornell–Larcker criterion is met: each construct's √AVE exceeds its correlations with the other constructs (\(flCite))."
          : "The Fornell–Larcker criterion is not met for \(pairs(violations, r: true)): their correlation is not below the √AVE of each (\(flCite))."
      )
    }
    return out
  }

  let notAssessed = "Reliability and validity were not assessed."

  func collinearity(_ s: NarrativeFindings.Structural, _ t: QualityThresholds) -> [String] {
    guard let highest = s.vif.max(by: { $0.value < $1.value }) else { return [] }
    let cite = cite("vif", t)
    let high = s.vif.filter { ($0.verdict ?? .meets) != .meets }
    if high.isEmpty {
      return [
        "Collinearity among the predictors is not a concern: every inner VIF is below \(numbers.limit(t.vifCaution)) (highest \(numbers.value(highest.value, 2)); \(cite))."
      ]
    }
    let named = high.map { "\($0.name) (\(numbers.value($0.value, 2)))" }
    return [
      "The inner VIF of \(and(named)) is \(numbers.limit(t.vifCaution)) or more: collinearity among the predictors may affect \(high.count == 1 ? "that path coefficient" : "those path coefficients") (\(cite))."
    ]
  }

  func r2Label(_ value: Double) -> String {
    let g = QualityThresholds.rSquaredGuide
    return value >= g.substantial
      ? "substantial"
      : value >= g.moderate
        ? "moderate" : value >= g.weak ? "weak" : "below \(numbers.limit(g.weak))"
  }

  func explainedVariance(_ s: NarrativeFindings.Structural) -> [String] {
    guard !s.r2.isEmpty else { return [] }
    let g = QualityThresholds.rSquaredGuide
    let values = s.r2.map { "\(numbers.value($0.value)) for \($0.name) (\(r2Label($0.value)))" }
    return [
      "R² is \(and(values)), read against \(numbers.limit(g.substantial)) (substantial), \(numbers.limit(g.moderate)) (moderate), and \(numbers.limit(g.weak)) (weak) (\(Self.apa(QualityThresholds.standard.rule("r2")?.citation ?? "")))."
    ]
  }

  func f2Label(_ value: Double) -> String {
    let g = QualityThresholds.fSquareGuide
    return value >= g.large
      ? "large" : value >= g.medium ? "medium" : value >= g.small ? "small" : "negligible"
  }

  func effectSizes(_ s: NarrativeFindings.Structural) -> [String] {
    guard !s.f2.isEmpty else { return [] }
    let g = QualityThresholds.fSquareGuide
    let values = s.f2.map { "\(numbers.value($0.value)) for \($0.name) (\(f2Label($0.value)))" }
    return [
      "The effect sizes f² are \(and(values)); \(numbers.limit(g.small)), \(numbers.limit(g.medium)), and \(numbers.limit(g.large)) mark small, medium, and large effects, and values below \(numbers.limit(g.small)) negligible ones (\(Self.apa(QualityThresholds.standard.rule("f2")?.citation ?? "")))."
    ]
  }

  func q2Label(_ value: Double) -> String {
    let g = QualityThresholds.q2Guide
    return value > g.large ? "large" : value > g.medium ? "medium" : "small"
  }

  func predictiveRelevance(_ s: NarrativeFindings.Structural) -> [String] {
    guard let q2 = s.q2 else {
      return ["Q² was not computed: it needs blindfolding (--blindfolding)."]
    }
    guard !q2.isEmpty else { return [] }
    let g = QualityThresholds.q2Guide
    let positive = q2.filter { $0.value > 0 }
    let none = q2.filter { !($0.value > 0) }
    let distance = s.omissionDistance.map { ", omission distance \($0)" } ?? ""
    var out: [String] = []
    if !positive.isEmpty {
      let values = positive.map {
        "\(numbers.value($0.value)) for \($0.name) (\(q2Label($0.value)))"
      }
      out.append(
        "Q² (blindfolding\(distance)) is \(and(values)): above zero, so the model has predictive relevance for \(positive.count == 1 ? "this construct" : "these constructs") (above \(numbers.limit(g.small)) small, above \(numbers.limit(g.medium)) medium, above \(numbers.limit(g.large)) large; \(Self.apa(QualityThresholds.q2GuideCitation)))."
      )
    }
    if !none.isEmpty {
      out.append(
        "Q² of \(and(none.map(named))) is not above zero: the model has no predictive relevance for \(and(none.map(\.name)))."
      )
    }
    return out
  }

  let causalCaveat =
    "As usual in PLS-SEM, an \"effect\" of one construct on another is its estimated path coefficient in the direction the model specifies; with observational (e.g. survey) data it describes an association and does not by itself establish causation."

  func testing(_ f: NarrativeFindings) -> [String] {
    var out: [String] = []
    if !f.hasHypotheses {
      out.append(
        "The model file names no hypotheses (comments such as \"# H1: X -> Y (+)\"), so the structural paths are described without decisions."
      )
    }
    guard let testing = f.testing else {
      out.append(
        "Whether the \(f.hasHypotheses ? "hypotheses are supported" : "paths are significant") cannot be decided from these estimates: significance needs a bootstrap (--bootstrap, e.g. 5,000 resamples)."
      )
      return out
    }
    let tails =
      testing.tails == .two ? "two-tailed" : "one-tailed in the direction of each estimate"
    var sentence =
      "Significance is tested with \(numbers.count(testing.resamples)) bootstrap resamples, \(tails), at α = \(numbers.limit(testing.alpha))"
    if f.outcomes.contains(where: \.isIndirect) || !f.mediations.isEmpty {
      sentence +=
        "; indirect effects are judged by their \(numbers.percent(testing.level)) \(testing.method == .bca ? "BCa" : "percentile") bootstrap confidence interval, significant when it excludes zero (\(Self.zhao))"
    }
    out.append(sentence + ".")
    return out
  }

  static let zhao = "Zhao, Lynch & Chen, 2010"

  func through(_ chain: [String]) -> String {
    let mediators = Array(chain.dropFirst().dropLast())
    return "through " + mediators.joined(separator: " and then ")
  }

  func signWord(_ value: Double) -> String { value < 0 ? "negative" : "positive" }

  func hypothesis(
    _ o: NarrativeFindings.HypothesisOutcome, _ testing: NarrativeFindings.Testing?
  ) -> String {
    let x = o.chain.first ?? ""
    let y = o.chain.last ?? ""
    let interval = o.isIndirect ? "\(numbers.percent(testing?.level ?? 0.95)) CI" : nil
    let stats = statistics(o.effect, interval: interval)
    let subject =
      o.isIndirect
      ? "The indirect effect of \(x) on \(y) \(through(o.chain))" : "The effect of \(x) on \(y)"
    let expected = o.expected.map { $0 == .positive ? "positive" : "negative" }
    let outcome: String
    switch o.decision {
    case .untested:
      let why = testing == nil ? "no bootstrap" : "the statistic does not vary across resamples"
      let head =
        o.label.map {
          "\($0) (\(o.chain.joined(separator: " → "))\(expected.map { ", \($0)" } ?? ""))"
        } ?? o.chain.joined(separator: " → ")
      return
        "\(head): β = \(numbers.value(o.effect.estimate)); its significance is not tested (\(why))."
    case .supported:
      outcome =
        o.isIndirect
        ? "\(subject) is \(signWord(o.effect.estimate)) and significant (\(stats))"
        : "\(x) has a \(signWord(o.effect.estimate)) and significant effect on \(y) (\(stats))"
    case .oppositeSign:
      outcome =
        (o.isIndirect
          ? "\(subject) is \(signWord(o.effect.estimate)) and significant (\(stats))"
          : "\(x) has a \(signWord(o.effect.estimate)) and significant effect on \(y) (\(stats))")
        + ", opposite to the \(expected ?? "") effect hypothesised"
    case .notSignificant:
      let sign = o.signAsExpected ? "" : " and its sign is opposite to the one hypothesised"
      outcome =
        o.isIndirect
        ? "\(subject) is not significant: its confidence interval includes zero\(sign) (\(stats))"
        : "\(subject) is not significant\(sign) (\(stats))"
    }
    guard let label = o.label else { return outcome + "." }
    return outcome + "; \(label) is \(o.decision == .supported ? "supported" : "not supported")."
  }

  func tally(supported: Int, of total: Int) -> String {
    if supported == total {
      return total == 1 ? "The hypothesis is supported." : "All \(total) hypotheses are supported."
    }
    if supported == 0 {
      return total == 1
        ? "The hypothesis is not supported." : "None of the \(total) hypotheses is supported."
    }
    return "Of the \(total) hypotheses, \(supported) \(supported == 1 ? "is" : "are") supported."
  }

  func mediation(_ m: NarrativeFindings.Mediation, _ testing: NarrativeFindings.Testing?) -> String
  {
    let x = m.chain.first ?? ""
    let y = m.chain.last ?? ""
    let mediators = and(Array(m.chain.dropFirst().dropLast()))
    let subject = "the indirect effect of \(x) on \(y) \(through(m.chain))"
    guard let testing, let type = m.type else {
      return
        "The specific indirect effect of \(x) on \(y) \(through(m.chain)) is \(numbers.value(m.indirect.estimate)); whether it is significant, and hence the type of mediation, needs a bootstrap."
    }
    let ci = "\(numbers.percent(testing.level)) CI"
    let indirect =
      "β = \(numbers.value(m.indirect.estimate)); \(ci) "
      + (m.indirect.lower.flatMap { l in m.indirect.upper.map { numbers.interval(l, $0) } } ?? "n/a")
    let direct =
      m.direct.map { d in
        (["β = \(numbers.value(d.estimate))"] + (d.p.map { [numbers.p($0)] } ?? [])).joined(
          separator: "; ")
      } ?? ""
    let directSubject = "the direct effect of \(x) on \(y)"
    switch type {
    case .complementary:
      return
        "\(subject.capitalizedFirst) is significant (\(indirect)), and so is \(directSubject) (\(direct)), with the same sign: \(mediators) partially \(m.chain.count > 3 ? "mediate" : "mediates") the relationship (complementary mediation; \(Self.zhao))."
    case .competitive:
      return
        "\(subject.capitalizedFirst) is significant (\(indirect)), and so is \(directSubject) (\(direct)), with the opposite sign: \(mediators) partially \(m.chain.count > 3 ? "mediate" : "mediates") the relationship (competitive mediation; \(Self.zhao))."
    case .indirectOnly:
      return
        "\(subject.capitalizedFirst) is significant (\(indirect)), while \(directSubject) is not (\(direct)): \(mediators) fully \(m.chain.count > 3 ? "mediate" : "mediates") the relationship (indirect-only mediation; \(Self.zhao))."
    case .directOnly:
      return
        "\(subject.capitalizedFirst) is not significant: its interval includes zero (\(indirect)); \(directSubject) is significant (\(direct)): no mediation \(through(m.chain)) (direct-only non-mediation; \(Self.zhao))."
    case .noEffect:
      return
        "Neither \(subject) (\(indirect)) nor \(directSubject) (\(direct)) is significant: no mediation (no-effect non-mediation; \(Self.zhao))."
    case .noDirectPath:
      return
        "\(subject.capitalizedFirst) is significant (\(indirect)); the model has no direct path from \(x) to \(y), so whether the mediation is full or partial is not assessed (\(Self.zhao))."
    case .noIndirectNoDirectPath:
      return
        "\(subject.capitalizedFirst) is not significant: its interval includes zero (\(indirect)); there is no mediation \(through(m.chain))."
    }
  }

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

extension String {
  /// The text with its first letter in upper case.
  var capitalizedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}
