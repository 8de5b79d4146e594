import Dispatch
import Foundation
import LinearAlgebra

/// The result of a bootstrap: per statistic, the original estimate, bootstrap mean, standard
/// error, test and confidence interval, with the run's bookkeeping.
///
/// - SE: `√(Σ(θ*_b − θ̄*)² / (B − 1))` over the successful resamples.
/// - `t = (θ̂ − θ₀) / SE` and its p-value for the statistic's ``HypothesisTest`` (θ₀ = 0, or 1
///   for HTMT; none for R²), from Student's t on B − 1 degrees of freedom (default) or the
///   standard normal (``PValueDistribution``), one- or two-tailed (``TestTails``).
/// - Intervals by ``ConfidenceIntervalMethod``: type-7 quantiles of the draws, exact while the
///   draws fit ``BootstrapSettings/exactQuantileBudget``, else read from the
///   `DistributionSketch` (within 0.01 bootstrap SD).
/// - A statistic that cannot vary (fixed by construction, or all draws identical) has SE 0 and
///   no test or interval (``StatisticInference/isConstant``).
public struct BootstrapResult: Sendable {
  /// Resamples requested.
  public let resamples: Int
  /// Resamples that could not be computed (a constant indicator, a singular block or
  /// regression) and were left out of every statistic — under `replace` also those that no
  /// replacement fixed.
  public let failed: Int
  /// Resamples whose solution was inadmissible (not converged, |loading| > 1, …): kept in the
  /// statistics, dropped or replaced as ``BootstrapSettings/inadmissibleResamples`` says.
  public let inadmissible: Int
  /// Warnings and notes: resamples left out or inadmissible (naming the first ones), statistics
  /// whose SE is very large for their estimate.
  public let diagnostics: [Diagnostic]
  /// The seed.
  public let seed: UInt64
  /// The generator's description.
  public let generator: String
  /// Settings of the run.
  public let settings: BootstrapSettings
  /// Whether the interval limits are exact quantiles of every draw (else from the sketch).
  public let exactQuantiles: Bool
  /// Inference per statistic.
  public let statistics: [StatisticKey: StatisticInference]
  /// The statistics in catalog order.
  public let keys: [StatisticKey]

  /// Finishes `state` into statistics for `estimate`, the estimate it was drawn from. Throws
  /// when the state belongs to another analysis, or too many resamples failed.
  public init(state: BootstrapState, estimate: PLSEstimate) throws {
    if let difference = state.fingerprint.difference(from: BootstrapFingerprint(estimate)) {
      throw BootstrapError.incompatibleShards(
        "the bootstrap state was drawn from \(difference) than the estimate")
    }
    let keys = Bootstrapper(settings: state.settings).statisticKeys(for: estimate)
    guard let table = estimate.statistics.selecting(keys) else {
      throw BootstrapError.incompatibleShards(
        "the estimate's statistic table lacks statistics of the bootstrap")
    }
    try self.init(state: state, keys: keys, fixedByConstruction: table.fixedByConstruction)
  }

  /// Finishes `state` whose statistics are `keys`; `fixedByConstruction[k]` says statistic k
  /// cannot vary by definition.
  init(state: BootstrapState, keys: [StatisticKey], fixedByConstruction: [Bool]) throws {
    let state = try state.validated()
    guard state.keys == keys.map(\.description), fixedByConstruction.count == keys.count else {
      throw BootstrapError.incompatibleShards(
        "the bootstrap state holds other statistics than the model has")
    }
    let settings = state.settings
    let moments = state.foldedMoments()
    let succeeded = moments.count
    guard Double(state.failed) <= settings.maximumFailureShare * Double(state.attempted) else {
      throw BootstrapError.tooManyFailures(
        failed: state.failed, attempted: state.attempted, maximumShare: settings.maximumFailureShare
      )
    }
    guard succeeded >= 2 else {
      throw BootstrapError.tooFewAdmissible(
        included: succeeded, attempted: state.attempted, inadmissible: state.inadmissible)
    }
    let alpha = 1 - settings.level
    let zLow = try StandardNormal.quantile(alpha / 2)
    let zHigh = try StandardNormal.quantile(1 - alpha / 2)
    let zOneSided = try StandardNormal.quantile(settings.level)
    let degreesOfFreedom = Double(succeeded - 1)
    let survival: @Sendable (Double) -> Double =
      switch settings.pValues {
      case .studentT: { StudentT.survival($0, degreesOfFreedom: degreesOfFreedom) }
      case .normal: { StandardNormal.survival($0) }
      }
    /// The inference of statistic k from its draws.
    @Sendable func inference(_ k: Int, _ draws: inout DrawDistribution) -> StatisticInference {
      let key = keys[k]
      let estimate = state.original[k]
      if draws.minimum == draws.maximum {
        var constant = StatisticInference.constant(estimate)
        constant.bootstrapMean = moments.mean[k]
        return constant
      }
      let se = (moments.m2[k] / degreesOfFreedom).squareRoot()
      let test = HypothesisTest.test(for: key, estimate: estimate, tails: settings.tails)
      let t = test.map { (estimate - $0.nullValue) / se }
      // Levels of the limits: the nominal ones, or BCa's adjusted ones (Efron 1987).
      var level: (Double) -> Double = { z in StandardNormal.cdf(z) }
      if settings.confidenceInterval == .bca {
        let share =
          (Double(draws.below(estimate)) + 0.5 * Double(draws.equal(estimate))) / Double(succeeded)
        let half = 0.5 / Double(succeeded)
        // Within [½/B, 1 − ½/B], a valid argument.
        let z0 = (try? StandardNormal.quantile(min(max(share, half), 1 - half))) ?? .nan
        let a = state.acceleration?[k] ?? 0
        level = { z in StandardNormal.cdf(z0 + (z0 + z) / (1 - a * (z0 + z))) }
      }
      let oneSided = key.family == .htmt || key.family == .htmt2
      let limits = draws.quantiles(
        [level(zLow), level(zHigh)] + (oneSided ? [level(zOneSided)] : []))
      return StatisticInference(
        estimate: estimate, bootstrapMean: moments.mean[k], standardError: se, test: test,
        t: t, p: t.flatMap { t in test?.pValue(t: t, survival: survival) },
        ciLower: finite(limits[0]), ciUpper: finite(limits[1]),
        upperOneSided: oneSided ? finite(limits[2]) : nil)
    }
    // Blocks of 8 statistics (their kept draws share each row's cache line) on all threads:
    // each statistic's inference depends on its own draws only, so the thread count changes
    // nothing.
    let m = keys.count
    let blocks = (m + 7) / 8
    let results = PerWorkerSlots<StatisticInference?>(repeating: nil, count: m)
    let threads = max(
      1, min(settings.threads ?? ProcessInfo.processInfo.activeProcessorCount, blocks))
    let rows = state.draws?.succeededRows ?? 0
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      // One scratch buffer per thread for a block's draws (no allocation per block).
      let scratch = UnsafeMutablePointer<Double>.allocate(capacity: max(min(8, m) * rows, 1))
      defer { scratch.deallocate() }
      var b = t
      while b < blocks {
        let range = (8 * b)..<min(8 * b + 8, m)
        let extremes = state.draws?.columns(range, succeeded: rows, into: scratch)
        for k in range {
          if fixedByConstruction[k] {
            results[k] = .constant(state.original[k])
            continue
          }
          let j = k - range.lowerBound
          var draws =
            extremes.map {
              DrawDistribution(
                draws: UnsafeMutableBufferPointer(start: scratch + j * rows, count: rows),
                minimum: $0[j].minimum, maximum: $0[j].maximum)
            } ?? DrawDistribution(sketch: state.sketch, statistic: k, succeeded: succeeded)
          results[k] = inference(k, &draws)
        }
        b += threads
      }
    }
    var statistics: [StatisticKey: StatisticInference] = [:]
    for (k, key) in keys.enumerated() { statistics[key] = results[k] }
    self.resamples = settings.resamples
    self.failed = state.failed
    self.inadmissible = state.inadmissible
    self.diagnostics =
      Self.resampleDiagnostics(state)
      + [
        Self.largeSEDiagnostic(
          keys.enumerated().compactMap { k, key in results[k].map { (key, $0) } })
      ].compactMap { $0 }
    self.seed = settings.seed
    self.generator = state.generator
    self.settings = settings
    self.exactQuantiles = state.keepsDraws
    self.statistics = statistics
    self.keys = keys
  }
}

extension BootstrapResult {
  /// A statistic's SE is "very large" above this multiple of `max(|estimate|, 0.01)`: the
  /// floor keeps an estimate near 0 (a null path) from making any SE look large.
  public static let largeSEFactor = 100.0

  /// The diagnostics about left-out and inadmissible resamples.
  static func resampleDiagnostics(_ state: BootstrapState) -> [Diagnostic] {
    func listed(_ indices: [Int], of count: Int) -> String {
      let shown = indices.map(String.init).joined(separator: ", ")
      return count > indices.count ? "\(shown), … (the first \(indices.count))" : shown
    }
    var out: [Diagnostic] = []
    let b = state.attempted
    if state.failed > 0 {
      out.append(
        Diagnostic(
          severity: .warning, code: Diagnostic.Code.resamplesFailed,
          message:
            "\(state.failed) of \(b) bootstrap resamples could not be computed (a constant indicator or a singular block or regression in the resample) and were left out: resample\(state.failed == 1 ? "" : "s") \(listed(state.failedResamples, of: state.failed))",
          value: Double(state.failed)))
    }
    if state.inadmissible > 0 {
      let which = listed(state.inadmissibleResamples, of: state.inadmissible)
      let (severity, handled): (Diagnostic.Severity, String) =
        switch state.settings.inadmissibleResamples {
        case .keep: (.note, "kept in the statistics, as seminr keeps them")
        case .drop: (.warning, "dropped from the statistics")
        case .replace: (.note, "replaced by new draws")
        }
      out.append(
        Diagnostic(
          severity: severity, code: Diagnostic.Code.resamplesInadmissible,
          message:
            "\(state.inadmissible) of \(b) bootstrap resamples gave inadmissible solutions (not converged, a loading above 1, rho_A above 1 or not positive, or correlations not positive semi-definite) and were \(handled): resample\(state.inadmissible == 1 ? "" : "s") \(which)",
          value: Double(state.inadmissible)))
    }
    return out
  }

  /// One warning naming the statistics whose SE exceeds ``largeSEFactor`` ×
  /// max(|estimate|, 0.01) (the first 10, with the count), or none.
  static func largeSEDiagnostic(_ statistics: [(StatisticKey, StatisticInference)])
    -> Diagnostic?
  {
    let large = statistics.filter { _, inference in
      !(inference.standardError <= largeSEFactor * max(abs(inference.estimate), 0.01))
    }
    guard let (first, firstInference) = large.first else { return nil }
    func format(_ x: Double) -> String { String(format: "%.3g", x) }
    let named = large.prefix(10).map { key, inference in
      "\(key) (SE \(format(inference.standardError)), estimate \(format(inference.estimate)))"
    }.joined(separator: ", ")
    let more = large.count > 10 ? ", … (the first 10)" : ""
    let subject =
      large.count == 1
      ? "the bootstrap SE of one statistic is"
      : "the bootstrap SEs of \(large.count) statistics are"
    return Diagnostic(
      severity: .warning, code: Diagnostic.Code.largeSE,
      message:
        "\(subject) over \(Int(largeSEFactor)) times their estimates: \(named)\(more); such a bootstrap distribution is extremely spread (e.g. a ratio whose denominator is near 0 in some resamples, or inadmissible resamples) and its t, p and interval say little",
      statistic: first.description, value: firstInference.standardError)
  }
}

/// `value` when finite, else nil.
private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

/// One statistic's successful draws as the final statistics read them: from the kept draws
/// (selected in O(B) per limit, not sorted) or from the sketch.
private struct DrawDistribution {
  private var draws: TypeSevenQuantile.Selector?
  private let sketch: DistributionSketch?
  private let statistic: Int
  private let count: Int
  let minimum: Double
  let maximum: Double
  private var belowEqual: (value: Double, below: Int, equal: Int)?

  /// A statistic's kept draws (from ``KeptDraws/columns(_:succeeded:into:)``), which it
  /// reorders in place.
  init(draws: UnsafeMutableBufferPointer<Double>, minimum: Double, maximum: Double) {
    self.draws = TypeSevenQuantile.Selector(draws)
    sketch = nil
    statistic = 0
    count = draws.count
    self.minimum = draws.isEmpty ? .nan : minimum
    self.maximum = draws.isEmpty ? .nan : maximum
  }

  /// Statistic k of a sketch of `succeeded` draws.
  init(sketch: DistributionSketch?, statistic k: Int, succeeded: Int) {
    draws = nil
    self.sketch = sketch
    statistic = k
    count = succeeded
    minimum = sketch?.minimum[k] ?? .nan
    maximum = sketch?.maximum[k] ?? .nan
  }

  /// The type-7 quantiles at `levels` (NaN for a level that is not a number).
  mutating func quantiles(_ levels: [Double]) -> [Double] {
    if draws != nil { return draws!.quantiles(levels) }
    return levels.map { p in
      p.isNaN ? .nan : sketch?.quantile(statistic, p, total: count) ?? .nan
    }
  }

  /// Draws strictly below `value`.
  mutating func below(_ value: Double) -> Int { counts(value).below }

  /// Draws equal to `value`.
  mutating func equal(_ value: Double) -> Int { counts(value).equal }

  private mutating func counts(_ value: Double) -> (below: Int, equal: Int) {
    guard let draws else {
      return (sketch?.below[statistic] ?? 0, sketch?.equal[statistic] ?? 0)
    }
    if let cached = belowEqual, cached.value == value { return (cached.below, cached.equal) }
    var below = 0
    var equal = 0
    for x in draws.values {
      if x < value { below += 1 } else if x == value { equal += 1 }
    }
    belowEqual = (value, below, equal)
    return (below, equal)
  }
}
