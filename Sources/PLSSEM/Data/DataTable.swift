/// A plain numeric data table with named columns: what the engine fits a model to.
///
/// Missing cells are `Double.nan`. Column names are unique. The engine never needs to know
/// where the numbers came from: read them from CSV with ``DataTable/init(csvFile:delimiter:missingCodes:)``,
/// or hand them over from a survey reader or your own code.
public struct DataTable: Sendable, Equatable {
  /// The column names, in order.
  public let columnNames: [String]
  /// The values, one array per column, `Double.nan` where missing.
  public let columns: [[Double]]
  /// The number of rows.
  public let rowCount: Int
  /// A name for the data in messages (its file name, say).
  public let source: String

  /// A table from named columns.
  ///
  /// Throws ``DataError/duplicateColumn(name:source:)`` for a repeated name and
  /// ``DataError/raggedColumns(source:column:count:expected:)`` when columns differ in length.
  public init(columnNames: [String], columns: [[Double]], source: String = "<data>")
    throws(DataError)
  {
    guard columnNames.count == columns.count else {
      throw .raggedColumns(
        source: source, column: "(\(columnNames.count) names)", count: columns.count,
        expected: columnNames.count)
    }
    var seen = Set<String>()
    for name in columnNames where !seen.insert(name).inserted {
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
