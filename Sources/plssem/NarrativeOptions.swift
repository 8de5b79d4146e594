import ArgumentParser
import PLSSEMReport

/// `--narrative id|en`: the results in words (``ReportNarrative``) in the Markdown and HTML
/// reports of `plssem estimate` and `plssem report`.
struct NarrativeOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Add the results in words to a markdown or html report: id (Indonesian) or en (English). (default: none)",
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

  /// Checks that `format` can show the narrative (Markdown or HTML); a usage error otherwise.
  func check(format: OutputFormat) throws {
    guard narrative != nil, format != .markdown, format != .html else { return }
    throw ValidationError(
      "--narrative needs --format markdown or html (the results in words are prose; got --format \(format.rawValue))"
    )
  }

  /// `report` with the narrative asked for.
  func apply(to report: EstimationReport) -> EstimationReport {
    var report = report
    report.narrativeLanguage = language
    return report
  }
}
