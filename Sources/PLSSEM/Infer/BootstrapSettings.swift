/// The confidence-interval method of a bootstrap.
public enum ConfidenceIntervalMethod: String, Sendable, Codable, Equatable, CaseIterable {
  /// Percentile interval: the α/2 and 1 − α/2 quantiles of the bootstrap distribution
  /// (Efron & Tibshirani 1993, §13.3), by R's type-7 definition (as seminr and cSEM).
  case percentile
  /// Bias-corrected and accelerated interval (Efron 1987; Efron & Tibshirani 1993, §14.3):
  /// the type-7 quantiles at levels `Φ(z₀ + (z₀ + z_α)/(1 − a(z₀ + z_α)))`, with bias correction
  /// `z₀ = Φ⁻¹((#{θ*_b < θ̂} + ½ #{θ*_b = θ̂})/B)` (ties counted half, as scipy; the share is kept
  /// within [½/B, 1 − ½/B]) and the jackknife acceleration
  /// `a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 [Σ(θ̄ − θ₍ᵢ₎)²]^{3/2})` (Efron & Tibshirani 1993, eq. 14.15).
  /// cSEM counts `θ*_b ≤ θ̂` and centres the jackknife at θ̂ instead of θ̄; seminr has no BCa.
  case bca
}

/// The reference distribution of bootstrap p-values.
public enum PValueDistribution: String, Sendable, Codable, Equatable, CaseIterable {
  /// p from Student's t with B − 1 degrees of freedom (B the successful resamples). The
  /// default. (seminr reports no p-values, only t and intervals; its plots can show a one-tailed
  /// p on n − 1 degrees of freedom.)
  case studentT = "t"
  /// p from the standard normal. For B in the thousands the two differ only in the far tail.
  case normal
}

/// What the bootstrap does with a resample whose solution is computed but inadmissible (it
/// fails a check of ``Admissibility``: not converged, |loading| > 1, ρ_A > 1 or ≤ 0, construct
/// or model-implied correlations not positive semi-definite) — cSEM's `.handle_inadmissibles`.
public enum InadmissibleResampleHandling: String, Sendable, Codable, Equatable, CaseIterable {
  /// Keep it in every statistic (the default; seminr keeps every resample; cSEM's `"ignore"`).
  case keep
  /// Leave it out, like a failed resample (cSEM's default, `"drop"`).
  case drop
  /// Replace it by a new draw: resample b's attempt a (a = 1, 2, …, at most
  /// ``maximumAttempts``) draws from the Philox stream with counter `b + a · 2⁴⁸`, so the
  /// replacement is the same on any thread or shard (cSEM's `"replace"`). A resample still
  /// inadmissible after the last attempt is left out and counted as failed.
  case replace

  /// The most replacement draws for one resample.
  public static let maximumAttempts = 1000
}

/// Settings of a bootstrap run.
public struct BootstrapSettings: Sendable, Equatable {
  /// The default exact-quantile budget: 50 million kept draws (400 MB), e.g. 100,000 resamples
  /// of a model with 500 bootstrapped statistics.
  public static let defaultExactQuantileBudget = 50_000_000

  /// Number of resamples B.
  public var resamples: Int
  /// Seed of every random draw; resample b draws from the Philox stream keyed by (seed, b).
  public var seed: UInt64
  /// Worker threads; nil for all cores. Never changes the results.
  public var threads: Int?
  /// The confidence-interval method.
  public var confidenceInterval: ConfidenceIntervalMethod
  /// The confidence level, in (0, 1).
  public var level: Double
  /// Sign-change option.
  public var signChange: SignChange
  /// Reference distribution of p-values.
  public var pValues: PValueDistribution
  /// One- or two-tailed p-values for paths and effects (``HypothesisTest``).
  public var tails: TestTails
  /// The largest share of failed resamples tolerated before the run fails.
  public var maximumFailureShare: Double
  /// The most draws kept for exact interval limits: while `B × statistics` is at most this,
  /// every successful draw is kept (8 bytes each) and the limits are exact type-7 quantiles;
  /// beyond it the limits come from a fixed-memory `DistributionSketch` (error below 0.01
  /// bootstrap SD). 0 always uses the sketch.
  public var exactQuantileBudget: Int
  /// What to do with inadmissible resamples (default ``InadmissibleResampleHandling/keep``).
  public var inadmissibleResamples: InadmissibleResampleHandling
  /// The families of statistics to resample (default ``StatisticFamily/resampledByDefault``).
  /// Add e.g. ``StatisticFamily/reliability`` for intervals of alpha, ρ_C, ρ_A and AVE, as
  /// SmartPLS's bootstrap reports them; families not resampled cost nothing per resample.
  public var statistics: Set<StatisticFamily>

  public init(
    resamples: Int, seed: UInt64 = 1, threads: Int? = nil,
    confidenceInterval: ConfidenceIntervalMethod = .percentile,
    level: Double = 0.95, signChange: SignChange = .none, pValues: PValueDistribution = .studentT,
    tails: TestTails = .two, maximumFailureShare: Double = 0.05,
    exactQuantileBudget: Int = BootstrapSettings.defaultExactQuantileBudget,
    inadmissibleResamples: InadmissibleResampleHandling = .keep,
    statistics: Set<StatisticFamily> = StatisticFamily.resampledByDefault
  ) {
    self.resamples = resamples
    self.seed = seed
    self.threads = threads
    self.confidenceInterval = confidenceInterval
    self.level = level
    self.signChange = signChange
    self.pValues = pValues
    self.tails = tails
    self.maximumFailureShare = maximumFailureShare
    self.exactQuantileBudget = exactQuantileBudget
    self.inadmissibleResamples = inadmissibleResamples
    self.statistics = statistics
  }

  /// Whether a run of these settings over `statistics` statistics keeps every draw (exact
  /// quantiles) rather than sketching their distribution.
  public func keepsDraws(statistics: Int) -> Bool {
    let (product, overflow) = resamples.multipliedReportingOverflow(by: max(statistics, 1))
    return !overflow && product <= exactQuantileBudget
  }
}

extension BootstrapSettings: Codable {
  private enum CodingKeys: String, CodingKey {
    case resamples, seed, threads, confidenceInterval, level, signChange, pValues, tails
    case maximumFailureShare, exactQuantileBudget, inadmissibleResamples, statistics
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      resamples: try c.decode(Int.self, forKey: .resamples),
      seed: try c.decode(UInt64.self, forKey: .seed),
      threads: try c.decodeIfPresent(Int.self, forKey: .threads),
      confidenceInterval: try c.decode(ConfidenceIntervalMethod.self, forKey: .confidenceInterval),
      level: try c.decode(Double.self, forKey: .level),
      signChange: try c.decode(SignChange.self, forKey: .signChange),
      pValues: try c.decode(PValueDistribution.self, forKey: .pValues),
      tails: try c.decode(TestTails.self, forKey: .tails),
      maximumFailureShare: try c.decode(Double.self, forKey: .maximumFailureShare),
      exactQuantileBudget: try c.decode(Int.self, forKey: .exactQuantileBudget),
      inadmissibleResamples: try c.decode(
        InadmissibleResampleHandling.self, forKey: .inadmissibleResamples),
      statistics: Set(
        try c.decodeIfPresent([StatisticFamily].self, forKey: .statistics)
          ?? Array(StatisticFamily.resampledByDefault)))
  }

  /// Encodes settings; the families in ``StatisticFamily`` order, so equal settings give equal
  /// bytes.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(resamples, forKey: .resamples)
    try c.encode(seed, forKey: .seed)
    try c.encodeIfPresent(threads, forKey: .threads)
    try c.encode(confidenceInterval, forKey: .confidenceInterval)
    try c.encode(level, forKey: .level)
    try c.encode(signChange, forKey: .signChange)
    try c.encode(pValues, forKey: .pValues)
    try c.encode(tails, forKey: .tails)
    try c.encode(maximumFailureShare, forKey: .maximumFailureShare)
    try c.encode(exactQuantileBudget, forKey: .exactQuantileBudget)
    try c.encode(inadmissibleResamples, forKey: .inadmissibleResamples)
    try c.encode(StatisticFamily.allCases.filter(statistics.contains), forKey: .statistics)
  }
}

/// Problems of a bootstrap run.
public enum BootstrapError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A setting outside its domain.
  case invalidSetting(InvalidSettingValue)
  /// More resamples failed than ``BootstrapSettings/maximumFailureShare`` allows.
  case tooManyFailures(failed: Int, attempted: Int, maximumShare: Double)
  /// Fewer than two resamples are left once inadmissible ones are dropped.
  case tooFewAdmissible(included: Int, attempted: Int, inadmissible: Int)
  /// Shards that do not belong together or do not cover the run.
  case incompatibleShards(String)
  /// A shard's state that does not hold together (`source` names the file). Read through
  /// ``ShardFile``, the error names the kind of file instead
  /// (``malformedShardFile(source:kind:reason:)``).
  case malformedShard(source: String, reason: String)
  /// A file that is not a valid shard file of the kind expected: `kind` names that kind (e.g.
  /// "plssem power shard"), `reason` what is wrong, or which kind of file it is instead.
  case malformedShardFile(source: String, kind: String, reason: String)
  /// The run was cancelled.
  case cancelled

  /// The message in the library's words.
  public var description: String { description(naming: \.description) }

  /// The message, with settings named by `name` (a front end passes its own option names).
  public func description(naming name: (SettingName) -> String) -> String {
    switch self {
    case .invalidSetting(let problem): return problem.message(naming: name)
    case .tooManyFailures(let failed, let attempted, let share):
      return
        "\(failed) of \(attempted) bootstrap resamples failed (could not be computed: a constant indicator or a singular block or regression in the resample), more than the allowed share \(share); check the model for near-collinear blocks or raise \(name(.maximumFailureShare))"
    case .tooFewAdmissible(let included, let attempted, let inadmissible):
      return
        "only \(included) of \(attempted) bootstrap resamples are left (\(inadmissible) inadmissible resamples were dropped): too few for inference; keep or replace them (\(name(.inadmissibleResamples)))"
    case .incompatibleShards(let message): return "cannot merge shards: \(message)"
    case .malformedShard(let source, let reason):
      return "\(source): not a valid shard file (\(reason))"
    case .malformedShardFile(let source, let kind, let reason):
      return "\(source): not a \(kind) file (\(reason))"
    case .cancelled: return "the bootstrap was cancelled"
    }
  }
}
