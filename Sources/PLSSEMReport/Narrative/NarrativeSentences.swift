import PLSSEM

/// The sentence logic of the narrative, once for every language: which findings are stated,
/// against which thresholds, in which order, and what is decided (met or not, significant or
/// not, sign as expected, type of mediation). Every number is formatted here, from the
/// findings' cell values, with the language's ``NarrativeNumbers``; the language supplies only
/// the words around them (``NarrativeWording``'s phrases).
extension NarrativeWording {
  // MARK: Lists and values

  /// Names joined as a list: "a", "a dan b", "a, b and c".
  func and(_ items: [String]) -> String {
    list(items, and: conjunction, serialComma: serialComma)
  }

  /// "name (value)".
  func named(_ n: NarrativeFindings.Named) -> String { "\(n.name) (\(numbers.value(n.value)))" }

  /// The range of `values`: "0.708 to 0.911", or the one value.
  func range(_ values: [Double]) -> String {
    guard let low = values.min(), let high = values.max() else { return "" }
    return numbers.range(low...high, to: rangeConnector)
  }

  /// Pairs as a list: "X2 and X3 (0.646)", several separated by semicolons, the last by
  /// ``lastPairSeparator``; with `r`, the values as "r = …".
  func pairs(_ ps: [NarrativeFindings.Pair], r: Bool = false) -> String {
    let items = ps.map {
      "\($0.first) \(conjunction) \($0.second) (\(r ? "r = " : "")\(numbers.value($0.value)))"
    }
    return items.count < 2
      ? items.joined()
      : items.dropLast().joined(separator: "; ") + lastPairSeparator
        + (items.last ?? "")
  }

  /// "0.593 for X3 (moderate)": a value of a construct or path with its label.
  func valueFor(_ n: NarrativeFindings.Named, label: String) -> String {
    "\(numbers.value(n.value)) \(forWord) \(n.name) (\(label))"
  }

  /// The mediators of a chain (all but its ends), "through M1 and then M2".
  func through(_ chain: [String]) -> String {
    throughWord + " " + chain.dropFirst().dropLast().joined(separator: " \(thenWord) ")
  }

  /// The sign of an estimate in words.
  func signWord(_ value: Double) -> String { value < 0 ? negativeWord : positiveWord }

  /// The expected sign of a hypothesis in words.
  func directionWord(_ d: PathModel.Hypothesis.Direction) -> String {
    d == .positive ? positiveWord : negativeWord
  }

  // MARK: Admissibility

  /// Sentences when the solution did not converge or is inadmissible.
  func admissibility(converged: Bool, admissible: Bool) -> [String] {
    (converged ? [] : [notConverged]) + (admissible ? [] : [inadmissible])
  }

  // MARK: Measurement model

  /// The loadings of the Mode A indicators against the loading rule, naming those below it.
  func loadings(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    let n = m.loadings.count
    guard n > 0 else { return [] }
    let cite = cite("loading", t)
    let limit = numbers.limit(t.loading)
    let short = m.loadings.filter { ($0.verdict ?? .meets) != .meets }
    if short.isEmpty {
      return [
        loadingsMeet(count: n, limit: limit, range: range(m.loadings.map(\.value)), cite: cite)
      ]
    }
    var out = [
      loadingsShort(
        count: n, meeting: n - short.count, limit: limit, cite: cite, short: short.map(named))
    ]
    let removal = numbers.limit(t.loadingRemoval)
    if short.contains(where: { $0.verdict == .caution }) {
      out.append(loadingsBetweenRule(removal: removal, limit: limit, cite: cite))
    }
    if short.contains(where: { $0.verdict == .misses }) {
      out.append(loadingsBelowRule(removal: removal, cite: cite))
    }
    return out
  }

  /// Cronbach's alpha and ρ_C against the reliability rule, each value outside it named.
  func reliability(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    guard !m.judged.isEmpty else { return [] }
    let cite = cite("reliability", t)
    let bounds = reliabilityBounds(
      numbers.limit(t.reliability), numbers.limit(t.reliabilityRedundant))
    let values = reliabilityValues(alpha: range(m.alpha), rhoC: range(m.rhoC))
    if m.reliabilityIssues.isEmpty {
      return [reliabilityMet(values: values, bounds: bounds, cite: cite)]
    }
    let issues = m.reliabilityIssues.map { issue -> String in
      let shortfall: ReliabilityShortfall
      switch issue.kind {
      case .exploratory:
        shortfall = .exploratory(
          from: numbers.limit(t.reliabilityExploratory), to: numbers.limit(t.reliability))
      case .unreliable: shortfall = .unreliable(below: numbers.limit(t.reliabilityExploratory))
      case .redundant: shortfall = .redundant(above: numbers.limit(t.reliabilityRedundant))
      }
      return reliabilityIssue(
        shortfall, statistic: issue.statistic == .alpha ? "Cronbach's alpha" : "ρ_C",
        construct: issue.construct, value: numbers.value(issue.value))
    }
    return [
      reliabilityNotMet(
        values: values, bounds: bounds, cite: cite, issues: issues.joined(separator: "; "))
    ]
  }

  /// AVE against its rule (naming the constructs below it), then the Mode B constructs.
  func convergentValidity(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    guard !m.ave.isEmpty else { return formative(m) }
    let cite = cite("ave", t)
    let limit = numbers.limit(t.ave)
    let short = m.ave.filter { $0.verdict == .misses }
    let sentence =
      short.isEmpty
      ? aveMet(limit: limit, range: range(m.ave.map(\.value)), cite: cite)
      : aveShort(
        short: short.map(named), names: short.map(\.name), limit: limit, cite: cite,
        othersMeet: short.count < m.ave.count)
    return [sentence] + formative(m)
  }

  /// The Mode B constructs, not judged by the reflective criteria.
  func formative(_ m: NarrativeFindings.Measurement) -> [String] {
    m.formative.isEmpty ? [] : [formativeNotJudged(m.formative)]
  }

  /// HTMT against its two limits, the bootstrap's upper limits, and Fornell–Larcker.
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
          htmtMet(
            limit: conservative, first: highest.first, second: highest.second,
            value: numbers.value(highest.value), cite: htmtCite))
      } else {
        if !caution.isEmpty {
          out.append(
            htmtBetween(
              pairs: pairs(caution), conservative: conservative, liberal: liberal,
              cite: htmtCite))
        }
        if !misses.isEmpty {
          out.append(
            htmtAbove(pairs: pairs(misses), count: misses.count, liberal: liberal, cite: htmtCite))
        }
      }
    }
    if let level, !m.htmtUpper.isEmpty {
      let upperCite = cite("htmt", t, part: 1)
      let above = m.htmtUpper.filter { $0.value > t.htmtConservative }
      let percent = numbers.percent(level)
      out.append(
        above.isEmpty
          ? htmtUpperMet(level: percent, limit: conservative, cite: upperCite)
          : htmtUpperAbove(
            level: percent, pairs: pairs(above), count: above.count, limit: conservative,
            cite: upperCite))
    }
    let flCite = cite("fornell-larcker", t)
    if !m.ave.isEmpty {
      let violations = m.fornellLarckerViolations
      out.append(
        violations.isEmpty
          ? fornellLarckerMet(cite: flCite)
          : fornellLarckerNotMet(pairs: pairs(violations, r: true), cite: flCite))
    }
    return out
  }

  // MARK: Structural model

  /// The inner VIFs against the collinearity rule, naming those at or above it.
  func collinearity(_ s: NarrativeFindings.Structural, _ t: QualityThresholds) -> [String] {
    guard let highest = s.vif.max(by: { $0.value < $1.value }) else { return [] }
    let cite = cite("vif", t)
    let limit = numbers.limit(t.vifCaution)
    let high = s.vif.filter { ($0.verdict ?? .meets) != .meets }
    if high.isEmpty {
      return [vifMet(limit: limit, highest: numbers.value(highest.value, 2), cite: cite)]
    }
    let named = high.map { "\($0.name) (\(numbers.value($0.value, 2)))" }
    return [vifHigh(named: named, limit: limit, cite: cite)]
  }

  /// The reading of an R² by ``QualityThresholds/rSquaredGuide``.
  func r2Level(_ value: Double) -> ExplainedVarianceLevel {
    let g = QualityThresholds.rSquaredGuide
    return value >= g.substantial
      ? .substantial
      : value >= g.moderate
        ? .moderate : value >= g.weak ? .weak : .below(numbers.limit(g.weak))
  }

  /// R² of each endogenous construct with its conventional label.
  func explainedVariance(_ s: NarrativeFindings.Structural) -> [String] {
    guard !s.r2.isEmpty else { return [] }
    let g = QualityThresholds.rSquaredGuide
    let values = s.r2.map { valueFor($0, label: r2Word(r2Level($0.value))) }
    return [
      explainedVarianceSentence(
        values: and(values), substantial: numbers.limit(g.substantial),
        moderate: numbers.limit(g.moderate), weak: numbers.limit(g.weak),
        cite: Self.apa(QualityThresholds.standard.rule("r2")?.citation ?? ""))
    ]
  }

  /// The reading of an f² by ``QualityThresholds/fSquareGuide``.
  func f2Level(_ value: Double) -> EffectSizeLevel {
    let g = QualityThresholds.fSquareGuide
    return value >= g.large
      ? .large : value >= g.medium ? .medium : value >= g.small ? .small : .negligible
  }

  /// f² of each path with its conventional label.
  func effectSizes(_ s: NarrativeFindings.Structural) -> [String] {
    guard !s.f2.isEmpty else { return [] }
    let g = QualityThresholds.fSquareGuide
    let values = s.f2.map { valueFor($0, label: effectSizeWord(f2Level($0.value))) }
    return [
      effectSizesSentence(
        values: and(values), small: numbers.limit(g.small), medium: numbers.limit(g.medium),
        large: numbers.limit(g.large),
        cite: Self.apa(QualityThresholds.standard.rule("f2")?.citation ?? ""))
    ]
  }

  /// The reading of a positive Q² by ``QualityThresholds/q2Guide``.
  func q2Level(_ value: Double) -> EffectSizeLevel {
    let g = QualityThresholds.q2Guide
    return value > g.large ? .large : value > g.medium ? .medium : .small
  }

  /// Q² of each endogenous construct: above zero with its label, or not (no relevance); or
  /// that blindfolding is needed.
  func predictiveRelevance(_ s: NarrativeFindings.Structural) -> [String] {
    guard let q2 = s.q2 else { return [q2NotComputed] }
    guard !q2.isEmpty else { return [] }
    let g = QualityThresholds.q2Guide
    let positive = q2.filter { $0.value > 0 }
    let none = q2.filter { !($0.value > 0) }
    let distance = s.omissionDistance.map(omissionDistance) ?? ""
    var out: [String] = []
    if !positive.isEmpty {
      let values = positive.map { valueFor($0, label: effectSizeWord(q2Level($0.value))) }
      out.append(
        q2Positive(
          distance: distance, values: and(values), count: positive.count,
          small: numbers.limit(g.small), medium: numbers.limit(g.medium),
          large: numbers.limit(g.large), cite: Self.apa(QualityThresholds.q2GuideCitation)))
    }
    if !none.isEmpty {
      out.append(q2NotPositive(named: and(none.map(named)), names: and(none.map(\.name))))
    }
    return out
  }

  // MARK: Hypotheses

  /// How the hypotheses are tested (or that a bootstrap is needed; or that the model names
  /// none).
  func testing(_ f: NarrativeFindings) -> [String] {
    var out: [String] = []
    if !f.hasHypotheses { out.append(noHypothesesNamed) }
    guard let testing = f.testing else {
      out.append(significanceNeedsBootstrap(hypotheses: f.hasHypotheses))
      return out
    }
    let intervals =
      f.outcomes.contains(where: \.isIndirect) || !f.mediations.isEmpty
      ? indirectEffectsJudged(
        level: numbers.percent(testing.level),
        method: testing.method == .bca ? "BCa" : percentileWord, cite: Self.zhao)
      : ""
    out.append(
      testingSentence(
        resamples: numbers.count(testing.resamples), tails: tailsPhrase(testing.tails),
        alpha: numbers.limit(testing.alpha)) + intervals + ".")
    return out
  }

  /// Zhao, Lynch & Chen (2010) as the text cites them.
  static var zhao: String { "Zhao, Lynch & Chen, 2010" }

  /// One sentence per hypothesis (or path): the effect, its sign and significance with its
  /// statistics, the sign against the expected one, and the decision.
  func hypothesis(
    _ o: NarrativeFindings.HypothesisOutcome, _ testing: NarrativeFindings.Testing?
  ) -> String {
    let x = o.chain.first ?? ""
    let y = o.chain.last ?? ""
    let interval = o.isIndirect ? ciLabel(numbers.percent(testing?.level ?? 0.95)) : nil
    let stats = statistics(o.effect, interval: interval)
    let subject =
      o.isIndirect
      ? indirectEffectSubject(x, y, through: through(o.chain)) : effectSubject(x, y)
    let expected = o.expected.map(directionWord)
    let outcome: String
    switch o.decision {
    case .untested:
      let path = o.chain.joined(separator: " → ")
      let head = o.label.map { "\($0) (\(path)\(expected.map { ", \($0)" } ?? ""))" } ?? path
      return untestedEffect(
        head: head, estimate: numbers.value(o.effect.estimate),
        reason: testing == nil ? noBootstrapReason : noVariationReason)
    case .supported, .oppositeSign:
      let sign = signWord(o.effect.estimate)
      outcome =
        (o.isIndirect
          ? significantIndirect(subject: subject, sign: sign, statistics: stats)
          : significantEffect(x, y, sign: sign, statistics: stats))
        + (o.decision == .oppositeSign ? oppositeToHypothesis(expected ?? "") : "")
    case .notSignificant:
      let sign = o.signAsExpected ? "" : signOppositeClause
      outcome =
        o.isIndirect
        ? notSignificantIndirect(subject: subject, signClause: sign, statistics: stats)
        : notSignificantEffect(subject: subject, signClause: sign, statistics: stats)
    }
    guard let label = o.label else { return outcome + "." }
    return outcome + hypothesisDecision(label, supported: o.decision == .supported)
  }

  /// "k of n hypotheses are supported": all, none or some of them.
  func tally(supported: Int, of total: Int) -> String {
    tallySentence(
      supported == total
        ? .all(total: total) : supported == 0 ? .none(total: total) : .some(supported, of: total))
  }

  // MARK: Mediation

  /// One sentence per specific indirect effect: its interval, the direct effect's test and
  /// the type of mediation (Zhao, Lynch & Chen 2010).
  func mediation(_ m: NarrativeFindings.Mediation, _ testing: NarrativeFindings.Testing?) -> String
  {
    let x = m.chain.first ?? ""
    let y = m.chain.last ?? ""
    let via = through(m.chain)
    guard let testing, let type = m.type else {
      return mediationUntested(x, y, through: via, estimate: numbers.value(m.indirect.estimate))
    }
    let indirect =
      "β = \(numbers.value(m.indirect.estimate)); \(ciLabel(numbers.percent(testing.level))) "
      + (m.indirect.lower.flatMap { l in m.indirect.upper.map { numbers.interval(l, $0) } }
        ?? "n/a")
    let direct =
      m.direct.map { d in
        (["β = \(numbers.value(d.estimate))"] + (d.p.map { [numbers.p($0)] } ?? [])).joined(
          separator: "; ")
      } ?? ""
    let mediators = Array(m.chain.dropFirst().dropLast())
    return mediationSentence(
      type,
      MediationPhrase(
        subject: indirectEffectSubject(x, y, through: via), indirect: indirect,
        directSubject: directEffectSubject(x, y), direct: direct, mediators: and(mediators),
        mediatorCount: mediators.count, from: x, to: y, through: via, cite: Self.zhao))
  }
}

/// A reliability value outside the rule, with the limits it is read against (as printed).
enum ReliabilityShortfall {
  /// Between the exploratory limit and the threshold: acceptable in exploratory research.
  case exploratory(from: String, to: String)
  /// Below the exploratory limit.
  case unreliable(below: String)
  /// Above the redundancy limit.
  case redundant(above: String)
}

/// The conventional reading of R² (Hair et al.): substantial, moderate, weak, or below weak.
enum ExplainedVarianceLevel {
  case substantial, moderate, weak
  /// Below the weak limit (as printed).
  case below(String)
}

/// The conventional reading of f² and Q²: large, medium, small (negligible for f² only).
enum EffectSizeLevel {
  case large, medium, small, negligible
}

/// How many hypotheses the data support.
enum HypothesisTally {
  case all(total: Int)
  case none(total: Int)
  case some(Int, of: Int)
}

/// The parts of a mediation sentence, formatted: the indirect effect's subject ("The indirect
/// effect of X on Y through M") and statistics, the direct effect's subject (lower case) and
/// statistics, the mediators as a list and how many, the chain's ends, "through M", the
/// citation.
struct MediationPhrase {
  var subject: String
  var indirect: String
  var directSubject: String
  var direct: String
  var mediators: String
  var mediatorCount: Int
  var from: String
  var to: String
  var through: String
  var cite: String
}

extension String {
  /// The text with its first letter in lower case.
  var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }
}
