import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The bootstrap of models with interaction terms: every resample re-runs the whole staged
/// procedure (``InteractionResampling``), so each resample's statistics equal seminr's
/// `bootstrap_model` on the same rows (seminr re-estimates the interaction model from the
/// resampled data); and the results are bit-identical for any thread count and shard split.
@Suite("Interaction terms: bootstrap")
struct InteractionBootstrapTests {
  struct ParityFixture: Decodable {
    struct Statistic: Decodable {
      let key: String
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

  static func fixture(_ name: String) throws -> ParityFixture {
    let url = try #require(
      Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/interaction"))
    return try JSONDecoder().decode(ParityFixture.self, from: try Data(contentsOf: url))
  }

  static func estimate(
    model: String, data: String, missingCodes: [Double], method: InteractionMethod
  ) throws -> PLSEstimate {
    try PLSEstimator(settings: PLSSettings(interaction: method)).estimate(
      try PathModel(syntax: model, source: "fixture.model"),
      data: try ExampleData.table(data, missingCodes: missingCodes))
  }

  @Test(
    "every resample's paths and interaction loadings equal seminr's on the same rows",
    arguments: [
      "corprep_moderation_two_stage_bootstrap_parity",
      "mobi_interaction_orthogonal_bootstrap_parity",
    ])
  func parityWithSeminr(_ name: String) throws {
    let fixture = try Self.fixture(name)
    let estimate = try Self.estimate(
      model: fixture.model, data: fixture.data, missingCodes: fixture.missingCodes,
      method: try #require(InteractionMethod(rawValue: fixture.method)))
    let settings = BootstrapSettings(resamples: fixture.resamples, seed: fixture.seed, threads: 2)
    let state = try Bootstrapper(settings: settings).run(estimate)
    let draws = try #require(state.draws)
    #expect(state.failed == 0)
    var d = ToleranceTracker(name, tolerance: 1e-9)
    for statistic in fixture.statistics {
      let k = try #require(state.keys.firstIndex(of: statistic.key), "no \(statistic.key)")
      let ours = draws.column(k)
      #expect(ours.count == statistic.draws.count)
      for (b, (x, y)) in zip(ours, statistic.draws).enumerated() {
        d.check(x, y, "\(statistic.key) resample \(b)")
      }
    }
    d.report()
  }

  @Test(
    "bit-identical for 1 and 3 threads, and for one run and three shards merged",
    arguments: [InteractionMethod.twoStage, .productIndicator, .orthogonal])
  func threadsAndShards(method: InteractionMethod) throws {
    let estimate = try Self.estimate(
      model: Repository.text("examples/corporate-reputation/moderation.model"),
      data: ExampleData.corpRepData, missingCodes: ExampleData.corpRepMissingCodes,
      method: method)
    var results: [[String: [UInt64]]] = []
    for threads in [1, 3] {
      let settings = BootstrapSettings(
        resamples: 1100, seed: 31, threads: threads, confidenceInterval: .bca)
      let state = try Bootstrapper(settings: settings).run(estimate)
      results.append(
        BootstrapTestSupport.bits(try BootstrapResult(state: state, estimate: estimate)))
    }
    #expect(results[0] == results[1])
    #expect(results[0]["path:CUSA:SC->CUSL"] != nil)
    // Two chunks and a single resample over three shards.
    let settings = BootstrapSettings(resamples: 2049, seed: 5, threads: 2)
    let single = try Bootstrapper(settings: settings).run(estimate)
    let shards = try (1...3).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 3))
    }
    let merged = try BootstrapTestSupport.merge(shards, order: [2, 0, 1])
    #expect(merged == single)
    let a = try BootstrapResult(state: single, estimate: estimate)
    let b = try BootstrapResult(state: merged, estimate: estimate)
    #expect(BootstrapTestSupport.bits(a) == BootstrapTestSupport.bits(b))
    let interaction = try #require(a.statistics[.path(from: "CUSA:SC", to: "CUSL")])
    #expect(interaction.standardError > 0.01 && interaction.standardError < 0.2)
  }
}
