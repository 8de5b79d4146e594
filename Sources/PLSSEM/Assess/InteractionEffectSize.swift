/// Cohen's f² of each interaction path `X:M → Y` as a statistic of the table (family
/// ``StatisticFamily/interactionEffectSize``), so that it is bootstrapped like the path:
/// `f² = (R²_included − R²_excluded) / (1 − R²_included)` (Cohen 1988; Hair et al. 2021,
/// *PLS-SEM Using R*, ch. 8), where R²_excluded is Y's R² after **re-estimating the model
/// without the path** — the whole PLS algorithm, outer weights included — as
/// ``PLSAssessment/fSquare`` (``EffectSize``) and seminr's `model_fsquares` do.
///
/// The re-estimation needs no new data: the model without `X:M → Y` keeps every other
/// interaction term's generated indicators exactly as they are (products of the same
/// standardised indicators, or, for the two-stage method, of the same stage-1 scores: stage 1
/// is the model without any interaction path, whichever path is dropped), and drops the term's
/// construct when it has no other path. Its indicator correlations are therefore a submatrix of
/// the sample's, and R²_excluded costs one PLS run per interaction path and sample — in a
/// bootstrap about one more kernel run per resample and interaction path (the two-stage
/// resample already runs two).
///
/// One instance per worker; it owns its buffers, so computing allocates nothing.
///
/// Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences* (2nd ed.).
/// Erlbaum.
final class InteractionEffectSizes: @unchecked Sendable {
  /// The model without one interaction path.
  private struct Reduced {
    /// The dropped path in the full layout: the term's and the outcome's construct index.
    let term: Int
    let outcome: Int
    let kernel: PLSKernel
    let workspace: PLSWorkspace
    /// The full layout's index of each of the reduced model's indicators.
    let columns: [Int]
    /// The outcome and its predecessors in the reduced layout.
    let reducedOutcome: Int
    let predecessors: [Int]
  }

  private let reduced: [Reduced]
  private let correlation: UnsafeMutablePointer<Double>
  private let capacity: Int

  /// The reduced models of every interaction path of `design`'s expanded model.
  init(design: InteractionDesign, settings: PLSSettings) {
    let layout = design.layout
    let model = design.expanded
    var reduced: [Reduced] = []
    for term in layout.interactionTerms {
      let termName = layout.constructNames[term.term]
      for outcome in layout.successors[term.term] {
        let outcomeName = layout.constructNames[outcome]
        let paths = model.paths.filter { !($0.from == termName && $0.to == outcomeName) }
        let keepsTerm = paths.contains { $0.from == termName }
        let constructs = model.constructs.filter { keepsTerm || $0.name != termName }
        let reducedModel = PathModel(constructs: constructs, paths: paths)
        let reducedLayout = ModelLayout(model: reducedModel)
        let fullIndex = Dictionary(
          uniqueKeysWithValues: layout.indicatorNames.enumerated().map { ($1, $0) })
        let columns = reducedLayout.indicatorNames.compactMap { fullIndex[$0] }
        let target = reducedLayout.constructNames.firstIndex(of: outcomeName) ?? 0
        reduced.append(
          Reduced(
            term: term.term, outcome: outcome,
            kernel: PLSKernel(layout: reducedLayout, settings: settings),
            workspace: PLSWorkspace(layout: reducedLayout), columns: columns,
            reducedOutcome: target, predecessors: reducedLayout.predecessors[target]))
      }
    }
    self.reduced = reduced
    let largest = reduced.map { $0.columns.count * $0.columns.count }.max() ?? 1
    capacity = max(largest, 1)
    correlation = .allocate(capacity: capacity)
    correlation.initialize(repeating: 0, count: capacity)
  }

  deinit { correlation.deallocate() }

  /// R²_excluded of every interaction path into `excluded[term + outcome·J]` (J the full
  /// layout's construct count), from the full model's indicator correlations `s` (p × p).
  /// Throws when a reduced model cannot be estimated (a singular regression).
  func excludedRSquared(
    correlation s: UnsafePointer<Double>, p: Int, constructs J: Int,
    into excluded: UnsafeMutablePointer<Double>
  ) throws(EstimationError) {
    for model in reduced {
      let q = model.columns.count
      for (b, cb) in model.columns.enumerated() {
        for (a, ca) in model.columns.enumerated() { correlation[a + b * q] = s[ca + cb * p] }
      }
      _ = try model.kernel.run(correlation: correlation, workspace: model.workspace)
      let beta = try model.kernel.regression(
        of: model.reducedOutcome, on: model.predecessors, r: model.workspace.r,
        ws: model.workspace)
      let reducedJ = model.kernel.layout.J
      var explained = 0.0
      for (a, from) in model.predecessors.enumerated() {
        explained += beta[a] * model.workspace.r[from + model.reducedOutcome * reducedJ]
      }
      excluded[model.term + model.outcome * J] = explained
    }
  }
}
