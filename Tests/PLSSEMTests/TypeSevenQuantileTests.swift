import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// ``TypeSevenQuantile`` against numpy's `quantile(method="linear")` (Hyndman & Fan's type 7,
/// R's default), `Fixtures/bootstrap/type7_quantiles_numpy.json` from
/// `scripts/fixtures/make_interval_fixtures.py`: one and two values, ties, mixed signs, and
/// seeded samples, at levels 0 … 1.
@Suite("Type-7 quantiles vs numpy")
struct TypeSevenQuantileTests {
  struct Fixture: Decodable {
    struct Case: Decodable {
      let name: String
      let values: [Double]
      let levels: [Double]
      let quantiles: [Double]
    }
    let cases: [Case]
  }

  @Test("every level of every sample equals numpy's to 1e-12 (relative above 1)")
  func againstNumpy() throws {
    let fixture = try JSONDecoder().decode(
      Fixture.self, from: BootstrapTestSupport.fixture("type7_quantiles_numpy.json"))
    #expect(fixture.cases.count == 7)
    var tracker = ToleranceTracker(
      "type-7 quantiles vs numpy", tolerance: 1e-12, measure: .relativeAboveOne)
    for sample in fixture.cases {
      let sorted = sample.values.sorted()
      var scratch = sample.values
      for (p, expected) in zip(sample.levels, sample.quantiles) {
        tracker.check(
          TypeSevenQuantile.quantile(sorted: sorted, p), expected, "\(sample.name) p=\(p)")
        // Selection (no sort) on the same, partly reordered array gives the same value.
        tracker.check(
          TypeSevenQuantile.quantile(selectingIn: &scratch, p), expected,
          "\(sample.name) p=\(p), by selection")
      }
    }
    tracker.report()
    #expect(TypeSevenQuantile.quantile(sorted: [], 0.5).isNaN)
  }

  /// Selection equals the sorted order statistic, bit for bit, on many ties, sorted and reversed
  /// input and random draws, for every position.
  @Test("selection finds every order statistic of tied, sorted, reversed and random arrays")
  func selectionEqualsSorting() throws {
    var random = SeededGenerator(seed: 99)
    let arrays: [[Double]] = [
      (0..<1000).map { _ in Double(Int(random.uniform() * 5)) },  // heavy ties
      (0..<777).map(Double.init),  // sorted
      (0..<777).map { Double(-$0) },  // reversed
      (0..<2049).map { _ in random.normal() },
      Array(repeating: 3.5, count: 300),
      [2, 1],
    ]
    for values in arrays {
      let sorted = values.sorted()
      // Fresh selectors, and one reused across positions (each search then starts between the
      // positions already placed).
      var reusedValues = values
      try reusedValues.withUnsafeMutableBufferPointer { reusedBuffer in
        var reused = TypeSevenQuantile.Selector(reusedBuffer)
        for k in stride(from: 0, to: values.count, by: max(1, values.count / 97)).shuffled(
          using: &random)
        {
          let next = k + 1 < sorted.count ? sorted[k + 1] : .infinity
          var freshValues = values
          let (a, b) = freshValues.withUnsafeMutableBufferPointer {
            var fresh = TypeSevenQuantile.Selector($0)
            return fresh.orderStatistics(k)
          }
          #expect(a == sorted[k] && b == next, "k = \(k) of \(values.count), fresh")
          let (c, d) = reused.orderStatistics(k)
          #expect(c == sorted[k] && d == next, "k = \(k) of \(values.count), reused")
        }
        _ = try #require(reusedBuffer.baseAddress)
      }
      #expect(reusedValues.sorted() == sorted)  // a permutation of the input
    }
  }

  /// The one-pass bracketing of large samples gives the same quantiles as sorting, for tails,
  /// the centre, ties and levels 0 and 1 (and NaN for a level that is not a number).
  @Test("quantiles of large samples by bracketing equal those of the sorted sample")
  func bracketedQuantiles() throws {
    var random = SeededGenerator(seed: 5)
    let levels = [0, 1e-4, 0.001, 0.025, 0.05, 0.1, 0.5, 0.9, 0.95, 0.975, 0.999, 1, .nan]
    let samples: [[Double]] = [
      (0..<50_000).map { _ in random.normal() },
      (0..<20_001).map { _ in Double(Int(random.uniform() * 3)) },  // three values
      (0..<9000).map { _ in random.normal() / random.normal() },  // Cauchy
      (0..<30_000).map { Double($0) },  // sorted
    ]
    for values in samples {
      let sorted = values.sorted()
      var scratch = values
      let results = scratch.withUnsafeMutableBufferPointer {
        var selector = TypeSevenQuantile.Selector($0)
        return selector.quantiles(levels)
      }
      for (p, value) in zip(levels, results) {
        if p.isNaN {
          #expect(value.isNaN)
        } else {
          let expected = TypeSevenQuantile.quantile(sorted: sorted, p)
          #expect(value == expected, "p = \(p), n = \(values.count): \(value) vs \(expected)")
        }
      }
    }
  }

  /// The bracketed quantiles (selection among the values inside each bracket, since the sort of
  /// them was dropped) against the sorted sample: brackets that the systematic sample misses
  /// (a periodic sample whose every sampled value is an outlier), heavy ties around the limits,
  /// sizes just above the bracketing threshold, and the levels BCa adjusts to near 0 and 1.
  @Test("bracketed quantiles equal sorting where the sample misses, on ties and at the threshold")
  func bracketedQuantilesEdgeCases() throws {
    var random = SeededGenerator(seed: 17)
    let levels = [
      0.025, 0.975, 0.95, 1 / 8192.0, 1 - 1 / 8192.0, 0.5, 0.0001, 0.9999, .nan, 0.3, 0.7,
    ]
    let n = 8192 * 3 + 5
    let step = max(8, n / 4096)
    let samples: [(String, [Double])] = [
      // Every value the sample takes (positions step/2 + i·step) is huge: the brackets miss.
      ("periodic outliers", (0..<n).map { $0 % step == step / 2 ? 1e6 : random.normal() }),
      ("periodic low", (0..<n).map { $0 % step == step / 2 ? -1e6 : random.normal() }),
      ("ties", (0..<n).map { _ in Double(Int(random.uniform() * 40)) / 8 }),
      ("threshold", (0..<8192).map { _ in random.normal() }),
      ("threshold + 1", (0..<8193).map { _ in random.normal() }),
      ("zeros", (0..<10_000).map { _ in random.uniform() < 0.9 ? 0 : random.normal() }),
    ]
    for (name, values) in samples {
      let sorted = values.sorted()
      var scratch = values
      let results = scratch.withUnsafeMutableBufferPointer {
        var selector = TypeSevenQuantile.Selector($0)
        return selector.quantiles(levels)
      }
      #expect(results.count == levels.count)
      for (p, value) in zip(levels, results) {
        if p.isNaN {
          #expect(value.isNaN, "\(name)")
        } else {
          let expected = TypeSevenQuantile.quantile(sorted: sorted, p)
          #expect(value == expected, "\(name), p = \(p): \(value) vs \(expected)")
        }
      }
      #expect(scratch.sorted() == sorted, "\(name): a permutation of the input")
    }
  }
}
