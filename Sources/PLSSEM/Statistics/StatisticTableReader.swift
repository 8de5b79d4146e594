import LinearAlgebra

/// Reads the values of a catalog's evaluation back into the matrices and arrays of
/// ``PLSEstimate``'s public accessors (path coefficients, R², effects, loadings, weights,
/// cross-loadings, construct correlations), so that those accessors hold the table's values,
/// not a second computation.
///
/// One pass over the slots places each value by its recipe's indices (no key lookups). A
/// statistic the catalog lacks reads as 0 in an effect or path matrix (no such effect), NaN in
/// the other matrices and lists, and nil in the optional R² lists. An own-construct
/// cross-loading and a loading are the same value (both read `C`), so either family fills the
/// loadings.
struct StatisticTableReader {
  private(set) var weights: [Double]
  private(set) var crossLoadings: Matrix
  private(set) var constructCorrelations: Matrix
  private(set) var pathCoefficients: Matrix
  private(set) var totalEffects: Matrix
  private(set) var indirectEffects: Matrix
  private(set) var rSquared: [Double?]
  private(set) var adjustedRSquared: [Double?]
  private(set) var specificIndirectEffects: [Double]

  /// The loadings on the own construct, in indicator order.
  func loadings(layout: ModelLayout) -> [Double] {
    (0..<layout.p).map { crossLoadings[$0, layout.blockOf[$0]] }
  }

  init(catalog: StatisticCatalog, values: [Double]) {
    let layout = catalog.layout
    let p = layout.p
    let J = layout.J
    weights = Array(repeating: .nan, count: p)
    crossLoadings = Matrix(rows: p, columns: J)
    constructCorrelations = Matrix(rows: J, columns: J)
    for i in 0..<p {
      for j in 0..<J { crossLoadings[i, j] = .nan }
    }
    for i in 0..<J {
      for j in 0..<J { constructCorrelations[i, j] = i == j ? 1 : .nan }
    }
    pathCoefficients = Matrix(rows: J, columns: J)
    totalEffects = Matrix(rows: J, columns: J)
    indirectEffects = Matrix(rows: J, columns: J)
    rSquared = Array(repeating: nil, count: J)
    adjustedRSquared = Array(repeating: nil, count: J)
    specificIndirectEffects = Array(repeating: .nan, count: catalog.chains.count)
    for (recipe, value) in zip(catalog.recipes, values) {
      switch recipe {
      case .path(let f, let t): pathCoefficients[f, t] = value
      case .loading(let i): crossLoadings[i, layout.blockOf[i]] = value
      case .weight(let i): weights[i] = value
      case .totalEffect(let f, let t): totalEffects[f, t] = value
      case .indirectEffect(let f, let t): indirectEffects[f, t] = value
      case .specificIndirectEffect(let k): specificIndirectEffects[k] = value
      case .rSquared(let j): rSquared[j] = value
      case .adjustedRSquared(let j): adjustedRSquared[j] = value
      case .crossLoading(let i, let j): crossLoadings[i, j] = value
      case .constructCorrelation(let i, let j):
        constructCorrelations[i, j] = value
        constructCorrelations[j, i] = value
      case .htmt, .htmt2, .cronbachAlpha, .rhoC, .rhoA, .ave, .outerVIF, .innerVIF, .simpleSlope,
        .interactionFSquare:
        continue
      }
    }
  }
}
