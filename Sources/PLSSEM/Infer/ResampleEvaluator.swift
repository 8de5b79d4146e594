import LinearAlgebra

/// Computes the statistics of one bootstrap resample: draw n row indices from the resample's
/// own random stream, gather those rows, form their correlation matrix, run the PLS kernel on
/// it, align signs, and evaluate the bootstrap's ``StatisticCatalog`` — the function that made
/// the estimate's ``StatisticTable``. One evaluator per worker thread; it owns all its
/// buffers, so evaluating allocates nothing.
final class ResampleEvaluator: @unchecked Sendable {
  /// What evaluating a resample gave.
  enum Outcome: UInt8, Sendable {
    /// Computed and admissible.
    case admissible
    /// Computed (every statistic finite) but inadmissible (``AdmissibilityCheck``).
    case inadmissible
    /// Not computable: a constant indicator, a singular block or regression, a non-finite
    /// statistic.
    case failed
  }

  /// n × p, missing-treated and standardised with the full sample's means and SDs (see
  /// ``InPlaceCorrelation``).
  let data: Matrix
  let kernel: PLSKernel
  let catalog: StatisticCatalog
  let signChange: SignChange
  let originalWeights: [Double]
  let originalLoadings: [Double]
  let seed: UInt64
  /// For a model with interaction terms: the staged procedure re-run per sample.
  let interaction: InteractionResampling?
  /// Stage 1 of a two-stage estimate of higher-order constructs: `data` is then stage 1's, and
  /// every resample runs stage 1 first (``FirstStageResampling``).
  let firstStage: FirstStageResampling?
  private let firstWorkspace: PLSWorkspace?
  /// The stage-1 correlation matrix (a two-stage estimate only).
  private let firstCorrelation: UnsafeMutablePointer<Double>?
  /// The f² of interaction paths, when the catalog has them (``InteractionEffectSizes``).
  private let effectSizes: InteractionEffectSizes?
  private let workspace: PLSWorkspace
  private let scratch: StatisticScratch
  private let admissibility: AdmissibilityScratch
  /// The gathered rows, n × (p + 1), last column all ones.
  private let gathered: UnsafeMutablePointer<Double>
  private let crossProducts: UnsafeMutablePointer<Double>
  private let correlation: UnsafeMutablePointer<Double>
  private var indices: [Int]
  /// The rows' outer products, shared by every worker (nil: each resample is gathered and
  /// multiplied on its own, for data whose outer products would take too much memory).
  let batched: BatchedCrossProducts?
  /// The current batch's counts (n × 64) and packed cross-products (T × 64).
  let counts: UnsafeMutablePointer<Double>
  private let products: UnsafeMutablePointer<Double>
  /// The first resample of the current batch.
  private var batchFirst = 0
  /// The number of resamples in the current batch.
  private var batchCount = 0
  /// The four-lane kernel for batched resamples (nil: every resample takes the scalar kernel,
  /// e.g. for Mode B blocks, interaction terms or a two-stage estimate).
  private let laneKernel: PLSLaneKernel?
  private let laneWorkspace: PLSLaneWorkspace?
  /// The correlation matrices of the four columns of the current lane group.
  private let laneCorrelations: UnsafeMutablePointer<Double>
  /// Whether each lane's correlation matrix could not be formed (or the lane is padding).
  private var laneFailed = [Bool](repeating: true, count: PLSLaneKernel.lanes)
  /// The group of four batch columns whose lanes are computed (-1: none yet in this batch).
  private var laneGroup = -1

  init(
    data: Matrix, kernel: PLSKernel, catalog: StatisticCatalog, signChange: SignChange,
    originalWeights: [Double],
    originalLoadings: [Double], seed: UInt64, firstStage: FirstStageResampling? = nil,
    interaction: InteractionResampling? = nil, batched: BatchedCrossProducts? = nil,
    usesLanes: Bool = true
  ) {
    self.interaction = interaction
    effectSizes =
      catalog.families.contains(.interactionEffectSize)
      ? interaction.map { InteractionEffectSizes(design: $0.design, settings: $0.settings) } : nil
    self.batched = batched
    let batch = BatchedCrossProducts.batchSize
    counts = .allocate(capacity: batched == nil ? 1 : data.rows * batch)
    counts.initialize(repeating: 0, count: batched == nil ? 1 : data.rows * batch)
    products = .allocate(capacity: (batched?.packedCount ?? 1) * batch)
    products.initialize(repeating: 0, count: (batched?.packedCount ?? 1) * batch)
    self.data = data
    self.kernel = kernel
    self.catalog = catalog
    self.signChange = signChange
    self.originalWeights = originalWeights
    self.originalLoadings = originalLoadings
    self.seed = seed
    self.firstStage = firstStage
    firstWorkspace = firstStage.map { PLSWorkspace(layout: $0.kernel.layout) }
    firstCorrelation = firstStage.map { _ in
      .allocate(capacity: max(data.columns * data.columns, 1))
    }
    let layout = kernel.layout
    workspace = PLSWorkspace(layout: layout)
    scratch = StatisticScratch(layout: layout)
    admissibility = AdmissibilityScratch(layout: layout)
    gathered = .allocate(capacity: data.rows * (data.columns + 1))
    gathered.initialize(repeating: 1, count: data.rows * (data.columns + 1))
    crossProducts = .allocate(capacity: (data.columns + 1) * (data.columns + 1))
    correlation = .allocate(capacity: max(layout.p * layout.p, 1))
    indices = Array(repeating: 0, count: data.rows)
    let useLanes =
      usesLanes && batched != nil && interaction == nil && firstStage == nil
      && PLSLaneKernel.supports(layout)
    laneKernel = useLanes ? PLSLaneKernel(kernel) : nil
    laneWorkspace = useLanes ? PLSLaneWorkspace(layout: layout) : nil
    let laneMatrices = useLanes ? PLSLaneKernel.lanes * layout.p * layout.p : 1
    laneCorrelations = .allocate(capacity: laneMatrices)
    laneCorrelations.initialize(repeating: 0, count: laneMatrices)
  }

  deinit {
    gathered.deallocate()
    crossProducts.deallocate()
    correlation.deallocate()
    firstCorrelation?.deallocate()
    counts.deallocate()
    products.deallocate()
    laneCorrelations.deallocate()
  }

  /// Prepares the batch of resamples `first ..< first + count` (`count` ≤ 64; `first` a
  /// multiple of 64, so that every run and shard forms the same batches): draws each one's
  /// row counts from its stream and forms all their cross-products in one product. Unused
  /// columns of a short batch stay zero, so the product always has the same shape.
  func prepareBatch(first: Int, count: Int) {
    batchFirst = first
    batchCount = count
    laneGroup = -1
    guard let batched else { return }
    let n = data.rows
    counts.update(repeating: 0, count: n * BatchedCrossProducts.batchSize)
    for r in 0..<count {
      let column = counts + r * n
      ResampleStream.forEachIndex(seed: seed, resample: UInt64(first + r), below: n, count: n) {
        column[$0] += 1
      }
    }
    batched.multiply(counts: counts, into: products)
  }

  /// Evaluates resample `batchFirst + j` of the batch that ``prepareBatch(first:count:)``
  /// prepared: the same resample as ``evaluate(resample:attempt:into:)`` with attempt 0.
  ///
  /// With the lane kernel, the first column asked for of each group of four runs the PLS
  /// iteration of the group's four resamples at once (``PLSLaneKernel``); each column then
  /// continues from its lane's weights as ``PLSKernel`` would from its own (a lane the lanes
  /// do not follow is re-run by the scalar kernel), so the statistics are the same bits.
  func evaluate(batchColumn j: Int, into out: UnsafeMutablePointer<Double>) -> Outcome {
    guard let batched, interaction == nil, firstStage == nil else {
      return evaluate(resample: UInt64(batchFirst + j), into: out)
    }
    let n = data.rows
    if let laneKernel, let laneWorkspace {
      let lanes = PLSLaneKernel.lanes
      if j / lanes != laneGroup { runLanes(group: j / lanes, laneKernel, laneWorkspace, batched) }
      let lane = j % lanes
      guard !laneFailed[lane] else { return .failed }
      let size = kernel.layout.p * kernel.layout.p
      correlation.update(from: laneCorrelations + lane * size, count: size)
      let result = laneWorkspace.outcomes[lane]
      if result.needsScalar { return evaluateCorrelation(observations: n, into: out) }
      laneWorkspace.store(lane: lane, into: workspace)
      return finish(converged: result.outcome.converged, observations: n, into: out)
    }
    guard
      InPlaceCorrelation.compute(
        packedCrossProducts: products + j * batched.packedCount, rows: n, columns: data.columns,
        into: correlation) == nil
    else { return .failed }
    return evaluateCorrelation(observations: n, into: out)
  }

  /// Forms the correlation matrices of batch columns `4·group ..< 4·group + 4` and runs the lane
  /// kernel on them; a lane whose matrix could not be formed, or beyond the batch, runs a copy
  /// of a valid lane's matrix and is ignored.
  private func runLanes(
    group: Int, _ laneKernel: PLSLaneKernel, _ laneWorkspace: PLSLaneWorkspace,
    _ batched: BatchedCrossProducts
  ) {
    laneGroup = group
    let size = kernel.layout.p * kernel.layout.p
    var valid = -1
    for lane in 0..<PLSLaneKernel.lanes {
      let column = group * PLSLaneKernel.lanes + lane
      laneFailed[lane] =
        column >= batchCount
        || InPlaceCorrelation.compute(
          packedCrossProducts: products + column * batched.packedCount, rows: data.rows,
          columns: data.columns, into: laneCorrelations + lane * size) != nil
      if !laneFailed[lane] && valid < 0 { valid = lane }
    }
    guard valid >= 0 else { return }
    func matrix(_ lane: Int) -> UnsafePointer<Double> {
      UnsafePointer(laneCorrelations + (laneFailed[lane] ? valid : lane) * size)
    }
    laneWorkspace.load(matrix(0), matrix(1), matrix(2), matrix(3))
    laneKernel.run(laneWorkspace)
  }

  /// Draws resample `b` (its replacement `attempt` when positive: the stream with counter
  /// `b + attempt · 2⁴⁸`) and writes its statistics to `out` (unless it failed).
  func evaluate(resample b: UInt64, attempt: UInt64 = 0, into out: UnsafeMutablePointer<Double>)
    -> Outcome
  {
    let n = data.rows
    let p = data.columns
    var stream = ResampleStream(seed: seed, resample: b &+ attempt << 48)
    for k in 0..<n { indices[k] = stream.nextIndex(below: n) }
    data.storage.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      for j in 0..<p {
        let from = base + j * n
        let to = gathered + j * n
        for k in 0..<n { to[k] = from[indices[k]] }
      }
    }
    return evaluate(gatheredRows: n, into: out)
  }

  /// Evaluates the data currently in the gather buffer (`rows × (p + 1)`, ones last): shared
  /// by resamples and jackknife samples. A run that does not converge is evaluated all the
  /// same and judged inadmissible, as ``Admissibility`` judges the estimate.
  func evaluate(gatheredRows rows: Int, into out: UnsafeMutablePointer<Double>) -> Outcome {
    let p = data.columns
    if let interaction,
      !interaction.generate(in: gathered, rows: rows, crossProducts: crossProducts)
    {
      return .failed
    }
    guard
      InPlaceCorrelation.compute(
        augmentedData: gathered, rows: rows, columns: p, workspace: crossProducts,
        into: firstCorrelation ?? correlation) == nil
    else {
      return .failed
    }
    if kernel.layout.hasInteractions {
      // The generated indicators' standard deviations in this sample, from the column sums
      // and cross-products the correlation was formed from (`(p + 1)²`, sums in column p).
      let layout = kernel.layout
      let q = p + 1
      let count = Double(rows)
      for j in 0..<layout.J where layout.isInteraction[j] {
        for i in layout.block(j) {
          let sum = crossProducts[i + p * q]
          let squares = crossProducts[i + i * q] - sum * sum / count
          scratch.indicatorSD[i] = (squares / (count - 1)).squareRoot()
        }
      }
    }
    return evaluateCorrelation(observations: rows, into: out)
  }

  /// Runs the kernel on the correlation matrix in `correlation` (for a two-stage estimate:
  /// stage 1's in `firstCorrelation`) and evaluates the catalog.
  private func evaluateCorrelation(observations rows: Int, into out: UnsafeMutablePointer<Double>)
    -> Outcome
  {
    let converged: Bool
    do {
      var firstConverged = true
      if let firstStage, let firstWorkspace, let firstCorrelation {
        firstConverged = try firstStage.kernel.run(
          correlation: firstCorrelation, workspace: firstWorkspace
        ).converged
        try SignAlignment.align(
          signChange, kernel: firstStage.kernel, correlation: firstCorrelation,
          workspace: firstWorkspace, originalWeights: firstStage.originalWeights,
          originalLoadings: firstStage.originalLoadings)
        firstStage.secondStageCorrelation(
          firstCorrelation, workspace: firstWorkspace, into: correlation)
      }
      let second = try kernel.run(correlation: correlation, workspace: workspace).converged
      converged = second && firstConverged
    } catch {
      return .failed
    }
    return finish(converged: converged, observations: rows, into: out)
  }

  /// Continues from the kernel's results in `workspace` (for `correlation`): aligns signs,
  /// evaluates the catalog and judges admissibility.
  private func finish(
    converged: Bool, observations rows: Int, into out: UnsafeMutablePointer<Double>
  ) -> Outcome {
    do {
      try effectSizes?.excludedRSquared(
        correlation: correlation, p: data.columns, constructs: kernel.layout.J,
        into: scratch.excludedR2)
      try alignSigns()
      try catalog.evaluate(
        kernel: kernel, correlation: correlation, workspace: workspace, scratch: scratch,
        observations: rows, into: out)
    } catch {
      return .failed
    }
    for k in 0..<catalog.count where !out[k].isFinite { return .failed }
    let admissible = AdmissibilityCheck.isAdmissible(
      layout: kernel.layout, consistent: catalog.consistent, converged: converged,
      correlation: correlation, loadings: workspace.c, constructCorrelations: workspace.r,
      rhoA: scratch.rhoA, paths: scratch.paths, scratch: admissibility)
    return admissible ? .admissible : .inadmissible
  }

  /// Copies the original rows except `omitted` into the gather buffer and evaluates them
  /// (a jackknife sample).
  func evaluate(omitting omitted: Int, into out: UnsafeMutablePointer<Double>) -> Outcome {
    let n = data.rows
    let p = data.columns
    data.storage.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      for j in 0..<p {
        var k = 0
        for i in 0..<n where i != omitted {
          gathered[k + j * (n - 1)] = base[i + j * n]
          k += 1
        }
      }
      for k in 0..<(n - 1) { gathered[k + p * (n - 1)] = 1 }
    }
    let ok = evaluate(gatheredRows: n - 1, into: out)
    for k in 0..<n { gathered[k + p * n] = 1 }  // restore the ones column for resamples
    return ok
  }

  /// Copies the original rows `rows[0 ..< count]` (in that order) into the gather buffer and
  /// evaluates them: one group of a permutation (multi-group analysis), whose rows are a subset
  /// of the pooled data.
  func evaluate(rows: UnsafePointer<Int>, count: Int, into out: UnsafeMutablePointer<Double>)
    -> Outcome
  {
    let n = data.rows
    let p = data.columns
    data.storage.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      for j in 0..<p {
        let from = base + j * n
        let to = gathered + j * count
        for k in 0..<count { to[k] = from[rows[k]] }
      }
      for k in 0..<count { gathered[k + p * count] = 1 }
    }
    let ok = evaluate(gatheredRows: count, into: out)
    for k in 0..<n { gathered[k + p * n] = 1 }  // restore the ones column for resamples
    return ok
  }

  private func alignSigns() throws(EstimationError) {
    try SignAlignment.align(
      signChange, kernel: kernel, correlation: correlation, workspace: workspace,
      originalWeights: originalWeights, originalLoadings: originalLoadings)
  }
}
