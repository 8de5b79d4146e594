import Dispatch
import Foundation
import Synchronization

/// A Monte Carlo power study of the structural paths of a PLS path model: for each sample
/// size, data sets are drawn from a population, estimated and bootstrapped, and each path's
/// detection rate, bias, standard errors and interval coverage are tallied (``PowerResult``).
///
/// The engine does not know how data are drawn: ``Sampler`` turns a sample size and a
/// ``NormalStream`` into a data table (the command line uses the `Survey` module's population
/// simulator, continuous or cut to a Likert scale). Replication r at size n draws its data
/// from ``NormalStream/powerData(seed:respondents:replication:)`` and its bootstrap resamples
/// from the Philox streams keyed by ``bootstrapSeed(seed:respondents:replication:)``, so every
/// replication is the same on any thread or shard, and the folded result is bit-identical for
/// any thread count and any split of the replications.
///
/// The design follows the Monte Carlo studies of PLS-SEM power, e.g. Aguirre-Urreta & Rönkkö
/// (2015), "Sample size determination and statistical power analysis in PLS using R: an
/// annotated tutorial", *Communications of the AIS* 36, article 3.
public struct PowerStudy: Sendable {
  /// Draws a data set of `respondents` rows (columns named as the model's indicators) from
  /// the normals of `normals`.
  public typealias Sampler =
    @Sendable (_ respondents: Int, _ normals: inout NormalStream) throws -> DataTable

  /// Called after each finished replication with the count finished and the total.
  public typealias Progress = @Sendable (_ completed: Int, _ total: Int) -> Void

  /// The model estimated on each data set.
  public let model: PathModel
  /// The paths studied — every structural path of the model, in model order — with their
  /// population values (0 for a path the population does not have).
  public let paths: [PowerPath]
  /// The settings.
  public let settings: PowerSettings
  let sampler: Sampler

  /// A study of `model`'s paths under the population values `population` (a path of the model
  /// that is not listed has population value 0), drawing data with `sampler`.
  ///
  /// - Throws: ``PowerError/invalidSetting(_:)`` for a setting outside its domain,
  ///   ``PowerError/unknownPath(from:to:)`` when `population` lists a path the model does not
  ///   estimate, ``SpecificationError`` for an invalid model.
  public init(
    model: PathModel, population: [PowerPath], settings: PowerSettings, sampler: @escaping Sampler
  ) throws {
    try settings.validate()
    let model = try model.validated()
    for path in population
    where !model.paths.contains(where: { $0.from == path.from && $0.to == path.to }) {
      throw PowerError.unknownPath(from: path.from, to: path.to)
    }
    self.model = model
    self.paths = model.paths.map { path in
      PowerPath(
        from: path.from, to: path.to,
        population: population.first { $0.from == path.from && $0.to == path.to }?.population ?? 0)
    }
    self.settings = settings
    self.sampler = sampler
  }

  /// The key of replication r's bootstrap streams at size n: the first two words of the
  /// Philox4x32-10 block of counter `(r, n, 2³² − 1, 0x504F5752)` under `seed`. The data
  /// streams of the study use counters `(r, n, k, 0)`, so the two never meet.
  public static func bootstrapSeed(seed: UInt64, respondents: Int, replication: Int) -> UInt64 {
    let block = Philox4x32(seed: seed).block(
      UInt32(truncatingIfNeeded: replication), UInt32(truncatingIfNeeded: respondents),
      0xFFFF_FFFF, 0x504F_5752)
    return UInt64(block.0) << 32 | UInt64(block.1)
  }

  /// Runs the replications in `replications` (default: all) at every sample size, in parallel,
  /// and returns their records in (size, replication) order. A subset computed here and the
  /// rest computed elsewhere merge (``PowerResult/init(study:replications:)``) into the result
  /// of one run.
  public func run(replications: Range<Int>? = nil, progress: Progress? = nil)
    -> [PowerReplication]
  {
    let range = (replications ?? 0..<settings.replications).clamped(
      to: 0..<settings.replications)
    let perSize = range.count
    let total = perSize * settings.respondents.count
    guard total > 0 else { return [] }
    let slots = PerWorkerSlots<PowerReplication?>(repeating: nil, count: total)
    let next = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let threads = min(
      total, max(1, settings.threads ?? ProcessInfo.processInfo.activeProcessorCount))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while true {
        let task = next.add(1, ordering: .relaxed).oldValue
        guard task < total else { break }
        let n = settings.respondents[task / perSize]
        let r = range.lowerBound + task % perSize
        slots[task] = replicate(respondents: n, replication: r)
        let done = finished.add(1, ordering: .relaxed).newValue
        progress?(done, total)
      }
    }
    return (0..<total).compactMap { slots[$0] }
  }

  /// Runs every replication and folds them into the result.
  public func result(progress: Progress? = nil) throws -> PowerResult {
    try PowerResult(study: self, replications: run(progress: progress))
  }

  /// One replication: draw, estimate, bootstrap, and judge each path.
  func replicate(respondents n: Int, replication r: Int) -> PowerReplication {
    var normals = NormalStream.powerData(seed: settings.seed, respondents: n, replication: r)
    do {
      let data = try sampler(n, &normals)
      let estimate = try PLSEstimator(settings: settings.pls).estimate(model, data: data)
      let bootstrap = try Bootstrapper(
        settings: settings.bootstrapSettings(respondents: n, replication: r)
      ).result(estimate)
      var outcomes: [PowerReplication.Outcome] = []
      outcomes.reserveCapacity(paths.count)
      for path in paths {
        guard let inference = bootstrap.statistics[.path(from: path.from, to: path.to)] else {
          throw PowerError.unknownPath(from: path.from, to: path.to)
        }
        outcomes.append(outcome(inference, population: path.population))
      }
      return PowerReplication(respondents: n, replication: r, outcomes: outcomes)
    } catch {
      return PowerReplication(
        respondents: n, replication: r, outcomes: nil, failure: String(describing: error))
    }
  }

  /// Whether the test rejects and the interval covers, from a path's two-tailed inference.
  ///
  /// With ``PowerTest/t``, p < α; with ``PowerTest/interval``, the interval excludes 0.
  /// One-tailed (t test only), the alternative is the population value's direction (β > 0 for β ≥ 0): the
  /// p-value is half the two-tailed one when t lies on that side, one minus that half
  /// otherwise.
  func outcome(_ inference: StatisticInference, population: Double) -> PowerReplication.Outcome {
    var detected = false
    switch settings.test {
    case .t:
      if let t = inference.t, let p = inference.p {
        switch settings.tails {
        case .two: detected = p < settings.alpha
        case .one:
          let direction: Double = population < 0 ? -1 : 1
          let oneSided = t * direction > 0 ? p / 2 : 1 - p / 2
          detected = oneSided < settings.alpha
        }
      }
    case .interval:
      if let lower = inference.ciLower, let upper = inference.ciUpper {
        detected = lower > 0 || upper < 0
      }
    }
    var covered = false
    if let lower = inference.ciLower, let upper = inference.ciUpper {
      covered = lower <= population && population <= upper
    }
    return PowerReplication.Outcome(
      estimate: inference.estimate, standardError: inference.standardError, detected: detected,
      covered: covered)
  }
}

/// A structural path of a power study and its population value.
public struct PowerPath: Sendable, Equatable, Codable {
  /// The predictor construct.
  public var from: String
  /// The outcome construct.
  public var to: String
  /// The population value β of the path.
  public var population: Double

  public init(from: String, to: String, population: Double) {
    self.from = from
    self.to = to
    self.population = population
  }
}
