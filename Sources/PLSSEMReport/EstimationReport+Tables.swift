import LinearAlgebra
import PLSSEM

/// The report's sections as formatted tables, shared by the Markdown and HTML renderers. Values
/// come straight from the engine's results; this file only rounds, labels and classifies them
/// against ``QualityThresholds``.
extension EstimationReport {
  /// Every table of the report, in reading order: structural model first (paths, R², effects),
  /// then the measurement model (loadings, weights, reliability, discriminant validity).
  public func tables() -> [ReportTable] {
    var tables = [pathTable(), rSquaredTable(), effectsTable()]
    if !estimate.specificIndirectEffects.isEmpty { tables.append(specificIndirectTable()) }
    tables += [loadingTable(), weightTable()]
    if let assessment {
      tables.append(reliabilityTable(assessment))
      tables.append(htmtTable(assessment))
      tables.append(fornellLarckerTable(assessment))
      tables += qualityTables(assessment)
    }
    tables.append(crossLoadingTable())
    return tables
  }

  /// The confidence level as a column header, e.g. "95% CI".
  var ciHeader: String {
    guard let b = bootstrap else { return "CI" }
    return "\(NumberText.setting(b.settings.level * 100))% CI"
  }

  /// Inference columns (SE, t, p, CI) when bootstrapped.
  private var inferenceColumns: [ReportTable.Column] {
    bootstrap == nil ? [] : [.init("SE"), .init("t"), .init("p"), .init(ciHeader)]
  }

  /// Inference cells for `key`: SE, t, p with stars, CI; blanks when bootstrapped but the
  /// statistic has no inference; nothing when not bootstrapped.
  private func inferenceCells(_ key: StatisticKey) -> [ReportTable.Cell] {
    guard bootstrap != nil else { return [] }
    guard let inf = inference(key) else { return ["", "", "", ""] }
    if NumberText.isFixed(inf) {
      return [.init(NumberText.fixed(inf.standardError)), "n/a", "n/a", .init(Self.interval(inf))]
    }
    return [
      .init(NumberText.fixed(inf.standardError)),
      .init(NumberText.fixed(inf.t, 2)),
      .init(NumberText.pValue(inf.p) + NumberText.stars(inf.p)),
      .init(Self.interval(inf)),
    ]
  }

  static func interval(_ inf: StatisticInference) -> String {
    "[\(NumberText.fixed(inf.ciLower)), \(NumberText.fixed(inf.ciUpper))]"
  }

  private var significanceNotes: [String] {
    guard let b = bootstrap else { return [] }
    return [
      NumberText.significanceConvention,
      "\(b.resamples) bootstrap resamples (\(b.failed) failed), seed \(b.seed); \(b.settings.confidenceInterval.rawValue) intervals.",
    ]
  }

  /// The note explaining `n/a` inference, when any of `keys` did not vary across resamples.
  private func fixedNote(_ keys: [StatisticKey]) -> [String] {
    keys.contains { inference($0).map(NumberText.isFixed) ?? false } ? [NumberText.fixedNote] : []
  }

  func mode(of construct: String) -> MeasurementMode {
    estimate.model.construct(named: construct)?.mode ?? .a
  }

  func pathTable() -> ReportTable {
    var columns: [ReportTable.Column] =
      [.init("Path", numeric: false), .init("β")] + inferenceColumns
    if assessment != nil { columns += [.init("f²"), .init("VIF")] }
    let rows = estimate.pathList.map { path -> [ReportTable.Cell] in
      var row: [ReportTable.Cell] = [
        .init("\(path.from) → \(path.to)"), .init(NumberText.fixed(path.estimate)),
      ]
      row += inferenceCells(.path(from: path.from, to: path.to))
      if let a = assessment {
        let f2 = a.fSquare.first { $0.from == path.from && $0.to == path.to }
        row.append(.init(NumberText.fixed(f2?.estimate)))
        let vif = a.innerVIF.first { $0.from == path.from && $0.to == path.to }
        row.append(vifCell(vif?.estimate))
      }
      return row
    }
    var notes = significanceNotes
    if assessment != nil {
      notes.append("f² effect sizes: 0.02 small, 0.15 medium, 0.35 large (Cohen 1988).")
    }
    return ReportTable(
      id: "paths", title: "Path coefficients", columns: columns, rows: rows, notes: notes)
  }

  func rSquaredTable() -> ReportTable {
    let boot = bootstrap != nil
    var columns: [ReportTable.Column] = [
      .init("Construct", numeric: false), .init("R²"), .init("adj. R²"),
    ]
    if boot { columns.append(.init("R² \(ciHeader)")) }
    var rows: [[ReportTable.Cell]] = []
    for (j, name) in estimate.constructNames.enumerated() {
      guard let r2 = estimate.rSquared[j] else { continue }
      var row: [ReportTable.Cell] = [
        .init(name), .init(NumberText.fixed(r2)),
        .init(NumberText.fixed(estimate.adjustedRSquared[j])),
      ]
      if boot { row.append(.init(inference(.rSquared(construct: name)).map(Self.interval) ?? "")) }
      rows.append(row)
    }
    return ReportTable(
      id: "r2", title: "Explained variance (R²)", columns: columns, rows: rows,
      notes: [
        "R² of 0.75, 0.50 and 0.25 read as substantial, moderate and weak (Hair et al. 2011)."
      ])
  }

  func effectsTable() -> ReportTable {
    let boot = bootstrap != nil
    var columns: [ReportTable.Column] = [
      .init("Effect", numeric: false), .init("Direct"), .init("Indirect"),
    ]
    if boot { columns += [.init("p (indirect)"), .init("\(ciHeader) (indirect)")] }
    columns.append(.init("Total"))
    if boot { columns += [.init("t (total)"), .init("p (total)"), .init("\(ciHeader) (total)")] }
    let rows = effectPairs.map { pair -> [ReportTable.Cell] in
      let direct = estimate.path(from: pair.from, to: pair.to)
      var row: [ReportTable.Cell] = [
        .init("\(pair.from) → \(pair.to)"), .init(direct.map { NumberText.fixed($0) } ?? "–"),
        .init(pair.indirect != 0 ? NumberText.fixed(pair.indirect) : "–"),
      ]
      if boot {
        let inf =
          pair.indirect != 0 ? inference(.indirectEffect(from: pair.from, to: pair.to)) : nil
        row += [
          .init(inf.map { NumberText.pValue($0.p) + NumberText.stars($0.p) } ?? ""),
          .init(inf.map(Self.interval) ?? ""),
        ]
      }
      row.append(.init(NumberText.fixed(pair.total)))
      if boot {
        let inf = inference(.totalEffect(from: pair.from, to: pair.to))
        row += [
          .init(inf.map { NumberText.fixed($0.t, 2) } ?? ""),
          .init(inf.map { NumberText.pValue($0.p) + NumberText.stars($0.p) } ?? ""),
          .init(inf.map(Self.interval) ?? ""),
        ]
      }
      return row
    }
    return ReportTable(
      id: "effects", title: "Total and indirect effects", columns: columns, rows: rows,
      notes: significanceNotes)
  }

  func specificIndirectTable() -> ReportTable {
    let columns: [ReportTable.Column] =
      [.init("Chain", numeric: false), .init("Estimate")] + inferenceColumns
    let rows = estimate.specificIndirectEffects.map { effect -> [ReportTable.Cell] in
      [.init(effect.chain.joined(separator: " → ")), .init(NumberText.fixed(effect.estimate))]
        + inferenceCells(.specificIndirectEffect(chain: effect.chain))
    }
    return ReportTable(
      id: "specific-indirect", title: "Specific indirect effects", columns: columns, rows: rows,
      notes: significanceNotes)
  }

  func loadingTable() -> ReportTable {
    let columns: [ReportTable.Column] =
      [.init("Construct", numeric: false), .init("Indicator", numeric: false), .init("Loading")]
      + inferenceColumns
    let rows = loadingRows.map { row -> [ReportTable.Cell] in
      let verdict = mode(of: row.construct) == .a ? QualityThresholds.loading(row.estimate) : nil
      return [
        .init(row.construct), .init(row.indicator),
        .init(
          NumberText.fixed(row.estimate), verdict: verdict,
          note: verdict.map { _ in
            "threshold: loading ≥ \(NumberText.fixed(QualityThresholds.loading, 2))"
          }),
      ] + inferenceCells(.loading(construct: row.construct, indicator: row.indicator))
    }
    return ReportTable(
      id: "loadings", title: "Outer loadings", columns: columns, rows: rows,
      notes: ["Loadings of Mode A blocks should reach 0.70 (! 0.40–0.70, !! below 0.40)."]
        + significanceNotes
        + fixedNote(loadingRows.map { .loading(construct: $0.construct, indicator: $0.indicator) }))
  }

  func weightTable() -> ReportTable {
    var columns: [ReportTable.Column] =
      [.init("Construct", numeric: false), .init("Indicator", numeric: false), .init("Weight")]
      + inferenceColumns
    if assessment != nil { columns.append(.init("VIF")) }
    let rows = weightRows.map { row -> [ReportTable.Cell] in
      var cells: [ReportTable.Cell] = [
        .init(row.construct), .init(row.indicator), .init(NumberText.fixed(row.estimate)),
      ]
      cells += inferenceCells(.weight(construct: row.construct, indicator: row.indicator))
      if let a = assessment {
        cells.append(
          vifCell(
            a.outerVIF.first { $0.construct == row.construct && $0.indicator == row.indicator }?
              .estimate))
      }
      return cells
    }
    var notes: [String] = []
    if assessment != nil { notes.append("VIF: ! 3–5, !! 5 or more (collinearity).") }
    return ReportTable(
      id: "weights", title: "Outer weights and collinearity (VIF)", columns: columns, rows: rows,
      notes: notes + significanceNotes
        + fixedNote(weightRows.map { .weight(construct: $0.construct, indicator: $0.indicator) }))
  }

  private func vifCell(_ value: Double?) -> ReportTable.Cell {
    guard let value else { return .init("n/a") }
    let verdict = QualityThresholds.vif(value)
    return .init(
      NumberText.fixed(value, 2), verdict: verdict, note: "thresholds: VIF < 3 (< 5 at most)")
  }

  func reliabilityTable(_ a: PLSAssessment) -> ReportTable {
    let columns: [ReportTable.Column] = [
      .init("Construct", numeric: false), .init("Mode", numeric: false), .init("alpha"),
      .init("rho_C"),
      .init("rho_A"), .init("AVE"),
    ]
    let rows = a.reliability.map { r -> [ReportTable.Cell] in
      let construct = estimate.model.construct(named: r.construct)
      let judged = construct?.mode == .a
      let k = construct?.indicators.count ?? 1
      let note = "thresholds: 0.70–0.95 (0.60 in exploratory research)"
      return [
        .init(r.construct), .init(construct?.mode.rawValue ?? ""),
        .init(
          NumberText.fixed(r.alpha),
          verdict: judged ? QualityThresholds.reliability(r.alpha, indicators: k) : nil, note: note),
        .init(
          NumberText.fixed(r.rhoC),
          verdict: judged ? QualityThresholds.reliability(r.rhoC, indicators: k) : nil, note: note),
        .init(NumberText.fixed(r.rhoA)),
        .init(
          NumberText.fixed(r.ave), verdict: judged ? QualityThresholds.ave(r.ave) : nil,
          note: "threshold: AVE ≥ 0.50"),
      ]
    }
    return ReportTable(
      id: "reliability", title: "Reliability and convergent validity", columns: columns, rows: rows,
      notes: [
        "alpha and rho_C: ! 0.60–0.70 or above 0.95, !! below 0.60; AVE: !! below 0.50. Mode B (composite) blocks are not judged."
      ])
  }

  func htmtTable(_ a: PLSAssessment) -> ReportTable {
    let boot = bootstrap != nil
    var columns: [ReportTable.Column] = [
      .init("Construct", numeric: false), .init("Construct", numeric: false), .init("HTMT"),
    ]
    if boot { columns.append(.init("HTMT \(ciHeader)")) }
    columns.append(.init("HTMT2"))
    let rows = a.heterotraitMonotrait.map { h -> [ReportTable.Cell] in
      var row: [ReportTable.Cell] = [
        .init(h.row), .init(h.column),
        .init(
          NumberText.fixed(h.htmt), verdict: h.htmt.map(QualityThresholds.htmt),
          note: "thresholds: HTMT ≤ 0.85 (≤ 0.90 for similar constructs)"),
      ]
      if boot {
        row.append(.init(inference(.htmt(row: h.row, column: h.column)).map(Self.interval) ?? ""))
      }
      row.append(.init(NumberText.fixed(h.htmt2)))
      return row
    }
    return ReportTable(
      id: "htmt", title: "Discriminant validity: HTMT", columns: columns, rows: rows,
      notes: ["HTMT: ! 0.85–0.90, !! above 0.90 (Henseler, Ringle & Sarstedt 2015)."])
  }

  func fornellLarckerTable(_ a: PLSAssessment) -> ReportTable {
    let names = estimate.constructNames
    let columns =
      [ReportTable.Column("Construct", numeric: false)] + names.map { ReportTable.Column($0) }
    let rows = names.enumerated().map { i, name -> [ReportTable.Cell] in
      [.init(name)]
        + names.indices.map { j -> ReportTable.Cell in
          j > i ? "" : .init(NumberText.fixed(a.fornellLarcker[i, j]), emphasized: i == j)
        }
    }
    return ReportTable(
      id: "fornell-larcker", title: "Discriminant validity: Fornell–Larcker criterion",
      columns: columns, rows: rows,
      notes: [
        "√AVE on the diagonal, construct correlations below it; each diagonal value should exceed its row and column."
      ])
  }

  func crossLoadingTable() -> ReportTable {
    let names = estimate.constructNames
    let columns =
      [ReportTable.Column("Indicator", numeric: false)] + names.map { ReportTable.Column($0) }
    let rows = estimate.indicatorNames.enumerated().map { i, indicator -> [ReportTable.Cell] in
      let own = estimate.construct(ofIndicator: i)
      return [.init(indicator)]
        + names.enumerated().map { j, name in
          .init(NumberText.fixed(estimate.crossLoadings[i, j]), emphasized: name == own)
        }
    }
    return ReportTable(
      id: "cross-loadings", title: "Cross-loadings", columns: columns, rows: rows,
      notes: ["Each indicator should load highest on its own construct (emphasised)."])
  }
}
