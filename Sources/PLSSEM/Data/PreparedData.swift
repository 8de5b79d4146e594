import LinearAlgebra

/// The model's indicator columns after missing-value treatment and standardisation: what the
/// algorithm, assessment and bootstrap work on.
struct PreparedData: Sendable {
  /// n × p, model indicator order, after missing-value treatment, in original units.
  let raw: Matrix
  /// n × p, each column standardised to mean 0 and SD 1 (denominator n − 1).
  let standardized: Matrix
  /// The p × p indicator correlation matrix.
  let correlation: Matrix
  /// How the missing values were handled.
  let summary: DataPreparationSummary

  /// Prepared data from its parts.
  init(raw: Matrix, standardized: Matrix, correlation: Matrix, summary: DataPreparationSummary) {
    self.raw = raw
    self.standardized = standardized
    self.correlation = correlation
    self.summary = summary
  }

  /// The same data restricted to the indicator columns `indices`, in that order; nothing is
  /// recomputed.
  func selecting(_ indices: [Int]) throws -> PreparedData {
    PreparedData(
      raw: try raw.selectingColumns(indices),
      standardized: try standardized.selectingColumns(indices),
      correlation: try correlation.submatrix(rows: indices, columns: indices), summary: summary)
  }

  /// Selects the model's indicators from `data`, treats missing values and standardises.
  ///
  /// Throws ``DataError/allMissing(source:column:)``, ``DataError/tooFewCompleteRows(source:complete:required:)``,
  /// ``EstimationError/tooFewObservations(required:available:)``,
  /// ``EstimationError/nonFiniteData(indicator:row:)`` and
  /// ``EstimationError/constantIndicator(indicator:construct:)``.
  init(data: DataTable, layout: ModelLayout, missing: MissingValueTreatment) throws {
    let p = layout.p
    var columns: [[Double]] = []
    columns.reserveCapacity(p)
    for name in layout.indicatorNames {
      guard let column = data.column(named: name) else {
        throw SpecificationError.unknownIndicator(
          indicator: name, construct: layout.constructNames[layout.blockOf[columns.count]],
          location: nil,
          available: data.columnNames, dataSource: data.source)
      }
      columns.append(column)
    }
    // NaN is a missing cell; an infinity is not a measurement (a CSV never yields one, but a
    // table built in code may). Name the indicator and the observation (1-based).
    for (j, column) in columns.enumerated() {
      if let i = column.firstIndex(where: { $0.isInfinite }) {
        throw EstimationError.nonFiniteData(indicator: layout.indicatorNames[j], row: i + 1)
      }
    }
    var replaced = 0
    var dropped = 0
    var droppedIndices: [Int] = []
    var perColumn = [Int](repeating: 0, count: p)
    switch missing {
    case .meanReplacement:
      for j in 0..<p {
        var sum = 0.0
        var count = 0
        for v in columns[j] where !v.isNaN {
          sum += v
          count += 1
        }
        guard count > 0 else {
          throw DataError.allMissing(source: data.source, column: layout.indicatorNames[j])
        }
        let mean = sum / Double(count)
        for i in columns[j].indices where columns[j][i].isNaN {
          columns[j][i] = mean
          replaced += 1
          perColumn[j] += 1
        }
      }
    case .casewiseDeletion:
      let n = data.rowCount
      let keep = (0..<n).filter { i in !columns.contains { $0[i].isNaN } }
      dropped = n - keep.count
      if dropped > 0 {
        let kept = Set(keep)
        droppedIndices = (0..<n).filter { !kept.contains($0) }
      }
      // As many rows as estimation needs (see PLSEstimator): at least 3, and k + 2 for the
      // largest regression on k predecessors.
      let required = max(3, (layout.predecessors.map(\.count).max() ?? 0) + 2)
      guard keep.count >= required else {
        throw DataError.tooFewCompleteRows(
          source: data.source, complete: keep.count, required: required)
      }
      if dropped > 0 { columns = columns.map { column in keep.map { column[$0] } } }
    }
    let n = columns.first?.count ?? 0
    guard n >= 3 else { throw EstimationError.tooFewObservations(required: 3, available: n) }
    let raw = try Matrix(columnArrays: columns)
    for j in 0..<p {
      let first = columns[j][0]
      if !columns[j].contains(where: { $0 != first }) {
        throw EstimationError.constantIndicator(
          indicator: layout.indicatorNames[j], construct: layout.constructNames[layout.blockOf[j]])
      }
    }
    let z = try raw.standardized(denominator: .sampleMinusOne)
    self.raw = raw
    self.standardized = z
    self.correlation = z.crossProduct(scale: 1 / Double(n - 1))
    self.summary = DataPreparationSummary(
      treatment: missing, observations: n, replacedCells: replaced, droppedRows: dropped,
      replacedPerIndicator: Dictionary(uniqueKeysWithValues: zip(layout.indicatorNames, perColumn))
        .filter { $0.value > 0 }, droppedRowIndices: droppedIndices)
  }
}

/// What missing-value treatment did to the data.
public struct DataPreparationSummary: Sendable, Codable, Equatable {
  /// The treatment applied.
  public let treatment: MissingValueTreatment
  /// Observations used.
  public let observations: Int
  /// Cells replaced by their indicator's mean.
  public let replacedCells: Int
  /// Rows dropped by casewise deletion.
  public let droppedRows: Int
  /// Replaced cells per indicator (only those with any).
  public let replacedPerIndicator: [String: Int]
  /// The 0-based indices of the data table's rows that casewise deletion dropped, ascending
  /// (empty under mean replacement): the estimate's observation k is the k-th row not listed,
  /// as ``PLSEstimate/scores`` are ordered.
  public let droppedRowIndices: [Int]
}
