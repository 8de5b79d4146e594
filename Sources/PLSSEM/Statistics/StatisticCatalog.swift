import Foundation
import LinearAlgebra

/// The statistics of a model as a list of slots, each a ``StatisticRecipe``, and the one
/// function that evaluates them all from a fitted state.
///
/// The same catalog type serves the estimate (every family: ``PLSEstimate/statistics``) and
/// the bootstrap (the families of ``BootstrapSettings/statistics``, for the original sample's
/// keys and for every resample), so the original values and each resample's are defined by the
/// same code. With consistent PLS every evaluation first applies
/// ``ConsistentCorrection/apply(layout:correlation:weights:loadings:constructCorrelations:rhoA:)``,
/// the correction the estimator uses, before any statistic is read.
///
/// The slots are laid out family by family in a fixed order (``StatisticFamily`` order), so a
/// table restricted to some families lists its keys in the same relative order as the full
/// one. Which pairs have total and indirect effects follows from the model alone: a total
/// effect for every construct reachable along paths, an indirect one where some chain of two
/// or more paths leads there.
struct StatisticCatalog: Sendable {
  let layout: ModelLayout
  /// Whether to apply the PLSc correction (``PLSSettings/consistent``).
  let consistent: Bool
  /// The families present.
  let families: Set<StatisticFamily>
  /// The slots, in catalog order.
  let recipes: [StatisticRecipe]
  /// The key of each slot.
  let keys: [StatisticKey]
  /// Whether each slot is fixed by construction.
  let fixedByConstruction: [Bool]
  /// Every chain of two or more paths (``ModelLayout/indirectChains()``).
  let chains: [[Int]]

  private let needsStructure: Bool
  private let needsTotals: Bool
  private let needsMonotrait: Bool
  private let needsGeometricMonotrait: Bool
  private let needsOuterVIF: Bool
  private let needsInnerVIF: Bool
  private let needsProductScale: Bool

  /// The catalog of `families` (default: all) for `layout`. With `structure`, the structural
  /// regressions run whatever the families (the bootstrap's admissibility check reads the
  /// paths).
  init(
    layout: ModelLayout, families: Set<StatisticFamily> = Set(StatisticFamily.allCases),
    consistent: Bool = false, structure: Bool = false
  ) {
    self.layout = layout
    self.consistent = consistent
    self.families = families
    let J = layout.J
    let chains = layout.indirectChains()
    // reaches[f + t·J]: t can be reached from f along one or more paths.
    var reaches = [Bool](repeating: false, count: J * J)
    var reachesIndirectly = reaches
    for f in 0..<J {
      for t in layout.structuralOrder {
        for k in layout.predecessors[t] where k == f || reaches[f + k * J] {
          reaches[f + t * J] = true
          if k != f { reachesIndirectly[f + t * J] = true }
        }
      }
    }
    let endogenous = layout.endogenous
    var recipes: [StatisticRecipe] = []
    for family in StatisticFamily.allCases where families.contains(family) {
      switch family {
      case .path:
        for t in 0..<J { recipes += layout.predecessors[t].map { .path(from: $0, to: t) } }
      case .loading: recipes += (0..<layout.p).map { .loading(indicator: $0) }
      case .weight: recipes += (0..<layout.p).map { .weight(indicator: $0) }
      case .totalEffect:
        for f in 0..<J {
          for t in 0..<J where reaches[f + t * J] { recipes.append(.totalEffect(from: f, to: t)) }
        }
      case .indirectEffect:
        for f in 0..<J {
          for t in 0..<J where reachesIndirectly[f + t * J] {
            recipes.append(.indirectEffect(from: f, to: t))
          }
        }
      case .specificIndirectEffect:
        recipes += chains.indices.map { .specificIndirectEffect(chain: $0) }
      case .htmt:
        for i in 0..<J { recipes += (0..<i).map { .htmt(row: i, column: $0) } }
      case .rSquared: recipes += endogenous.map { .rSquared(construct: $0) }
      case .adjustedRSquared: recipes += endogenous.map { .adjustedRSquared(construct: $0) }
      case .htmt2:
        for i in 0..<J { recipes += (0..<i).map { .htmt2(row: i, column: $0) } }
      case .reliability:
        for j in 0..<J {
          recipes += [
            .cronbachAlpha(construct: j), .rhoC(construct: j), .rhoA(construct: j),
            .ave(construct: j),
          ]
        }
      case .outerVIF: recipes += (0..<layout.p).map { .outerVIF(indicator: $0) }
      case .innerVIF:
        for t in endogenous { recipes += layout.predecessors[t].map { .innerVIF(from: $0, to: t) } }
      case .crossLoading:
        for i in 0..<layout.p {
          recipes += (0..<J).map { .crossLoading(indicator: i, construct: $0) }
        }
      case .constructCorrelation:
        for i in 0..<J { recipes += (0..<i).map { .constructCorrelation(row: i, column: $0) } }
      case .simpleSlope:
        for (k, term) in layout.interactionTerms.enumerated() {
          for t in layout.successors[term.term] {
            recipes += layout.slopeLevels.indices.map { .simpleSlope(term: k, to: t, level: $0) }
          }
        }
      case .interactionEffectSize:
        for (k, term) in layout.interactionTerms.enumerated() {
          recipes += layout.successors[term.term].map { .interactionFSquare(term: k, to: $0) }
        }
      }
    }
    self.recipes = recipes
    self.chains = chains
    keys = recipes.map { $0.key(layout: layout, chains: chains) }
    fixedByConstruction = recipes.map { $0.isFixedByConstruction(layout: layout) }
    needsStructure =
      structure
      || !families.isDisjoint(with: [
        .path, .totalEffect, .indirectEffect, .specificIndirectEffect, .rSquared, .adjustedRSquared,
        .simpleSlope, .interactionEffectSize,
      ])
    needsTotals = !families.isDisjoint(with: [.totalEffect, .indirectEffect])
    needsMonotrait = families.contains(.htmt)
    needsGeometricMonotrait = families.contains(.htmt2)
    needsOuterVIF = families.contains(.outerVIF)
    needsInnerVIF = families.contains(.innerVIF)
    needsProductScale = families.contains(.simpleSlope) && layout.hasInteractions
  }

  var count: Int { recipes.count }

  /// Evaluates every slot into `out` (length ``count``) from the kernel's final state in `ws`
  /// (weights, `C`, `R`) and the correlation matrix `s` of a sample of `observations` rows.
  /// With ``consistent`` it first applies the PLSc correction to `C` and `R` in place (so call
  /// it once per kernel run). Allocates nothing. Throws when the structural regressions are
  /// singular; an inadmissible PLSc solution is evaluated all the same (``AdmissibilityCheck``
  /// judges the state this leaves: `C` and `R` in `ws`, ρ_A in `scratch.rhoA`, the paths in
  /// `scratch.paths` when the families include a structural one).
  func evaluate(
    kernel: PLSKernel, correlation s: UnsafePointer<Double>, workspace ws: PLSWorkspace,
    scratch: StatisticScratch, observations: Int, into out: UnsafeMutablePointer<Double>
  ) throws(EstimationError) {
    if consistent {
      ConsistentCorrection.apply(
        layout: layout, correlation: s, weights: ws.weights, loadings: ws.c,
        constructCorrelations: ws.r, rhoA: scratch.rhoA)
    }
    if layout.hasScaledConstructs || needsProductScale {
      interactionScales(loadings: ws.c, scratch: scratch)
    }
    if needsStructure {
      try regressions(kernel: kernel, workspace: ws, scratch: scratch)
      if layout.hasScaledConstructs { rescalePaths(scratch: scratch) }
    }
    if needsTotals {
      EffectsCalculator.totalEffects(paths: scratch.paths, layout: layout, into: scratch.total)
    }
    if needsMonotrait || needsGeometricMonotrait { monotraitMeans(s, scratch: scratch) }
    if needsOuterVIF { outerVIF(s, scratch: scratch) }
    if needsInnerVIF { innerVIF(ws.r, scratch: scratch) }
    let state = FittedState(
      layout: layout, chains: chains, correlation: s, weights: ws.weights, loadings: ws.c,
      constructCorrelations: ws.r, scratch: scratch, observations: observations,
      indicatorCount: layout.p, constructCount: layout.J)
    for k in 0..<recipes.count {
      let value = recipes[k].value(in: state)
      out[k] = fixedByConstruction[k] ? recipes[k].fixedValue(computed: value) : value
    }
  }

  /// Path coefficients `β = R_PP⁻¹ R_Pj` into `scratch.paths` (J × J, `[from + to·J]`, zero
  /// where there is no path) and `R² = βᵀR_Pj` into `scratch.r2`, for each endogenous j, by
  /// OLS on the construct correlations.
  private func regressions(kernel: PLSKernel, workspace ws: PLSWorkspace, scratch: StatisticScratch)
    throws(EstimationError)
  {
    let J = layout.J
    let b = scratch.paths
    for k in 0..<(J * J) { b[k] = 0 }
    for to in 0..<J {
      let preds = layout.predecessors[to]
      guard !preds.isEmpty else {
        scratch.r2[to] = .nan
        continue
      }
      let beta = try kernel.regression(of: to, on: preds, r: ws.r, ws: ws)
      var explained = 0.0
      for (a, from) in preds.enumerated() {
        b[from + to * J] = beta[a]
        explained += beta[a] * ws.r[from + to * J]
      }
      scratch.r2[to] = explained
    }
  }

  /// The product scale `s_j = Σ_k SD(x_k)·|λ_k| / Σ_k |λ_k|` of each interaction construct
  /// into `scratch.productScale`, and into `scratch.scale` when its score is rescaled
  /// (``InteractionScale/indicatorSD``), from its indicators' standard deviations in
  /// `scratch.indicatorSD` and their loadings `C` on the unit-variance score.
  private func interactionScales(loadings c: UnsafePointer<Double>, scratch: StatisticScratch) {
    let p = layout.p
    for j in 0..<layout.J where layout.isInteraction[j] {
      var weighted = 0.0
      var total = 0.0
      for i in layout.block(j) {
        let l = abs(c[i + j * p])
        weighted += scratch.indicatorSD[i] * l
        total += l
      }
      scratch.productScale[j] = weighted / total
      if layout.isScaled(j) { scratch.scale[j] = weighted / total }
    }
  }

  /// Divides the paths from each rescaled construct by its scale: the coefficients per unit of
  /// the rescaled score (R² does not change).
  private func rescalePaths(scratch: StatisticScratch) {
    let J = layout.J
    for from in 0..<J where layout.isScaled(from) {
      for to in layout.successors[from] { scratch.paths[from + to * J] /= scratch.scale[from] }
    }
  }

  /// The mean absolute correlation among each block's indicators, arithmetic (for HTMT) and
  /// geometric (for HTMT2); 1 for a single-indicator block (``HeterotraitMonotrait``).
  private func monotraitMeans(_ s: UnsafePointer<Double>, scratch: StatisticScratch) {
    let p = layout.p
    for j in 0..<layout.J {
      let block = layout.block(j)
      guard block.count > 1 else {
        scratch.monotrait[j] = 1
        scratch.geometricMonotrait[j] = 1
        continue
      }
      var sum = 0.0
      var logSum = 0.0
      var zero = false
      var count = 0
      for a in block {
        for c in block where c > a {
          let v = abs(s[a + c * p])
          sum += v
          if needsGeometricMonotrait {
            if v == 0 { zero = true } else { logSum += log(v) }
          }
          count += 1
        }
      }
      scratch.monotrait[j] = sum / Double(count)
      scratch.geometricMonotrait[j] = zero ? 0 : exp(logSum / Double(count))
    }
  }

  /// The outer VIF of every indicator (``Collinearity``): the diagonal of the inverse of its
  /// block's correlation matrix; 1 for a single-indicator block, NaN for a singular block.
  private func outerVIF(_ s: UnsafePointer<Double>, scratch: StatisticScratch) {
    let p = layout.p
    for j in 0..<layout.J {
      let block = layout.block(j)
      let k = block.count
      let factor = scratch.factor
      for (b, col) in block.enumerated() {
        for (a, row) in block.enumerated() { factor[a + b * k] = s[row + col * p] }
      }
      Self.inverseDiagonal(
        factor, n: k, scratch: scratch, rhs: scratch.rhs, into: scratch.outerVIF + block.lowerBound)
    }
  }

  /// The inner VIF of every predecessor of every endogenous construct, from the construct
  /// correlations `r` (``Collinearity``); 1 for a lone predecessor, NaN when singular.
  private func innerVIF(_ r: UnsafePointer<Double>, scratch: StatisticScratch) {
    let J = layout.J
    for t in layout.endogenous {
      let preds = layout.predecessors[t]
      let m = preds.count
      let factor = scratch.factor
      for (b, kb) in preds.enumerated() {
        for (a, ka) in preds.enumerated() { factor[a + b * m] = r[ka + kb * J] }
      }
      Self.inverseDiagonal(factor, n: m, scratch: scratch, rhs: scratch.rhs, into: scratch.rhs + m)
      for (a, k) in preds.enumerated() { scratch.innerVIF[k + t * J] = scratch.rhs[m + a] }
    }
  }

  /// The diagonal of the inverse of the n × n correlation matrix in `a` (overwritten) into
  /// `out`: `(A⁻¹)ᵢᵢ` by solving `A x = eᵢ`, by Cholesky; 1 when n = 1. A matrix that is not
  /// positive semi-definite — the consistent correlations of an inadmissible PLSc solution — is
  /// inverted by LU instead, as its path coefficients are (``PLSKernel/regression(of:on:r:ws:)``);
  /// such a VIF may be negative (an R² above 1). All NaN when `a` is numerically singular.
  private static func inverseDiagonal(
    _ a: UnsafeMutablePointer<Double>, n: Int, scratch: StatisticScratch,
    rhs: UnsafeMutablePointer<Double>, into out: UnsafeMutablePointer<Double>
  ) {
    guard n > 1 else {
      out[0] = 1
      return
    }
    let copy = scratch.factorCopy
    for i in 0..<(n * n) { copy[i] = a[i] }
    if SmallSPDSolver.factorize(a, n: n, relativeTolerance: 1e-13) {
      for i in 0..<n {
        for k in 0..<n { rhs[k] = k == i ? 1 : 0 }
        SmallSPDSolver.solve(factor: a, n: n, rhs)
        out[i] = rhs[i]
      }
      return
    }
    for i in 0..<(n * n) { a[i] = copy[i] }
    let indefinite = !AdmissibilityCheck.isSemidefinite(overwriting: a, n: n)
    for i in 0..<(n * n) { a[i] = copy[i] }
    guard indefinite,
      SmallLUSolver.factorize(a, n: n, pivots: scratch.pivots, relativeTolerance: 1e-13)
    else {
      for i in 0..<n { out[i] = .nan }
      return
    }
    for i in 0..<n {
      for k in 0..<n { rhs[k] = k == i ? 1 : 0 }
      SmallLUSolver.solve(factor: a, n: n, pivots: scratch.pivots, rhs)
      out[i] = rhs[i]
    }
  }
}

/// Scratch buffers for ``StatisticCatalog/evaluate(kernel:correlation:workspace:scratch:observations:into:)``:
/// allocated once per worker, reused for every sample.
final class StatisticScratch: @unchecked Sendable {
  /// Path coefficients, J × J.
  let paths: UnsafeMutablePointer<Double>
  /// Total effects, J × J.
  let total: UnsafeMutablePointer<Double>
  /// R² per construct (NaN for exogenous ones).
  let r2: UnsafeMutablePointer<Double>
  /// Arithmetic and geometric monotrait means per construct.
  let monotrait: UnsafeMutablePointer<Double>
  let geometricMonotrait: UnsafeMutablePointer<Double>
  /// ρ_A per construct, as the PLSc correction used it.
  let rhoA: UnsafeMutablePointer<Double>
  /// Outer VIF per indicator, inner VIF J × J (`[from + to·J]`).
  let outerVIF: UnsafeMutablePointer<Double>
  let innerVIF: UnsafeMutablePointer<Double>
  /// A square system of the largest block or predecessor set, and twice its size of
  /// right-hand sides.
  let factor: UnsafeMutablePointer<Double>
  let rhs: UnsafeMutablePointer<Double>
  /// A copy of `factor` and the row exchanges of the LU fallback of the inverse diagonal.
  let factorCopy: UnsafeMutablePointer<Double>
  let pivots: UnsafeMutablePointer<Int>
  /// The scale of each construct's score (1 unless a rescaled interaction's,
  /// ``InteractionScale/indicatorSD``), and the standard deviation of each indicator in original
  /// units that the scale is computed from (set by the caller for interaction indicators).
  let scale: UnsafeMutablePointer<Double>
  let indicatorSD: UnsafeMutablePointer<Double>
  /// The product scale of each interaction construct, whatever the scale of its score (the
  /// simple slopes' unit of the interaction; ``SimpleSlope``).
  let productScale: UnsafeMutablePointer<Double>
  /// R² of each interaction path's outcome in the model without the path
  /// (`[term + outcome·J]`), set by the caller before evaluating f² of interaction terms
  /// (``InteractionEffectSizes``).
  let excludedR2: UnsafeMutablePointer<Double>
  private let all: [UnsafeMutablePointer<Double>]

  init(layout: ModelLayout) {
    let J = max(layout.J, 1)
    let p = max(layout.p, 1)
    let largestBlock = (0..<layout.J).map { layout.block($0).count }.max() ?? 1
    let system = max(largestBlock, J, 1)
    let sizes = [
      J * J, J * J, J, J, J, J, p, J * J, system * system, 2 * system, system * system, J, p, J,
      J * J,
    ]
    let buffers = sizes.map { size -> UnsafeMutablePointer<Double> in
      let buffer = UnsafeMutablePointer<Double>.allocate(capacity: size)
      buffer.initialize(repeating: 0, count: size)
      return buffer
    }
    (paths, total, r2, monotrait, geometricMonotrait, rhoA) =
      (buffers[0], buffers[1], buffers[2], buffers[3], buffers[4], buffers[5])
    (outerVIF, innerVIF, factor, rhs) = (buffers[6], buffers[7], buffers[8], buffers[9])
    factorCopy = buffers[10]
    (scale, indicatorSD, productScale) = (buffers[11], buffers[12], buffers[13])
    excludedR2 = buffers[14]
    scale.update(repeating: 1, count: J)
    productScale.update(repeating: 1, count: J)
    indicatorSD.update(repeating: 1, count: p)
    pivots = .allocate(capacity: system)
    pivots.initialize(repeating: 0, count: system)
    rhoA.update(repeating: 1, count: J)
    all = buffers
  }

  deinit {
    for buffer in all { buffer.deallocate() }
    pivots.deallocate()
  }
}

extension StatisticCatalog {
  /// Evaluates the catalog into a new ``StatisticTable`` (for an estimate; resamples write
  /// into preallocated rows with ``evaluate(kernel:correlation:workspace:scratch:observations:into:)``).
  func table(
    kernel: PLSKernel, correlation s: UnsafePointer<Double>, workspace ws: PLSWorkspace,
    scratch: StatisticScratch, observations: Int
  ) throws(EstimationError) -> StatisticTable {
    var values = [Double](repeating: 0, count: count)
    try values.withUnsafeMutableBufferPointer { out throws(EstimationError) in
      guard let base = out.baseAddress else { return }
      try evaluate(
        kernel: kernel, correlation: s, workspace: ws, scratch: scratch,
        observations: observations, into: base)
    }
    // Keys are unique by construction (one recipe per slot), so the table always forms.
    return StatisticTable(keys: keys, values: values, fixedByConstruction: fixedByConstruction)
      ?? StatisticTable.empty
  }
}
