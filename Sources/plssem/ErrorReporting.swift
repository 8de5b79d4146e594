import ArgumentParser
import Foundation
import LinearAlgebra
import PLSSEM
import PLSSEMReport
import Survey

/// A problem with the command line's inputs found by the CLI itself.
struct InputError: Error, CustomStringConvertible {
  let description: String
}

/// An error caused by what the user gave (files, model, options): reported with exit code 1.
/// Every such error type names the place in its description.
protocol BadInputError: Error, CustomStringConvertible {}

extension SpecificationError: BadInputError {}
extension DataError: BadInputError {}
extension EstimationError: BadInputError {}
extension AssessmentError: BadInputError {}
extension BootstrapError: BadInputError {}
extension PowerError: BadInputError {}
extension LinearAlgebraError: BadInputError {}
extension SurveyError: BadInputError {}
extension CodebookError: BadInputError {}
extension SimulationError: BadInputError {}
extension OutputFile.WriteError: BadInputError {}
extension InputError: BadInputError {}

/// Runs a command body and maps errors to the exit codes of the contract: 1 for bad input
/// (the message names the place), 2 for internal errors.
func runReportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as ExitCode {
    throw error
  } catch let error as EstimationError {
    fail(error.description(naming: optionName), code: 1)
  } catch let error as BootstrapError {
    fail(error.description(naming: optionName), code: 1)
  } catch let error as PowerError {
    fail(error.description(naming: optionName), code: 1)
  } catch let error as any BadInputError {
    fail(error.description, code: 1)
  } catch {
    fail("internal error: \(error)", code: 2)
  }
}

/// How the command line names an engine setting in a message: the library's words and the
/// option that sets it, e.g. "the number of worker threads (--threads)". The one place where
/// settings are mapped to flags.
func optionName(_ setting: SettingName) -> String {
  let flag: String
  switch setting {
  case .maxIterations: flag = "--max-iterations"
  case .tolerance: flag = "--tolerance"
  case .consistent: flag = "--consistent"
  case .resamples: flag = "--bootstrap"
  case .confidenceLevel: flag = "--level"
  case .maximumFailureShare: flag = "--max-failure-share"
  case .threads: flag = "--threads"
  case .shard: flag = "--shard"
  case .exactQuantileBudget: flag = "--exact-quantile-budget"
  case .inadmissibleResamples: flag = "--inadmissible-resamples"
  case .respondents: flag = "--respondents"
  case .replications: flag = "--replications"
  case .significanceLevel: flag = "--alpha"
  case .targetPower: flag = "--target-power"
  case .permutations: flag = "--permutations"
  case .higherOrderMethod: flag = "--hoc"
  case .simpleSlopeLevels: flag = "--slope-levels"
  case .powerTest: flag = "--test"
  case .bootstrapStatistics: return setting.description  // a library setting only
  }
  return "\(setting.description) (\(flag))"
}

private func fail(_ message: String, code: Int32) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
  exit(code)
}

/// Writes to standard error.
func warn(_ message: String) {
  FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

/// Prints diagnostics to standard error, one line each (`warning: …`, `note: …`); notes are
/// silenced by `--quiet`, warnings always print — unless the table or Markdown report on
/// standard output lists them itself (``Console/diagnosticsInReport``).
func printDiagnostics(_ diagnostics: [Diagnostic]) {
  guard !Console.diagnosticsInReport else { return }
  for diagnostic in diagnostics where !(diagnostic.severity == .note && Console.isQuiet) {
    FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
  }
}
