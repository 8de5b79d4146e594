/// A plain numeric data table with named columns: what the engine fits a model to.
///
/// Missing cells are `Double.nan`. Column names are unique. The engine never needs to know
/// where the numbers came from: read them from CSV with ``DataTable/init(csvFile:delimiter:missingCodes:)``,
/// or hand them over from a survey reader, a spreadsheet or SPSS reader, or your own code.
///
/// Columns that are not numeric (a timestamp, a respondent's name) are kept out of
/// ``columnNames`` and listed in ``nonNumericColumns``: a model that does not use them is
/// estimated as if they were not there, and one that does fails naming the first bad cell.
public struct DataTable: Sendable, Equatable {
  /// The column names, in order.
  public let columnNames: [String]
  /// The values, one array per column, `Double.nan` where missing.
  public let columns: [[Double]]
  /// The number of rows.
  public let rowCount: Int
  /// A name for the data in messages (its file name, say).
  public let source: String
  /// Columns set aside because a cell is not a number, in file order.
  public let nonNumericColumns: [NonNumericColumn]
  /// For each row, its row number in the source as messages give it (a spreadsheet's: the
  /// header is row 1, so by default 2, 3, …; blank lines of a CSV file are counted).
  public let rowNumbers: [Int]

  /// A table from named columns.
  ///
  /// Throws ``DataError/duplicateColumn(name:source:)`` for a repeated name (among the numeric
  /// and the non-numeric columns) and ``DataError/raggedColumns(source:column:count:expected:)``
  /// when columns differ in length.
  ///
  /// - Parameters:
  ///   - columnNames: the numeric columns' names.
  ///   - columns: their values, `Double.nan` where missing.
  ///   - source: the data's name in messages.
  ///   - nonNumericColumns: columns of the source that are not numeric, with their first bad cell.
  ///   - rowNumbers: each row's number in the source; nil for 2, 3, … (a header as row 1).
  public init(
    columnNames: [String], columns: [[Double]], source: String = "<data>",
    nonNumericColumns: [NonNumericColumn] = [], rowNumbers: [Int]? = nil
  )
    throws(DataError)
  {
    guard columnNames.count == columns.count else {
      throw .raggedColumns(
        source: source, column: "(\(columnNames.count) names)", count: columns.count,
        expected: columnNames.count)
    }
    var seen = Set<String>()
    for name in columnNames + nonNumericColumns.map(\.name) where !seen.insert(name).inserted {
      throw .duplicateColumn(name: name, source: source)
    }
    let rows = columns.first?.count ?? 0
    for (name, column) in zip(columnNames, columns) where column.count != rows {
      throw .raggedColumns(source: source, column: name, count: column.count, expected: rows)
    }
    self.columnNames = columnNames
    self.columns = columns
    self.rowCount = rows
    self.source = source
    self.nonNumericColumns = nonNumericColumns
    if let rowNumbers, rowNumbers.count == rows {
      self.rowNumbers = rowNumbers
    } else {
      self.rowNumbers = Array(2..<(rows + 2))
    }
  }

  /// The first bad cell of `name` when it is a column set aside as non-numeric.
  public func nonNumericProblem(_ name: String) -> DataError? {
    nonNumericColumns.first { $0.name == name }?.problem
  }

  /// The rows at `indices` (0-based, in the order given; indices outside the table are
  /// skipped), with the same columns and source: respondents left out before estimation.
  public func selectingRows(_ indices: [Int]) throws(DataError) -> DataTable {
    let indices = indices.filter { $0 >= 0 && $0 < rowCount }
    return try DataTable(
      columnNames: columnNames, columns: columns.map { column in indices.map { column[$0] } },
      source: source, nonNumericColumns: nonNumericColumns,
      rowNumbers: indices.map { rowNumbers[$0] })
  }

  /// The index of the column named `name`.
  public func columnIndex(_ name: String) -> Int? {
    columnNames.firstIndex(of: name)
  }

  /// The column named `name`.
  public func column(named name: String) -> [Double]? {
    columnIndex(name).map { columns[$0] }
  }

  /// The number of missing (NaN) cells in each column.
  public var missingCounts: [Int] {
    columns.map { column in column.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }
  }
}
