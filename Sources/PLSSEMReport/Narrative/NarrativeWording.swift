import PLSSEM

/// The sentences of one language. Each requirement puts one finding into words; the
/// extension assembles them into a ``ReportNarrative`` in the same order for every language,
/// so the languages say the same things. Implemented by ``EnglishWording`` and
/// ``IndonesianWording``; the wording rules are in the PLSSEMReport README and the DocC article
/// "The results in words".
protocol NarrativeWording {
  /// The number formatting (decimal separator) of the language.
  var numbers: NarrativeNumbers { get }
  var language: NarrativeLanguage { get }
  /// The narrative's heading.
  var title: String { get }
  /// Paragraph headings by identifier: `admissibility`, `measurement`, `structural`,
  /// `hypotheses`, `mediation`.
  func heading(_ id: String) -> String

  /// Sentences when the solution did not converge or is inadmissible.
  func admissibility(converged: Bool, admissible: Bool) -> [String]

  func loadings(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String]
  func reliability(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String]
  func convergentValidity(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String]
  func discriminantValidity(
    _ m: NarrativeFindings.Measurement, _ t: QualityThresholds, level: Double?
  ) -> [String]
  /// When there is no assessment (reliability and validity not computed).
  var notAssessed: String { get }

  func collinearity(_ s: NarrativeFindings.Structural, _ t: QualityThresholds) -> [String]
  func explainedVariance(_ s: NarrativeFindings.Structural) -> [String]
  func effectSizes(_ s: NarrativeFindings.Structural) -> [String]
  func predictiveRelevance(_ s: NarrativeFindings.Structural) -> [String]
  /// What "effect" means in the sentences: no causal claim beyond the design.
  var causalCaveat: String { get }

  /// How the hypotheses are tested (or that a bootstrap is needed; or that the model names
  /// none).
  func testing(_ f: NarrativeFindings) -> [String]
  /// One sentence per hypothesis (or path).
  func hypothesis(_ o: NarrativeFindings.HypothesisOutcome, _ testing: NarrativeFindings.Testing?)
    -> String
  /// "k of n hypotheses are supported."
  func tally(supported: Int, of total: Int) -> String
  /// One sentence per specific indirect effect.
  func mediation(_ m: NarrativeFindings.Mediation, _ testing: NarrativeFindings.Testing?) -> String

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
