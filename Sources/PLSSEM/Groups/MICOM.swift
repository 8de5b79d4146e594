import Foundation
import LinearAlgebra

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

  /// Runs MICOM for `model` on the groups of `split`, with `permutations` label permutations
  /// (the streams of ``PermutationStream``, so the permutations are those of a multi-group
  /// analysis with the same seed).
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
    let threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    let pooled = try estimator.estimate(model, data: split.data)
    // A permutation would re-run stage 2 alone, on LOC scores of the pooled stage 1.
    try pooled.refuseHigherOrder(procedure: "MICOM", methods: [.twoStage])
    var estimates: [PLSEstimate] = []
    for (g, group) in split.groups.enumerated() {
      do {
        estimates.append(try estimator.estimate(model, data: split.data(ofGroup: g)))
      } catch {
        throw GroupingError.groupFailed(
          group: group.name, column: split.column, message: "\(error)")
      }
    }
    let layout = pooled.layout
    let J = layout.J
    let p = layout.p
    let pairs = MultiGroupAnalysis.pairs(split.groups.count)

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

    // Step 2's statistic from weights: c = w1'S w2 / sqrt(w1'S w1 · w2'S w2) per block.
    let correlation = pooled.prepared.correlation
    let blocks = (0..<J).map { j in (0..<p).filter { layout.blockOf[$0] == j } }
    @Sendable func composition(_ w1: (Int) -> Double, _ w2: (Int) -> Double, block: [Int])
      -> Double
    {
      var s12 = 0.0
      var s11 = 0.0
      var s22 = 0.0
      for i in block {
        for k in block {
          let r = correlation[i, k]
          s12 += w1(i) * r * w2(k)
          s11 += w1(i) * r * w1(k)
          s22 += w2(i) * r * w2(k)
        }
      }
      return s12 / (s11 * s22).squareRoot()
    }
    // Step 3's statistics of the pooled scores for rows rows[0 ..< count].
    let scores = pooled.scores
    @Sendable func moments(_ rows: UnsafePointer<Int>, _ count: Int, construct j: Int) -> (
      mean: Double, variance: Double
    ) {
      var sum = 0.0
      for k in 0..<count { sum += scores[rows[k], j] }
      let mean = sum / Double(count)
      var squares = 0.0
      for k in 0..<count {
        let d = scores[rows[k], j] - mean
        squares += d * d
      }
      return (mean, squares / Double(count - 1))
    }

    // The original statistics.
    let originalC = pairs.map { pair in
      (0..<J).map { j in
        composition(
          { estimates[pair.0].weights[$0] }, { estimates[pair.1].weights[$0] }, block: blocks[j])
      }
    }
    let groupMoments = split.groups.map { group in
      group.rows.withUnsafeBufferPointer { rows -> [(mean: Double, variance: Double)] in
        guard let base = rows.baseAddress else { return [] }
        return (0..<J).map { j in moments(base, rows.count, construct: j) }
      }
    }

    // The permutations: per permutation, pairs × J × (c, mean difference, log variance ratio).
    let width = pairs.count * J * 3
    let draws = KeptRows(count: permutations * width)
    let weightCatalog = StatisticCatalog(
      layout: layout, families: [.weight], consistent: pooled.settings.consistent,
      structure: true)
    let weightSlots = (0..<p).map { i in
      weightCatalog.keys.firstIndex(
        of: .weight(
          construct: layout.constructNames[layout.blockOf[i]], indicator: layout.indicatorNames[i]))
        ?? 0
    }
    let sizes = split.groups.map(\.observations)
    let offsets = sizes.indices.map { g in sizes[..<g].reduce(0, +) }
    let m = weightCatalog.count
    let engine = PermutationEngine(
      data: pooled.prepared.standardized,
      kernel: PLSKernel(layout: layout, settings: pooled.settings), catalog: weightCatalog,
      sizes: sizes, seed: seed, threads: threads)
    let failed = engine.run(0..<permutations) { i, rows, statistics, _ in
      guard let statistics else {
        draws.fill(at: i * width, count: width, with: .nan)
        return
      }
      let row = draws.slot(i * width)
      for (q, pair) in pairs.enumerated() {
        let a = statistics + pair.0 * m
        let b = statistics + pair.1 * m
        for j in 0..<J {
          let c = composition({ a[weightSlots[$0]] }, { b[weightSlots[$0]] }, block: blocks[j])
          let ma = moments(rows + offsets[pair.0], sizes[pair.0], construct: j)
          let mb = moments(rows + offsets[pair.1], sizes[pair.1], construct: j)
          let base = (q * J + j) * 3
          row[base] = c
          row[base + 1] = ma.mean - mb.mean
          row[base + 2] = log(ma.variance) - log(mb.variance)
        }
      }
    }
    let all = draws.array()
    func distribution(_ column: Int) -> [Double] {
      stride(from: column, to: all.count, by: width).map { all[$0] }.filter { !$0.isNaN }
    }
    var step2: [Composition] = []
    var step3: [Moments] = []
    var verdict: [Verdict] = []
    for (q, pair) in pairs.enumerated() {
      for j in 0..<J {
        let name = layout.constructNames[j]
        let base = (q * J + j) * 3
        let cStar = distribution(base).sorted()
        let meanStar = distribution(base + 1).sorted()
        let varStar = distribution(base + 2).sorted()
        let count = Double(cStar.count)
        let c = originalC[q][j]
        let pC = Double(cStar.filter { $0 <= c }.count) / count
        let meanDifference = groupMoments[pair.0][j].mean - groupMoments[pair.1][j].mean
        let logRatio = log(groupMoments[pair.0][j].variance) - log(groupMoments[pair.1][j].variance)
        let pMean = Double(meanStar.filter { abs($0) >= abs(meanDifference) }.count) / count
        let pVariance = Double(varStar.filter { abs($0) >= abs(logRatio) }.count) / count
        step2.append(
          Composition(
            construct: name, first: pair.0, second: pair.1, c: c,
            quantile05: TypeSevenQuantile.quantile(sorted: cStar, Self.alpha), p: pC))
        step3.append(
          Moments(
            construct: name, first: pair.0, second: pair.1, meanDifference: meanDifference,
            meanLower: TypeSevenQuantile.quantile(sorted: meanStar, Self.alpha / 2),
            meanUpper: TypeSevenQuantile.quantile(sorted: meanStar, 1 - Self.alpha / 2),
            pMean: pMean, logVarianceRatio: logRatio,
            varianceLower: TypeSevenQuantile.quantile(sorted: varStar, Self.alpha / 2),
            varianceUpper: TypeSevenQuantile.quantile(sorted: varStar, 1 - Self.alpha / 2),
            pVariance: pVariance))
        let invariance: Invariance =
          !(pC > Self.alpha)
          ? .none : (pMean > Self.alpha && pVariance > Self.alpha ? .full : .partial)
        verdict.append(
          .init(construct: name, first: pair.0, second: pair.1, invariance: invariance))
      }
    }
    self.step2 = step2
    self.step3 = step3
    self.verdict = verdict
    self.permutations = permutations
    self.failedPermutations = failed
  }
}
