import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// What is not supported for models with higher-order constructs (HOCs) yet is refused with a
/// message naming the construct, never estimated quietly: interaction terms, PLSc, blindfolding,
/// PLSpredict, the IPMA and the permutation tests (MGA, MICOM) of a two-stage estimate.
@Suite("Higher-order constructs: what is refused")
struct HigherOrderRefusalTests {
  static let mobi = HigherOrderTwoStageTests.mobiAA

  @Test("an interaction term in a HOC model is an error naming the HOC, the term and the line")
  func interaction() throws {
    let base = """
      A =~ a1 + a2
      B =~ b1 + b2
      H =~ A + B
      M =~ m1
      Z =~ z1
      Y =~ y1

      """
    let named = expectError(SpecificationError.self) {
      try PathModel(syntax: base + "Y ~ H + M + H:M", source: "m.model")
    }
    #expect(
      named
        == .higherOrderWithInteraction(
          construct: "H", interaction: "H:M", location: named?.location))
    #expect(named?.location?.line == 7)
    #expect(named?.description(inFile: "m.model").hasPrefix("m.model:7:") == true)
    #expect(named?.description.contains("'H:M'") == true)
    #expect(named?.description.contains("'H'") == true)
    let beside = expectError(SpecificationError.self) {
      try PathModel(syntax: base + "Y ~ H + M + Z + M:Z")
    }
    #expect(
      beside
        == .higherOrderWithInteraction(
          construct: "H", interaction: "M:Z", location: beside?.location))
  }

  @Test("PLSc is refused for a HOC model, naming the HOC")
  func consistent() throws {
    let model = try PathModel(syntax: Self.mobi)
    var settings = PLSSettings()
    settings.consistent = true
    for method in HigherOrderMethod.allCases {
      settings.higherOrder = method
      let error = expectError(EstimationError.self) {
        try PLSEstimator(settings: settings).estimate(model, data: ExampleData.mobi())
      }
      #expect(error?.description.contains("'Satisfaction'") == true)
    }
  }

  @Test("blindfolding and PLSpredict refuse HOC models of either method")
  func assessment() throws {
    let model = try PathModel(syntax: Self.mobi)
    for method in HigherOrderMethod.allCases {
      var settings = PLSSettings()
      settings.higherOrder = method
      let estimate = try PLSEstimator(settings: settings).estimate(model, data: ExampleData.mobi())
      let q2 = expectError(AssessmentError.self) { try Blindfolding(estimate: estimate) }
      #expect(q2?.description.contains("blindfolding") == true)
      #expect(q2?.description.contains("'Satisfaction'") == true)
      let predict = expectError(AssessmentError.self) { try PLSPredict(estimate: estimate) }
      #expect(predict?.description.contains("PLSpredict") == true)
    }
  }

  @Test("the IPMA refuses a two-stage HOC estimate and maps a repeated-indicators one")
  func ipma() throws {
    let model = try PathModel(syntax: Self.mobi)
    let bounds = ScaleBounds(minimum: 1, maximum: 10)
    let twoStage = try PLSEstimator().estimate(model, data: ExampleData.mobi())
    let error = expectError(ImportancePerformanceError.self) {
      try ImportancePerformance(estimate: twoStage, target: "Loyalty", defaultBounds: bounds)
    }
    #expect(error == .higherOrderTwoStageNotSupported(construct: "Satisfaction"))
    var settings = PLSSettings()
    settings.higherOrder = .repeatedIndicators
    let repeated = try PLSEstimator(settings: settings).estimate(model, data: ExampleData.mobi())
    _ = try ImportancePerformance(estimate: repeated, target: "Loyalty", defaultBounds: bounds)
  }

  @Test("MGA: permutations of a two-stage HOC estimate are refused; its bootstrap alone runs")
  func multiGroup() throws {
    let mobi = try ExampleData.mobi()
    let groups = (0..<mobi.rowCount).map { Double($0 % 2 + 1) }
    let data = try DataTable(
      columnNames: mobi.columnNames + ["g"], columns: mobi.columns + [groups])
    let model = try PathModel(syntax: Self.mobi)
    let split = try GroupSplit(data: data, column: "g", model: model)
    let refused = expectError(AssessmentError.self) {
      try MultiGroupAnalysis(
        settings: MultiGroupSettings(permutations: 10, resamples: 0, threads: 1)
      ).run(model, groups: split)
    }
    #expect(refused?.description.contains("multi-group") == true)
    let micom = expectError(AssessmentError.self) {
      try MICOM(model, groups: split, permutations: 10, seed: 1, threads: 1)
    }
    #expect(micom?.description.contains("MICOM") == true)
    let result = try MultiGroupAnalysis(
      settings: MultiGroupSettings(permutations: 0, resamples: 20, threads: 1)
    ).run(model, groups: split)
    #expect(!result.differences.isEmpty)
  }
}
