import DataFiles
import Foundation
import Testing

@Suite("xlsx workbooks")
struct WorkbookTests {
  @Test(
    "cells, dates, strings and layout as written",
    arguments: [
      "handmade.xlsx", "handmade-1904.xlsx", "handmade-stored.xlsx", "openpyxl.xlsx",
      "declared-encodings.xlsx",
    ])
  func readsAsWritten(_ name: String) throws {
    let sheet = try FixtureTables.read(name)
    #expect(sheet.format == .xlsx)
    FixtureTables.check(sheet, against: name)
  }

  @Test("a sheet by name, exactly or ignoring case; an unknown name lists the sheets")
  func sheetByName() throws {
    let hidden = try FixtureTables.read("handmade.xlsx", options: .init(sheet: "hidden"))
    #expect(hidden.sheetName == "Hidden")
    #expect(hidden.columnNames == ["x", "y"])
    #expect(hidden.columns[1].cells == [.number(2)])
    let error = try FixtureTables.error("handmade.xlsx", options: .init(sheet: "Sheet9"))
    #expect(
      error?.description
        == "handmade.xlsx: no sheet named \"Sheet9\"; the workbook has \"Form responses 1\", \"Hidden\""
    )
  }

  @Test("broken and hostile workbooks fail with a message naming the problem")
  func brokenWorkbooks() throws {
    let cases: [(String, [String])] = [
      ("truncated.xlsx", ["truncated.xlsx", "truncated or damaged"]),
      ("no-sheets.xlsx", ["no-sheets.xlsx", "no worksheets"]),
      ("bad-shared-string.xlsx", ["cell C2", "shared string 99"]),
      ("malformed-xml.xlsx", ["xl/worksheets/sheet1.xml", "malformed XML"]),
      ("huge-span.xlsx", ["too large", "1048575 rows × 16384 columns"]),
      ("bomb-lying-header.xlsx", ["sheet1.xml", "beyond the 2000 bytes its header declares"]),
      ("bomb-declared.xlsx", ["sheet1.xml", "4000000000 bytes", "limit"]),
      ("cut-deflate-stream.xlsx", ["sheet1.xml", "not a readable .xlsx workbook"]),
      ("document.docx", ["not a supported data file", "Word document"]),
      ("spreadsheet.ods", ["not a supported data file", "OpenDocument spreadsheet"]),
      ("binary.xlsb", ["not a supported data file", ".xlsb"]),
      ("plain.zip", ["not a supported data file", "ZIP archive"]),
      // Found by FuzzWorkbook: a central directory pointing past the end trapped
      // ZIPFoundation's in-memory archive (now read from a file).
      ("offset-past-end.xlsx", ["offset-past-end.xlsx", "no worksheets"]),
    ]
    for (name, fragments) in cases {
      let started = Date()
      let error = try FixtureTables.error(name)
      #expect(Date().timeIntervalSince(started) < 10, "\(name) took too long")
      guard let error else {
        Issue.record(
          "\(name) was read: \((try? FixtureTables.read(name)).map { "\($0.columnNames) \($0.rowNumbers.count) rows" } ?? "")"
        )
        continue
      }
      for fragment in fragments {
        #expect(error.description.contains(fragment), "\(name): \(error.description)")
      }
    }
  }

  @Test("smaller limits are enforced: parts, cells and columns")
  func limits() throws {
    let small = DataFileLimits(maximumPartBytes: 1000, maximumCells: 1_000_000, maximumColumns: 100)
    let error = try FixtureTables.error("handmade.xlsx", options: .init(limits: small))
    #expect(error?.description.contains("limit of 1000") == true, "\(String(describing: error))")
    let fewCells = DataFileLimits(maximumCells: 4)
    let cells = try FixtureTables.error("handmade.xlsx", options: .init(limits: fewCells))
    #expect(cells?.description.contains("more than 4") == true, "\(String(describing: cells))")
  }

  @Test("Excel dates: both systems, the fictitious 1900-02-29, times")
  func excelDates() throws {
    // Reference values: Python's datetime from the definition (see the fixture script).
    let sheet = try FixtureTables.read("openpyxl.xlsx")
    #expect(sheet.columns[1].cells.first == .text("2024-05-06 08:47:00"))
  }
}
