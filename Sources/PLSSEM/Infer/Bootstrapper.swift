import Dispatch
import Foundation
import LinearAlgebra
import Synchronization

/// Which part of a sharded bootstrap to run: shard `index` of `count` (1-based, `k/N`).
/// Shard k covers chunks `⌊(k−1)C/N⌋ ..< ⌊kC/N⌋` of the C chunks of 1,024 resamples.
public struct ShardSpec: Sendable, Equatable, Codable {
  public let index: Int
  public let count: Int
  /// The most shards a run may be split into (a million: far more than chunks in any real
  /// run, few enough that the chunk ranges cannot overflow).
  public static let maximumCount = 1 << 20

  public init(index: Int, count: Int) throws(BootstrapError) {
    guard count >= 1, index >= 1, index <= count else {
      throw .invalidSetting("a shard is written k/N with 1 ≤ k ≤ N (got \(index)/\(count))")
    }
    guard count <= Self.maximumCount else {
      throw .invalidSetting("at most \(Self.maximumCount) shards (got \(count))")
    }
    self.index = index
    self.count = count
  }
}

/// Receives raw bootstrap draws in resample order (for `--keep-draws`): the first resample
/// index of a chunk and each resample's statistics (nil for a failed resample).
public typealias BootstrapDrawSink =
  @Sendable (_ firstResample: Int, _ draws: [[Double]?]) throws -> Void

/// Progress of a bootstrap: resamples finished so far and the total of this run or shard.
public typealias BootstrapProgress = @Sendable (_ completed: Int, _ total: Int) -> Void

/// The deterministic, parallel, shardable bootstrap (the Infer stage).
///
/// Resample b (0-based) draws its n row indices from the Philox4x32-10 stream keyed by the seed
/// with counter b (``ResampleStream``), so each resample is the same whichever thread or shard
/// computes it. Resamples are grouped into chunks of 1,024; each chunk's moments are summarised
/// in resample order and the chunk summaries are folded in chunk order; the distribution sketch
/// holds integer counts. Hence results are bit-identical for any thread count and any shard
/// split. Memory does not grow with B.
///
/// Each resample re-runs the whole PLS algorithm on the resample's correlation matrix and
/// recomputes every statistic from its own weights (after the chosen ``SignChange``).
public struct Bootstrapper: Sendable {
  /// Resamples per chunk: the unit of work, of moment folding and of sharding.
  public static let chunkSize = 1024

  public let settings: BootstrapSettings

  public init(settings: BootstrapSettings) {
    self.settings = settings
  }

  /// The statistics tracked for `estimate`, in catalog order.
  public static func keys(for estimate: PLSEstimate) -> [StatisticKey] {
    catalog(for: estimate).keys
  }

  static func catalog(for estimate: PLSEstimate) -> StatisticCatalog {
    StatisticCatalog(
      layout: estimate.layout, originalTotalEffects: estimate.totalEffects,
      originalIndirectEffects: estimate.indirectEffects, consistent: estimate.settings.consistent)
  }

  /// Runs the bootstrap (or one shard of it) and returns the mergeable state.
  public func run(
    _ estimate: PLSEstimate, shard: ShardSpec? = nil, progress: BootstrapProgress? = nil,
    draws: BootstrapDrawSink? = nil
  ) throws -> BootstrapState {
    try validate()
    let catalog = Self.catalog(for: estimate)
    let m = catalog.count
    let kernel = PLSKernel(layout: estimate.layout, settings: estimate.settings)
    let threads = max(1, settings.threads ?? ProcessInfo.processInfo.activeProcessorCount)
    let makeEvaluator = {
      ResampleEvaluator(
        data: estimate.prepared.standardized, kernel: kernel, catalog: catalog,
        signChange: self.settings.signChange,
        originalWeights: estimate.weights,
        // Signs are aligned before the PLSc correction, on the uncorrected loadings.
        originalLoadings: estimate.consistentCorrection?.compositeLoadings ?? estimate.loadings,
        seed: self.settings.seed)
    }
    let evaluators = (0..<threads).map { _ in makeEvaluator() }
    let original = try Self.originalStatistics(estimate, catalog: catalog, kernel: kernel)

    let b = settings.resamples
    let chunkSize = Self.chunkSize
    let chunks = (b + chunkSize - 1) / chunkSize
    let range: Range<Int> =
      shard.map { (($0.index - 1) * chunks / $0.count)..<($0.index * chunks / $0.count) }
      ?? 0..<chunks

    // The pilot: chunk 0, computed by every run and shard, fixes the sketch's bin ranges.
    let pilotCount = min(chunkSize, b)
    let pilot = ParallelRows(count: pilotCount, width: m)
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      var r = t
      while r < pilotCount {
        pilot.succeeded[r] = evaluators[t].evaluate(resample: UInt64(r), into: pilot.row(r))
        r += threads
      }
    }
    let pilotRows = (0..<pilotCount).filter { pilot.succeeded[$0] }.map { pilot.values($0) }
    guard !pilotRows.isEmpty else {
      throw BootstrapError.tooManyFailures(
        failed: pilotCount, attempted: pilotCount, maximumShare: settings.maximumFailureShare)
    }
    let emptySketch = DistributionSketch(pilot: pilotRows, statistics: m)

    let total = range.reduce(0) { $0 + min(chunkSize, b - $1 * chunkSize) }
    let collector = ChunkCollector(
      firstChunk: range.lowerBound, statistics: m, keepChunks: shard != nil, total: total,
      progress: progress, draws: draws)
    let nextChunk = Atomic<Int>(range.lowerBound)
    let sketches = PerWorkerSlots(repeating: emptySketch, count: threads)
    let failure = Mutex<(any Error)?>(nil)
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      let evaluator = evaluators[t]
      var sketch = emptySketch
      // One chunk's successful draws, statistic by statistic (statistic k at k * chunkSize).
      let columns = UnsafeMutablePointer<Double>.allocate(capacity: chunkSize * m)
      let row = UnsafeMutablePointer<Double>.allocate(capacity: m)
      defer {
        columns.deallocate()
        row.deallocate()
      }
      while true {
        let c = nextChunk.add(1, ordering: .relaxed).oldValue
        guard c < range.upperBound, failure.withLock({ $0 == nil }) else { break }
        let first = c * chunkSize
        let count = min(chunkSize, b - first)
        var succeeded = 0
        var kept: [[Double]?] = []
        for r in 0..<count {
          let ok: Bool
          if c == 0 {
            ok = pilot.succeeded[r]
            if ok { row.update(from: pilot.row(r), count: m) }
          } else {
            ok = evaluator.evaluate(resample: UInt64(first + r), into: row)
          }
          if ok {
            for k in 0..<m { columns[k * chunkSize + succeeded] = row[k] }
            succeeded += 1
          }
          if draws != nil {
            kept.append(ok ? Array(UnsafeBufferPointer(start: row, count: m)) : nil)
          }
        }
        let summary = MomentSummary(
          columns: columns, stride: chunkSize, count: succeeded, statistics: m)
        for k in 0..<m {
          sketch.add(
            statistic: k, values: columns + k * chunkSize, count: succeeded, original: original[k])
        }
        do {
          try collector.submit(
            chunk: c, summary: summary, attempted: count, failed: count - succeeded, draws: kept)
        } catch {
          failure.withLock { $0 = $0 ?? error }
          break
        }
      }
      sketches[t] = sketch
    }
    if let error = failure.withLock({ $0 }) { throw error }
    var sketch = emptySketch
    for t in 0..<threads { sketch.merge(sketches[t]) }
    let collected = collector.finish()
    var state = BootstrapState(
      settings: settings, fingerprint: Self.fingerprint(estimate),
      keys: catalog.keys.map(\.description),
      original: original, chunkSize: chunkSize, firstChunk: range.lowerBound,
      chunkCount: range.count,
      moments: collected.moments, sketch: sketch, attempted: collected.attempted,
      failed: collected.failed,
      acceleration: nil)
    if settings.confidenceInterval == .bca {
      state.acceleration = Self.jackknifeAcceleration(
        evaluators: evaluators, n: estimate.observations, statistics: m)
    }
    if shard == nil, Double(state.failed) > settings.maximumFailureShare * Double(state.attempted) {
      throw BootstrapError.tooManyFailures(
        failed: state.failed, attempted: state.attempted, maximumShare: settings.maximumFailureShare
      )
    }
    return state
  }

  /// Runs the whole bootstrap and finishes it into statistics.
  public func result(
    _ estimate: PLSEstimate, progress: BootstrapProgress? = nil, draws: BootstrapDrawSink? = nil
  ) throws
    -> BootstrapResult
  {
    let state = try run(estimate, progress: progress, draws: draws)
    return try BootstrapResult(state: state, keys: Self.keys(for: estimate))
  }

  /// Merges shard states into the state of the whole run; throws when they do not belong
  /// together (other seed, model, data, settings or B) or do not cover all chunks exactly once.
  public static func merge(_ states: [BootstrapState]) throws -> BootstrapState {
    for state in states { _ = try state.validated() }
    // Shards in chunk order. A shard can cover no chunk at all (more shards than chunks); it
    // starts where the next non-empty shard starts, so it sorts before that one.
    let sorted = states.sorted { ($0.firstChunk, $0.chunkCount) < ($1.firstChunk, $1.chunkCount) }
    guard var merged = sorted.first else {
      throw BootstrapError.incompatibleShards("no shards given")
    }
    let expectedChunks = (merged.settings.resamples + merged.chunkSize - 1) / merged.chunkSize
    guard merged.firstChunk == 0 else {
      throw BootstrapError.incompatibleShards("the first shard (chunk 0) is missing")
    }
    for next in sorted.dropFirst() {
      guard next.fingerprint == merged.fingerprint, next.keys == merged.keys else {
        throw BootstrapError.incompatibleShards(
          "the shards were made from different models, data or estimation settings")
      }
      var a = next.settings
      var b = merged.settings
      a.threads = nil
      b.threads = nil
      guard a == b, next.chunkSize == merged.chunkSize else {
        throw BootstrapError.incompatibleShards(
          "the shards were made with different bootstrap settings (seed, resamples, intervals)")
      }
      guard next.firstChunk == merged.firstChunk + merged.chunkCount else {
        throw BootstrapError.incompatibleShards(
          "chunks \(merged.firstChunk + merged.chunkCount)..<\(next.firstChunk) are missing or covered twice; give every shard k/N exactly once"
        )
      }
      merged.moments += next.moments
      merged.sketch.merge(next.sketch)
      merged.attempted += next.attempted
      merged.failed += next.failed
      merged.chunkCount += next.chunkCount
    }
    guard merged.chunkCount == expectedChunks else {
      throw BootstrapError.incompatibleShards(
        "the shards cover \(merged.chunkCount) of \(expectedChunks) chunks; some shards are missing"
      )
    }
    merged.moments = [merged.foldedMoments()]
    return merged
  }

  private func validate() throws(BootstrapError) {
    guard settings.resamples >= 2, settings.resamples <= BootstrapState.maximumResamples else {
      throw .invalidSetting(
        "the bootstrap needs 2 to \(BootstrapState.maximumResamples) resamples (got \(settings.resamples))"
      )
    }
    guard settings.level > 0, settings.level < 1 else {
      throw .invalidSetting(
        "the confidence level must lie strictly between 0 and 1 (got \(settings.level))")
    }
    guard settings.maximumFailureShare >= 0, settings.maximumFailureShare <= 1 else {
      throw .invalidSetting(
        "the maximum failure share must lie between 0 and 1 (got \(settings.maximumFailureShare))")
    }
    if let threads = settings.threads, threads < 1 || threads > 1024 {
      throw .invalidSetting("--threads must lie between 1 and 1024 (got \(threads))")
    }
  }

  /// The statistics on the original data, by the same code as each resample's.
  static func originalStatistics(
    _ estimate: PLSEstimate, catalog: StatisticCatalog, kernel: PLSKernel
  ) throws -> [Double] {
    let workspace = PLSWorkspace(layout: estimate.layout)
    let scratch = StatisticScratch(constructs: estimate.layout.J)
    var out = [Double](repeating: 0, count: catalog.count)
    try estimate.indicatorCorrelations.storage.withUnsafeBufferPointer { s in
      guard let base = s.baseAddress else { return }
      _ = try kernel.run(correlation: base, workspace: workspace)
      try out.withUnsafeMutableBufferPointer { o in
        guard let target = o.baseAddress else { return }
        try catalog.extract(
          kernel: kernel, correlation: base, workspace: workspace, scratch: scratch, into: target)
      }
    }
    return out
  }

  /// Jackknife acceleration `a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 [Σ(θ̄ − θ₍ᵢ₎)²]^{3/2})` (Efron & Tibshirani 1993,
  /// eq. 14.15), over the leave-one-out samples that succeed; 0 when undefined.
  static func jackknifeAcceleration(evaluators: [ResampleEvaluator], n: Int, statistics m: Int)
    -> [Double]
  {
    let rows = ParallelRows(count: n, width: m)
    let threads = evaluators.count
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      var i = t
      while i < n {
        rows.succeeded[i] = evaluators[t].evaluate(omitting: i, into: rows.row(i))
        i += threads
      }
    }
    let good = (0..<n).filter { rows.succeeded[$0] }
    return (0..<m).map { k in
      let values = good.map { rows.row($0)[k] }
      let mean = values.reduce(0, +) / Double(max(values.count, 1))
      var s2 = 0.0
      var s3 = 0.0
      for v in values {
        let d = mean - v
        s2 += d * d
        s3 += d * d * d
      }
      guard s2 > 0 else { return 0 }
      return s3 / (6 * pow(s2, 1.5))
    }
  }

  /// A text identifying the model, the estimation settings and the data (an FNV-1a hash of
  /// the prepared data's bits), so that only shards of one analysis merge.
  public static func fingerprint(_ estimate: PLSEstimate) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for value in estimate.prepared.raw.storage {
      var bits = value.bitPattern
      for _ in 0..<8 {
        hash = (hash ^ (bits & 0xff)) &* 0x100_0000_01b3
        bits >>= 8
      }
    }
    let s = estimate.settings
    return
      "n=\(estimate.observations);data=\(String(hash, radix: 16));scheme=\(s.scheme.rawValue);tol=\(s.tolerance);crit=\(s.stopCriterion.rawValue);max=\(s.maxIterations);missing=\(s.missing.rawValue);model=\(estimate.model.syntax)\(s.consistent ? ";consistent" : "")"
  }
}

/// Rows of m statistics written by several threads at disjoint indices.
final class ParallelRows: @unchecked Sendable {
  let storage: UnsafeMutablePointer<Double>
  let width: Int
  let count: Int
  /// Whether each row's resample succeeded; written at disjoint indices, hence a raw buffer.
  let succeeded: UnsafeMutablePointer<Bool>

  init(count: Int, width: Int) {
    self.count = count
    self.width = width
    storage = .allocate(capacity: max(count * width, 1))
    storage.initialize(repeating: 0, count: max(count * width, 1))
    succeeded = .allocate(capacity: max(count, 1))
    succeeded.initialize(repeating: false, count: max(count, 1))
  }

  deinit {
    storage.deallocate()
    succeeded.deallocate()
  }

  func row(_ r: Int) -> UnsafeMutablePointer<Double> { storage + r * width }
  func values(_ r: Int) -> [Double] { Array(UnsafeBufferPointer(start: row(r), count: width)) }
}

/// One slot per worker thread, each written only by its own worker.
final class PerWorkerSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Value>
  let count: Int

  init(repeating value: Value, count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: value, count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  subscript(index: Int) -> Value {
    get { slots[index] }
    set { slots[index] = newValue }
  }
}

/// Receives finished chunks from the workers in any order and processes them in chunk order:
/// folds (single run) or keeps (shard) their moment summaries, passes their draws on, and
/// reports progress.
final class ChunkCollector: Sendable {
  private struct State {
    var next: Int
    var pending: [Int: (MomentSummary, Int, Int, [[Double]?])] = [:]
    var folded: MomentSummary
    var kept: [MomentSummary] = []
    var attempted = 0
    var failed = 0
  }
  private let state: Mutex<State>
  private let keepChunks: Bool
  private let total: Int
  private let progress: BootstrapProgress?
  private let draws: BootstrapDrawSink?
  private let chunkSize = Bootstrapper.chunkSize

  init(
    firstChunk: Int, statistics m: Int, keepChunks: Bool, total: Int, progress: BootstrapProgress?,
    draws: BootstrapDrawSink?
  ) {
    state = Mutex(State(next: firstChunk, folded: MomentSummary(statistics: m)))
    self.keepChunks = keepChunks
    self.total = total
    self.progress = progress
    self.draws = draws
  }

  func submit(
    chunk: Int, summary: MomentSummary, attempted: Int, failed: Int, draws chunkDraws: [[Double]?]
  ) throws {
    try state.withLock { s in
      s.pending[chunk] = (summary, attempted, failed, chunkDraws)
      while let (summary, attempted, failed, rows) = s.pending.removeValue(forKey: s.next) {
        if keepChunks { s.kept.append(summary) } else { s.folded.fold(summary) }
        s.attempted += attempted
        s.failed += failed
        if let draws { try draws(s.next * chunkSize, rows) }
        s.next += 1
        progress?(s.attempted, total)
      }
    }
  }

  func finish() -> (moments: [MomentSummary], attempted: Int, failed: Int) {
    state.withLock { s in (keepChunks ? s.kept : [s.folded], s.attempted, s.failed) }
  }
}
