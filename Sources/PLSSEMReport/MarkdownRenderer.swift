/// The Markdown output of `plssem estimate --format markdown`: a short header (files, data,
/// settings) and every section of ``EstimationReport/tables()`` as a GitHub-flavoured Markdown
/// table under a `##` heading, with its notes below it.
///
/// Values keep three decimals (t two); p-values are APA style with stars (`*` p < .05,
/// `**` p < .01, `***` p < .001); a value that misses a rule of thumb of ``QualityThresholds``
/// carries `!` (caution zone) or `!!` (misses). Cell text is escaped so that names containing
/// Markdown syntax (`|`, `*`, `` ` ``, `<`…) render literally.
public enum MarkdownRenderer {
  /// The report as a Markdown document.
  public static func render(_ report: EstimationReport) -> String {
    var out = "# PLS-SEM estimate\n\n"
    for line in ReportSummary(report).lines {
      out += "- " + escape(line) + "\n"
    }
    for table in report.tables() {
      out += "\n" + render(table)
    }
    if report.assessment != nil {
      out += "\n## Rules of thumb\n\n"
      for line in QualityThresholds.legend { out += "- " + escape(line) + "\n" }
      out += "- `!` marks a value in the caution zone, `!!` one that misses the threshold.\n"
    }
    return out
  }

  /// One table as a `##` heading, a pipe table and its notes.
  public static func render(_ table: ReportTable) -> String {
    var out = "## " + escape(table.title) + "\n\n"
    out += "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
    out += "|" + table.columns.map { $0.numeric ? " ---: |" : " :--- |" }.joined() + "\n"
    for row in table.rows {
      let cells = row.map { cell -> String in
        let text = escape(cell.markedText)
        return cell.emphasized && !text.isEmpty ? "**\(text)**" : text
      }
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    if !table.notes.isEmpty {
      out += "\n" + table.notes.map(escape).joined(separator: "  \n") + "\n"
    }
    return out
  }

  /// `text` with Markdown syntax characters backslash-escaped. An underscore is escaped only
  /// where it could start or end emphasis (not between two letters or digits, as in `comp_1`).
  public static func escape(_ text: String) -> String {
    let characters = Array(text)
    var out = ""
    for (k, c) in characters.enumerated() {
      switch c {
      case "\\", "|", "*", "`", "<", ">", "[", "]", "#":
        out += "\\" + String(c)
      case "&":
        out += "&amp;"
      case "_":
        let before = k > 0 && (characters[k - 1].isLetter || characters[k - 1].isNumber)
        let after = k + 1 < characters.count && (characters[k + 1].isLetter || characters[k + 1].isNumber)
        out += before && after ? "_" : "\\_"
      case "\n", "\r":
        out += " "
      default:
        out.append(c)
      }
    }
    return out
  }
}
