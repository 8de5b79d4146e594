import DataFiles
import DelimitedText
import Foundation
import TestSupport
import Testing

@testable import Survey

@Suite("Reading response files")
struct ResponseReaderTests {
  static let clean = """
    respondent,A1,A2,A3,B1,B2
    1,4,5,2,3,4
    2,3.5,4,1,,2
    3,5,5,5,1,1
    4,-99,2,4,5,3

    """

  /// The same answers as `clean`, the way a spreadsheet in an Indonesian locale exports an online
  /// form: BOM, semicolons, CRLF, decimal comma, question texts as headers (odd case and spacing,
  /// either language), text labels in both languages, extra columns with quoted delimiters and
  /// line breaks, a missing label, and columns in another order.
  static let messy =
    "Timestamp;\"Nama; lengkap\";  harga BAHAN   baku terjangkau ;Supply is regular, on time;B2;a3;B1;Komentar\r\n"
    + "2024-05-01 10:00;Siti;Setuju;sangat setuju;Agree;Tidak Setuju;Netral;\"bagus\"\r\n"
    + "2024-05-01 10:05;Budi;3,5;4;disagree;  Sangat tidak setuju ;;\"baris satu\r\nbaris dua; lanjut\"\r\n"
    + "2024-05-01 10:07;\"Ani \"\"A\"\"\";5;Strongly Agree;1;SANGAT  SETUJU;Sangat Tidak Setuju;\r\n"
    + "2024-05-01 10:09;Dewi;Tidak tahu;Tidak Setuju;Neutral;Setuju;5;\"\"\r\n"

  @Test func messyExportReadsToTheSameMatrixAsItsCleanTwin() throws {
    let codebook = try smallCodebook()
    let a = try read(Self.clean, codebook: codebook)
    let b = try read(Self.messy, codebook: codebook, bom: true)
    #expect(a.itemIDs == ["A1", "A2", "A3", "B1", "B2"])
    #expect(b.itemIDs == a.itemIDs)
    #expect(a.respondentCount == 4 && b.respondentCount == 4)
    #expect(sameValues(a.values, b.values))
    #expect(a.column("A1").map { sameValues($0, [4, 3.5, 5, .nan]) } == true)
    // A3 is reverse-coded: answers 2, 1, 5, 4 become 4, 5, 1, 2.
    #expect(a.column("A3") == [4, 5, 1, 2])
    #expect(a.reverseCodedItems == ["A3"])
    #expect(a.problems.isEmpty && b.problems.isEmpty)
    #expect(a.notes.map(\.kind) == [.ignoredColumn("respondent")])
    #expect(
      b.notes.map(\.kind) == [
        .ignoredColumn("Timestamp"), .ignoredColumn("Nama; lengkap"), .ignoredColumn("Komentar"),
      ])
    #expect(b.notes.map(\.column) == [1, 2, 8])
    #expect(b.lines == [2, 3, 5, 6])
    let table = b.numericTable()
    #expect(table.columnNames == a.itemIDs)
    #expect(sameValues(table.values.flatMap { $0 }, a.values))
    #expect(b.matrix.rows == 4 && b.matrix.columns == 5)
    #expect(b.matrix[2, 2] == 1)
  }

  @Test func tabSeparatedTwinReadsAlike() throws {
    let codebook = try smallCodebook()
    let tsv = Self.clean.replacingOccurrences(of: ",", with: "\t").replacingOccurrences(
      of: "3.5", with: "3,5")
    #expect(
      sameValues(
        try read(tsv, codebook: codebook).values, try read(Self.clean, codebook: codebook).values))
  }

  @Test func withoutReverseCodingTheAnswersStayAsGiven() throws {
    let responses = try read(
      Self.clean, codebook: try smallCodebook(), ResponseReadOptions(reverseCoding: false))
    #expect(responses.column("A3") == [2, 1, 5, 4])
    #expect(responses.reverseCodedItems.isEmpty)
  }

  static let broken = """
    A1,A2,A3,B1,B2,notes
    4,7,2,3,4,ok
    3,4,1,2
    5,5,maybe,1,1,"x,
    y"
    2,2,2,2,2,fine

    """

  @Test func strictReadsListEveryProblemWithRowAndColumn() throws {
    let codebook = try smallCodebook()
    do {
      _ = try read(Self.broken, codebook: codebook)
      Issue.record("expected a strict read to fail")
    } catch {
      guard case .invalidResponses(let source, let problems) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(source == "answers.csv")
      #expect(
        problems.map(\.kind) == [
          .outOfRange(value: 7, points: 5), .wrongFieldCount(expected: 6, found: 4),
          .unknownLabel("maybe"),
        ])
      #expect(problems.map(\.row) == [2, 3, 4])
      #expect(problems.map(\.line) == [2, 3, 4])
      #expect(problems.map(\.column) == [2, nil, 3])
      #expect(problems.map(\.item) == ["A2", nil, "A3"])
      #expect(
        problems[0].description
          == "answers.csv:2: row 2, column 2 \"A2\": value 7 is outside the scale 1–5 and is not a missing code"
      )
      #expect(
        problems[1].description
          == "answers.csv:3: row 3: record has 4 fields, the header has 6; record skipped")
      #expect(
        error.description.hasPrefix(
          "answers.csv: 3 problems in the responses:\n  answers.csv:2: row 2, column 2"))
    }
  }

  @Test func lenientReadsMarkMissingAndContinue() throws {
    let responses = try read(
      Self.broken, codebook: try smallCodebook(), ResponseReadOptions(strictness: .lenient))
    #expect(responses.respondentCount == 3)
    #expect(responses.lines == [2, 4, 6])
    #expect(responses.column("A2").map { sameValues($0, [.nan, 5, 2]) } == true)
    #expect(responses.column("A3").map { sameValues($0, [4, .nan, 4]) } == true)
    #expect(responses.problems.count == 3)
    #expect(responses.notes.map(\.kind) == [.ignoredColumn("notes")])
  }

  @Test func missingCodesLabelsAndEmptyCellsAreMissing() throws {
    let text = "A1,A2,A3,B1,B2\n-99,NA,,tidak TAHU,  \n1,2,3,4,5\n"
    let responses = try read(
      text, codebook: try smallCodebook(), ResponseReadOptions(additionalMissingCodes: [3]))
    #expect(
      responses.values.enumerated().filter { $0.element.isNaN }.map(\.offset) == [0, 2, 4, 5, 6, 8])
    #expect(responses.column("A3").map { sameValues($0, [.nan, .nan]) } == true)  // 3 is an extra missing code
  }

  @Test(arguments: ["nan", "inf", "0x4", "4e", "++4", "4,5,6", "5 5", "Setuju sekali"])
  func textThatIsNeitherANumberNorALabel(cell: String) throws {
    let text = "A1,A2\n\"\(cell)\",3\n"
    let responses = try read(
      text, codebook: try smallCodebook(), ResponseReadOptions(strictness: .lenient))
    #expect(responses.problems.first { $0.item == "A1" }?.kind == .unknownLabel(cell))
  }

  @Test func decimalCommaPolicies() throws {
    let codebook = try smallCodebook()
    let text = "A1,A2\n\"3,5\",4.5\n"
    let automatic = try read(text, codebook: codebook, ResponseReadOptions(strictness: .lenient))
    #expect(automatic.problems.first { $0.item == "A1" }?.kind == .unknownLabel("3,5"))
    let always = try read(
      text, codebook: codebook, ResponseReadOptions(strictness: .lenient, decimalComma: .always))
    #expect(always.column("A1") == [3.5])
    let semicolon = "A1;A2\n3,5;4\n"
    let never = try read(
      semicolon, codebook: codebook, ResponseReadOptions(strictness: .lenient, decimalComma: .never)
    )
    #expect(never.problems.first { $0.item == "A1" }?.kind == .unknownLabel("3,5"))
  }

  @Test func duplicateHeadersAndDuplicateItemColumns() throws {
    let text = "A1,A1,Raw materials are affordable,A2,x,x\n1,2,3,4,5,6\n"
    let responses = try read(
      text, codebook: try smallCodebook(), ResponseReadOptions(strictness: .lenient))
    #expect(responses.column("A1") == [1])
    let kinds = responses.issues.map(\.kind)
    #expect(kinds.contains(.duplicateHeader("A1")))
    #expect(kinds.contains(.duplicateItemColumn(item: "A1", firstColumn: 1)))
    #expect(kinds.contains(.duplicateIgnoredHeader("x")))
    #expect(responses.issues.first { $0.kind == .duplicateHeader("A1") }?.column == 2)
    #expect(
      responses.issues.first { $0.kind == .duplicateItemColumn(item: "A1", firstColumn: 1) }?.column
        == 3)
    // Items of the codebook without a column are problems too.
    #expect(
      responses.problems.compactMap(\.item).filter { ["A3", "B1", "B2"].contains($0) }.count == 3)
    #expect(throws: SurveyError.self) { try read(text, codebook: try smallCodebook()) }
  }

  @Test func blankLinesAndEmptyRecordsAreSkippedWithANote() throws {
    let text = "A1,A2,A3,B1,B2\n1,2,3,4,5\n\n,,,,\n5,4,3,2,1\n"
    let responses = try read(text, codebook: try smallCodebook())
    #expect(responses.respondentCount == 2)
    #expect(responses.notes.map(\.line) == [3, 4])
  }

  @Test func fileLevelErrors() throws {
    let codebook = try smallCodebook()
    #expect(throws: SurveyError.text(DelimitedTextError(.empty, source: "answers.csv", line: 1))) {
      try read("", codebook: codebook)
    }
    #expect(throws: SurveyError.noRespondents(source: "answers.csv")) {
      try read("A1,B1\n", codebook: codebook)
    }
    #expect(throws: SurveyError.noItemColumns(source: "answers.csv", header: ["x", "y"])) {
      try read("x,y\n1,2\n", codebook: codebook)
    }
    #expect(
      throws: SurveyError.text(
        DelimitedTextError(.unterminatedQuote, source: "answers.csv", line: 2, column: 2))
    ) {
      try read("A1,A2\n1,\"2\n", codebook: codebook)
    }
    let missingFile = ResponseReader(codebook: codebook)
    #expect(
      throws: SurveyError.dataFile(.unreadable(source: "/no/answers.csv", reason: "no such file"))
    ) {
      try missingFile.read(contentsOfFile: "/no/answers.csv")
    }
  }

  @Test func tableInitialiserChecksItsInput() throws {
    let codebook = try smallCodebook()
    #expect(throws: SurveyError.self) {
      try SurveyResponses(codebook: codebook, itemIDs: ["A1", "Q"], columns: [[1], [2]])
    }
    #expect(throws: SurveyError.self) {
      try SurveyResponses(codebook: codebook, itemIDs: ["A1", "A2"], columns: [[1], [2, 3]])
    }
  }

  @Test func csvTextRoundTrips() throws {
    let codebook = try smallCodebook()
    let responses = try read(Self.messy, codebook: codebook, bom: true)
    for delimiter in Delimiter.allCases {
      let again = try read(responses.csvText(delimiter: delimiter), codebook: codebook)
      #expect(sameValues(again.values, responses.values), "\(delimiter)")
    }
    #expect(
      responses.csvText(answersAsGiven: false, respondentColumn: nil).hasPrefix(
        "A1,A2,A3,B1,B2\n4,5,4,3,4\n"))
    #expect(responses.csvText().hasPrefix("respondent,A1,A2,A3,B1,B2\n1,4,5,2,3,4\n2,3.5,4,1,,2\n"))
  }

  @Test func ledExampleFileReadsWithTheBundledCodebook() throws {
    let codebook = try LEDInstrument.codebook()
    let path = Repository.path("examples/led-survey/responses-100.csv")
    let responses = try ResponseReader(codebook: codebook).read(contentsOfFile: path)
    #expect(responses.respondentCount == 100)
    #expect(responses.itemIDs == codebook.items.map(\.id))
    #expect(responses.problems.isEmpty)
    #expect(responses.notes.map(\.kind) == [.ignoredColumn("respondent")])
  }
}
