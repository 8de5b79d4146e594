import Foundation
import Testing

@testable import PLSSEM

/// The CSV fast path must give exactly what `Double(String)` gives, or decline.
@Suite("DecimalParser: the CSV number fast path")
struct DecimalParserTests {
  static func fast(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { DecimalParser.parse($0) }
  }

  /// `Double(String)` on the text without surrounding spaces and tabs, as the CSV reader trims.
  static func reference(_ text: String) -> Double? {
    Double(text.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
  }

  static func expectAgrees(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    guard let value = fast(text) else { return }
    guard let expected = reference(text) else {
      Issue.record(
        "'\(text)': fast path gave \(value), Double(String) nil", sourceLocation: sourceLocation)
      return
    }
    #expect(
      value.bitPattern == expected.bitPattern, "'\(text)': \(value) vs \(expected)",
      sourceLocation: sourceLocation)
  }

  @Test("hand-picked inputs: accepted ones agree bit for bit, others are declined")
  func edgeCases() {
    let accepted = [
      "0", "-0", "+0", "0.0", "-0.0", "1", "-1", "+7", "3.25", "-0.125", ".5", "5.", "-.5", "007",
      "1e5", "1E5",
      "1e+5", "1e-5", "-2.5e-3", "  4.5", "4.5\t", " \t-3 ", "1234567890123456", "9007199254740992",
      "1e22", "1e-22", "0.1", "0.2", "0.3", "2.225073858507201", "4.35", "99.99", "1234567.125",
      "0.000000000000000000001", "0e99999", "-99", "100000",
    ]
    for text in accepted {
      #expect(Self.fast(text) != nil, "'\(text)' should take the fast path")
      Self.expectAgrees(text)
    }
    let declined = [
      "", " ", "-", "+", ".", "-.", "e5", "1e", "1e+", "1e-", "1.2.3", "1,5", "1 5", "--1", "+-1",
      "0x10", "inf",
      "-Inf", "nan", "NaN", "NA", "1e23", "1e-23", "9007199254740993", "12345678901234567890",
      "1e400", "1e-400",
      "123456789012345678", "2.2250738585072014", "١٢", "5%", "$5", "1_000", "1e5.5", "\u{0}",
    ]
    for text in declined {
      #expect(Self.fast(text) == nil, "'\(text)' should fall back to Double(String)")
    }
  }

  @Test("random decimals agree with Double(String), and ordinary ones take the fast path")
  func randomDecimals() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
    var fastCount = 0
    let total = 200_000
    for _ in 0..<total {
      let digits = Int(next() % 20) + 1
      var text = next() % 4 == 0 ? "-" : ""
      var mantissa = ""
      for _ in 0..<digits { mantissa.append(Character(String(next() % 10))) }
      let point = Int(next() % UInt64(digits + 1))
      if point < digits {
        mantissa.insert(".", at: mantissa.index(mantissa.startIndex, offsetBy: point))
      }
      text += mantissa
      if next() % 3 == 0 { text += "e\(Int(next() % 61) - 30)" }
      if Self.fast(text) != nil { fastCount += 1 }
      Self.expectAgrees(text)
    }
    #expect(fastCount > total / 2, "\(fastCount) of \(total) took the fast path")
  }

  @Test("every double's shortest text and its %.6g and %.15g texts read back exactly")
  func roundTrip() {
    var state: UInt64 = 42
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
    var fastCount = 0
    var count = 0
    for _ in 0..<100_000 {
      // Values as data files hold them: a few digits, magnitudes 1e-6 to 1e6.
      let unit = Double(next() >> 11) / Double(1 << 53)
      let magnitude = pow(10, Double(Int(next() % 13) - 6))
      let value = (unit - 0.5) * magnitude
      for (k, text) in ["\(value)", String(format: "%.6g", value), String(format: "%.15g", value)]
        .enumerated()
      {
        let expected = Double(text)
        let parsed =
          (try? DataTable.parseCell(text, row: 2, column: "x", missingCodes: [], source: "t"))
          ?? .nan
        #expect(parsed.bitPattern == expected?.bitPattern, "'\(text)'")
        #expect(parsed == value || k > 0, "'\(text)' does not read back as \(value)")
        // Up to 15 significant digits take the fast path unless the exponent is beyond ±22.
        if k > 0 {
          count += 1
          if Self.fast(text) != nil { fastCount += 1 }
        }
      }
    }
    #expect(fastCount >= count * 995 / 1000, "\(fastCount) of \(count) took the fast path")
  }

  @Test("missing codes and spellings still apply")
  func missing() throws {
    #expect(
      try DataTable.parseCell("-99", row: 2, column: "x", missingCodes: [-99], source: "t").isNaN)
    #expect(
      try DataTable.parseCell(" -99.0 ", row: 2, column: "x", missingCodes: [-99], source: "t")
        .isNaN)
    #expect(try DataTable.parseCell("NA", row: 2, column: "x", missingCodes: [], source: "t").isNaN)
    #expect(try DataTable.parseCell("", row: 2, column: "x", missingCodes: [], source: "t").isNaN)
    #expect(
      try DataTable.parseCell("-98", row: 2, column: "x", missingCodes: [-99], source: "t") == -98)
  }
}
