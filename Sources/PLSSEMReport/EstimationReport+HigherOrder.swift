import PLSSEM

/// Higher-order constructs in the report: which stage each number comes from, and the
/// lower-order constructs' measurement from stage 1 of the two-stage approach.
extension EstimationReport {
  /// The summary sentence about the higher-order constructs (nil for a model without).
  var higherOrderSummary: String? {
    guard let stages = estimate.higherOrder else { return nil }
    let hocs = stages.specified.higherOrderConstructs.map {
      "\(label($0.name)) \($0.mode == .a ? "=~" : "<~") \($0.components.map(label).joined(separator: " + "))"
    }.joined(separator: "; ")
    switch stages.method {
    case .twoStage:
      return
        "Higher-order constructs (disjoint two-stage approach): \(hocs). Paths, R² and the higher-order constructs' measurement (their dimensions' scores as indicators) are from stage 2; the dimensions' own measurement is from stage 1 (section \"Lower-order constructs\")."
    case .repeatedIndicators:
      return
        "Higher-order constructs (repeated indicators): \(hocs). One model: each higher-order construct is measured by its dimensions' indicators, named \"indicator (construct)\", and linked to its dimensions by paths."
    }
  }

  /// The section of the lower-order constructs' measurement from stage 1 (two-stage only):
  /// their loadings and weights (with outer VIF), reliability, AVE, and the stage-1 HTMT.
  func lowerOrderSection(_ thresholds: QualityThresholds) -> ReportDocument.Section? {
    guard let stages = estimate.higherOrder, let first = stages.firstStage else { return nil }
    let lower = Set(stages.specified.higherOrderConstructs.flatMap(\.components))
    var stage = EstimationReport(
      estimate: first, assessment: firstStageAssessment, dataSource: dataSource,
      modelSource: modelSource)
    stage.constructLabels = constructLabels
    let note =
      "Stage 1 of the two-stage approach: the model with each higher-order construct replaced by its dimensions. No bootstrap inference for stage-1 numbers."
    func restricted(_ table: ReportTable, rows filter: Bool = true) -> ReportTable {
      var table = table
      table.id = "stage1-\(table.id)"
      table.title += " (stage 1)"
      if filter { table.rows = table.rows.filter { lower.contains($0.subject.from) } }
      table.columns = table.columns.map { column in
        var column = column
        if case .statistic(let longForm?) = column.content {
          column.content = .statistic(
            .init(table: "stage1_\(longForm.table)", statistic: longForm.statistic))
        }
        return column
      }
      table.notes = [note]
      return table
    }
    var tables = [
      restricted(stage.loadingTable(thresholds)), restricted(stage.weightTable(thresholds)),
    ]
    if let a = firstStageAssessment {
      tables.append(restricted(stage.reliabilityTable(a, thresholds)))
      tables.append(restricted(stage.htmtTable(a, thresholds), rows: false))
    }
    return ReportDocument.Section(
      id: "lower-order", title: "Lower-order constructs (stage 1)", tables: tables)
  }
}

extension EstimationReport {
  /// The JSON `higherOrder` member (nil for a model without higher-order constructs): the
  /// method, each HOC with its mode and dimensions, and (two-stage) the dimensions' stage-1
  /// loadings, weights and reliability.
  var higherOrderJSON: JSONValue? {
    guard let stages = estimate.higherOrder else { return nil }
    let hocs = stages.specified.higherOrderConstructs
    var members: [(String, JSONValue)] = [
      ("method", .string(stages.method.rawValue)),
      (
        "constructs",
        .array(
          hocs.map {
            .object([
              ("name", .string($0.name)), ("mode", .string($0.mode.rawValue)),
              ("dimensions", .array($0.components.map { .string($0) })),
            ])
          })
      ),
    ]
    if let first = stages.firstStage {
      let lower = Set(hocs.flatMap(\.components))
      let indicators = first.indicatorNames.indices.filter {
        lower.contains(first.construct(ofIndicator: $0))
      }
      func outer(_ values: [Double]) -> JSONValue {
        .array(
          indicators.map { i in
            .object([
              ("construct", .string(first.construct(ofIndicator: i))),
              ("indicator", .string(first.indicatorNames[i])), ("estimate", .optional(values[i])),
            ])
          })
      }
      var stage: [(String, JSONValue)] = [
        ("loadings", outer(first.loadings)), ("weights", outer(first.weights)),
      ]
      if let a = firstStageAssessment {
        stage.append(
          (
            "reliability",
            .array(
              a.reliability.filter { lower.contains($0.construct) }.map {
                .object([
                  ("construct", .string($0.construct)), ("alpha", .optional($0.alpha)),
                  ("rhoC", .optional($0.rhoC)), ("rhoA", .optional($0.rhoA)),
                  ("ave", .optional($0.ave)),
                ])
              })
          ))
      }
      members.append(("firstStage", .object(stage)))
    }
    return .object(members)
  }
}
