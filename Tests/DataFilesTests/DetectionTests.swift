import DataFiles
import Testing

@Suite("format detection")
struct DetectionTests {
  @Test("signatures of supported and unsupported files")
  func signatures() {
    func kind(_ bytes: [UInt8]) -> DataFileKind { DataFileKind.classify(bytes) }
    #expect(kind(Array("a,b\n1,2\n".utf8)) == .supported(.delimitedText))
    #expect(kind([0xEF, 0xBB, 0xBF] + Array("a;b\n".utf8)) == .supported(.delimitedText))
    #expect(kind([0xFF, 0xFE, 0x61, 0]) == .supported(.delimitedText))
    #expect(kind([0x50, 0x4B, 3, 4, 0, 0]) == .supported(.xlsx))
    #expect(kind(Array("$FL2@(#) SPSS".utf8)) == .supported(.sav))
    #expect(kind(Array("$FL3@(#) SPSS".utf8)) == .supported(.zsav))
    #expect(kind(Array("<stata_dta><header>".utf8)) == .supported(.dta))
    #expect(kind([114, 2, 1, 0, 5, 0]) == .supported(.dta))
    #expect(
      kind(Array(repeating: UInt8(ascii: "A"), count: 456) + Array("SPSSPORT".utf8))
        == .supported(.por))
    #expect(kind(Array("%PDF-1.7".utf8)) == .unsupported("a PDF document"))
    #expect(kind([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]).description.contains(".xls"))
    #expect(kind([0x1F, 0x8B, 8, 0]).description.contains("gzip"))
    // Random bytes (invalid UTF-8, many control bytes) are binary; text with one stray byte is not.
    let noise = (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }
    #expect(kind(noise) == .unsupported("binary data of an unknown kind"))
    #expect(kind(Array("a,b\n1,\u{0}2\n".utf8)) == .supported(.delimitedText))
    #expect(kind(Array("a,b\n1,".utf8) + [0xE9] + Array("\n".utf8)) == .supported(.delimitedText))
  }

  @Test("an unsupported file names what it is and what is supported; the extension adds a hint")
  func messages() {
    let pdf = Array("%PDF-1.4 ...".utf8)
    do {
      _ = try DataFileReader.read(bytes: pdf, source: "answers.pdf")
      Issue.record("a PDF was read")
    } catch {
      #expect(
        error.description
          == "answers.pdf: not a supported data file (it is a PDF document); supported: CSV/TSV text (comma, semicolon or tab), Excel .xlsx, SPSS .sav/.zsav/.por, Stata .dta"
      )
    }
    do {
      _ = try DataFileReader.read(bytes: pdf, source: "answers.sav")
      Issue.record("a PDF was read")
    } catch {
      #expect(error.description.contains("its name says SPSS data file (.sav)"))
    }
  }

  @Test("text named like a workbook is read as text, with a note")
  func extensionMismatch() throws {
    let sheet = try DataFileReader.read(bytes: Array("a,b\n1,2\n".utf8), source: "data.xlsx")
    #expect(sheet.format == .delimitedText)
    #expect(sheet.notes.first?.contains("read as delimited text") == true)
  }
}

extension DataFileKind: CustomStringConvertible {
  public var description: String {
    switch self {
    case .supported(let format): format.rawValue
    case .unsupported(let found): found
    }
  }
}
