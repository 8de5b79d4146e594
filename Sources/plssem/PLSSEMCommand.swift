import ArgumentParser

/// `plssem`: the command-line front end of swift-plssem.
@main
struct PLSSEMCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "plssem",
    abstract: "Partial least squares structural equation modelling (PLS-SEM).",
    discussion: """
      Fit a PLS path model to a CSV file, assess it, and bootstrap its estimates.

      Examples:
        plssem estimate --data corp_rep.csv --model simple.model --missing-code -99
        plssem estimate --data mobi.csv --model mobi.model --bootstrap 5000 --seed 42 --format json
        plssem bootstrap --data mobi.csv --model mobi.model --bootstrap 1000000 --shard 1/4 --output shard-1.json
        plssem merge shard-*.json --format json
        plssem report --data corp_rep.csv --model simple.model --missing-code -99 --bootstrap 5000 --output report.html

      Exit codes: 0 success; 1 bad input or model (the message names the file, line, row,
      column or construct); 2 internal error; 64 invalid option.
      """,
    version: version,
    subcommands: [
      EstimateCommand.self, BootstrapCommand.self, MergeCommand.self, ReportCommand.self,
      MGACommand.self, MICOMCommand.self,
      DescribeCommand.self, CodebookCommand.self,
      SimulateCommand.self, PowerCommand.self,
    ]
  )
}
