import Foundation
import LinearAlgebra

/// Discriminant validity: heterotrait–monotrait ratios and the Fornell–Larcker table.
///
/// - HTMT (Henseler, Ringle & Sarstedt 2015, eq. 6): the mean absolute correlation between the
///   indicators of two constructs, divided by the geometric mean of the mean absolute
///   correlations among each construct's own indicators:
///   `HTMTᵢⱼ = mean|r(xᵢₐ, xⱼᵦ)| / √(mean_{a<a'}|r(xᵢₐ, xᵢₐ')| · mean_{b<b'}|r(xⱼᵦ, xⱼᵦ')|)`.
///   Absolute values as seminr and SmartPLS 4 take them; a single-indicator construct's
///   monotrait mean is 1.
/// - HTMT2 (Roemer, Schuberth & Henseler 2021, eq. 4): the same with geometric means of the
///   absolute correlations in place of arithmetic means. A zero correlation makes a geometric
///   mean 0; a zero monotrait mean makes the ratio undefined (reported as nil).
/// - Fornell–Larcker (1981): √AVE on the diagonal, construct correlations elsewhere; the
///   criterion holds when each diagonal entry exceeds the entries of its row and column.
public struct HeterotraitMonotrait: Sendable, Codable, Equatable {
  /// The row construct (declared later).
  public let row: String
  /// The column construct (declared earlier).
  public let column: String
  /// HTMT.
  public let htmt: Double?
  /// HTMT2.
  public let htmt2: Double?

  /// HTMT and HTMT2 for every pair of constructs, row declared after column.
  static func all(estimate: PLSEstimate) -> [HeterotraitMonotrait] {
    let layout = estimate.layout
    let s = estimate.indicatorCorrelations
    var arithmetic: [Double] = []
    var geometric: [Double] = []
    for j in 0..<layout.J {
      let block = Array(layout.block(j))
      guard block.count > 1 else {
        arithmetic.append(1)
        geometric.append(1)
        continue
      }
      var values: [Double] = []
      for a in 0..<block.count {
        for b in (a + 1)..<block.count { values.append(abs(s[block[a], block[b]])) }
      }
      arithmetic.append(mean(values))
      geometric.append(geometricMean(values))
    }
    var result: [HeterotraitMonotrait] = []
    for i in 0..<layout.J {
      for j in 0..<i {
        var values: [Double] = []
        for a in layout.block(i) {
          for b in layout.block(j) { values.append(abs(s[a, b])) }
        }
        let htmt = ratio(mean(values), (arithmetic[i] * arithmetic[j]).squareRoot())
        let htmt2 = ratio(geometricMean(values), (geometric[i] * geometric[j]).squareRoot())
        result.append(
          HeterotraitMonotrait(
            row: layout.constructNames[i], column: layout.constructNames[j], htmt: htmt,
            htmt2: htmt2))
      }
    }
    return result
  }

  private static func ratio(_ a: Double, _ b: Double) -> Double? {
    guard b > 0, a.isFinite, b.isFinite else { return nil }
    return a / b
  }

  private static func mean(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(values.count)
  }

  private static func geometricMean(_ values: [Double]) -> Double {
    if values.contains(0) { return 0 }
    return exp(values.reduce(0) { $0 + log($1) } / Double(values.count))
  }
}
