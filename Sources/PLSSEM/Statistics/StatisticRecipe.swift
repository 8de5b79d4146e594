import Foundation

/// How one statistic of the table is defined: the single place from which its key, its value
/// on a fitted state and its "fixed by construction" flag are all derived, so that keys and
/// values can never be matched up wrongly. Constructs and indicators are indices of the
/// ``ModelLayout``; a specific indirect effect is an index into the catalog's chains.
///
/// Adding a statistic means adding a case here (the compiler then asks for its key, family,
/// flag and value) and, when it needs shared work done first, a step of
/// ``StatisticCatalog/evaluate(kernel:correlation:workspace:scratch:observations:into:)``.
enum StatisticRecipe: Sendable, Equatable {
  case path(from: Int, to: Int)
  case loading(indicator: Int)
  case weight(indicator: Int)
  case totalEffect(from: Int, to: Int)
  case indirectEffect(from: Int, to: Int)
  case specificIndirectEffect(chain: Int)
  case htmt(row: Int, column: Int)
  case rSquared(construct: Int)
  case adjustedRSquared(construct: Int)
  case htmt2(row: Int, column: Int)
  case cronbachAlpha(construct: Int)
  case rhoC(construct: Int)
  case rhoA(construct: Int)
  case ave(construct: Int)
  case outerVIF(indicator: Int)
  case innerVIF(from: Int, to: Int)
  case crossLoading(indicator: Int, construct: Int)
  case constructCorrelation(row: Int, column: Int)
  /// The simple slope of interaction term `term` (an index of
  /// ``ModelLayout/interactionTerms``) on `to` at moderator level `level` (an index of
  /// ``ModelLayout/slopeLevels``).
  case simpleSlope(term: Int, to: Int, level: Int)
  /// f² of the path of interaction term `term` (an index of ``ModelLayout/interactionTerms``)
  /// on `to`.
  case interactionFSquare(term: Int, to: Int)

  /// The key that names this statistic.
  func key(layout: ModelLayout, chains: [[Int]]) -> StatisticKey {
    let c = layout.constructNames
    let x = layout.indicatorNames
    switch self {
    case .path(let f, let t): return .path(from: c[f], to: c[t])
    case .loading(let i): return .loading(construct: c[layout.blockOf[i]], indicator: x[i])
    case .weight(let i): return .weight(construct: c[layout.blockOf[i]], indicator: x[i])
    case .totalEffect(let f, let t): return .totalEffect(from: c[f], to: c[t])
    case .indirectEffect(let f, let t): return .indirectEffect(from: c[f], to: c[t])
    case .specificIndirectEffect(let k):
      return .specificIndirectEffect(chain: chains[k].map { c[$0] })
    case .htmt(let i, let j): return .htmt(row: c[i], column: c[j])
    case .rSquared(let j): return .rSquared(construct: c[j])
    case .adjustedRSquared(let j): return .adjustedRSquared(construct: c[j])
    case .htmt2(let i, let j): return .htmt2(row: c[i], column: c[j])
    case .cronbachAlpha(let j): return .cronbachAlpha(construct: c[j])
    case .rhoC(let j): return .rhoC(construct: c[j])
    case .rhoA(let j): return .rhoA(construct: c[j])
    case .ave(let j): return .ave(construct: c[j])
    case .outerVIF(let i): return .outerVIF(construct: c[layout.blockOf[i]], indicator: x[i])
    case .innerVIF(let f, let t): return .innerVIF(from: c[f], to: c[t])
    case .crossLoading(let i, let j): return .crossLoading(indicator: x[i], construct: c[j])
    case .constructCorrelation(let i, let j): return .constructCorrelation(row: c[i], column: c[j])
    case .simpleSlope(let k, let t, let l):
      let term = layout.interactionTerms[k]
      return .simpleSlope(
        focal: c[term.focal], moderator: c[term.moderator], outcome: c[t],
        level: layout.slopeLevels[l])
    case .interactionFSquare(let k, let t):
      return .interactionFSquare(interaction: c[layout.interactionTerms[k].term], outcome: c[t])
    }
  }

  /// Whether the statistic is constant by construction (see ``StatisticTable``): its value is
  /// then stored exactly (``fixedValue(computed:)``), whatever rounding left.
  func isFixedByConstruction(layout: ModelLayout) -> Bool {
    let singleItem = { (j: Int) in layout.block(j).count == 1 }
    switch self {
    case .loading(let i):
      return singleItem(layout.blockOf[i]) && !layout.isScaled(layout.blockOf[i])
    case .weight(let i), .outerVIF(let i):
      return singleItem(layout.blockOf[i])
    case .crossLoading(let i, let j):
      return j == layout.blockOf[i] && singleItem(j) && !layout.isScaled(j)
    case .cronbachAlpha(let j), .rhoC(let j), .ave(let j):
      return singleItem(j)
    case .rhoA(let j):
      return singleItem(j) || layout.modes[j] == .b
    case .innerVIF(_, let t):
      return layout.predecessors[t].count == 1
    case .path, .totalEffect, .indirectEffect, .specificIndirectEffect, .htmt, .rSquared,
      .adjustedRSquared, .htmt2, .constructCorrelation, .simpleSlope, .interactionFSquare:
      return false
    }
  }

  /// The exact value of a statistic fixed by construction, given the value computed with
  /// rounding: the loading, weight and own cross-loading of a single-indicator block are ±1
  /// with the computed sign (the block's sign is set by its neighbours, positive in every
  /// ordinary model); everything else fixed is exactly 1.
  func fixedValue(computed: Double) -> Double {
    switch self {
    case .loading, .weight, .crossLoading: return computed < 0 ? -1 : 1
    default: return 1
    }
  }

  /// The value on the fitted state `f`, after the catalog's shared steps have filled the
  /// scratch buffers this recipe reads. Allocates nothing.
  @inline(__always)
  func value(in f: FittedState) -> Double {
    let layout = f.layout
    let p = f.indicatorCount
    let J = f.constructCount
    let s = f.correlation
    switch self {
    case .path(let a, let b):
      return f.scratch.paths[a + b * J]
    case .loading(let i):
      let j = layout.blockOf[i]
      return f.loadings[i + j * p] * f.scratch.scale[j]
    case .weight(let i):
      return f.weights[i]
    case .totalEffect(let a, let b):
      return f.scratch.total[a + b * J]
    case .indirectEffect(let a, let b):
      return f.scratch.total[a + b * J] - f.scratch.paths[a + b * J]
    case .specificIndirectEffect(let k):
      let chain = f.chains[k]
      var product = 1.0
      for step in 1..<chain.count { product *= f.scratch.paths[chain[step - 1] + chain[step] * J] }
      return product
    case .htmt(let i, let j):
      var sum = 0.0
      for a in layout.block(i) {
        for c in layout.block(j) { sum += abs(s[a + c * p]) }
      }
      let hetero = sum / Double(layout.block(i).count * layout.block(j).count)
      return HeterotraitMonotrait.ratio(
        hetero, (f.scratch.monotrait[i] * f.scratch.monotrait[j]).squareRoot())
    case .rSquared(let j):
      return f.scratch.r2[j]
    case .adjustedRSquared(let j):
      let k = Double(layout.predecessors[j].count)
      let n = Double(f.observations)
      return 1 - (1 - f.scratch.r2[j]) * (n - 1) / (n - k - 1)
    case .htmt2(let i, let j):
      var logSum = 0.0
      var zero = false
      for a in layout.block(i) {
        for c in layout.block(j) {
          let v = abs(s[a + c * p])
          if v == 0 { zero = true } else { logSum += log(v) }
        }
      }
      let count = Double(layout.block(i).count * layout.block(j).count)
      let hetero = zero ? 0 : exp(logSum / count)
      return HeterotraitMonotrait.ratio(
        hetero, (f.scratch.geometricMonotrait[i] * f.scratch.geometricMonotrait[j]).squareRoot())
    case .cronbachAlpha(let j):
      let block = layout.block(j)
      let k = Double(block.count)
      var total = 0.0
      for a in block {
        for b in block { total += s[a + b * p] }
      }
      return k / (k - 1) * (1 - k / total)
    case .rhoC(let j):
      var sum = 0.0
      var unexplained = 0.0
      for a in layout.block(j) { sum += f.loadings[a + j * p] }
      for a in layout.block(j) {
        let l = f.loadings[a + j * p]
        unexplained += 1 - l * l
      }
      return sum * sum / (sum * sum + unexplained)
    case .rhoA(let j):
      return ConstructReliability.rhoA(
        block: layout.block(j), weights: f.weights, correlation: s, p: p)
    case .ave(let j):
      var sumSquares = 0.0
      for a in layout.block(j) { sumSquares += f.loadings[a + j * p] * f.loadings[a + j * p] }
      return sumSquares / Double(layout.block(j).count)
    case .outerVIF(let i):
      return f.scratch.outerVIF[i]
    case .innerVIF(let a, let b):
      return f.scratch.innerVIF[a + b * J]
    case .crossLoading(let i, let j):
      return f.loadings[i + j * p] * f.scratch.scale[j]
    case .constructCorrelation(let i, let j):
      return f.constructCorrelations[i + j * J]
    case .simpleSlope(let k, let t, let l):
      // β_X + β_XM · m, with β_XM per unit of the product scale (``SimpleSlope``): the
      // rescaled path as it is, the standardised one divided by the scale.
      let term = layout.interactionTerms[k]
      let interaction = f.scratch.paths[term.term + t * J]
      let perProduct =
        layout.isScaled(term.term) ? interaction : interaction / f.scratch.productScale[term.term]
      return f.scratch.paths[term.focal + t * J] + perProduct * layout.slopeLevels[l]
    case .interactionFSquare(let k, let t):
      let included = f.scratch.r2[t]
      let excluded = f.scratch.excludedR2[layout.interactionTerms[k].term + t * J]
      return (included - excluded) / (1 - included)
    }
  }
}

/// What a recipe reads: the kernel's final state (after the PLSc correction when on) and the
/// catalog's shared intermediate results.
struct FittedState {
  let layout: ModelLayout
  let chains: [[Int]]
  /// The p × p indicator correlation matrix.
  let correlation: UnsafePointer<Double>
  /// The outer weights (p).
  let weights: UnsafePointer<Double>
  /// The indicator–construct correlations `C` (p × J): loadings and cross-loadings.
  let loadings: UnsafePointer<Double>
  /// The construct correlations `R` (J × J).
  let constructCorrelations: UnsafePointer<Double>
  let scratch: StatisticScratch
  /// The number of observations of the sample (for adjusted R²).
  let observations: Int
  /// p and J of the layout.
  let indicatorCount: Int
  let constructCount: Int
}
