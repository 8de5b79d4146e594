import LinearAlgebra

/// Estimates PLS path models: the entry point of the Estimate stage.
///
/// ```swift
/// let data = try DataTable(csvFile: "corp_rep.csv", missingCodes: [-99])
/// let model = try PathModel(syntax: text)
/// let estimate = try PLSEstimator().estimate(model, data: data)
/// print(estimate.path(from: "LIKE", to: "CUSA") ?? .nan)
/// ```
public struct PLSEstimator: Sendable {
  /// The algorithm settings.
  public var settings: PLSSettings

  public init(settings: PLSSettings = PLSSettings()) {
    self.settings = settings
  }

  /// Fits `model` to `data`.
  ///
  /// - Throws: ``SpecificationError`` (unknown indicators, a model of one construct and no
  ///   paths), ``DataError`` (all-missing
  ///   columns, too few complete rows), ``EstimationError`` (constant indicators, collinear
  ///   Mode B blocks or predecessors, too few observations, invalid settings; with
  ///   ``PLSSettings/consistent``, an inadmissible PLSc solution: see ``ConsistentCorrection``).
  ///   A run that hits the iteration cap is not an error: check ``PLSEstimate/converged``.
  public func estimate(_ model: PathModel, data: DataTable) throws -> PLSEstimate {
    try validateSettings()
    let model = try model.validated().validated(againstColumns: data.columnNames)
    // A lone construct has no neighbour to build its inner proxy from: its weights would
    // collapse to zero. (Validation allows it for models that are only parsed.)
    if model.paths.isEmpty, let only = model.constructs.first {
      throw SpecificationError.constructWithoutPaths(construct: only.name, location: only.location)
    }
    let layout = ModelLayout(model: model)
    let prepared = try PreparedData(data: data, layout: layout, missing: settings.missing)
    return try estimate(model, layout: layout, prepared: prepared)
  }

  /// Fits a validated `model` whose indicators, in `layout` order, are the columns of
  /// `prepared`: the part of ``estimate(_:data:)`` after data preparation, which re-estimations
  /// on the same data (f²) reuse without recomputing the correlation matrix.
  func estimate(_ model: PathModel, layout: ModelLayout, prepared: PreparedData) throws
    -> PLSEstimate
  {
    try validateSettings()
    let n = prepared.standardized.rows
    let required = (layout.predecessors.map(\.count).max() ?? 0) + 2
    guard n >= required else {
      throw EstimationError.tooFewObservations(required: required, available: n)
    }
    let kernel = PLSKernel(layout: layout, settings: settings)
    let workspace = PLSWorkspace(layout: layout)
    let outcome = try prepared.correlation.storage.withUnsafeBufferPointer {
      s throws(EstimationError) in
      // A non-empty model always has a non-empty correlation matrix.
      try kernel.run(
        correlation: s.baseAddress ?? UnsafePointer(workspace.weights), workspace: workspace)
    }
    let p = layout.p
    let J = layout.J
    let weights = Array(UnsafeBufferPointer(start: workspace.weights, count: p))
    let proxyLoadings = Array(UnsafeBufferPointer(start: workspace.c, count: p * J))
    let proxyCorrelations = try Matrix(
      rows: J, columns: J, columnMajor: Array(UnsafeBufferPointer(start: workspace.r, count: J * J))
    )
    var correction: ConsistentCorrection?
    if settings.consistent {
      let composite = try structuralModel(kernel: kernel, workspace: workspace, n: n)
      var rhoA = [Double](repeating: 1, count: J)
      try prepared.correlation.storage.withUnsafeBufferPointer { s throws(EstimationError) in
        guard let base = s.baseAddress else { return }
        try rhoA.withUnsafeMutableBufferPointer { rho throws(EstimationError) in
          guard let rhoBase = rho.baseAddress else { return }
          try ConsistentCorrection.apply(
            layout: layout, correlation: base, weights: workspace.weights, loadings: workspace.c,
            constructCorrelations: workspace.r, rhoA: rhoBase, scratch: workspace.system)
        }
      }
      correction = ConsistentCorrection(
        rhoA: rhoA, corrected: (0..<J).map { ConsistentCorrection.isCorrected($0, layout: layout) },
        proxyCorrelations: proxyCorrelations,
        compositeLoadings: (0..<p).map { proxyLoadings[$0 + layout.blockOf[$0] * p] },
        compositePathCoefficients: composite.paths, compositeRSquared: composite.r2)
    }
    let crossLoadings = try Matrix(
      rows: p, columns: J, columnMajor: Array(UnsafeBufferPointer(start: workspace.c, count: p * J))
    )
    let constructCorrelations = try Matrix(
      rows: J, columns: J, columnMajor: Array(UnsafeBufferPointer(start: workspace.r, count: J * J))
    )
    let (paths, r2, r2Adjusted) = try structuralModel(kernel: kernel, workspace: workspace, n: n)
    let total = try EffectsCalculator.totalEffects(paths, layout: layout)
    let indirect = try total - paths
    let specific = layout.indirectChains().map { chain in
      var product = 1.0
      for (a, b) in zip(chain, chain.dropFirst()) { product *= paths[a, b] }
      return SpecificIndirectEffect(
        chain: chain.map { layout.constructNames[$0] }, estimate: product)
    }
    var weightMatrix = Matrix(rows: p, columns: J)
    for i in 0..<p { weightMatrix[i, layout.blockOf[i]] = weights[i] }
    let scores = try prepared.standardized * weightMatrix
    return PLSEstimate(
      model: model, settings: settings, observations: n, converged: outcome.converged,
      iterations: outcome.iterations, dataSummary: prepared.summary,
      indicatorNames: layout.indicatorNames,
      constructNames: layout.constructNames, weights: weights, crossLoadings: crossLoadings,
      constructCorrelations: constructCorrelations, pathCoefficients: paths, rSquared: r2,
      adjustedRSquared: r2Adjusted, totalEffects: total, indirectEffects: indirect,
      specificIndirectEffects: specific, scores: scores,
      indicatorCorrelations: prepared.correlation,
      consistentCorrection: correction, layout: layout, prepared: prepared)
  }

  /// Path coefficients, R² and adjusted R² by OLS on the construct correlations in
  /// `workspace.r`: `β = R_PP⁻¹ R_Pj` and `R² = βᵀR_Pj` for each endogenous construct j.
  private func structuralModel(kernel: PLSKernel, workspace: PLSWorkspace, n: Int)
    throws(EstimationError)
    -> (paths: Matrix, r2: [Double?], r2Adjusted: [Double?])
  {
    let layout = kernel.layout
    let J = layout.J
    var paths = Matrix(rows: J, columns: J)
    var r2 = [Double?](repeating: nil, count: J)
    var r2Adjusted = [Double?](repeating: nil, count: J)
    for j in layout.endogenous {
      let preds = layout.predecessors[j]
      let beta = try kernel.regression(of: j, on: preds, r: workspace.r, ws: workspace)
      var explained = 0.0
      for (a, k) in preds.enumerated() {
        paths[k, j] = beta[a]
        explained += beta[a] * workspace.r[k + j * J]
      }
      r2[j] = explained
      r2Adjusted[j] = 1 - (1 - explained) * Double(n - 1) / Double(n - preds.count - 1)
    }
    return (paths, r2, r2Adjusted)
  }

  private func validateSettings() throws(EstimationError) {
    guard settings.maxIterations >= 1 else {
      throw .invalidSetting("the iteration cap must be at least 1 (got \(settings.maxIterations))")
    }
    guard settings.tolerance > 0, settings.tolerance.isFinite else {
      throw .invalidSetting("the tolerance must be a positive number (got \(settings.tolerance))")
    }
  }
}
