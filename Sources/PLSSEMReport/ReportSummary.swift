import PLSSEM

/// The header facts of a report as sentences (files, observations, missing-data handling,
/// algorithm settings, convergence, bootstrap), shared by the Markdown and HTML renderers.
struct ReportSummary {
  let report: EstimationReport

  init(_ report: EstimationReport) {
    self.report = report
  }

  /// "Model simple.model, data corp_rep.csv."
  var files: String { "Model \(report.modelSource); data \(report.dataSource)." }

  /// Observations and what missing-value treatment did.
  var data: String {
    let e = report.estimate
    let s = e.dataSummary
    var text = "\(e.observations) observations"
    switch s.treatment {
    case .meanReplacement:
      text +=
        s.replacedCells > 0
        ? "; \(s.replacedCells) missing \(s.replacedCells == 1 ? "cell" : "cells") replaced by indicator means"
        : "; no missing values"
      if !s.replacedPerIndicator.isEmpty {
        text +=
          " ("
          + s.replacedPerIndicator.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
          .joined(separator: ", ") + ")"
      }
    case .casewiseDeletion:
      text +=
        s.droppedRows > 0
        ? "; \(s.droppedRows) incomplete \(s.droppedRows == 1 ? "row" : "rows") dropped (casewise deletion)"
        : "; no incomplete rows (casewise deletion)"
    }
    return text + "."
  }

  /// Algorithm settings and convergence.
  var algorithm: String {
    let e = report.estimate
    let s = e.settings
    var text = s.consistent ? "Consistent PLS (PLSc), " : "PLS, "
    text += "\(s.scheme.rawValue) weighting scheme; "
    text +=
      e.converged
      ? "converged after \(e.iterations) iterations (\(s.stopCriterion.rawValue) change below \(NumberText.setting(s.tolerance)))."
      : "WARNING: did not converge within \(s.maxIterations) iterations; results are provisional."
    return text
  }

  /// The admissibility verdict (`Admissibility`: the checks of cSEM's `verify()`); the
  /// problems themselves are the warnings.
  var admissibility: String {
    let problems = report.estimate.admissibility.problems
    guard !problems.isEmpty else {
      return
        "Admissible solution (cSEM's verify() checks: convergence, loadings, reliabilities, construct and model-implied correlations)."
    }
    return
      "INADMISSIBLE solution: \(problems.count) \(problems.count == 1 ? "problem" : "problems") (cSEM's verify() checks), listed in the warnings."
  }

  /// The bootstrap run, when there was one.
  var bootstrap: String? {
    guard let b = report.bootstrap else { return nil }
    return
      "Bootstrap: \(b.resamples) resamples (\(b.failed) failed), seed \(b.seed), \(b.settings.confidenceInterval.rawValue) "
      + "\(NumberText.setting(b.settings.level * 100))% confidence intervals, p-values from the \(b.settings.pValues.rawValue) distribution."
  }

  /// All of the above, in order.
  var lines: [String] { [files, data, algorithm, admissibility] + (bootstrap.map { [$0] } ?? []) }
}
