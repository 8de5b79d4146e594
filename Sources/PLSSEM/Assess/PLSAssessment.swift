import LinearAlgebra

/// Which of the expensive assessment procedures to run. Both re-estimate the model many times
/// and are off by default, so that ``PLSAssessment/init(estimate:)`` stays fast.
public struct AssessmentOptions: Sendable, Codable, Equatable {
  /// Blindfolding Q² with this omission distance; nil skips it. Costs D re-estimations per
  /// endogenous construct (``Blindfolding``).
  public var blindfoldingOmissionDistance: Int?
  /// PLSpredict with these settings; nil skips it. Costs one re-estimation per fold
  /// (``PLSPredict``).
  public var plsPredict: PLSPredictSettings?

  public init(blindfoldingOmissionDistance: Int? = nil, plsPredict: PLSPredictSettings? = nil) {
    self.blindfoldingOmissionDistance = blindfoldingOmissionDistance
    self.plsPredict = plsPredict
  }

  /// Only the fast statistics (the default).
  public static let fast = AssessmentOptions()

  /// Everything with the usual settings: blindfolding with D = 7, PLSpredict with 10 folds.
  public static func complete(seed: UInt64 = 1) -> AssessmentOptions {
    AssessmentOptions(
      blindfoldingOmissionDistance: Blindfolding.defaultOmissionDistance,
      plsPredict: PLSPredictSettings(seed: seed))
  }
}

/// The quality criteria of an estimated model (the Assess stage): reliability, convergent and
/// discriminant validity, collinearity, effect sizes, overall fit, and — on request — predictive
/// relevance (blindfolding Q²) and out-of-sample prediction (PLSpredict). Each statistic's
/// formula and reference is on its own type.
///
/// Reliability, HTMT, HTMT2, Fornell–Larcker and the VIFs are read from the estimate's
/// ``PLSEstimate/statistics`` (computed there by the same function as every bootstrap
/// resample's statistics); f², model fit, Q² and PLSpredict are procedures of their own.
public struct PLSAssessment: Sendable {
  /// Reliability and AVE per construct, in declaration order.
  public let reliability: [ConstructReliability]
  /// HTMT and HTMT2 for every pair of constructs.
  public let heterotraitMonotrait: [HeterotraitMonotrait]
  /// The Fornell–Larcker table: √AVE on the diagonal, construct correlations elsewhere (J × J).
  public let fornellLarcker: Matrix
  /// Outer VIF per indicator.
  public let outerVIF: [IndicatorStatistic]
  /// Inner VIF per predictor of each endogenous construct.
  public let innerVIF: [PathStatistic]
  /// f² per structural path.
  public let fSquare: [PathStatistic]
  /// SRMR, d_ULS and d_G of the saturated and the estimated model (cheap: always computed).
  public let fit: ModelFit
  /// Blindfolding Q² per endogenous construct and indicator; nil unless requested in
  /// ``AssessmentOptions/blindfoldingOmissionDistance``.
  public let q2: Blindfolding?
  /// PLSpredict per endogenous indicator; nil unless requested in ``AssessmentOptions/plsPredict``.
  public let plsPredict: PLSPredict?
  /// The options the assessment ran with.
  public let options: AssessmentOptions

  /// Assesses `estimate` with the fast statistics. f² re-estimates the model once per path.
  public init(estimate: PLSEstimate) throws {
    try self.init(estimate: estimate, options: .fast)
  }

  /// Assesses `estimate`, running blindfolding and PLSpredict when `options` ask for them.
  ///
  /// - Throws: ``EstimationError`` (collinear blocks or predecessors, re-estimation failures in
  ///   f²), ``AssessmentError`` (invalid blindfolding or PLSpredict settings, failed folds or
  ///   rounds).
  public init(estimate: PLSEstimate, options: AssessmentOptions) throws {
    let layout = estimate.layout
    reliability = (0..<layout.J).map { ConstructReliability(estimate: estimate, construct: $0) }
    heterotraitMonotrait = HeterotraitMonotrait.all(estimate: estimate)
    var fl = estimate.constructCorrelations
    for j in 0..<layout.J { fl[j, j] = reliability[j].ave.squareRoot() }
    fornellLarcker = fl
    outerVIF = try Collinearity.outerVIF(estimate)
    innerVIF = try Collinearity.innerVIF(estimate)
    fSquare = try EffectSize.fSquare(estimate)
    fit = try ModelFit(estimate: estimate)
    q2 = try options.blindfoldingOmissionDistance.map {
      try Blindfolding(estimate: estimate, omissionDistance: $0)
    }
    plsPredict = try options.plsPredict.map { try PLSPredict(estimate: estimate, settings: $0) }
    self.options = options
  }
}
