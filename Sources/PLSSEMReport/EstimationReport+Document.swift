import PLSSEM

/// The report document of an estimate: what every human-readable format and the CSV render.
extension EstimationReport {
  /// The report as one structured document: summary, warnings, the structural model (paths,
  /// R², total, indirect and specific indirect effects), the measurement model (loadings,
  /// weights with VIF, reliability, HTMT, Fornell–Larcker, cross-loadings, construct
  /// correlations), model fit and prediction (fit, Q², PLSpredict, when computed), and the
  /// rules of thumb, judged by `thresholds`; with ``narrativeLanguage`` set, the results in
  /// words (``ReportDocument/narrative``).
  public func document(thresholds: QualityThresholds = .standard) -> ReportDocument {
    var structural = [pathTable(thresholds), rSquaredTable(), totalEffectsTable()]
    if let table = indirectEffectsTable() { structural.append(table) }
    if let table = specificIndirectTable() { structural.append(table) }
    if let table = simpleSlopesTable() { structural.append(table) }
    if let table = interactionFSquareTable() { structural.append(table) }

    var measurement = [loadingTable(thresholds), weightTable(thresholds)]
    var quality: [ReportTable] = []
    if let a = assessment {
      measurement += [
        reliabilityTable(a, thresholds), htmtTable(a, thresholds), fornellLarckerTable(a),
      ]
      quality.append(fitTable(a.fit))
      if let q2 = a.q2 { quality.append(q2Table(q2)) }
      if let predict = a.plsPredict { quality.append(predictTable(predict)) }
    }
    measurement += [crossLoadingTable(), constructCorrelationTable()]

    var sections = [
      ReportDocument.Section(id: "structural", title: "Structural model", tables: structural),
      ReportDocument.Section(id: "measurement", title: "Measurement model", tables: measurement),
    ]
    if let lower = lowerOrderSection(thresholds) { sections.append(lower) }
    if !quality.isEmpty {
      sections.append(
        ReportDocument.Section(id: "quality", title: "Model fit and prediction", tables: quality))
    }
    if let commonMethodBias { sections.append(cmbSection(commonMethodBias, thresholds)) }
    if let ipma { sections.append(ipmaSection(ipma)) }
    var document = ReportDocument(
      title: "PLS-SEM estimate",
      summary: ReportSummary(self).lines + (higherOrderSummary.map { [$0] } ?? []), facts: facts,
      diagnostics: allDiagnostics, sections: sections,
      rules: rules(thresholds, shown: sections.flatMap(\.tables).map(\.id)))
    if let language = narrativeLanguage {
      document.narrative = narrative(language, document: document, thresholds: thresholds)
    }
    return document
  }

  /// The key numbers, for the CSV's `summary` table.
  var facts: [ReportDocument.Fact] {
    let e = estimate
    var facts: [ReportDocument.Fact] = [
      .init("observations", String(e.observations)),
      .init("iterations", String(e.iterations)),
      .init("converged", e.converged ? "1" : "0"),
      .init("admissible", e.admissibility.isAdmissible ? "1" : "0"),
      .init("replaced_cells", String(e.dataSummary.replacedCells)),
      .init("dropped_rows", String(e.dataSummary.droppedRows)),
    ]
    if let b = bootstrap {
      facts += [
        .init("bootstrap_resamples", String(b.resamples)),
        .init("bootstrap_failed", String(b.failed)),
        .init("bootstrap_inadmissible", String(b.inadmissible)),
        .init("bootstrap_seed", String(b.seed)),
        .init("ci_level", JSONValue.format(b.settings.level)),
      ]
    }
    return facts
  }

  /// The rules of thumb that apply to the tables shown.
  private func rules(_ thresholds: QualityThresholds, shown: [String]) -> [QualityRule] {
    let tablesOfRule: [String: [String]] = [
      "loading": ["loadings"], "reliability": ["reliability"], "ave": ["reliability"],
      "htmt": ["htmt"], "vif": ["paths", "weights"], "fornell-larcker": ["fornell-larcker"],
      "cross-loadings": ["cross-loadings"], "r2": ["r2"], "f2": ["paths"], "q2": ["q2"],
      "plspredict": ["plspredict"], "srmr": ["fit"], "cmb-vif": ["cmb-vif"],
      "cmb-harman": ["cmb-harman"],
    ]
    guard assessment != nil else {
      return thresholds.rules.filter { $0.id == "loading" || $0.id == "r2" }
    }
    return thresholds.rules.filter { rule in
      (tablesOfRule[rule.id] ?? []).contains { shown.contains($0) }
    }
  }
}
