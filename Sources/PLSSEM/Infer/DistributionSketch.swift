/// A fixed-memory summary of each statistic's bootstrap distribution, from which percentile
/// and BCa limits are read: a histogram of 8,192 equal bins per statistic, plus the exact
/// minimum, maximum, and counts below and equal to the original estimate.
///
/// **Why and how accurate.** Keeping every draw costs memory proportional to B; the sketch's
/// memory is independent of B, and its counts are integers, so merging sketches from threads
/// or shards is exact and order-free. The bin range of each statistic is fixed from the pilot
/// (the first chunk of resamples, b = 0 ..< 1,024, which every shard computes identically):
/// the pilot mean ± 8 pilot SDs, widened to cover the pilot's range by half its span again.
/// A quantile is interpolated linearly within its bin, so its error is below one bin width,
/// `≥ 16 SD / 8192 ≈ 0.002 SD` — some 15× smaller than the Monte Carlo error of a 2.5 % quantile
/// at B = 10⁶ (≈ 0.03 SD at B = 10⁴). A quantile that falls among draws outside the range
/// (never seen in the tests; it needs > 2.5 % of draws beyond 8 pilot SDs) is reported as the
/// exact minimum or maximum.
struct DistributionSketch: Sendable, Codable, Equatable {
  static let binCount = 8192
  /// The minimum of no draws (and, negated, their maximum): the largest finite double rather
  /// than infinity, so that the state of a shard that covers no resample still encodes as JSON
  /// (which has no infinity); every draw is finite, so merging is unaffected.
  static let noMinimum = Double.greatestFiniteMagnitude

  var lower: [Double]
  var width: [Double]
  /// `counts[k * binCount + bin]`.
  var counts: [UInt32]
  var under: [Int]
  var over: [Int]
  var minimum: [Double]
  var maximum: [Double]
  /// Draws strictly below / equal to the original estimate (for BCa's bias correction).
  var below: [Int]
  var equal: [Int]

  /// A sketch whose ranges come from `pilot` (rows of m statistics, failures excluded).
  init(pilot: [[Double]], statistics m: Int) {
    lower = Array(repeating: 0, count: m)
    width = Array(repeating: 0, count: m)
    for k in 0..<m {
      let values = pilot.map { $0[k] }
      let n = Double(max(values.count, 1))
      let mean = values.reduce(0, +) / n
      let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(n - 1, 1)).squareRoot()
      let low = values.min() ?? mean
      let high = values.max() ?? mean
      let span = high - low
      var lo = min(mean - 8 * sd, low - span / 2)
      var hi = max(mean + 8 * sd, high + span / 2)
      if !(hi - lo > 1e-12 * max(1, abs(mean))) {
        lo = mean - 1e-9 * max(1, abs(mean))
        hi = mean + 1e-9 * max(1, abs(mean))
      }
      lower[k] = lo
      width[k] = (hi - lo) / Double(Self.binCount)
    }
    counts = Array(repeating: 0, count: m * Self.binCount)
    under = Array(repeating: 0, count: m)
    over = Array(repeating: 0, count: m)
    minimum = Array(repeating: Self.noMinimum, count: m)
    maximum = Array(repeating: -Self.noMinimum, count: m)
    below = Array(repeating: 0, count: m)
    equal = Array(repeating: 0, count: m)
  }

  private enum CodingKeys: String, CodingKey {
    case lower, width, counts, under, over, minimum, maximum, below, equal
  }

  /// Encodes the histogram sparsely, as `[flat index, count]` pairs of its nonzero bins: most
  /// of the 8,192 bins per statistic are empty, and shard files stay small.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(lower, forKey: .lower)
    try container.encode(width, forKey: .width)
    var sparse: [[UInt64]] = []
    for (index, count) in counts.enumerated() where count > 0 {
      sparse.append([UInt64(index), UInt64(count)])
    }
    try container.encode(sparse, forKey: .counts)
    try container.encode(under, forKey: .under)
    try container.encode(over, forKey: .over)
    try container.encode(minimum, forKey: .minimum)
    try container.encode(maximum, forKey: .maximum)
    try container.encode(below, forKey: .below)
    try container.encode(equal, forKey: .equal)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    lower = try container.decode([Double].self, forKey: .lower)
    width = try container.decode([Double].self, forKey: .width)
    under = try container.decode([Int].self, forKey: .under)
    over = try container.decode([Int].self, forKey: .over)
    minimum = try container.decode([Double].self, forKey: .minimum)
    maximum = try container.decode([Double].self, forKey: .maximum)
    below = try container.decode([Int].self, forKey: .below)
    equal = try container.decode([Int].self, forKey: .equal)
    let m = lower.count
    guard width.count == m, under.count == m, over.count == m, minimum.count == m,
      maximum.count == m,
      below.count == m, equal.count == m
    else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "statistic counts differ"))
    }
    counts = Array(repeating: 0, count: m * Self.binCount)
    for pair in try container.decode([[UInt64]].self, forKey: .counts) {
      guard pair.count == 2, pair[0] < UInt64(counts.count), pair[1] <= UInt64(UInt32.max) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "bad histogram bin"))
      }
      counts[Int(pair[0])] = UInt32(pair[1])
    }
  }

  /// An empty sketch with the same ranges.
  func emptyCopy() -> DistributionSketch {
    var copy = self
    for k in copy.counts.indices { copy.counts[k] = 0 }
    for k in lower.indices {
      copy.under[k] = 0
      copy.over[k] = 0
      copy.minimum[k] = Self.noMinimum
      copy.maximum[k] = -Self.noMinimum
      copy.below[k] = 0
      copy.equal[k] = 0
    }
    return copy
  }

  /// Adds `count` draws of statistic `k` (one chunk's column). Column by column, so that the
  /// statistic's 32 KB of bins stay in cache while its draws are counted.
  mutating func add(statistic k: Int, values x: UnsafePointer<Double>, count: Int, original: Double)
  {
    let bins = Self.binCount
    let lower = self.lower[k]
    let inverseWidth = 1 / width[k]
    var under = 0
    var over = 0
    var minimum = self.minimum[k]
    var maximum = self.maximum[k]
    var below = 0
    var equal = 0
    counts.withUnsafeMutableBufferPointer { counts in
      let base = k * bins
      for r in 0..<count {
        let v = x[r]
        let position = (v - lower) * inverseWidth
        if position < 0 {
          under += 1
        } else if position >= Double(bins) {
          over += 1
        } else {
          counts[base + Int(position)] &+= 1
        }
        if v < minimum { minimum = v }
        if v > maximum { maximum = v }
        if v < original { below += 1 } else if v == original { equal += 1 }
      }
    }
    self.under[k] += under
    self.over[k] += over
    self.minimum[k] = minimum
    self.maximum[k] = maximum
    self.below[k] += below
    self.equal[k] += equal
  }

  /// Adds the counts of `other` (same ranges).
  mutating func merge(_ other: DistributionSketch) {
    for k in counts.indices { counts[k] &+= other.counts[k] }  // wraps as add(_:original:) does
    for k in lower.indices {
      under[k] += other.under[k]
      over[k] += other.over[k]
      minimum[k] = min(minimum[k], other.minimum[k])
      maximum[k] = max(maximum[k], other.maximum[k])
      below[k] += other.below[k]
      equal[k] += other.equal[k]
    }
  }

  /// The q-quantile of statistic k among `total` draws, interpolated within its bin.
  func quantile(_ k: Int, _ q: Double, total: Int) -> Double {
    let target = q * Double(total)
    var cumulative = Double(under[k])
    if target <= cumulative { return minimum[k] }
    let base = k * Self.binCount
    for bin in 0..<Self.binCount {
      let c = Double(counts[base + bin])
      if c > 0, target <= cumulative + c {
        let value = lower[k] + (Double(bin) + (target - cumulative) / c) * width[k]
        return min(max(value, minimum[k]), maximum[k])
      }
      cumulative += c
    }
    return maximum[k]
  }
}
