import LinearAlgebra

/// Questionnaire answers as numbers: one row per respondent, one column per codebook item.
///
/// Values are scale points after label mapping and reverse coding (so that a higher value
/// always means more of the construct); missing answers are `Double.nan`. Columns follow the
/// codebook's item order, restricted to the items present in the source.
public struct SurveyResponses: Sendable {
  /// The file or name the responses came from.
  public let source: String
  /// The codebook the responses were read with.
  public let codebook: Codebook
  /// The item ids of the columns, in codebook order.
  public let itemIDs: [String]
  /// The number of respondents (rows).
  public let respondentCount: Int
  /// The values, column-major: respondent `i`, item column `j` is at `i + j * respondentCount`.
  public let values: [Double]
  /// For each respondent, the physical line of the source where its record starts (0 when the
  /// responses were not read from a text file).
  public let lines: [Int]
  /// For each respondent, its row in the source as messages give it: the spreadsheet row
  /// (header = row 1) of a CSV or xlsx file, the case number of an SPSS or Stata file.
  public let rows: [Int]
  /// For each respondent, the text of the id column (``ResponseReadOptions/idColumn``), or nil
  /// when none was named.
  public let respondentIDs: [String]?
  /// The id column's name, when one was named.
  public let idColumn: String?
  /// The ids of the items whose values were recoded `points + 1 − x`.
  public let reverseCodedItems: [String]
  /// Every problem and note met while reading, in file order of discovery.
  public let issues: [ResponseIssue]

  init(
    source: String, codebook: Codebook, itemIDs: [String], respondentCount: Int, values: [Double],
    lines: [Int], rows: [Int]? = nil, respondentIDs: [String]? = nil, idColumn: String? = nil,
    reverseCodedItems: [String], issues: [ResponseIssue]
  ) {
    self.source = source
    self.codebook = codebook
    self.itemIDs = itemIDs
    self.respondentCount = respondentCount
    self.values = values
    self.lines = lines
    self.rows = rows ?? Array(2..<(respondentCount + 2))
    self.respondentIDs = respondentIDs
    self.idColumn = idColumn
    self.reverseCodedItems = reverseCodedItems
    self.issues = issues
  }

  /// Responses from numeric columns that are already recoded (no label mapping, no reverse
  /// coding, no range checks), e.g. simulated data.
  ///
  /// - Parameters:
  ///   - codebook: the codebook the items belong to.
  ///   - itemIDs: codebook item ids, one per column.
  ///   - columns: the values, one array per item, equally long; `Double.nan` for missing.
  ///   - source: the name errors and issues give the data.
  ///   - reverseCodedItems: the items whose values have been reversed, which the
  ///     response-quality checks undo to see the answers as given.
  /// - Throws: ``SurveyError/invalidTable(source:message:)`` for an unknown item or ragged columns.
  public init(
    codebook: Codebook, itemIDs: [String], columns: [[Double]], source: String = "<table>",
    reverseCodedItems: [String] = []
  ) throws(SurveyError) {
    guard itemIDs.count == columns.count else {
      throw .invalidTable(
        source: source, message: "\(itemIDs.count) item ids for \(columns.count) columns")
    }
    for id in itemIDs + reverseCodedItems where codebook.item(id) == nil {
      throw .invalidTable(source: source, message: "\"\(id)\" is not a codebook item")
    }
    let rows = columns.first?.count ?? 0
    for (id, column) in zip(itemIDs, columns) where column.count != rows {
      throw .invalidTable(
        source: source, message: "column \(id) has \(column.count) values, expected \(rows)")
    }
    self.init(
      source: source, codebook: codebook, itemIDs: itemIDs, respondentCount: rows,
      values: columns.flatMap { $0 },
      lines: Array(repeating: 0, count: rows), reverseCodedItems: reverseCodedItems, issues: [])
  }

  /// The problems among ``issues`` (cells marked missing, records skipped, items absent).
  public var problems: [ResponseIssue] { issues.filter { $0.severity == .problem } }

  /// The notes among ``issues`` (ignored columns, skipped blank lines).
  public var notes: [ResponseIssue] { issues.filter { $0.severity == .note } }

  /// The values of column `j`.
  public func column(at j: Int) -> ArraySlice<Double> {
    values[(j * respondentCount)..<((j + 1) * respondentCount)]
  }

  /// The values of item `id`, or nil when the item is not a column.
  public func column(_ id: String) -> [Double]? {
    itemIDs.firstIndex(of: id).map { Array(column(at: $0)) }
  }

  /// The value of respondent `i` (0-based) on column `j`.
  public subscript(respondent i: Int, column j: Int) -> Double { values[i + j * respondentCount] }

  /// Whether each cell is missing, column-major like ``values``.
  public var missingMask: [Bool] { values.map(\.isNaN) }

  /// The values as a `respondentCount × itemIDs.count` matrix, NaN where missing.
  public var matrix: Matrix {
    // The count always matches: `values` holds respondentCount × itemIDs.count entries.
    (try? Matrix(rows: respondentCount, columns: itemIDs.count, columnMajor: values))
      ?? Matrix(rows: respondentCount, columns: itemIDs.count, repeating: .nan)
  }

  /// The columns named by item id, for the PLS engine.
  public func numericTable() -> NumericTable {
    NumericTable(columnNames: itemIDs, values: itemIDs.indices.map { Array(column(at: $0)) })
  }

  /// The answers as given: values with reverse coding undone, column-major.
  func rawValues() -> [Double] {
    var raw = values
    for (j, id) in itemIDs.enumerated() where reverseCodedItems.contains(id) {
      guard let item = codebook.item(id), let scale = codebook.scale(of: item) else { continue }
      for i in 0..<respondentCount {
        let index = i + j * respondentCount
        raw[index] = scale.reversed(raw[index])
      }
    }
    return raw
  }
}
