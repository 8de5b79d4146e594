import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import PLSSEM

/// Reading numeric tables from CSV, missing values, and the bad-data cases: each gives its own
/// typed ``DataError`` whose message names the file, the row (as a spreadsheet numbers it,
/// header = row 1) and the column.
@Suite("Data table")
struct DataTableTests {
  /// The error reading `text` throws, or else the first bad cell of a column set aside as
  /// non-numeric (what estimating a model on that column throws).
  static func dataError(
    _ text: String, missingCodes: [Double] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> DataError? {
    do {
      let table = try DataTable(csv: text, missingCodes: missingCodes, source: "bad.csv")
      guard let problem = table.nonNumericColumns.first?.problem else {
        Issue.record("no error and no non-numeric column", sourceLocation: sourceLocation)
        return nil
      }
      return problem
    } catch {
      return error
    }
  }

  // MARK: Reading

  @Test("header, numbers, and missing cells")
  func readsNumbers() throws {
    let table = try DataTable(csv: "a,b,c\n1,2.5,-3e2\n4,,NA\n-99,-99.0,7\n", missingCodes: [-99])
    #expect(table.columnNames == ["a", "b", "c"])
    #expect(table.rowCount == 3)
    #expect(table.column(named: "a")?[0] == 1)
    #expect(table.column(named: "b")?[0] == 2.5)
    #expect(table.column(named: "c")?[0] == -300)
    // Empty, NA and the missing code (compared as a number: -99.0 is -99) are missing.
    #expect(table.column(named: "b")?[1].isNaN == true)
    #expect(table.column(named: "c")?[1].isNaN == true)
    #expect(table.column(named: "a")?[2].isNaN == true)
    #expect(table.column(named: "b")?[2].isNaN == true)
    #expect(table.missingCounts == [1, 2, 1])
  }

  @Test("quoted header and cells, spaces around numbers, CRLF, no final newline")
  func readsQuotedCRLF() throws {
    let table = try DataTable(csv: "\"item 1\",\"b\"\r\n\" 1 \", 2 \r\n3,\"4\"")
    #expect(table.columnNames == ["item 1", "b"])
    #expect(table.columns == [[1, 3], [2, 4]])
  }

  @Test("semicolon files with delimiter detection, a byte-order mark, blank lines")
  func detectionBOMAndBlankLines() throws {
    let semicolon = try DataTable(
      csvBytes: Array("a;b\n1;2\n3;4\n".utf8), delimiter: nil, source: "semi.csv")
    #expect(semicolon.columnNames == ["a", "b"])
    #expect(semicolon.columns == [[1, 3], [2, 4]])
    let bom = try DataTable(
      csvBytes: [0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8), source: "bom.csv")
    #expect(bom.columnNames == ["a", "b"])
    let blank = try DataTable(csv: "a,b\n1,2\n\n3,4\n\n")
    #expect(blank.rowCount == 2)
  }

  /// `examples/corporate-reputation/README.md`: -99 in cusa once, cusl_1 three, cusl_2 four,
  /// cusl_3 three times, and in age, education, occupation and nphh (counts from the file).
  @Test("the example corp rep data: 344 rows, the documented -99 cells")
  func corpRep() throws {
    let table = try ExampleData.corpRep()
    #expect(table.rowCount == 344)
    #expect(table.columnNames.count == 50)
    let missing = Dictionary(uniqueKeysWithValues: zip(table.columnNames, table.missingCounts))
      .filter { $0.value > 0 }
    #expect(
      missing == [
        "cusa": 1, "cusl_1": 3, "cusl_2": 4, "cusl_3": 3, "age": 1, "education": 9,
        "occupation": 45, "nphh": 4,
      ])
  }

  @Test("a file that does not exist")
  func missingFile() {
    let error = expectError(DataError.self) { try DataTable(csvFile: "/nonexistent/data.csv") }
    guard case .unreadable(let source, _)? = error else {
      Issue.record("expected unreadable, got \(String(describing: error))")
      return
    }
    #expect(source == "/nonexistent/data.csv")
    #expect(error?.description.contains("/nonexistent/data.csv") == true)
  }

  // MARK: Bad data

  @Test("'NaN' text names row and column")
  func nanText() {
    let error = Self.dataError("a,b\n1,2\n3,4\nNaN,5\n")
    #expect(error == .nonFinite(source: "bad.csv", row: 4, column: "a", value: "NaN"))
    #expect(error?.description == "bad.csv: row 4, column 'a': 'NaN' is not a finite number")
  }

  @Test("'Inf' text and overflowing numbers name row and column")
  func infText() {
    #expect(
      Self.dataError("a,b\n1,2\n3,Inf\n")
        == .nonFinite(source: "bad.csv", row: 3, column: "b", value: "Inf"))
    #expect(
      Self.dataError("a,b\n1,-inf\n")
        == .nonFinite(source: "bad.csv", row: 2, column: "b", value: "-inf"))
    let overflow = Self.dataError("a,b\n1,2\n1e999,2\n")
    #expect(overflow == .nonFinite(source: "bad.csv", row: 3, column: "a", value: "1e999"))
    #expect(overflow?.description.contains("row 3, column 'a'") == true)
  }

  @Test("non-numeric cell names row and column")
  func nonNumeric() {
    let error = Self.dataError("a,b\n1,2\n3,4\n5,strongly agree\n")
    #expect(error == .nonNumeric(source: "bad.csv", row: 4, column: "b", value: "strongly agree"))
    #expect(error?.description == "bad.csv: row 4, column 'b': 'strongly agree' is not a number")
  }

  @Test("columns that are not numeric are set aside; only a model that uses them fails")
  func nonNumericColumnsSetAside() throws {
    let text = """
      Timestamp,name,x1,x2,y1,y2
      2024/05/06 8:47:00 AM GMT+7,Ani,1,2,2,1
      2024/05/06 8:49:10 AM GMT+7,Budi,2,2,3,3
      2024/05/06 9:01:00 AM GMT+7,Dewi,3,5,4,3
      2024/05/07 7:12:45 AM GMT+7,,4,3,4,5
      2024/05/07 7:30:00 AM GMT+7,Eka,5,4,5,4

      """
    let table = try DataTable(csv: text, source: "form.csv")
    #expect(table.columnNames == ["x1", "x2", "y1", "y2"])
    #expect(table.nonNumericColumns.map(\.name) == ["Timestamp", "name"])
    #expect(
      table.nonNumericProblem("Timestamp")
        == .nonNumeric(
          source: "form.csv", row: 2, column: "Timestamp", value: "2024/05/06 8:47:00 AM GMT+7"))
    let model = try PathModel(syntax: "X =~ x1 + x2\nY =~ y1 + y2\nY ~ X\n")
    let estimate = try PLSEstimator().estimate(model, data: table)
    #expect(estimate.observations == 5)
    let usesName = try PathModel(syntax: "X =~ x1 + name\nY =~ y1 + y2\nY ~ X\n")
    #expect(
      throws: DataError.nonNumeric(source: "form.csv", row: 2, column: "name", value: "Ani")
    ) { _ = try PLSEstimator().estimate(usesName, data: table) }
  }

  @Test("semicolon files take a decimal comma; comma files do not")
  func decimalComma() throws {
    let semicolon = try DataTable(
      csvBytes: Array("a;b\n1,5;-2,25\n3;4.5\n,5;1e-1\n".utf8), delimiter: nil, source: "s.csv")
    #expect(semicolon.columns == [[1.5, 3, 0.5], [-2.25, 4.5, 0.1]])
    // Beyond the fast path (20 digits), the same reading.
    let long = try DataTable(
      csvBytes: Array("a;b\n3,14159265358979323846;1\n2;2\n".utf8), delimiter: nil,
      source: "s.csv")
    #expect(long.columns[0][0] == 3.14159265358979323846)
    // Two commas, or a comma with a point, is no number.
    let bad = try DataTable(
      csvBytes: Array("a;b\n1,2,3;1\n1.000,5;2\n".utf8), delimiter: nil, source: "s.csv")
    #expect(bad.nonNumericColumns.map(\.name) == ["a"])
    #expect(
      bad.nonNumericProblem("a")
        == .nonNumeric(source: "s.csv", row: 2, column: "a", value: "1,2,3"))
  }

  @Test("threecommonfactors as a European spreadsheet saves it: the same numbers")
  func europeanExport() throws {
    // cSEM's threecommonfactors holds decimals: the semicolon, decimal-comma, BOM, CRLF version
    // must give bit-identical columns.
    let path = Repository.path("Tests/PLSSEMTests/Fixtures/data/threecommonfactors.csv")
    let original = try DataTable(csvFile: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let european =
      "\u{FEFF}"
      + text.split(separator: "\n").map {
        $0.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ",")
      }.joined(separator: "\r\n")
    for fast in [true, false] {
      let table = try DataTable(
        csvBytes: Array(european.utf8), delimiter: nil, source: "eu.csv", allowFastPath: fast)
      #expect(table.columnNames == original.columnNames)
      #expect(table.columns == original.columns)
    }
  }

  @Test("ragged row names the row and both field counts")
  func raggedRow() {
    let short = Self.dataError("a,b,c\n1,2,3\n4,5\n")
    #expect(short == .wrongFieldCount(source: "bad.csv", row: 3, found: 2, expected: 3))
    #expect(short?.description == "bad.csv: row 3 has 2 fields, the header has 3")
    #expect(
      Self.dataError("a,b\n1,2,3\n")
        == .wrongFieldCount(source: "bad.csv", row: 2, found: 3, expected: 2))
  }

  @Test("empty file")
  func emptyFile() {
    let error = Self.dataError("")
    #expect(error == .empty(source: "bad.csv"))
    #expect(error?.description.contains("bad.csv") == true)
  }

  @Test("header only")
  func headerOnly() {
    #expect(Self.dataError("a,b,c\n") == .noRows(source: "bad.csv"))
    let noNewline = Self.dataError("a,b,c")
    #expect(noNewline == .noRows(source: "bad.csv"))
    #expect(noNewline?.description.contains("bad.csv") == true)
  }

  @Test("duplicate header names the column")
  func duplicateHeader() {
    let error = Self.dataError("a,b,a\n1,2,3\n")
    #expect(error == .duplicateColumn(name: "a", source: "bad.csv"))
    #expect(error?.description.contains("'a'") == true)
  }

  @Test("empty header name names its column number")
  func emptyHeaderName() {
    #expect(Self.dataError("a,,c\n1,2,3\n") == .emptyColumnName(source: "bad.csv", column: 2))
  }

  @Test("unterminated quote is malformed with its line")
  func unterminatedQuote() {
    let error = Self.dataError("a,b\n1,2\n\"3,4\n")
    guard case .malformed(let source, let line, _, _)? = error else {
      Issue.record("expected malformed, got \(String(describing: error))")
      return
    }
    #expect(source == "bad.csv")
    #expect(line == 3)
  }

  @Test("columns of different lengths")
  func raggedColumns() {
    let error = expectError(DataError.self) {
      try DataTable(columnNames: ["a", "b"], columns: [[1, 2, 3], [1, 2]], source: "mem")
    }
    #expect(error == .raggedColumns(source: "mem", column: "b", count: 2, expected: 3))
  }

  // MARK: Missing values during estimation

  static let model = "A =~ a1 + a2\nB =~ b1 + b2\nB ~ A"

  /// Ten rows of varied values.
  static func rows(_ count: Int) -> [[Double]] {
    (0..<count).map { (i: Int) -> [Double] in
      let a1 = Double(i % 5 + 1)
      let a2 = Double((i * 3) % 7 + 1)
      let b1 = Double((i * 2) % 5 + 2)
      let b2 = Double((i * 4) % 9 + 1)
      return [a1, a2, b1, b2]
    }
  }

  static func csv(_ rows: [[String]]) -> String {
    "a1,a2,b1,b2\n" + rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  @Test("all-missing column names the column")
  func allMissingColumn() throws {
    var cells = Self.rows(10).map { $0.map { String($0) } }
    for i in cells.indices { cells[i][2] = i.isMultiple(of: 2) ? "NA" : "-99" }
    let data = try DataTable(csv: Self.csv(cells), missingCodes: [-99], source: "bad.csv")
    let model = try PathModel(syntax: Self.model)
    let error = expectError(DataError.self) { try PLSEstimator().estimate(model, data: data) }
    #expect(error == .allMissing(source: "bad.csv", column: "b1"))
    #expect(error?.description == "bad.csv: column 'b1' has no observed values")
  }

  @Test("casewise deletion drops incomplete rows and reports it")
  func casewiseDeletion() throws {
    var cells = Self.rows(10).map { $0.map { String($0) } }
    cells[1][0] = ""
    cells[4][3] = "NA"
    cells[7][1] = "-99"
    let data = try DataTable(csv: Self.csv(cells), missingCodes: [-99])
    let model = try PathModel(syntax: Self.model)
    let casewise = try PLSEstimator(settings: PLSSettings(missing: .casewiseDeletion)).estimate(
      model, data: data)
    #expect(casewise.observations == 7)
    #expect(casewise.dataSummary.droppedRows == 3)
    #expect(casewise.dataSummary.replacedCells == 0)
    let mean = try PLSEstimator().estimate(model, data: data)
    #expect(mean.observations == 10)
    #expect(mean.dataSummary.replacedCells == 3)
    #expect(mean.dataSummary.replacedPerIndicator == ["a1": 1, "b2": 1, "a2": 1])
  }

  @Test("casewise deletion leaving too few rows names the file and both counts")
  func casewiseTooFewRows() throws {
    var cells = Self.rows(10).map { $0.map { String($0) } }
    for i in 2..<10 { cells[i][i % 4] = "NA" }
    let data = try DataTable(csv: Self.csv(cells), source: "bad.csv")
    let model = try PathModel(syntax: Self.model)
    let error = expectError(DataError.self) {
      try PLSEstimator(settings: PLSSettings(missing: .casewiseDeletion)).estimate(
        model, data: data)
    }
    // Two complete rows remain; the model needs at least three.
    #expect(error == .tooFewCompleteRows(source: "bad.csv", complete: 2, required: 3))
    let text = error?.description ?? ""
    #expect(text.contains("bad.csv") && text.contains("2") && text.contains("3"), "\(text)")
  }

  @Test("casewise deletion: the required count follows the model's largest regression")
  func casewiseRequiredFollowsModel() throws {
    // D has three predecessors: the regression needs n ≥ 3 + 2 observations.
    let names = ["a1", "b1", "c1", "d1"]
    var cells = (0..<8).map { i in names.indices.map { j in String((i * (j + 2) + j) % 7 + 1) } }
    for i in 4..<8 { cells[i][0] = "NA" }
    let text =
      names.joined(separator: ",") + "\n"
      + cells.map { $0.joined(separator: ",") }.joined(separator: "\n")
    let data = try DataTable(csv: text, source: "bad.csv")
    let model = try PathModel(syntax: "A =~ a1\nB =~ b1\nC =~ c1\nD =~ d1\nD ~ A + B + C")
    let error = expectError(DataError.self) {
      try PLSEstimator(settings: PLSSettings(missing: .casewiseDeletion)).estimate(
        model, data: data)
    }
    #expect(error == .tooFewCompleteRows(source: "bad.csv", complete: 4, required: 5))
  }
}
