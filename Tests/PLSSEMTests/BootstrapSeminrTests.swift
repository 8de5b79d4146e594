import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The bootstrap against seminr (PyPI `seminr` 0.2.1), an independent implementation, on the
/// corporate reputation simple model. Fixtures: `Fixtures/bootstrap/`, written by
/// `scripts/fixtures/make_bootstrap_fixtures.py` (see the README there).
@Suite("Bootstrap vs seminr")
struct BootstrapSeminrTests {
  struct MonteCarloFixture: Decodable {
    struct Statistic: Decodable {
      let key: String
      let estimate: Double
      let bootstrapMean: Double
      let standardError: Double
      let t: Double
      let ciLower: Double
      let ciUpper: Double
      let relativeMonteCarloErrorOfSE: Double
      let monteCarloErrorOfCILower: Double
      let monteCarloErrorOfCIUpper: Double
    }
    let resamples: Int
    let failed: Int
    let level: Double
    let statistics: [Statistic]
  }

  struct ParityFixture: Decodable {
    struct Statistic: Decodable {
      let key: String
      let estimate: Double
      let bootstrapMean: Double
      let standardError: Double
      let percentileLower: Double
      let percentileUpper: Double
      let z0: Double
      let acceleration: Double
      let bcaLower: Double
      let bcaUpper: Double
      let spacingLower: Double
      let spacingUpper: Double
    }
    let seed: UInt64
    let resamples: Int
    let level: Double
    let statistics: [Statistic]
  }

  /// seminr's own bootstrap (its PCG64 resamples, 10,000 of them) against ours (Philox
  /// resamples, 10,000, another seed): two independent Monte Carlo estimates of the same bootstrap
  /// SEs. The SD of B draws has a relative Monte Carlo error of about `√((κ − 1)/(4B))` (κ the
  /// kurtosis of the draws; `1/√(2(B − 1))` ≈ 0.71 % for normal draws at B = 10,000), so two
  /// independent SEs differ by about √2 · 0.71 % ≈ 1 %: the 5 % bound on every path is about a
  /// 5σ bound. (seminr also mean-replaces the 11 missing cells inside every resample, we once
  /// before resampling; that moves the SEs far less than the Monte Carlo error.)
  ///
  /// Beyond the acceptance test (paths < 5 %), every other statistic seminr bootstraps
  /// (loadings, weights, total effects, HTMT) must agree within 5σ of its own Monte Carlo error
  /// computed from the kurtosis of seminr's draws, and every percentile limit within 5σ of the
  /// limits' Monte Carlo error (binomial method on seminr's draws, times √2 for two runs).
  @Test("SEs and percentile intervals within Monte Carlo error of seminr's (10,000 resamples each)")
  func monteCarloAgreement() throws {
    let fixture = try JSONDecoder().decode(
      MonteCarloFixture.self,
      from: BootstrapTestSupport.fixture("corprep_simple_seminr_bootstrap.json"))
    #expect(fixture.resamples == 10_000)
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let result = try Bootstrapper(
      settings: BootstrapSettings(resamples: 10_000, seed: 424_242, level: fixture.level)
    )
    .result(estimate)
    #expect(result.failed == 0)
    #expect(fixture.failed == 0)
    let byKey = Dictionary(uniqueKeysWithValues: result.keys.map { ($0.description, $0) })
    var paths = 0
    for expected in fixture.statistics {
      let key = try #require(byKey[expected.key], "no statistic \(expected.key)")
      let ours = try #require(result.statistics[key])
      // Same original estimate (the estimation tests check this to 1e-9 already).
      #expect(abs(ours.estimate - expected.estimate) < 1e-9, "\(expected.key) estimate")
      if expected.standardError < 1e-10 {
        // A single-indicator block: loading and weight are 1 by construction.
        #expect(ours.isConstant && ours.standardError == 0 && ours.t == nil, "\(expected.key)")
        continue
      }
      let relative = abs(ours.standardError / expected.standardError - 1)
      if expected.key.hasPrefix("path:") {
        paths += 1
        #expect(
          relative < 0.05,
          "\(expected.key): SE \(ours.standardError) vs seminr \(expected.standardError)")
      }
      let sigma = 2.0.squareRoot() * expected.relativeMonteCarloErrorOfSE
      #expect(
        relative < 5 * sigma,
        "\(expected.key): SE \(ours.standardError) vs seminr \(expected.standardError) (relative \(relative), σ \(sigma))"
      )
      let lowerSigma = 2.0.squareRoot() * expected.monteCarloErrorOfCILower
      let upperSigma = 2.0.squareRoot() * expected.monteCarloErrorOfCIUpper
      let (ciLower, ciUpper, t) = (
        try #require(ours.ciLower), try #require(ours.ciUpper), try #require(ours.t)
      )
      #expect(
        abs(ciLower - expected.ciLower) < 5 * lowerSigma,
        "\(expected.key): lower \(ours.ciLower) vs seminr \(expected.ciLower) (σ \(lowerSigma))")
      #expect(
        abs(ciUpper - expected.ciUpper) < 5 * upperSigma,
        "\(expected.key): upper \(ours.ciUpper) vs seminr \(expected.ciUpper) (σ \(upperSigma))")
      // t = estimate / SE, so it inherits the SE's relative error.
      // t = estimate / SE (H0: 0) for every statistic seminr bootstraps but HTMT, which we test
      // against 1: (estimate − 1) / SE.
      let expectedT =
        expected.key.hasPrefix("htmt:") ? expected.t - 1 / expected.standardError : expected.t
      #expect(abs(t / expectedT - 1) < 5 * sigma + 1e-9, "\(expected.key) t")
    }
    #expect(paths == 5)
  }

  /// seminr run on exactly our resamples (the fixture script draws resamples 0 ..< 2,000 of seed
  /// 7 with its own Philox4x32-10 and Lemire, and hands the row indices to seminr's
  /// `bootstrap_model(indices:)` on the mean-replaced data): every draw is the same estimation
  /// on the same rows, so the bootstrap means and SEs agree to rounding, the BCa bias correction
  /// z₀ exactly, and the jackknife acceleration to rounding (seminr's leave-one-out fits).
  /// The fixture's limits are R type-7 quantiles of seminr's draws (BCa at the adjusted levels,
  /// z₀ with ties counted half, as scipy); ours are exact type-7 quantiles of our draws (the
  /// default, well within the exact-quantile budget): they agree to 1e-10. With the sketch
  /// (budget 0), every limit lies within 0.01 SE of the fixture's.
  @Test(
    "exact parity with seminr on the same resamples: SE, percentile and BCa (z0, acceleration)",
    arguments: [BootstrapSettings.defaultExactQuantileBudget, 0])
  func parityOnSameResamples(budget: Int) throws {
    let fixture = try JSONDecoder().decode(
      ParityFixture.self, from: BootstrapTestSupport.fixture("corprep_simple_philox_parity.json"))
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let settings = BootstrapSettings(
      resamples: fixture.resamples, seed: fixture.seed, confidenceInterval: .bca,
      level: fixture.level, exactQuantileBudget: budget)
    let state = try Bootstrapper(settings: settings).run(estimate)
    #expect(state.keepsDraws == (budget > 0))
    let bca = try BootstrapResult(state: state, estimate: estimate)
    var percentileSettings = state
    percentileSettings.settings.confidenceInterval = .percentile
    let percentile = try BootstrapResult(state: percentileSettings, estimate: estimate)
    #expect(bca.failed == 0)
    let acceleration = try #require(state.acceleration)
    let keys = Bootstrapper.keys(for: estimate)
    for expected in fixture.statistics {
      let k = try #require(state.keys.firstIndex(of: expected.key), "no statistic \(expected.key)")
      let key = keys[k]
      let ours = try #require(bca.statistics[key])
      let oursPercentile = try #require(percentile.statistics[key])
      #expect(abs(ours.estimate - expected.estimate) < 1e-9, "\(expected.key) estimate")
      // The single-indicator block's loading and weight are 1 by construction: SE 0, no limits.
      guard expected.standardError > 1e-10 else {
        #expect(ours.isConstant && ours.standardError == 0 && ours.ciLower == nil)
        continue
      }
      #expect(abs(ours.bootstrapMean - expected.bootstrapMean) < 1e-12, "\(expected.key) mean")
      #expect(abs(ours.standardError - expected.standardError) < 1e-12, "\(expected.key) SE")
      if let draws = state.draws {
        let column = draws.sortedColumn(k)
        let below = column.filter { $0 < ours.estimate }.count
        let equal = column.filter { $0 == ours.estimate }.count
        let z0 = try StandardNormalProbe.quantile(
          (Double(below) + 0.5 * Double(equal)) / Double(column.count))
        #expect(abs(z0 - expected.z0) < 1e-12, "\(expected.key) z0 \(z0) vs \(expected.z0)")
      }
      #expect(
        abs(acceleration[k] - expected.acceleration) < 1e-10,
        "\(expected.key) a \(acceleration[k]) vs \(expected.acceleration)")
      let tolerance = budget > 0 ? 1e-10 : 0.01 * expected.standardError
      let pairs: [(String, Double?, Double)] = [
        ("percentile lower", oursPercentile.ciLower, expected.percentileLower),
        ("percentile upper", oursPercentile.ciUpper, expected.percentileUpper),
        ("BCa lower", ours.ciLower, expected.bcaLower),
        ("BCa upper", ours.ciUpper, expected.bcaUpper),
      ]
      for (what, value, reference) in pairs {
        let value = try #require(value, "\(expected.key) \(what)")
        #expect(
          abs(value - reference) <= tolerance,
          "\(expected.key) \(what) \(value) vs \(reference) (difference \(value - reference))")
      }
    }
  }
}

/// Φ⁻¹ for the tests, by bisection on `erfc` (independent of the library's normal quantile).
enum StandardNormalProbe {
  struct OutOfRange: Error {}

  static func quantile(_ p: Double) throws -> Double {
    guard p > 0, p < 1 else { throw OutOfRange() }
    var lo = -40.0
    var hi = 40.0
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      if 0.5 * erfc(-mid / 2.0.squareRoot()) < p { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
  }
}
