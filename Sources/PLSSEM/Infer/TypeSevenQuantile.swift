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
}
