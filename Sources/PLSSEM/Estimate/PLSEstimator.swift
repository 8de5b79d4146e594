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
  ///   paths), ``DataError`` (an indicator whose column is not numeric, naming its first bad
  ///   cell; all-missing columns, too few complete rows), ``EstimationError`` (constant
  ///   indicators, collinear Mode B blocks or singular predecessors, too few observations,
  ///   invalid settings). An inadmissible solution (non-convergence, PLSc Heywood cases, …) is
  ///   not an error: it is reported in ``PLSEstimate/admissibility`` and
  ///   ``PLSEstimate/diagnostics`` (``PLSEstimate/requireAdmissible()`` makes it one).
  public func estimate(_ model: PathModel, data: DataTable) throws -> PLSEstimate {
    do {
      return try estimateUnnamed(model, data: data)
    } catch let error as EstimationError {
      throw error.naming(source: data.source)
    }
  }

  /// ``estimate(_:data:)`` without naming the data source in estimation errors (for
  /// re-estimations on derived data whose caller names the step instead).
  func estimateUnnamed(
    _ model: PathModel, data: DataTable,
    families: Set<StatisticFamily> = Set(StatisticFamily.allCases)
  ) throws -> PLSEstimate {
    try validateSettings()
    let model = try model.validated()
    if !model.higherOrderConstructs.isEmpty {
      return try estimateHigherOrder(model, data: data, families: families)
    }
    // An indicator whose column was set aside as not numeric: name its first bad cell.
    for indicator in model.indicators {
      if let problem = data.nonNumericProblem(indicator) { throw problem }
    }
    _ = try model.validated(againstColumns: data.columnNames, dataSource: data.source)
    if model.hasInteractions {
      return try estimateWithInteractions(model, data: data, families: families)
    }
    // A lone construct has no neighbour to build its inner proxy from: its weights would
    // collapse to zero. (Validation allows it for models that are only parsed.)
    if model.paths.isEmpty, let only = model.constructs.first {
      throw SpecificationError.constructWithoutPaths(construct: only.name, location: only.location)
    }
    let layout = ModelLayout(model: model)
    let prepared = try PreparedData(data: data, layout: layout, missing: settings.missing)
    return try estimate(model, layout: layout, prepared: prepared, families: families)
  }

  /// What the assessment's re-estimations (blindfolding, PLSpredict, f²) read: weights,
  /// loadings, paths and R² (scores follow from the weights), and the construct correlations
  /// that the admissibility check of every estimate reads.
  static let reestimationFamilies: Set<StatisticFamily> = [
    .path, .rSquared, .loading, .weight, .constructCorrelation,
  ]

  /// Fits a validated `model` whose indicators, in `layout` order, are the columns of
  /// `prepared`: the part of ``estimate(_:data:)`` after data preparation, which re-estimations
  /// on the same data (f²) reuse without recomputing the correlation matrix. `families` are
  /// the statistics to compute (all for a user's estimate); a re-estimation that needs only
  /// some of them (``reestimationFamilies``) leaves the others NaN (nil for R²) in the
  /// estimate's accessors and out of its table.
  /// `reportedModel`, when given, is the model the estimate reports (``PLSEstimate/model``):
  /// the specified model of an interaction model whose expanded model is `model`;
  /// `effectSizes` then computes the f² of its interaction paths
  /// (``StatisticFamily/interactionEffectSize``).
  func estimate(
    _ model: PathModel, layout: ModelLayout, prepared: PreparedData,
    families: Set<StatisticFamily> = Set(StatisticFamily.allCases),
    reportedModel: PathModel? = nil, effectSizes: InteractionEffectSizes? = nil
  ) throws -> PLSEstimate {
    try validateSettings()
    let n = prepared.standardized.rows
    let required = (layout.predecessors.map(\.count).max() ?? 0) + 2
    guard n >= required else {
      throw EstimationError.tooFewObservations(required: required, available: n)
    }
    let kernel = PLSKernel(layout: layout, settings: settings)
    let workspace = PLSWorkspace(layout: layout)
    let scratch = StatisticScratch(layout: layout)
    if layout.hasInteractions {
      // The standard deviations of the interaction constructs' indicators, in original units
      // (the scale of a rescaled score, and of the simple slopes' interaction coefficient).
      let sds = try prepared.raw.columnStandardDeviations(denominator: .sampleMinusOne)
      for j in 0..<layout.J where layout.isInteraction[j] {
        for i in layout.block(j) { scratch.indicatorSD[i] = sds[i] }
      }
    }
    let catalog = StatisticCatalog(
      layout: layout, families: families, consistent: settings.consistent)
    let compositeCatalog = StatisticCatalog(
      layout: layout, families: [.path, .rSquared, .loading, .constructCorrelation])
    let (outcome, statistics, composite) = try prepared.correlation.storage
      .withUnsafeBufferPointer { s throws(EstimationError) in
        // A non-empty model always has a non-empty correlation matrix.
        let base = s.baseAddress ?? UnsafePointer(workspace.weights)
        let outcome = try kernel.run(correlation: base, workspace: workspace)
        if let effectSizes, families.contains(.interactionEffectSize) {
          try effectSizes.excludedRSquared(
            correlation: base, p: layout.p, constructs: layout.J, into: scratch.excludedR2)
        }
        // With PLSc, the uncorrected (composite) values first, by the same function.
        let composite =
          try settings.consistent
          ? compositeCatalog.table(
            kernel: kernel, correlation: base, workspace: workspace, scratch: scratch,
            observations: n) : nil
        let statistics = try catalog.table(
          kernel: kernel, correlation: base, workspace: workspace, scratch: scratch,
          observations: n)
        return (outcome, statistics, composite)
      }
    let p = layout.p
    let J = layout.J
    let reader = StatisticTableReader(catalog: catalog, values: statistics.values)
    var correction: ConsistentCorrection?
    var correctedRhoA: [Double]?
    if let composite {
      let compositeReader = StatisticTableReader(
        catalog: compositeCatalog, values: composite.values)
      let rhoA = Array(UnsafeBufferPointer(start: scratch.rhoA, count: J))
      correctedRhoA = rhoA
      correction = ConsistentCorrection(
        rhoA: rhoA,
        corrected: (0..<J).map {
          ConsistentCorrection.isCorrected($0, layout: layout)
            && ConsistentCorrection.isCorrectable(rhoA: rhoA[$0])
        },
        proxyCorrelations: compositeReader.constructCorrelations,
        compositeLoadings: compositeReader.loadings(layout: layout),
        compositePathCoefficients: compositeReader.pathCoefficients,
        compositeRSquared: compositeReader.rSquared)
    }
    let weights = reader.weights
    var weightMatrix = Matrix(rows: p, columns: J)
    for i in 0..<p { weightMatrix[i, layout.blockOf[i]] = weights[i] }
    let scores = try prepared.standardized * weightMatrix
    let crossLoadings = reader.crossLoadings
    let constructCorrelations = reader.constructCorrelations
    let paths = reader.pathCoefficients
    let admissibility = Admissibility(
      problems: AdmissibilityCheck.problems(
        layout: layout, settings: settings, converged: outcome.converged,
        correlation: prepared.correlation,
        loadings: layout.hasScaledConstructs
          ? Self.unscaled(crossLoadings, layout: layout, scale: scratch.scale) : crossLoadings,
        constructCorrelations: constructCorrelations, rhoA: correctedRhoA, paths: paths))
    var estimate = PLSEstimate(
      model: reportedModel ?? model, settings: settings, observations: n,
      converged: outcome.converged,
      iterations: outcome.iterations, dataSummary: prepared.summary,
      indicatorNames: layout.indicatorNames,
      constructNames: layout.constructNames, weights: weights,
      crossLoadings: crossLoadings,
      constructCorrelations: constructCorrelations, pathCoefficients: paths,
      rSquared: reader.rSquared, adjustedRSquared: reader.adjustedRSquared,
      totalEffects: reader.totalEffects, indirectEffects: reader.indirectEffects,
      specificIndirectEffects: zip(catalog.chains, reader.specificIndirectEffects).map {
        chain, value in
        SpecificIndirectEffect(chain: chain.map { layout.constructNames[$0] }, estimate: value)
      },
      scores: scores,
      indicatorCorrelations: prepared.correlation,
      consistentCorrection: correction, statistics: statistics, admissibility: admissibility,
      diagnostics: admissibility.diagnostics, layout: layout, prepared: prepared)
    estimate.diagnostics += OuterVIFWarning.diagnostics(estimate)
    return estimate
  }

  /// The cross-loadings with the rescaled constructs' columns back on the unit-variance
  /// scores (correlations), as the admissibility checks read them.
  static func unscaled(_ c: Matrix, layout: ModelLayout, scale: UnsafePointer<Double>) -> Matrix {
    var c = c
    for j in 0..<layout.J where layout.isScaled(j) {
      for i in 0..<layout.p { c[i, j] /= scale[j] }
    }
    return c
  }

  private func validateSettings() throws(EstimationError) {
    guard settings.maxIterations >= 1 else {
      throw .invalidSetting(
        InvalidSettingValue(.maxIterations, "must be at least 1", got: "\(settings.maxIterations)"))
    }
    guard settings.tolerance > 0, settings.tolerance.isFinite else {
      throw .invalidSetting(
        InvalidSettingValue(.tolerance, "must be a positive number", got: "\(settings.tolerance)"))
    }
    if let problem = SimpleSlope.problem(levels: settings.simpleSlopeLevels) {
      throw .invalidSetting(problem)
    }
  }
}
