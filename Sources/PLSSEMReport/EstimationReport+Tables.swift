import LinearAlgebra
import PLSSEM

/// The structural and measurement tables of the report document. Values come straight from
/// the engine's results; this file only rounds, labels and judges them against
/// ``QualityThresholds``.
extension EstimationReport {
  /// The confidence level as a column header, e.g. "95% CI".
  var ciHeader: String {
    guard let b = bootstrap else { return "CI" }
    return "\(NumberText.setting(b.settings.level * 100))% CI"
  }

  /// Inference columns (SE, t, p, CI) when bootstrapped.
  var inferenceColumns: [ReportTable.Column] {
    bootstrap == nil
      ? []
      : [
        .inference("SE", .standardError), .inference("t", .t), .inference("p", .p),
        .inference(ciHeader, .interval),
      ]
  }

  /// Bootstrap inference of `key` as the reports show it: t, p and the interval are nil for a
  /// statistic fixed by construction (``StatisticTable/isFixedByConstruction(_:)``, such as the
  /// loading of a single-item construct) or one that did not vary across resamples.
  func reportInference(_ key: StatisticKey) -> ReportTable.Inference? {
    guard let inf = inference(key) else { return nil }
    let fixed = estimate.statistics.isFixedByConstruction(key) || NumberText.isFixed(inf)
    return ReportTable.Inference(
      bootstrapMean: inf.bootstrapMean, standardError: inf.standardError,
      t: fixed ? nil : inf.t, p: fixed ? nil : inf.p, ciLower: fixed ? nil : inf.ciLower,
      ciUpper: fixed ? nil : inf.ciUpper)
  }

  /// A statistic cell: the value with `digits` decimals, its inference under `key`, and a
  /// verdict with the rule it comes from.
  func statisticCell(
    _ value: Double?, digits: Int = 3, key: StatisticKey? = nil,
    verdict: ThresholdVerdict? = nil, rule: QualityRule? = nil, emphasized: Bool = false,
    subject: ReportTable.Subject? = nil
  ) -> ReportTable.Cell {
    ReportTable.Cell(
      NumberText.fixed(value, digits), value: value.flatMap { $0.isFinite ? $0 : nil },
      inference: key.flatMap(reportInference), verdict: verdict,
      note: verdict == nil ? nil : rule.map(\.text), emphasized: emphasized, subject: subject)
  }

  /// Inference cells for `key`: SE, t, p with stars, CI; blanks when bootstrapped but the
  /// statistic has no inference; nothing when not bootstrapped.
  func inferenceCells(_ key: StatisticKey) -> [ReportTable.Cell] {
    guard bootstrap != nil else { return [] }
    guard let inf = reportInference(key) else { return [.blank, .blank, .blank, .blank] }
    return [
      .init(NumberText.fixed(inf.standardError)),
      .init(NumberText.fixed(inf.t, 2)),
      .init(inf.p.map { NumberText.pValue($0) + NumberText.stars($0) } ?? "n/a"),
      .init(Self.interval(inf)),
    ]
  }

  static func interval(_ inf: ReportTable.Inference) -> String {
    guard let lower = inf.ciLower, let upper = inf.ciUpper else { return "n/a" }
    return "[\(NumberText.fixed(lower)), \(NumberText.fixed(upper))]"
  }

  /// The notes on significance under a table with inference columns.
  var significanceNotes: [String] {
    guard let b = bootstrap else { return [] }
    let paths =
      b.settings.tails == .one
      ? "paths and effects one-tailed, in the direction of the estimate"
      : "two-tailed"
    return [
      "Significance: * p < .05, ** p < .01, *** p < .001 (bootstrap t; \(paths)).",
      "\(b.resamples) bootstrap resamples (\(b.failed) failed), seed \(b.seed); \(b.settings.confidenceInterval.rawValue) intervals.",
    ]
  }

  /// The note explaining `n/a` inference, when any of `keys` has inference without t and p.
  func fixedNote(_ keys: [StatisticKey]) -> [String] {
    keys.contains { reportInference($0).map { $0.t == nil } ?? false }
      ? [NumberText.fixedNote] : []
  }

  func mode(of construct: String) -> MeasurementMode {
    estimate.model.construct(named: construct)?.mode ?? .a
  }

  func pathTable(_ thresholds: QualityThresholds) -> ReportTable {
    var columns: [ReportTable.Column] =
      [.label("Path"), .statistic("β", table: "paths", statistic: "path")] + inferenceColumns
    if assessment != nil {
      columns += [
        .statistic("f²", table: "f2", statistic: "f2", essential: false),
        .statistic("VIF", table: "inner_vif", statistic: "vif", essential: false),
      ]
    }
    let rows = estimate.pathList.map { path -> ReportTable.Row in
      let key = StatisticKey.path(from: path.from, to: path.to)
      var cells: [ReportTable.Cell] = [
        .init("\(label(path.from)) → \(label(path.to))"), statisticCell(path.estimate, key: key),
      ]
      cells += inferenceCells(key)
      if let a = assessment {
        cells.append(
          statisticCell(a.fSquare.first { $0.from == path.from && $0.to == path.to }?.estimate))
        cells.append(
          vifCell(
            a.innerVIF.first { $0.from == path.from && $0.to == path.to }?.estimate, thresholds))
      }
      return ReportTable.Row(.init(path.from, to: path.to), cells)
    }
    return ReportTable(
      id: "paths", title: "Path coefficients", columns: columns, rows: rows,
      notes: significanceNotes)
  }

  func rSquaredTable() -> ReportTable {
    var columns: [ReportTable.Column] = [
      .label("Construct"), .statistic("R²", table: "r2", statistic: "r2"),
    ]
    if bootstrap != nil { columns.append(.inference("R² \(ciHeader)", .interval)) }
    columns.append(.statistic("adj. R²", table: "r2", statistic: "r2_adjusted"))
    var rows: [ReportTable.Row] = []
    for (j, name) in estimate.constructNames.enumerated() {
      guard let r2 = estimate.rSquared[j] else { continue }
      let key = StatisticKey.rSquared(construct: name)
      var cells: [ReportTable.Cell] = [.init(label(name)), statisticCell(r2, key: key)]
      if bootstrap != nil {
        cells.append(.init(reportInference(key).map(Self.interval) ?? ""))
      }
      cells.append(statisticCell(estimate.adjustedRSquared[j]))
      rows.append(ReportTable.Row(.init(name), cells))
    }
    return ReportTable(
      id: "r2", title: "Explained variance (R²)", columns: columns, rows: rows)
  }

  /// Total effects of every ordered pair with a nonzero total effect.
  func totalEffectsTable() -> ReportTable {
    let columns: [ReportTable.Column] =
      [.label("Effect"), .statistic("Total", table: "effects", statistic: "total")]
      + inferenceColumns
    let rows = effectPairs.map { pair -> ReportTable.Row in
      let key = StatisticKey.totalEffect(from: pair.from, to: pair.to)
      return ReportTable.Row(
        .init(pair.from, to: pair.to),
        [.init("\(label(pair.from)) → \(label(pair.to))"), statisticCell(pair.total, key: key)]
          + inferenceCells(key))
    }
    return ReportTable(
      id: "total-effects", title: "Total effects", columns: columns, rows: rows,
      notes: significanceNotes)
  }

  /// Total indirect effects of every pair with a nonzero one; nil when the model has none.
  func indirectEffectsTable() -> ReportTable? {
    let pairs = effectPairs.filter { $0.indirect != 0 }
    guard !pairs.isEmpty else { return nil }
    let columns: [ReportTable.Column] =
      [.label("Effect"), .statistic("Indirect", table: "effects", statistic: "indirect")]
      + inferenceColumns
    let rows = pairs.map { pair -> ReportTable.Row in
      let key = StatisticKey.indirectEffect(from: pair.from, to: pair.to)
      return ReportTable.Row(
        .init(pair.from, to: pair.to),
        [.init("\(label(pair.from)) → \(label(pair.to))"), statisticCell(pair.indirect, key: key)]
          + inferenceCells(key))
    }
    return ReportTable(
      id: "indirect-effects", title: "Total indirect effects", columns: columns, rows: rows,
      notes: ["The sum of all specific indirect effects between the two constructs."]
        + significanceNotes)
  }

  /// Every specific indirect effect (chains of two or more paths); nil when there is none.
  func specificIndirectTable() -> ReportTable? {
    guard !estimate.specificIndirectEffects.isEmpty else { return nil }
    let columns: [ReportTable.Column] =
      [
        .label("Chain"),
        .statistic("Estimate", table: "specific_indirect", statistic: "specific_indirect"),
      ] + inferenceColumns
    let rows = estimate.specificIndirectEffects.map { effect -> ReportTable.Row in
      let key = StatisticKey.specificIndirectEffect(chain: effect.chain)
      return ReportTable.Row(
        .init(
          effect.from, to: effect.to,
          via: effect.chain.dropFirst().dropLast().joined(separator: "->")),
        [
          .init(effect.chain.map(label).joined(separator: " → ")),
          statisticCell(effect.estimate, key: key),
        ]
          + inferenceCells(key))
    }
    return ReportTable(
      id: "specific-indirect", title: "Specific indirect effects", columns: columns, rows: rows,
      notes: significanceNotes)
  }

  func loadingTable(_ thresholds: QualityThresholds) -> ReportTable {
    let columns: [ReportTable.Column] =
      [
        .label("Construct"), .label("Indicator"),
        .statistic("Loading", table: "loadings", statistic: "loading"),
      ] + inferenceColumns
    let rule = thresholds.rule("loading")
    let rows = loadingRows.map { row -> ReportTable.Row in
      let key = StatisticKey.loading(construct: row.construct, indicator: row.indicator)
      let verdict = mode(of: row.construct) == .a ? thresholds.loading(row.estimate) : nil
      return ReportTable.Row(
        .init(row.construct, to: row.indicator),
        [
          .init(label(row.construct)), .init(row.indicator),
          statisticCell(row.estimate, key: key, verdict: verdict, rule: rule),
        ] + inferenceCells(key))
    }
    return ReportTable(
      id: "loadings", title: "Outer loadings", columns: columns, rows: rows,
      notes: significanceNotes
        + fixedNote(loadingRows.map { .loading(construct: $0.construct, indicator: $0.indicator) }))
  }

  func weightTable(_ thresholds: QualityThresholds) -> ReportTable {
    var columns: [ReportTable.Column] =
      [
        .label("Construct"), .label("Indicator"),
        .statistic("Weight", table: "weights", statistic: "weight"),
      ] + inferenceColumns
    if assessment != nil {
      columns.append(.statistic("VIF", table: "outer_vif", statistic: "vif", essential: false))
    }
    let rows = weightRows.map { row -> ReportTable.Row in
      let key = StatisticKey.weight(construct: row.construct, indicator: row.indicator)
      var cells: [ReportTable.Cell] = [
        .init(label(row.construct)), .init(row.indicator), statisticCell(row.estimate, key: key),
      ]
      cells += inferenceCells(key)
      if let a = assessment {
        cells.append(
          vifCell(
            a.outerVIF.first { $0.construct == row.construct && $0.indicator == row.indicator }?
              .estimate, thresholds))
      }
      return ReportTable.Row(.init(row.construct, to: row.indicator), cells)
    }
    return ReportTable(
      id: "weights", title: "Outer weights and collinearity (VIF)", columns: columns, rows: rows,
      notes: significanceNotes
        + fixedNote(weightRows.map { .weight(construct: $0.construct, indicator: $0.indicator) }))
  }

  func vifCell(_ value: Double?, _ thresholds: QualityThresholds) -> ReportTable.Cell {
    guard let value else { return .init("n/a") }
    return statisticCell(
      value, digits: 2, verdict: thresholds.vif(value), rule: thresholds.rule("vif"))
  }

  func crossLoadingTable() -> ReportTable {
    let names = estimate.constructNames
    let columns =
      [ReportTable.Column.label("Indicator")]
      + names.map {
        ReportTable.Column.statistic(
          label($0), table: "cross_loadings", statistic: "cross_loading")
      }
    let rows = estimate.indicatorNames.enumerated().map { i, indicator -> ReportTable.Row in
      let own = estimate.construct(ofIndicator: i)
      return ReportTable.Row(
        .init(own, to: indicator),
        [.init(indicator)]
          + names.enumerated().map { j, name in
            statisticCell(
              estimate.crossLoadings[i, j], emphasized: name == own,
              subject: .init(name, to: indicator))
          })
    }
    return ReportTable(
      id: "cross-loadings", title: "Cross-loadings", columns: columns, rows: rows,
      notes: ["Each indicator's loading on its own construct is emphasised."], detail: true)
  }

  func constructCorrelationTable() -> ReportTable {
    matrixTable(
      estimate.constructCorrelations, id: "construct-correlations",
      title: "Construct correlations",
      longForm: .init(table: "construct_correlations", statistic: "correlation"),
      lowerOnly: false, detail: true, notes: [])
  }

  /// A construct × construct matrix: a row per construct, a statistic column per construct,
  /// each cell's subject its row and column; with `lowerOnly` the cells above the diagonal
  /// are blank.
  func matrixTable(
    _ m: Matrix, id: String, title: String, longForm: ReportTable.LongForm, lowerOnly: Bool,
    detail: Bool, notes: [String]
  ) -> ReportTable {
    let names = estimate.constructNames
    let columns =
      [ReportTable.Column.label("Construct")]
      + names.map {
        ReportTable.Column.statistic(
          label($0), table: longForm.table, statistic: longForm.statistic)
      }
    let rows = names.enumerated().map { i, name -> ReportTable.Row in
      ReportTable.Row(
        .init(name),
        [.init(label(name))]
          + names.enumerated().map { j, column -> ReportTable.Cell in
            lowerOnly && j > i
              ? .blank
              : statisticCell(
                m[i, j], emphasized: lowerOnly && i == j, subject: .init(name, to: column))
          })
    }
    return ReportTable(
      id: id, title: title, columns: columns, rows: rows, notes: notes, detail: detail)
  }
}
