import ArgumentParser
import PLSSEM
import PLSSEMReport

/// `--narrative id|en`: the results in words (``ReportNarrative``) in the table, JSON, Markdown
/// and HTML reports of `plssem estimate` and `plssem report` (not the CSV: it holds values,
/// one a row, and prose has no place among them).
struct NarrativeOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Add the results in words to a table, json, markdown or html report: id (Indonesian) or en (English). With --labels and no --language, the construct names follow this language when the codebook has it. (default: none)",
      valueName: "id|en"))
  var narrative: String?

  /// The language asked for; nil without --narrative.
  var language: NarrativeLanguage? { narrative.flatMap(NarrativeLanguage.init(code:)) }

  func validate() throws {
    guard let narrative else { return }
    guard NarrativeLanguage(code: narrative) != nil else {
      throw ValidationError(
        "--narrative \(narrative): the results in words are written in id (Indonesian) or en (English)"
      )
    }
  }

  /// Checks that `format` can show the narrative (all but CSV); a usage error otherwise.
  func check(format: OutputFormat) throws {
    guard narrative != nil, format == .csv else { return }
    throw ValidationError(
      "--narrative needs --format table, json, markdown or html (the CSV holds values, one a row; the results in words are prose)"
    )
  }

  /// `report` with the narrative asked for. With `--labels` but no `--language`, the construct
  /// names are taken again in the narrative's language when the codebook has names in it, so
  /// an English narrative does not name Indonesian constructs (and the tables follow).
  func apply(to report: EstimationReport, input: InputOptions) throws -> EstimationReport {
    var report = report
    report.narrativeLanguage = language
    if let language, input.labels, input.language == nil {
      report.constructLabels = try constructLabels(
        input, model: report.estimate.model, preferredLanguage: language.code)
    }
    return report
  }
}
