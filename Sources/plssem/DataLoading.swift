import DataFiles
import DelimitedText
import Foundation
import PLSSEM
import Survey

extension DataFileError: BadInputError {}

/// The data the engine fits, and where each of its rows came from.
struct LoadedData {
  /// The table the model is estimated on.
  var table: DataTable
  /// The row numbers of every row read, in data order (before any respondent is excluded).
  var rowsRead: [Int]
  /// The id of every row read, when `--id-column` names one.
  var idsRead: [String]?
  /// The id column's name.
  var idColumn: String?
  /// The responses, when the data was read through a codebook.
  var responses: SurveyResponses?
  /// For each row of ``table``, its position among the rows read (respondents excluded before
  /// estimation are missing from it).
  var keptIndices: [Int]

  /// `row 12` or `row 12 (id R011)`.
  func place(ofRead index: Int) -> String {
    var text = "row \(rowsRead[index])"
    if let id = idsRead?[index], !id.isEmpty { text += " (id \(id))" }
    return text
  }
}

/// Reads `--data` in any supported format: through the codebook when `--codebook` is given,
/// else as numbers (the columns `model` uses must be numeric; others are set aside with a note).
func loadData(_ input: InputOptions, model: PathModel?) throws -> LoadedData {
  let path = input.data
  let bytes = try DataFileReader.contents(ofFile: path)
  let format = try DataFileReader.format(of: bytes, source: path)
  if input.codebook != nil {
    let responses = try readResponses(input, bytes: bytes)
    let numbers = responses.numericTable()
    let table = try DataTable(
      columnNames: numbers.columnNames, columns: numbers.values, source: responses.source,
      rowNumbers: responses.rows)
    return LoadedData(
      table: table, rowsRead: responses.rows, idsRead: responses.respondentIDs,
      idColumn: responses.idColumn, responses: responses, keptIndices: Array(0..<table.rowCount))
  }
  return try loadNumericData(
    path: path, bytes: bytes, format: format, missingCodes: input.missingCodes, sheet: input.sheet,
    idColumn: input.idColumn, model: model)
}

/// Reads a data file as numbers (see ``loadData(_:model:)``).
func loadNumericData(
  path: String, bytes: [UInt8]? = nil, format: DataFileFormat? = nil, missingCodes: [Double],
  sheet sheetName: String? = nil, idColumn: String? = nil, model: PathModel?
) throws -> LoadedData {
  let bytes = try bytes ?? DataFileReader.contents(ofFile: path)
  let format = try format ?? DataFileReader.format(of: bytes, source: path)
  let table: DataTable
  var ids: [String]?
  if format == .delimitedText {
    if sheetName != nil {
      Console.note("\(path): --sheet applies only to .xlsx workbooks and is ignored")
    }
    table = try DataTable(csvBytes: bytes, delimiter: nil, missingCodes: missingCodes, source: path)
    if let idColumn {
      ids = try delimitedTextColumn(idColumn, of: bytes, source: path, rows: table.rowNumbers)
    }
  } else {
    let sheet = try DataFileReader.read(
      bytes: bytes, source: path, options: DataFileOptions(sheet: sheetName))
    for note in sheet.notes { Console.note(note) }
    let numbers = sheet.numericColumns(missingCodes: missingCodes)
    if !numbers.unnamed.isEmpty {
      let letters = numbers.unnamed.map { "column \($0)" }.joined(separator: ", ")
      Console.note("\(sheet.source): \(letters) hold data but have no name in the header; ignored")
    }
    table = try DataTable(
      columnNames: numbers.names, columns: numbers.values, source: sheet.source,
      nonNumericColumns: numbers.nonNumeric.map { cell in
        NonNumericColumn(
          name: cell.column,
          problem: cell.isNonFinite
            ? .nonFinite(
              source: sheet.source, row: cell.row, column: cell.column, value: cell.value)
            : .nonNumeric(
              source: sheet.source, row: cell.row, column: cell.column, value: cell.value))
      }, rowNumbers: sheet.rowNumbers)
    if let idColumn {
      guard let index = sheet.columnIndex(named: idColumn) else {
        throw InputError(
          description: unknownIDColumn(idColumn, source: sheet.source, names: sheet.columnNames))
      }
      ids = sheet.columns[index].cells.map { $0.text.trimmingCharacters(in: .whitespaces) }
    }
  }
  noteNonNumericColumns(table, model: model)
  return LoadedData(
    table: table, rowsRead: table.rowNumbers, idsRead: ids, idColumn: idColumn,
    keptIndices: Array(0..<table.rowCount))
}

/// One note for the columns set aside as not numeric that the model does not use.
func noteNonNumericColumns(_ table: DataTable, model: PathModel?) {
  let used = Set(model?.indicators ?? [])
  let ignored = table.nonNumericColumns.map(\.name).filter { !used.contains($0) }
  guard !ignored.isEmpty else { return }
  let names = ignored.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
  let more = ignored.count > 8 ? " and \(ignored.count - 8) more" : ""
  Console.note(
    "\(table.source): \(ignored.count == 1 ? "column" : "columns") \(names)\(more) \(ignored.count == 1 ? "is" : "are") not numeric and \(model == nil ? "left out" : "not used by the model; ignored")"
  )
}

private func unknownIDColumn(_ name: String, source: String, names: [String]) -> String {
  let shown = names.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
  return
    "\(source): --id-column '\(name)' is not a column (the columns are \(shown)\(names.count > 8 ? ", …" : ""))"
}

/// The text of column `name` of delimited text, for the records at `rows` (row numbers,
/// header = 1).
func delimitedTextColumn(_ name: String, of bytes: [UInt8], source: String, rows: [Int]) throws
  -> [String]
{
  let reader = try DelimitedTextReader(bytes: bytes, source: source)
  var column: Int?
  var byRow: [Int: String] = [:]
  var header: [String] = []
  try reader.forEachRecord { index, _, fields in
    if index == 0 {
      header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
      column =
        header.firstIndex(of: name)
        ?? header.firstIndex { $0.lowercased() == name.lowercased() }
      if column == nil {
        throw InputError(description: unknownIDColumn(name, source: source, names: header))
      }
      return
    }
    if let column, column < fields.count {
      byRow[index + 1] = fields[column].trimmingCharacters(in: .whitespaces)
    }
  }
  return rows.map { byRow[$0] ?? "" }
}

/// Reads a response file through `--codebook`, printing its notes (and, leniently read, its
/// problems).
func readResponses(_ input: InputOptions, bytes: [UInt8]? = nil) throws -> SurveyResponses {
  guard let codebookPath = input.codebook else {
    throw InputError(description: "--codebook is needed to read survey responses")
  }
  return try readResponses(
    data: input.data, bytes: bytes, codebook: codebookPath, missingCodes: input.missingCodes,
    lenient: input.lenient, sheet: input.sheet, idColumn: input.idColumn)
}

/// Reads a response file through a codebook, printing its notes and (lenient) problems.
func readResponses(
  data: String, bytes: [UInt8]? = nil, codebook codebookPath: String, missingCodes: [Double],
  lenient: Bool, sheet: String? = nil, idColumn: String? = nil
) throws -> SurveyResponses {
  let codebook = try Codebook(contentsOfFile: codebookPath)
  let options = ResponseReadOptions(
    strictness: lenient ? .lenient : .strict, additionalMissingCodes: missingCodes, sheet: sheet,
    idColumn: idColumn)
  let reader = ResponseReader(codebook: codebook, options: options)
  let responses =
    try bytes.map { try reader.read(bytes: $0, source: data) }
    ?? reader.read(contentsOfFile: data)
  // Issues of one kind and value once, with their count (418 cells of one unknown label).
  for group in ResponseIssueGroup.grouping(responses.notes) { Console.note(group.description) }
  for group in ResponseIssueGroup.grouping(responses.problems) { warn(group.description) }
  return responses
}
