import Testing

@testable import DelimitedText

@Suite("Byte-order marks and delimiter detection")
struct EncodingAndDetectionTests {
  @Test func utf8ByteOrderMarkIsStripped() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id;x\n1;2\n".utf8)
    let reader = try DelimitedTextReader(bytes: bytes)
    #expect(reader.delimiter == .semicolon)
    #expect(try reader.records().map(\.fields) == [["id", "x"], ["1", "2"]])
  }

  @Test func byteOrderMarkBeforeAQuotedHeader() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\"id\",\"x\"\n1,2\n".utf8)
    #expect(
      try DelimitedTextReader(bytes: bytes).records().map(\.fields) == [["id", "x"], ["1", "2"]])
  }

  @Test(arguments: [
    ("a,b,c\n", Delimiter.comma),
    ("a;b;c\n1,5;2,5;3\n", .semicolon),
    ("a\tb\tc\n", .tab),
    ("\"a;b\",c,d\n", .comma),  // the semicolon is quoted: it does not count
    ("\"a,b,c\";d\n", .semicolon),
    ("\"x\ny,z,w\";q\n", .semicolon),  // a quoted line break does not end the first record
    ("a,b;c\n", .comma),  // tie: comma wins
    ("a;b\tc\n", .semicolon),  // tie between semicolon and tab: semicolon wins
    ("single\n", .comma),
  ])
  func detection(text: String, expected: Delimiter) throws {
    #expect(try DelimitedTextReader(bytes: Array(text.utf8)).delimiter == expected)
  }

  @Test func givenDelimiterOverridesDetection() throws {
    let reader = try DelimitedTextReader(bytes: Array("a,b;c\n".utf8), delimiter: .semicolon)
    #expect(try reader.records().map(\.fields) == [["a,b", "c"]])
  }

  @Test func tabSeparatedValues() throws {
    #expect(try fields("a\tb\n1\t\"x\ty\"\n") == [["a", "b"], ["1", "x\ty"]])
  }

  @Test func detectionReadsOnlyTheFirstRecord() {
    let bytes = Array("a,b\n1;2;3;4;5\n".utf8)
    #expect(DelimitedTextReader.detectDelimiter(in: bytes[...]) == .comma)
  }

  @Test func utf16IsRejectedWithItsName() {
    let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00]
    #expect(
      throws: DelimitedTextError(
        .unsupportedEncoding("UTF-16 little-endian"), source: "u.txt", line: 1)
    ) {
      try DelimitedTextReader(bytes: bytes, source: "u.txt")
    }
  }
}
