/// Settings of a Monte Carlo power study (``PowerStudy``).
///
/// For each sample size n in ``respondents``, ``replications`` data sets are drawn from the
/// population, each is estimated with ``pls`` and bootstrapped with ``resamples`` resamples;
/// a path is *detected* in a replication when its bootstrap test rejects H0: β = 0 at
/// ``alpha`` (``PowerResult``).
public struct PowerSettings: Sendable, Equatable, Codable {
  /// The most replications per sample size: one million (so that a mistyped count fails with
  /// a message instead of running for days). The Monte Carlo SE of a power is
  /// `√(p(1 − p)/R)`, below 0.0005 at this bound.
  public static let maximumReplications = 1_000_000
  /// The largest sample size: one million respondents.
  public static let maximumRespondents = 1_000_000

  /// The sample sizes, each at least 2 (the order of the report).
  public var respondents: [Int]
  /// Replications per sample size R.
  public var replications: Int
  /// Bootstrap resamples per replication B.
  public var resamples: Int
  /// The significance level α of each test, in (0, 1); the intervals whose coverage is
  /// reported have level 1 − α.
  public var alpha: Double
  /// One- or two-tailed tests. One-tailed tests take the alternative in the direction of the
  /// population value's sign (positive for a zero path): the hypothesis a researcher would
  /// state before seeing the data.
  public var tails: TestTails
  /// Seed of every draw: data of replication r at size n from
  /// ``NormalStream/powerData(seed:respondents:replication:)``, its bootstrap keyed by
  /// ``PowerStudy/bootstrapSeed(seed:respondents:replication:)``.
  public var seed: UInt64
  /// Worker threads; nil for all cores. Never changes the results.
  public var threads: Int?
  /// The PLS algorithm's settings (PLSc with `consistent`).
  public var pls: PLSSettings
  /// How a replication counts a path as detected: the bootstrap t test (the default, the
  /// field's convention) or the interval's exclusion of 0.
  public var test: PowerTest
  /// The interval whose coverage of the population value is reported (and, with
  /// ``PowerTest/interval``, whose exclusion of 0 detects the path).
  public var confidenceInterval: ConfidenceIntervalMethod
  /// The reference distribution of the bootstrap p-values.
  public var pValues: PValueDistribution
  /// The power a sample should reach (conventionally 0.80, Cohen 1988): the target of the
  /// inverse square root method and of the smallest simulated size reaching it.
  public var targetPower: Double

  public init(
    respondents: [Int], replications: Int, resamples: Int, alpha: Double = 0.05,
    tails: TestTails = .two, seed: UInt64 = 1, threads: Int? = nil,
    pls: PLSSettings = PLSSettings(), test: PowerTest = .t,
    confidenceInterval: ConfidenceIntervalMethod = .percentile,
    pValues: PValueDistribution = .studentT, targetPower: Double = 0.8
  ) {
    self.test = test
    self.respondents = respondents
    self.replications = replications
    self.resamples = resamples
    self.alpha = alpha
    self.tails = tails
    self.seed = seed
    self.threads = threads
    self.pls = pls
    self.confidenceInterval = confidenceInterval
    self.pValues = pValues
    self.targetPower = targetPower
  }

  /// The settings of replication r's bootstrap at size n: one thread (replications run in
  /// parallel), the paths only, two-tailed p-values (``PowerStudy`` derives the one-tailed
  /// one for the population's direction).
  func bootstrapSettings(respondents n: Int, replication r: Int) -> BootstrapSettings {
    BootstrapSettings(
      resamples: resamples,
      seed: PowerStudy.bootstrapSeed(seed: seed, respondents: n, replication: r), threads: 1,
      confidenceInterval: confidenceInterval, level: 1 - alpha, pValues: pValues, tails: .two,
      statistics: [.path])
  }

  /// Checks every setting's domain.
  func validate() throws(PowerError) {
    guard !respondents.isEmpty else {
      throw .invalidSetting(
        InvalidSettingValue(.respondents, "must list at least one sample size", got: "none"))
    }
    for n in respondents where n < 2 || n > Self.maximumRespondents {
      throw .invalidSetting(
        InvalidSettingValue(
          .respondents, "must lie between 2 and \(Self.maximumRespondents)", got: "\(n)"))
    }
    if let repeated = respondents.enumerated().first(where: {
      respondents[..<$0.offset].contains($0.element)
    }) {
      throw .invalidSetting(
        InvalidSettingValue(.respondents, "must not list a size twice", got: "\(repeated.element)")
      )
    }
    guard replications >= 2, replications <= Self.maximumReplications else {
      throw .invalidSetting(
        InvalidSettingValue(
          .replications, "must lie between 2 and \(Self.maximumReplications)",
          got: "\(replications)"))
    }
    guard alpha > 0, alpha < 1 else {
      throw .invalidSetting(
        InvalidSettingValue(
          .significanceLevel, "must lie strictly between 0 and 1", got: "\(alpha)"))
    }
    guard targetPower > 0, targetPower < 1 else {
      throw .invalidSetting(
        InvalidSettingValue(
          .targetPower, "must lie strictly between 0 and 1", got: "\(targetPower)"))
    }
    if test == .interval, tails == .one {
      throw .invalidSetting(
        InvalidSettingValue(
          .powerTest,
          "must be t with one tail (the interval test is two-tailed: its (1 - alpha) interval excludes 0)",
          got: "interval"))
    }
    if let threads, threads < 1 || threads > 1024 {
      throw .invalidSetting(
        InvalidSettingValue(.threads, "must lie between 1 and 1024", got: "\(threads)"))
    }
    let limit = BootstrapState.maximumResamples
    guard resamples >= 2, resamples <= limit else {
      throw .invalidSetting(
        InvalidSettingValue(.resamples, "must lie between 2 and \(limit)", got: "\(resamples)"))
    }
  }
}

/// A power study that cannot be run.
public enum PowerError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A setting outside its domain.
  case invalidSetting(InvalidSettingValue)
  /// A path of the population is not a path of the model.
  case unknownPath(from: String, to: String)
  /// Every replication at a sample size failed (the first failure's message).
  case allReplicationsFailed(respondents: Int, firstError: String)

  /// The message in the library's words.
  public var description: String { description(naming: \.description) }

  /// The message, with settings named by `name` (a front end passes its own option names).
  public func description(naming name: (SettingName) -> String) -> String {
    switch self {
    case .invalidSetting(let problem): return problem.message(naming: name)
    case .unknownPath(let from, let to):
      return "the population has a path \(from) -> \(to) that the model does not estimate"
    case .allReplicationsFailed(let n, let first):
      return "every replication at n = \(n) failed; the first: \(first)"
    }
  }
}

/// How a replication of a power study counts a path as detected.
///
/// The default is the test SmartPLS reports and PLS-SEM texts teach (Hair et al. 2022, ch. 6):
/// t = β̂ / SE_boot, the bootstrap SE the SD of the resampled estimates, against Student's t on
/// B − 1 degrees of freedom (or the normal, ``PowerSettings/pValues``), two- or one-tailed.
/// seminr and cSEM report the same t and the percentile interval; a test by the interval is
/// the alternative.
public enum PowerTest: String, Sendable, Codable, Equatable, CaseIterable {
  /// Rejects β = 0 when |t| = |β̂ / SE_boot| exceeds the reference distribution's critical
  /// value (p < α).
  case t
  /// Rejects β = 0 when the (1 − α) bootstrap interval (``PowerSettings/confidenceInterval``:
  /// percentile or BCa) excludes 0. Two-tailed only.
  case interval
}
