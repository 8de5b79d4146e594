// Bootstrap benchmarks (issue 14.4): the floor of a resample — its n row indices, its rows and
// their cross-products — done one resample at a time (gather + dgemm, the kernel before the
// batches) and 64 at a time (counts + one dgemm of the rows' outer products, the kernel now),
// side by side with the whole bootstrap, for corp rep simple and ECSI mobi, on one and two
// threads. Every iteration does 1,024 resamples (a chunk), so µs per resample = time / 1,024.
//
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target BootstrapBenchmarks

import Benchmark
import Dispatch
import Foundation
import LinearAlgebra
import PLSSEM

/// Resamples per iteration of every benchmark.
let resamplesPerIteration = 1_024

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
    warmupIterations: 2,
    maxDuration: .seconds(3),
    maxIterations: 1_000
  )

  for model in BootstrapModel.allCases {
    for threads in [1, 2] {
      let suffix = "\(model.name) \(threads)t x1024"
      Benchmark("floor unbatched \(suffix)") { benchmark, floor in
        for _ in benchmark.scaledIterations { blackHole(floor.unbatched(threads: threads)) }
      } setup: {
        try Floor(model.standardizedData())
      }
      Benchmark("floor batched \(suffix)") { benchmark, floor in
        for _ in benchmark.scaledIterations { blackHole(floor.batched(threads: threads)) }
      } setup: {
        try Floor(model.standardizedData())
      }
      // The whole bootstrap of 1,024 resamples (one chunk, exact quantiles: draws, moments,
      // intervals), from the estimate.
      Benchmark("full bootstrap \(suffix)") { benchmark, estimate in
        let bootstrapper = Bootstrapper(
          settings: BootstrapSettings(
            resamples: resamplesPerIteration, seed: 1, threads: threads))
        for _ in benchmark.scaledIterations { blackHole(try bootstrapper.run(estimate)) }
      } setup: {
        try model.estimate()
      }
    }
  }
}

/// The two models of the bootstrap's published speeds.
enum BootstrapModel: CaseIterable {
  case corpRepSimple
  case ecsiMobi

  var name: String { self == .corpRepSimple ? "corp rep simple" : "ECSI mobi" }

  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  var files: (data: String, model: String, missing: [Double]) {
    switch self {
    case .corpRepSimple:
      return (
        "examples/corporate-reputation/corp_rep.csv",
        "examples/corporate-reputation/simple.model", [-99]
      )
    case .ecsiMobi: return ("examples/ecsi-mobi/mobi.csv", "examples/ecsi-mobi/mobi.model", [])
    }
  }

  func estimate() throws -> PLSEstimate {
    let data = try DataTable(
      csvFile: Self.root.appendingPathComponent(files.data).path, missingCodes: files.missing)
    let text = try String(
      contentsOf: Self.root.appendingPathComponent(files.model), encoding: .utf8)
    return try PLSEstimator().estimate(PathModel(syntax: text), data: data)
  }

  /// The model's indicators (n × p), standardised: the shape and scale the bootstrap works on.
  func standardizedData() throws -> Matrix {
    let estimate = try estimate()
    let data = try DataTable(
      csvFile: Self.root.appendingPathComponent(files.data).path, missingCodes: files.missing)
    let columns = estimate.indicatorNames.map { name in
      (data.column(named: name) ?? []).map { $0.isFinite ? $0 : 0 }
    }
    return try Matrix(columnArrays: columns).standardized()
  }
}

/// The floor of 1,024 resamples, unbatched and batched, with its own buffers (one set per
/// thread); seed 1, resamples 0 ..< 1,024 split between the threads in blocks of 64.
final class Floor: @unchecked Sendable {
  let data: Matrix
  let batched: BatchedCrossProducts
  let buffers: [Buffers]

  final class Buffers: @unchecked Sendable {
    let gathered: UnsafeMutablePointer<Double>
    let crossProducts: UnsafeMutablePointer<Double>
    let correlation: UnsafeMutablePointer<Double>
    let counts: UnsafeMutablePointer<Double>
    let products: UnsafeMutablePointer<Double>
    let indices: UnsafeMutablePointer<Int>

    init(n: Int, p: Int, packed: Int) {
      let batch = BatchedCrossProducts.batchSize
      gathered = .allocate(capacity: n * (p + 1))
      gathered.initialize(repeating: 1, count: n * (p + 1))
      crossProducts = .allocate(capacity: (p + 1) * (p + 1))
      correlation = .allocate(capacity: p * p)
      counts = .allocate(capacity: n * batch)
      products = .allocate(capacity: packed * batch)
      indices = .allocate(capacity: n)
    }
  }

  init(_ data: Matrix) throws {
    self.data = data
    let batched = data.storage.withUnsafeBufferPointer {
      BatchedCrossProducts(data: $0.baseAddress!, rows: data.rows, columns: data.columns)
    }
    self.batched = batched
    buffers = (0..<2).map { _ in
      Buffers(n: data.rows, p: data.columns, packed: batched.packedCount)
    }
  }

  /// Runs `body(thread, block)` for the 16 blocks of 64 resamples over `threads` threads.
  private func blocks(threads: Int, _ body: @Sendable (Int, Int) -> Int) -> Int {
    let blockCount = resamplesPerIteration / BatchedCrossProducts.batchSize
    if threads == 1 { return (0..<blockCount).reduce(0) { $0 &+ body(0, $1) } }
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Int>.allocate(capacity: threads)
    defer { results.deallocate() }
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      var sum = 0
      var g = t
      while g < blockCount {
        sum &+= body(t, g)
        g += threads
      }
      results[t] = sum
    }
    return results.reduce(0, &+)
  }

  /// Indices, gather, cross-products by dgemm and correlation matrix, one resample at a time.
  func unbatched(threads: Int) -> Int {
    let n = data.rows
    let p = data.columns
    return data.storage.withUnsafeBufferPointer { source in
      nonisolated(unsafe) let base = source.baseAddress!
      return blocks(threads: threads) { t, g in
        let b = buffers[t]
        var failures = 0
        for r in 0..<BatchedCrossProducts.batchSize {
          var stream = ResampleStream(seed: 1, resample: UInt64(g * 64 + r))
          for k in 0..<n { b.indices[k] = stream.nextIndex(below: n) }
          for j in 0..<p {
            let from = base + j * n
            let to = b.gathered + j * n
            for k in 0..<n { to[k] = from[b.indices[k]] }
          }
          if InPlaceCorrelation.compute(
            augmentedData: b.gathered, rows: n, columns: p, workspace: b.crossProducts,
            into: b.correlation) != nil
          {
            failures += 1
          }
        }
        return failures
      }
    }
  }

  /// The same resamples 64 at a time: counts (drawn as the bootstrap draws them), one dgemm, then
  /// each correlation matrix.
  func batched(threads: Int) -> Int {
    let n = data.rows
    let p = data.columns
    let batch = BatchedCrossProducts.batchSize
    return blocks(threads: threads) { t, g in
      let b = buffers[t]
      b.counts.update(repeating: 0, count: n * batch)
      for r in 0..<batch {
        // The bootstrap's own drawing (eight Philox blocks side by side): the same indices as
        // `nextIndex` one at a time.
        let column = b.counts + r * n
        ResampleStream.forEachIndex(seed: 1, resample: UInt64(g * batch + r), below: n, count: n) {
          column[$0] += 1
        }
      }
      batched.multiply(counts: b.counts, into: b.products)
      var failures = 0
      for r in 0..<batch {
        if InPlaceCorrelation.compute(
          packedCrossProducts: b.products + r * batched.packedCount, rows: n, columns: p,
          into: b.correlation) != nil
        {
          failures += 1
        }
      }
      return failures
    }
  }
}
