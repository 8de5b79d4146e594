/// Whether Henseler's PLS-MGA p is the one-sided probability P(group 1 ≤ group 2) or two-sided.
public enum HenselerSides: String, Sendable, Codable, Equatable, CaseIterable {
  /// P(θ₁ ≤ θ₂), as seminr's `estimate_pls_mga` and cSEM's `testMGD` report it (the default): a
  /// value near 0 says group 1's parameter is larger, near 1 that it is smaller.
  case oneSided = "one"
  /// `2 min(P, 1 − P)`: a difference in either direction. SmartPLS's documented rule for its
  /// PLS-MGA p (significant at 5 % when P < 0.05 or P > 0.95) is this p below 0.10.
  case twoSided = "two"
}

/// Settings of a multi-group analysis (``MultiGroupAnalysis``).
public struct MultiGroupSettings: Sendable, Equatable {
  /// The statistics compared by default: paths, loadings, weights, R², total and indirect effects.
  public static let defaultFamilies: Set<StatisticFamily> = [
    .path, .loading, .weight, .rSquared, .totalEffect, .indirectEffect,
  ]

  /// Permutations of the group labels (0: no permutation test).
  public var permutations: Int
  /// Bootstrap resamples per group (0: no bootstrap, so no standard errors, parametric, Welch or
  /// Henseler p-values).
  public var resamples: Int
  /// The seed of every random draw (permutations and each group's bootstrap).
  public var seed: UInt64
  /// Worker threads; nil for all cores. Never changes the results.
  public var threads: Int?
  /// One- or two-sided Henseler p.
  public var henseler: HenselerSides
  /// The families of statistics compared.
  public var statistics: Set<StatisticFamily>
  /// The bootstrap's other settings (interval method, level, sign change, …); its `resamples`,
  /// `seed`, `threads` and `statistics` are set from the fields above.
  public var bootstrap: BootstrapSettings
  /// Keep every permutation's group statistics (``MultiGroupResult/permutationDraws``) and every
  /// group's bootstrap draws (``MultiGroupResult/GroupEstimate/bootstrapDraws``), e.g. to
  /// recompute the p-values elsewhere: memory grows with the permutations (8 bytes × groups ×
  /// statistics each); off, the permutation test's memory is flat.
  public var keepDraws: Bool
  /// Also run MICOM (``MICOM``) in the same pass over the permutations: the permuted groups'
  /// weights and rows give its step 2 and 3 statistics (``MultiGroupResult/micom``). Needs
  /// permutations ≥ 1.
  public var micom: Bool

  public init(
    permutations: Int = 1000, resamples: Int = 1000, seed: UInt64 = 1, threads: Int? = nil,
    henseler: HenselerSides = .oneSided,
    statistics: Set<StatisticFamily> = MultiGroupSettings.defaultFamilies,
    bootstrap: BootstrapSettings = BootstrapSettings(resamples: 1000),
    keepDraws: Bool = false, micom: Bool = false
  ) {
    self.permutations = permutations
    self.resamples = resamples
    self.seed = seed
    self.threads = threads
    self.henseler = henseler
    self.statistics = statistics
    self.bootstrap = bootstrap
    self.keepDraws = keepDraws
    self.micom = micom
  }

  /// The bootstrap settings of group `group`: ``bootstrap`` with this run's resamples, threads,
  /// statistics and the group's own seed (``PermutationStream/groupSeed(_:group:)``).
  public func bootstrapSettings(group: Int) -> BootstrapSettings {
    var settings = bootstrap
    settings.resamples = resamples
    settings.seed = PermutationStream.groupSeed(seed, group: group)
    settings.threads = threads
    settings.statistics = statistics
    return settings
  }
}
