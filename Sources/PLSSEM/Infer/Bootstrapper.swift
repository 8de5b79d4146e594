import Dispatch
import Foundation
import LinearAlgebra
import Synchronization

/// The deterministic, parallel, shardable bootstrap (the Infer stage).
///
/// Resample b (0-based) draws its n row indices from the Philox4x32-10 stream keyed by the seed
/// with counter b (``ResampleStream``), so each resample is the same whichever thread or shard
/// computes it. Work is handed out in blocks of 64 resamples at fixed multiples of 64, whose
/// cross-product matrices are formed together by one matrix product (`BatchedCrossProducts`:
/// each resample's counts of every row, times the rows' outer products), so that a resample's
/// arithmetic does not depend on its neighbours, and small B still spreads over the threads.
/// Resamples are grouped into chunks of 1,024 (16 blocks); each chunk's moments are summarised
/// in resample order and the chunk summaries are folded in chunk order; draws are kept at their
/// resample's row (exact quantiles) or counted in a sketch of integer counts. Hence results are
/// bit-identical for any thread count and any shard split. Memory grows with B (8 bytes a draw)
/// up to the exact-quantile budget, and is flat beyond it.
///
/// Each resample re-runs the whole PLS algorithm on the resample's correlation matrix and
/// recomputes every statistic from its own weights (after the chosen ``SignChange``).
/// For a two-stage estimate of higher-order constructs (``HigherOrderMethod/twoStage``) each
/// resample re-runs stage 1 on the original indicators and then stage 2
/// (`FirstStageResampling`), so the LOC scores are re-estimated on every resample.
public struct Bootstrapper: Sendable {
  /// Resamples per chunk: the unit of work, of moment folding and of sharding.
  public static let chunkSize = 1024
  /// Resamples per block: the unit of work, whose cross-products are formed together
  /// (`BatchedCrossProducts`). Blocks lie at fixed multiples of 64, inside chunks.
  static let blockSize = BatchedCrossProducts.batchSize
  /// The largest outer-product matrix (bytes) for batched cross-products; beyond it each
  /// resample is gathered and multiplied on its own.
  static let batchedBytesLimit = 128 << 20

  public let settings: BootstrapSettings

  public init(settings: BootstrapSettings) {
    self.settings = settings
  }

  /// The statistics a bootstrap with the default families
  /// (``StatisticFamily/resampledByDefault``) tracks for `estimate`, in catalog order.
  public static func keys(for estimate: PLSEstimate) -> [StatisticKey] {
    StatisticCatalog(
      layout: estimate.layout, families: StatisticFamily.resampledByDefault,
      consistent: estimate.settings.consistent
    ).keys
  }

  /// The statistics this bootstrap tracks for `estimate` (the families of
  /// ``BootstrapSettings/statistics``), in catalog order.
  public func statisticKeys(for estimate: PLSEstimate) -> [StatisticKey] {
    catalog(for: estimate).keys
  }

  func catalog(for estimate: PLSEstimate) -> StatisticCatalog {
    StatisticCatalog(
      layout: estimate.layout, families: settings.statistics,
      consistent: estimate.settings.consistent, structure: true)
  }

  /// Runs the bootstrap (or one shard of it) and returns the mergeable state.
  ///
  /// While `B × statistics` fits ``BootstrapSettings/exactQuantileBudget`` every draw is kept
  /// (at its resample's row) for exact quantiles; beyond it the pilot (chunk 0, computed by
  /// every run and shard) fixes the bins of a `DistributionSketch`.
  public func run(
    _ estimate: PLSEstimate, shard: ShardSpec? = nil, progress: BootstrapProgress? = nil,
    draws: BootstrapDrawSink? = nil
  ) throws -> BootstrapState {
    try validate()
    let catalog = catalog(for: estimate)
    let m = catalog.count
    let kernel = PLSKernel(layout: estimate.layout, settings: estimate.settings)
    let threads = max(1, settings.threads ?? ProcessInfo.processInfo.activeProcessorCount)
    // Two-stage HOC estimates resample stage 1's data and re-run both stages.
    let firstStage = FirstStageResampling(estimate)
    let data = estimate.higherOrder?.firstStage?.prepared.standardized
    // Resamples that need their rows (interaction terms are formed again within each
    // resample) or run two stages are gathered one by one; the others' cross-products are
    // batched.
    let needsRows = estimate.model.hasInteractions || firstStage != nil
    let standardized = estimate.prepared.standardized
    let batched: BatchedCrossProducts? =
      !needsRows
        && BatchedCrossProducts.bytes(rows: standardized.rows, columns: standardized.columns)
          <= Self.batchedBytesLimit
      ? standardized.storage.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map {
          BatchedCrossProducts(
            data: $0, rows: standardized.rows, columns: standardized.columns)
        }
      } : nil
    let makeEvaluator = {
      ResampleEvaluator(
        data: firstStage != nil
          ? (data ?? estimate.prepared.standardized) : estimate.prepared.standardized,
        kernel: kernel, catalog: catalog,
        signChange: self.settings.signChange,
        originalWeights: estimate.weights,
        // Signs are aligned before the PLSc correction, on the uncorrected loadings.
        originalLoadings: estimate.consistentCorrection?.compositeLoadings ?? estimate.loadings,
        seed: self.settings.seed, firstStage: firstStage,
        interaction: estimate.model.hasInteractions
          ? InteractionResampling(
            design: InteractionDesign(model: estimate.model, settings: estimate.settings),
            settings: estimate.settings, rows: estimate.observations) : nil,
        batched: batched)
    }
    let evaluators = (0..<threads).map { _ in makeEvaluator() }
    // The original values are the estimate's own table: no third computation.
    guard let original = estimate.statistics.selecting(catalog.keys)?.values else {
      throw BootstrapError.invalidSetting(
        InvalidSettingValue(
          .bootstrapStatistics, "must be statistics of the estimate's table",
          got: settings.statistics.map(\.rawValue).sorted().joined(separator: ", ")))
    }

    let b = settings.resamples
    let chunkSize = Self.chunkSize
    let blockSize = Self.blockSize
    let chunks = (b + chunkSize - 1) / chunkSize
    let range = shard?.chunks(of: chunks) ?? 0..<chunks
    let firstResample = range.lowerBound * chunkSize
    let covered = BootstrapState.resamples(
      chunks: range.lowerBound, count: range.count, of: b, chunkSize: chunkSize)
    let firstBlock = firstResample / blockSize
    let endBlock = (firstResample + covered + blockSize - 1) / blockSize
    let keepDraws = settings.keepsDraws(statistics: m)

    // Sketch mode: the pilot, chunk 0, fixes the sketch's bins.
    let (pilot, emptySketch) =
      keepDraws ? (nil, nil) : try pilotSketch(evaluators: evaluators, statistics: m)
    let collector = ChunkCollector(
      firstChunk: range.lowerBound, statistics: m, keepChunks: shard != nil, total: covered,
      progress: progress, draws: draws)
    let assemblies = ChunkAssemblies(chunkSize: chunkSize, statistics: m)
    let nextBlock = Atomic<Int>(firstBlock)
    let sketches = PerWorkerSlots(repeating: emptySketch, count: threads)
    let failure = Mutex<(any Error)?>(nil)
    // Exact mode: row r of the covered resamples at r * m; NaN where a resample fails. Every
    // row is written exactly once, by the worker that summarises its chunk.
    func runBlocks(_ keptRows: RowBuffer) {
      DispatchQueue.concurrentPerform(iterations: threads) { t in
        let evaluator = evaluators[t]
        var sketch = emptySketch
        // Sketch mode: one chunk's successful draws, statistic by statistic (statistic k at
        // k * chunkSize).
        let columns: UnsafeMutablePointer<Double>? =
          sketch == nil ? nil : .allocate(capacity: chunkSize * m)
        defer { columns?.deallocate() }
        while true {
          let g = nextBlock.add(1, ordering: .relaxed).oldValue
          guard g < endBlock, failure.withLock({ $0 == nil }) else { break }
          let first = g * blockSize
          let c = first / chunkSize
          let chunkFirst = c * chunkSize
          let chunkCount = min(chunkSize, b - chunkFirst)
          let assembly = assemblies.assembly(
            chunk: c, blocks: (chunkCount + blockSize - 1) / blockSize)
          let offset = first - chunkFirst
          let count = min(blockSize, b - first)
          if c == 0, let pilot {
            (assembly.rows + offset * m).update(from: pilot.row(offset), count: count * m)
            (assembly.resolutions + offset).update(from: pilot.resolution + offset, count: count)
          } else {
            self.computeBlock(
              evaluator, first: first, count: count, rows: assembly.rows + offset * m,
              statistics: m, resolutions: assembly.resolutions + offset)
          }
          guard assemblies.finishBlock(chunk: c) else { continue }
          // The chunk's last block: summarise it in resample order.
          var succeeded = 0
          var tally = ResampleTally()
          var sunk: [[Double]?] = []
          for r in 0..<chunkCount {
            let resolution = assembly.resolutions[r]
            tally.count(resolution, resample: chunkFirst + r)
            let row = assembly.rows + r * m
            let keptRow = keptRows.base?.advanced(by: (chunkFirst + r - firstResample) * m)
            let ok = resolution.isIncluded
            if draws != nil {
              sunk.append(ok ? Array(UnsafeBufferPointer(start: row, count: m)) : nil)
            }
            if ok {
              keptRow?.update(from: row, count: m)
              if let columns {
                for k in 0..<m { columns[k * chunkSize + succeeded] = row[k] }
              }
              // Successful rows move up, in order, for the moments.
              if succeeded < r { (assembly.rows + succeeded * m).update(from: row, count: m) }
              succeeded += 1
            } else {
              keptRow?.update(repeating: .nan, count: m)
            }
          }
          let summary = MomentSummary(rows: assembly.rows, count: succeeded, statistics: m)
          assemblies.release(chunk: c)
          if let columns {
            for k in 0..<m {
              sketch?.add(
                statistic: k, values: columns + k * chunkSize, count: succeeded,
                original: original[k])
            }
          }
          do {
            try collector.submit(
              chunk: c, summary: summary, attempted: chunkCount, tally: tally, draws: sunk)
          } catch {
            failure.withLock { $0 = $0 ?? error }
            break
          }
        }
        sketches[t] = sketch
      }
    }
    var kept: KeptDraws?
    if keepDraws {
      // Not pre-filled: the workers write every row (a draw or NaN).
      let values = [Double](unsafeUninitializedCapacity: covered * m) { buffer, initialized in
        runBlocks(RowBuffer(base: buffer.baseAddress))
        initialized = covered * m
      }
      kept = KeptDraws(statistics: m, values: values)
    } else {
      runBlocks(RowBuffer(base: nil))
    }
    if let error = failure.withLock({ $0 }) { throw error }
    var sketch = emptySketch
    for t in 0..<threads {
      if let part = sketches[t] { sketch?.merge(part) }
    }
    let collected = collector.finish()
    var state = BootstrapState(
      settings: settings, fingerprint: BootstrapFingerprint(estimate),
      keys: catalog.keys.map(\.description),
      original: original, chunkSize: chunkSize, firstChunk: range.lowerBound,
      chunkCount: range.count,
      moments: collected.moments, draws: kept, sketch: sketch, attempted: collected.attempted,
      failed: collected.tally.failed, inadmissible: collected.tally.inadmissible,
      failedResamples: collected.tally.failedResamples,
      inadmissibleResamples: collected.tally.inadmissibleResamples,
      acceleration: nil)
    if settings.confidenceInterval == .bca {
      state.acceleration = Self.jackknifeAcceleration(
        evaluators: evaluators, n: estimate.observations, statistics: m,
        keepInadmissible: settings.inadmissibleResamples == .keep)
    }
    if shard == nil, Double(state.failed) > settings.maximumFailureShare * Double(state.attempted) {
      throw BootstrapError.tooManyFailures(
        failed: state.failed, attempted: state.attempted, maximumShare: settings.maximumFailureShare
      )
    }
    return state
  }

  /// The pilot of sketch mode — resamples 0 ..< 1,024 (or B), which every run and shard
  /// computes identically — and the empty sketch whose bins it fixes.
  private func pilotSketch(evaluators: [ResampleEvaluator], statistics m: Int) throws
    -> (ParallelRows, DistributionSketch)
  {
    let threads = evaluators.count
    let pilotCount = min(Self.chunkSize, settings.resamples)
    let rows = ParallelRows(count: pilotCount, width: m)
    let blocks = (pilotCount + Self.blockSize - 1) / Self.blockSize
    let nextBlock = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      while true {
        let g = nextBlock.add(1, ordering: .relaxed).oldValue
        guard g < blocks else { break }
        let first = g * Self.blockSize
        self.computeBlock(
          evaluators[t], first: first, count: min(Self.blockSize, pilotCount - first),
          rows: rows.row(first), statistics: m, resolutions: rows.resolution + first)
      }
    }
    let pilotRows = (0..<pilotCount).filter { rows.resolution[$0].isIncluded }.map {
      rows.values($0)
    }
    guard !pilotRows.isEmpty else {
      let inadmissible = (0..<pilotCount).filter { rows.resolution[$0].wasInadmissible }.count
      if inadmissible > 0, settings.inadmissibleResamples == .drop {
        throw BootstrapError.tooFewAdmissible(
          included: 0, attempted: pilotCount, inadmissible: inadmissible)
      }
      throw BootstrapError.tooManyFailures(
        failed: pilotCount, attempted: pilotCount, maximumShare: settings.maximumFailureShare)
    }
    return (rows, DistributionSketch(pilot: pilotRows, statistics: m))
  }

  /// Resolves resamples `first ..< first + count` (one batch: `first` a multiple of
  /// ``blockSize``) into `rows` (m statistics each) and `resolutions`.
  func computeBlock(
    _ evaluator: ResampleEvaluator, first: Int, count: Int, rows: UnsafeMutablePointer<Double>,
    statistics m: Int, resolutions: UnsafeMutablePointer<ResampleResolution>
  ) {
    evaluator.prepareBatch(first: first, count: count)
    for j in 0..<count {
      resolutions[j] = resolve(evaluator, batchColumn: j, resample: first + j, into: rows + j * m)
    }
  }

  /// Runs the whole bootstrap and finishes it into statistics.
  public func result(
    _ estimate: PLSEstimate, progress: BootstrapProgress? = nil, draws: BootstrapDrawSink? = nil
  ) throws
    -> BootstrapResult
  {
    let state = try run(estimate, progress: progress, draws: draws)
    return try BootstrapResult(state: state, estimate: estimate)
  }

  private func validate() throws(BootstrapError) {
    let limit = BootstrapState.maximumResamples
    guard settings.resamples >= 2, settings.resamples <= limit else {
      throw .invalidSetting(
        InvalidSettingValue(
          .resamples, "must lie between 2 and \(limit)", got: "\(settings.resamples)"))
    }
    guard settings.level > 0, settings.level < 1 else {
      throw .invalidSetting(
        InvalidSettingValue(
          .confidenceLevel, "must lie strictly between 0 and 1", got: "\(settings.level)"))
    }
    guard settings.maximumFailureShare >= 0, settings.maximumFailureShare <= 1 else {
      throw .invalidSetting(
        InvalidSettingValue(
          .maximumFailureShare, "must lie between 0 and 1", got: "\(settings.maximumFailureShare)"))
    }
    guard settings.exactQuantileBudget >= 0 else {
      throw .invalidSetting(
        InvalidSettingValue(
          .exactQuantileBudget, "must be 0 or more", got: "\(settings.exactQuantileBudget)"))
    }
    if let threads = settings.threads, threads < 1 || threads > 1024 {
      throw .invalidSetting(
        InvalidSettingValue(.threads, "must lie between 1 and 1024", got: "\(threads)"))
    }
    guard !settings.statistics.isEmpty else {
      throw .invalidSetting(
        InvalidSettingValue(.bootstrapStatistics, "must name at least one family", got: "none"))
    }
  }
}

/// The kept draws' buffer, written by several threads at disjoint rows (nil in sketch mode).
private struct RowBuffer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Double>?
}
