import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// ``KeptDraws/columns(_:succeeded:into:)`` (the tiled transpose) against
/// `KeptDraws.columnsByRow` (below: one row at a time, the code it replaced), bit
/// for bit: values, order and extremes, on odd shapes, failed rows anywhere, ranges at either
/// end, signed zeros and ties.
@Suite("Kept draws' columns: tiled vs row by row")
struct KeptDrawsColumnsTests {
  /// Draws of `statistics` a row; row r failed (NaN in every statistic) where `failed(r)`.
  static func draws(
    rows: Int, statistics m: Int, seed: UInt64, failed: (Int) -> Bool,
    value: (inout SeededGenerator) -> Double
  ) -> KeptDraws {
    var random = SeededGenerator(seed: seed)
    var values: [Double] = []
    for r in 0..<rows {
      for _ in 0..<m { values.append(failed(r) ? .nan : value(&random)) }
    }
    return KeptDraws(statistics: m, values: values)
  }

  /// Both extractions of every block of `width` statistics agree bit for bit.
  static func expectSame(_ draws: KeptDraws, width: Int, _ label: String) {
    let m = draws.statistics
    let succeeded = draws.succeededRows
    var lower = 0
    while lower < m {
      let range = lower..<min(lower + width, m)
      let count = max(range.count * succeeded, 1)
      // Poisoned outputs: every written slot must be overwritten identically.
      var tiled = [Double](repeating: 12345, count: count)
      var byRow = tiled
      let a = tiled.withUnsafeMutableBufferPointer {
        draws.columns(range, succeeded: succeeded, into: $0.baseAddress!)
      }
      let b = byRow.withUnsafeMutableBufferPointer {
        draws.columnsByRow(range, succeeded: succeeded, into: $0.baseAddress!)
      }
      #expect(
        zip(tiled, byRow).allSatisfy { $0.bitPattern == $1.bitPattern },
        "\(label): values of \(range)")
      #expect(a.count == b.count, "\(label): \(range)")
      for (x, y) in zip(a, b) {
        #expect(
          x.minimum.bitPattern == y.minimum.bitPattern
            && x.maximum.bitPattern == y.maximum.bitPattern, "\(label): extremes of \(range)")
      }
      // And the column is the statistic's successful draws in resample order.
      for k in range {
        let j = k - range.lowerBound
        let column = Array(tiled[(j * succeeded)..<((j + 1) * succeeded)])
        #expect(
          column.map(\.bitPattern) == draws.column(k).map(\.bitPattern),
          "\(label): column \(k)")
      }
      lower += width
    }
  }

  @Test("odd shapes, failed rows at the start, end and in runs, every block width")
  func shapes() {
    let failures: [(String, (Int) -> Bool)] = [
      ("none", { _ in false }),
      ("first", { $0 == 0 }),
      ("every third", { $0 % 3 == 0 }),
      ("a run", { (5..<23).contains($0) }),
      ("the last ones", { $0 >= 40 }),
      ("all", { _ in true }),
    ]
    for rows in [0, 1, 7, 8, 9, 17, 45, 203] {
      for m in [1, 2, 3, 8, 9, 13] {
        for (name, failed) in failures {
          let draws = Self.draws(
            rows: rows, statistics: m, seed: UInt64(rows * 31 + m), failed: failed
          ) { $0.normal() }
          for width in [1, 3, 8] {
            Self.expectSame(draws, width: width, "\(rows) × \(m), failed \(name), width \(width)")
          }
        }
      }
    }
  }

  @Test("ties, signed zeros and constant statistics keep the same extremes")
  func tiesAndZeros() {
    // Values among −0, +0, −1, 1: the first of equal extremes must be the one returned.
    let draws = Self.draws(rows: 301, statistics: 11, seed: 7, failed: { $0 % 17 == 4 }) {
      [-0.0, 0.0, -1, 1, 0.0][Int($0.uniform() * 5)]
    }
    Self.expectSame(draws, width: 8, "ties")
    let constant = KeptDraws(statistics: 3, values: Array(repeating: 0.25, count: 3 * 50))
    Self.expectSame(constant, width: 8, "constant")
  }
}

extension KeptDraws {
  /// ``KeptDraws/columns(_:succeeded:into:)`` one row at a time, as it was before the tiled
  /// transpose: the reference these tests compare against.
  func columnsByRow(_ range: Range<Int>, succeeded: Int, into out: UnsafeMutablePointer<Double>)
    -> [(minimum: Double, maximum: Double)]
  {
    let width = range.count
    var minimum = [Double](repeating: .infinity, count: width)
    var maximum = [Double](repeating: -.infinity, count: width)
    var n = 0
    var row = range.lowerBound
    while row < values.count, n < succeeded {
      if !values[row].isNaN {
        for j in 0..<width {
          let x = values[row + j]
          out[j * succeeded + n] = x
          if x < minimum[j] { minimum[j] = x }
          if x > maximum[j] { maximum[j] = x }
        }
        n += 1
      }
      row += statistics
    }
    return (0..<width).map { (minimum[$0], maximum[$0]) }
  }
}
