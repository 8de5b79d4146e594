/// The textbook correlation matrix of `columns` (p columns of n values each), by the two-pass
/// formula (centre each column at its mean, then `Σ da·db / √(Σ da² · Σ db²)`), column-major
/// p × p with exactly 1 on the diagonal: the independent reference of the tests that form
/// correlations from cross-products (`BootstrapBatchTests`, `PLSLaneKernelTests`).
func twoPassCorrelation(_ columns: [[Double]]) -> [Double] {
  let p = columns.count
  let centred = columns.map { column -> [Double] in
    let mean = column.reduce(0, +) / Double(column.count)
    return column.map { $0 - mean }
  }
  var s = [Double](repeating: 0, count: p * p)
  for a in 0..<p {
    for b in 0..<p {
      var sab = 0.0
      var saa = 0.0
      var sbb = 0.0
      for r in centred[a].indices {
        sab += centred[a][r] * centred[b][r]
        saa += centred[a][r] * centred[a][r]
        sbb += centred[b][r] * centred[b][r]
      }
      s[a + b * p] = a == b ? 1 : sab / (saa * sbb).squareRoot()
    }
  }
  return s
}
