/// One regression of the structural model: `outcome ~ predictor₁ + predictor₂ + …`.
public struct StructuralEquation: Sendable, Equatable, Codable {
  /// The endogenous construct.
  public var outcome: String
  /// The constructs with a path into ``outcome``.
  public var predictors: [String]

  /// The equation `outcome ~ predictors`.
  public init(_ outcome: String, _ predictors: [String]) {
    self.outcome = outcome
    self.predictors = predictors
  }

  /// The equation as a model-file line, `Y ~ X1 + X2`.
  public var modelLine: String { "\(outcome) ~ \(predictors.joined(separator: " + "))" }
}
