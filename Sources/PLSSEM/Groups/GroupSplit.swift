/// The rows of a data table split into groups by the values of one column: the groups of a
/// multi-group analysis (``MultiGroupAnalysis``) and of MICOM.
///
/// Missing values of the model's indicators are treated **once, on the pooled sample** (the rows
/// of every selected group) before the split: with mean replacement a missing cell holds the
/// indicator's pooled mean in whichever group it falls (as SmartPLS, which treats missing
/// values on the data set before its groups are formed); with casewise deletion incomplete rows
/// leave the analysis. Each group is then the table of its rows, in table order.
public struct GroupSplit: Sendable, Equatable {
  /// One group: the rows holding one value of the grouping column.
  public struct Group: Sendable, Equatable {
    /// The grouping column's value.
    public let value: Double
    /// The value as text (`"1"` for 1.0), as the JSON's `value`.
    public let valueText: String
    /// The value's label (from a codebook), if any.
    public let label: String?
    /// The group's rows in ``GroupSplit/data`` (0-based, ascending).
    public let rows: [Int]

    /// The number of observations.
    public var observations: Int { rows.count }
    /// The label, else the value's text: how messages and reports name the group.
    public var name: String { label ?? valueText }
  }

  /// The grouping column.
  public let column: String
  /// The groups, in the order of the selected values (ascending when none were selected).
  public let groups: [Group]
  /// The pooled data: the rows of every group, in the source table's order, after missing-value
  /// treatment of the model's indicators.
  public let data: DataTable

  /// Splits `data` by `column`.
  ///
  /// - Parameters:
  ///   - data: the pooled data set, grouping column included.
  ///   - column: the name of the grouping column.
  ///   - values: the values to compare, in this order (all values, ascending, when nil).
  ///   - labels: a name for each value (a codebook's value labels).
  ///   - model: the model to be estimated: its indicators are missing-treated and its largest
  ///     block or regression fixes the smallest group size.
  ///   - missing: the missing-value treatment, applied once to the pooled rows.
  /// - Throws: ``GroupingError`` (no such column, a non-numeric or incomplete grouping column,
  ///   a single group, an unknown or repeated value, a group too small for the model).
  public init(
    data: DataTable, column: String, values: [Double]? = nil, labels: [Double: String] = [:],
    model: PathModel, missing: MissingValueTreatment = .meanReplacement
  ) throws(GroupingError) {
    if let problem = data.nonNumericProblem(column) {
      throw .nonNumericColumn(column: column, problem: problem)
    }
    guard let groupColumn = data.column(named: column) else {
      throw .unknownColumn(column: column, available: data.columnNames, source: data.source)
    }
    let missingRows = groupColumn.indices.filter { groupColumn[$0].isNaN }
    guard missingRows.isEmpty else {
      throw .missingGroupValues(
        column: column, rows: missingRows.prefix(10).map { data.rowNumbers[$0] },
        count: missingRows.count, source: data.source)
    }
    let present = Set(groupColumn).sorted()
    var selected = present
    if let values {
      var seen = Set<Double>()
      for value in values {
        guard seen.insert(value).inserted else {
          throw .duplicateGroupValue(value: Self.text(value), column: column)
        }
        guard present.contains(value) else {
          throw .unknownGroupValue(
            value: Self.text(value), column: column, present: present.map(Self.text),
            source: data.source)
        }
      }
      selected = values
    }
    guard selected.count >= 2 else {
      throw .singleGroup(
        column: column, value: selected.first.map(Self.text) ?? "none", source: data.source)
    }
    // The pooled rows, in table order.
    let chosen = Set(selected)
    var pooledRows = groupColumn.indices.filter { chosen.contains(groupColumn[$0]) }
    let indicators = model.indicators.filter { data.columnIndex($0) != nil }
    var columns = data.columns
    switch missing {
    case .meanReplacement:
      for name in indicators {
        guard let j = data.columnIndex(name) else { continue }
        var sum = 0.0
        var count = 0
        for i in pooledRows where !columns[j][i].isNaN {
          sum += columns[j][i]
          count += 1
        }
        guard count > 0 else { continue }  // all missing: the estimator names it
        let mean = sum / Double(count)
        for i in pooledRows where columns[j][i].isNaN { columns[j][i] = mean }
      }
    case .casewiseDeletion:
      let indices = indicators.compactMap { data.columnIndex($0) }
      pooledRows = pooledRows.filter { i in !indices.contains { columns[$0][i].isNaN } }
    }
    let pooled: DataTable
    do {
      pooled = try DataTable(
        columnNames: data.columnNames, columns: columns.map { c in pooledRows.map { c[$0] } },
        source: data.source, nonNumericColumns: data.nonNumericColumns,
        rowNumbers: pooledRows.map { data.rowNumbers[$0] })
    } catch {
      // The columns are the source table's, so they are rectangular with unique names.
      throw .unknownColumn(column: column, available: data.columnNames, source: data.source)
    }
    let required = Self.requiredObservations(model)
    var groups: [Group] = []
    for value in selected {
      let rows = pooledRows.indices.filter { groupColumn[pooledRows[$0]] == value }
      let group = Group(value: value, valueText: Self.text(value), label: labels[value], rows: rows)
      guard rows.count >= required else {
        throw .groupTooSmall(
          group: group.label.map { "\(group.valueText) (\($0))" } ?? group.valueText,
          column: column, observations: rows.count, required: required, source: data.source)
      }
      groups.append(group)
    }
    self.column = column
    self.groups = groups
    self.data = pooled
  }

  /// The table of group `index`'s rows (same columns and source).
  public func data(ofGroup index: Int) throws -> DataTable {
    try data.selectingRows(groups[index].rows)
  }

  /// The fewest complete rows a group needs: two more than the largest block (a Mode B block is
  /// a regression on its indicators) or the most predecessors of a construct, and at least 3.
  public static func requiredObservations(_ model: PathModel) -> Int {
    let block = model.constructs.map(\.indicators.count).max() ?? 0
    let predecessors = model.constructNames.map { model.predecessors(of: $0).count }.max() ?? 0
    return max(3, max(block, predecessors) + 2)
  }

  /// A value as text: integers without a decimal point (`1`, not `1.0`).
  public static func text(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }
}
