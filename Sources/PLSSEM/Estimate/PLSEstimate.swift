import LinearAlgebra

/// The result of estimating a PLS path model: outer weights, loadings, construct scores and
/// correlations, path coefficients, R², and effects. Produced by ``PLSEstimator``.
///
/// Indicators are indexed block after block (``indicatorNames``), constructs in declaration
/// order (``constructNames``). Matrices are exposed with names through the accessor methods.
public struct PLSEstimate: Sendable {
  /// The model estimated.
  public let model: PathModel
  /// The settings used.
  public let settings: PLSSettings
  /// Number of observations used.
  public let observations: Int
  /// Whether the stop criterion was met within the iteration cap.
  public let converged: Bool
  /// Iterations performed (outer-weight updates).
  public let iterations: Int
  /// What missing-value treatment did.
  public let dataSummary: DataPreparationSummary
  /// Indicator names, block after block.
  public let indicatorNames: [String]
  /// Construct names, in declaration order.
  public let constructNames: [String]
  /// Outer weight of each indicator on its own construct (scores have unit variance).
  public let weights: [Double]
  /// Correlations of every indicator with every construct score (p × J): the loadings on the
  /// own construct and the cross-loadings elsewhere. With consistent PLS the own-construct
  /// entries of corrected (Mode A, multi-indicator) blocks are the consistent loadings
  /// (``ConsistentCorrection``); the cross-loadings stay score correlations.
  public let crossLoadings: Matrix
  /// Correlations between constructs (J × J): the construct score correlations, or with
  /// consistent PLS the consistent (disattenuated) construct correlations, from which the path
  /// coefficients and R² are estimated. The score correlations are then in
  /// ``ConsistentCorrection/proxyCorrelations``.
  public let constructCorrelations: Matrix
  /// Path coefficients, `pathCoefficients[from, to]` (J × J, zero where there is no path).
  public let pathCoefficients: Matrix
  /// R² of each construct (nil for exogenous constructs).
  public let rSquared: [Double?]
  /// Adjusted R² `1 − (1 − R²)(n − 1)/(n − k − 1)`, k predecessors (nil for exogenous).
  public let adjustedRSquared: [Double?]
  /// Total effects (J × J, `[from, to]`).
  public let totalEffects: Matrix
  /// Indirect effects, total minus direct (J × J, `[from, to]`).
  public let indirectEffects: Matrix
  /// The effect along every chain of two or more paths.
  public let specificIndirectEffects: [SpecificIndirectEffect]
  /// Standardised construct scores (n × J): one row per observation used (the data table's rows,
  /// less those casewise deletion dropped, ``DataPreparationSummary/droppedRowIndices``), one
  /// column per construct in ``constructNames`` order; mean 0, SD 1 (denominator n − 1). With
  /// consistent PLS these are the PLS scores (the correction changes correlations, not scores).
  public let scores: Matrix
  /// The indicator correlation matrix (p × p, indicator order).
  public let indicatorCorrelations: Matrix
  /// What consistent PLS changed, with the uncorrected (composite) values; nil unless
  /// ``PLSSettings/consistent`` is on. With PLSc on, the fields above (loadings, construct
  /// correlations, paths, R², effects) hold the consistent values, as seminr and cSEM report.
  public let consistentCorrection: ConsistentCorrection?
  /// Every statistic of the fitted model, keyed: the one source of the values above (paths,
  /// R², effects, loadings, weights, cross-loadings and construct correlations are read from
  /// it) and of ``PLSAssessment``'s reliability, HTMT, HTMT2 and VIF, computed by the same
  /// function as every bootstrap resample's statistics.
  public let statistics: StatisticTable
  /// Whether the solution is admissible, with every failed check (``Admissibility``): filled
  /// for every estimate, with or without PLSc. An inadmissible estimate is reported, not
  /// refused; ``requireAdmissible()`` turns it into an error.
  public let admissibility: Admissibility
  /// The warnings and notes about this estimate, in the library's terms: one per admissibility
  /// problem (codes `"not-converged"`, `"inadmissible"`), then one per indicator whose outer VIF
  /// exceeds 10 (code `"outer-vif"`, see ``OuterVIFWarning``). The command line prints them to
  /// standard error; every report format lists them.
  public internal(set) var diagnostics: [Diagnostic]

  let layout: ModelLayout
  let prepared: PreparedData
  /// For a model with higher-order constructs: the model as specified, the method, and the
  /// first stage of the two-stage approach (nil for a model without HOCs).
  public internal(set) var higherOrder: HigherOrderStages? = nil

  /// Throws ``EstimationError/inadmissibleSolution(problems:source:)`` unless the estimate is
  /// admissible (what `--require-admissible` asks for).
  public func requireAdmissible() throws(EstimationError) {
    guard admissibility.isAdmissible else {
      throw .inadmissibleSolution(problems: admissibility.problems)
    }
  }

  /// The index of a construct by name.
  public func constructIndex(_ name: String) -> Int? { constructNames.firstIndex(of: name) }
  /// The index of an indicator by name.
  public func indicatorIndex(_ name: String) -> Int? { indicatorNames.firstIndex(of: name) }

  /// The standardised scores of `construct`, one per observation used (see ``scores``); nil
  /// for a construct the model does not have.
  public func scores(of construct: String) -> [Double]? {
    guard let j = constructIndex(construct) else { return nil }
    return (0..<scores.rows).map { scores[$0, j] }
  }

  /// The path coefficient `from → to`, nil when there is no such path.
  public func path(from: String, to: String) -> Double? {
    guard let f = constructIndex(from), let t = constructIndex(to), layout.isPath[f + t * layout.J]
    else {
      return nil
    }
    return pathCoefficients[f, t]
  }

  /// The loading of an indicator on its own construct.
  public func loading(_ indicator: String) -> Double? {
    guard let i = indicatorIndex(indicator) else { return nil }
    return crossLoadings[i, layout.blockOf[i]]
  }

  /// The outer weight of an indicator.
  public func weight(_ indicator: String) -> Double? {
    indicatorIndex(indicator).map { weights[$0] }
  }

  /// The loadings of every indicator on its own construct, in indicator order.
  public var loadings: [Double] {
    (0..<layout.p).map { crossLoadings[$0, layout.blockOf[$0]] }
  }

  /// R² of a construct by name (nil when exogenous or unknown).
  public func rSquared(_ construct: String) -> Double? {
    constructIndex(construct).flatMap { rSquared[$0] }
  }

  /// The construct an indicator belongs to.
  public func construct(ofIndicator i: Int) -> String { constructNames[layout.blockOf[i]] }

  /// The structural paths in model order with their coefficients.
  public var pathList: [(from: String, to: String, estimate: Double)] {
    model.paths.compactMap { path in
      guard let f = constructIndex(path.from), let t = constructIndex(path.to) else { return nil }
      return (path.from, path.to, pathCoefficients[f, t])
    }
  }
}
