// LinearAlgebra benchmarks: the statistics and solves that the PLS engine and its bootstrap
// lean on. Data is made deterministically in each benchmark's setup (not timed) by the same
// generator as the numpy peer (Benchmarks/peers/numpy_linear_algebra.py), so both sides
// work on the same values.
//
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target LinearAlgebraBenchmarks
// Side by side with numpy: Benchmarks/run-linear-algebra.sh

import Benchmark
import Foundation
import LinearAlgebra

/// Work of one iteration of the OLS benchmark: this many solves of the same 344×5 problem.
let olsSolvesPerIteration = 1_000

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
    warmupIterations: 3,
    maxDuration: .seconds(3),
    maxIterations: 10_000
  )

  // The size of the bundled LED survey: 344 respondents; 10 items. A call takes microseconds,
  // so one measured iteration runs 1,000 calls (scalingFactor) and the tool reports the time
  // per call (the columns marked `*`); the numpy peer does the same.
  Benchmark("correlation 344x10", configuration: .init(scalingFactor: .kilo)) { benchmark, x in
    for _ in benchmark.scaledIterations {
      blackHole(try x.correlation())
    }
  } setup: {
    DeterministicData.normalMatrix(rows: 344, columns: 10, seed: 1)
  }

  // A large data set: 10,000 rows, 200 columns (a 200×200 dgemm of depth 10,000 dominates).
  Benchmark("correlation 10000x200") { benchmark, x in
    for _ in benchmark.scaledIterations {
      blackHole(try x.correlation())
    }
  } setup: {
    DeterministicData.normalMatrix(rows: 10_000, columns: 200, seed: 2)
  }

  // One iteration = 1,000 full OLS fits (intercept + 5 regressors, n = 344): QR solve,
  // residuals, R², standard errors, t, p-values and VIFs, as OLSRegression computes them.
  Benchmark("OLS 344x5 x1000") { benchmark, problem in
    for _ in benchmark.scaledIterations {
      for _ in 0..<olsSolvesPerIteration {
        blackHole(try OLSRegression(response: problem.y, regressors: problem.x, intercept: true))
      }
    }
  } setup: {
    DeterministicData.regressionProblem(rows: 344, columns: 5, seed: 3)
  }
}

/// Deterministic pseudo-random data: SplitMix64 (Steele, Lea & Flood 2014), which is
/// counter-based (output k depends only on seed and k), so the numpy peer computes the same
/// stream vectorised; standard normals by Box–Muller from consecutive pairs of uniforms.
enum DeterministicData {
  static func splitMix64(seed: UInt64, index: UInt64) -> UInt64 {
    var z = seed &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform on (0, 1): the top 53 bits, shifted off zero by half a step.
  static func uniform(seed: UInt64, index: UInt64) -> Double {
    (Double(splitMix64(seed: seed, index: index) >> 11) + 0.5) * 0x1p-53
  }

  /// `count` standard normals; value k uses uniforms 2k and 2k+1.
  static func normals(count: Int, seed: UInt64) -> [Double] {
    (0..<count).map { k in
      let u1 = uniform(seed: seed, index: UInt64(2 * k))
      let u2 = uniform(seed: seed, index: UInt64(2 * k + 1))
      return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
  }

  /// A `rows × columns` matrix of standard normals, filled in column-major order.
  static func normalMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    let values = normals(count: rows * columns, seed: seed)
    return try! Matrix(rows: rows, columns: columns, columnMajor: values)
  }

  /// `y = 1 + X·β + e` with `β = (0.5, −0.3, 0.2, 0.1, 0.4, …)` and standard normal X and e.
  static func regressionProblem(
    rows: Int, columns: Int, seed: UInt64
  ) -> (x: Matrix, y: [Double]) {
    let x = normalMatrix(rows: rows, columns: columns, seed: seed)
    let noise = normals(count: rows, seed: seed &+ 1_000)
    let beta = (0..<columns).map { [0.5, -0.3, 0.2, 0.1, 0.4][$0 % 5] }
    let y = (0..<rows).map { i in
      1 + (0..<columns).reduce(0.0) { $0 + x[i, $1] * beta[$1] } + noise[i]
    }
    return (x, y)
  }
}
