import LinearAlgebra

/// Settings of the PLS algorithm. Defaults follow SmartPLS and seminr: path weighting, at most
/// 300 iterations, stop when the summed absolute weight change is below 1e-7, variances with
/// denominator n − 1, mean replacement of missing values.
public struct PLSSettings: Sendable, Codable, Equatable {
  /// The inner weighting scheme.
  public var scheme: InnerWeightingScheme
  /// The iteration cap.
  public var maxIterations: Int
  /// The tolerance of the stop criterion.
  public var tolerance: Double
  /// The form of the stop criterion.
  public var stopCriterion: StopCriterion
  /// The missing-value treatment applied before standardisation.
  public var missing: MissingValueTreatment
  /// Consistent PLS (PLSc, Dijkstra & Henseler 2015) for Mode A blocks.
  public var consistent: Bool

  public init(
    scheme: InnerWeightingScheme = .path, maxIterations: Int = 300, tolerance: Double = 1e-7,
    stopCriterion: StopCriterion = .sumAbsoluteChange,
    missing: MissingValueTreatment = .meanReplacement,
    consistent: Bool = false
  ) {
    self.scheme = scheme
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.stopCriterion = stopCriterion
    self.missing = missing
    self.consistent = consistent
  }
}
