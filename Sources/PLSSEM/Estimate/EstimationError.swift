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
  /// Consistent PLS: ρ_A of a corrected construct is not positive (or not finite), so its
  /// correction `1/√ρ_A` does not exist.
  case inadmissibleReliability(construct: String, rhoA: Double)
  /// Consistent PLS: a corrected construct correlation lies outside [−1, 1].
  case consistentCorrelationOutOfRange(row: String, column: String, value: Double)
  /// Consistent PLS: the corrected construct correlation matrix is not positive definite.
  case consistentCorrelationsNotPositiveDefinite(constructs: [String])

  public var description: String {
    switch self {
    case .tooFewObservations(let required, let available):
      return "too few observations: the model needs at least \(required), the data has \(available)"
    case .constantIndicator(let indicator, let construct):
      return
        "indicator '\(indicator)' of construct '\(construct)' is constant (zero variance); remove it from the model"
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
    case .inadmissibleReliability(let construct, let rhoA):
      return
        "consistent PLS: rho_A of construct '\(construct)' is \(rhoA), but the correction needs a positive value; its indicators do not behave as measures of one common factor (look for indicators that correlate negatively or not at all with the others of the block), so drop the offending indicator, model the block as a composite (<~), or estimate without --consistent"
    case .consistentCorrelationOutOfRange(let row, let column, let value):
      return
        "consistent PLS: the corrected correlation between '\(row)' and '\(column)' is \(value), outside [-1, 1] (rho_A of one or both is too low for their score correlation); the solution is inadmissible: check the two measurement models or estimate without --consistent"
    case .consistentCorrelationsNotPositiveDefinite(let constructs):
      return
        "consistent PLS: the corrected construct correlation matrix of \(constructs.joined(separator: ", ")) is not positive definite; the solution is inadmissible: check the measurement models (low rho_A) or estimate without --consistent"
    }
  }
}
