/// Sample quantiles by Hyndman & Fan's (1996) definition 7, the default of R's `quantile()`
/// (and so of seminr and cSEM) and numpy's `method="linear"`: for sorted draws
/// x₁ ≤ … ≤ x_N and level p, with `h = 1 + (N − 1) p`,
/// `Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌈h⌉ − x_⌊h⌋)`, evaluated as R does, `(1 − f) x_⌊h⌋ + f x_⌈h⌉`.
///
/// Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages.
/// *The American Statistician* 50(4), 361–365.
enum TypeSevenQuantile {
  /// The 0-based positions of the two order statistics that define the level-`p` quantile of
  /// `count` draws, and the interpolation weight of the upper one. `p` is clamped to [0, 1].
  static func position(_ p: Double, count: Int) -> (lower: Int, upper: Int, fraction: Double) {
    let level = p.isNaN ? 0.5 : min(max(p, 0), 1)
    // R's arithmetic, 1-based: index = 1 + (n − 1) p, lo = ⌊index⌋, f = index − lo.
    let index = 1 + Double(max(count - 1, 0)) * level
    let floor = index.rounded(.down)
    let last = max(count - 1, 0)
    let lower = min(Int(floor) - 1, last)
    let upper = min(Int(index.rounded(.up)) - 1, last)
    return (lower, upper, index - floor)
  }

  /// Combines the two order statistics as R's `quantile.default` (type 7) does.
  static func interpolate(_ lower: Double, _ upper: Double, fraction: Double) -> Double {
    guard fraction > 0, upper != lower else { return lower }
    return (1 - fraction) * lower + fraction * upper
  }

  /// The level-`p` quantile of `sorted` (ascending, no NaN); NaN when empty.
  static func quantile(sorted: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let (lower, upper, fraction) = position(p, count: sorted.count)
    return interpolate(sorted[lower], sorted[upper], fraction: fraction)
  }

  /// The level-`p` quantile of `sorted` (ascending, no NaN); NaN when empty.
  static func quantile(sorted: [Double], _ p: Double) -> Double {
    sorted.withUnsafeBufferPointer { quantile(sorted: $0, p) }
  }

  /// The level-`p` quantile of `values` (no NaN, any order; NaN when empty), found by selection
  /// in O(n) instead of a sort: `values` is reordered (partially sorted) in place, and stays
  /// valid for further calls.
  static func quantile(selectingIn values: inout [Double], _ p: Double) -> Double {
    values.withUnsafeMutableBufferPointer {
      var selector = Selector($0)
      return selector.quantile(p)
    }
  }

  /// Type-7 quantiles of one sample by selection: each quantile costs O(n) (quickselect for
  /// its two order statistics), and every selection splits the sample for the next ones, which
  /// then search only between the nearest positions already placed.
  ///
  /// It works in place on a buffer it does not own (the caller keeps it alive), so finishing a
  /// bootstrap reuses one scratch buffer per thread.
  struct Selector {
    let values: UnsafeMutableBufferPointer<Double>
    /// Positions k whose element is in its sorted place, with everything before it no larger
    /// and everything after it no smaller; ascending.
    private var placed: [Int] = []

    init(_ values: UnsafeMutableBufferPointer<Double>) { self.values = values }

    /// The quantiles at `levels` (NaN for a level that is not a number; all NaN when empty).
    ///
    /// For a large sample, one pass over it per quantile: a systematic sample of up to 4,096
    /// values brackets each quantile's two order statistics (± 4 binomial SDs of its rank; the
    /// bracket ends are order statistics of the sample, found by selection), the pass counts the
    /// values below the bracket and collects those inside, and the two order statistics are
    /// selected among the collected few (Floyd & Rivest's idea, 1975). A bracket that misses (a rare sample) falls back to ``quantile(_:)``.
    /// Exact either way.
    mutating func quantiles(_ levels: [Double]) -> [Double] {
      let n = values.count
      guard n >= 8192 else { return levels.map { $0.isNaN ? .nan : quantile($0) } }
      let step = max(8, n / 4096)
      var sample: [Double] = []
      sample.reserveCapacity(n / step + 1)
      var i = step / 2
      while i < n {
        sample.append(values[i])
        i += step
      }
      let s = Double(sample.count)
      let count = sample.count
      // Per level: the bracket [low, high] of values, and the order statistics it must hold.
      // The bracket ends are order statistics of the sample, selected (one selector, each
      // selection narrowing the next) rather than sorted for.
      var brackets: [(low: Double, high: Double, lower: Int, upper: Int, fraction: Double)] = []
      sample.withUnsafeMutableBufferPointer { buffer in
        var selector = Selector(buffer)
        for p in levels where !p.isNaN {
          let (lower, upper, fraction) = position(p, count: n)
          let share = Double(lower) / Double(n - 1)
          let center = share * (s - 1)
          let margin = 4 * (s * share * (1 - share)).squareRoot() + 4
          let a = Int((center - margin).rounded(.down))
          let b = Int((center + margin).rounded(.up))
          let low = a <= 0 ? -Double.infinity : selector.orderStatistics(a).0
          let high = b >= count - 1 ? Double.infinity : selector.orderStatistics(b).0
          brackets.append((low, high, lower, upper, fraction))
        }
      }
      // Per bracket, one pass over the values (in cache after the first): those below it
      // counted in a register, those inside it collected.
      let b = brackets.count
      var below = [Int](repeating: 0, count: b)
      var inside = [[Double]](repeating: [], count: b)
      for j in 0..<b {
        let (low, high) = (brackets[j].low, brackets[j].high)
        var count = 0
        var collected: [Double] = []
        for x in values {
          if x < low {
            count += 1
          } else if x <= high {
            collected.append(x)
          }
        }
        below[j] = count
        inside[j] = collected
      }
      var results: [Double] = []
      var next = 0
      for p in levels {
        guard !p.isNaN else {
          results.append(.nan)
          continue
        }
        let bracket = brackets[next]
        let base = below[next]
        // Taken out of `inside` (not copied) and reordered in place.
        var collected: [Double] = []
        swap(&collected, &inside[next])
        next += 1
        guard bracket.lower >= base, bracket.upper < base + collected.count else {
          results.append(quantile(p))  // the sample missed: select in the whole
          continue
        }
        // The two order statistics by selection among the collected, not a sort of them.
        let (a, c) = collected.withUnsafeMutableBufferPointer { buffer in
          var selector = Selector(buffer)
          return selector.orderStatistics(bracket.lower - base)
        }
        results.append(
          interpolate(a, bracket.upper > bracket.lower ? c : a, fraction: bracket.fraction))
      }
      return results
    }

    /// The level-`p` quantile (NaN when empty).
    mutating func quantile(_ p: Double) -> Double {
      guard !values.isEmpty else { return .nan }
      let (lower, upper, fraction) = position(p, count: values.count)
      let (a, b) = orderStatistics(lower)
      return interpolate(a, upper > lower ? b : a, fraction: fraction)
    }

    /// The k-th and (k+1)-th smallest (0-based; the second is +∞ past the end).
    mutating func orderStatistics(_ k: Int) -> (Double, Double) {
      // The range to search: between the nearest placed positions around k.
      var low = 0
      var high = values.count
      for position in placed {
        if position < k {
          low = position + 1
        } else if position >= k + 2 {
          high = position
          break
        }
      }
      let boundary = high < values.count ? values[high] : Double.infinity
      let result = Self.selectPair(values, k, low: low, high: high, aboveRange: boundary)
      insertPlaced(k)
      if k + 1 < values.count { insertPlaced(k + 1) }
      return result
    }

    private mutating func insertPlaced(_ k: Int) {
      var i = placed.count
      while i > 0, placed[i - 1] > k { i -= 1 }
      if i > 0, placed[i - 1] == k { return }
      placed.insert(k, at: i)
    }

    /// The k-th and (k+1)-th smallest of `v`, searching `[low, high)` (which holds position k,
    /// everything before `low` being no larger and everything from `high` on no smaller, the
    /// smallest of those `aboveRange`). Quickselect with a median-of-three pivot and a
    /// three-way partition (ties cost nothing); a short or stubborn range is sorted. Leaves
    /// positions k and k + 1 in place.
    static func selectPair(
      _ v: UnsafeMutableBufferPointer<Double>, _ k: Int, low: Int, high: Int, aboveRange: Double
    ) -> (Double, Double) {
      var low = low
      var high = high
      var minRight = aboveRange  // the smallest element at or after `high`
      var budget = 2 * (Int.bitWidth - v.count.leadingZeroBitCount) + 8
      while high - low > 24, budget > 0 {
        budget -= 1
        let (a, b, c) = (v[low], v[low + (high - low) / 2], v[high - 1])
        let pivot = max(min(a, b), min(max(a, b), c))
        // [low, lt) < pivot, [lt, gt) == pivot, [gt, high) > pivot.
        var lt = low
        var i = low
        var gt = high
        while i < gt {
          let x = v[i]
          if x < pivot {
            v.swapAt(lt, i)
            lt += 1
            i += 1
          } else if x > pivot {
            gt -= 1
            v.swapAt(i, gt)
          } else {
            i += 1
          }
        }
        if k < lt {
          high = lt
          minRight = pivot
        } else if k >= gt {
          low = gt
        } else if k + 1 < gt {
          return (pivot, pivot)
        } else {
          // k is the last of the pivot's run: k + 1 is the smallest of [gt, high) — find it by
          // placing it (position gt) in the range that remains.
          let next =
            gt < high ? selectPair(v, gt, low: gt, high: high, aboveRange: minRight).0 : minRight
          return (pivot, next)
        }
      }
      var range = UnsafeMutableBufferPointer(rebasing: v[low..<high])
      range.sort()
      return (v[k], k + 1 < high ? v[k + 1] : minRight)
    }
  }
}
