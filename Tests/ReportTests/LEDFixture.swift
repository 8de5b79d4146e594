import Foundation
import PLSSEM
import PLSSEMReport
import TestSupport

/// The LED survey example (examples/led-survey), mediation model, 100 respondents, estimated,
/// assessed with blindfolding and bootstrapped through the library, as `make run` does
/// (`scripts/run-example.sh`; fewer resamples here).
enum LED {
  static let directory = "examples/led-survey"
  static let dataName = "\(directory)/responses-100.csv"
  static let modelName = "\(directory)/mediation.model"
  /// The negatively worded items, reverse-coded on the 1–5 scale as the codebook says
  /// (`reverse: true`), `6 − x`.
  static let reversed: Set<String> = ["X2_CO3", "Y_MS2"]
  /// Bootstrap resamples and seed of the bootstrapped report.
  static let resamples = 1000
  static let seed: UInt64 = 2024

  /// The responses with the reverse-coded items turned, the respondent column dropped.
  static func data() throws -> DataTable {
    let raw = try ExampleData.table(dataName)
    var names: [String] = []
    var columns: [[Double]] = []
    for (name, column) in zip(raw.columnNames, raw.columns) where name != "respondent" {
      names.append(name)
      columns.append(reversed.contains(name) ? column.map { 6 - $0 } : column)
    }
    return try DataTable(columnNames: names, columns: columns, source: dataName)
  }

  /// The bootstrapped report (1,000 resamples, seed 2024, blindfolding D = 7).
  static func bootstrapped() throws -> EstimationReport { try bootstrappedResult.get() }
  /// The report without a bootstrap (blindfolding D = 7).
  static func plain() throws -> EstimationReport { try plainResult.get() }

  private static let bootstrappedResult = Result { try build(resamples: resamples) }
  private static let plainResult = Result { try build(resamples: 0) }

  /// The report of the mediation model, or of `modelText` when given (e.g. with other
  /// hypotheses).
  static func build(resamples: Int, modelText: String? = nil, tails: TestTails = .two) throws
    -> EstimationReport
  {
    let text = try modelText ?? Repository.text(modelName)
    let model = try PathModel(syntax: text, source: "mediation.model")
    let estimate = try PLSEstimator().estimate(model, data: data())
    let assessment = try PLSAssessment(
      estimate: estimate, options: AssessmentOptions(blindfoldingOmissionDistance: 7))
    let bootstrap =
      resamples > 0
      ? try Bootstrapper(
        settings: BootstrapSettings(resamples: resamples, seed: seed, tails: tails)
      )
      .result(estimate) : nil
    var report = EstimationReport(
      estimate: estimate, assessment: assessment, bootstrap: bootstrap, dataSource: dataName,
      modelSource: modelName)
    report.modelText = text
    return report
  }
}
