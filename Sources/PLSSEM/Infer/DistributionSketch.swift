/// A fixed-resolution, mergeable summary of each statistic's bootstrap distribution, used for
/// the interval limits when keeping every draw would exceed the exact-quantile budget
/// (``BootstrapSettings/exactQuantileBudget``). Counts are 64-bit integers, so merging sketches
/// of threads or shards is exact and independent of their order.
///
/// **Bins.** Each statistic has an *anchor* a (the median of the pilot: resamples 0 ..< 1,024,
/// which every shard computes identically) and a bin width `h = 2^s`, the power of two in
/// `(scale/1024, scale/512]` for the pilot's robust scale (IQR/1.349, type-7 quartiles; the pilot
/// SD when the IQR is 0; `|a|·2⁻²⁰` or 2⁻³⁰ when the pilot is constant). A draw x falls in the bin
/// of `d = x − a` by the magnitude `|d|`, on a log-linear scale with K = 12 bits:
///
/// - `|d| < 2^(s+12)` (within 4,096 bins, i.e. at least 4 robust scales, of the anchor): uniform
///   bins of width h;
/// - beyond: bins by binary exponent and the top 12 bits of the mantissa of `|d|` — each `2⁻¹²`
///   of its distance from the anchor wide (the same width as the uniform bins where they meet).
///
/// Every finite draw lands in a bin; none is clamped to a range. The 8,192 uniform bins of a
/// statistic are a dense array; the bins beyond are a sparse map (empty for ordinary
/// statistics; for heavy tails its size is at most the number of distinct bins hit).
///
/// **Error.** A quantile is interpolated within the bin that holds its order statistics, with
/// the exact minimum and maximum at the ends, so its error is below the width of that bin:
/// `max(h, |q − a|/4096)`. Since `h ≤ scale/512` and, by Cantelli's inequality, the
/// IQR/1.349 of any distribution is at most 2.57 SD, `h ≤ 0.005 SD`; and since a quantile of
/// level p ∈ [0.001, 0.999] lies within `SD/√0.001 + SD ≈ 32.6 SD` of the median (Chebyshev),
/// the log bins there are under `0.008 SD` wide. Hence every interval limit of level 0.001 …
/// 0.999 is within 0.01 bootstrap SD of the exact type-7 quantile, whatever the tails (tested on
/// heavy-tailed and skewed statistics in `BootstrapSketchTests`). The bias-correction counts of
/// BCa (draws below and equal to the estimate) are exact.
struct DistributionSketch: Sendable, Equatable {
  /// K: bits of the log-linear bin index; 2^K uniform bins each side of the anchor.
  static let linearBits = 12
  static let linearBins = 1 << linearBits
  /// Uniform bins per statistic (both sides of the anchor), stored densely.
  static let denseCount = 2 * linearBins
  /// The bin width is the power of two in (scale/2^(scaleBits+1), scale/2^scaleBits].
  static let scaleBits = 9
  /// Bounds of the width exponent s, so that `2^±s` and every bin edge stay normal doubles.
  static let widthExponentRange = -1000...1000
  /// The largest bin index a draw can have (exponent 1023, the smallest s): for validation.
  static let maximumIndex = linearBins * (2 + 1023 - widthExponentRange.lowerBound)
  /// The minimum of no draws (and, negated, their maximum): the largest finite double rather
  /// than infinity, so that the state of a shard that covers no resample still encodes as JSON.
  static let noMinimum = Double.greatestFiniteMagnitude

  /// Per statistic: the anchor (pilot median) and the exponent s of the bin width 2^s.
  var anchor: [Double]
  var widthExponent: [Int]
  /// Counts of the uniform bins: statistic k's bin of signed index i at
  /// `k * denseCount + linearBins + i`, for i in `-linearBins ..< linearBins`.
  var dense: [UInt64]
  /// Counts of the bins beyond the uniform ones, by signed bin index, per statistic.
  var overflow: [[Int: UInt64]]
  var minimum: [Double]
  var maximum: [Double]
  /// Draws strictly below / equal to the original estimate (for BCa's bias correction).
  var below: [Int]
  var equal: [Int]

  /// A sketch whose anchors and widths come from `pilot` (rows of m statistics, failures
  /// excluded).
  init(pilot: [[Double]], statistics m: Int) {
    anchor = Array(repeating: 0, count: m)
    widthExponent = Array(repeating: 0, count: m)
    for k in 0..<m {
      let values = pilot.map { $0[k] }.sorted()
      let (median, width) = Self.binning(sortedPilot: values)
      anchor[k] = median
      widthExponent[k] = width
    }
    dense = Array(repeating: 0, count: m * Self.denseCount)
    overflow = Array(repeating: [:], count: m)
    minimum = Array(repeating: Self.noMinimum, count: m)
    maximum = Array(repeating: -Self.noMinimum, count: m)
    below = Array(repeating: 0, count: m)
    equal = Array(repeating: 0, count: m)
  }

  /// The anchor and width exponent for a statistic's sorted pilot draws.
  static func binning(sortedPilot values: [Double]) -> (anchor: Double, widthExponent: Int) {
    guard !values.isEmpty else { return (0, -30 - scaleBits) }
    let median = TypeSevenQuantile.quantile(sorted: values, 0.5)
    var scale =
      (TypeSevenQuantile.quantile(sorted: values, 0.75)
        - TypeSevenQuantile.quantile(sorted: values, 0.25)) / 1.349
    if !(scale > 0), values.count > 1 {
      let mean = values.reduce(0, +) / Double(values.count)
      let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      scale = (ss / Double(values.count - 1)).squareRoot()
    }
    if !(scale > 0) || !scale.isFinite { scale = abs(median) * 0x1p-20 }
    if !(scale > 0) || !scale.isFinite { scale = 0x1p-30 }
    let s = Int(scale.exponent) - scaleBits
    return (
      median.isFinite ? median : 0,
      min(max(s, widthExponentRange.lowerBound), widthExponentRange.upperBound)
    )
  }

  var statistics: Int { anchor.count }

  /// The signed bin index of `x` for anchor `a` and width `2^s` (`scaleDown` = 2^−s):
  /// i ≥ 0 for `x ≥ a`, `−1 − i` below, where i is the index of `|x − a|`.
  @inline(__always)
  static func index(_ x: Double, anchor a: Double, widthExponent s: Int, scaleDown: Double) -> Int {
    var d = x - a
    if !d.isFinite { d = x > a ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude }
    let u = d.magnitude
    let i: Int
    if u == 0 {
      i = 0
    } else if Int(u.exponent) < s + linearBits {
      i = Int(u * scaleDown)  // exact: a power-of-two scaling, below 2^K
    } else {
      let mantissa = Int(u.significandBitPattern >> UInt64(Double.significandBitCount - linearBits))
      i = linearBins * (1 + Int(u.exponent) - s - linearBits) + mantissa
    }
    return d < 0 ? -1 - i : i
  }

  /// The range `[low, high)` of `|x − a|` covered by the unsigned bin index i ≥ 0.
  static func magnitudeRange(_ i: Int, widthExponent s: Int) -> (low: Double, high: Double) {
    if i < linearBins {
      let width = Double(sign: .plus, exponent: s, significand: 1)
      return (Double(i) * width, Double(i + 1) * width)
    }
    let level = (i - linearBins) / linearBins
    let mantissa = Double((i - linearBins) % linearBins)
    let e = s + linearBits + level
    let bins = Double(linearBins)
    return (
      Double(sign: .plus, exponent: e, significand: 1 + mantissa / bins),
      Double(sign: .plus, exponent: e, significand: 1 + (mantissa + 1) / bins)
    )
  }

  /// The range of x covered by statistic k's signed bin index.
  func valueRange(_ k: Int, index: Int) -> (low: Double, high: Double) {
    let a = anchor[k]
    if index >= 0 {
      let (low, high) = Self.magnitudeRange(index, widthExponent: widthExponent[k])
      return (a + low, a + high)
    }
    let (low, high) = Self.magnitudeRange(-1 - index, widthExponent: widthExponent[k])
    return (a - high, a - low)
  }

  /// Adds `count` draws of statistic `k` (one chunk's column). Column by column, so that the
  /// statistic's 64 KB of uniform bins stay in cache while its draws are counted.
  mutating func add(statistic k: Int, values x: UnsafePointer<Double>, count: Int, original: Double)
  {
    let a = anchor[k]
    let s = widthExponent[k]
    let scaleDown = Double(sign: .plus, exponent: -s, significand: 1)
    let half = Self.linearBins
    var minimum = self.minimum[k]
    var maximum = self.maximum[k]
    var below = 0
    var equal = 0
    // Moved out so that it is uniquely referenced while the dense bins are mutated.
    var spill = overflow[k]
    overflow[k] = [:]
    dense.withUnsafeMutableBufferPointer { dense in
      let center = k * Self.denseCount + half
      let limit = Double(half)
      for r in 0..<count {
        let v = x[r]
        // The uniform bins (nearly every draw): |x − a| / 2^s below 4,096. Exact: a
        // power-of-two scaling of the same difference `index` takes.
        let t = (v - a) * scaleDown
        let magnitude = t.magnitude
        if magnitude < limit {
          let i = Int(magnitude)
          dense[center + (v < a ? -1 - i : i)] += 1
        } else {
          spill[Self.index(v, anchor: a, widthExponent: s, scaleDown: scaleDown), default: 0] += 1
        }
        if v < minimum { minimum = v }
        if v > maximum { maximum = v }
        if v < original { below += 1 } else if v == original { equal += 1 }
      }
    }
    overflow[k] = spill
    self.minimum[k] = minimum
    self.maximum[k] = maximum
    self.below[k] += below
    self.equal[k] += equal
  }

  /// Adds the counts of `other` (same anchors and widths).
  mutating func merge(_ other: DistributionSketch) {
    for i in dense.indices { dense[i] += other.dense[i] }
    for k in anchor.indices {
      overflow[k].merge(other.overflow[k], uniquingKeysWith: +)
      minimum[k] = min(minimum[k], other.minimum[k])
      maximum[k] = max(maximum[k], other.maximum[k])
      below[k] += other.below[k]
      equal[k] += other.equal[k]
    }
  }

  /// Statistic k's nonzero bins in increasing order of value: (signed index, count).
  func bins(_ k: Int) -> [(index: Int, count: UInt64)] {
    let half = Self.linearBins
    let spill = overflow[k].sorted { $0.key < $1.key }
    var out = spill.filter { $0.key < -half }.map { (index: $0.key, count: $0.value) }
    let base = k * Self.denseCount
    for offset in 0..<Self.denseCount where dense[base + offset] > 0 {
      out.append((offset - half, dense[base + offset]))
    }
    out += spill.filter { $0.key >= half }.map { (index: $0.key, count: $0.value) }
    return out
  }

  /// The draws of statistic k counted in the sketch; −1 when a count exceeds 2^48 (impossible
  /// for a real run: a tampered state).
  func count(_ k: Int) -> Int {
    var total = 0
    for (_, c) in bins(k) {
      guard c <= 1 << 48 else { return -1 }
      total += Int(c)
    }
    return total
  }

  /// The approximate level-`p` type-7 quantile of statistic k's `total` draws: each order
  /// statistic is placed within its bin as if the bin's draws were evenly spread, the smallest
  /// and largest draws are exact.
  func quantile(_ k: Int, _ p: Double, total: Int) -> Double {
    guard total > 0 else { return .nan }
    let bins = self.bins(k)
    let (lower, upper, fraction) = TypeSevenQuantile.position(p, count: total)
    func orderStatistic(_ rank: Int) -> Double {
      if rank <= 0 { return minimum[k] }
      if rank >= total - 1 { return maximum[k] }
      var cumulative = 0
      for (index, c) in bins {
        let count = Int(c)
        if rank < cumulative + count {
          let (low, high) = valueRange(k, index: index)
          let position = (Double(rank - cumulative) + 0.5) / Double(count)
          let value = low + position * (high - low)
          return min(max(value, minimum[k]), maximum[k])
        }
        cumulative += count
      }
      return maximum[k]
    }
    let a = orderStatistic(lower)
    let b = upper == lower ? a : orderStatistic(upper)
    return TypeSevenQuantile.interpolate(a, b, fraction: fraction)
  }
}

extension DistributionSketch: Codable {
  private enum CodingKeys: String, CodingKey {
    case anchor, widthExponent, bins, minimum, maximum, below, equal
  }

  /// Encodes each statistic's nonzero bins as a flat list `[index, count, index, count, …]` in
  /// increasing order of index: most bins are empty, and shard files stay small.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(anchor, forKey: .anchor)
    try container.encode(widthExponent, forKey: .widthExponent)
    let flat: [[Int]] = (0..<statistics).map { k in
      bins(k).flatMap { [$0.index, Int($0.count)] }
    }
    try container.encode(flat, forKey: .bins)
    try container.encode(minimum, forKey: .minimum)
    try container.encode(maximum, forKey: .maximum)
    try container.encode(below, forKey: .below)
    try container.encode(equal, forKey: .equal)
  }

  /// Decodes and checks the shape (equal lengths, bin indices in range, no bin twice, counts
  /// positive and at most 2^48); the totals are checked against the resamples by the state.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func corrupt(_ what: String) -> DecodingError {
      .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: what))
    }
    anchor = try container.decode([Double].self, forKey: .anchor)
    widthExponent = try container.decode([Int].self, forKey: .widthExponent)
    minimum = try container.decode([Double].self, forKey: .minimum)
    maximum = try container.decode([Double].self, forKey: .maximum)
    below = try container.decode([Int].self, forKey: .below)
    equal = try container.decode([Int].self, forKey: .equal)
    let flat = try container.decode([[Int]].self, forKey: .bins)
    let m = anchor.count
    guard
      [widthExponent.count, minimum.count, maximum.count, below.count, equal.count, flat.count]
        .allSatisfy({ $0 == m })
    else { throw corrupt("the per-statistic lists differ in length") }
    guard widthExponent.allSatisfy(Self.widthExponentRange.contains),
      anchor.allSatisfy(\.isFinite)
    else { throw corrupt("a bin width or anchor out of range") }
    dense = Array(repeating: 0, count: m * Self.denseCount)
    overflow = Array(repeating: [:], count: m)
    let half = Self.linearBins
    let limit = 1 << 48
    for (k, list) in flat.enumerated() {
      guard list.count % 2 == 0 else { throw corrupt("a bin without its count") }
      var previous = Int.min
      for pair in stride(from: 0, to: list.count, by: 2) {
        let (index, count) = (list[pair], list[pair + 1])
        guard index > previous, index >= -1 - Self.maximumIndex, index <= Self.maximumIndex,
          count > 0, count <= limit
        else { throw corrupt("bad bin [\(index), \(count)]") }
        previous = index
        if index >= -half, index < half {
          dense[k * Self.denseCount + half + index] = UInt64(count)
        } else {
          overflow[k][index] = UInt64(count)
        }
      }
    }
  }
}
