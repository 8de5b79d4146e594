import ArgumentParser
import DataFiles
import Foundation
import PLSSEMReport
import Survey

/// `plssem codebook`: codebooks for questionnaire data.
struct CodebookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "codebook",
    abstract: "Make codebooks for questionnaire data.",
    subcommands: [CodebookInitCommand.self])
}

/// `plssem codebook init`: a codebook scaffold from a data file.
struct CodebookInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a codebook scaffold (YAML) from a data file, for review.",
    discussion: """
      Reads any data file --data reads (CSV/TSV, .xlsx, SPSS .sav/.zsav/.por, Stata .dta) and
      writes a codebook with an item per column that holds answers on a rating scale: its id
      from the header or variable name, its text from the header or SPSS variable label, its
      scale from the value labels, from the numbers, or from the text answers ordered by a known
      Likert vocabulary (Indonesian and English: agreement, frequency, satisfaction,
      importance). Constructs are guessed from shared id prefixes (and Google Forms grid
      questions) and marked for review, like anything else guessed (# REVIEW). The codebook
      reads the file it came from as it is:

        plssem codebook init --data responses.xlsx --output codebook.yaml
        plssem describe --data responses.xlsx --codebook codebook.yaml
      """)

  @Option(
    name: .long,
    help: "The data: CSV/TSV, Excel .xlsx, SPSS .sav/.zsav/.por or Stata .dta. (required)")
  var data: String

  @Option(name: .long, help: "The worksheet of an .xlsx workbook to read. (default: the first)")
  var sheet: String?

  @Option(name: .long, help: "The instrument's name. (default: the data file's name)")
  var name: String?

  @Option(
    name: .long,
    help: "Write the codebook to this file (whole or not at all). (default: standard output)")
  var output: String?

  @OptionGroup var messages: MessageOptions

  func run() throws {
    messages.apply()
    try runReportingErrors {
      let sheet = try DataFileReader.read(
        contentsOfFile: data, options: DataFileOptions(sheet: sheet))
      for note in sheet.notes { Console.note(note) }
      let scaffold = try CodebookScaffold(sheet: sheet, instrumentName: name)
      try emit(scaffold.yaml(source: sheet.source), to: output)
      let codebook = scaffold.codebook
      Console.note(
        "\(output ?? "the codebook"): \(codebook.items.count) items in \(codebook.constructs.count) constructs on \(codebook.scales.count) scale\(codebook.scales.count == 1 ? "" : "s"); \(scaffold.skippedColumns.count) column\(scaffold.skippedColumns.count == 1 ? "" : "s") left out; review the lines marked REVIEW"
      )
    }
  }
}
