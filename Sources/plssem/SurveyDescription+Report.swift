import PLSSEMReport
import Survey

/// `plssem describe` as a report document, so that every `--format` but JSON renders it with
/// the same renderers as an estimate: the text table, Markdown, HTML and the long CSV.
extension SurveyDescription {
  /// The description as a report document: summary, response issues as diagnostics, item and
  /// construct statistics, and the per-respondent quality (a detail table).
  func document() -> ReportDocument {
    let points = items.compactMap { $0.distribution?.count }.max() ?? 0
    let facts: [ReportDocument.Fact] = [
      .init("respondents", String(respondents)),
      .init("straight_liners", String(straightLiners)),
      .init("missing_share_threshold", JSONValue.format(missingShareThreshold)),
      .init("respondents_above_missing_threshold", String(respondentsAboveMissingThreshold)),
    ]
    // The flagged respondents by row (and id), so that they can be found and left out
    // (`plssem estimate --exclude-rows`).
    func named(_ list: [RespondentQuality]) -> String {
      guard !list.isEmpty else { return "" }
      let shown = list.prefix(20).map(\.place).joined(separator: ", ")
      return " (\(shown)\(list.count > 20 ? " and \(list.count - 20) more" : ""))"
    }
    let straight = respondentQuality.filter(\.straightLining)
    let sparse = respondentQuality.filter { $0.missingShare > missingShareThreshold }
    let summary = [
      "\(instrument), \(source): \(respondents) respondents.",
      "Straight-lining respondents: \(straightLiners)\(named(straight)); respondents missing more than "
        + "\(JSONValue.format(missingShareThreshold * 100))% of items: \(respondentsAboveMissingThreshold)\(named(sparse)).",
    ]
    let diagnostics = issues.map { issue in
      ReportDiagnostic(
        severity: issue.severity == .note ? .note : .warning, code: "response-\(issue.severity)",
        message: issue.description, construct: nil, indicator: issue.item)
    }
    var itemTable = Self.statisticsTable(
      id: "item-statistics", title: "Items", longTable: "items", rows: items, points: points)
    if points > 0 {
      itemTable.notes.append(
        "Columns 1–\(points): how many answers fell on each scale point.")
    }
    let constructTable = Self.statisticsTable(
      id: "construct-statistics", title: "Constructs (mean of each respondent's answered items)",
      longTable: "constructs", rows: constructs, points: 0)
    return ReportDocument(
      title: "Survey description", summary: summary, facts: facts, diagnostics: diagnostics,
      sections: [
        .init(
          id: "descriptives", title: "Descriptive statistics",
          tables: [itemTable, constructTable, respondentTable])
      ])
  }

  /// Item or construct statistics, with one count column per scale point for items.
  private static func statisticsTable(
    id: String, title: String, longTable: String, rows: [Descriptives], points: Int
  ) -> ReportTable {
    func column(_ header: String, _ statistic: String, essential: Bool = true) -> ReportTable.Column
    {
      .statistic(header, table: longTable, statistic: statistic, essential: essential)
    }
    var columns: [ReportTable.Column] = [
      .label(longTable == "items" ? "Item" : "Construct"), column("n", "n"),
      column("miss", "missing"), column("mean", "mean"), column("SD", "sd"),
      column("median", "median"), column("min", "min", essential: false),
      column("max", "max", essential: false), column("skew", "skewness"),
      column("kurt", "excess_kurtosis"),
    ]
    columns += (0..<points).map { column("\($0 + 1)", "count") }
    func cell(_ value: Double?, _ digits: Int = 2) -> ReportTable.Cell {
      ReportTable.Cell(
        value.map { String(format: "%.\(digits)f", $0) } ?? "n/a", value: value)
    }
    let body = rows.map { r -> ReportTable.Row in
      var cells = [
        ReportTable.Cell(r.name), cell(Double(r.n), 0), cell(Double(r.missing), 0), cell(r.mean),
        cell(r.standardDeviation), cell(r.median), cell(r.minimum), cell(r.maximum),
        cell(r.skewness), cell(r.excessKurtosis),
      ]
      for k in 0..<points {
        if let distribution = r.distribution, k < distribution.count {
          var count = cell(Double(distribution[k]), 0)
          count.subject = .init(r.name, to: "\(k + 1)")
          cells.append(count)
        } else {
          cells.append(.blank)
        }
      }
      return ReportTable.Row(.init(r.name), cells)
    }
    return ReportTable(id: id, title: title, columns: columns, rows: body)
  }

  /// Per-respondent answers, missing share, straight-lining and longest run of equal answers.
  private var respondentTable: ReportTable {
    func column(_ header: String, _ statistic: String) -> ReportTable.Column {
      .statistic(header, table: "respondents", statistic: statistic)
    }
    return ReportTable(
      id: "respondent-quality", title: "Respondent quality",
      columns: [
        .label("Respondent"), column("Row", "row"), column("Line", "line"),
        column("Answered", "answered"),
        column("Missing", "missing"), column("Missing share", "missing_share"),
        column("Straight-lining", "straight_lining"), column("Longest run", "longest_run"),
      ],
      rows: respondentQuality.map { q in
        ReportTable.Row(
          .init(String(q.respondent)),
          [
            .init(q.id.map { $0.isEmpty ? String(q.respondent) : $0 } ?? String(q.respondent)),
            .init(String(q.row), value: Double(q.row)),
            .init(String(q.line), value: Double(q.line)),
            .init(String(q.answered), value: Double(q.answered)),
            .init(String(q.missing), value: Double(q.missing)),
            .init(String(format: "%.2f", q.missingShare), value: q.missingShare),
            .init(q.straightLining ? "yes" : "no", value: q.straightLining ? 1 : 0),
            .init(String(q.longestRun), value: Double(q.longestRun)),
          ])
      },
      notes: [
        "Respondent: the id column's value (--id-column), else the position in the file counting from 0, as in the JSON; Row: the row in the file, as --exclude-rows takes it (header = row 1; SPSS/Stata case number); Line: where its record starts in a text file.",
        "Straight-lining: two or more items answered, all on the same scale point. "
          + "Longest run: identical consecutive answers (the longstring index, Johnson 2005).",
      ],
      detail: true)
  }
}
