import Foundation
import PLSSEM

/// The terminal output of `plssem estimate` (`--format table`): the report document as aligned
/// text tables, significance stars by the bootstrap p-value (`*` p < .05, `**` p < .01,
/// `***` p < .001, the APA convention), and values outside a rule of thumb marked `!`
/// (caution) or `!!` (misses), the rules listed once at the end.
///
/// It aims at 80 columns and abbreviates in two ways, always saying so: detail tables
/// (cross-loadings, construct correlations) are named at the end instead of printed, and a
/// table wider than 80 characters leaves out all its non-essential columns (f², VIF) and then, if
/// it is a construct × construct matrix still too wide, is named instead of printed. Every
/// omitted part is in `--format markdown`, `html`, `csv` and `json`.
public enum TableRenderer {
  /// The width the tables aim at.
  public static let width = 80

  /// Where the parts the text table leaves out can be found.
  static let elsewhere = "see --format markdown|html|csv|json"

  /// The report as text tables.
  public static func render(_ report: EstimationReport) -> String {
    render(report.document())
  }

  /// A report document as text tables.
  public static func render(_ document: ReportDocument) -> String {
    var out = document.title + "\n"
    for line in document.summary { out += wrap(line) }
    if !document.diagnostics.isEmpty {
      out += "\nWarnings and notes\n"
      for d in document.diagnostics { out += wrap(d.description, indent: 2) }
    }
    if let narrative = document.narrative { out += "\n" + render(narrative) }
    var printedNotes = Set<String>()
    var omitted: [String] = []
    for section in document.sections {
      let shown = section.tables.filter { !$0.detail }
      omitted += section.tables.filter(\.detail).map(\.title)
      guard !shown.isEmpty else { continue }
      out += "\n" + section.title + "\n" + String(repeating: "=", count: section.title.count) + "\n"
      for table in shown {
        out += "\n" + render(table, printedNotes: &printedNotes, omitted: &omitted)
      }
    }
    if !omitted.isEmpty {
      out += "\n" + wrap("Not shown here (\(elsewhere)): \(omitted.joined(separator: "; ")).")
    }
    if !document.rules.isEmpty {
      out += "\nRules of thumb (! caution zone, !! misses)\n"
      for rule in document.rules { out += wrap(rule.text, indent: 2) }
    }
    return out
  }

  /// One table with its title and the notes not printed before; a table too wide for
  /// ``width`` leaves out non-essential columns, and a matrix still too wide is only named.
  static func render(
    _ table: ReportTable, printedNotes: inout Set<String>, omitted: inout [String]
  ) -> String {
    var kept = Array(table.columns.indices)
    var dropped: [String] = []
    if lineWidth(table, kept) > width {
      dropped = table.columns.filter { !$0.essential }.map(\.header)
      kept = kept.filter { table.columns[$0].essential }
    }
    if lineWidth(table, kept) > width, table.isMatrix {
      omitted.append(table.title)
      return wrap("\(table.title): too wide for \(width) columns (\(elsewhere))")
    }
    var out = table.title + "\n"
    out += layout(
      header: kept.map { table.columns[$0].header },
      rows: table.rows.map { row in
        kept.map { $0 < row.cells.count ? row.cells[$0].markedText : "" }
      },
      rightAligned: Set(
        kept.enumerated().filter { table.columns[$0.element].numeric }.map(\.offset)))
    if !dropped.isEmpty {
      out += wrap(
        "(\(dropped.joined(separator: ", ")) left out for width: \(elsewhere))", indent: 2)
    }
    for note in table.notes where !printedNotes.contains(note) {
      printedNotes.insert(note)
      out += wrap(note, indent: 2)
    }
    return out
  }

  /// The width of the table's lines with columns `kept`.
  static func lineWidth(_ table: ReportTable, _ kept: [Int]) -> Int {
    let widths = kept.map { k in
      table.rows.reduce(table.columns[k].header.count) { width, row in
        max(width, k < row.cells.count ? row.cells[k].markedText.count : 0)
      }
    }
    return 2 + widths.reduce(0, +) + 2 * max(0, widths.count - 1)
  }

  /// `text` broken at spaces into lines of at most ``width`` characters (a longer word stays
  /// whole), each indented by `indent` spaces and continuation lines by `hanging` more.
  static func wrap(_ text: String, indent: Int = 0, hanging: Int = 2) -> String {
    var out = ""
    var line = String(repeating: " ", count: indent)
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if lineHasWord && line.count + 1 + word.count > width {
        out += line + "\n"
        line = String(repeating: " ", count: indent + hanging)
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    return out + line + "\n"
  }

  /// Left- or right-aligned columns separated by two spaces, with a rule under the header.
  public static func layout(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
    let columns = header.count
    var widths = header.map(\.count)
    for row in rows {
      for (k, cell) in row.enumerated() where k < columns { widths[k] = max(widths[k], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      (0..<columns).map { k in
        let cell = k < cells.count ? cells[k] : ""
        let pad = String(repeating: " ", count: widths[k] - cell.count)
        return rightAligned.contains(k) ? pad + cell : cell + pad
      }.joined(separator: "  ").replacingOccurrences(
        of: "\\s+$", with: "", options: .regularExpression)
    }
    var text = "  " + line(header) + "\n"
    text += "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { text += "  " + line(row) + "\n" }
    return text
  }
}
