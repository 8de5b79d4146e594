/// The lowest and highest answer an indicator's scale allows (e.g. 1 and 7 on a 7-point
/// Likert scale): what ``ImportancePerformance`` maps to 0 and 100.
public struct ScaleBounds: Sendable, Codable, Equatable, Hashable {
  /// The value mapped to 0.
  public var minimum: Double
  /// The value mapped to 100.
  public var maximum: Double

  public init(minimum: Double, maximum: Double) {
    self.minimum = minimum
    self.maximum = maximum
  }
}

/// Where an indicator's scale bounds came from.
public enum ScaleBoundsSource: String, Sendable, Codable, Equatable, Hashable {
  /// Given by the caller (a codebook's scale points, `--scale-min/--scale-max`).
  case given
  /// The lowest and highest value observed in the data (no bounds were given).
  case observed
}

/// Problems that keep an importance–performance map analysis from running; each names the
/// construct or indicator concerned.
public enum ImportancePerformanceError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The target is not a construct of the model.
  case unknownTarget(target: String, available: [String])
  /// The target has no predecessors, so nothing has an effect on it.
  case exogenousTarget(target: String, endogenous: [String])
  /// Scale bounds that are not finite or whose minimum is not below the maximum.
  case invalidBounds(indicator: String, bounds: ScaleBounds)
  /// A value of an indicator outside its scale bounds (`observation`: 1-based, among the
  /// observations used).
  case valueOutsideBounds(indicator: String, observation: Int, value: Double, bounds: ScaleBounds)
  /// The unstandardised weights of a block sum to (nearly) zero, so they cannot be normalised.
  case degenerateWeights(construct: String)
  /// The model has interaction terms, whose generated indicators have no scale to rescale.
  case interactionTermsNotSupported
  /// The model has higher-order constructs estimated by the two-stage approach, whose stage-2
  /// indicators (the LOC scores) have no questionnaire scale.
  case higherOrderTwoStageNotSupported(construct: String)

  public var description: String {
    switch self {
    case .unknownTarget(let target, let available):
      return
        "the IPMA target '\(target)' is not a construct of the model (constructs: \(available.joined(separator: ", ")))"
    case .exogenousTarget(let target, let endogenous):
      return
        "the IPMA target '\(target)' is exogenous (no construct has an effect on it); choose an endogenous construct: \(endogenous.joined(separator: ", "))"
    case .invalidBounds(let indicator, let bounds):
      return
        "the scale of indicator '\(indicator)' must have a finite minimum below its maximum (got \(bounds.minimum) to \(bounds.maximum))"
    case .valueOutsideBounds(let indicator, let observation, let value, let bounds):
      return
        "indicator '\(indicator)' has the value \(value) (observation \(observation)) outside its scale \(bounds.minimum) to \(bounds.maximum); give the questionnaire's scale bounds"
    case .degenerateWeights(let construct):
      return
        "the unstandardised outer weights of construct '\(construct)' sum to zero, so the IPMA cannot normalise them"
    case .interactionTermsNotSupported:
      return
        "the IPMA is not supported for models with interaction terms yet (their generated indicators have no questionnaire scale); estimate the model without them for the map"
    case .higherOrderTwoStageNotSupported(let construct):
      return
        "the IPMA is not supported for higher-order constructs estimated by the two-stage approach yet (the stage-2 indicators of '\(construct)' are LOC scores without a questionnaire scale); use --hoc repeated-indicators for the map"
    }
  }
}

/// Importance–performance map analysis (IPMA; Ringle & Sarstedt 2016, *Gain more insight from
/// your PLS-SEM results: the importance-performance map analysis*, Industrial Management & Data
/// Systems 116(9); Hair et al. 2024, *Advanced Issues in PLS-SEM*, ch. 5).
///
/// For a target construct T:
///
/// 1. Every indicator is rescaled to 0–100 from its scale bounds [a, b]:
///    `x̃ = 100 (x − a) / (b − a)`; without bounds the observed minimum and maximum are used
///    (``ScaleBoundsSource/observed``, with a note).
/// 2. Unstandardised outer weights: the standardised weight divided by the standard deviation
///    of the rescaled indicator (n − 1), normalised to sum 1 within each block:
///    `w̃ₖ = (wₖ / sd(x̃ₖ)) / Σ_{l ∈ block} (w_l / sd(x̃_l))`.
/// 3. Rescaled construct scores `Ỹⱼ = Σₖ w̃ₖ x̃ₖ` (on 0–100 when every weight is positive).
/// 4. **Performance** of a construct: the mean of its rescaled scores; of an indicator: the
///    mean of its rescaled values.
/// 5. **Importance** of a construct: its unstandardised total effect on T, the total effect of
///    the rescaled scores, `total(j → T) · sd(Ỹ_T) / sd(Ỹⱼ)` (a rescaled score is a linear
///    function of the standardised one, so this equals the total effect from OLS regressions
///    of the rescaled scores). Of an indicator: its normalised weight times its construct's
///    importance, `w̃ₖ · importance(j)`.
///
/// The constructs of the map are those with a directed path to T (its direct and indirect
/// antecedents), in declaration order; the indicators are theirs. ``targetPerformance`` is T's
/// own performance.
///
/// A negative outer weight (possible in Mode B blocks) makes rescaled scores leave 0–100 and the
/// importance of the block hard to read; as SmartPLS does, each is reported as a warning
/// (code `ipma-negative-weight`). With consistent PLS the total effects are the consistent
/// ones, scaled by the SDs of the PLS scores (as cSEM's `doIPMA`).
///
/// Where the peers differ: SmartPLS 4 rescales with the minimum and maximum set per indicator
/// (the data's by default) as here; cSEM's `doIPMA` does not rescale (it expects indicators
/// already on 0–100), reports total effects for every pair of constructs and warns for any
/// negative weight and for common-factor constructs; seminr has no IPMA.
public struct ImportancePerformance: Sendable, Equatable {
  /// The importance and performance of one construct.
  public struct ConstructResult: Sendable, Equatable, Codable {
    /// The construct.
    public let construct: String
    /// Its unstandardised total effect on the target.
    public let importance: Double
    /// The mean of its rescaled (0–100) scores.
    public let performance: Double
  }

  /// The importance and performance of one indicator.
  public struct IndicatorResult: Sendable, Equatable, Codable {
    /// The construct it measures.
    public let construct: String
    /// The indicator.
    public let indicator: String
    /// Its normalised unstandardised weight times its construct's importance.
    public let importance: Double
    /// The mean of its rescaled (0–100) values.
    public let performance: Double
    /// Its normalised unstandardised outer weight (summing to 1 in the block).
    public let rescaledWeight: Double
    /// The scale bounds it was rescaled with.
    public let bounds: ScaleBounds
    /// Where the bounds came from.
    public let boundsSource: ScaleBoundsSource
  }

  /// The target construct.
  public let target: String
  /// The constructs with an effect on the target, in declaration order.
  public let constructs: [ConstructResult]
  /// The indicators of those constructs, in indicator order.
  public let indicators: [IndicatorResult]
  /// The target's own performance (mean rescaled score).
  public let targetPerformance: Double
  /// Warnings (negative outer weights, `ipma-negative-weight`) and notes (bounds taken from
  /// the data, `ipma-observed-range`).
  public let diagnostics: [Diagnostic]

  /// The diagnostic codes of the IPMA.
  public enum Code {
    /// An indicator of a construct in the map has a negative outer weight.
    public static let negativeWeight = "ipma-negative-weight"
    /// Indicators rescaled by their observed range because no bounds were given.
    public static let observedRange = "ipma-observed-range"
  }

  /// The IPMA of `estimate` for `target`.
  ///
  /// - Parameters:
  ///   - estimate: the estimated model (its data, weights and total effects).
  ///   - target: the endogenous construct whose drivers are mapped.
  ///   - bounds: scale bounds by indicator name; indicators not listed use `defaultBounds`,
  ///     else their observed range (with a note).
  ///   - defaultBounds: the bounds of every indicator not in `bounds` (e.g. `--scale-min`,
  ///     `--scale-max`).
  /// - Throws: ``ImportancePerformanceError``.
  public init(
    estimate: PLSEstimate, target: String, bounds: [String: ScaleBounds] = [:],
    defaultBounds: ScaleBounds? = nil
  ) throws(ImportancePerformanceError) {
    let layout = estimate.layout
    let names = layout.constructNames
    guard !layout.isInteraction.contains(true) else { throw .interactionTermsNotSupported }
    if let stages = estimate.higherOrder, stages.method == .twoStage,
      let hoc = stages.specified.higherOrderConstructs.first
    {
      throw .higherOrderTwoStageNotSupported(construct: hoc.name)
    }
    guard let t = names.firstIndex(of: target) else {
      throw .unknownTarget(target: target, available: names)
    }
    guard !layout.predecessors[t].isEmpty else {
      throw .exogenousTarget(target: target, endogenous: layout.endogenous.map { names[$0] })
    }
    let raw = estimate.prepared.raw
    let n = raw.rows
    // Rescale every indicator to 0–100.
    var rescaled: [[Double]] = []
    var usedBounds: [ScaleBounds] = []
    var sources: [ScaleBoundsSource] = []
    var observedIndicators: [String] = []
    for k in 0..<layout.p {
      let name = layout.indicatorNames[k]
      let column = raw.column(k)
      let scale: ScaleBounds
      let source: ScaleBoundsSource
      if let given = bounds[name] ?? defaultBounds {
        scale = given
        source = .given
      } else {
        scale = ScaleBounds(
          minimum: column.min() ?? .nan, maximum: column.max() ?? .nan)
        source = .observed
        observedIndicators.append(name)
      }
      guard scale.minimum.isFinite, scale.maximum.isFinite, scale.minimum < scale.maximum else {
        throw .invalidBounds(indicator: name, bounds: scale)
      }
      if let i = column.firstIndex(where: { $0 < scale.minimum || $0 > scale.maximum }) {
        throw .valueOutsideBounds(
          indicator: name, observation: i + 1, value: column[i], bounds: scale)
      }
      let range = scale.maximum - scale.minimum
      rescaled.append(column.map { 100 * ($0 - scale.minimum) / range })
      usedBounds.append(scale)
      sources.append(source)
    }
    // Unstandardised weights, normalised per block; rescaled scores.
    var rescaledWeight = [Double](repeating: 0, count: layout.p)
    var scores: [[Double]] = []
    for j in 0..<layout.J {
      let block = layout.block(j)
      var raw = [Double](repeating: 0, count: block.count)
      for (r, k) in block.enumerated() {
        raw[r] = estimate.weights[k] / Self.standardDeviation(rescaled[k])
      }
      let sum = raw.reduce(0, +)
      guard sum.isFinite, abs(sum) > 1e-12 * raw.map(abs).reduce(0, +) else {
        throw .degenerateWeights(construct: names[j])
      }
      var score = [Double](repeating: 0, count: n)
      for (r, k) in block.enumerated() {
        let w = raw[r] / sum
        rescaledWeight[k] = w
        for i in 0..<n { score[i] += w * rescaled[k][i] }
      }
      scores.append(score)
    }
    let scoreSD = scores.map(Self.standardDeviation)
    // The target's antecedents: constructs with a directed path to it.
    var reaches = [Bool](repeating: false, count: layout.J)
    var stack = layout.predecessors[t]
    while let j = stack.popLast() {
      guard !reaches[j] else { continue }
      reaches[j] = true
      stack.append(contentsOf: layout.predecessors[j])
    }
    var constructs: [ConstructResult] = []
    var importance = [Double](repeating: .nan, count: layout.J)
    for j in 0..<layout.J where reaches[j] {
      importance[j] = estimate.totalEffects[j, t] * scoreSD[t] / scoreSD[j]
      constructs.append(
        ConstructResult(
          construct: names[j], importance: importance[j], performance: Self.mean(scores[j])))
    }
    var indicators: [IndicatorResult] = []
    var diagnostics: [Diagnostic] = []
    if !observedIndicators.isEmpty {
      diagnostics.append(
        Diagnostic(
          severity: .note, code: Code.observedRange,
          message:
            "IPMA: no scale bounds were given for \(observedIndicators.count == layout.p ? "any indicator" : observedIndicators.joined(separator: ", ")), so the observed minimum and maximum are rescaled to 0 and 100; give the questionnaire's bounds (a codebook, or --scale-min and --scale-max) for performances comparable across studies"
        ))
    }
    for k in 0..<layout.p {
      let j = layout.blockOf[k]
      guard reaches[j] || j == t else { continue }
      if estimate.weights[k] < 0 {
        diagnostics.append(
          Diagnostic(
            severity: .warning, code: Code.negativeWeight,
            message:
              "IPMA: indicator '\(layout.indicatorNames[k])' of '\(names[j])' has a negative outer weight (\(estimate.weights[k])); the performance of '\(names[j])' may leave 0 to 100 and its importance is hard to interpret (Ringle & Sarstedt 2016)",
            construct: names[j], indicator: layout.indicatorNames[k], value: estimate.weights[k]))
      }
      guard reaches[j] else { continue }
      indicators.append(
        IndicatorResult(
          construct: names[j], indicator: layout.indicatorNames[k],
          importance: rescaledWeight[k] * importance[j], performance: Self.mean(rescaled[k]),
          rescaledWeight: rescaledWeight[k], bounds: usedBounds[k], boundsSource: sources[k]))
    }
    self.target = target
    self.constructs = constructs
    self.indicators = indicators
    self.targetPerformance = Self.mean(scores[t])
    self.diagnostics = diagnostics
  }

  private static func mean(_ x: [Double]) -> Double {
    x.reduce(0, +) / Double(x.count)
  }

  /// Sample standard deviation (n − 1).
  private static func standardDeviation(_ x: [Double]) -> Double {
    let m = mean(x)
    var sum = 0.0
    for v in x { sum += (v - m) * (v - m) }
    return (sum / Double(x.count - 1)).squareRoot()
  }
}
