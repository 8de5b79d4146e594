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

  @Test(
    "same seed → identical result and state JSON for 1, 2 and 3 threads",
    arguments: [ConfidenceIntervalMethod.percentile, .bca])
  func threadCountDoesNotMatter(method: ConfidenceIntervalMethod) throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let keys = Bootstrapper.keys(for: estimate)
    var states: [BootstrapState] = []
    var bits: [[String: [UInt64]]] = []
    for threads in [1, 2, 3] {
      let settings = BootstrapSettings(
        resamples: Self.resamples, seed: 17, threads: threads, confidenceInterval: method)
      let state = try Bootstrapper(settings: settings).run(estimate)
      states.append(state)
      bits.append(BootstrapTestSupport.bits(try BootstrapResult(state: state, keys: keys)))
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
        resamples: Self.resamples, seed: 18, threads: 2, confidenceInterval: method)
    )
    .result(estimate)
    #expect(BootstrapTestSupport.bits(other) != bits[0])
  }

  @Test("one run and four shards merged give bit-identical statistics")
  func shardsMergeExactly() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let keys = Bootstrapper.keys(for: estimate)
    // 5 chunks over 4 shards (the last chunk holds a single resample): 1, 1, 1 and 2 chunks.
    let settings = BootstrapSettings(resamples: 4097, seed: 23, threads: 2)
    let single = try Bootstrapper(settings: settings).run(estimate)
    let shards = try (1...4).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 4))
    }
    #expect(shards.map(\.chunkCount) == [1, 1, 1, 2])
    // Any order of the shard list.
    let merged = try Bootstrapper.merge([shards[2], shards[0], shards[3], shards[1]])
    #expect(merged == single)
    #expect(try BootstrapTestSupport.json(merged) == BootstrapTestSupport.json(single))
    let a = try BootstrapResult(state: single, keys: keys)
    let b = try BootstrapResult(state: merged, keys: keys)
    #expect(BootstrapTestSupport.bits(a) == BootstrapTestSupport.bits(b))

    // A shard run with another thread count merges all the same.
    var oneThread = settings
    oneThread.threads = 1
    let shard2 = try Bootstrapper(settings: oneThread).run(
      estimate, shard: ShardSpec(index: 2, count: 4))
    let mixed = try Bootstrapper.merge([shards[0], shard2, shards[2], shards[3]])
    #expect(
      BootstrapTestSupport.bits(try BootstrapResult(state: mixed, keys: keys))
        == BootstrapTestSupport.bits(a))

    // Shard states survive a JSON round trip (what `plssem bootstrap --shard` writes).
    let decoded = try shards.map {
      try JSONDecoder().decode(BootstrapState.self, from: BootstrapTestSupport.json($0))
    }
    #expect(try Bootstrapper.merge(decoded) == single)
  }

  /// BCa through shards (each shard carries the jackknife acceleration), with more shards than
  /// chunks: 2,100 resamples are 3 chunks, so shard 1 of 4 covers no chunk at all. Empty shards
  /// merge, in any order of the list, into exactly the single run.
  @Test("BCa shards and empty shards (more shards than chunks) merge exactly, in any order")
  func bcaAndEmptyShards() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let keys = Bootstrapper.keys(for: estimate)
    let settings = BootstrapSettings(resamples: 2100, seed: 5, threads: 2, confidenceInterval: .bca)
    let single = try Bootstrapper(settings: settings).run(estimate)
    #expect(single.acceleration != nil)
    let shards = try (1...4).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 4))
    }
    #expect(shards.map(\.chunkCount) == [0, 1, 1, 1])
    let expected = BootstrapTestSupport.bits(try BootstrapResult(state: single, keys: keys))
    for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1]] {
      let merged = try Bootstrapper.merge(order.map { shards[$0] })
      #expect(merged == single, "order \(order)")
      #expect(
        BootstrapTestSupport.bits(try BootstrapResult(state: merged, keys: keys)) == expected,
        "order \(order)")
    }
    // The empty shard's state is a valid shard file too (it has no draws, so no minimum or
    // maximum: these must still encode as JSON numbers), and the decoded shards merge exactly.
    let decoded = try shards.map {
      try JSONDecoder().decode(BootstrapState.self, from: BootstrapTestSupport.json($0))
    }
    #expect(try Bootstrapper.merge(decoded.reversed()) == single)
  }

  @Test("merging rejects missing, duplicated and foreign shards")
  func mergeRejectsBadShardSets() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    // 1,100 resamples: two chunks, one per shard.
    let settings = BootstrapSettings(resamples: 1100, seed: 9, threads: 2)
    let shards = try (1...2).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 2))
    }
    #expect(try Bootstrapper.merge(shards).chunkCount == 2)
    #expect(throws: BootstrapError.self) { try Bootstrapper.merge([shards[0]]) }
    #expect(throws: BootstrapError.self) { try Bootstrapper.merge([shards[1]]) }
    #expect(throws: BootstrapError.self) {
      try Bootstrapper.merge([shards[0], shards[1], shards[1]])
    }
    #expect(throws: BootstrapError.self) { try Bootstrapper.merge([]) }
    // Another seed, another resample count, other estimation settings, other data.
    var otherSeed = settings
    otherSeed.seed = 10
    let foreign = try Bootstrapper(settings: otherSeed).run(
      estimate, shard: ShardSpec(index: 2, count: 2))
    #expect(throws: BootstrapError.self) { try Bootstrapper.merge([shards[0], foreign]) }
    var otherCount = settings
    otherCount.resamples = 1200
    let longer = try Bootstrapper(settings: otherCount).run(
      estimate, shard: ShardSpec(index: 2, count: 2))
    #expect(throws: BootstrapError.self) { try Bootstrapper.merge([shards[0], longer]) }
    let factorial = try PLSEstimator(settings: PLSSettings(scheme: .factorial)).estimate(
      estimate.model, data: ExampleData.corpRep())
    let otherScheme = try Bootstrapper(settings: settings).run(
      factorial, shard: ShardSpec(index: 2, count: 2))
    #expect(throws: BootstrapError.self) { try Bootstrapper.merge([shards[0], otherScheme]) }
    let mobi = try ExampleData.mobiEstimate()
    let mobiShard = try Bootstrapper(settings: settings).run(
      mobi, shard: ShardSpec(index: 2, count: 2))
    #expect(throws: BootstrapError.self) { try Bootstrapper.merge([shards[0], mobiShard]) }
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
