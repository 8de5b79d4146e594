import Testing

@testable import DelimitedText

/// Tokenises `text` and returns the fields of each record.
func fields(_ text: String, _ delimiter: Delimiter? = nil) throws -> [[String]] {
  try DelimitedTextReader(bytes: Array(text.utf8), delimiter: delimiter).records().map(\.fields)
}

/// The physical line of each record.
func lines(_ text: String) throws -> [Int] {
  try DelimitedTextReader(bytes: Array(text.utf8)).records().map(\.line)
}

@Suite("RFC 4180 tokenising")
struct TokenizerTests {
  @Test func plainRecords() throws {
    #expect(try fields("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
    #expect(try fields("a,b,c\n1,2,3") == [["a", "b", "c"], ["1", "2", "3"]])
  }

  @Test func emptyFieldsAreKept() throws {
    #expect(
      try fields("a,b,c\n,,\n1,,3\n1,2,") == [
        ["a", "b", "c"], ["", "", ""], ["1", "", "3"], ["1", "2", ""],
      ])
  }

  @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
    let text =
      "id,text\n1,\"Saya setuju, sangat\"\n2,\"He said \"\"yes\"\"\"\n3,\"line one\nline two\"\n4,\"\"\n"
    #expect(
      try fields(text) == [
        ["id", "text"], ["1", "Saya setuju, sangat"], ["2", "He said \"yes\""],
        ["3", "line one\nline two"],
        ["4", ""],
      ])
  }

  @Test func quotedNewlinesKeepTheirBytes() throws {
    #expect(try fields("a\r\n\"x\r\ny\"\r\n") == [["a"], ["x\r\ny"]])
  }

  @Test func quoteInsideAnUnquotedFieldIsLiteral() throws {
    #expect(try fields("a,b\n5\" screen,x\"y\n") == [["a", "b"], ["5\" screen", "x\"y"]])
  }

  @Test func fieldsAreNotTrimmed() throws {
    #expect(try fields("a , b\n 1 ,2 \n") == [["a ", " b"], [" 1 ", "2 "]])
  }

  @Test func crlfLfAndLoneCrEndRecords() throws {
    #expect(try fields("a,b\r\n1,2\r\n3,4\r\n") == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(try fields("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
    #expect(try fields("a,b\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
  }

  @Test func trailingEmptyLinesAreNotRecords() throws {
    #expect(try fields("a\n1\n\n\n") == [["a"], ["1"]])
    #expect(try fields("a\r\n1\r\n\r\n") == [["a"], ["1"]])
  }

  @Test func emptyLineInsideIsARecordWithOneEmptyField() throws {
    #expect(try fields("a,b\n\n1,2\n") == [["a", "b"], [""], ["1", "2"]])
    #expect(try lines("a,b\n\n1,2\n") == [1, 2, 3])
  }

  @Test func linesArePhysicalLinesWhereRecordsStart() throws {
    let text = "h1,h2\n1,\"two\nlines\"\n2,x\r\n3,\"a\r\nb\r\nc\"\n4,y"
    #expect(try lines(text) == [1, 2, 4, 5, 8])
  }

  @Test func forEachRecordVisitsInOrderWithIndices() throws {
    let reader = try DelimitedTextReader(bytes: Array("a;b\n1;2\n3;4\n".utf8))
    var seen: [(Int, Int, [String])] = []
    try reader.forEachRecord { index, line, fields in seen.append((index, line, fields)) }
    #expect(seen.map(\.0) == [0, 1, 2])
    #expect(seen.map(\.1) == [1, 2, 3])
    #expect(seen.map(\.2) == [["a", "b"], ["1", "2"], ["3", "4"]])
  }

  struct Stop: Error, Equatable {}

  @Test func errorsOfTheBodyPassThroughAndStopTheScan() throws {
    let reader = try DelimitedTextReader(bytes: Array("a\n1\n2\n3\n".utf8))
    var visited = 0
    #expect(throws: Stop.self) {
      try reader.forEachRecord { index, _, _ in
        visited += 1
        if index == 1 { throw Stop() }
      }
    }
    #expect(visited == 2)
  }

  @Test func raggedRowsAreReturnedForTheCallerToReport() throws {
    let reader = try DelimitedTextReader(
      bytes: Array("a,b,c\n1,2\n1,2,3,4\n".utf8), source: "r.csv")
    var problems: [DelimitedTextError] = []
    var expected = 0
    try reader.forEachRecord { index, line, fields in
      if index == 0 {
        expected = fields.count
      } else if fields.count != expected {
        problems.append(
          DelimitedTextError(
            .wrongFieldCount(expected: expected, found: fields.count), source: reader.source,
            line: line))
      }
    }
    #expect(problems.map(\.line) == [2, 3])
    #expect(problems[0].description == "r.csv:2: record has 2 fields, the header has 3")
    #expect(problems[1].kind == .wrongFieldCount(expected: 3, found: 4))
  }

  @Test func unicodeFieldsSurvive() throws {
    #expect(
      try fields("nama,teks\nSiti,\"Sangat Setuju — ya\"\nÅsa,日本語\n")[1...] == [
        ["Siti", "Sangat Setuju — ya"], ["Åsa", "日本語"],
      ])
  }

  @Test func aSingleColumnFile() throws {
    #expect(try fields("x\n1\n2\n") == [["x"], ["1"], ["2"]])
    #expect(try DelimitedTextReader(bytes: Array("x\n1\n".utf8)).delimiter == .comma)
  }

  @Test func aLongSingleLineIsOneRecord() throws {
    let field = String(repeating: "9", count: 1_000)
    let line = Array(repeating: field, count: 10_000).joined(separator: ",")
    let records = try DelimitedTextReader(bytes: Array(line.utf8)).records()
    #expect(records.count == 1)
    #expect(records[0].fields.count == 10_000)
    #expect(records[0].fields.allSatisfy { $0 == field })
  }

  @Test func aHugeQuotedFieldWithDoubledQuotes() throws {
    let inner = String(repeating: "ab\"\"", count: 100_000)
    let records = try fields("x\n\"\(inner)\"\n")
    #expect(records[1] == [String(repeating: "ab\"", count: 100_000)])
  }
}
