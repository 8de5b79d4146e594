import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Simple slopes of interaction terms (``SimpleSlope``), against numpy on seminr-py's scores
/// (`Fixtures/simple-slopes`, made by `scripts/fixtures/make_simple_slope_fixtures.py`): the
/// slope of X at M = m is `b_X + b_XM·m` with b_XM per unit of the score product, the same
/// under both interaction scales; their bootstrap against numpy over seminr's own draws on our
/// resamples.
@Suite("Interaction terms: simple slopes")
struct SimpleSlopeTests {
  struct Fixture: Decodable {
    struct Level: Decodable {
      let level: Double
      let estimate: Double
    }
    struct Point: Decodable {
      let x: Double
      let moderatorLevel: Double
      let y: Double
    }
    struct Term: Decodable {
      let interaction: String
      let focal: String
      let moderator: String
      let outcome: String
      let coefficients: [String: Double]
      let interactionScoreSD: Double
      let standardisedInteractionPath: Double
      let slopes: [Level]
      let customSlopes: [Level]
      let plot: [Point]
    }
    let data: String
    let missingCodes: [Double]
    let model: String
    let method: String
    let customLevels: [Double]
    let terms: [Term]
  }

  struct BootstrapFixture: Decodable {
    struct Slope: Decodable {
      let focal: String
      let moderator: String
      let outcome: String
      let level: Double
      let estimate: Double
      let mean: Double
      let standardError: Double
      let t: Double
      let p: Double
      let ciLower: Double
      let ciUpper: Double
    }
    let data: String
    let missingCodes: [Double]
    let model: String
    let method: String
    let seed: UInt64
    let resamples: Int
    let levels: [Double]
    let slopes: [Slope]
  }

  static let cases = [
    "corprep_moderation_two_stage", "corprep_moderation_product_indicator",
    "corprep_moderation_orthogonal", "mobi_interaction_two_stage",
    "mobi_interaction_product_indicator", "mobi_interaction_orthogonal",
  ]

  static func load<T: Decodable>(_ name: String, as: T.Type = T.self) throws -> T {
    let url = try #require(
      Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/simple-slopes"))
    return try JSONDecoder().decode(T.self, from: try Data(contentsOf: url))
  }

  static func estimate(
    model: String, data: String, missingCodes: [Double], method: String,
    scale: InteractionScale = .indicatorSD, levels: [Double]? = nil
  ) throws -> PLSEstimate {
    var settings = PLSSettings(
      interaction: try #require(InteractionMethod(rawValue: method)), interactionScale: scale)
    if let levels { settings.simpleSlopeLevels = levels }
    return try PLSEstimator(settings: settings).estimate(
      try PathModel(syntax: model, source: "fixture.model"),
      data: try ExampleData.table(data, missingCodes: missingCodes))
  }

  static func key(_ term: Fixture.Term, _ level: Double) -> StatisticKey {
    .simpleSlope(focal: term.focal, moderator: term.moderator, outcome: term.outcome, level: level)
  }

  @Test(
    "slopes at -1, 0, +1 SD and at custom levels equal numpy's on seminr's scores, on both scales",
    arguments: cases)
  func agreesWithNumpy(_ name: String) throws {
    let fixture: Fixture = try Self.load(name)
    var d = ToleranceTracker(name, tolerance: 1e-9)
    for scale in InteractionScale.allCases {
      let estimate = try Self.estimate(
        model: fixture.model, data: fixture.data, missingCodes: fixture.missingCodes,
        method: fixture.method, scale: scale)
      let custom = try Self.estimate(
        model: fixture.model, data: fixture.data, missingCodes: fixture.missingCodes,
        method: fixture.method, scale: scale, levels: fixture.customLevels)
      #expect(estimate.simpleSlopes.count == 3 * fixture.terms.count)
      #expect(custom.simpleSlopes.count == fixture.customLevels.count * fixture.terms.count)
      for term in fixture.terms {
        for slope in term.slopes {
          d.check(
            estimate.statistics[Self.key(term, slope.level)], slope.estimate,
            "\(scale) \(term.interaction) slope at \(slope.level)")
        }
        for slope in term.customSlopes {
          d.check(
            custom.statistics[Self.key(term, slope.level)], slope.estimate,
            "\(scale) \(term.interaction) custom slope at \(slope.level)")
        }
        // The reported interaction path on each scale.
        let path = estimate.statistics[.path(from: term.interaction, to: term.outcome)]
        d.check(
          path,
          scale == .indicatorSD
            ? try #require(term.coefficients[term.interaction]) : term.standardisedInteractionPath,
          "\(scale) path \(term.interaction)")
      }
      let listed = estimate.simpleSlopes.first
      #expect(listed?.interaction == fixture.terms.first?.interaction)
      #expect(listed?.level == -1)
    }
    d.report()
  }

  @Test("seminr's slope_analysis plot values follow from the slopes and the moderator's path")
  func plotValues() throws {
    let fixture: Fixture = try Self.load("corprep_moderation_two_stage")
    let estimate = try Self.estimate(
      model: fixture.model, data: fixture.data, missingCodes: fixture.missingCodes,
      method: fixture.method)
    var d = ToleranceTracker("slope plot", tolerance: 1e-9)
    for term in fixture.terms {
      let moderatorPath = try #require(
        estimate.statistics[.path(from: term.moderator, to: term.outcome)])
      for point in term.plot {
        let slope = try #require(estimate.statistics[Self.key(term, point.moderatorLevel)])
        d.check(
          slope * point.x + moderatorPath * point.moderatorLevel, point.y,
          "y at x \(point.x), m \(point.moderatorLevel)")
      }
    }
    d.report()
  }

  @Test("writing the term M:X makes M the focal predictor")
  func focalOrder() throws {
    let fixture: Fixture = try Self.load("corprep_moderation_two_stage")
    let term = try #require(fixture.terms.first)
    let swapped = fixture.model.replacingOccurrences(of: "CUSA:SC", with: "SC:CUSA")
    let estimate = try Self.estimate(
      model: swapped, data: fixture.data, missingCodes: fixture.missingCodes,
      method: fixture.method)
    let slopes = estimate.simpleSlopes
    #expect(slopes.map(\.focal) == ["SC", "SC", "SC"])
    #expect(slopes.map(\.interaction) == ["SC:CUSA", "SC:CUSA", "SC:CUSA"])
    let bSC = try #require(term.coefficients["SC"])
    let bXM = try #require(term.coefficients["CUSA:SC"])
    var d = ToleranceTracker("focal SC", tolerance: 1e-9)
    for slope in slopes { d.check(slope.estimate, bSC + bXM * slope.level, "level \(slope.level)") }
    d.report()
  }

  @Test(
    "bootstrap SE, t, p and interval equal numpy's over seminr's draws on the same resamples",
    arguments: [
      "corprep_moderation_two_stage_bootstrap_slopes",
      "mobi_interaction_orthogonal_bootstrap_slopes",
    ])
  func bootstrapAgreesWithNumpy(_ name: String) throws {
    let fixture: BootstrapFixture = try Self.load(name)
    for scale in InteractionScale.allCases {
      let estimate = try Self.estimate(
        model: fixture.model, data: fixture.data, missingCodes: fixture.missingCodes,
        method: fixture.method, scale: scale, levels: fixture.levels)
      let settings = BootstrapSettings(resamples: fixture.resamples, seed: fixture.seed, threads: 2)
      let result = try Bootstrapper(settings: settings).result(estimate)
      #expect(result.failed == 0)
      var d = ToleranceTracker("\(name) \(scale)", tolerance: 1e-9)
      var p = ToleranceTracker("\(name) \(scale) p", tolerance: 1e-6, measure: .relative)
      for slope in fixture.slopes {
        let key = StatisticKey.simpleSlope(
          focal: slope.focal, moderator: slope.moderator, outcome: slope.outcome,
          level: slope.level)
        let inference = try #require(result.statistics[key], "no \(key)")
        let label = key.description
        d.check(inference.estimate, slope.estimate, "\(label) estimate")
        d.check(inference.bootstrapMean, slope.mean, "\(label) mean")
        d.check(inference.standardError, slope.standardError, "\(label) SE")
        d.check(inference.t, slope.t, tolerance: 1e-7, "\(label) t")
        d.check(inference.ciLower, slope.ciLower, "\(label) lower")
        d.check(inference.ciUpper, slope.ciUpper, "\(label) upper")
        p.check(inference.p, slope.p, "\(label) p")
      }
      d.report()
      p.report()
    }
  }

  @Test("bit-identical for 1 and 3 threads and for shards merged")
  func threadsAndShards() throws {
    let estimate = try Self.estimate(
      model: Repository.text("examples/corporate-reputation/moderation.model"),
      data: ExampleData.corpRepData, missingCodes: ExampleData.corpRepMissingCodes,
      method: "product-indicator", scale: .unitVariance, levels: [-2, 0, 1.5])
    let bits = try [1, 3].map { threads in
      let settings = BootstrapSettings(resamples: 300, seed: 11, threads: threads)
      let state = try Bootstrapper(settings: settings).run(estimate)
      return BootstrapTestSupport.bits(try BootstrapResult(state: state, estimate: estimate))
    }
    #expect(bits[0] == bits[1])
    #expect(bits[0]["slope:CUSA->CUSL@SC=1.5"] != nil)
    let settings = BootstrapSettings(resamples: 1100, seed: 3, threads: 2)
    let single = try Bootstrapper(settings: settings).run(estimate)
    let shards = try (1...2).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 2))
    }
    #expect(try BootstrapTestSupport.merge(shards, order: [1, 0]) == single)
  }

  @Test("keys, text and the absence of slopes without interaction terms")
  func keysAndText() throws {
    #expect(
      StatisticKey.simpleSlope(focal: "CUSA", moderator: "SC", outcome: "CUSL", level: -1)
        .description == "slope:CUSA->CUSL@SC=-1")
    #expect(SimpleSlope.levelText(0.5) == "0.5")
    #expect(SimpleSlope.levelText(-0.0) == "0")
    #expect(SimpleSlope.levelText(2) == "2")
    let plain = try ExampleData.corpRepSimpleEstimate()
    #expect(plain.simpleSlopes.isEmpty)
    #expect(Bootstrapper.keys(for: plain).allSatisfy { $0.family != .simpleSlope })
  }

  @Test(
    "invalid levels are refused naming the setting",
    arguments: [
      ([Double](), "must list between 1 and 25 levels (got none)"),
      ([1, 1], "must not repeat a level (got 1,1)"),
      ([0, 11], "between -10 and 10 (got 11.0)"),
      ([.nan], "between -10 and 10 (got nan)"),
    ])
  func invalidLevels(levels: [Double], message: String) throws {
    var settings = PLSSettings()
    settings.simpleSlopeLevels = levels
    do {
      _ = try PLSEstimator(settings: settings).estimate(
        try PathModel(syntax: Repository.text("examples/corporate-reputation/moderation.model")),
        data: try ExampleData.corpRep())
      Issue.record("no error for \(levels)")
    } catch let error as EstimationError {
      #expect("\(error)".contains("the moderator levels of the simple slopes"))
      #expect("\(error)".contains(message), "\(error)")
    }
  }
}
