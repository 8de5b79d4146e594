/// The result of a multi-group analysis: each group's estimate (and bootstrap), and for every
/// pair of groups and every compared statistic the difference and its tests.
public struct MultiGroupResult: Sendable {
  /// One group's estimate.
  public struct GroupEstimate: Sendable {
    /// The group (value, label, rows).
    public let group: GroupSplit.Group
    /// The estimate on the group's rows, with the analysis's settings.
    public let estimate: PLSEstimate
    /// The group's bootstrap (nil without resamples).
    public let bootstrap: BootstrapResult?
    /// With ``MultiGroupSettings/keepDraws``: the bootstrap draws, resample b's statistics at
    /// `b·m` (``MultiGroupResult/keys`` order), NaN for a failed resample.
    public let bootstrapDraws: [Double]?
  }

  /// One statistic compared between two groups.
  public struct Difference: Sendable, Equatable {
    /// The statistic.
    public let key: StatisticKey
    /// The two groups (indices into ``MultiGroupResult/groups``), first minus second.
    public let first: Int
    public let second: Int
    /// θ̂(first) − θ̂(second).
    public let difference: Double
    /// The permutation p (Chin & Dibbern 2010): the share of valid permutations whose
    /// difference lies beyond ±|difference| (strictly), as cSEM's `testMGD`.
    public let pPermutation: Double?
    /// Henseler's PLS-MGA p, one- or two-sided as ``MultiGroupResult/henseler`` says.
    public let pHenseler: Double?
    /// The parametric test's p (Keil et al. 2000).
    public let pParametric: Double?
    /// The Welch–Satterthwaite test's p.
    public let pWelch: Double?
    /// The Welch–Satterthwaite degrees of freedom.
    public let welchDegreesOfFreedom: Double?
  }

  /// The grouping column.
  public let column: String
  /// The groups' estimates, in group order.
  public let groups: [GroupEstimate]
  /// The compared statistics, in catalog order.
  public let keys: [StatisticKey]
  /// Every pair (first < second, in group order) × every key, pair by pair.
  public let differences: [Difference]
  /// Permutations asked for, and how many failed (a group's re-estimation impossible): those are
  /// left out of the permutation p.
  public let permutations: Int
  public let failedPermutations: Int
  /// The seed of every draw.
  public let seed: UInt64
  /// The sidedness of ``Difference/pHenseler``.
  public let henseler: HenselerSides
  /// With ``MultiGroupSettings/keepDraws``: row i holds permutation i's statistics,
  /// group g's m statistics at `i·G·m + g·m` (``keys`` order), NaN for a failed permutation.
  public let permutationDraws: [Double]?
  /// MICOM over the same permutations (``MultiGroupSettings/micom``), else nil.
  public let micom: MICOM?

  /// The differences between groups `first` and `second`.
  public func differences(between first: Int, and second: Int) -> [Difference] {
    differences.filter { $0.first == first && $0.second == second }
  }
}
