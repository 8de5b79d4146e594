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
enum EffectSize {
  static func fSquare(_ estimate: PLSEstimate) throws -> [PathStatistic] {
    let model = estimate.model
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
