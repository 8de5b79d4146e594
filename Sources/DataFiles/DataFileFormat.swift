/// The kinds of data file `plssem` reads, recognised by their content.
public enum DataFileFormat: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
  /// Delimited text: CSV, semicolon-separated spreadsheet exports, TSV.
  case delimitedText = "csv"
  /// An Excel workbook (Office Open XML): Excel, Google Sheets, LibreOffice, Numbers exports.
  case xlsx
  /// An SPSS system file (`$FL2`).
  case sav
  /// A compressed SPSS system file (`$FL3`).
  case zsav
  /// An SPSS portable file (`SPSSPORT`).
  case por
  /// A Stata data file (format 104–119).
  case dta

  /// The name users know the format by.
  public var displayName: String {
    switch self {
    case .delimitedText: "delimited text (CSV/TSV)"
    case .xlsx: "Excel workbook (.xlsx)"
    case .sav: "SPSS data file (.sav)"
    case .zsav: "compressed SPSS data file (.zsav)"
    case .por: "SPSS portable file (.por)"
    case .dta: "Stata data file (.dta)"
    }
  }

  /// The list every "not supported" message gives.
  public static let supportedList =
    "CSV/TSV text (comma, semicolon or tab), Excel .xlsx, SPSS .sav/.zsav/.por, Stata .dta"

  /// The format a file extension suggests (the content decides; this only improves messages).
  public static func suggested(byExtensionOf path: String) -> DataFileFormat? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "csv", "tsv", "txt", "tab": return .delimitedText
    case "xlsx", "xlsm": return .xlsx
    case "sav": return .sav
    case "zsav": return .zsav
    case "por": return .por
    case "dta": return .dta
    default: return nil
    }
  }
}

/// What the first bytes of a file say it is.
public enum DataFileKind: Sendable, Equatable {
  /// A format this module reads. A ZIP archive is classified as ``DataFileFormat/xlsx`` here;
  /// the workbook reader says so when the archive turns out to be another document.
  case supported(DataFileFormat)
  /// Something else, described for the user ("a PDF document").
  case unsupported(String)

  /// Classifies `bytes` (the whole file, or at least its first 4 KB).
  ///
  /// Signatures: `PK\u{3}\u{4}` (ZIP, so xlsx), `$FL2`/`$FL3` (SPSS), `SPSSPORT` within the first
  /// kilobyte (SPSS portable, after its 200-byte splash and 256-byte character table), a Stata
  /// header (`<stata_dta>`, or a first byte 104–115 followed by byte order 1 or 2 and file type 1),
  /// and the signatures of common non-data files (PDF, Office 97–2003, RTF, images, archives,
  /// SAS). Text with a UTF-16/32 byte-order mark counts as delimited text (its reader explains
  /// the encoding). Other input counts as delimited text unless it looks binary: not UTF-8 and
  /// at least 5 % control bytes in the first 4 KB.
  public static func classify(_ bytes: [UInt8]) -> DataFileKind {
    func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
      bytes.count >= offset + signature.count
        && bytes[offset..<(offset + signature.count)].elementsEqual(signature)
    }
    let ascii = { (text: String) in Array(text.utf8) }
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
      return .supported(.xlsx)
    }
    if starts(ascii("$FL2")) { return .supported(.sav) }
    if starts(ascii("$FL3")) { return .supported(.zsav) }
    if starts(ascii("<stata_dta>")) { return .supported(.dta) }
    if bytes.count >= 4, (104...115).contains(bytes[0]), bytes[1] == 1 || bytes[1] == 2,
      bytes[2] == 1, bytes[3] == 0
    {
      return .supported(.dta)
    }
    let head = bytes.prefix(1024)
    let port = ascii("SPSSPORT")
    if head.count >= port.count,
      (0...(head.count - port.count)).contains(where: {
        head[$0..<($0 + port.count)].elementsEqual(port)
      })
    {
      return .supported(.por)
    }
    if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) || starts([0, 0, 0xFE, 0xFF]) {
      return .supported(.delimitedText)
    }
    let signatures: [([UInt8], String)] = [
      (ascii("%PDF"), "a PDF document"),
      (
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        "an Office 97–2003 file (.xls or .doc); save it as .xlsx or CSV"
      ),
      (ascii("{\\rtf"), "an RTF document"),
      ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
      ([0xFF, 0xD8, 0xFF], "a JPEG image"),
      (ascii("GIF8"), "a GIF image"),
      ([0x1F, 0x8B], "a gzip-compressed file; decompress it first"),
      (ascii("BZh"), "a bzip2-compressed file; decompress it first"),
      ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz-compressed file; decompress it first"),
      ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
      (ascii("Rar!"), "a RAR archive"),
      ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF executable)"),
      (
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xC2, 0xEA, 0x81, 0x60], "a SAS data file (.sas7bdat)"
      ),
    ]
    for (signature, name) in signatures where starts(signature) { return .unsupported(name) }
    if looksBinary(bytes.prefix(4096)) { return .unsupported("binary data of an unknown kind") }
    return .supported(.delimitedText)
  }

  /// Not UTF-8 and at least 5 % control bytes (other than tab, line feed, carriage return).
  static func looksBinary(_ head: ArraySlice<UInt8>) -> Bool {
    guard !head.isEmpty else { return false }
    var controls = 0
    for byte in head where (byte < 0x20 && byte != 9 && byte != 10 && byte != 13) || byte == 0x7F {
      controls += 1
    }
    guard controls * 20 >= head.count else { return false }
    // A multi-byte character cut at the end of the prefix is not invalid: drop up to 3 bytes.
    for cut in 0...min(3, head.count) {
      if String(validating: head.dropLast(cut), as: UTF8.self) != nil { return false }
    }
    return true
  }
}
