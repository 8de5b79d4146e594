import LinearAlgebra

/// Reads a ``StatisticTable`` back into the matrices and arrays of ``PLSEstimate``'s public
/// accessors (path coefficients, R², effects, loadings, weights, cross-loadings, construct
/// correlations), so that those accessors hold the table's values, not a second computation.
/// A statistic the table lacks reads as 0 in a matrix (no such path or effect) and nil in an
/// optional list.
struct StatisticTableReader {
  let table: StatisticTable
  let layout: ModelLayout

  private var names: [String] { layout.constructNames }

  private func owner(_ i: Int) -> String { names[layout.blockOf[i]] }

  /// The outer weights in indicator order.
  func weights() -> [Double] {
    (0..<layout.p).map {
      table[.weight(construct: owner($0), indicator: layout.indicatorNames[$0])] ?? .nan
    }
  }

  /// The loadings on the own construct in indicator order.
  func loadings() -> [Double] {
    (0..<layout.p).map {
      table[.loading(construct: owner($0), indicator: layout.indicatorNames[$0])] ?? .nan
    }
  }

  /// Indicator–construct correlations (p × J).
  func crossLoadings() -> Matrix {
    var m = Matrix(rows: layout.p, columns: layout.J)
    for i in 0..<layout.p {
      for j in 0..<layout.J {
        m[i, j] =
          table[.crossLoading(indicator: layout.indicatorNames[i], construct: names[j])] ?? .nan
      }
    }
    return m
  }

  /// Construct correlations (J × J, symmetric, 1 on the diagonal).
  func constructCorrelations() -> Matrix {
    var m = Matrix(rows: layout.J, columns: layout.J)
    for i in 0..<layout.J {
      m[i, i] = 1
      for j in 0..<i {
        let v = table[.constructCorrelation(row: names[i], column: names[j])] ?? .nan
        m[i, j] = v
        m[j, i] = v
      }
    }
    return m
  }

  /// Path coefficients `[from, to]` (J × J, zero where there is no path).
  func pathCoefficients() -> Matrix {
    var m = Matrix(rows: layout.J, columns: layout.J)
    for t in 0..<layout.J {
      for f in layout.predecessors[t] {
        m[f, t] = table[.path(from: names[f], to: names[t])] ?? .nan
      }
    }
    return m
  }

  /// Total (or indirect) effects `[from, to]` (J × J, zero where there is none).
  func effects(indirect: Bool) -> Matrix {
    var m = Matrix(rows: layout.J, columns: layout.J)
    for f in 0..<layout.J {
      for t in 0..<layout.J {
        let key: StatisticKey =
          indirect
          ? .indirectEffect(from: names[f], to: names[t])
          : .totalEffect(from: names[f], to: names[t])
        m[f, t] = table[key] ?? 0
      }
    }
    return m
  }

  /// R² per construct (nil for exogenous constructs).
  func rSquared() -> [Double?] {
    names.map { table[.rSquared(construct: $0)] }
  }

  /// Adjusted R² per construct (nil for exogenous constructs).
  func adjustedRSquared() -> [Double?] {
    names.map { table[.adjustedRSquared(construct: $0)] }
  }
}
