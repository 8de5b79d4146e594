import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Interval limits, means, SEs, t and p against numpy/scipy computed from the same draws
/// (`Fixtures/bootstrap/corprep_simple_keptdraws_numpy.json`, written by
/// `scripts/fixtures/make_interval_fixtures.py` from `plssem bootstrap --keep-draws`): exact
/// type-7 quantiles to 1e-12, for one run, for another thread count and for three shards merged
/// through their files; and the sketch within 0.01 bootstrap SD of them.
@Suite("Bootstrap intervals vs numpy on the kept draws")
struct BootstrapIntervalTests {
  struct Fixture: Decodable {
    struct Statistic: Decodable {
      let key: String
      let estimate: Double
      let draws: Int
      let constant: Bool
      let bootstrapMean: Double?
      let standardError: Double?
      let t: Double?
      let p: Double?
      let percentileLower: Double?
      let percentileUpper: Double?
      let percentileUpperOneSided: Double?
      let acceleration: Double?
      let bcaLower: Double?
      let bcaUpper: Double?
      let bcaUpperOneSided: Double?
    }
    let seed: UInt64
    let resamples: Int
    let level: Double
    let statistics: [Statistic]
  }

  static func fixture() throws -> Fixture {
    try JSONDecoder().decode(
      Fixture.self, from: BootstrapTestSupport.fixture("corprep_simple_keptdraws_numpy.json"))
  }

  /// The run's state three ways: one run on 2 threads, one on 1 thread, and shards 1–3 of 3
  /// written to their file format, read back and merged.
  static func states(_ fixture: Fixture, budget: Int) throws -> [(String, BootstrapState)] {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    var settings = BootstrapSettings(
      resamples: fixture.resamples, seed: fixture.seed, threads: 2, level: fixture.level,
      exactQuantileBudget: budget)
    let two = try Bootstrapper(settings: settings).run(estimate)
    settings.threads = 1
    let one = try Bootstrapper(settings: settings).run(estimate)
    let files = try (1...3).map { k in
      let state = try Bootstrapper(settings: settings).run(
        estimate, shard: ShardSpec(index: k, count: 3))
      let data = try BootstrapTestSupport.shard(state, k, of: 3).encoded()
      return (source: "shard-\(k).json", shard: try BootstrapShard.decode(data, source: "s"))
    }
    let merged = try BootstrapShard.merge(files.reversed())
    return [("2 threads", two), ("1 thread", one), ("3 shards merged", merged)]
  }

  @Test("percentile and BCa limits, mean, SE, t and p equal numpy's on the kept draws")
  func exactAgainstNumpy() throws {
    let fixture = try Self.fixture()
    let estimate = try ExampleData.corpRepSimpleEstimate()
    for (label, state) in try Self.states(
      fixture, budget: BootstrapSettings.defaultExactQuantileBudget)
    {
      #expect(state.keepsDraws)
      let percentile = try BootstrapResult(state: state, estimate: estimate)
      var bcaState = state
      bcaState.settings.confidenceInterval = .bca
      let keys = state.keys
      bcaState.acceleration = try keys.map { key in
        try #require(fixture.statistics.first { $0.key == key }).acceleration ?? 0
      }
      let bca = try BootstrapResult(state: bcaState, estimate: estimate)
      #expect(fixture.statistics.count == keys.count)
      var limits = ToleranceTracker(
        "\(label): limits vs numpy", tolerance: 1e-12, measure: .absolute)
      var moments = ToleranceTracker(
        "\(label): mean, SE, t and p vs numpy", tolerance: 1e-10, measure: .relative)
      for expected in fixture.statistics {
        let key = try #require(percentile.keys.first { $0.description == expected.key })
        let ours = try #require(percentile.statistics[key])
        let oursBCa = try #require(bca.statistics[key])
        guard !expected.constant else {
          #expect(ours.isConstant && ours.standardError == 0, "\(label) \(expected.key)")
          #expect(ours.t == nil && ours.p == nil && ours.ciLower == nil, "\(label) \(expected.key)")
          continue
        }
        moments.check(
          ours.bootstrapMean, try #require(expected.bootstrapMean), "\(expected.key) mean")
        moments.check(
          ours.standardError, try #require(expected.standardError), "\(expected.key) SE")
        #expect((ours.t == nil) == (expected.t == nil), "\(label) \(expected.key) t")
        if let t = ours.t, let expectedT = expected.t, let p = ours.p, let expectedP = expected.p {
          moments.check(t, expectedT, "\(expected.key) t")
          moments.check(p, expectedP, "\(expected.key) p")
        }
        let pairs: [(String, Double?, Double?)] = [
          ("percentile lower", ours.ciLower, expected.percentileLower),
          ("percentile upper", ours.ciUpper, expected.percentileUpper),
          ("percentile one-sided upper", ours.upperOneSided, expected.percentileUpperOneSided),
          ("BCa lower", oursBCa.ciLower, expected.bcaLower),
          ("BCa upper", oursBCa.ciUpper, expected.bcaUpper),
          ("BCa one-sided upper", oursBCa.upperOneSided, expected.bcaUpperOneSided),
        ]
        for (what, value, reference) in pairs {
          #expect((value == nil) == (reference == nil), "\(label) \(expected.key) \(what)")
          if let value, let reference { limits.check(value, reference, "\(expected.key) \(what)") }
        }
      }
      limits.report()
      moments.report()
    }
  }

  @Test("the sketch's limits lie within 0.01 bootstrap SD of numpy's exact ones")
  func sketchAgainstNumpy() throws {
    let fixture = try Self.fixture()
    let estimate = try ExampleData.corpRepSimpleEstimate()
    for (label, state) in try Self.states(fixture, budget: 0) {
      #expect(!state.keepsDraws)
      let result = try BootstrapResult(state: state, estimate: estimate)
      var worst = 0.0
      for expected in fixture.statistics where !expected.constant {
        let key = try #require(result.keys.first { $0.description == expected.key })
        let ours = try #require(result.statistics[key])
        let sd = try #require(expected.standardError)
        for (value, reference) in [
          (ours.ciLower, expected.percentileLower), (ours.ciUpper, expected.percentileUpper),
          (ours.upperOneSided, expected.percentileUpperOneSided),
        ] {
          guard let value, let reference else { continue }
          let error = abs(value - reference) / sd
          worst = max(worst, error)
          #expect(error <= 0.01, "\(label) \(expected.key): \(value) vs \(reference) (\(error) SD)")
        }
      }
      print("sketch vs numpy, \(label): largest error \(worst) bootstrap SD")
    }
  }
}

/// `--tails 1`: the p of paths and effects is the one-tailed p in the direction of the
/// estimate's sign (half the two-tailed p of the same t); loadings, weights and HTMT keep their
/// tests; nothing else changes.
@Suite("One- and two-tailed tests")
struct TailsTests {
  @Test("one-tailed p of paths and effects is half the two-tailed p; other tests unchanged")
  func oneTailed() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let settings = BootstrapSettings(resamples: 1100, seed: 4, threads: 2)
    let state = try Bootstrapper(settings: settings).run(estimate)
    var oneTailedState = state
    oneTailedState.settings.tails = .one
    let two = try BootstrapResult(state: state, estimate: estimate)
    let one = try BootstrapResult(state: oneTailedState, estimate: estimate)
    #expect(one.settings.tails == .one)
    var halved = 0
    for key in two.keys {
      let a = try #require(two.statistics[key])
      let b = try #require(one.statistics[key])
      #expect(a.t == b.t && a.ciLower == b.ciLower && a.standardError == b.standardError)
      guard let p2 = a.p, let p1 = b.p, let test = b.test else {
        #expect(a.p == nil && b.p == nil, "\(key)")
        continue
      }
      switch key.family {
      case .path, .totalEffect, .indirectEffect, .specificIndirectEffect:
        #expect(test.alternative == (b.estimate < 0 ? .less : .greater), "\(key)")
        #expect(abs(p1 - p2 / 2) <= 1e-15 * max(p2, 1e-300) + 1e-300, "\(key): \(p1) vs \(p2)")
        halved += 1
      case .htmt:
        #expect(test.nullValue == 1 && test.alternative == .less && p1 == p2, "\(key)")
      default:
        #expect(test.alternative == .twoSided && p1 == p2, "\(key)")
      }
    }
    #expect(halved == 5 + 5 + 2 + 2)  // paths, total, indirect and specific indirect effects
    // R² has an interval but no test.
    let r2 = try #require(two.statistics[.rSquared(construct: "CUSL")])
    #expect(r2.test == nil && r2.t == nil && r2.p == nil && r2.ciLower != nil)
  }
}
