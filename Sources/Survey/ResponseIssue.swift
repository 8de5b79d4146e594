/// A problem or remark about a response file, with where it is.
///
/// Problems (``Severity/problem``) make a strict read fail and a lenient one mark cells missing
/// or skip records; notes (``Severity/note``) only inform (an ignored column, a skipped blank
/// line).
///
/// Positions: ``line`` is the physical line of the file (what an editor shows); ``row`` is the
/// record's number counting the header as row 1, which is the spreadsheet row when no cell holds
/// a line break; ``column`` is the 1-based field position and ``columnName`` its header.
public struct ResponseIssue: Sendable, Equatable, Codable, CustomStringConvertible {
  /// Whether the issue is a problem or a note.
  public enum Severity: String, Sendable, Equatable, Codable {
    /// Bad data: fails a strict read; a lenient read marks the cell missing or skips the record.
    case problem
    /// Information only.
    case note
  }

  /// What the issue is.
  public enum Kind: Sendable, Equatable, Codable {
    /// A number outside the item's scale `1...points` that is not a missing code.
    case outOfRange(value: Double, points: Int)
    /// Text that is neither a number, a label of the item's scale, nor a missing label.
    case unknownLabel(String)
    /// A record with another number of fields than the header; the record is skipped.
    case wrongFieldCount(expected: Int, found: Int)
    /// A header name used twice among item columns; the later column is ignored.
    case duplicateHeader(String)
    /// Two columns match the same item (e.g. one by id, one by question text); the later is ignored.
    case duplicateItemColumn(item: String, firstColumn: Int)
    /// A codebook item with no column in the file; it is left out of the data.
    case itemNotInData(String)
    /// A column that matches no codebook item (note); it is ignored.
    case ignoredColumn(String)
    /// A column with an empty header (note); it is ignored.
    case emptyHeader
    /// A repeated header among ignored columns (note).
    case duplicateIgnoredHeader(String)
    /// An empty line, or a record whose fields are all empty, in a file of several columns (note); it is skipped.
    case blankLine
    /// A remark of the file reader (note), e.g. cells right of a workbook's header ignored.
    case fileNote(String)
  }

  /// The file or source name.
  public var source: String
  /// What the issue is.
  public var kind: Kind
  /// The 1-based physical line, or nil for issues of the file as a whole.
  public var line: Int?
  /// The record number, header = 1, or nil for issues of the file as a whole.
  public var row: Int?
  /// The 1-based column position, if the issue belongs to a column.
  public var column: Int?
  /// The column's header text, if the issue belongs to a column.
  public var columnName: String?
  /// The codebook item concerned, if any.
  public var item: String?
  /// A hint for fixing it, e.g. the header closest to an item without a column.
  public var suggestion: String?

  /// An issue with the given parts.
  public init(
    source: String, kind: Kind, line: Int? = nil, row: Int? = nil, column: Int? = nil,
    columnName: String? = nil,
    item: String? = nil, suggestion: String? = nil
  ) {
    self.source = source
    self.kind = kind
    self.line = line
    self.row = row
    self.column = column
    self.columnName = columnName
    self.item = item
    self.suggestion = suggestion
  }

  /// Problem or note.
  public var severity: Severity {
    switch kind {
    case .outOfRange, .unknownLabel, .wrongFieldCount, .duplicateHeader, .duplicateItemColumn,
      .itemNotInData:
      .problem
    case .ignoredColumn, .emptyHeader, .duplicateIgnoredHeader, .blankLine, .fileNote: .note
    }
  }

  /// The message without its position.
  public var message: String {
    switch kind {
    case .outOfRange(let value, let points):
      "value \(NumberText.format(value)) is outside the scale 1–\(points) and is not a missing code"
    case .unknownLabel(let text):
      "\"\(text)\" is not a number, a label of the item's scale or a missing label"
    case .wrongFieldCount(let expected, let found):
      "record has \(found) field\(found == 1 ? "" : "s"), the header has \(expected); record skipped"
    case .duplicateHeader(let name): "column name \"\(name)\" appears twice; this column is ignored"
    case .duplicateItemColumn(let item, let firstColumn):
      "matches item \(item), already read from column \(firstColumn); this column is ignored"
    case .itemNotInData(let item): "codebook item \(item) has no column in the file"
    case .ignoredColumn(let name): "column \"\(name)\" is not a codebook item and is ignored"
    case .emptyHeader: "column has no name and is ignored"
    case .duplicateIgnoredHeader(let name): "column name \"\(name)\" appears twice (ignored column)"
    case .blankLine: "empty record skipped"
    case .fileNote(let text): text
    }
  }

  /// `source:line: row R, column C "name": message`, parts omitted when unknown; a suggestion
  /// follows after `; `.
  public var description: String {
    // The reader's remarks name their file themselves.
    if case .fileNote(let text) = kind { return text }
    return place + message + (suggestion.map { "; \($0)" } ?? "")
  }

  /// `source:line: row R, column C "name": `, the part of ``description`` before the message.
  public var place: String {
    var text = source
    if let line { text += ":\(line)" }
    text += ": "
    var place: [String] = []
    if let row { place.append("row \(row)") }
    if let column {
      var part = "column \(column)"
      if let columnName { part += " \"\(columnName)\"" }
      place.append(part)
    }
    if !place.isEmpty { text += place.joined(separator: ", ") + ": " }
    return text
  }
}
