import Foundation
import LinearAlgebra

/// MICOM's statistics (Henseler, Ringle & Sarstedt 2016) from the pooled estimate: step 2's c
/// from two groups' weights on the pooled indicator correlations, and step 3's mean and
/// variance of the pooled scores over a group's rows. One definition for the original values
/// and every permutation's.
struct MICOMStatistics: Sendable {
  /// The pooled indicators' correlations (p × p).
  let correlation: Matrix
  /// The pooled estimate's construct scores (n × J), from indicators z-standardised on the
  /// pooled rows.
  let scores: Matrix
  /// The indicators of each block.
  let blocks: [[Int]]

  init(pooled: PLSEstimate) {
    let layout = pooled.layout
    correlation = pooled.prepared.correlation
    scores = pooled.scores
    blocks = (0..<layout.J).map { j in (0..<layout.p).filter { layout.blockOf[$0] == j } }
  }

  /// Step 2: `c = w₁ᵀ S w₂ / √(w₁ᵀ S w₁ · w₂ᵀ S w₂)` over block `construct`, the correlation of
  /// `Z w₁` and `Z w₂` for the pooled z-standardised indicators Z with correlations S.
  func composition(_ w1: (Int) -> Double, _ w2: (Int) -> Double, construct j: Int) -> Double {
    var s12 = 0.0
    var s11 = 0.0
    var s22 = 0.0
    for i in blocks[j] {
      for k in blocks[j] {
        let r = correlation[i, k]
        s12 += w1(i) * r * w2(k)
        s11 += w1(i) * r * w1(k)
        s22 += w2(i) * r * w2(k)
      }
    }
    return s12 / (s11 * s22).squareRoot()
  }

  /// Step 3: the mean and variance (n − 1) of construct `j`'s pooled scores over `rows[0..<count]`.
  func moments(_ rows: UnsafePointer<Int>, _ count: Int, construct j: Int) -> (
    mean: Double, variance: Double
  ) {
    var sum = 0.0
    for k in 0..<count { sum += scores[rows[k], j] }
    let mean = sum / Double(count)
    var squares = 0.0
    for k in 0..<count {
      let d = scores[rows[k], j] - mean
      squares += d * d
    }
    return (mean, squares / Double(count - 1))
  }

  /// The original statistics for pair `(a, b)` and construct `j`: c from the groups' weights,
  /// the mean difference and the log variance ratio from the groups' rows.
  func original(
    _ estimates: [PLSEstimate], groups: [GroupSplit.Group], pair: (Int, Int), construct j: Int
  )
    -> [Double]
  {
    let c = composition(
      { estimates[pair.0].weights[$0] }, { estimates[pair.1].weights[$0] }, construct: j)
    let m = [pair.0, pair.1].map { g in
      groups[g].rows.withUnsafeBufferPointer { rows -> (mean: Double, variance: Double) in
        guard let base = rows.baseAddress else { return (.nan, .nan) }
        return moments(base, rows.count, construct: j)
      }
    }
    return [c, m[0].mean - m[1].mean, log(m[0].variance) - log(m[1].variance)]
  }
}

/// Per-worker tallies of MICOM's permutation statistics: counts and bounded heaps of the
/// smallest and largest values (``MICOMState``), in memory allocated once, so a permutation
/// allocates nothing. Each worker writes only its own part; ``state(_:)`` combines them, and the
/// result does not depend on which worker saw which permutation.
final class MICOMTallies: @unchecked Sendable {
  let workers: Int
  /// Tallies per worker (pairs · J · 3).
  let width: Int
  let compositionTail: Int
  let momentTail: Int
  /// The original values, one per tally.
  let original: [Double]
  private let valid: UnsafeMutablePointer<Int>
  private let extreme: UnsafeMutablePointer<Int>
  private let lowerCount: UnsafeMutablePointer<Int>
  private let upperCount: UnsafeMutablePointer<Int>
  /// Heaps, `tail` slots per (worker, tally): a max-heap of the smallest values, a min-heap of
  /// the largest.
  private let lower: UnsafeMutablePointer<Double>
  private let upper: UnsafeMutablePointer<Double>
  private let tail: Int

  init(workers: Int, original: [Double], permutations: Int) {
    self.workers = workers
    self.original = original
    width = original.count
    compositionTail = MICOMState.tailSize(permutations: permutations, level: MICOM.alpha)
    momentTail = MICOMState.tailSize(permutations: permutations, level: MICOM.alpha / 2)
    tail = max(compositionTail, momentTail)
    let cells = max(workers * width, 1)
    valid = .allocate(capacity: cells)
    extreme = .allocate(capacity: cells)
    lowerCount = .allocate(capacity: cells)
    upperCount = .allocate(capacity: cells)
    for buffer in [valid, extreme, lowerCount, upperCount] {
      buffer.initialize(repeating: 0, count: cells)
    }
    lower = .allocate(capacity: cells * tail)
    lower.initialize(repeating: 0, count: cells * tail)
    upper = .allocate(capacity: cells * tail)
    upper.initialize(repeating: 0, count: cells * tail)
  }

  deinit {
    for buffer in [valid, extreme, lowerCount, upperCount] { buffer.deallocate() }
    lower.deallocate()
    upper.deallocate()
  }

  /// The relative margin within which a permuted value counts as equal to the original one.
  /// With discrete items (a single-item construct's scores take few values) many permutations
  /// reproduce the original mean difference exactly in exact arithmetic, and rounding (sums over
  /// the rows in another order) would put each of them on either side at random; within
  /// 10⁻¹⁰ relative they count as ties, so as "at least as extreme".
  static let tie = 1e-10

  /// Adds `value` of tally `t` (NaN: nothing) for worker `worker`.
  func add(_ value: Double, tally t: Int, worker: Int) {
    guard !value.isNaN else { return }
    let cell = worker * width + t
    valid[cell] += 1
    let o = original[t]
    let statistic = t % 3
    if statistic == 0
      ? value <= o + Self.tie * max(1, abs(o)) : abs(value) >= abs(o) * (1 - Self.tie)
    {
      extreme[cell] += 1
    }
    let size = statistic == 0 ? compositionTail : momentTail
    Self.keep(value, heap: lower + cell * tail, count: &lowerCount[cell], size: size, below: true)
    if statistic != 0 {
      Self.keep(
        value, heap: upper + cell * tail, count: &upperCount[cell], size: size, below: false)
    }
  }

  /// Keeps `value` among the `size` smallest (`below`) or largest values of a binary heap whose
  /// root is the largest (or smallest) kept value.
  private static func keep(
    _ value: Double, heap: UnsafeMutablePointer<Double>, count: inout Int, size: Int, below: Bool
  ) {
    // `before(x, y)`: x belongs nearer the root than y.
    @inline(__always) func before(_ x: Double, _ y: Double) -> Bool { below ? x > y : x < y }
    if count < size {
      var i = count
      heap[i] = value
      count += 1
      while i > 0 {
        let parent = (i - 1) / 2
        guard before(heap[i], heap[parent]) else { break }
        (heap[i], heap[parent]) = (heap[parent], heap[i])
        i = parent
      }
      return
    }
    guard size > 0, before(heap[0], value) else { return }
    heap[0] = value
    var i = 0
    while true {
      let left = 2 * i + 1
      guard left < count else { break }
      var child = left
      if left + 1 < count, before(heap[left + 1], heap[left]) { child = left + 1 }
      guard before(heap[child], heap[i]) else { break }
      (heap[i], heap[child]) = (heap[child], heap[i])
      i = child
    }
  }

  /// The workers' tallies combined, for the state of `permutations` permutations.
  func tallies() -> [MICOMState.Tally] {
    (0..<width).map { t in
      var tally = MICOMState.Tally()
      var lows: [Double] = []
      var highs: [Double] = []
      for w in 0..<workers {
        let cell = w * width + t
        tally.valid += valid[cell]
        tally.extreme += extreme[cell]
        lows += UnsafeBufferPointer(start: lower + cell * tail, count: lowerCount[cell])
        highs += UnsafeBufferPointer(start: upper + cell * tail, count: upperCount[cell])
      }
      let size = t % 3 == 0 ? compositionTail : momentTail
      tally.lower = Array(lows.sorted().prefix(size))
      tally.upper = Array(highs.sorted().suffix(size))
      return tally
    }
  }
}
