import ArgumentParser
import Foundation
import PLSSEMReport
import Survey

/// `plssem simulate`: draw questionnaire data from a population model.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate survey data from a population model (standardised paths and loadings).",
    discussion: """
      Draws continuous construct scores and items from a recursive population model and cuts the
      items into Likert categories at the given thresholds; the same seed gives the same file.

      The population is either the bundled LED study (--example led) or a JSON file with
      {"constructs": [...], "paths": [{"from", "to", "coefficient"}], "correlations":
      [{"first", "second", "value"}], "indicators": [{"item", "construct", "loading"}]}.

      Examples:
        plssem simulate --example led --respondents 100 --seed 100 --output responses.csv
        plssem simulate --population population.json --respondents 500 --continuous --output data.csv
      """)

  @Option(name: .long, help: "A bundled population: led (the reference study's instrument).")
  var example: String?

  @Option(name: .long, help: "A population model as JSON (see above).")
  var population: String?

  @Option(
    name: .long,
    help: "A codebook: write answers as a questionnaire export (reverse-coded items as answered).")
  var codebook: String?

  @Option(name: .long, help: "Number of respondents.")
  var respondents: Int = 100

  @Option(name: .long, help: "Seed of the random draws.")
  var seed: UInt64 = 1

  @Option(
    name: .long, parsing: .unconditional,
    help:
      "Comma-separated thresholds on the standard-normal scale (default for --example led: its own; else -1.5,-0.5,0.5,1.5)."
  )
  var thresholds: String?

  @Flag(name: .long, help: "Write the continuous item values instead of Likert categories.")
  var continuous = false

  @Option(
    name: .long,
    help: "Write the CSV to this file (whole or not at all) instead of standard output.")
  var output: String?

  @OptionGroup var messages: MessageOptions

  func run() throws {
    messages.apply()
    try runReportingErrors {
      guard respondents >= 1 else {
        throw InputError(description: "--respondents must be at least 1 (got \(respondents))")
      }
      let model: PopulationModel
      var codebook: Codebook? = try self.codebook.map { try Codebook(contentsOfFile: $0) }
      var discretizer = LikertDiscretizer.fivePoint
      switch (example, population) {
      case ("led", nil):
        model = try LEDInstrument.populationModel()
        codebook = try codebook ?? LEDInstrument.codebook()
        discretizer = LEDInstrument.exampleDiscretizer
      case (let name?, nil):
        throw InputError(description: "--example \(name): unknown example (available: led)")
      case (nil, let path?):
        guard let data = FileManager.default.contents(atPath: path) else {
          throw InputError(description: "\(path): cannot read the population file")
        }
        do {
          model = try JSONDecoder().decode(PopulationModel.self, from: data)
        } catch {
          throw InputError(description: "\(path): not a population model (\(error))")
        }
      default:
        throw InputError(description: "give exactly one of --example led or --population FILE")
      }
      if let thresholds {
        let values = thresholds.split(separator: ",").map {
          Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
          throw InputError(
            description: "--thresholds takes comma-separated numbers, e.g. -1.5,-0.5,0.5,1.5")
        }
        discretizer = try LikertDiscretizer(thresholds: values.compactMap { $0 })
      }
      let simulator: Simulator
      do {
        simulator = try Simulator(model: model)
      } catch {
        throw InputError(description: "\(population ?? "--example led"): \(error)")
      }
      let data = try simulator.simulate(respondents: respondents, seed: seed)
      let text: String
      if continuous {
        text = csv(data.continuousTable)
      } else if let codebook {
        text = try data.responses(codebook: codebook, discretizer: discretizer).csvText()
      } else {
        let categories = data.likertCategories(discretizer).map { $0.map(Double.init) }
        text = csv(NumericTable(columnNames: data.itemIDs, values: categories))
      }
      try emit(text, to: output)
    }
  }

  private func csv(_ table: NumericTable) -> String {
    var lines = [table.columnNames.joined(separator: ",")]
    for i in 0..<table.rowCount {
      lines.append(table.values.map { JSONValue.format($0[i]) }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
