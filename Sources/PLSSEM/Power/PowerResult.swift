/// The result of a power study: per path and sample size, the detection rate and the
/// accuracy of the estimates and of the bootstrap, beside the inverse square root method's
/// minimum sample size.
///
/// Over the R′ replications of size n that could be estimated and bootstrapped (failed ones
/// are counted in ``PowerAtSampleSize/failed`` and left out), with β the population value,
/// β̂ᵣ the estimate and SEᵣ the bootstrap SE of replication r:
///
/// - power = share of replications whose test rejects β = 0 at α, with Monte Carlo SE
///   `√(power (1 − power) / R′)`; for a zero path this is the test's size, which should be α;
/// - mean estimate `β̄ = Σ β̂ᵣ / R′` and bias `β̄ − β` (PLS composites attenuate paths between
///   reflective constructs, so the bias of PLS is negative for a positive β; PLSc corrects it);
/// - empirical SE = the SD of the estimates, `√(Σ (β̂ᵣ − β̄)² / (R′ − 1))`, against the mean
///   bootstrap SE `Σ SEᵣ / R′` (a well-calibrated bootstrap gives about the same);
/// - coverage = share of replications whose (1 − α) interval contains β.
///
/// The replications are folded in (size, replication) order, so the result is the same for
/// any thread count and any split of the replications into runs.
public struct PowerResult: Sendable, Equatable {
  /// The settings of the study.
  public let settings: PowerSettings
  /// Each path's results, in the model's path order.
  public let paths: [PathPower]
  /// The inverse square root method for the smallest non-zero |β| of the population: the
  /// minimum sample size of the whole model (Kock & Hadaya 2018); nil when every path is 0.
  public let inverseSquareRoot: InverseSquareRoot?
  /// The first failure's message at each size that had one, by sample size.
  public let firstFailures: [Int: String]

  /// Folds the records of `replications` (every replication of `study`, in any order and
  /// from any number of runs) into the result.
  ///
  /// - Throws: ``PowerError/allReplicationsFailed(respondents:firstError:)`` when no replication
  ///   at a size could be estimated; ``PowerError/invalidSetting(_:)`` when the records do not
  ///   cover each size's replications exactly once.
  public init(study: PowerStudy, replications: [PowerReplication]) throws {
    let settings = study.settings
    self.settings = settings
    let sizes = settings.respondents
    let r = settings.replications
    var slots = [[PowerReplication?]](
      repeating: [PowerReplication?](repeating: nil, count: r), count: sizes.count)
    for record in replications {
      guard let s = sizes.firstIndex(of: record.respondents), record.replication >= 0,
        record.replication < r, slots[s][record.replication] == nil,
        record.outcomes.map({ $0.count == study.paths.count }) ?? true
      else {
        throw PowerError.invalidSetting(
          InvalidSettingValue(
            .replications, "must be covered exactly once by the records",
            got: "replication \(record.replication) at n = \(record.respondents)"))
      }
      slots[s][record.replication] = record
    }
    var failures: [Int: String] = [:]
    var accumulators = [[Accumulator]](
      repeating: [Accumulator](repeating: Accumulator(), count: sizes.count),
      count: study.paths.count)
    for (s, n) in sizes.enumerated() {
      for (index, slot) in slots[s].enumerated() {
        guard let record = slot else {
          throw PowerError.invalidSetting(
            InvalidSettingValue(
              .replications, "must be covered exactly once by the records",
              got: "replication \(index) at n = \(n) is missing"))
        }
        guard let outcomes = record.outcomes else {
          if failures[n] == nil { failures[n] = record.failure ?? "unknown failure" }
          for p in study.paths.indices { accumulators[p][s].failed += 1 }
          continue
        }
        for (p, outcome) in outcomes.enumerated() { accumulators[p][s].add(outcome) }
      }
      if accumulators.first?[s].count == 0, let first = failures[n] {
        throw PowerError.allReplicationsFailed(respondents: n, firstError: first)
      }
    }
    firstFailures = failures
    paths = try study.paths.enumerated().map { p, path in
      let byN = sizes.enumerated().map { s, n in
        accumulators[p][s].summary(respondents: n, population: path.population)
      }
      let isr =
        path.population == 0
        ? nil
        : try InverseSquareRoot(
          coefficient: path.population, alpha: settings.alpha, tails: settings.tails,
          power: settings.targetPower)
      let reached = byN.filter { $0.power >= settings.targetPower }.map(\.n).min()
      return PathPower(
        from: path.from, to: path.to, population: path.population, byN: byN,
        inverseSquareRoot: isr, smallestSimulatedN: reached)
    }
    let smallest = study.paths.map { abs($0.population) }.filter { $0 > 0 }.min()
    inverseSquareRoot = try smallest.map {
      try InverseSquareRoot(
        coefficient: $0, alpha: settings.alpha, tails: settings.tails, power: settings.targetPower)
    }
  }
}

/// One path's results across the sample sizes of a power study.
public struct PathPower: Sendable, Equatable {
  /// The predictor construct.
  public let from: String
  /// The outcome construct.
  public let to: String
  /// The population value β.
  public let population: Double
  /// The results at each sample size, in the order of ``PowerSettings/respondents``.
  public let byN: [PowerAtSampleSize]
  /// The inverse square root method's minimum n for this path (nil for a zero path).
  public let inverseSquareRoot: InverseSquareRoot?
  /// The smallest simulated size whose power reaches ``PowerSettings/targetPower`` (nil if
  /// none does).
  public let smallestSimulatedN: Int?
}

/// One path at one sample size: see ``PowerResult`` for the definitions.
public struct PowerAtSampleSize: Sendable, Equatable {
  /// The sample size n.
  public let n: Int
  /// Replications estimated and bootstrapped (R′).
  public let replications: Int
  /// Replications that failed (left out).
  public let failed: Int
  /// The share of replications whose test rejected β = 0.
  public let power: Double
  /// Its Monte Carlo SE `√(power (1 − power) / R′)`.
  public let powerSE: Double
  /// The mean estimate.
  public let meanEstimate: Double
  /// Mean estimate minus the population value.
  public let bias: Double
  /// The SD of the estimates across replications.
  public let empiricalSE: Double
  /// The mean of the replications' bootstrap SEs.
  public let meanBootstrapSE: Double
  /// The share of replications whose (1 − α) interval contains the population value.
  public let coverage: Double
}

/// Sums of one path at one size, folded in replication order (Welford for the estimates).
private struct Accumulator {
  var count = 0
  var failed = 0
  var detected = 0
  var covered = 0
  var mean = 0.0
  var m2 = 0.0
  var seSum = 0.0

  mutating func add(_ outcome: PowerReplication.Outcome) {
    count += 1
    if outcome.detected { detected += 1 }
    if outcome.covered { covered += 1 }
    let delta = outcome.estimate - mean
    mean += delta / Double(count)
    m2 += delta * (outcome.estimate - mean)
    seSum += outcome.standardError
  }

  func summary(respondents n: Int, population: Double) -> PowerAtSampleSize {
    let r = Double(count)
    let power = count > 0 ? Double(detected) / r : .nan
    return PowerAtSampleSize(
      n: n, replications: count, failed: failed, power: power,
      powerSE: count > 0 ? (power * (1 - power) / r).squareRoot() : .nan,
      meanEstimate: count > 0 ? mean : .nan, bias: count > 0 ? mean - population : .nan,
      empiricalSE: count > 1 ? (m2 / (r - 1)).squareRoot() : .nan,
      meanBootstrapSE: count > 0 ? seSum / r : .nan,
      coverage: count > 0 ? Double(covered) / r : .nan)
  }
}
