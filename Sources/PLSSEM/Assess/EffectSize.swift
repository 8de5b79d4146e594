/// Cohen's f² effect size of each structural path (Cohen 1988; Hair et al. 2022, ch. 6):
/// `f² = (R²_included − R²_excluded) / (1 − R²_included)`, where R²_excluded comes from
/// **re-estimating the whole model without the path** (outer weights included), as SmartPLS and
/// seminr do — not from dropping a regressor with the scores held fixed. When removing the path
/// leaves a construct with no paths at all, that construct is left out of the re-estimated model
/// (it no longer influences any other); when the endogenous construct keeps no predecessor,
/// R²_excluded = 0.
///
/// The re-estimations reuse the indicator correlation matrix of the full model (the data do not
/// change, only the model), so f² costs a few PLS iterations per path, not a pass over the data.
///
/// With interaction terms (``PathModel/Interaction``) the re-estimation without a path repeats
/// the whole staged procedure (``InteractionMethod``) on the reduced model, as seminr does: for
/// the two-stage method stage 1 is re-estimated without the path too, and dropping the path of
/// an interaction term gives its f² against the model without the term. The f² of a main effect
/// of an interaction term on the same outcome is undefined (NaN), as in seminr: dropping it
/// would leave the interaction without its main effect.
enum EffectSize {
  static func fSquare(_ estimate: PLSEstimate) throws -> [PathStatistic] {
    let model = estimate.model
    if model.hasInteractions { return try fSquareWithInteractions(estimate) }
    let layout = estimate.layout
    let estimator = PLSEstimator(settings: estimate.settings)
    var result: [PathStatistic] = []
    for path in model.paths {
      guard let j = layout.constructNames.firstIndex(of: path.to),
        let included = estimate.rSquared[j]
      else { continue }
      var paths = model.paths
      paths.removeAll { $0 == path }
      let constructs = model.constructs.filter { c in
        model.constructs.count <= 1 || paths.contains { $0.from == c.name || $0.to == c.name }
      }
      var excluded = 0.0
      if paths.contains(where: { $0.to == path.to }) {
        let reduced = try PathModel(constructs: constructs, paths: paths).validated()
        let reducedLayout = ModelLayout(model: reduced)
        let columns = reducedLayout.indicatorNames.compactMap { estimate.indicatorIndex($0) }
        let prepared = try estimate.prepared.selecting(columns)
        excluded =
          try estimator.estimate(
            reduced, layout: reducedLayout, prepared: prepared,
            families: PLSEstimator.reestimationFamilies
          ).rSquared(
            path.to) ?? 0
      }
      result.append(
        PathStatistic(
          from: path.from, to: path.to, estimate: (included - excluded) / (1 - included)))
    }
    return result
  }
}

extension EffectSize {
  /// f² of every path of a model with interaction terms (see ``EffectSize``).
  static func fSquareWithInteractions(_ estimate: PLSEstimate) throws -> [PathStatistic] {
    let model = estimate.model
    let estimator = PLSEstimator(settings: estimate.settings)
    let baseIndicators = model.indicators
    let base = try estimate.prepared.selecting(Array(baseIndicators.indices))
    var result: [PathStatistic] = []
    for path in model.paths {
      guard let included = estimate.rSquared(path.to) else { continue }
      let isMainEffect = model.paths.contains { other in
        other.to == path.to && PathModel.Interaction.isTerm(other.from)
          && PathModel.Interaction(name: other.from).constructs.contains(path.from)
      }
      if isMainEffect {
        result.append(PathStatistic(from: path.from, to: path.to, estimate: .nan))
        continue
      }
      var paths = model.paths
      paths.removeAll { $0 == path }
      let constructs = model.constructs.filter { c in
        paths.contains { $0.from == c.name || $0.to == c.name }
          || paths.contains {
            PathModel.Interaction.isTerm($0.from)
              && PathModel.Interaction(name: $0.from).constructs.contains(c.name)
          }
      }
      var excluded = 0.0
      if paths.contains(where: { $0.to == path.to }) {
        let reduced = try PathModel(constructs: constructs, paths: paths).validated()
        if reduced.hasInteractions {
          let design = InteractionDesign(model: reduced, settings: estimate.settings)
          let columns = design.baseLayout.indicatorNames.compactMap {
            baseIndicators.firstIndex(of: $0)
          }
          excluded =
            try estimator.estimate(
              design, base: try base.selecting(columns), families: PLSEstimator.reestimationFamilies
            ).rSquared(path.to) ?? 0
        } else {
          let layout = ModelLayout(model: reduced)
          let columns = layout.indicatorNames.compactMap { baseIndicators.firstIndex(of: $0) }
          excluded =
            try estimator.estimate(
              reduced, layout: layout, prepared: try base.selecting(columns),
              families: PLSEstimator.reestimationFamilies
            ).rSquared(path.to) ?? 0
        }
      }
      result.append(
        PathStatistic(
          from: path.from, to: path.to, estimate: (included - excluded) / (1 - included)))
    }
    return result
  }
}
