import PLSSEM

/// The words of one language: headings, fixed sentences and the sentence templates into which
/// ``NarrativeSentences.swift``'s logic puts its (already formatted) findings. A language
/// decides nothing: which findings are stated, against which thresholds and in which order,
/// and every decision (met, significant, sign, type of mediation) are made once, in the
/// extension, so the languages say the same things; a language supplies only wording, its
/// number notation (``numbers``) and its plural rules. Implemented by ``EnglishWording`` and
/// ``IndonesianWording``; the wording rules are in the PLSSEMReport README and the DocC
/// article "The results in words".
protocol NarrativeWording {
  /// The number formatting (decimal separator) of the language.
  var numbers: NarrativeNumbers { get }
  var language: NarrativeLanguage { get }
  /// The narrative's heading.
  var title: String { get }
  /// Paragraph headings by identifier: `admissibility`, `measurement`, `structural`,
  /// `hypotheses`, `mediation`.
  func heading(_ id: String) -> String

  // Words the logic joins findings with.
  /// "and" of a list of names.
  var conjunction: String { get }
  /// Whether a list of three or more has a comma before ``conjunction``.
  var serialComma: Bool { get }
  /// The word of a range of values ("0.708 to 0.911").
  var rangeConnector: String { get }
  /// Before the last of several pairs ("; and ").
  var lastPairSeparator: String { get }
  /// A value of a construct: "0.593 for X3".
  var forWord: String { get }
  /// "through" M1 "and then" M2.
  var throughWord: String { get }
  var thenWord: String { get }
  var positiveWord: String { get }
  var negativeWord: String { get }
  /// The percentile interval's name (BCa is BCa in every language).
  var percentileWord: String { get }
  /// "95% CI" of `level` ("95%").
  func ciLabel(_ level: String) -> String

  // Admissibility.
  var notConverged: String { get }
  var inadmissible: String { get }

  // Measurement model; limits, ranges and values as printed, `cite` the APA citation.
  func loadingsMeet(count: Int, limit: String, range: String, cite: String) -> String
  /// `short`: "item (loading)" of each indicator below `limit`.
  func loadingsShort(count: Int, meeting: Int, limit: String, cite: String, short: [String])
    -> String
  func loadingsBetweenRule(removal: String, limit: String, cite: String) -> String
  func loadingsBelowRule(removal: String, cite: String) -> String
  func reliabilityBounds(_ lower: String, _ upper: String) -> String
  func reliabilityValues(alpha: String, rhoC: String) -> String
  func reliabilityMet(values: String, bounds: String, cite: String) -> String
  func reliabilityIssue(
    _ shortfall: ReliabilityShortfall, statistic: String, construct: String, value: String
  ) -> String
  /// `issues`: the ``reliabilityIssue(_:statistic:construct:value:)`` texts joined by "; ".
  func reliabilityNotMet(values: String, bounds: String, cite: String, issues: String) -> String
  func aveMet(limit: String, range: String, cite: String) -> String
  /// `short`: "construct (AVE)" below `limit`; `names` the constructs; `othersMeet` whether
  /// other constructs meet it.
  func aveShort(short: [String], names: [String], limit: String, cite: String, othersMeet: Bool)
    -> String
  func formativeNotJudged(_ constructs: [String]) -> String
  func htmtMet(limit: String, first: String, second: String, value: String, cite: String)
    -> String
  func htmtBetween(pairs: String, conservative: String, liberal: String, cite: String) -> String
  func htmtAbove(pairs: String, count: Int, liberal: String, cite: String) -> String
  func htmtUpperMet(level: String, limit: String, cite: String) -> String
  func htmtUpperAbove(level: String, pairs: String, count: Int, limit: String, cite: String)
    -> String
  func fornellLarckerMet(cite: String) -> String
  func fornellLarckerNotMet(pairs: String, cite: String) -> String
  /// When there is no assessment (reliability and validity not computed).
  var notAssessed: String { get }

  // Structural model.
  func vifMet(limit: String, highest: String, cite: String) -> String
  /// `named`: "path (VIF)" at or above `limit`.
  func vifHigh(named: [String], limit: String, cite: String) -> String
  func r2Word(_ level: ExplainedVarianceLevel) -> String
  /// `values`: the list of ``valueFor(_:label:)``.
  func explainedVarianceSentence(
    values: String, substantial: String, moderate: String, weak: String, cite: String
  ) -> String
  func effectSizeWord(_ level: EffectSizeLevel) -> String
  func effectSizesSentence(
    values: String, small: String, medium: String, large: String, cite: String
  ) -> String
  var q2NotComputed: String { get }
  /// ", omission distance 7".
  func omissionDistance(_ d: Int) -> String
  func q2Positive(
    distance: String, values: String, count: Int, small: String, medium: String, large: String,
    cite: String
  ) -> String
  func q2NotPositive(named: String, names: String) -> String
  /// What "effect" means in the sentences: no causal claim beyond the design.
  var causalCaveat: String { get }

  // Hypotheses.
  var noHypothesesNamed: String { get }
  func significanceNeedsBootstrap(hypotheses: Bool) -> String
  func tailsPhrase(_ tails: TestTails) -> String
  /// The testing sentence without its full stop.
  func testingSentence(resamples: String, tails: String, alpha: String) -> String
  /// The clause on indirect effects appended to the testing sentence ("; …").
  func indirectEffectsJudged(level: String, method: String, cite: String) -> String
  /// "The effect of X on Y" (sentence-initial).
  func effectSubject(_ x: String, _ y: String) -> String
  /// "The indirect effect of X on Y through M" (sentence-initial).
  func indirectEffectSubject(_ x: String, _ y: String, through: String) -> String
  /// "the direct effect of X on Y" (within a sentence).
  func directEffectSubject(_ x: String, _ y: String) -> String
  var noBootstrapReason: String { get }
  var noVariationReason: String { get }
  /// A hypothesis or path not tested: the whole sentence.
  func untestedEffect(head: String, estimate: String, reason: String) -> String
  func significantEffect(_ x: String, _ y: String, sign: String, statistics: String) -> String
  func significantIndirect(subject: String, sign: String, statistics: String) -> String
  /// Appended to a significant effect of the sign opposite to the `expected` one.
  func oppositeToHypothesis(_ expected: String) -> String
  /// Within a not-significant sentence when the sign is opposite to the hypothesis's.
  var signOppositeClause: String { get }
  func notSignificantEffect(subject: String, signClause: String, statistics: String) -> String
  func notSignificantIndirect(subject: String, signClause: String, statistics: String)
    -> String
  /// "; H1 is supported." (with the full stop).
  func hypothesisDecision(_ label: String, supported: Bool) -> String
  func tallySentence(_ tally: HypothesisTally) -> String

  // Mediation.
  func mediationUntested(_ x: String, _ y: String, through: String, estimate: String) -> String
  func mediationSentence(_ type: NarrativeFindings.MediationType, _ p: MediationPhrase)
    -> String

  /// Headers of the hypothesis table: label, path, expected sign, decision (or, without
  /// hypotheses, significance), and the interval header for `level`.
  var tableTitle: String { get }
  func tableHeaders(level: Double) -> (
    label: String, path: String, expected: String, decision: String, significant: String,
    interval: String
  )
  func decision(_ d: NarrativeFindings.HypothesisOutcome.Decision) -> String
  func significantCell(_ significant: Bool?) -> String
  func direction(_ d: PathModel.Hypothesis.Direction?) -> String
  /// The references the narrative cites beyond the rules of thumb, and their heading.
  var references: [String] { get }
  var referencesTitle: String { get }
}

extension NarrativeWording {
  /// The narrative of `findings`: admissibility (when a check failed), measurement model,
  /// structural model, hypotheses with their table, mediation (when the model has specific
  /// indirect effects).
  func narrative(_ f: NarrativeFindings) -> ReportNarrative {
    var paragraphs: [ReportNarrative.Paragraph] = []
    let admissibility = admissibility(converged: f.converged, admissible: f.admissible)
    if !admissibility.isEmpty {
      paragraphs.append(
        .init(id: "admissibility", title: heading("admissibility"), sentences: admissibility))
    }
    let t = f.thresholds
    var measurement = loadings(f.measurement, t)
    if f.measurement.assessed {
      measurement += reliability(f.measurement, t) + convergentValidity(f.measurement, t)
      measurement += discriminantValidity(f.measurement, t, level: f.testing?.level)
    } else {
      measurement.append(notAssessed)
    }
    paragraphs.append(
      .init(id: "measurement", title: heading("measurement"), sentences: measurement))

    let s = f.structural
    let structural =
      collinearity(s, t) + explainedVariance(s) + effectSizes(s) + predictiveRelevance(s)
      + [causalCaveat]
    paragraphs.append(.init(id: "structural", title: heading("structural"), sentences: structural))

    var hypotheses = testing(f)
    if f.hasHypotheses, f.testing != nil {
      hypotheses.append(
        tally(
          supported: f.outcomes.filter { $0.decision == .supported }.count, of: f.outcomes.count))
    }
    paragraphs.append(.init(id: "hypotheses", title: heading("hypotheses"), sentences: hypotheses))
    let sentences = f.outcomes.map { hypothesis($0, f.testing) }

    if !f.mediations.isEmpty {
      paragraphs.append(
        .init(
          id: "mediation", title: heading("mediation"),
          sentences: f.mediations.map { mediation($0, f.testing) }))
    }
    return ReportNarrative(
      language: language, title: title, paragraphs: paragraphs,
      hypothesisTable: f.outcomes.isEmpty ? nil : table(f), hypothesisSentences: sentences,
      references: references, referencesTitle: referencesTitle)
  }

  /// The hypothesis table: label and expected sign (when the model names hypotheses), path,
  /// β, t, p and the interval (when bootstrapped), decision (or significance).
  func table(_ f: NarrativeFindings) -> ReportTable {
    let h = tableHeaders(level: f.testing?.level ?? 0.95)
    var columns: [ReportTable.Column] = []
    if f.hasHypotheses { columns.append(.label(h.label)) }
    columns.append(.label(h.path))
    if f.hasHypotheses {
      // Not essential: the text table leaves it out (saying so) when 80 columns are too few.
      var expected = ReportTable.Column.label(h.expected)
      expected.essential = false
      columns.append(expected)
    }
    columns.append(ReportTable.Column("β"))
    if f.testing != nil {
      columns += [
        ReportTable.Column("t"), ReportTable.Column("p"),
        ReportTable.Column(h.interval, essential: false),
      ]
    }
    columns.append(.label(f.hasHypotheses ? h.decision : h.significant))
    let rows = f.outcomes.map { o -> ReportTable.Row in
      var cells: [ReportTable.Cell] = []
      if f.hasHypotheses { cells.append(.init(o.label ?? "")) }
      cells.append(.init(o.chain.joined(separator: " → ")))
      if f.hasHypotheses { cells.append(.init(direction(o.expected))) }
      cells.append(.init(numbers.value(o.effect.estimate), value: o.effect.estimate))
      if f.testing != nil {
        let e = o.effect
        cells.append(e.t.map { .init(numbers.t($0), value: $0) } ?? .init("n/a"))
        cells.append(e.p.map { .init(numbers.pCell($0), value: $0) } ?? .init("n/a"))
        if let lower = e.lower, let upper = e.upper {
          cells.append(.init(numbers.interval(lower, upper)))
        } else {
          cells.append(.init("n/a"))
        }
      }
      cells.append(.init(f.hasHypotheses ? decision(o.decision) : significantCell(o.significant)))
      return ReportTable.Row(ReportTable.Subject(), cells)
    }
    return ReportTable(id: "hypotheses", title: tableTitle, columns: columns, rows: rows)
  }

  /// "β = 0.593; t = 9.35; p < .001", with "; 95% CI [l, u]" when `interval` is given.
  func statistics(_ e: NarrativeFindings.Effect, interval: String?) -> String {
    var parts = ["β = " + numbers.value(e.estimate)]
    if let t = e.t { parts.append("t = " + numbers.t(t)) }
    if let p = e.p { parts.append(numbers.p(p)) }
    if let interval, let lower = e.lower, let upper = e.upper {
      parts.append(interval + " " + numbers.interval(lower, upper))
    }
    return parts.joined(separator: "; ")
  }

  /// A citation as APA writes it in parentheses: "Hair et al. 2022" → "Hair et al., 2022";
  /// several separated by "; ".
  static func apa(_ citation: String) -> String {
    citation.components(separatedBy: "; ").map { part -> String in
      guard let space = part.lastIndex(of: " ") else { return part }
      let year = part[part.index(after: space)...]
      guard year.count == 4, year.allSatisfy(\.isNumber) else { return part }
      return part[..<space] + ", " + year
    }.joined(separator: "; ")
  }

  /// The APA citation of the rule of thumb `id` of `thresholds` (one source of truth).
  func cite(_ id: String, _ thresholds: QualityThresholds, part: Int = 0) -> String {
    let citation = thresholds.rule(id)?.citation ?? ""
    let parts = citation.components(separatedBy: "; ")
    return Self.apa(part < parts.count ? parts[part] : citation)
  }

  /// Names joined as a list: "a", "a and b", "a, b and c" with `and`.
  func list(_ items: [String], and: String, serialComma: Bool = false) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    case 2: return "\(items[0]) \(and) \(items[1])"
    default:
      return items.dropLast().joined(separator: ", ") + (serialComma ? ", " : " ") + and + " "
        + (items.last ?? "")
    }
  }
}

extension NarrativeNumbers {
  /// A p-value as the hypothesis table's cell shows it: "<.001" / ".012" (English), "< 0,001" /
  /// "0,012" (Indonesian).
  func pCell(_ p: Double) -> String {
    let text = self.p(p)
    return text.hasPrefix("p = ") ? String(text.dropFirst(4)) : String(text.dropFirst(2))
  }
}
