import PLSSEM

/// The simple slopes of interaction terms in the report (``SimpleSlope``): a table of the
/// structural section (every format), the JSON's `simpleSlopes`, and the simple-slope plot of
/// the HTML report (``SimpleSlopePlot``).
extension EstimationReport {
  /// The moderator level as the tables write it: `mean`, `-1 SD`, `+0.5 SD`.
  static func moderatorLevelText(_ level: Double) -> String {
    if level == 0 { return "mean" }
    return (level < 0 ? "-" : "+") + SimpleSlope.levelText(abs(level)) + " SD"
  }

  /// The table of simple slopes (`simple-slopes`), or nil for a model without interaction
  /// terms.
  func simpleSlopesTable() -> ReportTable? {
    let slopes = estimate.simpleSlopes
    guard !slopes.isEmpty else { return nil }
    let columns: [ReportTable.Column] =
      [
        .label("Interaction"), .label("Slope of"), .label("Moderator at"),
        .statistic("Slope", table: "simple_slopes", statistic: "simple_slope"),
      ] + inferenceColumns
    let rows = slopes.map { slope -> ReportTable.Row in
      ReportTable.Row(
        .init(
          slope.focal, to: slope.outcome,
          via: slope.moderator + "=" + SimpleSlope.levelText(slope.level)),
        [
          .init(slope.interaction),
          .init("\(label(slope.focal)) → \(label(slope.outcome))"),
          .init("\(label(slope.moderator)) \(Self.moderatorLevelText(slope.level))"),
          statisticCell(slope.estimate, key: slope.key),
        ] + inferenceCells(slope.key))
    }
    return ReportTable(
      id: "simple-slopes", title: "Simple slopes", columns: columns, rows: rows,
      notes: [
        "The slope of the focal predictor X (the first construct of X:M) on the outcome where the moderator M lies the given number of standard deviations from its mean: β_X + β_XM × level, with β_XM per unit of the product of the standardised scores (the same under both interaction scales; Aiken & West 1991)."
      ] + significanceNotes)
  }

  /// `simpleSlopes` of the JSON: one entry per interaction term, outcome and moderator level,
  /// `{interaction, from, moderator, to, level, estimate, …inference}`; empty without
  /// interaction terms.
  var simpleSlopesJSON: JSONValue {
    .array(
      estimate.simpleSlopes.map { slope in
        .object(
          [
            ("interaction", .string(slope.interaction)), ("from", .string(slope.focal)),
            ("moderator", .string(slope.moderator)), ("to", .string(slope.outcome)),
            ("level", .number(slope.level)),
          ] + inferenceMembers(slope.estimate, slope.key))
      })
  }
}

/// The f² of interaction paths as a statistic of the table (``StatisticKey/interactionFSquare(interaction:outcome:)``):
/// with a bootstrap that resampled it (`--interaction-f2`) a table of its inference, and the
/// JSON's `interactionFSquare`.
extension EstimationReport {
  /// The f² of each interaction path in the estimate's table, in catalog order.
  var interactionFSquares: [(interaction: String, outcome: String, estimate: Double)] {
    zip(estimate.statistics.keys, estimate.statistics.values).compactMap { key, value in
      guard case .interactionFSquare(let interaction, let outcome) = key else { return nil }
      return (interaction, outcome, value)
    }
  }

  /// The table of the interaction paths' f² with its bootstrap SE and interval
  /// (`interaction-f2`), when the bootstrap resampled it.
  func interactionFSquareTable() -> ReportTable? {
    let rows = interactionFSquares
    guard let first = rows.first,
      inference(.interactionFSquare(interaction: first.interaction, outcome: first.outcome)) != nil
    else { return nil }
    let columns: [ReportTable.Column] =
      [
        .label("Path"),
        .statistic("f²", table: "interaction_f2", statistic: "f2"),
      ] + inferenceColumns
    return ReportTable(
      id: "interaction-f2", title: "Effect size of the interaction terms",
      columns: columns,
      rows: rows.map { row in
        let key = StatisticKey.interactionFSquare(
          interaction: row.interaction, outcome: row.outcome)
        return ReportTable.Row(
          .init(row.interaction, to: row.outcome),
          [
            .init("\(row.interaction) → \(label(row.outcome))"),
            statisticCell(row.estimate, key: key),
          ]
            + inferenceCells(key))
      },
      notes: [
        "f² = (R²_included − R²_excluded) / (1 − R²_included), the model re-estimated without the interaction path in the sample and in every resample (Cohen 1988); f² is not tested against 0 (no t or p), its interval is reported."
      ] + significanceNotes)
  }

  /// `interactionFSquare` of the JSON: `{from, to, estimate, …inference}` per interaction path
  /// (inference only when the bootstrap resampled it); `[]` without interaction terms.
  var interactionFSquareJSON: JSONValue {
    .array(
      interactionFSquares.map { row in
        .object(
          [("from", .string(row.interaction)), ("to", .string(row.outcome))]
            + inferenceMembers(
              row.estimate, .interactionFSquare(interaction: row.interaction, outcome: row.outcome)
            ))
      })
  }
}
