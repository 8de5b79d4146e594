import Foundation
import TestSupport
import Testing

@testable import PLSSEM

private typealias Fx = AssessExtrasFixture

/// PLSpredict in degenerate cases and as part of ``PLSAssessment``.
@Suite("PLSpredict degenerate cases and assessment options")
struct PLSPredictDegenerateTests {
  static let corp = "examples/corporate-reputation/"

  @Test("a reverse-coded indicator: same errors, predictions reflected")
  func reverseCodedIndicator() throws {
    let data = try ExampleData.table(Self.corp + "corp_rep.csv", missingCodes: [-99])
    let model = try PathModel(syntax: Repository.text(Self.corp + "simple.model"))
    let estimator = PLSEstimator(settings: PLSSettings(tolerance: 1e-14))
    let original = try PLSPredict(estimate: estimator.estimate(model, data: data))
    let flipped = try PLSPredict(
      estimate: estimator.estimate(model, data: Fx.negating(data, column: "cusl_2")))
    for (a, b) in zip(original.indicators, flipped.indicators) {
      expectClose(b.plsRMSE, a.plsRMSE, tolerance: 1e-9, "\(a.indicator) RMSE")
      expectClose(b.q2Predict, a.q2Predict, tolerance: 1e-9, "\(a.indicator) Q²_predict")
      expectClose(b.lmRMSE, a.lmRMSE, tolerance: 1e-9, "\(a.indicator) LM RMSE")
    }
    let t = try #require(original.indicators.firstIndex { $0.indicator == "cusl_2" })
    for i in 0..<original.plsPredictions.rows {
      expectClose(
        flipped.plsPredictions[i, t], -original.plsPredictions[i, t], tolerance: 1e-9, "row \(i)")
    }
  }

  @Test("only indicators of endogenous constructs are predicted; every value is finite")
  func targets() throws {
    let data = try ExampleData.table(Self.corp + "corp_rep.csv", missingCodes: [-99])
    let model = try PathModel(syntax: Repository.text(Self.corp + "extended.model"))
    let result = try PLSPredict(estimate: PLSEstimator().estimate(model, data: data))
    #expect(Set(result.indicators.map(\.construct)) == ["COMP", "LIKE", "CUSA", "CUSL"])
    for row in result.indicators {
      for value in [row.plsRMSE, row.plsMAE, row.q2Predict, row.lmRMSE, row.lmMAE, row.lmQ2Predict]
      {
        #expect(value.isFinite)
      }
      #expect(row.plsMAE <= row.plsRMSE && row.lmMAE <= row.lmRMSE)
    }
  }

  @Test("collinear benchmark predictors are a clear error naming the indicator and fold")
  func singularBenchmark() throws {
    // A Mode A block may hold two identical indicators (PLS does not invert it), but the LM
    // benchmark's design then has two identical columns.
    let data = try Fx.duplicating(
      ExampleData.table(Self.corp + "corp_rep.csv", missingCodes: [-99]), column: "comp_1",
      as: "comp_1_copy"
    )
    let text = try Repository.text(Self.corp + "simple.model").replacingOccurrences(
      of: "COMP =~ comp_1 + comp_2 + comp_3", with: "COMP =~ comp_1 + comp_2 + comp_3 + comp_1_copy"
    )
    let estimate = try PLSEstimator().estimate(PathModel(syntax: text), data: data)
    do {
      _ = try PLSPredict(estimate: estimate)
      Issue.record("expected a singular-benchmark error")
    } catch let error as AssessmentError {
      guard case .singularBenchmark(_, let step) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(step.hasPrefix("PLSpredict fold"))
    }
  }

  @Test("PLSAssessment runs blindfolding and PLSpredict only when asked, with the same results")
  func assessmentOptions() throws {
    let data = try ExampleData.table(Self.corp + "corp_rep.csv", missingCodes: [-99])
    let estimate = try PLSEstimator().estimate(
      PathModel(syntax: Repository.text(Self.corp + "simple.model")), data: data)
    let fast = try PLSAssessment(estimate: estimate)
    #expect(fast.q2 == nil && fast.plsPredict == nil && fast.options == .fast)
    #expect(fast.fit == (try ModelFit(estimate: estimate)))
    let complete = try PLSAssessment(estimate: estimate, options: .complete(seed: 9))
    #expect(complete.q2 == (try Blindfolding(estimate: estimate, omissionDistance: 7)))
    #expect(
      complete.plsPredict
        == (try PLSPredict(estimate: estimate, settings: PLSPredictSettings(seed: 9))))
    #expect(complete.fSquare == fast.fSquare && complete.reliability == fast.reliability)
    #expect(
      throws: AssessmentError.omissionDistanceDividesObservations(distance: 8, observations: 344)
    ) {
      try PLSAssessment(
        estimate: estimate, options: AssessmentOptions(blindfoldingOmissionDistance: 8))
    }
  }
}
