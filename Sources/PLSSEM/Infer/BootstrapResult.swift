import LinearAlgebra

/// The result of a bootstrap: per statistic, the original estimate, bootstrap mean, standard
/// error, t, p and confidence interval, with the run's bookkeeping.
///
/// - SE: `√(Σ(θ*_b − θ̄*)² / (B − 1))` over the successful resamples.
/// - `t = θ̂ / SE`; two-sided `p = 2(1 − F(|t|))` with F Student's t on B − 1 degrees of freedom
///   (default) or the standard normal (``PValueDistribution``).
/// - Intervals by ``ConfidenceIntervalMethod`` read from the ``DistributionSketch``.
public struct BootstrapResult: Sendable {
  /// Resamples requested.
  public let resamples: Int
  /// Resamples that failed (singular, not converged) and were left out of every statistic.
  public let failed: Int
  /// The seed.
  public let seed: UInt64
  /// The generator's description.
  public let generator: String
  /// Settings of the run.
  public let settings: BootstrapSettings
  /// Inference per statistic.
  public let statistics: [StatisticKey: StatisticInference]
  /// The statistics in catalog order.
  public let keys: [StatisticKey]

  /// Finishes `state` into statistics. Throws when too many resamples failed or none succeeded.
  public init(state: BootstrapState, keys: [StatisticKey]) throws {
    let state = try state.validated()
    guard state.keys == keys.map(\.description) else {
      throw BootstrapError.incompatibleShards(
        "the bootstrap state holds other statistics than the model has")
    }
    let settings = state.settings
    let moments = state.foldedMoments()
    let succeeded = moments.count
    guard succeeded >= 2 else {
      throw BootstrapError.tooManyFailures(
        failed: state.failed, attempted: state.attempted, maximumShare: settings.maximumFailureShare
      )
    }
    if Double(state.failed) > settings.maximumFailureShare * Double(state.attempted) {
      throw BootstrapError.tooManyFailures(
        failed: state.failed, attempted: state.attempted, maximumShare: settings.maximumFailureShare
      )
    }
    let alpha = 1 - settings.level
    let zLow = try StandardNormal.quantile(alpha / 2)
    let zHigh = try StandardNormal.quantile(1 - alpha / 2)
    var statistics: [StatisticKey: StatisticInference] = [:]
    for (k, key) in keys.enumerated() {
      let estimate = state.original[k]
      let se = (moments.m2[k] / Double(succeeded - 1)).squareRoot()
      let t = estimate / se
      let tail: Double
      switch settings.pValues {
      case .studentT: tail = StudentT.survival(abs(t), degreesOfFreedom: Double(succeeded - 1))
      case .normal: tail = StandardNormal.survival(abs(t))
      }
      var lowQ = alpha / 2
      var highQ = 1 - alpha / 2
      if settings.confidenceInterval == .bca {
        let proportion =
          (Double(state.sketch.below[k]) + 0.5 * Double(state.sketch.equal[k])) / Double(succeeded)
        let clamped = min(max(proportion, 0.5 / Double(succeeded)), 1 - 0.5 / Double(succeeded))
        let z0 = try StandardNormal.quantile(clamped)
        let a = state.acceleration?[k] ?? 0
        lowQ = StandardNormal.cdf(z0 + (z0 + zLow) / (1 - a * (z0 + zLow)))
        highQ = StandardNormal.cdf(z0 + (z0 + zHigh) / (1 - a * (z0 + zHigh)))
      }
      statistics[key] = StatisticInference(
        estimate: estimate, bootstrapMean: moments.mean[k], standardError: se, t: t,
        p: se > 0 ? 2 * tail : .nan,
        ciLower: state.sketch.quantile(k, lowQ, total: succeeded),
        ciUpper: state.sketch.quantile(k, highQ, total: succeeded))
    }
    self.resamples = settings.resamples
    self.failed = state.failed
    self.seed = settings.seed
    self.generator = state.generator
    self.settings = settings
    self.statistics = statistics
    self.keys = keys
  }
}
