import Foundation

/// Multi-group analysis (MGA): the model estimated on each group with the same settings, and
/// every statistic compared between every pair of groups by four tests — the permutation test
/// (Chin & Dibbern 2010, "An introduction to a permutation based procedure for multi-group PLS
/// analysis", Handbook of Partial Least Squares, pp. 171–193), Henseler's PLS-MGA, the parametric
/// test (Keil et al. 2000) and the Welch–Satterthwaite test (``GroupDifferenceTests``).
///
/// ```swift
/// let split = try GroupSplit(data: data, column: "servicetype", model: model)
/// let result = try MultiGroupAnalysis(settings: MultiGroupSettings(permutations: 1000, resamples: 1000))
///   .run(model, groups: split)
/// for d in result.differences where d.key.family == .path {
///   print(d.key, d.difference, d.pPermutation ?? .nan)
/// }
/// ```
///
/// The permutation test pools the rows of all groups, shuffles them (``PermutationStream``),
/// re-estimates every group on its share of the shuffled rows and compares each pair's
/// difference with the observed one; a permutation in which a group cannot be estimated is left
/// out, an inadmissible one is kept (as the bootstrap's default). Each group's bootstrap is the
/// ordinary ``Bootstrapper`` with the group's own seed.
public struct MultiGroupAnalysis: Sendable {
  /// The estimator (its settings apply to every group).
  public var estimator: PLSEstimator
  /// The analysis's settings.
  public var settings: MultiGroupSettings

  public init(estimator: PLSEstimator = PLSEstimator(), settings: MultiGroupSettings) {
    self.estimator = estimator
    self.settings = settings
  }

  /// Estimates `model` on every group of `split` and compares every pair.
  public func run(_ model: PathModel, groups split: GroupSplit) throws -> MultiGroupResult {
    try result(model, groups: split, state: try state(model, groups: split))
  }

  /// Each group's estimate, with this analysis's estimator.
  func estimates(_ model: PathModel, groups split: GroupSplit) throws -> [PLSEstimate] {
    try split.groups.enumerated().map { g, group in
      do {
        return try estimator.estimate(model, data: split.data(ofGroup: g))
      } catch {
        throw GroupingError.groupFailed(
          group: group.name, column: split.column, message: "\(error)")
      }
    }
  }

  /// The catalog of the compared statistics for `estimate`'s model.
  func catalog(_ estimate: PLSEstimate) -> StatisticCatalog {
    StatisticCatalog(
      layout: estimate.layout, families: settings.statistics,
      consistent: estimate.settings.consistent, structure: true)
  }

  /// The groups' values of the compared statistics, in catalog order.
  func tables(_ estimates: [PLSEstimate], keys: [StatisticKey], split: GroupSplit) throws
    -> [StatisticTable]
  {
    try zip(estimates, split.groups).map { estimate, group in
      guard let table = estimate.statistics.selecting(keys) else {
        throw GroupingError.groupFailed(
          group: group.name, column: split.column,
          message: "the estimate lacks statistics of the comparison")
      }
      return table
    }
  }

  /// The resampling of the analysis, whole or shard `shard` of it: each group's bootstrap state
  /// and the permutation test's counts. Shards of the same analysis merge
  /// (`MultiGroupShard.merge(_:)`) into the state of a single run, bit for bit.
  public func state(_ model: PathModel, groups split: GroupSplit, shard: ShardSpec? = nil) throws
    -> MultiGroupState
  {
    try validate()
    let threads = max(1, settings.threads ?? ProcessInfo.processInfo.activeProcessorCount)
    let estimates = try estimates(model, groups: split)
    if settings.permutations > 0 {
      // A permutation would re-run stage 2 alone, on LOC scores of the pooled stage 1.
      try estimates.first?.refuseHigherOrder(
        procedure: settings.micom
          ? "MICOM and the permutation test of a multi-group analysis"
          : "the permutation test of a multi-group analysis", methods: [.twoStage])
    }
    var bootstraps: [BootstrapState] = []
    if settings.resamples > 0 {
      for (g, estimate) in estimates.enumerated() {
        do {
          bootstraps.append(
            try Bootstrapper(settings: settings.bootstrapSettings(group: g)).run(
              estimate, shard: shard))
        } catch {
          throw GroupingError.groupFailed(
            group: split.groups[g].name, column: split.column, message: "\(error)")
        }
      }
    }
    guard settings.permutations > 0, let reference = estimates.first else {
      return MultiGroupState(bootstraps: bootstraps, permutation: nil)
    }
    let catalog = catalog(reference)
    let keys = catalog.keys
    let m = keys.count
    let values = try tables(estimates, keys: keys, split: split)
    let pairs = Self.pairs(estimates.count)
    let chunkSize = Bootstrapper.chunkSize
    let chunks = (settings.permutations + chunkSize - 1) / chunkSize
    let chunkRange = shard?.chunks(of: chunks) ?? 0..<chunks
    let range =
      min(
        chunkRange.lowerBound * chunkSize, settings.permutations)..<min(
        chunkRange.upperBound * chunkSize, settings.permutations)
    let pooled = try estimator.estimate(model, data: split.data)
    let observed = pairs.flatMap { pair in
      (0..<m).map { abs(values[pair.0].values[$0] - values[pair.1].values[$0]) }
    }
    // The permutations re-estimate the groups' compared statistics, and with MICOM their weights.
    let layout = pooled.layout
    let engineCatalog =
      settings.micom && !settings.statistics.contains(.weight)
      ? StatisticCatalog(
        layout: layout, families: settings.statistics.union([.weight]),
        consistent: pooled.settings.consistent, structure: true) : catalog
    let width = engineCatalog.count
    let slot = keys.map { engineCatalog.keys.firstIndex(of: $0) ?? 0 }
    let weightSlot = (0..<layout.p).map { i in
      engineCatalog.keys.firstIndex(
        of: .weight(
          construct: layout.constructNames[layout.blockOf[i]], indicator: layout.indicatorNames[i]))
        ?? 0
    }
    let engine = PermutationEngine(
      data: pooled.prepared.standardized,
      kernel: PLSKernel(layout: layout, settings: pooled.settings), catalog: engineCatalog,
      sizes: split.groups.map(\.observations), seed: settings.seed, threads: threads,
      interaction: pooled.model.hasInteractions
        ? (InteractionDesign(model: pooled.model, settings: pooled.settings), pooled.settings)
        : nil)
    let counts = WorkerCounts(workers: threads, width: pairs.count * m)
    let G = estimates.count
    let keep = settings.keepDraws
    let rows = KeptRows(count: keep ? range.count * G * m : 0)
    let first = range.lowerBound

    // MICOM's statistics of every permutation, from the same permuted rows and re-estimates.
    let J = layout.J
    let micomWidth = pairs.count * J * 3
    let micomStatistics = settings.micom ? MICOMStatistics(pooled: pooled) : nil
    let micomTallies = micomStatistics.map { statistics in
      MICOMTallies(
        workers: threads,
        original: pairs.flatMap { pair in
          (0..<J).flatMap { j in
            statistics.original(estimates, groups: split.groups, pair: pair, construct: j)
          }
        }, permutations: settings.permutations)
    }
    let n = split.groups.reduce(0) { $0 + $1.observations }
    let micomDraws = KeptRows(count: keep && settings.micom ? range.count * micomWidth : 0)
    let micomRows = KeptIndices(count: keep && settings.micom ? range.count * n : 0)
    let sizes = split.groups.map(\.observations)
    let offsets = sizes.indices.map { g in sizes[..<g].reduce(0, +) }

    let failed = engine.run(range) { i, permuted, statistics, worker in
      if keep, settings.micom { micomRows.copy(from: permuted, at: (i - first) * n, count: n) }
      guard let statistics else {
        if keep { rows.fill(at: (i - first) * G * m, count: G * m, with: .nan) }
        if keep, settings.micom {
          micomDraws.fill(at: (i - first) * micomWidth, count: micomWidth, with: .nan)
        }
        return
      }
      if keep {
        let row = rows.slot((i - first) * G * m)
        for g in 0..<G {
          for k in 0..<m { row[g * m + k] = statistics[g * width + slot[k]] }
        }
      }
      let local = counts.row(worker)
      for (q, pair) in pairs.enumerated() {
        let a = statistics + pair.0 * width
        let b = statistics + pair.1 * width
        for k in 0..<m {
          let d = a[slot[k]] - b[slot[k]]
          let o = observed[q * m + k]
          if d > o || d < -o { local[q * m + k] += 1 }
        }
      }
      guard let micom = micomStatistics, let tallies = micomTallies else { return }
      let kept = keep ? micomDraws.slot((i - first) * micomWidth) : nil
      for (q, pair) in pairs.enumerated() {
        let a = statistics + pair.0 * width
        let b = statistics + pair.1 * width
        for j in 0..<J {
          let c = micom.composition({ a[weightSlot[$0]] }, { b[weightSlot[$0]] }, construct: j)
          let ma = micom.moments(permuted + offsets[pair.0], sizes[pair.0], construct: j)
          let mb = micom.moments(permuted + offsets[pair.1], sizes[pair.1], construct: j)
          let t = (q * J + j) * 3
          let draw = (c, ma.mean - mb.mean, log(ma.variance) - log(mb.variance))
          tallies.add(draw.0, tally: t, worker: worker)
          tallies.add(draw.1, tally: t + 1, worker: worker)
          tallies.add(draw.2, tally: t + 2, worker: worker)
          if let kept {
            kept[t] = draw.0
            kept[t + 1] = draw.1
            kept[t + 2] = draw.2
          }
        }
      }
    }
    let micom = micomTallies.map { tallies in
      MICOMState(
        permutations: settings.permutations, constructs: layout.constructNames,
        pairs: pairs.count, tallies: tallies.tallies(),
        draws: keep ? micomDraws.array() : nil, rows: keep ? micomRows.array() : nil)
    }
    let permutation = PermutationState(
      permutations: settings.permutations, seed: settings.seed, chunkSize: chunkSize,
      firstChunk: chunkRange.lowerBound, chunkCount: chunkRange.count,
      keys: keys.map(\.description), groupSizes: split.groups.map(\.observations),
      exceedances: counts.totals(), failed: failed, draws: keep ? rows.array() : nil,
      micom: micom)
    return MultiGroupState(bootstraps: bootstraps, permutation: permutation)
  }

  /// Finishes the (whole or merged) `state` of this analysis into the result.
  public func result(_ model: PathModel, groups split: GroupSplit, state: MultiGroupState) throws
    -> MultiGroupResult
  {
    let estimates = try estimates(model, groups: split)
    guard let reference = estimates.first else {
      throw GroupingError.singleGroup(
        column: split.column, value: "none", source: split.data.source)
    }
    let keys = catalog(reference).keys
    let m = keys.count
    let values = try tables(estimates, keys: keys, split: split)
    let pairs = Self.pairs(estimates.count)
    guard state.bootstraps.isEmpty || state.bootstraps.count == estimates.count else {
      throw BootstrapError.incompatibleShards(
        "the state holds \(state.bootstraps.count) group bootstraps for \(estimates.count) groups")
    }
    var groups: [MultiGroupResult.GroupEstimate] = []
    var draws: [KeptDraws?] = []
    for (g, estimate) in estimates.enumerated() {
      var bootstrap: BootstrapResult?
      var kept: KeptDraws?
      if g < state.bootstraps.count {
        do {
          bootstrap = try BootstrapResult(state: state.bootstraps[g], estimate: estimate)
        } catch {
          throw GroupingError.groupFailed(
            group: split.groups[g].name, column: split.column, message: "\(error)")
        }
        kept = state.bootstraps[g].draws
      }
      groups.append(
        .init(
          group: split.groups[g], estimate: estimate, bootstrap: bootstrap,
          bootstrapDraws: settings.keepDraws ? kept?.values : nil))
      draws.append(kept)
    }
    var exceed = [Int](repeating: 0, count: pairs.count * m)
    var permutations = 0
    var failedPermutations = 0
    if let permutation = state.permutation {
      guard permutation.keys == keys.map(\.description),
        permutation.groupSizes == split.groups.map(\.observations),
        permutation.covered == 0..<permutation.permutations
      else {
        throw BootstrapError.incompatibleShards(
          "the permutation state belongs to other groups or statistics, or covers only part of the permutations"
        )
      }
      exceed = permutation.exceedances
      permutations = permutation.permutations
      failedPermutations = permutation.failed
    }
    let validPermutations = permutations - failedPermutations
    var micom: MICOM?
    if settings.micom {
      guard let micomState = state.permutation?.micom else {
        throw BootstrapError.incompatibleShards(
          "the state holds no MICOM permutations (made without MICOM)")
      }
      micom = try MICOM(
        pooled: try estimator.estimate(model, data: split.data), estimates: estimates,
        groups: split, state: micomState, failed: failedPermutations)
    }

    // The differences and their tests.
    var differences: [MultiGroupResult.Difference] = []
    for (q, pair) in pairs.enumerated() {
      let (a, b) = pair
      let n = (groups[a].estimate.observations, groups[b].estimate.observations)
      for k in 0..<m {
        let key = keys[k]
        let difference = values[a].values[k] - values[b].values[k]
        let fixed = values[a].fixedByConstruction[k] && values[b].fixedByConstruction[k]
        var pPermutation: Double?
        if permutations > 0, validPermutations > 0, !fixed {
          pPermutation = Double(exceed[q * m + k]) / Double(validPermutations)
        }
        var pHenseler: Double?
        var pParametric: Double?
        var welch: (p: Double, degreesOfFreedom: Double)?
        if !fixed, let sa = groups[a].bootstrap?.statistics[key],
          let sb = groups[b].bootstrap?.statistics[key]
        {
          let se = (sa.standardError, sb.standardError)
          pParametric = GroupDifferenceTests.parametricP(
            difference: difference, standardErrors: se, observations: n)
          welch = GroupDifferenceTests.welch(
            difference: difference, standardErrors: se, observations: n)
          if let da = draws[a], let db = draws[b],
            let p = GroupDifferenceTests.henselerP(da.column(k), db.column(k))
          {
            pHenseler = settings.henseler == .oneSided ? p : GroupDifferenceTests.twoSided(p)
          }
        }
        differences.append(
          .init(
            key: key, first: a, second: b, difference: difference, pPermutation: pPermutation,
            pHenseler: pHenseler, pParametric: pParametric, pWelch: welch?.p,
            welchDegreesOfFreedom: welch?.degreesOfFreedom))
      }
    }
    return MultiGroupResult(
      column: split.column, groups: groups, keys: keys, differences: differences,
      permutations: permutations, failedPermutations: failedPermutations,
      seed: settings.seed, henseler: settings.henseler,
      permutationDraws: state.permutation?.draws, micom: micom)
  }

  /// Every pair (a, b), a < b, in order.
  static func pairs(_ count: Int) -> [(Int, Int)] {
    (0..<count).flatMap { a in ((a + 1)..<count).map { (a, $0) } }
  }

  private func validate() throws(BootstrapError) {
    guard settings.permutations >= 0, settings.permutations <= BootstrapState.maximumResamples
    else {
      throw .invalidSetting(
        InvalidSettingValue(
          .permutations, "must lie between 0 and \(BootstrapState.maximumResamples)",
          got: "\(settings.permutations)"))
    }
    guard settings.resamples == 0 || settings.resamples >= 2 else {
      throw .invalidSetting(
        InvalidSettingValue(.resamples, "must be 0 or at least 2", got: "\(settings.resamples)"))
    }
    guard !settings.micom || settings.permutations >= 1 else {
      throw .invalidSetting(
        InvalidSettingValue(.permutations, "must be 1 or more for MICOM", got: "0"))
    }
    if let threads = settings.threads, threads < 1 || threads > 1024 {
      throw .invalidSetting(
        InvalidSettingValue(.threads, "must lie between 1 and 1024", got: "\(threads)"))
    }
  }
}

/// A buffer of doubles written by several threads at disjoint positions.
final class KeptRows: @unchecked Sendable {
  private let base: UnsafeMutablePointer<Double>
  let count: Int

  init(count: Int) {
    self.count = count
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: .nan, count: max(count, 1))
  }

  deinit { base.deallocate() }

  func copy(from source: UnsafePointer<Double>, at offset: Int, count: Int) {
    (base + offset).update(from: source, count: count)
  }

  func fill(at offset: Int, count: Int, with value: Double) {
    (base + offset).update(repeating: value, count: count)
  }

  /// The buffer at `offset`, for a worker that writes its own rows in place.
  func slot(_ offset: Int) -> UnsafeMutablePointer<Double> { base + offset }

  func array() -> [Double] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// A buffer of integers written by several threads at disjoint positions.
final class KeptIndices: @unchecked Sendable {
  private let base: UnsafeMutablePointer<Int>
  let count: Int

  init(count: Int) {
    self.count = count
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: 0, count: max(count, 1))
  }

  deinit { base.deallocate() }

  func copy(from source: UnsafePointer<Int>, at offset: Int, count: Int) {
    (base + offset).update(from: source, count: count)
  }

  func array() -> [Int] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// Integer counts, one row per worker thread, each written only by its worker; their totals do
/// not depend on which worker counted what.
final class WorkerCounts: @unchecked Sendable {
  private let base: UnsafeMutablePointer<Int>
  let workers: Int
  let width: Int

  init(workers: Int, width: Int) {
    self.workers = workers
    self.width = width
    base = .allocate(capacity: max(workers * width, 1))
    base.initialize(repeating: 0, count: max(workers * width, 1))
  }

  deinit { base.deallocate() }

  func row(_ worker: Int) -> UnsafeMutablePointer<Int> { base + worker * width }

  func totals() -> [Int] {
    (0..<width).map { j in (0..<workers).reduce(0) { $0 + base[$1 * width + j] } }
  }
}
