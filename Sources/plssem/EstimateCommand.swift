import ArgumentParser
import Foundation
import PLSSEM
import PLSSEMReport

/// `plssem estimate`: fit, assess and (optionally) bootstrap a model.
struct EstimateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "estimate",
    abstract: "Estimate a PLS path model, assess it, and optionally bootstrap it.",
    discussion: """
      Examples:
        plssem estimate --data corp_rep.csv --model simple.model --missing-code -99
        plssem estimate --data corp_rep.csv --model simple.model --missing-code -99 --bootstrap 10000 --seed 7
        plssem estimate --data mobi.csv --model mobi.model --scheme factorial --format json --output mobi.json
        plssem estimate --data mobi.csv --model mobi.model --consistent --blindfolding --predict
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var algorithm: AlgorithmOptions
  @OptionGroup var assess: AssessOptions
  @OptionGroup var bootstrap: BootstrapOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try runReportingErrors {
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
        let sink = try bootstrap.keepDraws.map {
          try DrawWriter(path: $0, keys: Bootstrapper.keys(for: estimate))
        }
        result = try Bootstrapper(settings: bootstrap.settings(resamples: bootstrap.bootstrap))
          .result(estimate, progress: progress?.update, draws: sink?.write)
        progress?.finish()
        try sink?.close()
      }
      let report = EstimationReport(
        estimate: estimate, assessment: assessment, bootstrap: result, dataSource: input.data,
        modelSource: input.model)
      try emit(render(report, format: output.format), to: output.output)
    }
  }
}
