import LinearAlgebra

/// The list of statistics the bootstrap tracks for a model, and how to read each one from a
/// finished run of the ``PLSKernel``: every path, loading, weight, total and indirect effect
/// (with each specific indirect effect), HTMT and R². The same code yields the original
/// estimates and each resample's, so they are defined identically. With consistent PLS every
/// run is corrected by ``ConsistentCorrection/apply(layout:correlation:weights:loadings:constructCorrelations:rhoA:scratch:)``,
/// the function the estimator uses, before any statistic is read.
struct StatisticCatalog: Sendable {
  let layout: ModelLayout
  /// Whether to apply the PLSc correction (``PLSSettings/consistent``).
  let consistent: Bool
  let keys: [StatisticKey]
  private let chains: [[Int]]
  private let effectPairs: [(Int, Int)]
  private let indirectPairs: [(Int, Int)]

  init(
    layout: ModelLayout, originalTotalEffects: Matrix, originalIndirectEffects: Matrix,
    consistent: Bool = false
  ) {
    self.layout = layout
    self.consistent = consistent
    let names = layout.constructNames
    var keys: [StatisticKey] = []
    for to in 0..<layout.J {
      for from in layout.predecessors[to] { keys.append(.path(from: names[from], to: names[to])) }
    }
    for i in 0..<layout.p {
      keys.append(
        .loading(construct: names[layout.blockOf[i]], indicator: layout.indicatorNames[i]))
    }
    for i in 0..<layout.p {
      keys.append(.weight(construct: names[layout.blockOf[i]], indicator: layout.indicatorNames[i]))
    }
    var effectPairs: [(Int, Int)] = []
    var indirectPairs: [(Int, Int)] = []
    for f in 0..<layout.J {
      for t in 0..<layout.J where originalTotalEffects[f, t] != 0 {
        effectPairs.append((f, t))
        if originalIndirectEffects[f, t] != 0 { indirectPairs.append((f, t)) }
      }
    }
    keys += effectPairs.map { .totalEffect(from: names[$0.0], to: names[$0.1]) }
    keys += indirectPairs.map { .indirectEffect(from: names[$0.0], to: names[$0.1]) }
    chains = layout.indirectChains()
    keys += chains.map { .specificIndirectEffect(chain: $0.map { names[$0] }) }
    for i in 0..<layout.J {
      for j in 0..<i { keys.append(.htmt(row: names[i], column: names[j])) }
    }
    for j in layout.endogenous { keys.append(.rSquared(construct: names[j])) }
    self.keys = keys
    self.effectPairs = effectPairs
    self.indirectPairs = indirectPairs
  }

  var count: Int { keys.count }

  /// Reads every statistic into `out` (length ``count``) from the kernel's final state in
  /// `ws` (weights, `C`, `R`) and the correlation matrix `s`. With ``consistent`` it first
  /// applies the PLSc correction to `C` and `R` in place (so call it once per kernel run).
  /// Throws when the structural regressions are singular or the PLSc solution is inadmissible.
  func extract(
    kernel: PLSKernel, correlation s: UnsafePointer<Double>, workspace ws: PLSWorkspace,
    scratch: StatisticScratch, into out: UnsafeMutablePointer<Double>
  ) throws(EstimationError) {
    let p = layout.p
    let J = layout.J
    if consistent {
      try ConsistentCorrection.apply(
        layout: layout, correlation: s, weights: ws.weights, loadings: ws.c,
        constructCorrelations: ws.r,
        rhoA: scratch.rhoA, scratch: ws.system)
    }
    let b = scratch.paths
    for k in 0..<(J * J) { b[k] = 0 }
    var index = 0
    var r2: [Double] = scratch.r2
    for to in 0..<J {
      let preds = layout.predecessors[to]
      guard !preds.isEmpty else { continue }
      let beta = try kernel.regression(of: to, on: preds, r: ws.r, ws: ws)
      var explained = 0.0
      for (a, from) in preds.enumerated() {
        b[from + to * J] = beta[a]
        explained += beta[a] * ws.r[from + to * J]
        out[index] = beta[a]
        index += 1
      }
      r2[to] = explained
    }
    for i in 0..<p {
      out[index] = ws.c[i + layout.blockOf[i] * p]
      index += 1
    }
    for i in 0..<p {
      out[index] = ws.weights[i]
      index += 1
    }
    let total = scratch.total
    EffectsCalculator.totalEffects(paths: b, layout: layout, into: total)
    for (f, t) in effectPairs {
      out[index] = total[f + t * J]
      index += 1
    }
    for (f, t) in indirectPairs {
      out[index] = total[f + t * J] - b[f + t * J]
      index += 1
    }
    for chain in chains {
      var product = 1.0
      for k in 1..<chain.count { product *= b[chain[k - 1] + chain[k] * J] }
      out[index] = product
      index += 1
    }
    htmt(s, into: out + index, monotrait: scratch.monotrait)
    index += J * (J - 1) / 2
    for j in layout.endogenous {
      out[index] = r2[j]
      index += 1
    }
    scratch.r2 = r2
  }

  /// HTMT of every pair (row declared after column), as ``HeterotraitMonotrait`` defines it.
  private func htmt(
    _ s: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>,
    monotrait: UnsafeMutablePointer<Double>
  ) {
    let p = layout.p
    for j in 0..<layout.J {
      let block = layout.block(j)
      if block.count < 2 {
        monotrait[j] = 1
        continue
      }
      var sum = 0.0
      var count = 0
      for a in block {
        for c in block where c > a {
          sum += abs(s[a + c * p])
          count += 1
        }
      }
      monotrait[j] = sum / Double(count)
    }
    var index = 0
    for i in 0..<layout.J {
      for j in 0..<i {
        var sum = 0.0
        for a in layout.block(i) {
          for c in layout.block(j) { sum += abs(s[a + c * p]) }
        }
        let hetero = sum / Double(layout.block(i).count * layout.block(j).count)
        out[index] = hetero / (monotrait[i] * monotrait[j]).squareRoot()
        index += 1
      }
    }
  }
}

/// Scratch buffers for ``StatisticCatalog/extract(kernel:correlation:workspace:scratch:into:)``.
final class StatisticScratch: @unchecked Sendable {
  let paths: UnsafeMutablePointer<Double>
  let total: UnsafeMutablePointer<Double>
  let monotrait: UnsafeMutablePointer<Double>
  let rhoA: UnsafeMutablePointer<Double>
  var r2: [Double]

  init(constructs J: Int) {
    paths = .allocate(capacity: max(J * J, 1))
    total = .allocate(capacity: max(J * J, 1))
    monotrait = .allocate(capacity: max(J, 1))
    rhoA = .allocate(capacity: max(J, 1))
    rhoA.initialize(repeating: 1, count: max(J, 1))
    paths.initialize(repeating: 0, count: max(J * J, 1))
    total.initialize(repeating: 0, count: max(J * J, 1))
    monotrait.initialize(repeating: 0, count: max(J, 1))
    r2 = Array(repeating: 0, count: J)
  }

  deinit {
    paths.deallocate()
    total.deallocate()
    monotrait.deallocate()
    rhoA.deallocate()
  }
}
