import DelimitedText

/// How ``DataFileReader`` reads a file.
public struct DataFileOptions: Sendable, Equatable {
  /// The worksheet of a workbook to read (exact name, else case-insensitive); nil for the first.
  public var sheet: String?
  /// The delimiter of a text file; nil to detect it from the header (comma, semicolon or tab).
  public var delimiter: Delimiter?
  /// Bounds that keep a hostile or broken file from exhausting memory or time.
  public var limits: DataFileLimits

  /// Options with the given values; the defaults read the first sheet and detect delimiters.
  public init(sheet: String? = nil, delimiter: Delimiter? = nil, limits: DataFileLimits = .init()) {
    self.sheet = sheet
    self.delimiter = delimiter
    self.limits = limits
  }
}

/// Upper bounds on what a reader accepts. A file beyond them is refused with
/// ``DataFileError/tooLarge(source:what:)`` before the memory is spent.
public struct DataFileLimits: Sendable, Equatable {
  /// The largest inflated size of one part of an xlsx archive (its worksheet, shared strings, …),
  /// checked against the archive's declared size and again while inflating, so that a header
  /// that lies about the size cannot defeat it. Default 256 MiB.
  public var maximumPartBytes: Int
  /// The most cells (rows × columns) of a workbook sheet or an SPSS/Stata file. Default 20 million.
  public var maximumCells: Int
  /// The most columns. Default 16,384 (Excel's own limit, column XFD).
  public var maximumColumns: Int

  /// Limits with the given values.
  public init(
    maximumPartBytes: Int = 256 << 20, maximumCells: Int = 20_000_000,
    maximumColumns: Int = 16_384
  ) {
    self.maximumPartBytes = maximumPartBytes
    self.maximumCells = maximumCells
    self.maximumColumns = maximumColumns
  }
}
