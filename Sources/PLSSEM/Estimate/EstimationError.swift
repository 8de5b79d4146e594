/// Problems found while estimating a model on data; each names the construct or indicator.
public enum EstimationError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Fewer observations than the computation needs.
  case tooFewObservations(required: Int, available: Int)
  /// An indicator with zero variance after missing-value treatment.
  case constantIndicator(indicator: String, construct: String)
  /// A Mode B block whose indicators are (nearly) collinear.
  case collinearBlock(construct: String)
  /// The predecessors of an endogenous construct are (nearly) collinear.
  case collinearPredecessors(construct: String, predecessors: [String])
  /// A construct's scores have zero variance (its weights collapsed).
  case degenerateConstruct(construct: String)
  /// A settings value outside its domain.
  case invalidSetting(String)
  /// An infinite value in the data handed to the algorithm (`row`: the 1-based observation).
  case nonFiniteData(indicator: String, row: Int)

  public var description: String {
    switch self {
    case .tooFewObservations(let required, let available):
      return "too few observations: the model needs at least \(required), the data has \(available)"
    case .constantIndicator(let indicator, let construct):
      return "indicator '\(indicator)' of construct '\(construct)' is constant (zero variance); remove it from the model"
    case .collinearBlock(let construct):
      return
        "the indicators of Mode B construct '\(construct)' are collinear (their correlation matrix is singular); drop a redundant indicator or use Mode A (=~)"
    case .collinearPredecessors(let construct, let predecessors):
      return
        "the predecessors of '\(construct)' (\(predecessors.joined(separator: ", "))) are collinear; their scores' correlation matrix is singular"
    case .degenerateConstruct(let construct):
      return "the scores of construct '\(construct)' have zero variance"
    case .invalidSetting(let message):
      return message
    case .nonFiniteData(let indicator, let row):
      return "indicator '\(indicator)' has a non-finite value in row \(row)"
    }
  }
}
