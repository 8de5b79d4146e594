/// Problems found while assessing an estimated model (blindfolding, PLSpredict); each names the
/// setting or the step that failed.
public enum AssessmentError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The blindfolding omission distance is outside `2 ..< n`.
  case invalidOmissionDistance(distance: Int, observations: Int)
  /// The number of observations is a multiple of the omission distance, so every round would
  /// omit whole cases instead of a diagonal pattern (Hair et al. 2017: n/D must not be an
  /// integer).
  case omissionDistanceDividesObservations(distance: Int, observations: Int)
  /// The number of cross-validation folds is outside `2 ... n`.
  case invalidFoldCount(folds: Int, observations: Int)
  /// An explicit fold assignment does not fit the data.
  case invalidFoldAssignment(String)
  /// A re-estimation inside blindfolding or PLSpredict failed.
  case reestimationFailed(step: String, reason: String)
  /// A PLSpredict benchmark regression is singular (collinear exogenous indicators).
  case singularBenchmark(indicator: String, step: String)
  /// A procedure that does not support models with interaction terms yet (it would re-use
  /// generated indicators formed on the whole sample).
  case interactionTermsNotSupported(procedure: String)
  /// A procedure that does not support models with higher-order constructs yet (naming the
  /// first such construct and the method it was estimated with).
  case higherOrderNotSupported(procedure: String, construct: String, method: String)

  public var description: String {
    switch self {
    case .invalidOmissionDistance(let d, let n):
      return
        "the blindfolding omission distance must lie between 2 and n − 1 = \(n - 1) (got \(d)); 5 to 12 is usual, 7 the default"
    case .omissionDistanceDividesObservations(let d, let n):
      return
        "the number of observations (\(n)) is a multiple of the omission distance \(d), so blindfolding would omit whole cases; choose a distance that does not divide \(n) (e.g. \(Self.suggestion(n: n, from: d)))"
    case .invalidFoldCount(let k, let n):
      return
        "PLSpredict needs between 2 and n = \(n) folds (got \(k)); 10 is usual, n is leave-one-out"
    case .invalidFoldAssignment(let message):
      return "invalid fold assignment: \(message)"
    case .reestimationFailed(let step, let reason):
      return "re-estimating the model failed in \(step): \(reason)"
    case .interactionTermsNotSupported(let procedure):
      return "\(procedure) is not supported for models with interaction terms yet"
    case .higherOrderNotSupported(let procedure, let construct, let method):
      return
        "\(procedure) is not supported for models with higher-order constructs (such as '\(construct)', estimated \(method)) yet"
    case .singularBenchmark(let indicator, let step):
      return
        "the linear-model benchmark for indicator '\(indicator)' is singular in \(step) (its predictor indicators are collinear in the training data)"
    }
  }

  /// The nearest omission distance above `d` that does not divide `n`.
  private static func suggestion(n: Int, from d: Int) -> Int {
    var candidate = d + 1
    while candidate < n, n % candidate == 0 { candidate += 1 }
    return candidate
  }
}

extension PLSEstimate {
  /// Throws ``AssessmentError/higherOrderNotSupported(procedure:construct:method:)`` when this
  /// is the estimate of a model with higher-order constructs estimated by one of `methods`.
  func refuseHigherOrder(
    procedure: String, methods: Set<HigherOrderMethod> = Set(HigherOrderMethod.allCases)
  ) throws(AssessmentError) {
    guard let stages = higherOrder, methods.contains(stages.method),
      let first = stages.specified.higherOrderConstructs.first
    else { return }
    let method = stages.method == .twoStage ? "by the two-stage approach" : "by repeated indicators"
    throw .higherOrderNotSupported(procedure: procedure, construct: first.name, method: method)
  }
}

extension PLSEstimator {
  /// Re-estimates `model` on new values of its indicators (a blindfolding round, a PLSpredict
  /// training fold); a failure becomes ``AssessmentError/reestimationFailed(step:reason:)``
  /// naming `step`.
  func reestimate(_ model: PathModel, indicators: [String], columns: [[Double]], step: String)
    throws
    -> PLSEstimate
  {
    do {
      let table = try DataTable(columnNames: indicators, columns: columns, source: step)
      return try estimateUnnamed(model, data: table, families: Self.reestimationFamilies)
    } catch {
      throw AssessmentError.reestimationFailed(step: step, reason: "\(error)")
    }
  }
}
