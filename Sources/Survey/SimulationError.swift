/// A population model, threshold set or simulation request that cannot be used.
public enum SimulationError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The model has no constructs.
  case noConstructs
  /// A construct is listed twice.
  case duplicateConstruct(String)
  /// An item is listed twice.
  case duplicateItem(String)
  /// A path, correlation or indicator names a construct the model does not list.
  case unknownConstruct(String, in: String)
  /// The paths form a cycle through these constructs; the simulator needs a recursive model.
  case cycle([String])
  /// A coefficient, correlation or loading is not a finite number in its range.
  case invalidValue(String, value: Double)
  /// A correlation involves an endogenous construct (its correlations follow from the paths).
  case correlationOfEndogenous(String)
  /// The exogenous constructs' correlation matrix is not positive definite.
  case exogenousCorrelationsNotPositiveDefinite
  /// The paths into a construct explain all or more of its variance (R² ≥ 1).
  case nonPositiveResidualVariance(construct: String, rSquared: Double)
  /// The thresholds are not finite and strictly increasing.
  case invalidThresholds([Double])
  /// An item of the simulation is not in the codebook, or has a different scale size.
  case itemMismatch(item: String, message: String)
  /// Fewer than one respondent, or more than ``Simulator/maximumRespondents``, was requested.
  case invalidRespondentCount(Int)

  /// A message naming the construct, item or value.
  public var description: String {
    switch self {
    case .noConstructs: "population model: no constructs"
    case .duplicateConstruct(let name): "population model: construct \(name) is listed twice"
    case .duplicateItem(let item): "population model: item \(item) is listed twice"
    case .unknownConstruct(let name, let context):
      "population model: \(context) names unknown construct \(name)"
    case .cycle(let names):
      "population model: the paths form a cycle through \(names.joined(separator: ", "))"
    case .invalidValue(let what, let value): "population model: \(what) = \(value) is out of range"
    case .correlationOfEndogenous(let name):
      "population model: \(name) has incoming paths; correlations may only join exogenous constructs"
    case .exogenousCorrelationsNotPositiveDefinite:
      "population model: the correlations of the exogenous constructs are not positive definite"
    case .nonPositiveResidualVariance(let name, let r2):
      "population model: the paths into \(name) imply R² = \(r2), which leaves no disturbance variance"
    case .invalidThresholds(let values):
      "thresholds \(values) must be finite and strictly increasing"
    case .itemMismatch(let item, let message): "item \(item): \(message)"
    case .invalidRespondentCount(let n):
      "cannot simulate \(n) respondents (1 to \(Simulator.maximumRespondents) can be simulated)"
    }
  }
}
