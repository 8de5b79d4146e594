import DelimitedText

/// A data file read into a table of named columns: what every reader produces and what the
/// engine's `DataTable` and Survey's `ResponseReader` consume.
///
/// Rows are respondents (observations) in file order. Each keeps the position a user would look
/// for: ``rowNumbers`` counts as a spreadsheet does (the header is row 1) for CSV and xlsx, and
/// is the case number (1, 2, …) for SPSS and Stata files, which have no header row; for text files
/// ``lines`` also gives the physical line where each record starts.
public struct DataSheet: Sendable, Equatable {
  /// A record that is not a row of the table, and why.
  public struct SkippedRecord: Sendable, Equatable {
    /// Why the record was left out.
    public enum Reason: Sendable, Equatable {
      /// Every field is empty.
      case blank
      /// Another number of fields than the header (text files only).
      case wrongFieldCount(expected: Int, found: Int)
    }

    /// The record's row number (header = 1).
    public var row: Int
    /// The physical line where it starts (text files), else nil.
    public var line: Int?
    /// Why it was left out.
    public var reason: Reason

    /// A skipped record.
    public init(row: Int, line: Int?, reason: Reason) {
      self.row = row
      self.line = line
      self.reason = reason
    }
  }

  /// The path (or name) of the data for messages; for a workbook of several sheets, with the
  /// sheet's name: `responses.xlsx (sheet "Form responses 1")`.
  public var source: String
  /// The format the file was read as.
  public var format: DataFileFormat
  /// The worksheet read (xlsx), else nil.
  public var sheetName: String?
  /// The columns, in file order.
  public var columns: [DataColumn]
  /// For each data row, its row number as messages give it (see the type's discussion).
  public var rowNumbers: [Int]
  /// For each data row of a text file, the physical line where its record starts; nil otherwise.
  public var lines: [Int]?
  /// The field delimiter of a text file; nil otherwise.
  public var delimiter: Delimiter?
  /// Records left out of the table (blank, or ragged in a text file), in file order.
  public var skippedRecords: [SkippedRecord]
  /// Remarks about the reading (cells right of the header ignored, the file's extension
  /// disagreeing with its content, …), for the user's information.
  public var notes: [String]

  /// A sheet from its parts; every column must hold `rowNumbers.count` cells.
  public init(
    source: String, format: DataFileFormat, sheetName: String? = nil, columns: [DataColumn],
    rowNumbers: [Int], lines: [Int]? = nil, delimiter: Delimiter? = nil,
    skippedRecords: [SkippedRecord] = [], notes: [String] = []
  ) {
    self.source = source
    self.format = format
    self.sheetName = sheetName
    self.columns = columns
    self.rowNumbers = rowNumbers
    self.lines = lines
    self.delimiter = delimiter
    self.skippedRecords = skippedRecords
    self.notes = notes
  }

  /// The number of data rows.
  public var rowCount: Int { rowNumbers.count }

  /// The column names, in order.
  public var columnNames: [String] { columns.map(\.name) }

  /// The index of the first column named `name` (exactly, then ignoring case and surrounding
  /// spaces), if any.
  public func columnIndex(named name: String) -> Int? {
    if let exact = columns.firstIndex(where: { $0.name == name }) { return exact }
    let wanted = name.trimmedWhitespace.lowercased()
    return columns.firstIndex { $0.name.trimmedWhitespace.lowercased() == wanted }
  }
}
