/// Bootstrap inference for one statistic.
///
/// A statistic that cannot vary — flagged fixed by construction (the loading and weight of a
/// single-item construct are exactly 1), or whose successful draws are all identical — has
/// ``standardError`` 0 and no ``t``, ``p`` or interval (`null` in JSON, empty in CSV, `n/a` in
/// tables): a test or interval of a constant says nothing.
public struct StatisticInference: Sendable, Codable, Equatable {
  /// The estimate on the original sample.
  public var estimate: Double
  /// The mean of the bootstrap estimates (the estimate itself when ``isConstant``).
  public var bootstrapMean: Double
  /// The bootstrap standard error `√(Σ(θ*_b − θ̄*)² / (B − 1))` over the successful resamples.
  public var standardError: Double
  /// The test behind ``t`` and ``p``; nil when none is reported (R², a constant statistic).
  public var test: HypothesisTest?
  /// `(estimate − test.nullValue) / standardError`.
  public var t: Double?
  /// The p-value of ``t`` for ``test``.
  public var p: Double?
  /// Lower confidence limit (percentile or BCa).
  public var ciLower: Double?
  /// Upper confidence limit (percentile or BCa).
  public var ciUpper: Double?
  /// For HTMT and HTMT2: the one-sided upper confidence limit, the `level` quantile of the draws
  /// (BCa-adjusted with BCa intervals), which is compared with 0.85 or 0.90 (Franke & Sarstedt
  /// 2019). Nil for other statistics.
  public var upperOneSided: Double?
  /// Whether the statistic cannot vary (fixed by construction, or every draw identical).
  public var isConstant: Bool

  public init(
    estimate: Double, bootstrapMean: Double, standardError: Double, test: HypothesisTest?,
    t: Double?, p: Double?, ciLower: Double?, ciUpper: Double?, upperOneSided: Double? = nil,
    isConstant: Bool = false
  ) {
    self.estimate = estimate
    self.bootstrapMean = bootstrapMean
    self.standardError = standardError
    self.test = test
    self.t = t
    self.p = p
    self.ciLower = ciLower
    self.ciUpper = ciUpper
    self.upperOneSided = upperOneSided
    self.isConstant = isConstant
  }

  /// The inference of a statistic that cannot vary: SE 0, no test, no interval.
  static func constant(_ value: Double) -> StatisticInference {
    StatisticInference(
      estimate: value, bootstrapMean: value, standardError: 0, test: nil, t: nil, p: nil,
      ciLower: nil, ciUpper: nil, isConstant: true)
  }
}
