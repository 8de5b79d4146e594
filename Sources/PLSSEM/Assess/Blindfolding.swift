import LinearAlgebra

/// The Stone–Geisser predictive relevance Q² of one endogenous construct (or of one of its
/// indicators) by blindfolding: `Q² = 1 − SSE/SSO` (Stone 1974; Geisser 1974), for two kinds
/// of prediction (Chin 1998; Hair, Hult, Ringle & Sarstedt 2017, ch. 6):
///
/// - **cross-validated redundancy** predicts an omitted value from the construct's
///   predecessors: `x̂ = λ · Σₕ βₕⱼ Yₕ` — the Q² that SmartPLS reports first and Hair et al.
///   recommend;
/// - **cross-validated communality** predicts it from the construct's own score: `x̂ = λ · Yⱼ`.
///
/// `SSO` is the sum of squares of the omitted values and `SSE` that of the prediction errors,
/// both in units of the indicator standardised on the full data with the population SD
/// (denominator n), so that `SSO = n × (number of indicators)` as SmartPLS prints it. Q² does not
/// depend on that choice. Q² > 0 indicates predictive relevance.
public struct PredictiveRelevance: Sendable, Codable, Equatable {
  /// The endogenous construct.
  public let construct: String
  /// The indicator; nil for the construct's total over all its indicators.
  public let indicator: String?
  /// Sum of squares of the observations (all omitted data points).
  public let sso: Double
  /// Sum of squared prediction errors of the cross-validated redundancy.
  public let sseRedundancy: Double
  /// Sum of squared prediction errors of the cross-validated communality.
  public let sseCommunality: Double
  /// `1 − SSE/SSO` of the cross-validated redundancy.
  public let q2Redundancy: Double
  /// `1 − SSE/SSO` of the cross-validated communality.
  public let q2Communality: Double

  init(
    construct: String, indicator: String?, sso: Double, sseRedundancy: Double,
    sseCommunality: Double
  ) {
    self.construct = construct
    self.indicator = indicator
    self.sso = sso
    self.sseRedundancy = sseRedundancy
    self.sseCommunality = sseCommunality
    q2Redundancy = 1 - sseRedundancy / sso
    q2Communality = 1 - sseCommunality / sso
  }
}

/// Q² by blindfolding (Stone 1974; Geisser 1974; Wold 1982; Chin 1998), following the procedure
/// of SmartPLS 3 as Hair, Hult, Ringle & Sarstedt (2017, *A Primer on PLS-SEM*, 2nd ed., ch. 6)
/// describe it. SmartPLS publishes no code, so each step is fixed here:
///
/// For every endogenous construct j (each separately) and omission distance D:
/// 1. The data points of j's indicators (n rows × K columns) are numbered down the rows of the
///    first indicator, then of the second, …: point (i, k) has number `i + n·k` (0-based).
///    Round d = 0 … D − 1 omits the points whose number is ≡ d (mod D). Because n is not a
///    multiple of D, the omitted rows shift from indicator to indicator: the diagonal pattern of
///    Hair et al., which never omits a whole case. (n divisible by D is therefore an error,
///    ``AssessmentError/omissionDistanceDividesObservations(distance:observations:)``; SmartPLS
///    warns.)
/// 2. Each omitted point is replaced by the mean of the remaining values of its indicator (mean
///    replacement), and the whole model is re-estimated with the estimate's settings (scheme,
///    stop rule, PLSc) on that data, which the estimation standardises as usual.
/// 3. With that round's loadings λ, path coefficients β and construct scores Y (standardised
///    units of the round's data), each omitted point gets the standardised predictions
///    `λₐ Σₕ βₕⱼ Yᵢₕ` (redundancy; h over j's predecessors) and `λₐ Yᵢⱼ` (communality), which are
///    turned back into the indicator's units with the round's mean and SD: `x̂ = m + s·ẑ`.
/// 4. Over all rounds every point has been omitted once:
///    `SSO = Σ ((x − x̄)/σ)²` and `SSE = Σ ((x − x̂)/σ)²`, with x̄ and σ the indicator's mean and
///    population SD on the full data; `Q² = 1 − SSE/SSO`, per indicator and per construct.
///
/// Documented edge cases: Q² is computed for every endogenous construct, Mode B included (Hair
/// et al. interpret it only for reflective ones); for a single-indicator construct the
/// communality prediction is the replaced mean itself, so its cross-validated communality is
/// about 0 (slightly negative); with PLSc the predictions use the consistent loadings and paths
/// with the (uncorrected) scores. A model without endogenous constructs yields no rows.
/// Rounds that hit the iteration cap are used as they are, like the estimate itself.
public struct Blindfolding: Sendable, Codable, Equatable {
  /// The omission distance D.
  public let omissionDistance: Int
  /// Per endogenous construct (declaration order): the construct total.
  public let constructs: [PredictiveRelevance]
  /// Per indicator of each endogenous construct.
  public let indicators: [PredictiveRelevance]

  /// The default omission distance, 7 (SmartPLS; Hair et al. 2017 recommend 5 to 12).
  public static let defaultOmissionDistance = 7

  /// Runs blindfolding on `estimate`: D re-estimations per endogenous construct.
  ///
  /// - Throws: ``AssessmentError/invalidOmissionDistance(distance:observations:)``,
  ///   ``AssessmentError/omissionDistanceDividesObservations(distance:observations:)``, and
  ///   ``AssessmentError/reestimationFailed(step:reason:)`` naming the construct and round;
  ///   ``AssessmentError/interactionTermsNotSupported(procedure:)`` and
  ///   ``AssessmentError/higherOrderNotSupported(procedure:construct:method:)`` for models
  ///   with interaction terms or higher-order constructs.
  public init(estimate: PLSEstimate, omissionDistance d: Int = Blindfolding.defaultOmissionDistance)
    throws
  {
    guard !estimate.model.hasInteractions else {
      throw AssessmentError.interactionTermsNotSupported(procedure: "blindfolding (Q²)")
    }
    // Omitted points would stay in the LOC scores (two-stage) or in the repeated copies.
    try estimate.refuseHigherOrder(procedure: "blindfolding (Q²)")
    let raw = estimate.prepared.raw
    let n = raw.rows
    guard d >= 2, d < n else {
      throw AssessmentError.invalidOmissionDistance(distance: d, observations: n)
    }
    guard n % d != 0 else {
      throw AssessmentError.omissionDistanceDividesObservations(distance: d, observations: n)
    }
    let layout = estimate.layout
    let estimator = PLSEstimator(settings: estimate.settings)
    let columns = (0..<layout.p).map { raw.column($0) }
    var constructRows: [PredictiveRelevance] = []
    var indicatorRows: [PredictiveRelevance] = []
    for j in layout.endogenous {
      let block = Array(layout.block(j))
      var sso = [Double](repeating: 0, count: block.count)
      var sseRedundancy = sso
      var sseCommunality = sso
      for (k, a) in block.enumerated() {
        let (mean, sd) = Self.meanAndPopulationSD(columns[a])
        for i in 0..<n { sso[k] += ((columns[a][i] - mean) / sd) * ((columns[a][i] - mean) / sd) }
      }
      for round in 0..<d {
        var roundColumns = columns
        var omitted: [[Int]] = []
        for (k, a) in block.enumerated() {
          let rows = (0..<n).filter { (($0 + n * k) % d) == round }
          omitted.append(rows)
          let kept = Set(rows)
          var sum = 0.0
          for i in 0..<n where !kept.contains(i) { sum += columns[a][i] }
          let mean = sum / Double(n - rows.count)
          for i in rows { roundColumns[a][i] = mean }
        }
        let step =
          "blindfolding round \(round + 1) of \(d) for construct '\(layout.constructNames[j])'"
        let roundEstimate = try estimator.reestimate(
          estimate.model, indicators: layout.indicatorNames, columns: roundColumns, step: step)
        let scores = roundEstimate.scores
        let loadings = roundEstimate.loadings
        let preds = layout.predecessors[j]
        for (k, a) in block.enumerated() {
          let (roundMean, roundSD) = Self.meanAndSampleSD(roundColumns[a])
          let sd = Self.meanAndPopulationSD(columns[a]).1
          for i in omitted[k] {
            var inner = 0.0
            for h in preds { inner += roundEstimate.pathCoefficients[h, j] * scores[i, h] }
            let redundancy = roundMean + roundSD * loadings[a] * inner
            let communality = roundMean + roundSD * loadings[a] * scores[i, j]
            let x = columns[a][i]
            sseRedundancy[k] += ((x - redundancy) / sd) * ((x - redundancy) / sd)
            sseCommunality[k] += ((x - communality) / sd) * ((x - communality) / sd)
          }
        }
      }
      let name = layout.constructNames[j]
      for (k, a) in block.enumerated() {
        indicatorRows.append(
          PredictiveRelevance(
            construct: name, indicator: layout.indicatorNames[a], sso: sso[k],
            sseRedundancy: sseRedundancy[k],
            sseCommunality: sseCommunality[k]))
      }
      constructRows.append(
        PredictiveRelevance(
          construct: name, indicator: nil, sso: sso.reduce(0, +),
          sseRedundancy: sseRedundancy.reduce(0, +),
          sseCommunality: sseCommunality.reduce(0, +)))
    }
    omissionDistance = d
    constructs = constructRows
    indicators = indicatorRows
  }

  static func meanAndPopulationSD(_ x: [Double]) -> (Double, Double) {
    let mean = x.reduce(0, +) / Double(x.count)
    let ss = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, (ss / Double(x.count)).squareRoot())
  }

  static func meanAndSampleSD(_ x: [Double]) -> (Double, Double) {
    let mean = x.reduce(0, +) / Double(x.count)
    let ss = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, (ss / Double(x.count - 1)).squareRoot())
  }
}
