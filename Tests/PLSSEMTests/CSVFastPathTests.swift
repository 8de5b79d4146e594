import Testing

@_spi(Testing) @testable import PLSSEM

/// The quote-free fast path of the CSV reader must agree with the general tokenizer on every
/// input: the same table, or the same error.
@Suite("CSV reader: fast path agrees with the general path")
struct CSVFastPathTests {
  enum Outcome: Equatable {
    case table(names: [String], bits: [[UInt64]], nonNumeric: [NonNumericColumn])
    case error(DataError)
  }

  static func read(_ bytes: [UInt8], fast: Bool, codes: [Double] = []) -> Outcome {
    do {
      let table = try DataTable(
        csvBytes: bytes, delimiter: nil, missingCodes: codes, source: "t.csv", allowFastPath: fast)
      return .table(
        names: table.columnNames, bits: table.columns.map { $0.map(\.bitPattern) },
        nonNumeric: table.nonNumericColumns)
    } catch {
      return .error(error)
    }
  }

  static func expectAgree(
    _ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for codes in [[], [-99.0]] {
      let fast = read(bytes, fast: true, codes: codes)
      let general = read(bytes, fast: false, codes: codes)
      #expect(
        fast == general, "input \(String(decoding: bytes, as: UTF8.self).debugDescription)",
        sourceLocation: sourceLocation)
    }
  }

  @Test("hand-picked inputs")
  func handPicked() {
    let inputs = [
      "a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4", "a,b\r1,2\r3,4\r\r\n", "a,b\n\n1,2\n\n\n3,4\n\n\n",
      "a\n\n1\n\n2\n",
      "\"a\",\"b\"\n1,2\n", "\"a\",b\n1,NA\n-99,\n", "a,b\n1,2,3\n", "a,b\n1\n", "a,b\nx,1\n",
      "a;b\n1,5;2\n",
      "a\tb\n1\t2\n", "a,b\n1,\u{FF}\n", "\u{FEFF}a,b\n1,2\n", "a,b\n1,2\n\"3\",4\n", "a,b\n",
      "a,b", "a,a\n1,2\n",
      "a,,b\n1,2,3\n", "a,b\n 1 , 2\t\n", "a,b\n1e400,2\n", "a,b\nnan,2\n", "a,b\n0x1p3,2\n",
      "a\"b,c\n1,2\n",
      "\"a\nb\",c\n1,2\n", "\"a\"\"b\",c\n1,2\n", "a,b\n1,2\n\r\n\r\n", "\n\na,b\n1,2\n",
    ]
    for text in inputs { Self.expectAgree(Array(text.utf8)) }
    // The fast path is taken where it applies, and only there.
    #expect(DataTable.quoteFreeDataStart(Array("\"a\",b\r\n1,2\n".utf8), delimiter: 44) == 7)
    #expect(DataTable.quoteFreeDataStart(Array("a,b\n1,\"2\"\n".utf8), delimiter: 44) == nil)
    #expect(DataTable.quoteFreeDataStart(Array("\"a\nb\",c\n1,2\n".utf8), delimiter: 44) == nil)
    // Invalid UTF-8 in the second field of the third record.
    Self.expectAgree(Array("a,b\n1,2\n3,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
  }

  @Test("column buffers stay within a small multiple of the input")
  func bufferBound() {
    // A wide header over many line breaks (inside quotes): the line count alone would ask for
    // 100,000 × 50,000 cells.
    let header = (0..<50_000).map { "c\($0)" }.joined(separator: ",")
    let bytes = Array((header + "\n\"" + String(repeating: "\n", count: 100_000) + "\"\n").utf8)
    let records = DataTable.maximumRecords(in: bytes, width: 50_000)
    #expect(records * 50_000 * 8 <= 16 * bytes.count + 50_000 * 8)
    #expect(DataTable.maximumRecords(in: Array("a\n1\n2\n3".utf8), width: 1) == 4)
    #expect(throws: DataError.self) { _ = try DataTable(csvBytes: bytes, source: "wide.csv") }
  }

  @Test("random inputs from a CSV alphabet")
  func random() {
    let alphabet: [[UInt8]] = [
      Array("0".utf8), Array("1".utf8), Array("7".utf8), Array(".".utf8), Array("-".utf8),
      Array("e".utf8),
      Array(",".utf8), Array(",".utf8), Array(",".utf8), Array(";".utf8), Array("\t".utf8),
      Array("\n".utf8),
      Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8), Array(" ".utf8), Array("NA".utf8),
      Array("x".utf8),
      Array("-99".utf8), Array("3.25".utf8), [0xFF], [0xC3, 0xA9], Array("\"".utf8),
    ]
    var state: UInt64 = 7
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for _ in 0..<20_000 {
      // A plausible header, then random bytes.
      var bytes = Array(["a,b\n", "a,b,c\n", "a;b\n", "\"a\",\"b\"\n", "a\n"][next(5)].utf8)
      for _ in 0..<next(40) { bytes += alphabet[next(alphabet.count)] }
      Self.expectAgree(bytes)
    }
  }
}
