import DataFiles
import DelimitedText
import Testing

@Suite("delimited text as a sheet")
struct DelimitedTextSheetTests {
  @Test("semicolons, a BOM, quoted fields, blank and ragged records")
  func semicolonExport() throws {
    let text =
      "\u{FEFF}Waktu;\"Nama; lengkap\";q1\r\n2024/05/06 8:47:00;Ani;4\r\n\r\n;;\r\nx;Budi;3,5;9\r\n2024/05/07;\"Dewi\";\r\n"
    let sheet = try DataFileReader.read(bytes: Array(text.utf8), source: "export.csv")
    #expect(sheet.delimiter == .semicolon)
    #expect(sheet.columnNames == ["Waktu", "Nama; lengkap", "q1"])
    #expect(sheet.rowNumbers == [2, 6])
    #expect(sheet.lines == [2, 6])
    #expect(sheet.columns[2].cells == [.text("4"), .empty])
    #expect(sheet.columns[1].cells == [.text("Ani"), .text("Dewi")])
    #expect(
      sheet.skippedRecords == [
        .init(row: 3, line: 3, reason: .blank), .init(row: 4, line: 4, reason: .blank),
        .init(row: 5, line: 5, reason: .wrongFieldCount(expected: 3, found: 4)),
      ])
  }

  @Test("tokenizer errors keep their line and field")
  func malformed() {
    do {
      _ = try DataFileReader.read(bytes: Array("a,b\n1,\"2\n".utf8), source: "bad.csv")
      Issue.record("read")
    } catch {
      #expect(error.description == "bad.csv:2: column 2: unterminated quoted field")
    }
  }
}
