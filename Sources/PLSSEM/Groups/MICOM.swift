import Foundation

/// MICOM, the measurement invariance of composite models (Henseler, Ringle & Sarstedt 2016,
/// "Testing measurement invariance of composites using partial least squares", International
/// Marketing Review 33(3), 405–431): whether groups may be compared (MGA) or even pooled.
///
/// - **Step 1, configural invariance**, checked rather than assumed: every group is estimated
///   with the same indicators per construct, the same data treatment (missing values treated
///   once on the pooled rows, then the same standardisation) and the same algorithm settings,
///   and every group's estimate exists.
/// - **Step 2, compositional invariance**: for each construct and pair of groups,
///   `c = cor(Z w₁, Z w₂)`, the correlation of the composite scores computed with each group's
///   weights on the **pooled, z-standardised** indicators Z (computed as
///   `w₁ᵀ S w₂ / √(w₁ᵀ S w₁ · w₂ᵀ S w₂)` with S the pooled indicator correlations of the block).
///   Its permutation distribution re-estimates the groups on the permuted rows; `quantile05` is
///   its 5 % type-7 quantile and `p` the share of permutations with c* ≤ c. Established when
///   p > 0.05.
/// - **Step 3, equal means and variances**: the scores of one estimate on the pooled data
///   (indicators z-standardised on the pooled sample, SD with n − 1); per group the mean and the
///   variance (n − 1 within the group); `meanDifference` = mean₁ − mean₂ and
///   `logVarianceRatio` = log var₁ − log var₂. Their permutation distributions (labels
///   permuted, scores fixed) give the 2.5 % and 97.5 % quantiles (the interval) and p = the
///   share of permutations at least as large in absolute value. Equal when p > 0.05.
///
/// A group's rows are taken by their group labels wherever they lie in the data: interleaved
/// labels give the same statistics as rows sorted by group (cSEM 0.6.1's step 3 assumes sorted
/// rows). Verdict per construct and pair: **no** invariance (step 2 fails), **partial** (step 2
/// holds, step 3 fails), **full** (all hold); pooling the groups is allowed only with full
/// invariance of every construct.
public struct MICOM: Sendable {
  /// The invariance of one construct between two groups.
  public enum Invariance: String, Sendable, Codable, Equatable {
    case none = "no"
    case partial
    case full
  }

  /// One item of the step 1 checklist.
  public struct Check: Sendable, Equatable {
    public let name: String
    public let holds: Bool
    public let detail: String
  }

  /// Step 2 for one construct and pair.
  public struct Composition: Sendable, Equatable {
    public let construct: String
    public let first: Int
    public let second: Int
    public let c: Double
    public let quantile05: Double
    public let p: Double
  }

  /// Step 3 for one construct and pair.
  public struct Moments: Sendable, Equatable {
    public let construct: String
    public let first: Int
    public let second: Int
    public let meanDifference: Double
    public let meanLower: Double
    public let meanUpper: Double
    public let pMean: Double
    public let logVarianceRatio: Double
    public let varianceLower: Double
    public let varianceUpper: Double
    public let pVariance: Double
  }

  /// The verdict for one construct and pair.
  public struct Verdict: Sendable, Equatable {
    public let construct: String
    public let first: Int
    public let second: Int
    public let invariance: Invariance
  }

  /// The significance level of steps 2 and 3.
  public static let alpha = 0.05

  public let step1: [Check]
  public let step2: [Composition]
  public let step3: [Moments]
  public let verdict: [Verdict]
  /// Permutations asked for and how many failed (left out).
  public let permutations: Int
  public let failedPermutations: Int

  /// Whether every construct is fully invariant between every pair: the groups may be pooled.
  public var poolingAllowed: Bool { verdict.allSatisfy { $0.invariance == .full } }

  /// With kept draws (``MultiGroupSettings/keepDraws``): every permutation's statistics,
  /// pairs × constructs × (c, mean difference, log variance ratio) a row (``MICOMState/draws``),
  /// and every permutation's order of the pooled rows (``MICOMState/rows``).
  public let draws: [Double]?
  public let permutationRows: [Int]?

  /// Runs MICOM for `model` on the groups of `split`, with `permutations` label permutations
  /// (the streams of ``PermutationStream``, so the permutations are those of a multi-group
  /// analysis with the same seed): a ``MultiGroupAnalysis`` of the weights with
  /// ``MultiGroupSettings/micom`` and no bootstrap.
  public init(
    _ model: PathModel, groups split: GroupSplit, estimator: PLSEstimator = PLSEstimator(),
    permutations: Int, seed: UInt64, threads: Int? = nil
  ) throws {
    guard permutations >= 1, permutations <= BootstrapState.maximumResamples else {
      throw BootstrapError.invalidSetting(
        InvalidSettingValue(
          .permutations, "must lie between 1 and \(BootstrapState.maximumResamples) for MICOM",
          got: "\(permutations)"))
    }
    // A permutation would re-run stage 2 alone, on LOC scores of the pooled stage 1.
    try estimator.estimate(model, data: split.data).refuseHigherOrder(
      procedure: "MICOM", methods: [.twoStage])
    let settings = MultiGroupSettings(
      permutations: permutations, resamples: 0, seed: seed, threads: threads,
      statistics: [.weight], micom: true)
    let result = try MultiGroupAnalysis(estimator: estimator, settings: settings).run(
      model, groups: split)
    guard let micom = result.micom else {
      throw BootstrapError.incompatibleShards("the analysis holds no MICOM permutations")
    }
    self = micom
  }

  /// MICOM from the permutations' `state` (whole or merged), the pooled estimate and the
  /// groups' `estimates`.
  init(
    pooled: PLSEstimate, estimates: [PLSEstimate], groups split: GroupSplit, state: MICOMState,
    failed: Int
  ) throws {
    let layout = pooled.layout
    let J = layout.J
    let p = layout.p
    let pairs = MultiGroupAnalysis.pairs(split.groups.count)
    guard state.constructs == layout.constructNames, state.pairs == pairs.count else {
      throw BootstrapError.incompatibleShards(
        "the MICOM state belongs to other constructs or groups")
    }

    // Step 1: verified from what each group's estimate used.
    self.step1 = [
      Check(
        name: "identical indicators",
        holds: estimates.allSatisfy {
          $0.indicatorNames == pooled.indicatorNames && $0.constructNames == pooled.constructNames
            && $0.model.constructs.map(\.mode) == pooled.model.constructs.map(\.mode)
        },
        detail: "every group has the model's \(p) indicators in \(J) blocks with the same modes"),
      Check(
        name: "identical data treatment",
        holds: estimates.allSatisfy {
          $0.dataSummary.treatment == pooled.dataSummary.treatment
            && $0.dataSummary.droppedRows == 0
        },
        detail:
          "\(pooled.dataSummary.treatment == .meanReplacement ? "mean replacement" : "casewise deletion") once on the pooled rows, then each group standardised with n − 1"
      ),
      Check(
        name: "identical algorithm settings",
        holds: estimates.allSatisfy { $0.settings == pooled.settings },
        detail:
          "scheme \(pooled.settings.scheme.rawValue), tolerance \(pooled.settings.tolerance), at most \(pooled.settings.maxIterations) iterations"
      ),
      Check(
        name: "every group estimated",
        holds: estimates.allSatisfy(\.converged),
        detail: "the PLS algorithm converged in every group"),
    ]

    let statistics = MICOMStatistics(pooled: pooled)
    var step2: [Composition] = []
    var step3: [Moments] = []
    var verdict: [Verdict] = []
    for (q, pair) in pairs.enumerated() {
      for j in 0..<J {
        let name = layout.constructNames[j]
        let original = statistics.original(
          estimates, groups: split.groups, pair: pair, construct: j)
        let c = state.tally(pair: q, construct: j, statistic: 0)
        let mean = state.tally(pair: q, construct: j, statistic: 1)
        let variance = state.tally(pair: q, construct: j, statistic: 2)
        step2.append(
          Composition(
            construct: name, first: pair.0, second: pair.1, c: original[0],
            quantile05: c.quantile(Self.alpha), p: c.p))
        step3.append(
          Moments(
            construct: name, first: pair.0, second: pair.1, meanDifference: original[1],
            meanLower: mean.quantile(Self.alpha / 2), meanUpper: mean.quantile(1 - Self.alpha / 2),
            pMean: mean.p, logVarianceRatio: original[2],
            varianceLower: variance.quantile(Self.alpha / 2),
            varianceUpper: variance.quantile(1 - Self.alpha / 2), pVariance: variance.p))
        let invariance: Invariance =
          !(c.p > Self.alpha)
          ? .none : (mean.p > Self.alpha && variance.p > Self.alpha ? .full : .partial)
        verdict.append(
          .init(construct: name, first: pair.0, second: pair.1, invariance: invariance))
      }
    }
    self.step2 = step2
    self.step3 = step3
    self.verdict = verdict
    self.permutations = state.permutations
    self.failedPermutations = failed
    self.draws = state.draws
    self.permutationRows = state.rows
  }
}
