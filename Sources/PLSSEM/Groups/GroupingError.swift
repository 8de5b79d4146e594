/// Problems with the grouping of a multi-group analysis (``GroupSplit``): each names the
/// grouping column, the data set and, where it applies, the group and its rows.
public enum GroupingError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The grouping column is not a column of the data.
  case unknownColumn(column: String, available: [String], source: String)
  /// The grouping column holds cells that are not numbers (``DataError`` of its first bad cell).
  case nonNumericColumn(column: String, problem: DataError)
  /// The grouping column is missing in some rows (`rows`: their row numbers, at most the first
  /// ten; `count`: how many).
  case missingGroupValues(column: String, rows: [Int], count: Int, source: String)
  /// Fewer than two groups: the column holds one value (or one was selected).
  case singleGroup(column: String, value: String, source: String)
  /// A value asked for (`--group-values`) that the column does not hold.
  case unknownGroupValue(value: String, column: String, present: [String], source: String)
  /// A value asked for twice.
  case duplicateGroupValue(value: String, column: String)
  /// A group with fewer complete rows than the model needs.
  case groupTooSmall(
    group: String, column: String, observations: Int, required: Int, source: String)
  /// A group's estimate or bootstrap failed (`message`: the underlying error's).
  case groupFailed(group: String, column: String, message: String)

  public var description: String {
    switch self {
    case .unknownColumn(let column, let available, let source):
      let shown = available.prefix(12).joined(separator: ", ")
      let more = available.count > 12 ? ", …" : ""
      return "\(source): no grouping column '\(column)' (columns: \(shown)\(more))"
    case .nonNumericColumn(let column, let problem):
      return "the grouping column '\(column)' is not numeric: \(problem)"
    case .missingGroupValues(let column, let rows, let count, let source):
      let listed = rows.map(String.init).joined(separator: ", ")
      let more = count > rows.count ? ", …" : ""
      return
        "\(source): the grouping column '\(column)' is missing in \(count) row\(count == 1 ? "" : "s") "
        + "(row\(count == 1 ? "" : "s") \(listed)\(more)); give every row a group or leave those "
        + "rows out (--exclude-rows)"
    case .singleGroup(let column, let value, let source):
      return
        "\(source): the grouping column '\(column)' has only one group (\(value)); a multi-group "
        + "analysis needs two or more"
    case .unknownGroupValue(let value, let column, let present, let source):
      return
        "\(source): no row has \(column) = \(value) (values: \(present.joined(separator: ", ")))"
    case .duplicateGroupValue(let value, let column):
      return "group value \(value) of '\(column)' is given twice"
    case .groupTooSmall(let group, let column, let observations, let required, let source):
      return
        "\(source): group \(group) of '\(column)' has \(observations) complete "
        + "row\(observations == 1 ? "" : "s"); the model needs at least \(required) (its largest "
        + "block or regression)"
    case .groupFailed(let group, let column, let message):
      return "group \(group) of '\(column)': \(message)"
    }
  }
}
