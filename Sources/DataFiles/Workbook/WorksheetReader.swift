/// The cells of one worksheet part, and the table they make.
///
/// Cells: numbers (`<v>`), shared strings (`t="s"`), inline strings (`t="inlineStr"`), formula
/// results (`t="str"`, or the cached `<v>` of a formula), booleans (`TRUE`/`FALSE` text), error
/// values (`#N/A` as text) and ISO dates (`t="d"`). A number whose style shows a date becomes
/// ISO 8601 text (`2024-05-06 08:47:00`); other numbers stay numbers.
///
/// The table: the first row holding a non-empty cell is the header; its last non-empty cell is
/// the last column (cells further right are ignored with a note); every later row up to the last
/// one holding a cell within those columns is a data row, and rows left empty in between are
/// listed as skipped. Row numbers are the sheet's own.
struct WorksheetReader {
  let source: String
  let part: String
  let sharedStrings: [String]
  let dateStyles: [Bool]
  let uses1904Dates: Bool
  let limits: DataFileLimits

  /// A cell as found.
  struct Cell {
    var row: Int32
    var column: Int32
    var value: DataCell
  }

  func read(_ bytes: [UInt8]) throws(DataFileError) -> DataSheet {
    let cells = try cells(of: bytes)
    return try table(cells)
  }

  /// Every non-empty cell, in document order.
  func cells(of bytes: [UInt8]) throws(DataFileError) -> [Cell] {
    var cells: [Cell] = []
    var row = 0
    var column = 0
    var reference: String?
    var type = "n"
    var style = 0
    var inCell = false
    var inValue = false
    var inInline = false
    var inText = false
    var phoneticDepth = 0
    var value = ""
    var inlineText = ""
    var sawValue = false
    let source = source
    let limits = limits
    let events = XMLEvents()
    events.onStart = { name, attributes throws(DataFileError) in
      switch name {
      case "row":
        if let r = attributes["r"] {
          guard let number = Int(r), number >= 1, number <= 1 << 24 else {
            throw .invalidCell(source: source, cell: "row \(r)", reason: "not a row number")
          }
          row = number
        } else {
          row += 1
        }
        column = 0
      case "c":
        inCell = true
        reference = attributes["r"]
        if let reference {
          guard let parsed = CellReference(reference) else {
            throw .invalidCell(source: source, cell: reference, reason: "not a cell reference")
          }
          // A cell reference names its own row; it wins over the row element's.
          row = parsed.row
          column = parsed.column
        } else {
          column += 1
        }
        guard column <= limits.maximumColumns else {
          throw .tooLarge(
            source: source,
            what:
              "cell \(CellReference(column: column, row: max(row, 1)).name) lies beyond column \(limits.maximumColumns)"
          )
        }
        type = attributes["t"] ?? "n"
        style = attributes["s"].flatMap { Int($0) } ?? 0
        value = ""
        inlineText = ""
        sawValue = false
      case "v" where inCell:
        inValue = true
        sawValue = true
      case "is" where inCell: inInline = true
      case "t" where inInline: inText = phoneticDepth == 0
      case "rPh" where inInline: phoneticDepth += 1
      default: break
      }
    }
    events.onEnd = { name throws(DataFileError) in
      switch name {
      case "v": inValue = false
      case "t": inText = false
      case "rPh": phoneticDepth = max(0, phoneticDepth - 1)
      case "is": inInline = false
      case "c":
        inCell = false
        let place = CellReference(column: column, row: max(row, 1))
        let cell = try interpret(
          type: type, style: style, value: sawValue ? value : nil, inline: inlineText,
          place: place)
        if cell != .empty {
          guard cells.count < limits.maximumCells else {
            throw .tooLarge(source: source, what: "more than \(limits.maximumCells) cells")
          }
          cells.append(Cell(row: Int32(max(row, 1)), column: Int32(column), value: cell))
        }
      default: break
      }
    }
    events.onText = { text in
      if inValue {
        value += text
      } else if inText {
        inlineText += text
      }
    }
    try events.parse(bytes, part: part, source: source)
    return cells
  }

  /// One cell's value from its type, style, `<v>` text and inline text.
  func interpret(type: String, style: Int, value: String?, inline: String, place: CellReference)
    throws(DataFileError) -> DataCell
  {
    switch type {
    case "s":
      guard let value else { return .empty }
      guard let index = Int(value.trimmedWhitespace), sharedStrings.indices.contains(index) else {
        throw .invalidCell(
          source: source, cell: place.name,
          reason:
            "shared string \(value) does not exist (the workbook has \(sharedStrings.count))")
      }
      return text(sharedStrings[index])
    case "inlineStr": return text(inline)
    case "str", "e", "d": return value.map(text) ?? .empty
    case "b":
      guard let value else { return .empty }
      return .text(value.trimmedWhitespace == "1" ? "TRUE" : "FALSE")
    default:
      guard let value, !value.trimmedWhitespace.isEmpty else { return .empty }
      guard let number = Double(value.trimmedWhitespace), number.isFinite else {
        throw .invalidCell(
          source: source, cell: place.name, reason: "'\(value.prefix(40))' is not a number")
      }
      if dateStyles.indices.contains(style), dateStyles[style],
        let date = ExcelDate.isoText(serial: number, uses1904: uses1904Dates)
      {
        return .text(date)
      }
      return .number(number)
    }
  }

  private func text(_ value: String) -> DataCell { value.isEmpty ? .empty : .text(value) }

  /// The table the cells make (see the type's discussion).
  func table(_ cells: [Cell]) throws(DataFileError) -> DataSheet {
    let nonBlank = cells.filter { !$0.value.isBlank }
    guard let headerRow = nonBlank.map(\.row).min() else { throw .empty(source: source) }
    let headerCells = nonBlank.filter { $0.row == headerRow }
    let width = Int(headerCells.map(\.column).max() ?? 0)
    var notes: [String] = []
    let beyond = nonBlank.filter { $0.row > headerRow && Int($0.column) > width }
    if let first = beyond.min(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
      let place = CellReference(column: Int(first.column), row: Int(first.row)).name
      notes.append(
        "\(source): \(beyond.count) cell\(beyond.count == 1 ? "" : "s") right of the last named column (\(CellReference.columnName(width))) ignored, the first at \(place)"
      )
    }
    let dataCells = cells.filter { $0.row > headerRow && Int($0.column) <= width }
    let lastRow = Int(dataCells.filter { !$0.value.isBlank }.map(\.row).max() ?? headerRow)
    let span = lastRow - Int(headerRow)
    guard span.multipliedReportingOverflow(by: width).partialValue <= limits.maximumCells,
      !span.multipliedReportingOverflow(by: width).overflow
    else {
      throw .tooLarge(
        source: source,
        what:
          "the sheet spans \(span) rows × \(width) columns, more than \(limits.maximumCells) cells")
    }
    var names = [String](repeating: "", count: width)
    for cell in headerCells { names[Int(cell.column) - 1] = cell.value.text.trimmedWhitespace }
    // Dense rows: row r of the sheet is index r − headerRow − 1.
    var grid = [[DataCell]](
      repeating: [DataCell](repeating: .empty, count: span), count: width)
    var occupied = [Bool](repeating: false, count: span)
    for cell in dataCells where Int(cell.row) <= lastRow {
      let index = Int(cell.row - headerRow) - 1
      grid[Int(cell.column) - 1][index] = cell.value
      if !cell.value.isBlank { occupied[index] = true }
    }
    var keep: [Int] = []
    var skipped: [DataSheet.SkippedRecord] = []
    for index in 0..<span {
      let row = Int(headerRow) + index + 1
      if occupied[index] {
        keep.append(index)
      } else {
        skipped.append(.init(row: row, line: nil, reason: .blank))
      }
    }
    let columns = (0..<width).map { j in
      DataColumn(
        name: names[j], cells: keep.count == span ? grid[j] : keep.map { grid[j][$0] })
    }
    return DataSheet(
      source: source, format: .xlsx, columns: columns,
      rowNumbers: keep.map { Int(headerRow) + $0 + 1 }, skippedRecords: skipped, notes: notes)
  }
}
