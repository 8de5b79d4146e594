import LinearAlgebra

/// Collinearity statistics (Hair et al. 2022, ch. 5–6).
///
/// - Outer VIF of indicator a in its block: `1/(1 − R²ₐ)`, R²ₐ from regressing it on the other
///   indicators of the block — the a-th diagonal element of the inverse of the block's
///   correlation matrix (Marquardt 1970). 1 for a single-indicator block.
/// - Inner VIF of predictor k of endogenous construct j: the same on the correlation matrix of
///   j's predecessors' scores; 1 for a single predecessor (seminr reports NaN there; a lone
///   regressor has, by definition, no collinearity).
enum Collinearity {
  static func outerVIF(_ estimate: PLSEstimate) throws -> [IndicatorStatistic] {
    let layout = estimate.layout
    var result: [IndicatorStatistic] = []
    for j in 0..<layout.J {
      let block = Array(layout.block(j))
      let values: [Double]
      if block.count == 1 {
        values = [1]
      } else {
        let sub = try estimate.indicatorCorrelations.submatrix(rows: block, columns: block)
        values = try inverseDiagonal(
          sub,
          collinear: .collinearBlock(construct: layout.constructNames[j]))
      }
      for (a, i) in block.enumerated() {
        result.append(
          IndicatorStatistic(
            construct: layout.constructNames[j], indicator: layout.indicatorNames[i],
            estimate: values[a]))
      }
    }
    return result
  }

  static func innerVIF(_ estimate: PLSEstimate) throws -> [PathStatistic] {
    let layout = estimate.layout
    var result: [PathStatistic] = []
    for j in layout.endogenous {
      let preds = layout.predecessors[j]
      let values: [Double]
      if preds.count == 1 {
        values = [1]
      } else {
        let sub = try estimate.constructCorrelations.submatrix(rows: preds, columns: preds)
        values = try inverseDiagonal(
          sub,
          collinear: .collinearPredecessors(
            construct: layout.constructNames[j],
            predecessors: preds.map { layout.constructNames[$0] }))
      }
      for (a, k) in preds.enumerated() {
        result.append(
          PathStatistic(
            from: layout.constructNames[k], to: layout.constructNames[j], estimate: values[a]))
      }
    }
    return result
  }

  private static func inverseDiagonal(_ m: Matrix, collinear: EstimationError)
    throws -> [Double]
  {
    do {
      return try m.inverseSPD(minimumReciprocalCondition: 1e-13).diagonal
    } catch {
      throw collinear
    }
  }
}
