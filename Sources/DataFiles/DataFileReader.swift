import Foundation

/// Reads any supported data file into a ``DataSheet``, choosing the reader by the file's content
/// (its first bytes), never by its name alone.
///
/// | content | reader |
/// | --- | --- |
/// | text (UTF-8, a BOM allowed) | delimited text: comma, semicolon or tab detected from the header |
/// | a ZIP archive holding `xl/workbook.xml` | Excel workbook: the first sheet or ``DataFileOptions/sheet`` |
/// | `$FL2`, `$FL3`, `SPSSPORT` | SPSS `.sav`, `.zsav`, `.por` through ReadStat |
/// | a Stata header | Stata `.dta` through ReadStat |
///
/// Anything else (a PDF, a Word or OpenDocument file, an old `.xls`, an image, random bytes) is
/// refused with ``DataFileError/unsupported(source:found:)``, which lists what is supported. The
/// extension only improves messages: a file whose name says `.sav` but whose content is text is
/// read as text, with a note.
public enum DataFileReader {
  /// Reads the file at `path`.
  public static func read(contentsOfFile path: String, options: DataFileOptions = .init())
    throws(DataFileError) -> DataSheet
  {
    try read(
      bytes: try contents(ofFile: path), source: path, options: options,
      file: URL(fileURLWithPath: path))
  }

  /// The bytes of the file at `path`; errors distinguish a missing file, a folder and an
  /// unreadable one.
  public static func contents(ofFile path: String) throws(DataFileError) -> [UInt8] {
    try FileContents.bytes(atPath: path)
  }

  /// The format of `bytes`, or throws ``DataFileError/unsupported(source:found:)`` naming what
  /// the content looks like. `source` is the file's path (its extension improves the message).
  public static func format(of bytes: [UInt8], source: String) throws(DataFileError)
    -> DataFileFormat
  {
    switch DataFileKind.classify(bytes) {
    case .supported(let format): return format
    case .unsupported(let found):
      if let expected = DataFileFormat.suggested(byExtensionOf: source), expected != .delimitedText
      {
        throw .unsupported(
          source: source,
          found:
            "\(found), although its name says \(expected.displayName): a damaged or renamed file")
      }
      throw .unsupported(source: source, found: found)
    }
  }

  /// Reads `bytes`; `source` names them in messages (a path: its extension improves messages).
  public static func read(bytes: [UInt8], source: String, options: DataFileOptions = .init())
    throws(DataFileError) -> DataSheet
  {
    try read(bytes: bytes, source: source, options: options, file: nil)
  }

  /// ``read(bytes:source:options:)`` where `file` holds `bytes` (a workbook is then opened
  /// there instead of from a temporary copy).
  static func read(bytes: [UInt8], source: String, options: DataFileOptions, file: URL?)
    throws(DataFileError) -> DataSheet
  {
    let format = try format(of: bytes, source: source)
    var sheet: DataSheet
    switch format {
    case .delimitedText:
      sheet = try DelimitedTextSheet.read(
        bytes: bytes, source: source, delimiter: options.delimiter)
    case .xlsx:
      sheet = try WorkbookReader(bytes: bytes, file: file, source: source, limits: options.limits)
        .sheet(named: options.sheet)
    case .sav, .zsav, .por, .dta:
      sheet = try StatisticsFileReader.read(
        bytes: bytes, format: format, source: source, limits: options.limits)
    }
    if let suggested = DataFileFormat.suggested(byExtensionOf: source), suggested != format,
      !(suggested == .sav && format == .zsav)
    {
      sheet.notes.insert(
        "\(source): read as \(format.displayName) (its content), although its name suggests \(suggested.displayName)",
        at: 0)
    }
    if options.sheet != nil, format != .xlsx {
      sheet.notes.append("\(source): --sheet applies only to .xlsx workbooks and is ignored")
    }
    return sheet
  }
}
