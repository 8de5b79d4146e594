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
  /// The solution is inadmissible (``Admissibility``) and the caller asked for an admissible
  /// one (``PLSEstimate/requireAdmissible()``, `--require-admissible`).
  case inadmissibleSolution(problems: [AdmissibilityProblem], source: String? = nil)

  /// The data set the problem was found in, if known.
  public var source: String? {
    switch self {
    case .tooFewObservations(_, _, let s), .constantIndicator(_, _, let s),
      .collinearBlock(_, let s), .collinearPredecessors(_, _, let s),
      .degenerateConstruct(_, let s), .nonFiniteData(_, _, let s),
      .inadmissibleSolution(_, let s):
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
    case .inadmissibleSolution(let problems, _):
      return .inadmissibleSolution(problems: problems, source: source)
    case .invalidSetting: return self
    }
  }

  /// The message in the library's words, prefixed by the data source when known.
  public var description: String { description(naming: \.description) }

  /// The message, with settings named by `name` (a front end passes its own option names).
  public func description(naming name: (SettingName) -> String) -> String {
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
    case .inadmissibleSolution(let problems, _):
      let list = problems.map { "\n  - \($0)" }.joined()
      text =
        "the solution is inadmissible (\(problems.count) problem\(problems.count == 1 ? "" : "s")), and an admissible one was required:\(list)"
    }
    return source.map { "\($0): \(text)" } ?? text
  }
}
