/// Summary statistics of one variable (an item or a construct score), missing values excluded.
///
/// With `x₁…xₙ` the non-missing values, `x̄` their mean and `m_k = (1/n) Σ (xᵢ − x̄)ᵏ` the
/// central sample moments:
///
/// - ``standardDeviation`` `s = √(Σ (xᵢ − x̄)² / (n − 1))` (numpy `std(ddof=1)`), nil for n < 2;
/// - ``median``: the middle value, or the mean of the two middle values (numpy `median`);
/// - ``skewness``: the adjusted Fisher–Pearson coefficient
///   `G₁ = √(n(n − 1)) / (n − 2) · m₃ / m₂^{3/2}`, as SPSS, SAS, Excel `SKEW` and
///   `scipy.stats.skew(bias=False)` report it; nil for n < 3;
/// - ``excessKurtosis``: the adjusted `G₂ = [(n² − 1) m₄/m₂² − 3(n − 1)²] / ((n − 2)(n − 3))`,
///   as SPSS, SAS, Excel `KURT` and `scipy.stats.kurtosis(fisher=True, bias=False)`; 0 for a
///   normal population; nil for n < 4.
///
/// Both shape statistics are nil when the values are constant (scipy's rule:
/// `m₂ ≤ (ε · x̄)²` with ε the double-precision machine epsilon). Reference: Joanes, D. N. &
/// Gill, C. A. (1998), Comparing measures of sample skewness and kurtosis, *The Statistician*
/// 47(1), 183–189 (their `G₁` and `G₂`). scipy returns the *unadjusted* value where this type
/// returns nil for small n.
public struct Descriptives: Sendable, Equatable, Codable {
  /// The item or construct id.
  public var name: String
  /// The number of non-missing values.
  public var n: Int
  /// The number of missing values.
  public var missing: Int
  /// The arithmetic mean; nil when n = 0.
  public var mean: Double?
  /// The sample standard deviation (denominator n − 1); nil when n < 2.
  public var standardDeviation: Double?
  /// The median; nil when n = 0.
  public var median: Double?
  /// The smallest value; nil when n = 0.
  public var minimum: Double?
  /// The largest value; nil when n = 0.
  public var maximum: Double?
  /// The adjusted Fisher–Pearson skewness G₁; nil when n < 3 or the values are constant.
  public var skewness: Double?
  /// The adjusted excess kurtosis G₂; nil when n < 4 or the values are constant.
  public var excessKurtosis: Double?
  /// For items: how many answers fell on each scale point, index 0 for point 1; nil for constructs.
  public var distribution: [Int]?
  /// For items: non-missing values that are not whole scale points (e.g. 3.5); nil for constructs.
  public var offScale: Int?

  /// The statistics of `values`, treating NaN as missing.
  ///
  /// - Parameters:
  ///   - name: the item or construct the statistics describe.
  ///   - values: the answers or scores, NaN for missing.
  ///   - scalePoints: for items, the number of scale points, to count the distribution.
  public init(name: String, values: some Collection<Double>, scalePoints: Int? = nil) {
    self.name = name
    let present = values.filter { !$0.isNaN }
    let n = present.count
    self.n = n
    missing = values.count - n
    if let points = scalePoints {
      var counts = Array(repeating: 0, count: max(points, 0))
      var other = 0
      for value in present {
        if value == value.rounded(), value >= 1, value <= Double(points) {
          counts[Int(value) - 1] += 1
        } else {
          other += 1
        }
      }
      distribution = counts
      offScale = other
    }
    guard n > 0 else { return }
    let sorted = present.sorted()
    minimum = sorted.first
    maximum = sorted.last
    median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    let count = Double(n)
    let average = present.reduce(0, +) / count
    mean = average
    var sum2 = 0.0
    var sum3 = 0.0
    var sum4 = 0.0
    for value in present {
      let d = value - average
      let d2 = d * d
      sum2 += d2
      sum3 += d2 * d
      sum4 += d2 * d2
    }
    if n >= 2 { standardDeviation = (sum2 / (count - 1)).squareRoot() }
    let m2 = sum2 / count
    let m3 = sum3 / count
    let m4 = sum4 / count
    let epsilon = Double.ulpOfOne
    guard m2 > (epsilon * average) * (epsilon * average), m2 > 0 else { return }
    if n >= 3 {
      skewness = ((count - 1) * count).squareRoot() / (count - 2) * m3 / (m2 * m2.squareRoot())
    }
    if n >= 4 {
      excessKurtosis =
        1 / (count - 2) / (count - 3)
        * ((count * count - 1) * m4 / (m2 * m2) - 3 * (count - 1) * (count - 1))
    }
  }
}
