import PLSSEM

/// The importance–performance map analysis in the report: its section of the report document
/// (tables of constructs and indicators, in every format), its JSON (`ipma`) and the map
/// drawn in the HTML report (`IPMAMap`).
extension EstimationReport {
  /// The IPMA section, when there is an IPMA: the constructs' and the indicators' importance
  /// and performance.
  func ipmaSection(_ ipma: ImportancePerformance) -> ReportDocument.Section {
    let target = label(ipma.target)
    let constructs = ReportTable(
      id: "ipma-constructs", title: "Importance and performance of the constructs",
      columns: [
        .label("Construct"),
        .statistic("Importance", table: "ipma", statistic: "importance"),
        .statistic("Performance", table: "ipma", statistic: "performance"),
      ],
      rows: ipma.constructs.map { c in
        ReportTable.Row(
          .init(c.construct, to: ipma.target),
          [
            .init(label(c.construct)), statisticCell(c.importance),
            statisticCell(c.performance, digits: 2),
          ])
      },
      notes: [
        "Target \(target) (performance \(NumberText.fixed(ipma.targetPerformance, 2))). Importance: the unstandardised total effect on \(target) of the rescaled scores (a one-point rise in performance raises \(target)'s performance by this much); performance: the mean score rescaled to 0–100 (Ringle & Sarstedt 2016)."
      ])
    let indicators = ReportTable(
      id: "ipma-indicators", title: "Importance and performance of the indicators",
      columns: [
        .label("Construct"), .label("Indicator"),
        .statistic("Weight", table: "ipma_indicators", statistic: "rescaled_weight"),
        .statistic("Importance", table: "ipma_indicators", statistic: "importance"),
        .statistic("Performance", table: "ipma_indicators", statistic: "performance"),
        .label("Scale"),
      ],
      rows: ipma.indicators.map { i in
        ReportTable.Row(
          .init(i.construct, to: i.indicator),
          [
            .init(label(i.construct)), .init(i.indicator), statisticCell(i.rescaledWeight),
            statisticCell(i.importance), statisticCell(i.performance, digits: 2),
            .init(
              "\(NumberText.setting(i.bounds.minimum))–\(NumberText.setting(i.bounds.maximum))"
                + (i.boundsSource == .observed ? " (observed)" : "")),
          ])
      },
      notes: [
        "Weight: the unstandardised outer weight (standardised weight / SD of the rescaled indicator), normalised to sum 1 in its block; importance: weight × the construct's importance; performance: the mean of the indicator rescaled to 0–100 from its scale."
      ], detail: true)
    return ReportDocument.Section(
      id: "ipma", title: "Importance–performance map (target \(target))",
      tables: [constructs, indicators])
  }

  /// `ipma` of the JSON: `{target, constructs: [{construct, importance, performance}],
  /// indicators: [{construct, indicator, importance, performance}]}`, or null.
  var ipmaJSON: JSONValue {
    guard let ipma else { return .null }
    return .object([
      ("target", .string(ipma.target)),
      (
        "constructs",
        .array(
          ipma.constructs.map {
            .object([
              ("construct", .string($0.construct)), ("importance", .optional($0.importance)),
              ("performance", .optional($0.performance)),
            ])
          })
      ),
      (
        "indicators",
        .array(
          ipma.indicators.map {
            .object([
              ("construct", .string($0.construct)), ("indicator", .string($0.indicator)),
              ("importance", .optional($0.importance)),
              ("performance", .optional($0.performance)),
            ])
          })
      ),
    ])
  }
}
