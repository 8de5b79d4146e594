/// Bootstrap inference for one statistic.
public struct StatisticInference: Sendable, Codable, Equatable {
  /// The estimate on the original sample.
  public var estimate: Double
  /// The mean of the bootstrap estimates.
  public var bootstrapMean: Double
  /// The bootstrap standard error (denominator B − 1).
  public var standardError: Double
  /// `estimate / standardError`.
  public var t: Double
  /// The two-sided p-value.
  public var p: Double
  /// Lower confidence limit.
  public var ciLower: Double
  /// Upper confidence limit.
  public var ciUpper: Double

  public init(
    estimate: Double, bootstrapMean: Double, standardError: Double, t: Double, p: Double,
    ciLower: Double,
    ciUpper: Double
  ) {
    self.estimate = estimate
    self.bootstrapMean = bootstrapMean
    self.standardError = standardError
    self.t = t
    self.p = p
    self.ciLower = ciLower
    self.ciUpper = ciUpper
  }
}
