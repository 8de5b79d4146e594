import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Bit-identical results for a seed, whatever the thread count or the split into shards
/// (issue 5's acceptance tests at library level).
@Suite("Bootstrap determinism: threads and shards")
struct BootstrapDeterminismTests {
  /// 2,100 resamples: three chunks (1,024, 1,024 and 52), so chunk boundaries, the pilot chunk
  /// and a short final chunk are all exercised.
  static let resamples = 2100

  /// The two ways of summarising draws: all kept (exact quantiles; the default budget) and the
  /// sketch (a budget of 0).
  static let budgets = [BootstrapSettings.defaultExactQuantileBudget, 0]

  @Test(
    "same seed → identical result and state JSON for 1, 2 and 3 threads (exact and sketch)",
    arguments: [ConfidenceIntervalMethod.percentile, .bca], budgets)
  func threadCountDoesNotMatter(method: ConfidenceIntervalMethod, budget: Int) throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    var states: [BootstrapState] = []
    var bits: [[String: [UInt64]]] = []
    for threads in [1, 2, 3] {
      let settings = BootstrapSettings(
        resamples: Self.resamples, seed: 17, threads: threads, confidenceInterval: method,
        exactQuantileBudget: budget)
      let state = try Bootstrapper(settings: settings).run(estimate)
      #expect(state.keepsDraws == (budget > 0))
      states.append(state)
      bits.append(BootstrapTestSupport.bits(try BootstrapResult(state: state, estimate: estimate)))
    }
    #expect(bits[0] == bits[1])
    #expect(bits[0] == bits[2])
    // The state records the thread count only in its settings; apart from that, byte-identical JSON.
    let json = try states.map { state -> Data in
      var s = state
      s.settings.threads = nil
      return try BootstrapTestSupport.json(s)
    }
    #expect(json[0] == json[1])
    #expect(json[0] == json[2])
    // And the result is not trivially constant: other seeds give other numbers.
    guard method == .percentile else { return }
    let other = try Bootstrapper(
      settings: BootstrapSettings(
        resamples: Self.resamples, seed: 18, threads: 2, confidenceInterval: method,
        exactQuantileBudget: budget)
    )
    .result(estimate)
    #expect(BootstrapTestSupport.bits(other) != bits[0])
  }

  @Test(
    "one run and four shards merged give bit-identical statistics (exact and sketch)",
    arguments: budgets)
  func shardsMergeExactly(budget: Int) throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    // 5 chunks over 4 shards (the last chunk holds a single resample): 1, 1, 1 and 2 chunks.
    let settings = BootstrapSettings(
      resamples: 4097, seed: 23, threads: 2, exactQuantileBudget: budget)
    let single = try Bootstrapper(settings: settings).run(estimate)
    let shards = try (1...4).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 4))
    }
    #expect(shards.map(\.chunkCount) == [1, 1, 1, 2])
    // Any order of the shard list.
    let merged = try BootstrapTestSupport.merge(shards, order: [2, 0, 3, 1])
    #expect(merged == single)
    #expect(try BootstrapTestSupport.json(merged) == BootstrapTestSupport.json(single))
    let a = try BootstrapResult(state: single, estimate: estimate)
    let b = try BootstrapResult(state: merged, estimate: estimate)
    #expect(BootstrapTestSupport.bits(a) == BootstrapTestSupport.bits(b))

    // A shard run with another thread count merges all the same.
    var oneThread = settings
    oneThread.threads = 1
    let shard2 = try Bootstrapper(settings: oneThread).run(
      estimate, shard: ShardSpec(index: 2, count: 4))
    let mixed = try BootstrapTestSupport.merge([shards[0], shard2, shards[2], shards[3]])
    #expect(
      BootstrapTestSupport.bits(try BootstrapResult(state: mixed, estimate: estimate))
        == BootstrapTestSupport.bits(a))

    // Shard files survive the round trip through their JSON (what `plssem bootstrap --shard`
    // writes and `plssem merge` reads), draws and sketch included.
    let files = try shards.enumerated().map { k, state in
      let data = try BootstrapTestSupport.shard(state, k + 1, of: 4).encoded()
      return (source: "s\(k + 1).json", shard: try BootstrapShard.decode(data, source: "s.json"))
    }
    #expect(try BootstrapShard.merge(files) == single)
  }

  /// BCa through shards (each shard carries the jackknife acceleration), with more shards than
  /// chunks: 2,100 resamples are 3 chunks, so shard 1 of 4 covers no chunk at all. Empty shards
  /// merge, in any order of the list, into exactly the single run.
  @Test(
    "BCa shards and empty shards (more shards than chunks) merge exactly, in any order",
    arguments: budgets)
  func bcaAndEmptyShards(budget: Int) throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let settings = BootstrapSettings(
      resamples: 2100, seed: 5, threads: 2, confidenceInterval: .bca, exactQuantileBudget: budget)
    let single = try Bootstrapper(settings: settings).run(estimate)
    #expect(single.acceleration != nil)
    let shards = try (1...4).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 4))
    }
    #expect(shards.map(\.chunkCount) == [0, 1, 1, 1])
    let expected = BootstrapTestSupport.bits(try BootstrapResult(state: single, estimate: estimate))
    for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1]] {
      let merged = try BootstrapTestSupport.merge(shards, order: order)
      #expect(merged == single, "order \(order)")
      #expect(
        BootstrapTestSupport.bits(try BootstrapResult(state: merged, estimate: estimate))
          == expected,
        "order \(order)")
    }
    // The empty shard's file is valid too (it has no draws, so no minimum or maximum: these
    // must still encode as JSON numbers), and the decoded shards merge exactly.
    let decoded = try shards.enumerated().map { k, state in
      let data = try BootstrapTestSupport.shard(state, k + 1, of: 4).encoded()
      return (source: "s\(k + 1).json", shard: try BootstrapShard.decode(data, source: "s.json"))
    }
    #expect(try BootstrapShard.merge(decoded.reversed()) == single)
  }

  @Test("merging rejects missing, duplicated and foreign shards, naming the files")
  func mergeRejectsBadShardSets() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    // 1,100 resamples: two chunks, one per shard.
    let settings = BootstrapSettings(resamples: 1100, seed: 9, threads: 2)
    let states = try (1...2).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 2))
    }
    let one = (source: "one.json", shard: try BootstrapTestSupport.shard(states[0], 1, of: 2))
    let two = (source: "two.json", shard: try BootstrapTestSupport.shard(states[1], 2, of: 2))
    #expect(try BootstrapShard.merge([one, two]).chunkCount == 2)
    func refused(_ shards: [(source: String, shard: BootstrapShard)], _ fragments: [String])
      throws
    {
      let error = try #require(throws: BootstrapError.self) { try BootstrapShard.merge(shards) }
      for fragment in fragments {
        #expect("\(error)".contains(fragment), "\(error) lacks \(fragment)")
      }
    }
    try refused([one], ["2/2", "missing", "one.json"])
    try refused([two], ["1/2", "missing", "two.json"])
    try refused([one, two, two], ["2/2", "twice", "two.json"])
    try refused([], ["no shards"])
    // Another seed, another resample count, other estimation settings, other data.
    func foreign(_ settings: BootstrapSettings, _ estimate: PLSEstimate) throws -> (
      source: String, shard: BootstrapShard
    ) {
      let state = try Bootstrapper(settings: settings).run(
        estimate, shard: ShardSpec(index: 2, count: 2))
      return ("foreign.json", try BootstrapTestSupport.shard(state, 2, of: 2))
    }
    var otherSeed = settings
    otherSeed.seed = 10
    try refused([one, try foreign(otherSeed, estimate)], ["foreign.json", "seed 10", "seed 9"])
    var otherCount = settings
    otherCount.resamples = 1200
    try refused([one, try foreign(otherCount, estimate)], ["1200", "1100"])
    var otherLevel = settings
    otherLevel.level = 0.9
    try refused([one, try foreign(otherLevel, estimate)], ["bootstrap settings"])
    let factorial = try PLSEstimator(settings: PLSSettings(scheme: .factorial)).estimate(
      estimate.model, data: ExampleData.corpRep())
    try refused([one, try foreign(settings, factorial)], ["estimation settings"])
    try refused([one, try foreign(settings, try ExampleData.mobiEstimate())], ["models"])
    // Other provenance: the caller's options or input files differ.
    var otherOptions = two
    otherOptions.shard.provenance.arguments = ["--missing-code", "-99"]
    try refused([one, otherOptions], ["other options", "-99"])
    var otherFile = two
    otherFile.shard.provenance.files = [.init(role: "data", path: "x.csv", digest: "d")]
    try refused([one, otherFile], ["data", "two.json"])
    #expect(throws: BootstrapError.self) { try ShardSpec(index: 0, count: 3) }
    #expect(throws: BootstrapError.self) { try ShardSpec(index: 4, count: 3) }
  }

  /// The draw sink sees every resample once, in resample order, and its draws reproduce the
  /// streamed moments (mean and SE) of the result.
  @Test("the draw sink receives every resample in order, consistent with the moments")
  func drawSink() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    final class Collected: @unchecked Sendable {
      let lock = NSLock()
      var firsts: [Int] = []
      var rows: [[Double]?] = []
    }
    let collected = Collected()
    let result = try Bootstrapper(settings: BootstrapSettings(resamples: 2100, seed: 3, threads: 2))
      .result(
        estimate,
        draws: { first, draws in
          collected.lock.lock()
          collected.firsts.append(first)
          collected.rows += draws
          collected.lock.unlock()
        })
    #expect(collected.firsts == [0, 1024, 2048])
    #expect(collected.rows.count == 2100)
    let rows = collected.rows.compactMap { $0 }
    #expect(rows.count == 2100 - result.failed)
    for (k, key) in result.keys.enumerated() {
      let values = rows.map { $0[k] }
      let mean = values.reduce(0, +) / Double(values.count)
      let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1))
        .squareRoot()
      let s = try #require(result.statistics[key])
      #expect(abs(s.bootstrapMean - mean) < 1e-12, "\(key)")
      #expect(abs(s.standardError - sd) < 1e-12 * max(1, sd), "\(key)")
    }
  }
}
