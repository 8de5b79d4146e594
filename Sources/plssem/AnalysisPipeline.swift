import Foundation
import PLSSEM
import PLSSEMReport
import Survey

/// What a run read and estimated.
struct EstimatedInputs {
  var estimate: PLSEstimate
  var model: LoadedModel
  var data: LoadedData
  /// Respondents left out before estimation.
  var excluded: [ExcludedRespondent]
}

/// Loads data and model and estimates; prints the estimate's diagnostics (non-convergence,
/// inadmissibility, outer VIF) and, with `--require-admissible`, fails on an inadmissible
/// solution.
func loadAndEstimate(_ input: InputOptions, _ algorithm: AlgorithmOptions) throws -> PLSEstimate {
  try loadInputsAndEstimate(input, algorithm).estimate
}

/// Loads data and model and estimates, keeping what was read.
func loadInputsAndEstimate(_ input: InputOptions, _ algorithm: AlgorithmOptions) throws
  -> EstimatedInputs
{
  let model = try loadModel(input)
  let (data, excluded) = try excludeRespondents(
    try loadData(input, model: model.model), input: input, model: model.model)
  var settings = algorithm.settings
  settings.missing = input.missing
  let estimate = try estimate(
    model.model, modelPath: model.source, data: data.table, settings: settings)
  if algorithm.requireAdmissible {
    do {
      try estimate.requireAdmissible()
    } catch {
      throw error.naming(source: data.table.source)
    }
  }
  printDiagnostics(estimate.diagnostics)
  return EstimatedInputs(estimate: estimate, model: model, data: data, excluded: excluded)
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
  try analysis(input, algorithm, assess, bootstrap, merged: merged).report
}

/// ``analyze(_:_:_:_:merged:)`` with what it read and estimated (for `--scores`); `extras`
/// (`--ipma`, `--cmb`) run right after the estimate, before any bootstrap.
func analysis(
  _ input: InputOptions, _ algorithm: AlgorithmOptions, _ assess: AssessOptions,
  _ bootstrap: BootstrapOptions, merged: BootstrapState? = nil,
  extras: ExtraAssessmentOptions? = nil
) throws -> (report: EstimationReport, inputs: EstimatedInputs) {
  guard bootstrap.bootstrap >= 0 else {
    throw InputError(
      description: "--bootstrap must be 0 (no bootstrap) or more (got \(bootstrap.bootstrap))")
  }
  let inputs = try loadInputsAndEstimate(input, algorithm)
  let estimate = inputs.estimate
  let ipma = try extras?.importancePerformance(inputs)
  let commonMethodBias = try extras?.commonMethodBias(estimate)
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
  printDiagnostics(result?.diagnostics ?? [])
  var report = EstimationReport(
    estimate: estimate, assessment: assessment, bootstrap: result, dataSource: input.data,
    modelSource: inputs.model.source)
  report.modelText = inputs.model.text
  report.ipma = ipma
  report.commonMethodBias = commonMethodBias
  if let first = estimate.higherOrder?.firstStage {
    report.firstStageAssessment = try PLSAssessment(estimate: first)
  }
  report.constructLabels = try constructLabels(input, model: estimate.model)
  if !inputs.excluded.isEmpty {
    report.diagnostics.append(
      ReportDiagnostic(
        severity: .note, code: "respondents-excluded",
        message: exclusionSummary(
          inputs.excluded, of: inputs.data.rowsRead.count, source: inputs.data.table.source),
        value: Double(inputs.excluded.count)))
  }
  return (report, inputs)
}
