import LinearAlgebra

/// The quality criteria of an estimated model (the Assess stage): reliability, convergent and
/// discriminant validity, collinearity and effect sizes. Each statistic's formula and reference
/// is on its own type.
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

  /// Assesses `estimate`. f² re-estimates the model once per path.
  public init(estimate: PLSEstimate) throws {
    let layout = estimate.layout
    reliability = (0..<layout.J).map { ConstructReliability(estimate: estimate, construct: $0) }
    heterotraitMonotrait = HeterotraitMonotrait.all(estimate: estimate)
    var fl = estimate.constructCorrelations
    for j in 0..<layout.J { fl[j, j] = reliability[j].ave.squareRoot() }
    fornellLarcker = fl
    outerVIF = try Collinearity.outerVIF(estimate)
    innerVIF = try Collinearity.innerVIF(estimate)
    fSquare = try EffectSize.fSquare(estimate)
  }
}
