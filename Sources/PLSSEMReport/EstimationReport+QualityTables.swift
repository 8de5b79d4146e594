import PLSSEM

/// The assessment tables of the report document: reliability, discriminant validity, model
/// fit, Q² and PLSpredict.
extension EstimationReport {
  func reliabilityTable(_ a: PLSAssessment, _ thresholds: QualityThresholds) -> ReportTable {
    let columns: [ReportTable.Column] = [
      .label("Construct"), .label("Mode"),
      .statistic("alpha", table: "reliability", statistic: "alpha"),
      .statistic("rho_C", table: "reliability", statistic: "rho_c"),
      .statistic("rho_A", table: "reliability", statistic: "rho_a"),
      .statistic("AVE", table: "reliability", statistic: "ave"),
    ]
    let reliabilityRule = thresholds.rule("reliability")
    let rows = a.reliability.map { r -> ReportTable.Row in
      let construct = estimate.model.construct(named: r.construct)
      let judged = construct?.mode == .a
      let k = construct?.indicators.count ?? 1
      func reliability(_ value: Double?) -> ReportTable.Cell {
        statisticCell(
          value,
          verdict: judged ? value.map { thresholds.reliability($0, indicators: k) } : nil,
          rule: reliabilityRule)
      }
      return ReportTable.Row(
        .init(r.construct),
        [
          .init(label(r.construct)), .init(construct?.mode.rawValue ?? ""), reliability(r.alpha),
          reliability(r.rhoC), statisticCell(r.rhoA),
          statisticCell(
            r.ave, verdict: judged ? thresholds.ave(r.ave) : nil,
            rule: thresholds.rule("ave")),
        ])
    }
    return ReportTable(
      id: "reliability", title: "Reliability and convergent validity", columns: columns,
      rows: rows,
      notes: estimate.model.constructs.contains { $0.mode == .b }
        ? ["Mode B (composite) blocks are not judged."] : [])
  }

  /// HTMT with, when bootstrapped, the test of H0: HTMT = 1 against HTMT < 1 (t, p), the
  /// two-sided interval and the one-sided upper limit, which is judged by the HTMT rule
  /// (Franke & Sarstedt 2019); HTMT2 beside it.
  func htmtTable(_ a: PLSAssessment, _ thresholds: QualityThresholds) -> ReportTable {
    let rule = thresholds.rule("htmt")
    var columns: [ReportTable.Column] = [
      .label("Construct"), .label("Construct"),
      .statistic("HTMT", table: "htmt", statistic: "htmt"),
    ]
    let level = bootstrap.map { NumberText.setting($0.settings.level * 100) + "%" } ?? ""
    if bootstrap != nil {
      columns += [
        .inference("t (H0: 1)", .t), .inference("p", .p), .inference(ciHeader, .interval),
        .statistic("\(level) upper", table: "htmt", statistic: "htmt_upper_one_sided"),
      ]
    }
    columns.append(.statistic("HTMT2", table: "htmt", statistic: "htmt2", essential: false))
    let rows = a.heterotraitMonotrait.map { h -> ReportTable.Row in
      let key = StatisticKey.htmt(row: h.row, column: h.column)
      var cells: [ReportTable.Cell] = [
        .init(label(h.row)), .init(label(h.column)),
        statisticCell(h.htmt, key: key, verdict: h.htmt.map { thresholds.htmt($0) }, rule: rule),
      ]
      if bootstrap != nil {
        let inf = reportInference(key)
        cells += [
          .init(NumberText.fixed(inf?.t, 2)),
          .init(inf?.p.map { NumberText.pValue($0) + NumberText.stars($0) } ?? "n/a"),
          .init(inf.map(Self.interval) ?? "n/a"),
        ]
        let upper = inference(key)?.upperOneSided
        cells.append(
          statisticCell(upper, verdict: upper.map { thresholds.htmt($0) }, rule: rule))
      }
      cells.append(statisticCell(h.htmt2))
      return ReportTable.Row(.init(h.row, to: h.column), cells)
    }
    var notes: [String] = []
    if bootstrap != nil {
      notes.append(
        "t and p test H0: HTMT = 1 against HTMT < 1; the one-sided \(level) upper limit is "
          + "compared with the HTMT thresholds (Franke & Sarstedt 2019).")
    }
    notes.append(
      "HTMT2 uses geometric instead of arithmetic means (Roemer, Schuberth & Henseler 2021).")
    return ReportTable(
      id: "htmt", title: "Discriminant validity: HTMT", columns: columns, rows: rows, notes: notes)
  }

  func fornellLarckerTable(_ a: PLSAssessment) -> ReportTable {
    matrixTable(
      a.fornellLarcker, id: "fornell-larcker",
      title: "Discriminant validity: Fornell–Larcker criterion",
      longForm: .init(table: "fornell_larcker", statistic: "fornell_larcker"), lowerOnly: true,
      detail: false,
      notes: ["√AVE on the diagonal (emphasised), construct correlations below it."])
  }

  func fitTable(_ fit: ModelFit) -> ReportTable {
    func row(_ name: String, _ m: FitMeasures) -> ReportTable.Row {
      ReportTable.Row(
        .init(name),
        [.init(name), statisticCell(m.srmr), statisticCell(m.dULS), statisticCell(m.dG)])
    }
    return ReportTable(
      id: "fit", title: "Model fit",
      columns: [
        .label("Model"), .statistic("SRMR", table: "fit", statistic: "srmr"),
        .statistic("d_ULS", table: "fit", statistic: "d_uls"),
        .statistic("d_G", table: "fit", statistic: "d_g"),
      ],
      rows: [row("saturated", fit.saturated), row("estimated", fit.estimated)],
      notes: ["d_G uses base-10 logarithms, as cSEM."])
  }

  func q2Table(_ b: Blindfolding) -> ReportTable {
    ReportTable(
      id: "q2", title: "Predictive relevance (blindfolding)",
      columns: [
        .label("Construct"),
        .statistic("Q² redundancy", table: "q2", statistic: "q2_redundancy"),
        .statistic("Q² communality", table: "q2", statistic: "q2_communality"),
      ],
      rows: b.constructs.map { r in
        ReportTable.Row(
          .init(r.construct),
          [
            .init(label(r.construct)), statisticCell(r.q2Redundancy),
            statisticCell(r.q2Communality),
          ])
      },
      notes: ["Omission distance D = \(b.omissionDistance)."])
  }

  func predictTable(_ p: PLSPredict) -> ReportTable {
    func column(_ header: String, _ statistic: String) -> ReportTable.Column {
      .statistic(header, table: "plspredict", statistic: statistic)
    }
    return ReportTable(
      id: "plspredict", title: "PLSpredict",
      columns: [
        .label("Indicator"), column("Q²predict", "q2_predict"), column("RMSE PLS", "rmse_pls"),
        column("RMSE LM", "rmse_lm"), column("MAE PLS", "mae_pls"), column("MAE LM", "mae_lm"),
      ],
      rows: p.indicators.map { i in
        ReportTable.Row(
          .init(i.construct, to: i.indicator),
          [
            .init(i.indicator), statisticCell(i.q2Predict), statisticCell(i.plsRMSE),
            statisticCell(i.lmRMSE), statisticCell(i.plsMAE), statisticCell(i.lmMAE),
          ])
      },
      notes: [
        "\(p.folds)-fold cross-validation, technique \(p.technique.rawValue); LM is the linear-model benchmark."
      ])
  }
}
