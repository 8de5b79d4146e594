import PLSSEMReport

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
