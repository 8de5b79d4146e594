import DelimitedText

/// Why a data file could not be read. Every case names the file and, where there is one, the
/// sheet, the archive part, the cell or the row.
public enum DataFileError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file does not exist, is a folder, or cannot be read.
  case unreadable(source: String, reason: String)
  /// The content is none of the supported formats; `found` says what it looks like.
  case unsupported(source: String, found: String)
  /// A delimited text file that cannot be tokenised (an unterminated quote, invalid UTF-8, …).
  case text(DelimitedTextError)
  /// The file holds no header row (nothing at all, or only empty rows).
  case empty(source: String)
  /// A ZIP archive that is not a readable Excel workbook (truncated, another kind of document,
  /// a part missing or malformed).
  case invalidWorkbook(source: String, reason: String)
  /// The workbook lists no worksheets.
  case noSheets(source: String)
  /// `--sheet` names a sheet the workbook does not have.
  case unknownSheet(source: String, sheet: String, available: [String])
  /// A part of the workbook's XML is malformed.
  case invalidXML(source: String, part: String, line: Int?, message: String)
  /// A cell the reader cannot interpret (a shared-string index out of range, a reference
  /// outside the sheet, a number that is not one).
  case invalidCell(source: String, cell: String, reason: String)
  /// The file is larger than the reader accepts (an archive part, the number of cells or
  /// columns); `what` says which limit and by how much.
  case tooLarge(source: String, what: String)
  /// An SPSS or Stata file that ReadStat cannot read; `message` is ReadStat's reason.
  case statisticsFile(source: String, format: DataFileFormat, message: String)

  /// `source: message`.
  public var description: String {
    switch self {
    case .unreadable(let source, let reason): "\(source): cannot read the file (\(reason))"
    case .unsupported(let source, let found):
      "\(source): not a supported data file (it is \(found)); supported: \(DataFileFormat.supportedList)"
    case .text(let error): error.description
    case .empty(let source): "\(source): the file is empty (expected a header row of column names)"
    case .invalidWorkbook(let source, let reason):
      "\(source): not a readable .xlsx workbook: \(reason)"
    case .noSheets(let source): "\(source): the workbook has no worksheets"
    case .unknownSheet(let source, let sheet, let available):
      "\(source): no sheet named \"\(sheet)\"; the workbook has \(available.map { "\"\($0)\"" }.joined(separator: ", "))"
    case .invalidXML(let source, let part, let line, let message):
      "\(source): \(part)\(line.map { ":\($0)" } ?? ""): malformed XML (\(message))"
    case .invalidCell(let source, let cell, let reason): "\(source): cell \(cell): \(reason)"
    case .tooLarge(let source, let what): "\(source): too large to read: \(what)"
    case .statisticsFile(let source, let format, let message):
      "\(source): cannot read the \(format.displayName): \(message)"
    }
  }
}
