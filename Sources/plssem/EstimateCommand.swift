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
        plssem estimate --data led.csv --codebook codebook.yaml --model mediation.model --bootstrap 5000 --format markdown --narrative id
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var algorithm: AlgorithmOptions
  @OptionGroup var assess: AssessOptions
  @OptionGroup var bootstrap: BootstrapOptions
  @OptionGroup var extras: ExtraAssessmentOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var narrative: NarrativeOptions

  @OptionGroup var scores: ScoresOptions
  @OptionGroup var messages: MessageOptions

  func validate() throws {
    try narrative.check(format: output.format)
  }

  func run() throws {
    messages.apply()
    Console.setReport(output.format, destination: output.output)
    try runReportingErrors {
      let (report, inputs) = try analysis(input, algorithm, assess, bootstrap, extras: extras)
      try scores.write(inputs)
      try emit(
        render(try narrative.apply(to: report, input: input), format: output.format),
        to: output.output)
    }
  }
}
