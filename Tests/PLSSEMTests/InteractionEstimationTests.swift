import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Estimates of models with interaction terms against seminr (PyPI `seminr` 0.2.1, its
/// `interaction_term` with `two_stage`, `product_indicator` and `orthogonal`): the fixtures
/// of `Fixtures/interaction/` (script `scripts/fixtures/make_interaction_fixtures.py`).
///
/// Tolerance 1e-9: our stop rule replicates seminr's pass for pass (both stages), so even the
/// unconverged last digits agree (the fixture README states it).
@Suite("Interaction terms vs seminr")
struct InteractionEstimationTests {
  struct Fixture: Decodable {
    struct Value: Decodable {
      let from: String?
      let to: String?
      let construct: String?
      let indicator: String?
      let estimate: Double?
    }
    struct Published: Decodable {
      let source: String
      let paths: [[PublishedCell]]
    }
    enum PublishedCell: Decodable {
      case name(String)
      case number(Double)
      init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
          self = .name(s)
        } else {
          self = .number(try c.decode(Double.self))
        }
      }
    }
    let data: String
    let missingCodes: [Double]
    let model: String
    let method: String
    let scheme: String
    let observations: Int
    let interactions: [String]
    let paths: [Value]
    let weights: [Value]
    let loadings: [Value]
    let r2: [Value]
    let fSquare: [Value]
    let interactionScoreSD: [String: Double]
    let published: Published?
  }

  static let cases = [
    "corprep_moderation_two_stage_path", "corprep_moderation_product_indicator_path",
    "corprep_moderation_orthogonal_path",
    "mobi_interaction_two_stage_path", "mobi_interaction_two_stage_factorial",
    "mobi_interaction_product_indicator_path", "mobi_interaction_product_indicator_factorial",
    "mobi_interaction_orthogonal_path", "mobi_interaction_orthogonal_factorial",
  ]

  static func fixture(_ name: String) throws -> Fixture {
    let url = try #require(
      Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/interaction"))
    return try JSONDecoder().decode(Fixture.self, from: try Data(contentsOf: url))
  }

  static func settings(_ fixture: Fixture, scale: InteractionScale = .indicatorSD) throws
    -> PLSSettings
  {
    PLSSettings(
      scheme: try #require(InnerWeightingScheme(rawValue: fixture.scheme)),
      interaction: try #require(InteractionMethod(rawValue: fixture.method)),
      interactionScale: scale)
  }

  static func estimate(_ fixture: Fixture, scale: InteractionScale = .indicatorSD) throws
    -> PLSEstimate
  {
    try PLSEstimator(settings: try settings(fixture, scale: scale)).estimate(
      try PathModel(syntax: fixture.model, source: "fixture.model"),
      data: try ExampleData.table(fixture.data, missingCodes: fixture.missingCodes))
  }

  /// seminr names the two-stage indicator `A*B_intxn`; ours is the term's name.
  static func indicator(_ name: String, construct: String) -> String {
    name.hasSuffix("_intxn") ? construct : name
  }

  @Test("paths, loadings, weights, R² and f² agree with seminr", arguments: cases)
  func agreesWithSeminr(_ name: String) throws {
    let fixture = try Self.fixture(name)
    let estimate = try Self.estimate(fixture)
    #expect(estimate.observations == fixture.observations)
    #expect(estimate.converged)
    #expect(estimate.model.interactions.map(\.name) == fixture.interactions)
    var d = ToleranceTracker(name, tolerance: 1e-9)
    for path in fixture.paths {
      let from = try #require(path.from)
      let to = try #require(path.to)
      let expected = try #require(path.estimate)
      d.check(estimate.path(from: from, to: to), expected, "path \(from) -> \(to)")
      d.check(
        estimate.statistics[.path(from: from, to: to)], expected,
        "table path \(from) -> \(to)")
    }
    for value in fixture.loadings {
      let construct = try #require(value.construct)
      let indicator = Self.indicator(try #require(value.indicator), construct: construct)
      let expected = try #require(value.estimate)
      d.check(
        estimate.statistics[.loading(construct: construct, indicator: indicator)],
        expected, "loading \(construct) =~ \(indicator)")
      d.check(estimate.loading(indicator), expected, "estimate.loading(\(indicator))")
    }
    for value in fixture.weights {
      let construct = try #require(value.construct)
      let indicator = Self.indicator(try #require(value.indicator), construct: construct)
      d.check(
        estimate.weight(indicator), try #require(value.estimate),
        "weight \(construct) =~ \(indicator)")
    }
    for value in fixture.r2 {
      let construct = try #require(value.construct)
      d.check(estimate.rSquared(construct), try #require(value.estimate), "R² \(construct)")
    }
    let fSquare = try EffectSize.fSquare(estimate)
    for value in fixture.fSquare {
      let from = try #require(value.from)
      let to = try #require(value.to)
      let ours = fSquare.first { $0.from == from && $0.to == to }?.estimate
      if let expected = value.estimate {
        d.check(ours, expected, "f² \(from) -> \(to)")
      } else {
        #expect(ours?.isNaN == true, "f² \(from) -> \(to) is seminr's NaN (a main effect)")
      }
    }
    d.report()
  }

  @Test("the book's printed interaction path (PLS-SEM Using R, ch. 8): −0.071")
  func publishedPath() throws {
    let fixture = try Self.fixture("corprep_moderation_two_stage_path")
    let published = try #require(fixture.published)
    let estimate = try Self.estimate(fixture)
    for row in published.paths {
      guard case .name(let from) = row[0], case .name(let to) = row[1],
        case .number(let value) = row[2]
      else {
        Issue.record("malformed published row")
        continue
      }
      let ours = try #require(estimate.path(from: from, to: to))
      #expect((ours * 1000).rounded() / 1000 == value, "\(from) -> \(to): \(ours)")
    }
  }

  @Test("unit variance: the interaction path is seminr's times the score's SD; the rest unchanged")
  func unitVariance() throws {
    for name in ["corprep_moderation_two_stage_path", "mobi_interaction_product_indicator_path"] {
      let fixture = try Self.fixture(name)
      let estimate = try Self.estimate(fixture, scale: .unitVariance)
      var d = ToleranceTracker("\(name) unit variance", tolerance: 1e-9)
      for path in fixture.paths {
        let from = try #require(path.from)
        let to = try #require(path.to)
        let factor = fixture.interactionScoreSD[from] ?? 1
        d.check(
          estimate.path(from: from, to: to), try #require(path.estimate) * factor,
          "path \(from) -> \(to)")
      }
      for value in fixture.loadings {
        let construct = try #require(value.construct)
        let indicator = Self.indicator(try #require(value.indicator), construct: construct)
        let factor = fixture.interactionScoreSD[construct] ?? 1
        d.check(
          estimate.loading(indicator), try #require(value.estimate) / factor,
          "loading \(construct) =~ \(indicator)")
      }
      for value in fixture.r2 {
        let construct = try #require(value.construct)
        d.check(estimate.rSquared(construct), try #require(value.estimate), "R² \(construct)")
      }
      d.report()
    }
  }
}
