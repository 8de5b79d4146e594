import Foundation
import PLSSEM
import PLSSEMReport
import TestSupport

/// The corporate reputation simple model (examples/corporate-reputation), estimated, assessed
/// and optionally bootstrapped through the library, once per test run.
enum CorpRep {
  /// How the report names its inputs (relative, so goldens do not depend on the checkout).
  static let dataName = ExampleData.corpRepData
  static let modelName = ExampleData.corpRepSimpleModel

  /// The report without bootstrap.
  static func plain() throws -> EstimationReport { try plainResult.get() }
  /// The report with 200 bootstrap resamples, seed 1.
  static func bootstrapped() throws -> EstimationReport { try bootstrappedResult.get() }

  private static let plainResult = Result { try build(resamples: 0) }
  private static let bootstrappedResult = Result { try build(resamples: 200) }

  /// Builds the report of the simple model, optionally bootstrapped with seed 1.
  static func build(resamples: Int, modelFile: String = "simple.model") throws -> EstimationReport {
    let data = try ExampleData.corpRep()
    let text = try Repository.text("examples/corporate-reputation/\(modelFile)")
    let model = try PathModel(syntax: text, source: modelFile)
    let estimate = try PLSEstimator().estimate(model, data: data)
    let assessment = try PLSAssessment(estimate: estimate)
    let bootstrap =
      resamples > 0
      ? try Bootstrapper(settings: BootstrapSettings(resamples: resamples, seed: 1)).result(
        estimate) : nil
    var report = EstimationReport(
      estimate: estimate, assessment: assessment, bootstrap: bootstrap, dataSource: dataName,
      modelSource: "examples/corporate-reputation/\(modelFile)")
    report.modelText = text
    return report
  }
}

/// Any bundled example, estimated and assessed through the library (no bootstrap).
enum Example {
  static func report(directory: String, data: String, model: String, missingCodes: [Double] = [])
    throws
    -> EstimationReport
  {
    let table = try ExampleData.table("\(directory)/\(data)", missingCodes: missingCodes)
    let text = try Repository.text("\(directory)/\(model)")
    let estimate = try PLSEstimator().estimate(PathModel(syntax: text, source: model), data: table)
    return EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
      dataSource: "\(directory)/\(data)",
      modelSource: "\(directory)/\(model)")
  }
}
