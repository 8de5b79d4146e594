/// Problems with a data set; each names the file and, where it applies, the row (1-based,
/// counting the header as row 1, as a spreadsheet shows it) and the column.
public enum DataError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file could not be read.
  case unreadable(source: String, reason: String)
  /// The file holds no header row.
  case empty(source: String)
  /// A header but no data rows.
  case noRows(source: String)
  /// The same column name twice.
  case duplicateColumn(name: String, source: String)
  /// An empty column name in the header.
  case emptyColumnName(source: String, column: Int)
  /// A row with the wrong number of fields.
  case wrongFieldCount(source: String, row: Int, found: Int, expected: Int)
  /// Columns of different lengths handed to ``DataTable/init(columnNames:columns:source:nonNumericColumns:rowNumbers:)``.
  case raggedColumns(source: String, column: String, count: Int, expected: Int)
  /// A cell that is not a number (nor empty, `NA` or a missing code).
  case nonNumeric(source: String, row: Int, column: String, value: String)
  /// A cell that parses to infinity (or an explicit `Inf`/`NaN` text): not a valid measurement.
  case nonFinite(source: String, row: Int, column: String, value: String)
  /// The text could not be tokenised (unterminated quote, invalid UTF-8…).
  case malformed(source: String, line: Int, column: Int?, reason: String)
  /// A model indicator whose cells are all missing.
  case allMissing(source: String, column: String)
  /// Casewise deletion left too few rows.
  case tooFewCompleteRows(source: String, complete: Int, required: Int)

  public var description: String {
    switch self {
    case .unreadable(let s, let reason): return "\(s): cannot read the file (\(reason))"
    case .empty(let s): return "\(s): the file is empty (expected a header row of column names)"
    case .noRows(let s): return "\(s): the file has a header but no data rows"
    case .duplicateColumn(let name, let s):
      return "\(s): column name '\(name)' appears twice in the header"
    case .emptyColumnName(let s, let column):
      return "\(s): column \(column) of the header has no name"
    case .wrongFieldCount(let s, let row, let found, let expected):
      return "\(s): row \(row) has \(found) fields, the header has \(expected)"
    case .raggedColumns(let s, let column, let count, let expected):
      return "\(s): column '\(column)' has \(count) values, expected \(expected)"
    case .nonNumeric(let s, let row, let column, let value):
      return "\(s): row \(row), column '\(column)': '\(value)' is not a number"
    case .nonFinite(let s, let row, let column, let value):
      return "\(s): row \(row), column '\(column)': '\(value)' is not a finite number"
    case .malformed(let s, let line, let column, let reason):
      return "\(s): line \(line)\(column.map { ", field \($0)" } ?? ""): \(reason)"
    case .allMissing(let s, let column): return "\(s): column '\(column)' has no observed values"
    case .tooFewCompleteRows(let s, let complete, let required):
      return
        "\(s): only \(complete) rows are complete after casewise deletion; at least \(required) are needed"
    }
  }
}
