import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// `Fixtures/groups/corprep_extended_servicetype_seminr.json` (made by
/// `scripts/fixtures/make_mga_fixtures.py`): seminr's estimates of corp rep extended on each
/// group of `servicetype`, missing values replaced once on the full sample.
struct GroupFixture: Decodable, Sendable {
  struct Value: Decodable, Sendable {
    let from: String?
    let to: String?
    let construct: String?
    let indicator: String?
    let estimate: Double?
  }

  struct Values: Decodable, Sendable {
    let paths: [Value]
    let weights: [Value]
    let loadings: [Value]
    let r2: [Value]
    let totalEffects: [Value]
    let indirectEffects: [Value]
  }

  struct Group: Decodable, Sendable {
    let value: String
    let observations: Int
    let paths: [Value]
    let weights: [Value]
    let loadings: [Value]
    let r2: [Value]
    let totalEffects: [Value]
    let indirectEffects: [Value]
    var values: Values {
      Values(
        paths: paths, weights: weights, loadings: loadings, r2: r2, totalEffects: totalEffects,
        indirectEffects: indirectEffects)
    }
  }

  let data: String
  let modelFile: String
  let groupColumn: String
  let groups: [Group]
  let differences: Values

  static func load(_ name: String) throws -> GroupFixture {
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/groups")
    else { throw FixtureError("Fixtures/groups/\(name).json is not in the test bundle") }
    return try JSONDecoder().decode(GroupFixture.self, from: Data(contentsOf: url))
  }

  /// Every value with its statistic key.
  static func keyed(_ v: Values) -> [(StatisticKey, Double?)] {
    var out: [(StatisticKey, Double?)] = []
    for p in v.paths { out.append((.path(from: p.from ?? "", to: p.to ?? ""), p.estimate)) }
    for w in v.weights {
      out.append((.weight(construct: w.construct ?? "", indicator: w.indicator ?? ""), w.estimate))
    }
    for l in v.loadings {
      out.append((.loading(construct: l.construct ?? "", indicator: l.indicator ?? ""), l.estimate))
    }
    for r in v.r2 { out.append((.rSquared(construct: r.construct ?? ""), r.estimate)) }
    for t in v.totalEffects {
      out.append((.totalEffect(from: t.from ?? "", to: t.to ?? ""), t.estimate))
    }
    // seminr lists every reachable pair; a pair without an indirect path has indirect effect 0
    // and is not a statistic of ours.
    for t in v.indirectEffects where t.estimate != 0 {
      out.append((.indirectEffect(from: t.from ?? "", to: t.to ?? ""), t.estimate))
    }
    return out
  }
}

@Suite("Multi-group analysis vs seminr (corp rep extended by servicetype)")
struct MultiGroupReferenceTests {
  static let tolerance = 1e-9

  static func split() throws -> (GroupSplit, PathModel, GroupFixture) {
    let fixture = try GroupFixture.load("corprep_extended_servicetype_seminr")
    let data = try ExampleData.table(fixture.data, missingCodes: [-99])
    let model = try ExampleData.model(fixture.modelFile)
    let split = try GroupSplit(data: data, column: fixture.groupColumn, model: model)
    return (split, model, fixture)
  }

  @Test("groups 1 (n = 125) and 2 (n = 219), values in ascending order")
  func groupsAreSplit() throws {
    let (split, _, fixture) = try Self.split()
    #expect(split.groups.map(\.valueText) == fixture.groups.map(\.value))
    #expect(split.groups.map(\.observations) == fixture.groups.map(\.observations))
    #expect(split.data.rowCount == 344)
  }

  @Test("each group's paths, weights, loadings, R², total and indirect effects equal seminr's")
  func groupEstimatesMatch() throws {
    let (split, model, fixture) = try Self.split()
    let result = try MultiGroupAnalysis(settings: MultiGroupSettings(permutations: 0, resamples: 0))
      .run(model, groups: split)
    for (g, expected) in fixture.groups.enumerated() {
      let table = result.groups[g].estimate.statistics
      var d = ToleranceTracker("group \(expected.value)", tolerance: Self.tolerance)
      for (key, value) in GroupFixture.keyed(expected.values) {
        #expect(result.keys.contains(key), "\(key) is compared")
        d.check(table[key], value ?? .nan, "\(key)")
      }
      d.report()
    }
    var d = ToleranceTracker("differences", tolerance: Self.tolerance)
    let differences = Dictionary(
      uniqueKeysWithValues: result.differences(between: 0, and: 1).map { ($0.key, $0.difference) })
    for (key, value) in GroupFixture.keyed(fixture.differences) {
      d.check(differences[key], value ?? .nan, "difference \(key)")
    }
    d.report()
    #expect(result.differences.count == result.keys.count)
  }

  struct SeminrMGA: Decodable {
    struct Path: Decodable {
      let from: String
      let to: String
      let difference: Double
      let pHenseler: Double
      let monteCarloSE: Double
    }
    let resamples: Int
    let paths: [Path]
  }

  @Test("Henseler's p agrees with seminr's estimate_pls_mga within Monte Carlo error")
  func henselerAgreesWithSeminr() throws {
    guard
      let url = Bundle.module.url(
        forResource: "corprep_extended_servicetype_seminr_mga", withExtension: "json",
        subdirectory: "Fixtures/groups")
    else { throw FixtureError("the seminr MGA fixture is not in the test bundle") }
    let seminr = try JSONDecoder().decode(SeminrMGA.self, from: Data(contentsOf: url))
    let (split, model, _) = try Self.split()
    var settings = MultiGroupSettings(permutations: 0, resamples: seminr.resamples, seed: 11)
    settings.statistics = [.path]
    let result = try MultiGroupAnalysis(settings: settings).run(model, groups: split)
    for path in seminr.paths {
      let ours = try #require(
        result.differences.first { $0.key == .path(from: path.from, to: path.to) })
      #expect(abs(ours.difference - path.difference) < 1e-9)
      let p = try #require(ours.pHenseler)
      // Both p's carry Monte Carlo error of about the recorded size: 4 combined SEs.
      let limit = 4 * (2 * path.monteCarloSE * path.monteCarloSE).squareRoot()
      #expect(
        abs(p - path.pHenseler) <= limit, "\(path.from)->\(path.to): \(p) vs \(path.pHenseler)")
    }
  }

  @Test("permutation and bootstrap p-values are bit-identical on 1 and 2 threads")
  func bitIdenticalAcrossThreads() throws {
    let (split, model, _) = try Self.split()
    var settings = MultiGroupSettings(permutations: 60, resamples: 40, seed: 5)
    settings.statistics = [.path, .rSquared]
    settings.threads = 1
    let one = try MultiGroupAnalysis(settings: settings).run(model, groups: split)
    settings.threads = 2
    let two = try MultiGroupAnalysis(settings: settings).run(model, groups: split)
    #expect(one.differences == two.differences)
    #expect(one.failedPermutations == 0)
    for d in one.differences {
      #expect(
        d.pPermutation != nil && d.pHenseler != nil && d.pParametric != nil && d.pWelch != nil)
      // The parametric and Welch p from the groups' bootstrap SEs.
      let a = try #require(one.groups[0].bootstrap?.statistics[d.key]?.standardError)
      let b = try #require(one.groups[1].bootstrap?.statistics[d.key]?.standardError)
      #expect(
        d.pParametric
          == GroupDifferenceTests.parametricP(
            difference: d.difference, standardErrors: (a, b), observations: (125, 219)))
    }
  }
}
