import Foundation

/// Reads a worksheet of an xlsx workbook (Office Open XML, as Excel, Google Sheets, LibreOffice
/// and Numbers write it) into a ``DataSheet``.
///
/// The workbook part is found through the package relationships (`_rels/.rels`, else
/// `xl/workbook.xml`); its sheet list gives the sheets' names and, through the workbook's
/// relationships, their parts. Shared strings and styles (to tell dates from numbers) are read
/// when present. See ``WorksheetReader`` for the cells.
struct WorkbookReader {
  /// A sheet as the workbook lists it.
  struct SheetEntry: Equatable {
    var name: String
    var part: String?
    var isWorksheet: Bool
    var isHidden: Bool
  }

  let archive: WorkbookArchive
  let source: String
  let limits: DataFileLimits
  /// The workbook part's path, e.g. `xl/workbook.xml`.
  let workbookPart: String
  /// The sheets in workbook order.
  let sheets: [SheetEntry]
  /// Whether serial dates count from 1904 (old Mac Excel) rather than 1900.
  let uses1904Dates: Bool
  /// The paths of the shared-strings and styles parts, if any.
  let sharedStringsPart: String?
  let stylesPart: String?

  init(bytes: [UInt8], file: URL? = nil, source: String, limits: DataFileLimits)
    throws(DataFileError)
  {
    self.source = source
    self.limits = limits
    let archive = try WorkbookArchive(bytes: bytes, file: file, source: source, limits: limits)
    self.archive = archive
    let packageRelationships = try Self.relationships(
      of: "", in: archive, source: source)
    let officeDocument = packageRelationships.first { $0.type.hasSuffix("/officeDocument") }
    let workbookPart = officeDocument.map { Self.resolve($0.target, from: "") } ?? "xl/workbook.xml"
    guard let workbook = try archive.part(workbookPart) else {
      throw Self.notAWorkbook(archive, source: source)
    }
    self.workbookPart = workbookPart

    var listed: [(name: String, relationship: String?, hidden: Bool)] = []
    var uses1904 = false
    let events = XMLEvents()
    events.onStart = { name, attributes in
      switch name {
      case "sheet":
        listed.append(
          (
            attributes["name"] ?? "", attributes["id"],
            (attributes["state"] ?? "visible") != "visible"
          ))
      case "workbookPr":
        let value = (attributes["date1904"] ?? "").lowercased()
        uses1904 = value == "1" || value == "true"
      default: break
      }
    }
    try events.parse(workbook, part: workbookPart, source: source)

    let relationships = try Self.relationships(of: workbookPart, in: archive, source: source)
    var byID: [String: (type: String, target: String)] = [:]
    for relationship in relationships {
      byID[relationship.id] = (relationship.type, relationship.target)
    }
    sheets = listed.map { sheet in
      let relationship = sheet.relationship.flatMap { byID[$0] }
      return SheetEntry(
        name: sheet.name,
        part: relationship.map { Self.resolve($0.target, from: workbookPart) },
        isWorksheet: relationship.map { $0.type.hasSuffix("/worksheet") } ?? false,
        isHidden: sheet.hidden)
    }
    uses1904Dates = uses1904
    let directory = Self.directory(of: workbookPart)
    sharedStringsPart =
      relationships.first { $0.type.hasSuffix("/sharedStrings") }
      .map { Self.resolve($0.target, from: workbookPart) } ?? "\(directory)sharedStrings.xml"
    stylesPart =
      relationships.first { $0.type.hasSuffix("/styles") }
      .map { Self.resolve($0.target, from: workbookPart) } ?? "\(directory)styles.xml"
  }

  /// The sheet called `name` (exactly, else ignoring case), or the first visible worksheet.
  func sheet(named name: String?) throws(DataFileError) -> DataSheet {
    guard !sheets.isEmpty else { throw .noSheets(source: source) }
    let chosen: SheetEntry
    if let name {
      guard
        let match = sheets.first(where: { $0.name == name })
          ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() })
      else {
        throw .unknownSheet(source: source, sheet: name, available: sheets.map(\.name))
      }
      chosen = match
    } else {
      let worksheets = sheets.filter(\.isWorksheet)
      guard let first = worksheets.first(where: { !$0.isHidden }) ?? worksheets.first else {
        throw .noSheets(source: source)
      }
      chosen = first
    }
    guard chosen.isWorksheet, let part = chosen.part else {
      throw .invalidWorkbook(
        source: source, reason: "sheet \"\(chosen.name)\" is a chart or dialog, not a worksheet")
    }
    guard let bytes = try archive.part(part) else {
      throw .invalidWorkbook(
        source: source, reason: "sheet \"\(chosen.name)\" has no part \(part) in the archive")
    }
    let displaySource =
      sheets.count > 1 || name != nil ? "\(source) (sheet \"\(chosen.name)\")" : source
    let strings = try sharedStrings()
    let styles = try dateStyles()
    var sheet = try WorksheetReader(
      source: displaySource, part: part, sharedStrings: strings, dateStyles: styles,
      uses1904Dates: uses1904Dates, limits: limits
    ).read(bytes)
    sheet.sheetName = chosen.name
    return sheet
  }

  /// The shared strings in index order (empty when the workbook has none).
  func sharedStrings() throws(DataFileError) -> [String] {
    guard let part = sharedStringsPart, let bytes = try archive.part(part) else { return [] }
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var phoneticDepth = 0
    let events = XMLEvents()
    let maximum = limits.maximumCells
    let source = source
    events.onStart = { name, _ throws(DataFileError) in
      switch name {
      case "si":
        inItem = true
        current = ""
      case "t": inText = inItem && phoneticDepth == 0
      case "rPh": phoneticDepth += 1
      default: break
      }
    }
    events.onEnd = { name throws(DataFileError) in
      switch name {
      case "si":
        guard strings.count < maximum else {
          throw .tooLarge(source: source, what: "more than \(maximum) shared strings")
        }
        strings.append(current)
        inItem = false
      case "t": inText = false
      case "rPh": phoneticDepth = max(0, phoneticDepth - 1)
      default: break
      }
    }
    events.onText = { text in if inText { current += text } }
    try events.parse(bytes, part: part, source: source)
    return strings
  }

  /// For each cell style index (`s` attribute), whether its number format shows a date or time.
  func dateStyles() throws(DataFileError) -> [Bool] {
    guard let part = stylesPart, let bytes = try archive.part(part) else { return [] }
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    var inCellXfs = false
    let events = XMLEvents()
    events.onStart = { name, attributes in
      switch name {
      case "numFmt":
        if let id = attributes["numFmtId"].flatMap({ Int($0) }) {
          customFormats[id] = attributes["formatCode"] ?? ""
        }
      case "cellXfs": inCellXfs = true
      case "xf" where inCellXfs:
        cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
      default: break
      }
    }
    events.onEnd = { name in if name == "cellXfs" { inCellXfs = false } }
    try events.parse(bytes, part: part, source: source)
    return cellFormats.map { id in
      if let code = customFormats[id] { return ExcelDate.isDateFormat(code) }
      return ExcelDate.isBuiltInDateFormat(id)
    }
  }

  /// One relationship of a part.
  struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  /// The relationships of `part` (`""` for the package): `dir/_rels/name.rels`.
  static func relationships(of part: String, in archive: WorkbookArchive, source: String)
    throws(DataFileError) -> [Relationship]
  {
    let directory = directory(of: part)
    let name = String(part.dropFirst(directory.count))
    let path = "\(directory)_rels/\(name).rels"
    guard let bytes = try archive.part(path) else { return [] }
    var list: [Relationship] = []
    let events = XMLEvents()
    events.onStart = { element, attributes in
      guard element == "Relationship" else { return }
      // External targets (hyperlinks) are not parts.
      if attributes["TargetMode"] == "External" { return }
      list.append(
        Relationship(
          id: attributes["Id"] ?? "", type: attributes["Type"] ?? "",
          target: attributes["Target"] ?? ""))
    }
    try events.parse(bytes, part: path, source: source)
    return list
  }

  /// The folder of a part, with a trailing `/` (`xl/workbook.xml` → `xl/`; `""` for the root).
  static func directory(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[...slash])
  }

  /// A relationship target resolved against the part that names it: absolute targets (`/xl/…`)
  /// from the root, others from the part's folder, `..` and `.` segments removed.
  static func resolve(_ target: String, from part: String) -> String {
    let combined = target.hasPrefix("/") ? target : directory(of: part) + target
    var segments: [Substring] = []
    for segment in combined.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == "." { continue }
      if segment == ".." {
        _ = segments.popLast()
        continue
      }
      segments.append(segment)
    }
    return segments.joined(separator: "/")
  }

  /// What a ZIP archive without a workbook is, for the "not supported" message.
  static func notAWorkbook(_ archive: WorkbookArchive, source: String) -> DataFileError {
    let paths = Set(archive.paths.map { $0.lowercased() })
    let found: String
    if paths.contains("word/document.xml") {
      found = "a Word document (.docx)"
    } else if paths.contains(where: { $0.hasPrefix("ppt/") }) {
      found = "a PowerPoint presentation (.pptx)"
    } else if paths.contains("xl/workbook.bin") {
      found = "an Excel binary workbook (.xlsb); save it as .xlsx"
    } else if paths.contains("content.xml"), paths.contains("mimetype") {
      let mimetype =
        (try? archive.part("mimetype", bound: 200)).flatMap { $0 }
        .map { String(decoding: $0, as: UTF8.self) } ?? ""
      if mimetype.contains("spreadsheet") {
        found = "an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV"
      } else {
        found = "an OpenDocument file (\(mimetype.isEmpty ? "not a spreadsheet" : mimetype))"
      }
    } else if paths.contains("[content_types].xml") {
      found = "an Office Open XML package that holds no workbook"
    } else {
      found = "a ZIP archive that holds no Excel workbook"
    }
    return .unsupported(source: source, found: found)
  }
}
