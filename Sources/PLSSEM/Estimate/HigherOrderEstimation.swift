import LinearAlgebra

/// How a model with higher-order constructs (``PathModel/HigherOrderConstruct``) is estimated.
public enum HigherOrderMethod: String, Sendable, Codable, Equatable, CaseIterable {
  /// The disjoint two-stage approach (Becker, Klein & Wetzels 2012; Sarstedt, Hair, Cheah,
  /// Becker & Ringle 2019), the default as in seminr and SmartPLS 4. Stage 1 estimates the
  /// model with each HOC replaced by its lower-order constructs (every antecedent of the HOC
  /// predicts every LOC, every LOC predicts every outcome of the HOC); stage 2 re-estimates the
  /// model as written, with the LOCs' stage-1 scores as the HOC's indicators (in the HOC's
  /// mode). The LOCs' own measurement numbers are those of stage 1.
  case twoStage = "two-stage"
  /// The repeated-indicators approach (Lohmöller 1989; Becker, Klein & Wetzels 2012): one
  /// model in which the HOC is measured by all its LOCs' indicators (repeated), in the HOC's
  /// mode, and linked to its LOCs by structural paths — HOC → LOC for a reflective (`=~`)
  /// HOC, LOC → HOC for a formative (`<~`) one. The repeated indicators are named
  /// `indicator (HOC)`.
  case repeatedIndicators = "repeated-indicators"
}

/// What the estimate of a model with higher-order constructs carries besides the final
/// model's numbers: the model as specified, the method, and (two-stage) the first stage.
/// (A class: it holds the stage-1 ``PLSEstimate`` inside the final one.)
public final class HigherOrderStages: Sendable {
  /// The method used.
  public let method: HigherOrderMethod
  /// The model as specified, with its higher-order constructs (``PLSEstimate/model`` is the
  /// model actually estimated last: stage 2, or the repeated-indicators model).
  public let specified: PathModel
  /// Stage 1 of the two-stage approach (nil for repeated indicators): the lower-order
  /// constructs' weights, loadings and reliabilities come from here.
  public let firstStage: PLSEstimate?

  init(method: HigherOrderMethod, specified: PathModel, firstStage: PLSEstimate?) {
    self.method = method
    self.specified = specified
    self.firstStage = firstStage
  }
}

extension PathModel {
  /// Stage 1 of the disjoint two-stage approach: every first-order construct (the LOCs
  /// included), and each path into or out of a HOC replaced by the paths into or out of each of
  /// its LOCs (a path between two HOCs by one between every pair of their LOCs). Paths keep
  /// their order; the replacements of one path follow the order of the LOCs.
  public var firstStageModel: PathModel {
    let components = Dictionary(
      higherOrderConstructs.map { ($0.name, $0.components) }, uniquingKeysWith: { a, _ in a })
    var replaced: [Path] = []
    for path in paths {
      for from in components[path.from] ?? [path.from] {
        for to in components[path.to] ?? [path.to] {
          replaced.append(Path(from: from, to: to, location: path.location))
        }
      }
    }
    return PathModel(constructs: constructs, paths: replaced)
  }

  /// Stage 2 of the disjoint two-stage approach: the first-order constructs that are no LOC,
  /// then each HOC measured by its LOCs' scores (indicators named like the LOCs), with the
  /// paths and hypotheses as specified.
  public var secondStageModel: PathModel {
    let lower = Set(higherOrderConstructs.flatMap(\.components))
    return PathModel(
      constructs: constructs.filter { !lower.contains($0.name) }
        + higherOrderConstructs.map {
          Construct(name: $0.name, mode: $0.mode, indicators: $0.components, location: $0.location)
        },
      paths: paths, hypotheses: hypotheses)
  }

  /// The name of `indicator` repeated in the block of the HOC `construct`:
  /// `indicator (construct)`.
  public static func repeatedIndicatorName(_ indicator: String, of construct: String) -> String {
    "\(indicator) (\(construct))"
  }

  /// The repeated-indicators model: every first-order construct, then each HOC measured by
  /// all its LOCs' indicators (named ``repeatedIndicatorName(_:of:)``); the paths as specified,
  /// then HOC → LOC for each LOC of a Mode A HOC and LOC → HOC for a Mode B HOC.
  public var repeatedIndicatorsModel: PathModel {
    var hocs: [Construct] = []
    var links: [Path] = []
    for hoc in higherOrderConstructs {
      let indicators = hoc.components.flatMap { construct(named: $0)?.indicators ?? [] }
      hocs.append(
        Construct(
          name: hoc.name, mode: hoc.mode,
          indicators: indicators.map { Self.repeatedIndicatorName($0, of: hoc.name) },
          location: hoc.location))
      for component in hoc.components {
        links.append(
          hoc.mode == .a
            ? Path(from: hoc.name, to: component, location: hoc.location)
            : Path(from: component, to: hoc.name, location: hoc.location))
      }
    }
    return PathModel(constructs: constructs + hocs, paths: paths + links, hypotheses: hypotheses)
  }
}

extension PLSEstimator {
  /// Estimates a validated model with higher-order constructs by ``PLSSettings/higherOrder``.
  func estimateHigherOrder(
    _ model: PathModel, data: DataTable, families: Set<StatisticFamily>
  ) throws -> PLSEstimate {
    // seminr applies PLSc to HOC models too, but that combination is not checked against it.
    guard !settings.consistent else {
      throw EstimationError.invalidSetting(
        InvalidSettingValue(
          .consistent,
          "cannot be combined with higher-order constructs (such as '\(model.higherOrderConstructs.first?.name ?? "")'; not supported yet)",
          got: "on"))
    }
    switch settings.higherOrder {
    case .twoStage:
      let first = model.firstStageModel
      let firstLayout = ModelLayout(model: first)
      let firstPrepared = try PreparedData(
        data: data, layout: firstLayout, missing: settings.missing)
      let firstStage = try estimate(first, layout: firstLayout, prepared: firstPrepared)
      let second = model.secondStageModel
      let layout = ModelLayout(model: second)
      let prepared = try firstPrepared.secondStage(
        layout: layout, firstLayout: firstLayout, scores: firstStage.scores)
      var estimate = try estimate(second, layout: layout, prepared: prepared, families: families)
      estimate.higherOrder = HigherOrderStages(
        method: .twoStage, specified: model, firstStage: firstStage)
      // The LOCs' warnings (outer VIF, inadmissibility) come from stage 1.
      estimate.diagnostics = firstStage.diagnostics + estimate.diagnostics
      return estimate
    case .repeatedIndicators:
      let repeated = model.repeatedIndicatorsModel
      var names = data.columnNames
      var columns = data.columns
      for hoc in model.higherOrderConstructs {
        for component in hoc.components {
          for indicator in model.construct(named: component)?.indicators ?? [] {
            guard let column = data.column(named: indicator) else { continue }
            names.append(PathModel.repeatedIndicatorName(indicator, of: hoc.name))
            columns.append(column)
          }
        }
      }
      let augmented = try DataTable(
        columnNames: names, columns: columns, source: data.source,
        nonNumericColumns: data.nonNumericColumns, rowNumbers: data.rowNumbers)
      let layout = ModelLayout(model: repeated)
      let prepared = try PreparedData(data: augmented, layout: layout, missing: settings.missing)
      var estimate = try estimate(
        repeated, layout: layout, prepared: prepared, families: families)
      estimate.higherOrder = HigherOrderStages(
        method: .repeatedIndicators, specified: model, firstStage: nil)
      return estimate
    }
  }
}

extension PreparedData {
  /// The data of stage 2 of the two-stage approach: for each indicator of `layout`, its
  /// column of this (stage-1) data, or — for a LOC — the LOC's standardised stage-1 scores
  /// (raw and standardised alike); the correlation matrix recomputed; the stage-1 summary.
  func secondStage(layout: ModelLayout, firstLayout: ModelLayout, scores: Matrix) throws
    -> PreparedData
  {
    var raw: [[Double]] = []
    var standardized: [[Double]] = []
    for name in layout.indicatorNames {
      if let i = firstLayout.indicatorNames.firstIndex(of: name) {
        raw.append(self.raw.column(i))
        standardized.append(self.standardized.column(i))
      } else if let j = firstLayout.constructNames.firstIndex(of: name) {
        let column = scores.column(j)
        raw.append(column)
        standardized.append(column)
      }
    }
    let z = try Matrix(columnArrays: standardized)
    let n = z.rows
    return PreparedData(
      raw: try Matrix(columnArrays: raw), standardized: z,
      correlation: z.crossProduct(scale: 1 / Double(max(n - 1, 1))), summary: summary)
  }
}
