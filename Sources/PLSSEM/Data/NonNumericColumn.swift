/// A column of a data file that is not numeric, left out of a ``DataTable``.
///
/// Survey exports carry columns no model uses: a timestamp, a name, a free-text comment. Reading
/// sets such a column aside instead of failing, and keeps its first offending cell; estimating a
/// model that uses it throws ``problem``, which names the row, the column and the value.
public struct NonNumericColumn: Sendable, Equatable {
  /// The column's name.
  public var name: String
  /// The first cell that is not a number: ``DataError/nonNumeric(source:row:column:value:)`` or
  /// ``DataError/nonFinite(source:row:column:value:)``.
  public var problem: DataError

  /// A column named `name` whose first bad cell is `problem`.
  public init(name: String, problem: DataError) {
    self.name = name
    self.problem = problem
  }
}
