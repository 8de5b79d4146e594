import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The kept draws in a shard file: base64 of the little-endian IEEE 754 doubles
/// (`"float64LE"`). The byte layout is checked against Python's `struct`, the round trip bit for
/// bit (NaN rows of failed resamples, −0, subnormals, the largest double), and malformed shapes
/// are refused with a decoding error, never a trap.
@Suite("Kept draws in shard files")
struct KeptDrawsCodingTests {
  /// The JSON object of `draws`.
  static func json(_ draws: KeptDraws) throws -> [String: Any] {
    let data = try JSONEncoder().encode(draws)
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Decodes a `KeptDraws` from a JSON object.
  static func decode(_ object: [String: Any]) throws -> KeptDraws {
    try JSONDecoder().decode(
      KeptDraws.self, from: JSONSerialization.data(withJSONObject: object))
  }

  @Test("the bytes are little-endian doubles, as Python's struct packs them")
  func layoutMatchesPython() throws {
    // python3 -c "import struct, base64; print(base64.b64encode(struct.pack('<6d', 1.0, -2.0,
    //   0.1, 5e-324, -0.0, 1.7976931348623157e308)).decode())"
    let expected = "AAAAAAAA8D8AAAAAAAAAwJqZmZmZmbk/AQAAAAAAAAAAAAAAAAAAgP///////+9/"
    let values = [1.0, -2.0, 0.1, 5e-324, -0.0, 1.7976931348623157e308]
    let draws = KeptDraws(statistics: 3, values: values)
    let object = try Self.json(draws)
    #expect(object["float64LE"] as? String == expected)
    #expect(object["rows"] as? Int == 2)
    #expect(object["statistics"] as? Int == 3)
    let decoded = try Self.decode(object)
    #expect(decoded == draws)
    #expect(decoded.values[4].sign == .minus, "−0 keeps its sign")
  }

  @Test("round trip bit for bit, with failed (NaN) rows, for shapes from empty to uneven")
  func roundTrip() throws {
    var generator = SeededGenerator(seed: 41)
    for (statistics, rows) in [(0, 0), (1, 0), (1, 1), (3, 1), (7, 5), (42, 257), (172, 64)] {
      var values: [Double] = []
      for r in 0..<rows {
        let failed = r % 5 == 3
        for _ in 0..<statistics {
          // Normal draws scaled by 2^-1080 … 2^999: tiny, subnormal, huge; some −0.
          let scale = Foundation.pow(2, Double(Int(generator.next() % 2080) - 1080))
          let x = generator.normal() * scale
          values.append(failed ? .nan : (generator.next() % 50 == 0 ? -0.0 : x))
        }
      }
      let draws = KeptDraws(statistics: statistics, values: values)
      let object = try Self.json(draws)
      let text = try #require(object["float64LE"] as? String)
      #expect(text.count == (8 * values.count + 2) / 3 * 4, "\(statistics) × \(rows)")
      let decoded = try Self.decode(object)
      #expect(decoded == draws, "\(statistics) × \(rows)")
      #expect(decoded.rows == rows)
    }
  }

  @Test("malformed shapes and contents are decoding errors, not traps")
  func malformedIsRefused() throws {
    let good = try Self.json(KeptDraws(statistics: 2, values: [1, 2, .nan, .nan]))
    var cases: [(String, [String: Any])] = []
    func edited(_ what: String, _ change: (inout [String: Any]) -> Void) {
      var object = good
      change(&object)
      cases.append((what, object))
    }
    // 2^40 rows of 2^20 statistics: the product fits an Int, the byte count (× 8) does not.
    edited("byte count beyond Int") {
      $0["rows"] = 1 << 40
      $0["statistics"] = 1 << 20
    }
    edited("rows × statistics overflows") {
      $0["rows"] = 1 << 40
      $0["statistics"] = 1 << 30
    }
    edited("rows without statistics") {
      $0["rows"] = 1 << 40
      $0["statistics"] = 0
      $0["float64LE"] = ""
    }
    edited("negative rows") { $0["rows"] = -1 }
    edited("one row too many") { $0["rows"] = 3 }
    edited("bytes not a multiple of 8") { $0["float64LE"] = "AAAA" }
    edited("not base64") { $0["float64LE"] = "!!" }
    // A row mixing NaN and a number, and an infinite draw.
    let mixed = try Self.json(KeptDraws(statistics: 2, values: [1, .nan]))
    cases.append(("mixed row", mixed))
    let infinite = try Self.json(KeptDraws(statistics: 2, values: [1, .infinity]))
    cases.append(("infinite draw", infinite))
    for (what, object) in cases {
      #expect(throws: DecodingError.self, "\(what)") { _ = try Self.decode(object) }
    }
  }
}
