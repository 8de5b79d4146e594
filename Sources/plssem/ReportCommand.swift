import ArgumentParser
import Foundation
import PLSSEM
import PLSSEMReport

/// `plssem report`: estimate, assess and (optionally) bootstrap a model like `plssem estimate`,
/// and write the self-contained HTML report with the path diagram.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the HTML report of a model: path diagram, measurement and structural model.",
    discussion: """
      Takes the options of `plssem estimate` and writes one self-contained
      HTML file (no network, no scripts) to --output, report.html by default.
      Add --bootstrap N for t, p and confidence intervals in the tables and
      on the diagram; --blindfolding and --predict add Q² and PLSpredict;
      --narrative id or en adds the results in words (measurement and
      structural model, the hypotheses of the model file, mediation) in
      Indonesian or English.

      --format markdown, csv, table or json writes that format instead, to
      report.md, report.csv, report.txt or report.json unless --output says
      otherwise; --output - writes to standard output.

      Examples:
        plssem report --data corp_rep.csv --model simple.model \\
          --missing-code -99
        plssem report --data corp_rep.csv --model simple.model \\
          --missing-code -99 --bootstrap 5000 --seed 7 --output corp-rep.html
        plssem report --data corp_rep.csv --model simple.model \\
          --missing-code -99 --format markdown    # writes report.md
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var algorithm: AlgorithmOptions
  @OptionGroup var assess: AssessOptions
  @OptionGroup var bootstrap: BootstrapOptions
  @OptionGroup var extras: ExtraAssessmentOptions

  @Option(name: .long, help: "Output format: html, markdown, csv, table or json.")
  var format: OutputFormat = .html

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the report to this file (whole or not at all); - for standard output. (default: report.html, or report.md, .csv, .txt, .json for the other formats)",
      valueName: "file"))
  var output: String?

  /// Where the report goes: `--output`, else `report.` and the format's file extension.
  var destination: String {
    output ?? "report.\(format.fileExtension)"
  }

  @OptionGroup var narrative: NarrativeOptions
  @OptionGroup var scores: ScoresOptions
  @OptionGroup var messages: MessageOptions

  func validate() throws {
    try narrative.check(format: format)
  }

  func run() throws {
    messages.apply()
    Console.setReport(format, destination: destination == "-" ? nil : destination)
    try runReportingErrors {
      let (report, inputs) = try analysis(input, algorithm, assess, bootstrap, extras: extras)
      try scores.write(inputs)
      let destination = self.destination
      try emit(
        render(try narrative.apply(to: report, input: input), format: format),
        to: destination == "-" ? nil : destination)
      if destination != "-" { Console.note("wrote \(destination)") }
    }
  }
}
