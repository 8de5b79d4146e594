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

/// Estimates, naming the model file in errors about the model (the engine names the data
/// source itself).
func estimate(_ model: PathModel, modelPath: String, data: DataTable, settings: PLSSettings) throws
  -> PLSEstimate
{
  do {
    return try PLSEstimator(settings: settings).estimate(model, data: data)
  } catch let error as SpecificationError {
    throw InputError(description: error.description(inFile: modelPath))
  }
}

/// The analysis behind `estimate`, `report`, a whole `bootstrap` and `merge`: load and
/// estimate, assess, and with `--bootstrap N` (N > 0) bootstrap, drawing the progress bar and
/// writing `--keep-draws` — or, for `merge`, finish the `merged` state of the shards instead.
func analyze(
  _ input: InputOptions, _ algorithm: AlgorithmOptions, _ assess: AssessOptions,
  _ bootstrap: BootstrapOptions, merged: BootstrapState? = nil
) throws -> EstimationReport {
  guard bootstrap.bootstrap >= 0 else {
    throw InputError(
      description: "--bootstrap must be 0 (no bootstrap) or more (got \(bootstrap.bootstrap))")
  }
  let estimate = try loadAndEstimate(input, algorithm)
  let assessment = try PLSAssessment(
    estimate: estimate, options: assess.options(seed: bootstrap.seed))
  var result: BootstrapResult?
  if let merged {
    result = try BootstrapResult(state: merged, estimate: estimate)
  } else if bootstrap.bootstrap > 0 {
    let progress = ProgressBar.forStandardError(label: "bootstrap")
    let bootstrapper = Bootstrapper(
      settings: bootstrap.settings(resamples: bootstrap.bootstrap))
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
