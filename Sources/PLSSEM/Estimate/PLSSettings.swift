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
  /// How interaction terms are measured (two-stage by default); unused without them.
  public var interaction: InteractionMethod
  /// The scale of interaction terms' scores (seminr's by default); unused without them.
  public var interactionScale: InteractionScale
  /// How higher-order constructs are estimated (default: the disjoint two-stage approach).
  public var higherOrder: HigherOrderMethod = .twoStage
  /// The moderator levels, in standard deviations from its mean, at which the simple slopes of
  /// each interaction term are computed (``SimpleSlope``; default −1, 0, +1); unused without
  /// interaction terms.
  public var simpleSlopeLevels: [Double] = SimpleSlope.defaultLevels

  public init(
    scheme: InnerWeightingScheme = .path, maxIterations: Int = 300, tolerance: Double = 1e-7,
    stopCriterion: StopCriterion = .sumAbsoluteChange,
    missing: MissingValueTreatment = .meanReplacement,
    consistent: Bool = false, interaction: InteractionMethod = .twoStage,
    interactionScale: InteractionScale = .indicatorSD
  ) {
    self.scheme = scheme
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.stopCriterion = stopCriterion
    self.missing = missing
    self.consistent = consistent
    self.interaction = interaction
    self.interactionScale = interactionScale
  }

  private enum CodingKeys: String, CodingKey {
    case scheme, maxIterations, tolerance, stopCriterion, missing, consistent
    case interaction, interactionScale, higherOrder
    case simpleSlopeLevels
  }

  /// Decodes settings; those encoded before interaction terms (higher-order constructs)
  /// existed get the defaults.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    scheme = try c.decode(InnerWeightingScheme.self, forKey: .scheme)
    maxIterations = try c.decode(Int.self, forKey: .maxIterations)
    tolerance = try c.decode(Double.self, forKey: .tolerance)
    stopCriterion = try c.decode(StopCriterion.self, forKey: .stopCriterion)
    missing = try c.decode(MissingValueTreatment.self, forKey: .missing)
    consistent = try c.decode(Bool.self, forKey: .consistent)
    interaction = try c.decodeIfPresent(InteractionMethod.self, forKey: .interaction) ?? .twoStage
    interactionScale =
      try c.decodeIfPresent(InteractionScale.self, forKey: .interactionScale) ?? .indicatorSD
    higherOrder = try c.decodeIfPresent(HigherOrderMethod.self, forKey: .higherOrder) ?? .twoStage
    simpleSlopeLevels =
      try c.decodeIfPresent([Double].self, forKey: .simpleSlopeLevels) ?? SimpleSlope.defaultLevels
  }
}
