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
}
