/// Stage 1 of the disjoint two-stage approach to higher-order constructs inside a bootstrap
/// resample (``HigherOrderMethod/twoStage``): the resample's stage-1 correlation matrix `S₁`
/// goes through the stage-1 PLS kernel (signs aligned to the stage-1 estimate as the
/// ``SignChange`` asks), and stage 2's correlation matrix is formed from the result, so that
/// every resample re-runs both stages — the LOC scores are re-estimated, never held fixed.
///
/// The stage-2 indicators are stage-1 indicators and LOC scores. With unit-variance scores
/// (`wⱼᵀ S₁ⱼⱼ wⱼ = 1`), their correlations are entries of `S₁`, of the stage-1 indicator–score
/// correlations `C₁ = S₁W` and of the score correlations `R₁ = WᵀS₁W` — the correlations of
/// the resample's standardised stage-1 scores, without forming the scores.
struct FirstStageResampling: Sendable {
  /// Where a stage-2 indicator comes from.
  enum Source: Sendable, Equatable {
    /// Stage-1 indicator `i`.
    case indicator(Int)
    /// The score of stage-1 construct `j` (a LOC).
    case score(Int)
  }

  /// The stage-1 kernel (its layout and the estimate's settings).
  let kernel: PLSKernel
  /// The stage-1 estimate's weights and (uncorrected) loadings, for sign alignment.
  let originalWeights: [Double]
  let originalLoadings: [Double]
  /// For each stage-2 indicator, in stage-2 layout order, its source.
  let sources: [Source]

  /// The resampling of the first stage of `estimate`, nil when `estimate` is not a two-stage
  /// estimate of a model with higher-order constructs.
  init?(_ estimate: PLSEstimate) {
    guard let stages = estimate.higherOrder, stages.method == .twoStage,
      let first = stages.firstStage
    else { return nil }
    kernel = PLSKernel(layout: first.layout, settings: first.settings)
    originalWeights = first.weights
    originalLoadings = first.consistentCorrection?.compositeLoadings ?? first.loadings
    var sources: [Source] = []
    for name in estimate.layout.indicatorNames {
      if let i = first.layout.indicatorNames.firstIndex(of: name) {
        sources.append(.indicator(i))
      } else if let j = first.layout.constructNames.firstIndex(of: name) {
        sources.append(.score(j))
      }
    }
    self.sources = sources
  }

  /// Writes stage 2's correlation matrix (p₂ × p₂, column-major) from the stage-1 correlation
  /// matrix `s1` and the stage-1 run left in `workspace` (its `C` and `R`).
  func secondStageCorrelation(
    _ s1: UnsafePointer<Double>, workspace: PLSWorkspace, into s2: UnsafeMutablePointer<Double>
  ) {
    let p1 = kernel.layout.p
    let J1 = kernel.layout.J
    let p2 = sources.count
    let c = workspace.c
    let r = workspace.r
    for l in 0..<p2 {
      for k in 0..<p2 {
        let value: Double
        switch (sources[k], sources[l]) {
        case (.indicator(let a), .indicator(let b)): value = s1[a + b * p1]
        case (.indicator(let a), .score(let j)), (.score(let j), .indicator(let a)):
          value = c[a + j * p1]
        case (.score(let a), .score(let b)): value = a == b ? 1 : r[a + b * J1]
        }
        s2[k + l * p2] = value
      }
    }
  }
}

/// Aligning the signs of a resample's weights with the original estimate's (``SignChange``),
/// shared by stage 2 (or a one-stage model) and the stage 1 of the two-stage approach.
enum SignAlignment {
  /// Aligns `workspace.weights` with `originalWeights` (individual sign change) or the blocks'
  /// loadings with `originalLoadings` (construct-level change), then refreshes `C` and `R`.
  static func align(
    _ signChange: SignChange, kernel: PLSKernel, correlation: UnsafePointer<Double>,
    workspace: PLSWorkspace, originalWeights: [Double], originalLoadings: [Double]
  ) throws(EstimationError) {
    let layout = kernel.layout
    let w = workspace.weights
    let p = layout.p
    switch signChange {
    case .none:
      return
    case .individual:
      var changed = false
      for i in 0..<p where (w[i] < 0) != (originalWeights[i] < 0) {
        w[i] = -w[i]
        changed = true
      }
      guard changed else { return }
      try kernel.normalize(correlation, w)
    case .construct:
      var changed = false
      for j in 0..<layout.J {
        var same = 0.0
        var flipped = 0.0
        for i in layout.block(j) {
          let loading = workspace.c[i + j * p]
          same += abs(originalLoadings[i] - loading)
          flipped += abs(originalLoadings[i] + loading)
        }
        if same > flipped {
          for i in layout.block(j) { w[i] = -w[i] }
          changed = true
        }
      }
      guard changed else { return }
    }
    kernel.updateScoreCorrelations(correlation, workspace)
  }
}
