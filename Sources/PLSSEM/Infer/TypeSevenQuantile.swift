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
    guard !values.isEmpty else { return .nan }
    let (lower, upper, fraction) = position(p, count: values.count)
    return values.withUnsafeMutableBufferPointer { v in
      let a = select(v, lower)
      guard upper > lower else { return a }
      // After selecting `lower`, everything after it is at least as large: the next order
      // statistic is their minimum.
      var b = Double.infinity
      for i in (lower + 1)..<v.count where v[i] < b { b = v[i] }
      return interpolate(a, b, fraction: fraction)
    }
  }

  /// The k-th smallest (0-based) of `v`, by quickselect with a median-of-three pivot and a
  /// three-way partition (so ties cost nothing); falls back to sorting the remaining range when
  /// the partitions shrink too slowly. Leaves `v[k]` in place, smaller elements before it and
  /// larger or equal ones after it.
  static func select(_ v: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
    var low = 0
    var high = v.count  // the range [low, high) holds position k
    var budget = 2 * (Int.bitWidth - v.count.leadingZeroBitCount) + 8
    while high - low > 16 {
      budget -= 1
      if budget < 0 { break }
      let (a, b, c) = (v[low], v[low + (high - low) / 2], v[high - 1])
      let pivot = max(min(a, b), min(max(a, b), c))
      // Three-way partition: [low, lt) < pivot, [lt, gt) == pivot, [gt, high) > pivot.
      var lt = low
      var i = low
      var gt = high
      while i < gt {
        if v[i] < pivot {
          v.swapAt(lt, i)
          lt += 1
          i += 1
        } else if v[i] > pivot {
          gt -= 1
          v.swapAt(i, gt)
        } else {
          i += 1
        }
      }
      if k < lt {
        high = lt
      } else if k >= gt {
        low = gt
      } else {
        return v[k]
      }
    }
    // A short (or stubborn) range: sort it.
    var range = UnsafeMutableBufferPointer(rebasing: v[low..<high])
    range.sort()
    return v[k]
  }
}
