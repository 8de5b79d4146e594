import PLSSEM

/// Model fit, Q² and PLSpredict as report tables (Markdown, HTML).
extension EstimationReport {
  /// The tables of the optional quality criteria that were computed.
  func qualityTables(_ a: PLSAssessment) -> [ReportTable] {
    var tables = [fitTable(a.fit)]
    if let q2 = a.q2 { tables.append(q2Table(q2)) }
    if let predict = a.plsPredict { tables.append(predictTable(predict)) }
    return tables
  }

  func fitTable(_ fit: ModelFit) -> ReportTable {
    func row(_ name: String, _ m: FitMeasures) -> [ReportTable.Cell] {
      [
        .init(name), .init(NumberText.fixed(m.srmr)), .init(NumberText.fixed(m.dULS)),
        .init(NumberText.fixed(m.dG)),
      ]
    }
    return ReportTable(
      id: "fit", title: "Model fit",
      columns: [.init("Model", numeric: false), .init("SRMR"), .init("d_ULS"), .init("d_G")],
      rows: [row("saturated", fit.saturated), row("estimated", fit.estimated)],
      notes: [
        "SRMR below 0.08 is commonly read as good fit (Hu & Bentler 1999; Henseler et al. 2014); d_G uses base-10 logarithms, as cSEM."
      ])
  }

  func q2Table(_ b: Blindfolding) -> ReportTable {
    ReportTable(
      id: "q2", title: "Predictive relevance (blindfolding)",
      columns: [
        .init("Construct", numeric: false), .init("Q² redundancy"), .init("Q² communality"),
      ],
      rows: b.constructs.map { r in
        [
          .init(r.construct), .init(NumberText.fixed(r.q2Redundancy)),
          .init(NumberText.fixed(r.q2Communality)),
        ]
      },
      notes: [
        "Omission distance D = \(b.omissionDistance); Q² above 0 indicates predictive relevance (Hair et al. 2017, ch. 6)."
      ])
  }

  func predictTable(_ p: PLSPredict) -> ReportTable {
    ReportTable(
      id: "plspredict", title: "PLSpredict",
      columns: [
        .init("Indicator", numeric: false), .init("Q²predict"), .init("RMSE PLS"), .init("RMSE LM"),
        .init("MAE PLS"),
        .init("MAE LM"),
      ],
      rows: p.indicators.map { i in
        [
          .init(i.indicator), .init(NumberText.fixed(i.q2Predict)),
          .init(NumberText.fixed(i.plsRMSE)),
          .init(NumberText.fixed(i.lmRMSE)), .init(NumberText.fixed(i.plsMAE)),
          .init(NumberText.fixed(i.lmMAE)),
        ]
      },
      notes: [
        "\(p.folds)-fold cross-validation, technique \(p.technique.rawValue); PLS errors below the linear-model benchmark's indicate predictive power (Shmueli et al. 2019)."
      ])
  }
}
