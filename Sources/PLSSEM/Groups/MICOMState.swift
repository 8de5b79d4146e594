/// The mergeable state of MICOM's permutations (steps 2 and 3, Henseler, Ringle & Sarstedt 2016)
/// for the permutations a ``PermutationState`` covers: integer counts for the p-values and, for
/// the quantiles, only the order statistics they can need.
///
/// Per pair of groups and construct (pair by pair, constructs in model order) and per statistic
/// — c (step 2), the mean difference and the log variance ratio (step 3) — it holds how many
/// permutations gave a value (not NaN) and how many lay at or beyond the original one (c* ≤ c;
/// |d*| ≥ |d|). A type-7 quantile at level q of n ≤ N values reads the order statistics at
/// positions ⌊(n − 1) q⌋ and one above, so the state keeps, per statistic, only the
/// ``tailSize(permutations:level:)`` smallest values (c, whose 5 % quantile is one-sided) or the
/// smallest and the largest (step 3, 2.5 % and 97.5 %): about 5 % of the draws each, one `Double`
/// per kept draw, instead of every draw. Exact quantiles need these order statistics, so memory
/// grows with the permutations by 8 bytes × 0.05 × N per tail — 1/20 of keeping the draws.
///
/// Shards merge exactly: the k smallest of a union are the k smallest of the shards' k smallest,
/// and counts add, so a merged state equals the single run's bit for bit.
public struct MICOMState: Sendable, Codable, Equatable {
  /// One statistic's counts and kept order statistics, for one pair and construct.
  public struct Tally: Sendable, Codable, Equatable {
    /// Permutations whose statistic is a number.
    public var valid: Int
    /// Of those, how many lay at or beyond the original value (c* ≤ c; |d*| ≥ |d|).
    public var extreme: Int
    /// The smallest values, ascending (at most the tail size).
    public var lower: [Double]
    /// The largest values, ascending (at most the tail size; empty for c).
    public var upper: [Double]

    public init(valid: Int = 0, extreme: Int = 0, lower: [Double] = [], upper: [Double] = []) {
      self.valid = valid
      self.extreme = extreme
      self.lower = lower
      self.upper = upper
    }

    /// The type-7 quantile at `level` of the `valid` values, from the kept order statistics;
    /// NaN when there is no value, or when a needed order statistic is not kept.
    public func quantile(_ level: Double) -> Double {
      guard valid > 0 else { return .nan }
      let (a, b, fraction) = TypeSevenQuantile.position(level, count: valid)
      guard let x = orderStatistic(a), let y = orderStatistic(b) else { return .nan }
      return TypeSevenQuantile.interpolate(x, y, fraction: fraction)
    }

    /// The i-th smallest of the `valid` values (0-based), if kept.
    func orderStatistic(_ i: Int) -> Double? {
      if i < lower.count { return lower[i] }
      let fromTop = valid - 1 - i
      if fromTop >= 0, fromTop < upper.count { return upper[upper.count - 1 - fromTop] }
      return nil
    }

    /// The share of valid permutations at or beyond the original value.
    var p: Double { valid > 0 ? Double(extreme) / Double(valid) : .nan }

    /// Adds `other`'s permutations, keeping at most `size` values in each tail.
    mutating func merge(_ other: Tally, size: Int) {
      valid += other.valid
      extreme += other.extreme
      lower = Array((lower + other.lower).sorted().prefix(size))
      if !upper.isEmpty || !other.upper.isEmpty {
        upper = Array((upper + other.upper).sorted().suffix(size))
      }
    }
  }

  /// The statistics per pair and construct, in this order.
  public static let statistics = ["c", "meanDifference", "logVarianceRatio"]

  /// Permutations of the whole run (the tail sizes follow from it).
  public var permutations: Int
  /// The constructs, in model order.
  public var constructs: [String]
  /// Pairs of groups (in ``MultiGroupAnalysis`` order).
  public var pairs: Int
  /// Per pair, construct and statistic (``statistics`` order): `(q · J + j) · 3 + s`.
  public var tallies: [Tally]
  /// With kept draws: each covered permutation's statistics, `pairs · J · 3` a row in the
  /// tallies' order, NaN when the permutation failed.
  public var draws: [Double]?
  /// With kept draws: each covered permutation's order of the pooled rows (0-based; the first
  /// n₁ form group 1, the next n₂ group 2, …), n a row.
  public var rows: [Int]?

  /// How many of the smallest (or largest) of N permutations' values a type-7 quantile at
  /// `level` (or 1 − `level`) can read, with a margin of two for rounding:
  /// ⌈(N − 1) · min(level, 1 − level)⌉ + 3.
  public static func tailSize(permutations: Int, level: Double) -> Int {
    let q = min(level, 1 - level)
    return Int((Double(max(permutations - 1, 0)) * q).rounded(.up)) + 3
  }

  /// The tail size of step 2's c (its one-sided 5 % quantile).
  public var compositionTail: Int {
    Self.tailSize(permutations: permutations, level: MICOM.alpha)
  }
  /// The tail size of step 3's statistics (2.5 % and 97.5 %).
  public var momentTail: Int {
    Self.tailSize(permutations: permutations, level: MICOM.alpha / 2)
  }

  /// The tally of `statistic` (0: c, 1: mean difference, 2: log variance ratio) for pair `pair`
  /// and construct `construct`.
  public func tally(pair: Int, construct: Int, statistic: Int) -> Tally {
    tallies[(pair * constructs.count + construct) * 3 + statistic]
  }

  /// This state if it holds together for `covered` permutations; `source` names it.
  func validated(source: String, covered: Int, groups: Int, observations: Int)
    throws(BootstrapError) -> MICOMState
  {
    func refuse(_ reason: String) -> BootstrapError {
      .malformedShard(source: source, reason: "MICOM: \(reason)")
    }
    let width = pairs * constructs.count * 3
    guard pairs == groups * (groups - 1) / 2, tallies.count == width else {
      throw refuse("\(tallies.count) tallies for \(pairs) pairs × \(constructs.count) constructs")
    }
    for (t, tally) in tallies.enumerated() {
      let size = t % 3 == 0 ? compositionTail : momentTail
      guard tally.valid >= 0, tally.valid <= covered, tally.extreme >= 0,
        tally.extreme <= tally.valid, tally.lower.count <= min(size, tally.valid),
        tally.upper.count <= min(size, tally.valid), t % 3 != 0 || tally.upper.isEmpty,
        tally.lower.count == min(size, tally.valid),
        t % 3 == 0 || tally.upper.count == min(size, tally.valid),
        zip(tally.lower, tally.lower.dropFirst()).allSatisfy({ $0 <= $1 }),
        zip(tally.upper, tally.upper.dropFirst()).allSatisfy({ $0 <= $1 })
      else { throw refuse("the counts or kept values of statistic \(t) do not fit together") }
    }
    if let draws, draws.count != covered * width {
      throw refuse("\(draws.count) kept draws for \(covered) permutations")
    }
    if let rows, rows.count != covered * observations {
      throw refuse("\(rows.count) kept row indices for \(covered) permutations")
    }
    return self
  }

  /// Adds the state of the permutations that follow (the next shard's).
  mutating func append(_ other: MICOMState) {
    for t in tallies.indices {
      tallies[t].merge(other.tallies[t], size: t % 3 == 0 ? compositionTail : momentTail)
    }
    if let d = other.draws { draws?.append(contentsOf: d) }
    if let r = other.rows { rows?.append(contentsOf: r) }
  }
}
