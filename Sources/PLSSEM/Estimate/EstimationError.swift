/// Problems found while estimating a model on data; each names the construct or indicator,
/// and — when thrown by ``PLSEstimator/estimate(_:data:)`` — the data set it was found in
/// (``DataTable/source``), so that a message reads e.g. "corp_rep.csv: indicator 'x3' of
/// construct 'B' is constant". The `source` of a case is nil where no data set is known (a
/// bootstrap resample, a test that builds the error).
public enum EstimationError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Fewer observations than the computation needs.
  case tooFewObservations(required: Int, available: Int, source: String? = nil)
  /// An indicator with zero variance after missing-value treatment.
  case constantIndicator(indicator: String, construct: String, source: String? = nil)
  /// A Mode B block whose indicators are (nearly) collinear.
  case collinearBlock(construct: String, source: String? = nil)
  /// The predecessors of an endogenous construct are (nearly) collinear.
  case collinearPredecessors(construct: String, predecessors: [String], source: String? = nil)
  /// A construct's scores have zero variance (its weights collapsed).
  case degenerateConstruct(construct: String, source: String? = nil)
  /// A settings value outside its domain.
  case invalidSetting(InvalidSettingValue)
  /// An infinite value in the data handed to the algorithm (`row`: the 1-based observation).
  case nonFiniteData(indicator: String, row: Int, source: String? = nil)
  /// Consistent PLS: ρ_A of a corrected construct is not positive (or not finite), so its
  /// correction `1/√ρ_A` does not exist.
  case inadmissibleReliability(construct: String, rhoA: Double, source: String? = nil)
  /// Consistent PLS: a corrected construct correlation lies outside [−1, 1].
  case consistentCorrelationOutOfRange(
    row: String, column: String, value: Double, source: String? = nil)
  /// Consistent PLS: the corrected construct correlation matrix is not positive definite.
  case consistentCorrelationsNotPositiveDefinite(constructs: [String], source: String? = nil)

  /// The data set the problem was found in, if known.
  public var source: String? {
    switch self {
    case .tooFewObservations(_, _, let s), .constantIndicator(_, _, let s),
      .collinearBlock(_, let s), .collinearPredecessors(_, _, let s),
      .degenerateConstruct(_, let s), .nonFiniteData(_, _, let s),
      .inadmissibleReliability(_, _, let s), .consistentCorrelationOutOfRange(_, _, _, let s),
      .consistentCorrelationsNotPositiveDefinite(_, let s):
      return s
    case .invalidSetting:
      return nil
    }
  }

  /// The same problem, found in the data set `source` (unless it already names one).
  public func naming(source: String) -> EstimationError {
    guard self.source == nil else { return self }
    switch self {
    case .tooFewObservations(let r, let a, _):
      return .tooFewObservations(required: r, available: a, source: source)
    case .constantIndicator(let i, let c, _):
      return .constantIndicator(indicator: i, construct: c, source: source)
    case .collinearBlock(let c, _): return .collinearBlock(construct: c, source: source)
    case .collinearPredecessors(let c, let p, _):
      return .collinearPredecessors(construct: c, predecessors: p, source: source)
    case .degenerateConstruct(let c, _): return .degenerateConstruct(construct: c, source: source)
    case .nonFiniteData(let i, let r, _):
      return .nonFiniteData(indicator: i, row: r, source: source)
    case .inadmissibleReliability(let c, let rho, _):
      return .inadmissibleReliability(construct: c, rhoA: rho, source: source)
    case .consistentCorrelationOutOfRange(let r, let c, let v, _):
      return .consistentCorrelationOutOfRange(row: r, column: c, value: v, source: source)
    case .consistentCorrelationsNotPositiveDefinite(let c, _):
      return .consistentCorrelationsNotPositiveDefinite(constructs: c, source: source)
    case .invalidSetting: return self
    }
  }

  /// The message in the library's words, prefixed by the data source when known.
  public var description: String { description(naming: \.description) }

  /// The message, with settings named by `name` (a front end passes its own option names).
  public func description(naming name: (SettingName) -> String) -> String {
    let withoutPLSc = "estimate without \(name(.consistent))"
    let text: String
    switch self {
    case .tooFewObservations(let required, let available, _):
      text = "too few observations: the model needs at least \(required), the data has \(available)"
    case .constantIndicator(let indicator, let construct, _):
      text =
        "indicator '\(indicator)' of construct '\(construct)' is constant (zero variance); remove it from the model"
    case .collinearBlock(let construct, _):
      text =
        "the indicators of Mode B construct '\(construct)' are collinear (their correlation matrix is singular); drop a redundant indicator or use Mode A (=~)"
    case .collinearPredecessors(let construct, let predecessors, _):
      text =
        "the predecessors of '\(construct)' (\(predecessors.joined(separator: ", "))) are collinear; their scores' correlation matrix is singular"
    case .degenerateConstruct(let construct, _):
      text = "the scores of construct '\(construct)' have zero variance"
    case .invalidSetting(let problem):
      text = problem.message(naming: name)
    case .nonFiniteData(let indicator, let row, _):
      text = "indicator '\(indicator)' has a non-finite value in row \(row)"
    case .inadmissibleReliability(let construct, let rhoA, _):
      text =
        "consistent PLS: rho_A of construct '\(construct)' is \(rhoA), but the correction needs a positive value; its indicators do not behave as measures of one common factor (look for indicators that correlate negatively or not at all with the others of the block), so drop the offending indicator, model the block as a composite (<~), or \(withoutPLSc)"
    case .consistentCorrelationOutOfRange(let row, let column, let value, _):
      text =
        "consistent PLS: the corrected correlation between '\(row)' and '\(column)' is \(value), outside [-1, 1] (rho_A of one or both is too low for their score correlation); the solution is inadmissible: check the two measurement models or \(withoutPLSc)"
    case .consistentCorrelationsNotPositiveDefinite(let constructs, _):
      text =
        "consistent PLS: the corrected construct correlation matrix of \(constructs.joined(separator: ", ")) is not positive definite; the solution is inadmissible: check the measurement models (low rho_A) or \(withoutPLSc)"
    }
    return source.map { "\($0): \(text)" } ?? text
  }
}
