import LinearAlgebra

/// Estimating a model with interaction terms (``PathModel/Interaction``), by the method of
/// ``PLSSettings/interaction``: the generated indicators (``InteractionDesign``) are formed from
/// the missing-treated, standardised base indicators (for the two-stage method from the
/// stage-1 scores), appended to the data, and the expanded model is estimated; the estimate
/// reports the specified model, with each interaction construct named like its term (`A:B`).
extension PLSEstimator {
  /// The estimate of a validated `model` with interaction terms on `data`.
  func estimateWithInteractions(
    _ model: PathModel, data: DataTable, families: Set<StatisticFamily>
  ) throws -> PLSEstimate {
    guard !settings.consistent else {
      throw EstimationError.invalidSetting(
        InvalidSettingValue(
          .consistent, "cannot be combined with interaction terms (not supported yet)", got: "on"))
    }
    let design = InteractionDesign(model: model, settings: settings)
    let base = try PreparedData(data: data, layout: design.baseLayout, missing: settings.missing)
    return try estimate(design, base: base, families: families)
  }

  /// The estimate of `design` on the prepared base indicators `base` (in the base layout's
  /// order): shared by the estimate and the re-estimations of f².
  func estimate(
    _ design: InteractionDesign, base: PreparedData, families: Set<StatisticFamily>
  ) throws -> PLSEstimate {
    let n = base.standardized.rows
    var weights: [Double]?
    if design.method == .twoStage {
      let stage1 = try estimate(
        design.base, layout: design.baseLayout, prepared: base,
        families: PLSEstimator.reestimationFamilies)
      weights = stage1.weights
    }
    let q = design.generatedCount
    var generated = [Double](repeating: 0, count: n * q)
    let columns = InteractionColumns(design: design)
    let formed = base.standardized.storage.withUnsafeBufferPointer { z in
      base.correlation.storage.withUnsafeBufferPointer { s in
        generated.withUnsafeMutableBufferPointer { out in
          guard let z = z.baseAddress, let s = s.baseAddress, let out = out.baseAddress else {
            return false
          }
          guard let weights else {
            return columns.generate(z: z, rows: n, correlation: s, weights: nil, into: out)
          }
          return weights.withUnsafeBufferPointer { w in
            columns.generate(z: z, rows: n, correlation: s, weights: w.baseAddress, into: out)
          }
        }
      }
    }
    let names = design.terms.flatMap { term in term.indicators.map { ($0, term.name) } }
    guard formed else {
      // Only the orthogonalising regression can fail: its predictors are collinear.
      let term = design.terms.first { design.baseLayout.block($0.predictor).count > 0 }
      throw EstimationError.collinearBlock(construct: term?.name ?? "")
    }
    let raw = try Matrix(rows: n, columns: q, columnMajor: generated)
    let sds = try raw.columnStandardDeviations(denominator: .sampleMinusOne)
    for (k, sd) in sds.enumerated() where !(sd > 1e-12 && sd.isFinite) {
      throw EstimationError.constantIndicator(indicator: names[k].0, construct: names[k].1)
    }
    let z = try raw.standardized(denominator: .sampleMinusOne)
    let allRaw = try Matrix(
      rows: n, columns: base.raw.columns + q, columnMajor: base.raw.storage + raw.storage)
    let allZ = try Matrix(
      rows: n, columns: base.standardized.columns + q,
      columnMajor: base.standardized.storage + z.storage)
    let prepared = PreparedData(
      raw: allRaw, standardized: allZ,
      correlation: allZ.crossProduct(scale: 1 / Double(n - 1)), summary: base.summary)
    return try estimate(
      design.expanded, layout: design.layout, prepared: prepared, families: families,
      reportedModel: design.specified,
      effectSizes: families.contains(.interactionEffectSize)
        ? InteractionEffectSizes(design: design, settings: settings) : nil)
  }
}
