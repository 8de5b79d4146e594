import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import PLSSEM

private typealias Fx = AssessExtrasFixture

/// PLSpredict against seminr's `predict_pls` (PyPI seminr 0.2.1, the port of R seminr's
/// `predict_pls()`; Shmueli et al. 2016, 2019), fixtures by `scripts/fixtures/make_predict_fixtures.py`.
///
/// The folds are the same on both sides: the script re-implements the project's Philox shuffle
/// (checked against the Random123 known answers) and hands the order to seminr's
/// `predict_pls(ordering:)`, which cuts it into folds like R's `cut`; it asserts that this equals
/// our integer cut. Each fold's re-estimation uses seminr's stop rule (our default), so the
/// X
/// Q²_predict (derived by the script from seminr's predictions and the training means; seminr has
/// none) to 1e-8. Leave-one-out (k = n) does not depend on the shuffle at all.
@Suite("PLSpredict")
struct PLSPredictReferenceTests {
  static let cases = [
    "predict_corprep_simple_ea_k10", "predict_corprep_simple_da_k10",
    "predict_corprep_extended_da_k10",
    "predict_mobi_ea_k7", "predict_satisfaction_plsc_ea_k10", "predict_corprep_simple_da_loocv",
  ]

  @Test("fold assignment, predictions, RMSE, MAE and Q²_predict equal seminr's", arguments: cases)
  func reference(_ name: String) throws {
    let fixture = try Fx.json("predict/\(name).json")
    let consistent = fixture["consistent"] as? Bool ?? false
    let estimate = try Fx.estimate(fixture, settings: PLSSettings(consistent: consistent))
    let n = estimate.observations
    let k = Int(try Fx.number(fixture, "folds"))
    let seed = UInt64(try Fx.number(fixture, "seed"))
    let technique = try #require(PredictionTechnique(rawValue: try Fx.string(fixture, "technique")))
    let expectedFolds = try #require(fixture["foldOfObservation"] as? [Int])
    if k < n {
      // The Philox shuffle and the cut are ours; the fixture's come from the Python re-implementation.
      #expect(
        PLSPredict.shuffledOrder(observations: n, seed: seed)
          == (fixture["shuffledOrder"] as? [Int]))
      #expect(try PLSPredict.foldAssignment(observations: n, folds: k, seed: seed) == expectedFolds)
    }
    let result = try PLSPredict(
      estimate: estimate, settings: PLSPredictSettings(folds: k, seed: seed, technique: technique))
    #expect(result.folds == k && result.technique == technique)
    if k < n { #expect(result.foldOfObservation == expectedFolds) }
    let rows = try Fx.rows(fixture, "indicators")
    #expect(result.indicators.map(\.indicator) == rows.compactMap { $0["indicator"] as? String })
    for (row, actual) in zip(rows, result.indicators) {
      #expect(actual.construct == (row["construct"] as? String))
      for (key, value) in [
        ("plsRMSE", actual.plsRMSE), ("plsMAE", actual.plsMAE), ("q2Predict", actual.q2Predict),
        ("lmRMSE", actual.lmRMSE),
        ("lmMAE", actual.lmMAE), ("lmQ2Predict", actual.lmQ2Predict),
      ] {
        expectClose(
          value, try Fx.number(row, key), tolerance: 1e-10, "\(name) \(actual.indicator) \(key)")
      }
    }
    for (key, matrix) in [
      ("plsPredictions", result.plsPredictions), ("lmPredictions", result.lmPredictions),
    ] {
      let table = try Fx.object(fixture, key)
      let values = try #require(table["rows"] as? [[Double]])
      var largest = 0.0
      for (i, row) in values.enumerated() {
        for (t, v) in row.enumerated() { largest = max(largest, abs(matrix[i, t] - v)) }
      }
      #expect(values.count == n)
      #expect(largest <= 1e-10, "\(name) \(key): largest difference \(largest)")
    }
  }

  @Test("an explicit fold assignment gives the same result as the seeded one it equals")
  func explicitFolds() throws {
    let fixture = try Fx.json("predict/predict_corprep_simple_ea_k10.json")
    let estimate = try Fx.estimate(fixture, settings: PLSSettings())
    let folds = try #require(fixture["foldOfObservation"] as? [Int])
    let seeded = try PLSPredict(
      estimate: estimate, settings: PLSPredictSettings(folds: 10, seed: 1))
    let explicit = try PLSPredict(
      estimate: estimate, settings: PLSPredictSettings(folds: 10, seed: 999, foldAssignment: folds))
    #expect(seeded == explicit)
  }

  @Test(
    "the fold assignment is a deterministic function of the seed; folds differ in size by at most one"
  )
  func foldProperties() throws {
    for (n, k) in [(344, 10), (250, 7), (11, 2), (100, 100), (101, 10)] {
      let a = try PLSPredict.foldAssignment(observations: n, folds: k, seed: 3)
      #expect(a == (try PLSPredict.foldAssignment(observations: n, folds: k, seed: 3)))
      #expect(Set(a) == Set(0..<k))
      let sizes = (0..<k).map { f in a.filter { $0 == f }.count }
      #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "n = \(n), k = \(k): sizes \(sizes)")
    }
    #expect(
      try PLSPredict.foldAssignment(observations: 344, folds: 10, seed: 1)
        != PLSPredict.foldAssignment(observations: 344, folds: 10, seed: 2))
  }

  @Test("invalid fold settings are clear errors")
  func invalidSettings() throws {
    let fixture = try Fx.json("predict/predict_corprep_simple_ea_k10.json")
    let estimate = try Fx.estimate(fixture, settings: PLSSettings())
    #expect(throws: AssessmentError.invalidFoldCount(folds: 1, observations: 344)) {
      try PLSPredict(estimate: estimate, settings: PLSPredictSettings(folds: 1))
    }
    #expect(throws: AssessmentError.invalidFoldCount(folds: 345, observations: 344)) {
      try PLSPredict(estimate: estimate, settings: PLSPredictSettings(folds: 345))
    }
    #expect(throws: AssessmentError.self) {
      try PLSPredict(
        estimate: estimate, settings: PLSPredictSettings(folds: 3, foldAssignment: [0, 1, 2]))
    }
    #expect(throws: AssessmentError.self) {
      try PLSPredict(
        estimate: estimate,
        settings: PLSPredictSettings(folds: 3, foldAssignment: Array(repeating: 1, count: 344)))
    }
  }
}
