/// The Markdown output of `plssem estimate --format markdown`: the report document
/// (``ReportDocument``) as a `#` title with the summary as a list, the warnings and notes, each
/// section as a `##` heading with its tables as GitHub-flavoured pipe tables under `###`
/// headings and their notes, and the rules of thumb.
///
/// Values keep three decimals (t two); p-values are APA style with stars (`*` p < .05,
/// `**` p < .01, `***` p < .001); a value outside a rule of thumb of ``QualityThresholds``
/// carries `!` (caution zone) or `!!` (misses). Text is escaped (``escape(_:)``) so that names
/// containing Markdown syntax render literally, while numbers stay unescaped and readable.
public enum MarkdownRenderer {
  /// The report as a Markdown document.
  public static func render(_ report: EstimationReport) -> String {
    render(report.document())
  }

  /// A report document as Markdown.
  public static func render(_ document: ReportDocument) -> String {
    var out = "# " + escape(document.title) + "\n\n"
    for line in document.summary {
      out += "- " + escape(line) + "\n"
    }
    if let diagnostics = document.diagnosticsTable {
      out += "\n" + render(diagnostics, level: 2)
    }
    if let narrative = document.narrative { out += "\n" + render(narrative) }
    for section in document.sections {
      out += "\n## " + escape(section.title) + "\n"
      for table in section.tables {
        out += "\n" + render(table, level: 3)
      }
    }
    if !document.rules.isEmpty {
      out += "\n## Rules of thumb\n\n"
      for rule in document.rules { out += "- " + escape(rule.text) + "\n" }
      out += "- `!` marks a value in the caution zone, `!!` one that misses the threshold.\n"
    }
    return out
  }

  /// One table as a heading of `level`, a pipe table and its notes.
  public static func render(_ table: ReportTable, level: Int = 2) -> String {
    var out = String(repeating: "#", count: level) + " " + escape(table.title) + "\n\n"
    out += "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
    out += "|" + table.columns.map { $0.numeric ? " ---: |" : " :--- |" }.joined() + "\n"
    for row in table.rows {
      let cells = row.cells.map { cell -> String in
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

  /// `text` with the Markdown syntax in it backslash-escaped, and only that, so the raw text
  /// stays readable: `\\`, `|`, the backtick and `~` always; `*` unless it ends a number (the
  /// significance stars of `.011*`); `_` where it could start or end emphasis (not inside
  /// `comp_1`); `<` where it could open an HTML tag (not in `<.001`); `&` where it could start
  /// an entity; brackets where they could form a link; `>` at the start. Line breaks become
  /// spaces.
  public static func escape(_ text: String) -> String {
    let characters = Array(text)
    let linkLike = text.contains("](") || text.contains("][")
    func isWord(_ k: Int) -> Bool {
      k >= 0 && k < characters.count && (characters[k].isLetter || characters[k].isNumber)
    }
    var out = ""
    for (k, c) in characters.enumerated() {
      switch c {
      case "\\", "|", "`", "~":
        out += "\\" + String(c)
      case "*":
        // A run of stars right after a digit, ending the text: significance stars.
        var start = k
        while start > 0 && characters[start - 1] == "*" { start -= 1 }
        let trailing = characters[k...].allSatisfy { $0 == "*" }
        out += trailing && start > 0 && characters[start - 1].isNumber ? "*" : "\\*"
      case "_":
        out += isWord(k - 1) && isWord(k + 1) ? "_" : "\\_"
      case "<":
        let next = k + 1 < characters.count ? characters[k + 1] : " "
        out += next.isLetter || next == "/" || next == "!" || next == "?" ? "\\<" : "<"
      case "&":
        let next = k + 1 < characters.count ? characters[k + 1] : " "
        out += next.isLetter || next == "#" ? "&amp;" : "&"
      case "[", "]":
        out += linkLike ? "\\" + String(c) : String(c)
      case ">":
        out += k == 0 ? "\\>" : ">"
      case "\n", "\r":
        out += " "
      default:
        out.append(c)
      }
    }
    return out
  }
}
