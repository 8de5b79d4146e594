import PLSSEMReport
import Survey

/// Renders a report in the chosen format.
func render(_ report: EstimationReport, format: OutputFormat) -> String {
  switch format {
  case .json: return report.json().rendered()
  case .table: return TableRenderer.render(report)
  case .csv: return CSVRenderer.render(report)
  case .markdown: return MarkdownRenderer.render(report)
  case .html:
    var report = report
    if report.modelText == nil {
      report.modelText = try? readText(report.modelSource, what: "model")
    }
    return HTMLRenderer.render(report)
  }
}

/// Renders a survey description in the chosen format: JSON (`plssem.describe/1`) or its report
/// document in any other format.
func render(_ description: SurveyDescription, format: OutputFormat) -> String {
  switch format {
  case .json: return SurveyDescriptionRenderer.json(description).rendered()
  case .table: return TableRenderer.render(description.document())
  case .csv: return CSVRenderer.render(description.document())
  case .markdown: return MarkdownRenderer.render(description.document())
  case .html: return HTMLRenderer.render(description.document())
  }
}
