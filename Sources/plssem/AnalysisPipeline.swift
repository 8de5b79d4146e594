import Foundation
import PLSSEM
import PLSSEMReport
import Survey

/// Loads data and model and estimates.
func loadAndEstimate(_ input: InputOptions, _ algorithm: AlgorithmOptions) throws -> PLSEstimate {
  let model = try loadModel(input.model)
  let data = try loadData(input, model: model).table
  var settings = algorithm.settings
  settings.missing = input.missing
  let estimate = try estimate(model, modelPath: input.model, data: data, settings: settings)
  if !estimate.converged {
    let n = settings.maxIterations
    warn(
      "the PLS algorithm did not converge within \(n) iteration\(n == 1 ? "" : "s"); results are provisional"
    )
  }
  return estimate
}

/// Reads and parses a model file; errors name the file, line and column.
func loadModel(_ path: String) throws -> PathModel {
  let text = try readText(path, what: "model")
  do {
    return try PathModel(syntax: text, source: path)
  } catch {
    throw InputError(description: error.description(inFile: path))
  }
}

/// Estimates, naming the model file and the data in every error about them.
func estimate(_ model: PathModel, modelPath: String, data: DataTable, settings: PLSSettings) throws
  -> PLSEstimate
{
  do {
    return try PLSEstimator(settings: settings).estimate(model, data: data)
  } catch let error as SpecificationError {
    if case .unknownIndicator = error {
      // Name the data file where the message says "the data".
      let text = error.description(inFile: modelPath)
        .replacingOccurrences(
          of: "not a column of the data; the data has",
          with: "not a column of \(data.source), which has"
        )
        .replacingOccurrences(
          of: "not a column of the data", with: "not a column of \(data.source)")
      throw InputError(description: text)
    }
    throw InputError(description: error.description(inFile: modelPath))
  } catch let error as EstimationError {
    if case .invalidSetting = error { throw error }
    throw InputError(description: "\(data.source): \(error)")
  }
}

/// The analysis behind `estimate`, `report` and a whole `bootstrap`: load and estimate, assess,
/// and with `--bootstrap N` (N > 0) bootstrap, drawing the progress bar and writing
/// `--keep-draws`.
func analyze(
  _ input: InputOptions, _ algorithm: AlgorithmOptions, _ assess: AssessOptions,
  _ bootstrap: BootstrapOptions
) throws -> EstimationReport {
  guard bootstrap.bootstrap >= 0 else {
    throw InputError(
      description: "--bootstrap must be 0 (no bootstrap) or more (got \(bootstrap.bootstrap))")
  }
  let estimate = try loadAndEstimate(input, algorithm)
  let assessment = try PLSAssessment(
    estimate: estimate, options: assess.options(seed: bootstrap.seed))
  var result: BootstrapResult?
  if bootstrap.bootstrap > 0 {
    let progress = ProgressBar.forStandardError(label: "bootstrap")
    let bootstrapper = Bootstrapper(settings: bootstrap.settings(resamples: bootstrap.bootstrap))
    let sink = try bootstrap.keepDraws.map {
      try DrawWriter(path: $0, keys: bootstrapper.statisticKeys(for: estimate))
    }
    result = try bootstrapper.result(estimate, progress: progress?.update, draws: sink?.write)
    progress?.finish()
    try sink?.close()
  }
  return EstimationReport(
    estimate: estimate, assessment: assessment, bootstrap: result, dataSource: input.data,
    modelSource: input.model)
}
