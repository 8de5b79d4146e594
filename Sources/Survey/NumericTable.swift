/// Named numeric columns: what the PLS engine fits a model to.
///
/// The engine never imports `Survey`; this is the hand-over. Missing cells are `Double.nan`.
public struct NumericTable: Sendable {
  /// The column names, e.g. item ids.
  public var columnNames: [String]
  /// The values, one array per column, all of the same length; `Double.nan` marks a missing cell.
  public var values: [[Double]]

  /// A table with the given columns.
  public init(columnNames: [String], values: [[Double]]) {
    self.columnNames = columnNames
    self.values = values
  }

  /// The number of rows (0 for a table without columns).
  public var rowCount: Int { values.first?.count ?? 0 }

  /// The column named `name`, if any.
  public func column(_ name: String) -> [Double]? {
    columnNames.firstIndex(of: name).map { values[$0] }
  }
}
