import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import PLSSEM

/// The batched resample kernel (issue 14.4): the cross-products of 64 resamples are formed by
/// one product, and work is handed out in blocks of 64 inside chunks of 1,024. A resample's
/// arithmetic must not depend on its neighbours in the batch, on how many of the batch's
/// columns are used, on the thread that computes it or on the shard split.
@Suite("Bootstrap batches: blocks of 64 across chunks, threads and shards")
struct BootstrapBatchTests {
  /// The kept draws of a run (exact mode), row r = resample r (NaN where it failed).
  static func draws(_ state: BootstrapState) throws -> [Double] {
    try #require(state.draws).values
  }

  @Test(
    "odd B and odd shard splits: the same bits as one thread, across batch and chunk boundaries",
    arguments: [BootstrapSettings.defaultExactQuantileBudget, 0])
  func oddSplits(budget: Int) throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    // 3,077 resamples: 4 chunks (1,024, 1,024, 1,024 and 5); the last chunk is one short block
    // and chunk 2 ends a full block at 3,071, then the short block 3,072 ..< 3,077.
    var settings = BootstrapSettings(
      resamples: 3077, seed: 41, threads: 1, exactQuantileBudget: budget)
    let reference = try Bootstrapper(settings: settings).run(estimate)
    for threads in [2, 3, 5] {
      settings.threads = threads
      var state = try Bootstrapper(settings: settings).run(estimate)
      state.settings.threads = 1
      #expect(state == reference, "\(threads) threads")
    }
    // 3 shards (chunks 1, 1, 2) and 4 shards (1 each), with 3 and 2 threads.
    for (count, threads) in [(3, 3), (4, 2), (2, 5)] {
      settings.threads = threads
      let shards = try (1...count).map { k in
        try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: count))
      }
      var merged = try BootstrapTestSupport.merge(shards, order: Array((0..<count).reversed()))
      merged.settings.threads = 1
      #expect(merged == reference, "\(count) shards, \(threads) threads")
    }
  }

  @Test("a resample's draws do not depend on B: a short last batch equals the full one")
  func shortLastBatch() throws {
    let estimate = try ExampleData.mobiEstimate()
    // B = 1,000 ends with a batch of 40 (960 ..< 1,000); in B = 1,100 the batch 960 ..< 1,024
    // is full and the run goes on into chunk 1.
    let short = try Self.draws(
      Bootstrapper(settings: BootstrapSettings(resamples: 1000, seed: 3, threads: 2)).run(
        estimate))
    let long = try Self.draws(
      Bootstrapper(settings: BootstrapSettings(resamples: 1100, seed: 3, threads: 3)).run(
        estimate))
    #expect(short.count * 11 == long.count * 10)
    #expect(short.map(\.bitPattern) == long.prefix(short.count).map(\.bitPattern))
  }

  @Test("batched cross-products: a resample's column ignores the others; close to the gather path")
  func batchColumnsAreIndependent() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let bootstrapper = Bootstrapper(settings: BootstrapSettings(resamples: 200, seed: 8))
    let catalog = bootstrapper.catalog(for: estimate)
    let kernel = PLSKernel(layout: estimate.layout, settings: estimate.settings)
    let data = estimate.prepared.standardized
    let batched = data.storage.withUnsafeBufferPointer {
      BatchedCrossProducts(data: $0.baseAddress!, rows: data.rows, columns: data.columns)
    }
    func evaluator(_ batched: BatchedCrossProducts?) -> ResampleEvaluator {
      ResampleEvaluator(
        data: data, kernel: kernel, catalog: catalog, signChange: .none,
        originalWeights: estimate.weights, originalLoadings: estimate.loadings, seed: 8,
        batched: batched)
    }
    let m = catalog.count
    func rows(_ e: ResampleEvaluator, first: Int, count: Int, columns: Range<Int>) -> [[Double]] {
      e.prepareBatch(first: first, count: count)
      return columns.map { j in
        var row = [Double](repeating: .nan, count: m)
        let outcome = row.withUnsafeMutableBufferPointer {
          e.evaluate(batchColumn: j, into: $0.baseAddress!)
        }
        #expect(outcome != .failed)
        return row
      }
    }
    let full = rows(evaluator(batched), first: 128, count: 64, columns: 0..<64)
    // The same batch with only its first 7 columns drawn (the others zero).
    let partial = rows(evaluator(batched), first: 128, count: 7, columns: 0..<7)
    for j in 0..<7 { #expect(full[j].map(\.bitPattern) == partial[j].map(\.bitPattern)) }
    // Unbatched (gather and multiply each resample): the same resamples up to rounding.
    let single = rows(evaluator(nil), first: 128, count: 64, columns: 0..<64)
    var largest = 0.0
    for j in 0..<64 {
      for k in 0..<m { largest = max(largest, abs(full[j][k] - single[j][k])) }
    }
    #expect(largest < 1e-12, "largest difference \(largest)")
  }

  /// `count` indices of `ResampleStream.forEachIndex` and of `nextIndex(below:)` one at a time.
  static func bothStreams(seed: UInt64, resample: UInt64, bound: Int, count: Int) -> (
    eightBlocks: [Int], scalar: [Int]
  ) {
    var stream = ResampleStream(seed: seed, resample: resample)
    let scalar = (0..<count).map { _ in stream.nextIndex(below: bound) }
    var got: [Int] = []
    ResampleStream.forEachIndex(seed: seed, resample: resample, below: bound, count: count) {
      got.append($0)
    }
    return (got, scalar)
  }

  @Test("the eight-block index stream equals nextIndex one at a time, rejections included")
  func eightBlockIndices() {
    // Rejection thresholds 2⁶⁴ mod s: 3 · 2⁶¹ → 2⁶² (a quarter of the values rejected),
    // 2⁶² + 1 → 2⁶² − 3 (a quarter), 5 · 2⁶⁰ + 1 → 2⁶⁰ − 3 (a sixteenth), 2³³ + 1 and 7 (some).
    let cases: [(UInt64, UInt64, Int, Int)] = [
      (1, 0, 250, 250), (7, 12_345, 344, 344), (3, 1 << 40 | 9, 7, 1_001), (9, 5, 1, 3),
      (2, 77, 3 << 61, 2_000), (0, UInt64.max, 1_000, 999), (4, 1, 5 << 60 | 1, 1_500),
      (5, 1 << 32, 1 << 62 | 1, 333), (6, (1 << 32) - 1, 1 << 33 | 1, 17), (8, 1 << 48 | 3, 344, 0),
      (10, 2, 1, 1), (11, 3, 2, 16), (12, 4, 3, 15), (13, 1_023, 250, 17), (14, 1_024, 250, 31),
      (15, 63, 5_000, 5_000), (UInt64.max, 64, Int.max, 129), (1 << 63, 65, 1 << 32, 40),
    ]
    for (seed, resample, bound, count) in cases {
      let (got, expected) = Self.bothStreams(
        seed: seed, resample: resample, bound: bound, count: count)
      #expect(got == expected, "seed \(seed), resample \(resample), bound \(bound)")
    }
    // Many streams: every count from 0 to 40 (all positions in the eight-block group of 16
    // values) for bounds n-like and small, resamples around chunk (1,024) and block (64)
    // boundaries and above 2³².
    var mismatches: [String] = []
    for resample: UInt64 in [0, 63, 64, 1_023, 1_024, 4_095, 1 << 32 - 1, 1 << 32, 1 << 32 + 1_025]
    {
      for bound in [1, 2, 3, 10, 250, 344, 1 << 20 | 1, 3 << 61] {
        for count in 0...40 {
          let seed = resample &* 31 &+ UInt64(bound) &+ UInt64(count)
          let (got, expected) = Self.bothStreams(
            seed: seed, resample: resample, bound: bound, count: count)
          if got != expected { mismatches.append("\(seed) \(resample) \(bound) \(count)") }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test("eight Philox blocks side by side equal the scalar block, counters of all sizes")
  func eightBlocks() {
    var random = SeededGenerator(seed: 77)
    for round in 0..<200 {
      let seed = round < 2 ? (round == 0 ? 0 : UInt64.max) : random.next()
      let generator = Philox4x32(seed: seed)
      var counters = [[UInt32]](repeating: [0, 0, 0, 0], count: 8)
      for l in 0..<8 {
        for w in 0..<4 {
          let r = random.next()
          // Zeros and all-ones words now and then, else random.
          counters[l][w] = r % 7 == 0 ? 0 : r % 7 == 1 ? .max : UInt32(truncatingIfNeeded: r >> 8)
        }
      }
      func word(_ w: Int, _ lanes: Range<Int>) -> SIMD4<UInt32> {
        SIMD4(lanes.map { counters[$0][w] })
      }
      var keys = [SIMD4<UInt32>](repeating: .zero, count: 20)
      generator.writeRoundKeys(into: &keys)
      let out = Philox4x32.blocks(
        word(0, 0..<4), word(1, 0..<4), word(2, 0..<4), word(3, 0..<4),
        word(0, 4..<8), word(1, 4..<8), word(2, 4..<8), word(3, 4..<8), roundKeys: keys)
      let words = [out.0, out.1, out.2, out.3, out.4, out.5, out.6, out.7]
      for l in 0..<8 {
        let c = counters[l]
        let expected = generator.block(c[0], c[1], c[2], c[3])
        let got = (0..<4).map { words[(l / 4) * 4 + $0][l % 4] }
        #expect(
          got == [expected.0, expected.1, expected.2, expected.3], "seed \(seed), lane \(l)")
      }
    }
  }

  @Test("a batch's counts are the histograms of nextIndex; unused columns zero after a full batch")
  func batchCounts() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let data = estimate.prepared.standardized
    let n = data.rows
    let batched = data.storage.withUnsafeBufferPointer {
      BatchedCrossProducts(data: $0.baseAddress!, rows: n, columns: data.columns)
    }
    let bootstrapper = Bootstrapper(settings: BootstrapSettings(resamples: 200, seed: 8))
    let seed: UInt64 = 1 << 40 | 12_345
    let evaluator = ResampleEvaluator(
      data: data, kernel: PLSKernel(layout: estimate.layout, settings: estimate.settings),
      catalog: bootstrapper.catalog(for: estimate), signChange: .none,
      originalWeights: estimate.weights, originalLoadings: estimate.loadings, seed: seed,
      batched: batched)
    let batch = BatchedCrossProducts.batchSize
    // A full batch, then short ones (and one above 2³²): columns past `count` must be zero.
    for (first, count) in [(960, 64), (1_024, 7), (4_032, 64), (1 << 32, 1), (1 << 32 | 64, 63)] {
      evaluator.prepareBatch(first: first, count: count)
      for r in 0..<batch {
        var expected = [Double](repeating: 0, count: n)
        if r < count {
          var stream = ResampleStream(seed: seed, resample: UInt64(first + r))
          for _ in 0..<n { expected[stream.nextIndex(below: n)] += 1 }
        }
        let column = Array(UnsafeBufferPointer(start: evaluator.counts + r * n, count: n))
        #expect(column == expected, "batch \(first), column \(r)")
      }
    }
  }

  @Test("packed cross-products give the correlation matrix of the gathered rows")
  func packedCorrelation() throws {
    let n = 37
    let p = 5
    var random = SeededGenerator(seed: 12)
    let x = (0..<(n * p)).map { _ in random.normal() }
    var counts = [Double](repeating: 0, count: n * BatchedCrossProducts.batchSize)
    // Column 3: rows drawn with replacement; the other columns stay zero.
    var indices: [Int] = []
    for _ in 0..<n {
      let i = Int(random.next() % UInt64(n))
      indices.append(i)
      counts[3 * n + i] += 1
    }
    let batched = x.withUnsafeBufferPointer {
      BatchedCrossProducts(data: $0.baseAddress!, rows: n, columns: p)
    }
    var products = [Double](
      repeating: .nan, count: batched.packedCount * BatchedCrossProducts.batchSize)
    batched.multiply(counts: counts, into: &products)
    var fromPacked = [Double](repeating: 0, count: p * p)
    let failed = products.withUnsafeBufferPointer { g in
      InPlaceCorrelation.compute(
        packedCrossProducts: g.baseAddress! + 3 * batched.packedCount, rows: n, columns: p,
        into: &fromPacked)
    }
    #expect(failed == nil)
    #expect(products[batched.packedCount - 1] == 0)  // an unused column
    #expect(products[4 * batched.packedCount - 1] == Double(n))  // the total count
    // The gathered rows' correlations, by the textbook two-pass formula.
    let expected = twoPassCorrelation((0..<p).map { j in indices.map { x[$0 + j * n] } })
    for k in 0..<(p * p) { #expect(abs(fromPacked[k] - expected[k]) < 1e-13) }
  }
}
