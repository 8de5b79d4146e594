import Testing

@testable import DelimitedText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Errors name the line and column")
struct ErrorTests {
  func error(_ bytes: [UInt8], source: String = "data.csv") -> DelimitedTextError? {
    do {
      _ = try DelimitedTextReader(bytes: bytes, source: source).records()
      return nil
    } catch {
      return error
    }
  }

  func error(_ text: String) -> DelimitedTextError? { error(Array(text.utf8)) }

  @Test(arguments: ["", "\n", "\r\n\r\n", "\u{FEFF}", "\u{FEFF}\n"])
  func emptyInput(text: String) {
    #expect(error(text) == DelimitedTextError(.empty, source: "data.csv", line: 1))
  }

  @Test func unterminatedQuoteNamesTheLineWhereTheFieldOpens() {
    let found = error("a,b,c\n1,2,3\n4,5,\"six\nseven\n")
    #expect(found == DelimitedTextError(.unterminatedQuote, source: "data.csv", line: 3, column: 3))
    #expect(found?.description == "data.csv:3: column 3: unterminated quoted field")
  }

  @Test func characterAfterClosingQuote() {
    let found = error("a,b\n1,\"x\"y\n")
    #expect(
      found
        == DelimitedTextError(
          .unexpectedCharacterAfterQuote, source: "data.csv", line: 2, column: 2))
  }

  @Test func characterAfterAMultiLineQuotedFieldIsOnItsClosingLine() {
    #expect(error("a,b\n1,\"x\n\ny\" \n")?.line == 4)
  }

  @Test func invalidUTF8InAnUnquotedField() {
    let bytes = Array("a,b\n1,2\n3,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
    #expect(
      error(bytes) == DelimitedTextError(.invalidUTF8, source: "data.csv", line: 3, column: 2))
  }

  @Test func invalidUTF8InAQuotedFieldWithDoubledQuotes() {
    let bytes = Array("a\n\"x\"\"".utf8) + [0xFF] + Array("\"\n".utf8)
    #expect(
      error(bytes) == DelimitedTextError(.invalidUTF8, source: "data.csv", line: 2, column: 1))
  }

  @Test func latin1ExportIsInvalidUTF8() {
    // "Nilai é" in ISO-8859-1: 0xE9 alone is not UTF-8.
    let bytes = Array("h\nNilai ".utf8) + [0xE9] + Array("\n".utf8)
    #expect(error(bytes)?.kind == .invalidUTF8)
  }

  @Test func randomBinaryNeverCrashesOrHangs() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    // Bytes biased toward the structural ones, so that quotes and line breaks meet in every way.
    let alphabet: [UInt8] = [34, 34, 44, 59, 9, 10, 13, 97, 0xC3, 0xA9, 0xFF, 0x00]
    for _ in 0..<2_000 {
      let count = Int(next() % 64)
      let bytes = (0..<count).map { _ in
        next() % 3 == 0
          ? UInt8(truncatingIfNeeded: next()) : alphabet[Int(next() % UInt64(alphabet.count))]
      }
      do {
        let records = try DelimitedTextReader(bytes: bytes).records()
        #expect(!records.isEmpty)
      } catch {
        #expect(error.line >= 1)
      }
    }
  }

  @Test func descriptionsOfCallerKinds() {
    #expect(
      DelimitedTextError(.duplicateHeader("X1_1"), source: "s.csv", line: 1, column: 4).description
        == "s.csv:1: column 4: duplicate column name \"X1_1\" in the header")
    #expect(
      DelimitedTextError(.emptyHeader, source: "s.csv", line: 1, column: 2).description
        == "s.csv:1: column 2: empty column name in the header")
  }

  @Test func missingFile() {
    #expect(throws: DelimitedTextError(.fileNotFound, source: "/no/such/file.csv", line: 1)) {
      try DelimitedTextReader(contentsOfFile: "/no/such/file.csv")
    }
  }

  @Test func directoryIsUnreadable() {
    #expect(
      throws: DelimitedTextError(.unreadableFile("it is a directory"), source: "/tmp", line: 1)
    ) {
      try DelimitedTextReader(contentsOfFile: "/tmp")
    }
  }

  @Test func readsAFile() throws {
    let path = "/tmp/delimited-text-test-\(getpid()).csv"
    let text = "\u{FEFF}id\tx\r\n1\t2\r\n"
    let handle = fopen(path, "wb")
    #expect(handle != nil)
    if let handle {
      _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
      fclose(handle)
    }
    defer { unlink(path) }
    let reader = try DelimitedTextReader(contentsOfFile: path)
    #expect(reader.source == path)
    #expect(reader.delimiter == .tab)
    #expect(try reader.records().map(\.fields) == [["id", "x"], ["1", "2"]])
  }
}
