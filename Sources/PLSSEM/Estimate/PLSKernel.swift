import LinearAlgebra

/// The PLS algorithm of Lohmöller (1989) in its algebraic form on the indicator correlation
/// matrix `S` (the form used by cSEM and matrixpls): every step needs only `S`, never the
/// data, so one iteration costs O(p²) whatever the number of observations — which is what
/// makes the bootstrap fast.
///
/// With block-diagonal weights `W` (p × J) scaled so that every construct score has unit
/// variance (`wⱼᵀ Sⱼⱼ wⱼ = 1`):
///
/// - indicator–score correlations `C = S W`, construct correlations `R = Wᵀ S W`;
/// - inner weights `E` from `R` by the chosen ``InnerWeightingScheme``;
/// - outer update for block j: Mode A `w̃ⱼ = Cⱼ eⱼ` (covariances of the indicators with the
///   inner proxy `Zⱼ = Σₖ eₖⱼ Yₖ`); Mode B `w̃ⱼ = Sⱼⱼ⁻¹ Cⱼ eⱼ` (regression of the proxy on the
///   block); then `wⱼ = w̃ⱼ / √(w̃ⱼᵀ Sⱼⱼ w̃ⱼ)`;
/// - starting weights all 1 (then scaled); stop when the ``StopCriterion`` of successive
///   weights falls below the tolerance, within passes 0 … maxIterations.
///
/// All buffers live in a ``PLSWorkspace`` made once and reused, so an estimation allocates
/// nothing per iteration.
struct PLSKernel: Sendable {
  let layout: ModelLayout
  let scheme: InnerWeightingScheme
  let maxIterations: Int
  let tolerance: Double
  let stopCriterion: StopCriterion

  init(layout: ModelLayout, settings: PLSSettings) {
    self.layout = layout
    self.scheme = settings.scheme
    self.maxIterations = settings.maxIterations
    self.tolerance = settings.tolerance
    self.stopCriterion = settings.stopCriterion
  }

  /// The outcome of one run.
  struct Outcome: Sendable, Equatable {
    /// The index of the final pass (the first update from the starting weights is pass 0),
    /// the count seminr and SmartPLS report; at most the iteration cap.
    var iterations: Int
    var converged: Bool
  }

  /// Runs the iteration on the p × p correlation matrix `s` (column-major), leaving the final
  /// weights, `C` and `R` in `workspace`.
  ///
  /// Throws ``EstimationError/collinearBlock(construct:)`` for a singular Mode B block,
  /// ``EstimationError/collinearPredecessors(construct:predecessors:)`` when the path scheme
  /// meets collinear predecessors, and ``EstimationError/degenerateConstruct(construct:)`` when
  /// a construct's weights collapse.
  func run(correlation s: UnsafePointer<Double>, workspace ws: PLSWorkspace) throws(EstimationError)
    -> Outcome
  {
    let p = layout.p
    try factorModeBBlocks(s, ws)
    for i in 0..<p { ws.weights[i] = 1 }
    try normalize(s, ws.weights)
    // Passes are numbered from 0, the first update from the starting weights; the first pass
    // is compared with the unscaled starting weights (all 1), as seminr does, so that the
    // same pass meets the stop criterion and results agree beyond the tolerance.
    var pass = 0
    var converged = false
    while pass <= maxIterations {
      updateScoreCorrelations(s, ws)
      try innerWeights(ws)
      for i in 0..<p { ws.previous[i] = pass == 0 ? 1 : ws.weights[i] }
      try outerUpdate(s, ws)
      try normalize(s, ws.weights)
      let change = stopCriterion.change(ws.weights, ws.previous, count: p)
      if change < tolerance {
        converged = true
        break
      }
      pass += 1
    }
    updateScoreCorrelations(s, ws)
    return Outcome(iterations: min(pass, maxIterations), converged: converged)
  }

  /// Factorises `Sⱼⱼ` of every Mode B block into the workspace.
  private func factorModeBBlocks(_ s: UnsafePointer<Double>, _ ws: PLSWorkspace)
    throws(EstimationError)
  {
    let p = layout.p
    for j in 0..<layout.J where layout.modes[j] == .b {
      let range = layout.block(j)
      let n = range.count
      let f = ws.modeBFactors + ws.modeBOffset[j]
      for (b, col) in range.enumerated() {
        for (a, row) in range.enumerated() { f[a + b * n] = s[row + col * p] }
      }
      guard SmallSPDSolver.factorize(f, n: n, relativeTolerance: 1e-10) else {
        throw .collinearBlock(construct: layout.constructNames[j])
      }
    }
  }

  /// Scales each block so its score has unit variance: `wⱼ ← wⱼ / √(wⱼᵀ Sⱼⱼ wⱼ)`.
  func normalize(_ s: UnsafePointer<Double>, _ w: UnsafeMutablePointer<Double>)
    throws(EstimationError)
  {
    let p = layout.p
    let J = layout.J
    try layout.blockStart.withUnsafeBufferPointer { (starts) throws(EstimationError) in
      for j in 0..<J {
        let lower = starts[j]
        let upper = starts[j &+ 1]
        var q = 0.0
        var col = lower
        while col < upper {
          let sc = s + col &* p
          var v = 0.0
          var row = lower
          while row < upper {
            v += sc[row] * w[row]
            row &+= 1
          }
          q += v * w[col]
          col &+= 1
        }
        guard q > 0, q.isFinite else {
          throw .degenerateConstruct(construct: layout.constructNames[j])
        }
        let scale = 1 / q.squareRoot()
        for i in lower..<upper { w[i] *= scale }
      }
    }
  }

  /// `C = S W` (p × J) and `R = Wᵀ C` (J × J) from the current weights.
  ///
  /// Column k of `C` sums `S`'s columns of block k weighted, four rows at a time in registers
  /// (each row's sum in increasing l, as a plain loop would add them, so the same bits); `R`'s
  /// column k sums block j of that column for every j. Block bounds are read through a buffer
  /// pointer (no array bounds checks in the innermost loops).
  func updateScoreCorrelations(_ s: UnsafePointer<Double>, _ ws: PLSWorkspace) {
    layout.blockStart.withUnsafeBufferPointer { starts in
      updateScoreCorrelations(s, ws, starts: starts)
    }
  }

  private func updateScoreCorrelations(
    _ s: UnsafePointer<Double>, _ ws: PLSWorkspace, starts: UnsafeBufferPointer<Int>
  ) {
    let p = layout.p
    let J = layout.J
    let w = ws.weights
    let c = ws.c
    let r = ws.r
    let p4 = p & ~3
    for k in 0..<J {
      let l0 = starts[k]
      let l1 = starts[k &+ 1]
      let ck = c + k &* p
      var i = 0
      while i < p4 {
        var acc = SIMD4<Double>(repeating: 0)
        var l = l0
        while l < l1 {
          let column = UnsafeRawPointer(s + (l &* p &+ i))
          acc += column.loadUnaligned(as: SIMD4<Double>.self) * SIMD4(repeating: w[l])
          l &+= 1
        }
        UnsafeMutableRawPointer(ck + i).storeBytes(of: acc, as: SIMD4<Double>.self)
        i &+= 4
      }
      while i < p {
        var v = 0.0
        var l = l0
        while l < l1 {
          v += s[l &* p &+ i] * w[l]
          l &+= 1
        }
        ck[i] = v
        i &+= 1
      }
      let rk = r + k &* J
      for j in 0..<J {
        var v = 0.0
        var a = starts[j]
        let end = starts[j &+ 1]
        while a < end {
          v += w[a] * ck[a]
          a &+= 1
        }
        rk[j] = v
      }
      rk[k] = 1
    }
  }

  /// Fills the inner weights `E` (`e[k + j·J]`: weight of Yₖ in the proxy of construct j).
  private func innerWeights(_ ws: PLSWorkspace) throws(EstimationError) {
    let J = layout.J
    let r = ws.r
    let e = ws.e
    for k in 0..<(J * J) { e[k] = 0 }
    for j in 0..<J {
      switch scheme {
      case .centroid, .factorial:
        for k in layout.predecessors[j] + layout.successors[j] {
          let v = r[k + j * J]
          e[k + j * J] = scheme == .factorial ? v : (v > 0 ? 1 : (v < 0 ? -1 : 0))
        }
      case .path:
        for k in layout.successors[j] { e[k + j * J] = r[k + j * J] }
        let preds = layout.predecessors[j]
        guard !preds.isEmpty else { continue }
        let beta = try regression(of: j, on: preds, r: r, ws: ws)
        for (a, k) in preds.enumerated() { e[k + j * J] = beta[a] }
      }
    }
  }

  /// Solves `R_PP β = R_Pj` for the predecessors P of construct j; the coefficients are left in
  /// `ws.rhs[0..<P.count]`.
  ///
  /// A correlation matrix of construct scores is positive (semi-)definite and is solved by
  /// Cholesky. The consistent (PLSc-corrected) correlations of an inadmissible solution need not
  /// be: such an indefinite but nonsingular `R_PP` is solved by LU with partial pivoting, the
  /// ordinary linear solve of cSEM and seminr, so the estimates are reported rather than refused
  /// (the problem is listed in ``PLSEstimate/admissibility``). Throws
  /// ``EstimationError/collinearPredecessors(construct:predecessors:)`` only when `R_PP` is
  /// numerically singular for both (a pivot below 1e-10 of the matrix's scale).
  func regression(of j: Int, on preds: [Int], r: UnsafePointer<Double>, ws: PLSWorkspace)
    throws(EstimationError)
    -> UnsafeMutablePointer<Double>
  {
    let J = layout.J
    let m = preds.count
    let a = ws.system
    let b = ws.rhs
    for (col, kc) in preds.enumerated() {
      for (row, kr) in preds.enumerated() { a[row + col * m] = r[kr + kc * J] }
      b[col] = r[kc + j * J]
    }
    if SmallSPDSolver.factorize(a, n: m, relativeTolerance: 1e-10) {
      SmallSPDSolver.solve(factor: a, n: m, b)
      return b
    }
    for (col, kc) in preds.enumerated() {
      for (row, kr) in preds.enumerated() { a[row + col * m] = r[kr + kc * J] }
    }
    guard SmallLUSolver.factorize(a, n: m, pivots: ws.pivots, relativeTolerance: 1e-10) else {
      throw .collinearPredecessors(
        construct: layout.constructNames[j], predecessors: preds.map { layout.constructNames[$0] })
    }
    SmallLUSolver.solve(factor: a, n: m, pivots: ws.pivots, b)
    return b
  }

  /// The outer update `w̃ⱼ = Cⱼ eⱼ` (Mode A) or `Sⱼⱼ⁻¹ Cⱼ eⱼ` (Mode B) into `ws.weights`.
  private func outerUpdate(_ s: UnsafePointer<Double>, _ ws: PLSWorkspace) throws(EstimationError) {
    let p = layout.p
    let J = layout.J
    let c = ws.c
    let e = ws.e
    let w = ws.weights
    for j in 0..<J {
      let range = layout.block(j)
      // w̃ᵢ = Σₖ cᵢₖ eₖⱼ over the k with eₖⱼ ≠ 0 in increasing k, block by block (contiguous).
      for i in range { w[i] = 0 }
      for k in 0..<J {
        let ekj = e[k + j * J]
        guard ekj != 0 else { continue }
        let ck = c + k * p
        for i in range { w[i] += ck[i] * ekj }
      }
      if layout.modes[j] == .b {
        SmallSPDSolver.solve(
          factor: ws.modeBFactors + ws.modeBOffset[j], n: range.count, w + range.lowerBound)
      }
    }
  }
}

/// The reusable buffers of ``PLSKernel``: allocate once per thread, reuse for every run.
///
/// A class so that the kernel can hand out stable pointers; not shared between threads.
final class PLSWorkspace: @unchecked Sendable {
  let weights: UnsafeMutablePointer<Double>
  let previous: UnsafeMutablePointer<Double>
  let c: UnsafeMutablePointer<Double>
  let r: UnsafeMutablePointer<Double>
  let e: UnsafeMutablePointer<Double>
  let modeBFactors: UnsafeMutablePointer<Double>
  let modeBOffset: [Int]
  let system: UnsafeMutablePointer<Double>
  let rhs: UnsafeMutablePointer<Double>
  /// Row exchanges of the LU fallback of ``PLSKernel/regression(of:on:r:ws:)``.
  let pivots: UnsafeMutablePointer<Int>
  private let sizes: [Int]

  init(layout: ModelLayout) {
    let p = layout.p
    let J = layout.J
    var offsets = [Int](repeating: 0, count: J)
    var total = 0
    for j in 0..<J where layout.modes[j] == .b {
      offsets[j] = total
      total += layout.block(j).count * layout.block(j).count
    }
    let maxSystem = max(
      J, layout.blockStart.indices.dropLast().map { layout.block($0).count }.max() ?? 1)
    modeBOffset = offsets
    sizes = [p, p, p * J, J * J, J * J, max(total, 1), maxSystem * maxSystem, maxSystem]
    weights = .allocate(capacity: sizes[0])
    previous = .allocate(capacity: sizes[1])
    c = .allocate(capacity: sizes[2])
    r = .allocate(capacity: sizes[3])
    e = .allocate(capacity: sizes[4])
    modeBFactors = .allocate(capacity: sizes[5])
    system = .allocate(capacity: sizes[6])
    rhs = .allocate(capacity: sizes[7])
    for (pointer, size) in zip([weights, previous, c, r, e, modeBFactors, system, rhs], sizes) {
      pointer.initialize(repeating: 0, count: size)
    }
    pivots = .allocate(capacity: maxSystem)
    pivots.initialize(repeating: 0, count: maxSystem)
  }

  deinit {
    for pointer in [weights, previous, c, r, e, modeBFactors, system, rhs] { pointer.deallocate() }
    pivots.deallocate()
  }
}
