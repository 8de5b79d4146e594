import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The distribution sketch used beyond the exact-quantile budget, against exact type-7
/// quantiles of the same draws (``TypeSevenQuantile``, itself checked against numpy in
/// ``BootstrapIntervalTests`` and ``TypeSevenQuantileTests``): heavy-tailed, skewed, discrete
/// and far-out-of-pilot draws, and the weak-scale HTMT whose bootstrap draws reach 10⁸.
@Suite("Distribution sketch vs exact quantiles")
struct BootstrapSketchTests {
  /// Levels 0.001 … 0.999, where the sketch's error is bounded (its DocC comment).
  static let levels = [
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995,
    0.999,
  ]

  /// A sketch of `draws` with bins from `pilot`, added in chunks of 1,024 as the bootstrap does.
  static func sketch(pilot: [Double], draws: [Double]) -> DistributionSketch {
    var sketch = DistributionSketch(pilot: pilot.map { [$0] }, statistics: 1)
    draws.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      while start < draws.count {
        let count = min(1024, draws.count - start)
        sketch.add(statistic: 0, values: base + start, count: count, original: 0)
        start += count
      }
    }
    return sketch
  }

  /// Checks every level: the error is below the width of the bin at the quantile,
  /// `max(2^s, |q − anchor|/4096)` (twice that for the interpolation between two order
  /// statistics), and below 0.01 SD of the draws. Returns the largest error in SD.
  @discardableResult
  static func expectAccurate(
    _ sketch: DistributionSketch, draws: [Double], _ label: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Double {
    let sorted = draws.sorted()
    let n = Double(draws.count)
    let mean = draws.reduce(0, +) / n
    let sd = (draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
    #expect(sketch.count(0) == draws.count, "\(label): counts", sourceLocation: sourceLocation)
    var worst = 0.0
    for p in levels {
      let exact = TypeSevenQuantile.quantile(sorted: sorted, p)
      let approximate = sketch.quantile(0, p, total: draws.count)
      let width = max(
        Double(sign: .plus, exponent: sketch.widthExponent[0], significand: 1),
        abs(exact - sketch.anchor[0]) / 4096)
      let error = abs(approximate - exact)
      #expect(
        error <= 2 * width, "\(label) p=\(p): \(approximate) vs \(exact) (bin width \(width))",
        sourceLocation: sourceLocation)
      #expect(
        error <= 0.01 * sd, "\(label) p=\(p): error \(error / sd) SD",
        sourceLocation: sourceLocation)
      worst = max(worst, error / sd)
    }
    // The extremes are exact: nothing is clamped.
    #expect(sketch.quantile(0, 0, total: draws.count) == sorted.first)
    #expect(sketch.quantile(0, 1, total: draws.count) == sorted.last)
    return worst
  }

  @Test("heavy-tailed, skewed and discrete draws, also far outside the pilot's range")
  func syntheticDistributions() throws {
    var random = SeededGenerator(seed: 2024)
    let n = 200_000
    let normal = (0..<n).map { _ in random.normal() }
    let cauchy = (0..<n).map { _ in random.normal() / random.normal() }
    let logNormal = (0..<n).map { _ in Foundation.exp(2 * random.normal()) }
    let ratio = (0..<n).map { _ in (1 + 0.3 * random.normal()) / abs(0.05 + random.normal()) }
    let likert = (0..<n).map { _ in Double(Int(3 + 1.2 * random.normal()).clamped(1, 5)) }
    let contaminated = (0..<n).map { k in k % 50 == 7 ? 1e4 * normal[k] : normal[k] }
    let cases: [(String, [Double], [Double])] = [
      ("normal", Array(normal.prefix(1024)), normal),
      ("Cauchy", Array(cauchy.prefix(1024)), cauchy),
      ("log-normal σ = 2", Array(logNormal.prefix(1024)), logNormal),
      ("ratio of normals", Array(ratio.prefix(1024)), ratio),
      ("5-point items (ties)", Array(likert.prefix(1024)), likert),
      // Tails far outside the pilot's range: 2 % of the draws come from N(0, 10⁴²) and the
      // pilot happens to hold none of them (the outer limits fall among them).
      ("contaminated, pilot without the tail", Array(normal.prefix(1024)), contaminated),
      // A constant pilot (as a statistic that barely moves in 1,024 resamples).
      ("constant pilot", Array(repeating: 0.5, count: 1024), normal.map { 0.5 + 0.01 * $0 }),
    ]
    for (label, pilot, draws) in cases {
      let worst = Self.expectAccurate(Self.sketch(pilot: pilot, draws: draws), draws: draws, label)
      print("sketch, \(label): largest error \(worst) SD")
    }
  }

  @Test("astronomically far draws land in bins; counts are exact and merging is order-free")
  func extremeValuesAndMerging() throws {
    var random = SeededGenerator(seed: 7)
    let pilot = (0..<1024).map { _ in random.normal() }
    var draws = (0..<10_000).map { _ in random.normal() }
    draws += [
      1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e-300, 5e-324,
      -5e-324, 0,
    ]
    let whole = Self.sketch(pilot: pilot, draws: draws)
    #expect(whole.count(0) == draws.count)
    #expect(whole.minimum[0] == -.greatestFiniteMagnitude)
    #expect(whole.maximum[0] == .greatestFiniteMagnitude)
    // Every bin's range holds the draws it counted.
    for x in draws {
      let i = DistributionSketch.index(
        x, anchor: whole.anchor[0], widthExponent: whole.widthExponent[0],
        scaleDown: Double(sign: .plus, exponent: -whole.widthExponent[0], significand: 1))
      let (low, high) = whole.valueRange(0, index: i)
      let d = x - whole.anchor[0]
      let inside = d.isFinite ? (low <= x && x <= high) : true
      #expect(inside, "\(x) in bin \(i) = [\(low), \(high)]")
    }
    // Two halves merged, in either order, equal the whole.
    let first = Self.sketch(pilot: pilot, draws: Array(draws.prefix(5000)))
    var second = Self.sketch(pilot: pilot, draws: Array(draws.dropFirst(5000)))
    var a = first
    a.merge(second)
    second.merge(first)
    #expect(a == whole)
    #expect(second == whole)
    // And the sketch survives its JSON form.
    let data = try JSONEncoder().encode(whole)
    #expect(try JSONDecoder().decode(DistributionSketch.self, from: data) == whole)
  }

  /// The weak scale (`Fixtures/data/weak-scale.*`): the two items of W correlate −0.0027, so
  /// HTMT(B, W) divides by a monotrait correlation that is 0 up to rounding in some resamples:
  /// draws up to ~10⁸. A sketch forced by a budget of 0 against the exact quantiles of the same
  /// run (the kept draws), at every level and for the percentile and BCa limits.
  @Test("weak scale: HTMT draws up to 1e8, sketch within 0.01 SD of the exact limits")
  func weakScale() throws {
    let data = try ExampleData.table("Tests/PLSSEMTests/Fixtures/data/weak-scale.csv")
    let model = try ExampleData.model("Tests/PLSSEMTests/Fixtures/data/weak-scale.model")
    let estimate = try PLSEstimator().estimate(model, data: data)
    var settings = BootstrapSettings(
      resamples: 20_000, seed: 5, threads: 2, confidenceInterval: .bca, level: 0.8,
      maximumFailureShare: 0.5)
    let exact = try Bootstrapper(settings: settings).run(estimate)
    settings.exactQuantileBudget = 0
    let sketched = try Bootstrapper(settings: settings).run(estimate)
    let draws = try #require(exact.draws)
    let sketch = try #require(sketched.sketch)
    let htmt = try #require(exact.keys.firstIndex(of: "htmt:B|W"))
    let column = draws.sortedColumn(htmt)
    #expect(column.last! > 1e6, "the weak scale's HTMT reaches \(column.last!)")
    for k in exact.keys.indices {
      let sorted = draws.sortedColumn(k)
      guard sorted.first != sorted.last else { continue }
      let n = Double(sorted.count)
      let mean = sorted.reduce(0, +) / n
      let sd = (sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
      for p in Self.levels {
        let reference = TypeSevenQuantile.quantile(sorted: sorted, p)
        let value = sketch.quantile(k, p, total: sorted.count)
        #expect(
          abs(value - reference) <= 0.01 * sd,
          "\(exact.keys[k]) p=\(p): \(value) vs \(reference) (SD \(sd))")
      }
    }
    // The reported limits (BCa 80 %, and HTMT's one-sided upper limit) likewise.
    let a = try BootstrapResult(state: exact, estimate: estimate)
    let b = try BootstrapResult(state: sketched, estimate: estimate)
    for key in a.keys {
      let x = try #require(a.statistics[key])
      let y = try #require(b.statistics[key])
      guard !x.isConstant else { continue }
      for (u, v) in [
        (x.ciLower, y.ciLower), (x.ciUpper, y.ciUpper), (x.upperOneSided, y.upperOneSided),
      ] {
        guard let u, let v else {
          #expect(u == nil && v == nil, "\(key)")
          continue
        }
        #expect(abs(u - v) <= 0.01 * x.standardError, "\(key): \(v) vs exact \(u)")
      }
    }
    let upper = try #require(a.statistics[.htmt(row: "B", column: "W")]?.ciUpper)
    print(
      "weak scale, 20,000 resamples: HTMT(B, W) BCa 80 % upper \(upper), largest draw \(column.last!)"
    )
  }
}

extension Comparable {
  fileprivate func clamped(_ low: Self, _ high: Self) -> Self { min(max(self, low), high) }
}
