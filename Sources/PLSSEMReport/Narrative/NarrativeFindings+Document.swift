import PLSSEM

/// Gathering the findings from the report document: each value is read from a table cell
/// (``ReportTable/Cell/value`` and its inference and verdict), never recomputed.
extension NarrativeFindings {
  init(_ report: EstimationReport, _ document: ReportDocument, thresholds: QualityThresholds) {
    self.init(thresholds: thresholds)
    let model = report.estimate.model
    let label = report.label
    converged = document.facts.first { $0.name == "converged" }?.value != "0"
    admissible = document.facts.first { $0.name == "admissible" }?.value != "0"
    if let b = report.bootstrap {
      testing = Testing(
        resamples: b.resamples, tails: b.settings.tails, level: b.settings.level,
        method: b.settings.confidenceInterval)
    }

    // Measurement model.
    if let table = document.table("loadings") {
      // Mode A blocks of two or more indicators: a single item's loading is 1 by construction.
      for row in table.rows
      where model.construct(named: row.subject.from).map({
        $0.mode == .a && $0.indicators.count > 1
      })
        ?? false
      {
        if let cell = table.cell(row, "loading"), let value = cell.value {
          measurement.loadings.append(
            Named(name: row.subject.to, value: value, verdict: cell.verdict))
        }
      }
    }
    measurement.formative = model.constructs.filter { $0.mode == .b }.map { label($0.name) }
    if let table = document.table("reliability") {
      measurement.assessed = true
      for row in table.rows {
        let construct = row.subject.from
        guard let c = model.construct(named: construct), c.mode == .a, c.indicators.count > 1
        else { continue }
        let name = label(construct)
        measurement.judged.append(name)
        for (statistic, kind) in [("alpha", ReliabilityIssue.Statistic.alpha), ("rho_c", .rhoC)] {
          guard let value = table.cell(row, statistic)?.value else { continue }
          if kind == .alpha {
            measurement.alpha.append(value)
          } else {
            measurement.rhoC.append(value)
          }
          let issue: ReliabilityIssue.Kind? =
            value < thresholds.reliabilityExploratory
            ? .unreliable
            : value < thresholds.reliability
              ? .exploratory : value > thresholds.reliabilityRedundant ? .redundant : nil
          if let issue {
            measurement.reliabilityIssues.append(
              ReliabilityIssue(construct: name, statistic: kind, value: value, kind: issue))
          }
        }
        if let cell = table.cell(row, "ave"), let value = cell.value {
          measurement.ave.append(Named(name: name, value: value, verdict: cell.verdict))
        }
      }
    }
    let order = report.estimate.constructNames
    /// A pair's names in the model's construct order.
    func ordered(_ a: String, _ b: String) -> (String, String) {
      (order.firstIndex(of: a) ?? 0) <= (order.firstIndex(of: b) ?? 0)
        ? (label(a), label(b)) : (label(b), label(a))
    }
    if let table = document.table("htmt") {
      for row in table.rows {
        let (a, b) = ordered(row.subject.from, row.subject.to)
        if let value = table.cell(row, "htmt")?.value {
          measurement.htmt.append(Pair(first: a, second: b, value: value))
        }
        if let value = table.cell(row, "htmt_upper_one_sided")?.value {
          measurement.htmtUpper.append(Pair(first: a, second: b, value: value))
        }
      }
    }
    if let table = document.table("fornell-larcker") {
      var diagonal: [String: Double] = [:]
      var below: [(String, String, Double)] = []
      for row in table.rows {
        for cell in row.cells {
          guard let subject = cell.subject, let value = cell.value else { continue }
          if subject.from == subject.to {
            diagonal[subject.from] = value
          } else {
            below.append((subject.from, subject.to, value))
          }
        }
      }
      for (a, b, r) in below {
        guard let da = diagonal[a], let db = diagonal[b] else { continue }
        if abs(r) >= min(da, db) {
          let (first, second) = ordered(a, b)
          measurement.fornellLarckerViolations.append(Pair(first: first, second: second, value: r))
        }
      }
    }

    // Structural model.
    if let table = document.table("paths") {
      for row in table.rows {
        let name = "\(label(row.subject.from)) → \(label(row.subject.to))"
        if let cell = table.cell(row, "vif"), let value = cell.value {
          structural.vif.append(Named(name: name, value: value, verdict: cell.verdict))
        }
        if let value = table.cell(row, "f2")?.value {
          structural.f2.append(Named(name: name, value: value))
        }
      }
    }
    if let table = document.table("r2") {
      for row in table.rows {
        if let value = table.cell(row, "r2")?.value {
          structural.r2.append(Named(name: label(row.subject.from), value: value))
        }
      }
    }
    if let table = document.table("q2") {
      structural.q2 = table.rows.compactMap { row in
        table.cell(row, "q2_redundancy")?.value.map {
          Named(name: label(row.subject.from), value: $0)
        }
      }
      structural.omissionDistance = report.assessment?.q2?.omissionDistance
    }

    // Hypotheses and mediation.
    let paths = document.table("paths")
    let indirect = document.table("specific-indirect")
    func pathEffect(_ from: String, _ to: String) -> Effect? {
      guard let table = paths,
        let row = table.rows.first(where: { $0.subject.from == from && $0.subject.to == to }),
        let cell = table.cell(row, "path"), let value = cell.value
      else { return nil }
      return Effect(cell, value)
    }
    func indirectEffect(_ chain: [String]) -> Effect? {
      let via = chain.dropFirst().dropLast().joined(separator: "->")
      guard let table = indirect,
        let row = table.rows.first(where: {
          $0.subject.from == chain.first && $0.subject.to == chain.last && $0.subject.via == via
        }),
        let cell = table.cell(row, "specific_indirect"), let value = cell.value
      else { return nil }
      return Effect(cell, value)
    }
    let testing = self.testing
    func significance(_ effect: Effect, indirect: Bool) -> Bool? {
      guard let testing else { return nil }
      if indirect {
        guard let lower = effect.lower, let upper = effect.upper else { return nil }
        return lower > 0 || upper < 0
      }
      return effect.p.map { $0 < testing.alpha }
    }

    hasHypotheses = !model.hypotheses.isEmpty
    let hypotheses =
      hasHypotheses
      ? model.hypotheses
      : model.paths.map { PathModel.Hypothesis(label: "", chain: [$0.from, $0.to]) }
    for hypothesis in hypotheses {
      let found =
        hypothesis.isIndirect
        ? indirectEffect(hypothesis.chain) : pathEffect(hypothesis.from, hypothesis.to)
      guard let effect = found else { continue }
      let significant = significance(effect, indirect: hypothesis.isIndirect)
      var outcome = HypothesisOutcome(
        label: hypothesis.label.isEmpty ? nil : hypothesis.label,
        chain: hypothesis.chain.map(label),
        expected: hypothesis.direction, effect: effect, significant: significant,
        decision: .untested)
      switch significant {
      case nil: outcome.decision = .untested
      case false?: outcome.decision = .notSignificant
      case true?: outcome.decision = outcome.signAsExpected ? .supported : .oppositeSign
      }
      outcomes.append(outcome)
    }

    for effect in report.estimate.specificIndirectEffects {
      guard let found = indirectEffect(effect.chain) else { continue }
      var mediation = Mediation(
        chain: effect.chain.map(label), indirect: found,
        indirectSignificant: significance(found, indirect: true))
      if let direct = pathEffect(effect.from, effect.to) {
        mediation.direct = direct
        mediation.directSignificant = significance(direct, indirect: false)
      }
      mediation.type = Self.mediationType(mediation)
      mediations.append(mediation)
    }
  }

  /// Zhao, Lynch & Chen (2010, fig. 2): the indirect effect's test first; then the direct
  /// effect's test and the sign of indirect × direct.
  static func mediationType(_ m: Mediation) -> MediationType? {
    guard let indirect = m.indirectSignificant else { return nil }
    guard let direct = m.direct else { return indirect ? .noDirectPath : .noIndirectNoDirectPath }
    guard let directSignificant = m.directSignificant else { return nil }
    switch (indirect, directSignificant) {
    case (true, true):
      return m.indirect.estimate * direct.estimate > 0 ? .complementary : .competitive
    case (true, false): return .indirectOnly
    case (false, true): return .directOnly
    case (false, false): return .noEffect
    }
  }
}

extension NarrativeFindings.Effect {
  /// The effect a cell shows: its value and inference.
  init(_ cell: ReportTable.Cell, _ value: Double) {
    self.init(
      estimate: value, t: cell.inference?.t, p: cell.inference?.p, lower: cell.inference?.ciLower,
      upper: cell.inference?.ciUpper)
  }
}

extension ReportTable {
  /// The cell of `row` in the column whose long-CSV statistic is `statistic`.
  func cell(_ row: Row, _ statistic: String) -> Cell? {
    guard
      let k = columns.firstIndex(where: {
        if case .statistic(let longForm?) = $0.content { return longForm.statistic == statistic }
        return false
      }), k < row.cells.count
    else { return nil }
    return row.cells[k]
  }
}
