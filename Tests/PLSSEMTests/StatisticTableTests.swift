import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The statistic table: one definition per statistic (keys unique, every family present), the
/// bootstrap's original values are the estimate's table bit for bit, statistics fixed by
/// construction are exact and flagged, and the accessors of ``PLSEstimate`` read the table.
/// The table's *values* are checked against seminr by the estimation and assessment fixture
/// suites, which read them through ``PLSEstimate`` and ``PLSAssessment``.
@Suite("Statistic table")
struct StatisticTableTests {
  /// Corp rep extended: Mode B blocks, single-item constructs and mediation chains, so every
  /// family and every kind of fixed statistic occurs.
  static func extended(consistent: Bool = false) throws -> PLSEstimate {
    let fixture = try Fixtures.estimation("corprep_extended_seminr_path")
    return try PLSEstimator(settings: PLSSettings(consistent: consistent)).estimate(
      try Fixtures.model(for: fixture), data: try Fixtures.dataTable(for: fixture))
  }

  @Test("keys are unique and every family, and every reliability statistic, has entries")
  func everyFamilyHasRecipes() throws {
    let estimate = try Self.extended()
    let table = estimate.statistics
    #expect(Set(table.keys).count == table.count)
    #expect(Set(table.keys.map(\.description)).count == table.count)
    // The interaction terms' families need a moderation model.
    let interactionFamilies: [StatisticFamily] = [.simpleSlope, .interactionEffectSize]
    for family in StatisticFamily.allCases where !interactionFamilies.contains(family) {
      #expect(!table.entries(in: family).isEmpty, "no entries of \(family)")
    }
    let moderated = try PLSEstimator().estimate(
      try PathModel(syntax: Repository.text("examples/corporate-reputation/moderation.model")),
      data: try ExampleData.corpRep())
    for family in interactionFamilies {
      #expect(!moderated.statistics.entries(in: family).isEmpty, "no entries of \(family)")
    }
    let construct = estimate.constructNames[0]
    for key: StatisticKey in [
      .cronbachAlpha(construct: construct), .rhoC(construct: construct),
      .rhoA(construct: construct), .ave(construct: construct),
    ] {
      #expect(table[key] != nil, "\(key) missing")
    }
    // Every key names its own family, and the families come in catalog order.
    let order = table.keys.map { StatisticFamily.allCases.firstIndex(of: $0.family) ?? -1 }
    #expect(order == order.sorted())
  }

  @Test("a catalog restricted to some families lists exactly those keys, in the same order")
  func restrictedCatalogIsASubsequence() throws {
    let estimate = try Self.extended()
    let families: Set<StatisticFamily> = [.reliability, .path, .htmt2]
    let keys = Bootstrapper(settings: BootstrapSettings(resamples: 2, statistics: families))
      .statisticKeys(for: estimate)
    #expect(keys == estimate.statistics.keys.filter { families.contains($0.family) })
  }

  @Test("the bootstrap's original values are the estimate's table, bit for bit")
  func bootstrapOriginalIsTheEstimateTable() throws {
    for consistent in [false, true] {
      let estimate = try Self.extended(consistent: consistent)
      let settings = BootstrapSettings(
        resamples: 20, seed: 3, threads: 2, maximumFailureShare: 1,
        statistics: Set(StatisticFamily.allCases))
      let bootstrapper = Bootstrapper(settings: settings)
      let state = try bootstrapper.run(estimate)
      #expect(state.keys == estimate.statistics.keys.map(\.description))
      #expect(state.original.map(\.bitPattern) == estimate.statistics.values.map(\.bitPattern))
      // The default families too.
      let defaults = try Bootstrapper(settings: BootstrapSettings(resamples: 20, threads: 2))
        .run(estimate)
      let expected = try #require(estimate.statistics.selecting(Bootstrapper.keys(for: estimate)))
      #expect(defaults.original.map(\.bitPattern) == expected.values.map(\.bitPattern))
    }
  }

  @Test("statistics fixed by construction are exact and flagged")
  func fixedByConstruction() throws {
    let estimate = try Self.extended()
    let table = estimate.statistics
    let model = estimate.model
    var flagged = 0
    for construct in model.constructs {
      let c = construct.name
      let single = construct.indicators.count == 1
      for indicator in construct.indicators {
        for key: StatisticKey in [
          .loading(construct: c, indicator: indicator), .weight(construct: c, indicator: indicator),
          .crossLoading(indicator: indicator, construct: c),
          .outerVIF(construct: c, indicator: indicator),
        ] {
          #expect(table.isFixedByConstruction(key) == single, "\(key)")
          if single {
            #expect(table[key] == 1, "\(key) = \(table[key] ?? .nan)")
            flagged += 1
          }
        }
      }
      for key: StatisticKey in [
        .cronbachAlpha(construct: c), .rhoC(construct: c), .ave(construct: c),
      ] {
        #expect(table.isFixedByConstruction(key) == single, "\(key)")
        if single { #expect(table[key] == 1) }
      }
      let rhoAFixed = single || construct.mode == .b
      #expect(table.isFixedByConstruction(.rhoA(construct: c)) == rhoAFixed)
      if rhoAFixed { #expect(table[.rhoA(construct: c)] == 1) }
    }
    #expect(flagged > 0)
    for (j, name) in estimate.constructNames.enumerated() {
      let preds = estimate.layout.predecessors[j]
      for k in preds {
        let key = StatisticKey.innerVIF(from: estimate.constructNames[k], to: name)
        #expect(table.isFixedByConstruction(key) == (preds.count == 1))
      }
    }
    // Nothing else is flagged.
    let fixedFamilies: Set<StatisticFamily> = [
      .loading, .weight, .crossLoading, .outerVIF, .reliability, .innerVIF,
    ]
    for entry in table where entry.fixedByConstruction {
      #expect(fixedFamilies.contains(entry.key.family))
    }
  }

  @Test("a bootstrap of a fixed statistic has zero spread; reliability can be resampled")
  func fixedStatisticsHaveNoSpread() throws {
    let estimate = try Self.extended()
    let settings = BootstrapSettings(
      resamples: 50, seed: 11, threads: 2,
      statistics: StatisticFamily.resampledByDefault.union([.reliability]))
    let result = try Bootstrapper(settings: settings).result(estimate)
    let single = try #require(estimate.model.constructs.first { $0.indicators.count == 1 })
    let loading = try #require(
      result.statistics[.loading(construct: single.name, indicator: single.indicators[0])])
    #expect(loading.estimate == 1 && loading.standardError == 0)
    // Inference reports no t, p or interval for it (issue 16.2: null in JSON, n/a in tables).
    #expect(loading.isConstant && loading.t == nil && loading.p == nil)
    #expect(loading.ciLower == nil && loading.ciUpper == nil)
    let multi = try #require(
      estimate.model.constructs.first { $0.indicators.count > 1 && $0.mode == .a })
    let rhoA = try #require(result.statistics[.rhoA(construct: multi.name)])
    #expect(rhoA.estimate == estimate.statistics[.rhoA(construct: multi.name)])
    #expect(rhoA.standardError > 0 && rhoA.standardError < 0.2)
  }

  @Test("the estimate's accessors read the table")
  func accessorsReadTheTable() throws {
    let estimate = try Self.extended(consistent: true)
    let table = estimate.statistics
    for (from, to, value) in estimate.pathList {
      #expect(table[.path(from: from, to: to)] == value)
    }
    for (i, name) in estimate.indicatorNames.enumerated() {
      let c = estimate.construct(ofIndicator: i)
      #expect(table[.loading(construct: c, indicator: name)] == estimate.loadings[i])
      #expect(table[.weight(construct: c, indicator: name)] == estimate.weights[i])
      for (j, other) in estimate.constructNames.enumerated() {
        #expect(
          table[.crossLoading(indicator: name, construct: other)] == estimate.crossLoadings[i, j])
      }
    }
    let n = Double(estimate.observations)
    for (j, name) in estimate.constructNames.enumerated() {
      #expect(table[.rSquared(construct: name)] == estimate.rSquared[j])
      if let r2 = estimate.rSquared[j] {
        // Adjusted R² from its definition, 1 − (1 − R²)(n − 1)/(n − k − 1).
        let k = Double(estimate.layout.predecessors[j].count)
        let adjusted = try #require(estimate.adjustedRSquared[j])
        #expect(abs(adjusted - (1 - (1 - r2) * (n - 1) / (n - k - 1))) < 1e-15)
      }
      for (k, other) in estimate.constructNames.enumerated() where k < j {
        #expect(
          table[.constructCorrelation(row: name, column: other)]
            == estimate.constructCorrelations[j, k])
      }
    }
    for effect in estimate.specificIndirectEffects {
      #expect(table[.specificIndirectEffect(chain: effect.chain)] == effect.estimate)
    }
    // The PLSc composite values come from the same function as a plain estimate's.
    let plain = try Self.extended()
    let correction = try #require(estimate.consistentCorrection)
    #expect(correction.compositeLoadings == plain.loadings)
    #expect(correction.compositePathCoefficients == plain.pathCoefficients)
  }

  @Test("the table round-trips through JSON, undefined values as null")
  func codableRoundTrip() throws {
    let table = try #require(
      StatisticTable(
        keys: [.path(from: "A", to: "B"), .htmt2(row: "B", column: "A")], values: [0.5, .nan],
        fixedByConstruction: [false, false]))
    let data = try JSONEncoder().encode(table)
    #expect(String(decoding: data, as: UTF8.self).contains("null"))
    let back = try JSONDecoder().decode(StatisticTable.self, from: data)
    #expect(back == table)
    #expect(
      StatisticTable(
        keys: [.rSquared(construct: "A"), .rSquared(construct: "A")], values: [1, 2],
        fixedByConstruction: [false, false]) == nil)
  }

  @Test("bootstrap settings without a statistics list decode to the default families")
  func settingsDecodeWithoutStatistics() throws {
    let settings = BootstrapSettings(resamples: 100, statistics: [.reliability, .path])
    let data = try JSONEncoder().encode(settings)
    #expect(try JSONDecoder().decode(BootstrapSettings.self, from: data) == settings)
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["statistics"] = nil
    let old = try JSONSerialization.data(withJSONObject: object)
    let decoded = try JSONDecoder().decode(BootstrapSettings.self, from: old)
    #expect(decoded.statistics == StatisticFamily.resampledByDefault)
  }
}
