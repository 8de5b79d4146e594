import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Data the algorithm cannot use (each a typed ``EstimationError`` naming the construct or
/// indicator) and runs that stop at the iteration cap (not an error: `converged == false`).
@Suite("Estimation errors and non-convergence")
struct EstimationErrorTests {
  static let simpleModel = """
    COMP =~ comp_1 + comp_2 + comp_3
    LIKE =~ like_1 + like_2 + like_3
    CUSA =~ cusa
    CUSL =~ cusl_1 + cusl_2 + cusl_3
    CUSA ~ COMP + LIKE
    CUSL ~ COMP + LIKE + CUSA
    """

  /// The corp rep data with extra columns appended.
  static func corpRep(adding extra: [(String, (DataTable) -> [Double])] = [], rows: Int? = nil)
    throws -> DataTable
  {
    let data = try ExampleData.corpRep()
    let n = rows ?? data.rowCount
    return try DataTable(
      columnNames: data.columnNames + extra.map(\.0),
      columns: (data.columns + extra.map { $0.1(data) }).map { Array($0.prefix(n)) },
      source: "corp_rep.csv")
  }

  @Test("constant indicator names the indicator and its construct")
  func constantIndicator() throws {
    let data = try Self.corpRep(adding: [("constant", { Array(repeating: 4, count: $0.rowCount) })])
    let model = try PathModel(
      syntax: Self.simpleModel.replacingOccurrences(of: "comp_3", with: "constant"))
    let error = expectError(EstimationError.self) { try PLSEstimator().estimate(model, data: data) }
    #expect(
      error == .constantIndicator(indicator: "constant", construct: "COMP", source: "corp_rep.csv"))
    let text = error?.description ?? ""
    #expect(text.contains("'constant'") && text.contains("'COMP'"), "\(text)")
  }

  @Test("an indicator constant after mean replacement is constant")
  func constantAfterMeanReplacement() throws {
    let data = try Self.corpRep(adding: [
      ("mostly", { d in (0..<d.rowCount).map { $0 < 5 ? .nan : 2 } })
    ])
    let model = try PathModel(
      syntax: Self.simpleModel.replacingOccurrences(of: "like_2", with: "mostly"))
    let error = expectError(EstimationError.self) { try PLSEstimator().estimate(model, data: data) }
    #expect(
      error == .constantIndicator(indicator: "mostly", construct: "LIKE", source: "corp_rep.csv"))
  }

  @Test("collinear Mode B block (two identical columns) names the construct")
  func collinearModeBBlock() throws {
    let data = try Self.corpRep(adding: [("comp_1_copy", { $0.column(named: "comp_1") ?? [] })])
    let model = try PathModel(
      syntax: Self.simpleModel.replacingOccurrences(
        of: "COMP =~ comp_1 + comp_2 + comp_3", with: "COMP <~ comp_1 + comp_2 + comp_1_copy"))
    let error = expectError(EstimationError.self) { try PLSEstimator().estimate(model, data: data) }
    #expect(error == .collinearBlock(construct: "COMP", source: "corp_rep.csv"))
    let text = error?.description ?? ""
    #expect(text.contains("'COMP'") && text.contains("collinear"), "\(text)")
  }

  @Test("identical columns in a Mode A block are fine")
  func identicalColumnsModeA() throws {
    let data = try Self.corpRep(adding: [("comp_1_copy", { $0.column(named: "comp_1") ?? [] })])
    let model = try PathModel(
      syntax: Self.simpleModel.replacingOccurrences(of: "comp_3", with: "comp_1_copy"))
    let estimate = try PLSEstimator().estimate(model, data: data)
    #expect(estimate.converged)
    #expect(estimate.weight("comp_1") == estimate.weight("comp_1_copy"))
  }

  @Test("too few rows: two observations")
  func tooFewRows() throws {
    let data = try Self.corpRep(rows: 2)
    let model = try PathModel(syntax: Self.simpleModel)
    let error = expectError(EstimationError.self) { try PLSEstimator().estimate(model, data: data) }
    #expect(error == .tooFewObservations(required: 3, available: 2, source: "corp_rep.csv"))
    #expect(error?.description.contains("at least 3") == true)
  }

  @Test("too few rows for the largest regression")
  func tooFewRowsForRegression() throws {
    // CUSL has three predecessors: n ≥ 5.
    let data = try Self.corpRep(rows: 4)
    let model = try PathModel(syntax: Self.simpleModel)
    let error = expectError(EstimationError.self) { try PLSEstimator().estimate(model, data: data) }
    #expect(error == .tooFewObservations(required: 5, available: 4, source: "corp_rep.csv"))
  }

  @Test("an empty table")
  func emptyTable() throws {
    let data = try DataTable(
      columnNames: ["a1", "b1"], columns: [[], []], source: "empty")
    let model = try PathModel(syntax: "A =~ a1\nB =~ b1\nB ~ A")
    // With no rows every column is all-missing.
    let error = expectError(DataError.self) { try PLSEstimator().estimate(model, data: data) }
    #expect(error == .allMissing(source: "empty", column: "a1"))
  }

  @Test("an infinite value handed over in code is rejected, naming indicator and row")
  func infiniteValueInCode() throws {
    let data = try Self.corpRep(adding: [
      (
        "comp_3_bad",
        { d in
          (d.column(named: "comp_3") ?? []).enumerated().map {
            $0.offset == 6 ? .infinity : $0.element
          }
        }
      )
    ])
    let model = try PathModel(
      syntax: Self.simpleModel.replacingOccurrences(of: "comp_3", with: "comp_3_bad"))
    let error = expectError(EstimationError.self) { try PLSEstimator().estimate(model, data: data) }
    // Row 7 counted from 1 (the seventh observation).
    #expect(error == .nonFiniteData(indicator: "comp_3_bad", row: 7, source: "corp_rep.csv"))
  }

  @Test("invalid settings")
  func invalidSettings() throws {
    let data = try Self.corpRep()
    let model = try PathModel(syntax: Self.simpleModel)
    for settings in [
      PLSSettings(maxIterations: 0), PLSSettings(tolerance: 0), PLSSettings(tolerance: -1),
      PLSSettings(tolerance: .nan),
    ] {
      let error = expectError(EstimationError.self) {
        try PLSEstimator(settings: settings).estimate(model, data: data)
      }
      guard case .invalidSetting(let problem)? = error else {
        Issue.record("expected invalidSetting for \(settings), got \(String(describing: error))")
        continue
      }
      #expect([.maxIterations, .tolerance].contains(problem.setting))
      #expect(error?.source == nil, "a setting is not a property of the data")
      let message = error?.description ?? "--"
      #expect(!message.contains("--"), "\(message)")
    }
  }

  @Test("estimation errors name the data set they were found in; plain errors do not")
  func errorsNameTheDataSource() throws {
    let error = EstimationError.collinearBlock(construct: "A")
    #expect(error.source == nil)
    #expect(error.description.hasPrefix("the indicators of Mode B construct 'A'"))
    let named = error.naming(source: "survey.csv")
    #expect(named == .collinearBlock(construct: "A", source: "survey.csv"))
    #expect(named.description.hasPrefix("survey.csv: the indicators of Mode B construct 'A'"))
    #expect(named.naming(source: "other.csv") == named, "the first source named stays")
    // An inadmissible solution that was required admissible: every problem listed, the source
    // named.
    let problem = AdmissibilityProblem(
      kind: .reliabilityAboveOne, constructs: ["A"], value: 1.2, consistent: true)
    let inadmissible = EstimationError.inadmissibleSolution(problems: [problem])
      .naming(source: "survey.csv")
    #expect(inadmissible.source == "survey.csv")
    #expect(
      inadmissible.description.hasPrefix("survey.csv: the solution is inadmissible (1 problem)"))
    #expect(inadmissible.description.contains("rho_A of 'A' is 1.2, above 1"))
  }

  /// `--max-iterations 1`: passes 0 and 1, then stop, unconverged, with results.
  @Test("an iteration cap of 1 gives converged == false without throwing")
  func nonConvergence() throws {
    let data = try Self.corpRep()
    let model = try PathModel(syntax: Self.simpleModel)
    let capped = try PLSEstimator(settings: PLSSettings(maxIterations: 1)).estimate(
      model, data: data)
    #expect(capped.converged == false)
    #expect(capped.iterations == 1)
    #expect(capped.weights.allSatisfy { $0.isFinite })
    #expect(capped.pathCoefficients.storage.allSatisfy { $0.isFinite })
    // The unconverged paths differ from the converged ones, but not by much.
    let converged = try PLSEstimator().estimate(model, data: data)
    let difference = abs(
      (capped.path(from: "CUSA", to: "CUSL") ?? .nan)
        - (converged.path(from: "CUSA", to: "CUSL") ?? .nan))
    #expect(difference > 0 && difference < 1e-2, "\(difference)")
    // An assessment of an unconverged estimate still works.
    _ = try PLSAssessment(estimate: capped)
  }

  @Test("a cap of exactly the passes seminr needs converges; one fewer does not")
  func capAtTheConvergingPass() throws {
    let data = try Self.corpRep()
    let model = try PathModel(syntax: Self.simpleModel)
    let enough = try PLSEstimator(settings: PLSSettings(maxIterations: 4)).estimate(
      model, data: data)
    #expect(enough.converged && enough.iterations == 4)
    let short = try PLSEstimator(settings: PLSSettings(maxIterations: 3)).estimate(
      model, data: data)
    #expect(!short.converged && short.iterations == 3)
  }

  @Test("collinear predecessors name the construct and its predecessors")
  func collinearPredecessors() throws {
    // Two single-item constructs measured by the same values: their scores are identical.
    let data = try Self.corpRep(adding: [("cusa_copy", { $0.column(named: "cusa") ?? [] })])
    let model = try PathModel(
      syntax: """
        COMP =~ comp_1 + comp_2 + comp_3
        CUSA =~ cusa
        TWIN =~ cusa_copy
        CUSL =~ cusl_1 + cusl_2 + cusl_3
        CUSA ~ COMP
        TWIN ~ COMP
        CUSL ~ CUSA + TWIN
        """)
    let error = expectError(EstimationError.self) { try PLSEstimator().estimate(model, data: data) }
    #expect(
      error
        == .collinearPredecessors(
          construct: "CUSL", predecessors: ["CUSA", "TWIN"], source: "corp_rep.csv"))
    #expect(error?.description.contains("'CUSL'") == true)
  }
}
