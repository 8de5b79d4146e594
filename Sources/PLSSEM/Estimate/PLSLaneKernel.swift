/// The PLS iteration of ``PLSKernel`` (Lohmöller 1989) run on four correlation matrices at once,
/// one per lane of `SIMD4<Double>`: four bootstrap resamples cost about the instructions of one,
/// because the matrices of a PLS model are tiny (p ≈ 10–30 indicators, J ≈ 4–8 constructs) and
/// the scalar kernel's time goes to loop and call overhead rather than arithmetic.
///
/// Every lane performs exactly the scalar kernel's operations in the same order (the same sums
/// in increasing index from 0.0, the same Cholesky recursion as ``SmallSPDSolver``, no fused
/// multiply–add where the scalar code has none; `SIMD` `+ − × ÷ √` are IEEE-exact per lane), so
/// each lane's weights, `C`, `R`, iteration count and convergence flag are the same bits as
/// ``PLSKernel/run(correlation:workspace:)`` gives for that matrix alone.
///
/// A lane stops (its weights are kept and no longer change) when it meets the stop criterion or
/// the iteration cap; the loop runs until every lane has stopped. A lane that meets a condition
/// on which the scalar kernel leaves the common path — a construct whose weights collapse
/// (normalisation by a non-positive or non-finite variance), or the path scheme's Cholesky
/// factorisation of the predecessors' correlations failing its pivot test (the scalar kernel
/// then falls back to LU, or throws) — is marked ``Lane/needsScalar``: its results are not
/// computed here, and the caller re-runs that matrix with the scalar kernel from the start.
///
/// Models with Mode B blocks are not supported (``supports(_:)`` is false): their resamples take
/// the scalar kernel.
///
/// Lohmöller, J.-B. (1989). *Latent Variable Path Modeling with Partial Least Squares*.
/// Physica, Heidelberg.
struct PLSLaneKernel: Sendable {
  /// The number of lanes: four correlation matrices per run.
  static let lanes = 4

  let layout: ModelLayout
  let scheme: InnerWeightingScheme
  let maxIterations: Int
  let tolerance: Double
  let stopCriterion: StopCriterion

  /// The lane kernel with the scalar kernel's layout and settings.
  init(_ kernel: PLSKernel) {
    layout = kernel.layout
    scheme = kernel.scheme
    maxIterations = kernel.maxIterations
    tolerance = kernel.tolerance
    stopCriterion = kernel.stopCriterion
  }

  /// Whether the lanes can run this layout (every block Mode A).
  static func supports(_ layout: ModelLayout) -> Bool { !layout.modes.contains(.b) }

  /// What one lane's run gave.
  struct Lane: Sendable, Equatable {
    /// The scalar kernel's outcome (meaningless when ``needsScalar``).
    var outcome = PLSKernel.Outcome(iterations: 0, converged: false)
    /// The lane met a condition the lanes do not follow: re-run it with ``PLSKernel``.
    var needsScalar = false
  }

  typealias Mask = SIMDMask<SIMD4<Int64>>

  /// Runs the iteration on the four matrices loaded into `ws` (``PLSLaneWorkspace/load(lane:from:)``),
  /// leaving each lane's final weights, `C` and `R` in `ws` and its outcome in `ws.outcomes`.
  func run(_ ws: PLSLaneWorkspace) {
    let p = layout.p
    let w = ws.weights
    let s = ws.s
    for i in 0..<p { w[i] = SIMD4(repeating: 1) }
    var scalar = normalize(s, w, ws)
    var active = .!scalar
    var pass = 0
    while pass <= maxIterations && any(active) {
      updateScoreCorrelations(w, ws)
      scalar .|= innerWeights(ws) .& active
      if pass == 0 {
        for i in 0..<p { ws.previous[i] = SIMD4(repeating: 1) }
      } else {
        for i in 0..<p { ws.previous[i] = w[i] }
      }
      outerUpdate(ws)
      scalar .|= normalize(s, w, ws) .& active
      active .&= .!scalar
      let stopped = change(w, ws.previous) .< SIMD4(repeating: tolerance)
      let finished = stopped .& active
      if any(finished) {
        for i in 0..<p { ws.final[i].replace(with: w[i], where: finished) }
        for k in 0..<Self.lanes where finished[k] {
          ws.outcomes[k].outcome = PLSKernel.Outcome(iterations: pass, converged: true)
        }
        active .&= .!finished
      }
      pass += 1
    }
    // Lanes still running reached the cap unconverged.
    if any(active) {
      for i in 0..<p { ws.final[i].replace(with: w[i], where: active) }
    }
    for k in 0..<Self.lanes {
      ws.outcomes[k].needsScalar = scalar[k]
      if active[k] {
        ws.outcomes[k].outcome = PLSKernel.Outcome(
          iterations: min(pass, maxIterations), converged: false)
      }
    }
    updateScoreCorrelations(ws.final, ws)
  }

  /// Scales each block to unit score variance (``PLSKernel/normalize(_:_:)``); the lanes whose
  /// variance is not positive and finite are returned (the scalar kernel throws there).
  private func normalize(
    _ s: UnsafePointer<SIMD4<Double>>, _ w: UnsafeMutablePointer<SIMD4<Double>>,
    _ ws: PLSLaneWorkspace
  ) -> Mask {
    let p = layout.p
    let starts = ws.blockStart
    var bad = Mask(repeating: false)
    for j in 0..<layout.J {
      let lower = starts[j]
      let upper = starts[j &+ 1]
      var q = SIMD4<Double>(repeating: 0)
      var col = lower
      while col < upper {
        let sc = s + col &* p
        var v = SIMD4<Double>(repeating: 0)
        var row = lower
        while row < upper {
          v += sc[row] * w[row]
          row &+= 1
        }
        q += v * w[col]
        col &+= 1
      }
      bad .|= .!(q .> 0) .| .!Self.isFinite(q)
      let scale = 1 / q.squareRoot()
      for i in lower..<upper { w[i] *= scale }
    }
    return bad
  }

  /// `C = S W` and `R = Wᵀ C` from the weights `w` (``PLSKernel/updateScoreCorrelations(_:_:)``:
  /// the same sums in the same order).
  private func updateScoreCorrelations(
    _ w: UnsafePointer<SIMD4<Double>>, _ ws: PLSLaneWorkspace
  ) {
    let p = layout.p
    let J = layout.J
    let s = ws.s
    let c = ws.c
    let r = ws.r
    let starts = ws.blockStart
    for k in 0..<J {
      let l0 = starts[k]
      let l1 = starts[k &+ 1]
      let ck = c + k &* p
      // Four rows at a time in registers (each row's sum in increasing l from 0.0, as the
      // scalar kernel adds them), then the remaining rows one by one.
      let zero = SIMD4<Double>(repeating: 0)
      var i = 0
      while i &+ 4 <= p {
        var a0 = zero
        var a1 = zero
        var a2 = zero
        var a3 = zero
        var l = l0
        while l < l1 {
          let wl = w[l]
          let column = s + (l &* p &+ i)
          a0 += column[0] * wl
          a1 += column[1] * wl
          a2 += column[2] * wl
          a3 += column[3] * wl
          l &+= 1
        }
        ck[i] = a0
        ck[i &+ 1] = a1
        ck[i &+ 2] = a2
        ck[i &+ 3] = a3
        i &+= 4
      }
      while i < p {
        var acc = zero
        var l = l0
        while l < l1 {
          acc += s[l &* p &+ i] * w[l]
          l &+= 1
        }
        ck[i] = acc
        i &+= 1
      }
      let rk = r + k &* J
      for j in 0..<J {
        var v = SIMD4<Double>(repeating: 0)
        var a = starts[j]
        let end = starts[j &+ 1]
        while a < end {
          v += w[a] * ck[a]
          a &+= 1
        }
        rk[j] = v
      }
      rk[k] = SIMD4(repeating: 1)
    }
  }

  /// The inner weights `E` (``PLSKernel``'s `innerWeights`); returns the lanes whose path-scheme
  /// regression failed the Cholesky pivot test.
  private func innerWeights(_ ws: PLSLaneWorkspace) -> Mask {
    let J = layout.J
    let r = ws.r
    let e = ws.e
    for k in 0..<(J &* J) { e[k] = SIMD4(repeating: 0) }
    var failed = Mask(repeating: false)
    for j in 0..<J {
      switch scheme {
      case .centroid, .factorial:
        for k in ws.neighbours(j) {
          let v = r[k &+ j &* J]
          if scheme == .factorial {
            e[k &+ j &* J] = v
          } else {
            var sign = SIMD4<Double>(repeating: 0)
            sign.replace(with: 1, where: v .> 0)
            sign.replace(with: -1, where: v .< 0)
            e[k &+ j &* J] = sign
          }
        }
      case .path:
        for k in ws.successors(j) { e[k &+ j &* J] = r[k &+ j &* J] }
        let preds = ws.predecessors(j)
        guard !preds.isEmpty else { continue }
        failed .|= regression(of: j, on: preds, ws)
        for (a, k) in preds.enumerated() { e[k &+ j &* J] = ws.rhs[a] }
      }
    }
    return failed
  }

  /// Solves `R_PP β = R_Pj` by Cholesky into `ws.rhs` (``PLSKernel/regression(of:on:r:ws:)``);
  /// returns the lanes whose factorisation failed.
  private func regression(
    of j: Int, on preds: UnsafeBufferPointer<Int>, _ ws: PLSLaneWorkspace
  ) -> Mask {
    let J = layout.J
    let m = preds.count
    let a = ws.system
    let b = ws.rhs
    let r = ws.r
    for (col, kc) in preds.enumerated() {
      for (row, kr) in preds.enumerated() { a[row &+ col &* m] = r[kr &+ kc &* J] }
      b[col] = r[kc &+ j &* J]
    }
    let failed = Self.factorize(a, n: m, relativeTolerance: 1e-10)
    Self.solve(factor: a, n: m, b)
    return failed
  }

  /// The outer update `w̃ⱼ = Cⱼ eⱼ` (Mode A) into `ws.weights`: per lane the sum over the k with
  /// `eₖⱼ ≠ 0` in increasing k, as the scalar kernel skips zero inner weights.
  private func outerUpdate(_ ws: PLSLaneWorkspace) {
    let p = layout.p
    let J = layout.J
    let c = ws.c
    let e = ws.e
    let w = ws.weights
    let starts = ws.blockStart
    let zero = SIMD4<Double>(repeating: 0)
    for j in 0..<J {
      let lower = starts[j]
      let upper = starts[j &+ 1]
      for i in lower..<upper { w[i] = zero }
      for k in ws.sortedNeighbours(j) {
        let ekj = e[k &+ j &* J]
        let skip = ekj .== zero
        let ck = c + k &* p
        for i in lower..<upper { w[i] += (ck[i] * ekj).replacing(with: zero, where: skip) }
      }
    }
  }

  /// The stop criterion's change per lane, as ``StopCriterion/change(_:_:count:)`` computes it
  /// (including Swift's `max`, which keeps its first argument when the second is NaN).
  private func change(
    _ new: UnsafePointer<SIMD4<Double>>, _ old: UnsafePointer<SIMD4<Double>>
  ) -> SIMD4<Double> {
    var result = SIMD4<Double>(repeating: 0)
    let count = layout.p
    switch stopCriterion {
    case .sumAbsoluteChange:
      for i in 0..<count { result += Self.magnitude(new[i] - old[i]) }
    case .maxAbsoluteChange:
      for i in 0..<count { result = Self.max(result, Self.magnitude(new[i] - old[i])) }
    case .sumSquaredChange:
      for i in 0..<count { result += (new[i] - old[i]) * (new[i] - old[i]) }
    case .maxRelativeChange:
      for i in 0..<count {
        result = Self.max(result, Self.magnitude((new[i] - old[i]) / old[i]))
      }
    }
    return result
  }

  /// Swift's `max(x, y)` per lane: `y >= x ? y : x`.
  @inline(__always)
  static func max(_ x: SIMD4<Double>, _ y: SIMD4<Double>) -> SIMD4<Double> {
    x.replacing(with: y, where: y .>= x)
  }

  /// `abs` per lane: the sign bit cleared, as `Double.magnitude` does.
  @inline(__always)
  static func magnitude(_ x: SIMD4<Double>) -> SIMD4<Double> {
    let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self) & SIMD4(repeating: ~(1 << 63))
    return unsafeBitCast(bits, to: SIMD4<Double>.self)
  }

  /// `x.isFinite` per lane.
  @inline(__always)
  static func isFinite(_ x: SIMD4<Double>) -> Mask {
    magnitude(x) .< SIMD4(repeating: .infinity)
  }

  /// ``SmallSPDSolver/factorize(_:n:relativeTolerance:)`` per lane (its loop form, which its
  /// straight-line sizes 1–4 equal bit for bit); returns the lanes that fail its pivot test
  /// (their factor is then unspecified).
  static func factorize(
    _ a: UnsafeMutablePointer<SIMD4<Double>>, n: Int, relativeTolerance: Double
  ) -> Mask {
    // Sizes 1–4 (the path scheme's predecessor systems) with the size a constant, so that the
    // inlined loops unroll into straight-line code: the same operations in the same order.
    switch n {
    case 1: return factorizeLoops(a, n: 1, relativeTolerance: relativeTolerance)
    case 2: return factorizeLoops(a, n: 2, relativeTolerance: relativeTolerance)
    case 3: return factorizeLoops(a, n: 3, relativeTolerance: relativeTolerance)
    case 4: return factorizeLoops(a, n: 4, relativeTolerance: relativeTolerance)
    default: return factorizeLoops(a, n: n, relativeTolerance: relativeTolerance)
    }
  }

  @inline(__always)
  private static func factorizeLoops(
    _ a: UnsafeMutablePointer<SIMD4<Double>>, n: Int, relativeTolerance: Double
  ) -> Mask {
    var failed = Mask(repeating: false)
    let tolerance = SIMD4<Double>(repeating: relativeTolerance)
    for j in 0..<n {
      let cj = a + j &* n
      let original = cj[j]
      for k in 0..<j {
        let ck = a + k &* n
        let ljk = ck[j]
        for i in j..<n { cj[i] -= ck[i] * ljk }
      }
      let d = cj[j]
      failed .|= .!(d .> tolerance * magnitude(original)) .| .!isFinite(d)
      let l = d.squareRoot()
      cj[j] = l
      let inverse = 1 / l
      var i = j &+ 1
      while i < n {
        cj[i] *= inverse
        i &+= 1
      }
    }
    return failed
  }

  /// ``SmallSPDSolver/solve(factor:n:_:)`` per lane (forward and back substitution).
  static func solve(
    factor l: UnsafePointer<SIMD4<Double>>, n: Int, _ b: UnsafeMutablePointer<SIMD4<Double>>
  ) {
    switch n {
    case 1: solveLoops(factor: l, n: 1, b)
    case 2: solveLoops(factor: l, n: 2, b)
    case 3: solveLoops(factor: l, n: 3, b)
    case 4: solveLoops(factor: l, n: 4, b)
    default: solveLoops(factor: l, n: n, b)
    }
  }

  @inline(__always)
  private static func solveLoops(
    factor l: UnsafePointer<SIMD4<Double>>, n: Int, _ b: UnsafeMutablePointer<SIMD4<Double>>
  ) {
    for i in 0..<n {
      var s = b[i]
      for k in 0..<i { s -= l[i &+ k &* n] * b[k] }
      b[i] = s / l[i &+ i &* n]
    }
    var i = n &- 1
    while i >= 0 {
      var s = b[i]
      var k = i &+ 1
      while k < n {
        s -= l[k &+ i &* n] * b[k]
        k &+= 1
      }
      b[i] = s / l[i &+ i &* n]
      i &-= 1
    }
  }
}

/// The buffers of ``PLSLaneKernel``, each element four lanes: the interleaved correlation
/// matrices, weights, `C`, `R`, the inner weights and the small systems, plus the layout's index
/// lists as raw buffers. Made once per evaluator; a run allocates nothing.
final class PLSLaneWorkspace: @unchecked Sendable {
  let p: Int
  let J: Int
  /// The four correlation matrices, element `i + l·p` holding `S[i, l]` of each lane.
  let s: UnsafeMutablePointer<SIMD4<Double>>
  /// The running weights (all lanes, including stopped ones, which go on changing here).
  let weights: UnsafeMutablePointer<SIMD4<Double>>
  let previous: UnsafeMutablePointer<SIMD4<Double>>
  /// Each lane's weights when it stopped: the result.
  let final: UnsafeMutablePointer<SIMD4<Double>>
  /// `C` (p × J) and `R` (J × J); after a run, those of the final weights.
  let c: UnsafeMutablePointer<SIMD4<Double>>
  let r: UnsafeMutablePointer<SIMD4<Double>>
  let e: UnsafeMutablePointer<SIMD4<Double>>
  let system: UnsafeMutablePointer<SIMD4<Double>>
  let rhs: UnsafeMutablePointer<SIMD4<Double>>
  /// Each lane's outcome after a run.
  var outcomes = [PLSLaneKernel.Lane](repeating: PLSLaneKernel.Lane(), count: PLSLaneKernel.lanes)
  let blockStart: UnsafeMutablePointer<Int>
  /// Index lists, each construct's at `offsets[j] ..< offsets[j + 1]` of its table.
  private let predecessorTable: UnsafeMutablePointer<Int>
  private let predecessorOffsets: UnsafeMutablePointer<Int>
  private let successorTable: UnsafeMutablePointer<Int>
  private let successorOffsets: UnsafeMutablePointer<Int>
  /// Predecessors then successors, as the centroid and factorial schemes visit them.
  private let neighbourTable: UnsafeMutablePointer<Int>
  private let neighbourOffsets: UnsafeMutablePointer<Int>
  /// The same, in increasing index, as the outer update sums them.
  private let sortedTable: UnsafeMutablePointer<Int>
  private let sortedOffsets: UnsafeMutablePointer<Int>
  private var buffers: [UnsafeMutablePointer<SIMD4<Double>>] = []
  private var tables: [UnsafeMutablePointer<Int>] = []

  init(layout: ModelLayout) {
    p = layout.p
    J = layout.J
    let maxSystem = Swift.max(J, 1)
    func vectors(_ count: Int) -> UnsafeMutablePointer<SIMD4<Double>> {
      let pointer = UnsafeMutablePointer<SIMD4<Double>>.allocate(capacity: Swift.max(count, 1))
      pointer.initialize(repeating: SIMD4(repeating: 0), count: Swift.max(count, 1))
      return pointer
    }
    func integers(_ values: [Int]) -> UnsafeMutablePointer<Int> {
      let pointer = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(values.count, 1))
      pointer.initialize(repeating: 0, count: Swift.max(values.count, 1))
      for (k, v) in values.enumerated() { pointer[k] = v }
      return pointer
    }
    func offsets(_ lists: [[Int]]) -> [Int] {
      var result = [0]
      for list in lists { result.append(result[result.count - 1] + list.count) }
      return result
    }
    s = vectors(p * p)
    weights = vectors(p)
    previous = vectors(p)
    final = vectors(p)
    c = vectors(p * J)
    r = vectors(J * J)
    e = vectors(J * J)
    system = vectors(maxSystem * maxSystem)
    rhs = vectors(maxSystem)
    buffers = [s, weights, previous, final, c, r, e, system, rhs]
    let neighbours = (0..<J).map { layout.predecessors[$0] + layout.successors[$0] }
    blockStart = integers(layout.blockStart)
    predecessorTable = integers(layout.predecessors.flatMap { $0 })
    predecessorOffsets = integers(offsets(layout.predecessors))
    successorTable = integers(layout.successors.flatMap { $0 })
    successorOffsets = integers(offsets(layout.successors))
    neighbourTable = integers(neighbours.flatMap { $0 })
    neighbourOffsets = integers(offsets(neighbours))
    let sorted = neighbours.map { Set($0).sorted() }
    sortedTable = integers(sorted.flatMap { $0 })
    sortedOffsets = integers(offsets(sorted))
    tables = [
      blockStart, predecessorTable, predecessorOffsets, successorTable, successorOffsets,
      neighbourTable, neighbourOffsets, sortedTable, sortedOffsets,
    ]
  }

  deinit {
    for pointer in buffers { pointer.deallocate() }
    for pointer in tables { pointer.deallocate() }
  }

  func predecessors(_ j: Int) -> UnsafeBufferPointer<Int> {
    list(predecessorTable, predecessorOffsets, j)
  }
  func successors(_ j: Int) -> UnsafeBufferPointer<Int> {
    list(successorTable, successorOffsets, j)
  }
  func neighbours(_ j: Int) -> UnsafeBufferPointer<Int> {
    list(neighbourTable, neighbourOffsets, j)
  }
  /// The distinct neighbours in increasing index.
  func sortedNeighbours(_ j: Int) -> UnsafeBufferPointer<Int> {
    list(sortedTable, sortedOffsets, j)
  }

  private func list(
    _ table: UnsafeMutablePointer<Int>, _ offsets: UnsafeMutablePointer<Int>, _ j: Int
  )
    -> UnsafeBufferPointer<Int>
  {
    UnsafeBufferPointer(start: table + offsets[j], count: offsets[j &+ 1] &- offsets[j])
  }

  /// Loads the p × p column-major correlation matrix at `matrix` into lane `lane`.
  func load(lane: Int, from matrix: UnsafePointer<Double>) {
    for k in 0..<(p * p) { s[k][lane] = matrix[k] }
  }

  /// Loads four p × p column-major correlation matrices, one per lane, in one pass.
  func load(
    _ m0: UnsafePointer<Double>, _ m1: UnsafePointer<Double>, _ m2: UnsafePointer<Double>,
    _ m3: UnsafePointer<Double>
  ) {
    for k in 0..<(p * p) { s[k] = SIMD4(m0[k], m1[k], m2[k], m3[k]) }
  }

  /// Copies lane `lane`'s final weights, `C` and `R` into a scalar workspace, where
  /// ``PLSKernel/run(correlation:workspace:)`` would have left them.
  func store(lane: Int, into ws: PLSWorkspace) {
    for i in 0..<p { ws.weights[i] = final[i][lane] }
    for k in 0..<(p * J) { ws.c[k] = c[k][lane] }
    for k in 0..<(J * J) { ws.r[k] = r[k][lane] }
  }
}
