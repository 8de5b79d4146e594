import Dispatch
import LinearAlgebra
import Synchronization

/// How PLSpredict turns the construct scores of a holdout case into predictions of its
/// endogenous constructs (Danks 2021, "The piggy in the middle", *Data Base* 52(SI), 24–42).
public enum PredictionTechnique: String, Sendable, Codable, Equatable, CaseIterable {
  /// Earliest antecedents (Shmueli et al. 2016; SmartPLS): only the exogenous constructs' scores
  /// are computed from the holdout indicators; every endogenous construct is predicted, in
  /// structural order, from its predecessors' *predictions*: `ŷⱼ = Σₖ βₖⱼ ŷₖ`. The linear-model
  /// benchmark regresses each endogenous indicator on all indicators of the exogenous constructs
  /// (Shmueli et al. 2019).
  case earliestAntecedents = "EA"
  /// Direct antecedents (Danks 2021; seminr's default): every construct's score is computed from
  /// the holdout indicators and each endogenous construct is predicted from its direct
  /// predecessors' scores, `ŷⱼ = Σₖ βₖⱼ Yₖ`. The benchmark regresses each endogenous indicator
  /// on the indicators of its construct's direct predecessors (as seminr).
  case directAntecedents = "DA"
}

/// Settings of PLSpredict.
public struct PLSPredictSettings: Sendable, Codable, Equatable {
  /// The number of folds k of the cross-validation (10 by default; n gives leave-one-out).
  public var folds: Int
  /// The seed of the fold assignment.
  public var seed: UInt64
  /// The prediction technique.
  public var technique: PredictionTechnique
  /// An explicit fold of every observation (0-based, `0 ..< folds`, each fold non-empty); when
  /// set it replaces the seeded assignment (and ``folds`` must equal its number of folds).
  public var foldAssignment: [Int]?

  public init(
    folds: Int = 10, seed: UInt64 = 1, technique: PredictionTechnique = .earliestAntecedents,
    foldAssignment: [Int]? = nil
  ) {
    self.folds = folds
    self.seed = seed
    self.technique = technique
    self.foldAssignment = foldAssignment
  }
}

/// The out-of-sample prediction statistics of one indicator of an endogenous construct.
///
/// With `eᵢ = xᵢ − x̂ᵢ` the holdout prediction error of observation i (in the indicator's units)
/// over all n observations (each predicted once, by the model trained without its fold):
/// `RMSE = √(Σeᵢ²/n)`, `MAE = Σ|eᵢ|/n`, and `Q²_predict = 1 − Σeᵢ² / Σ(xᵢ − x̄₋ᵢ)²`, where `x̄₋ᵢ`
/// is the indicator's mean in the training folds of observation i — the naive benchmark of
/// Shmueli et al. (2019) and SmartPLS. `Q²_predict > 0`: the model beats the training mean.
public struct IndicatorPrediction: Sendable, Codable, Equatable {
  /// The endogenous construct.
  public let construct: String
  /// The indicator.
  public let indicator: String
  /// RMSE of the PLS predictions.
  public let plsRMSE: Double
  /// MAE of the PLS predictions.
  public let plsMAE: Double
  /// Q²_predict of the PLS predictions.
  public let q2Predict: Double
  /// RMSE of the linear-model benchmark.
  public let lmRMSE: Double
  /// MAE of the linear-model benchmark.
  public let lmMAE: Double
  /// Q²_predict of the linear-model benchmark.
  public let lmQ2Predict: Double
}

/// PLSpredict (Shmueli, Ray, Velasquez Estrada & Chatla 2016, "The elephant in the room",
/// *J. Business Research* 69(10), 4552–4564; Shmueli et al. 2019, "Predictive model assessment
/// in PLS-SEM: guidelines for using PLSpredict", *European J. Marketing* 53(11), 2322–2347):
/// k-fold cross-validated predictions of every indicator of the endogenous constructs, compared
/// with a linear-model (LM) benchmark and with the training mean.
///
/// **Folds.** The n observations are shuffled by a Fisher–Yates permutation drawn from the
/// Philox stream keyed by the seed with counter `2⁶⁴ − 1` (``ResampleStream``; the bootstrap uses
/// counters 0, 1, …), and position `i` of the shuffled order (0-based) goes to fold
/// `max(1, ⌈i·k/(n − 1)⌉) − 1`: k contiguous blocks of near-equal size, the split of R's
/// `cut(seq_len(n), breaks = k)` that seminr's `predict_pls` applies to its shuffled order. With
/// k = n every observation is its own fold (leave-one-out), whatever the seed.
///
/// **Per fold** (seminr's `predict_pls`, which follows Shmueli et al. 2016):
/// 1. re-estimate the model on the training folds (the estimate's settings, PLSc included);
/// 2. standardise the holdout indicators with the training means and SDs (n_train − 1) and form
///    the construct scores with the training weights;
/// 3. predict the endogenous construct scores by the ``PredictionTechnique`` with the training
///    path coefficients, and each endogenous indicator as `x̂ = mean + SD · λ · ŷ` with its
///    training loading λ (and mean, SD);
/// 4. LM benchmark: OLS with intercept, on the training rows in original units, of each
///    endogenous indicator on the benchmark's indicators (see ``PredictionTechnique``),
///    applied to the holdout rows.
///
/// The data are the estimate's (after its missing-value treatment). Degenerate folds give clear
/// errors: a fold's re-estimation failing (a constant indicator in the training rows, say)
/// throws ``AssessmentError/reestimationFailed(step:reason:)``, a singular benchmark
/// ``AssessmentError/singularBenchmark(indicator:step:)``.
public struct PLSPredict: Sendable, Equatable {
  /// The number of folds.
  public let folds: Int
  /// The prediction technique.
  public let technique: PredictionTechnique
  /// The fold of every observation (0-based), in data order.
  public let foldOfObservation: [Int]
  /// Per indicator of the endogenous constructs, in indicator order.
  public let indicators: [IndicatorPrediction]
  /// The holdout PLS predictions (n × m, the m indicators of ``indicators``, original units).
  public let plsPredictions: Matrix
  /// The holdout LM benchmark predictions (n × m).
  public let lmPredictions: Matrix

  /// The stream counter of the fold shuffle (the bootstrap uses 0, 1, …).
  static let foldStream = UInt64.max

  /// The fold of each of `n` observations for `k` folds and `seed`: a Philox Fisher–Yates
  /// shuffle cut into k contiguous blocks (see ``PLSPredict``).
  public static func foldAssignment(observations n: Int, folds k: Int, seed: UInt64)
    throws(AssessmentError) -> [Int]
  {
    guard k >= 2, k <= n else { throw .invalidFoldCount(folds: k, observations: n) }
    let order = shuffledOrder(observations: n, seed: seed)
    var fold = [Int](repeating: 0, count: n)
    for (position, row) in order.enumerated() {
      fold[row] = foldOfPosition(position, observations: n, folds: k)
    }
    return fold
  }

  /// The Fisher–Yates shuffle: `order[position]` is the observation at that position (what
  /// seminr's `predict_pls(ordering:)` takes). For i = n − 1 down to 1, swap positions i and
  /// `nextIndex(below: i + 1)` of the stream.
  static func shuffledOrder(observations n: Int, seed: UInt64) -> [Int] {
    var order = Array(0..<n)
    var stream = ResampleStream(seed: seed, resample: foldStream)
    var i = n - 1
    while i > 0 {
      order.swapAt(i, stream.nextIndex(below: i + 1))
      i -= 1
    }
    return order
  }

  /// R's `cut(seq_len(n), breaks = k)` for 0-based position `i`, 0-based fold.
  static func foldOfPosition(_ i: Int, observations n: Int, folds k: Int) -> Int {
    guard n > 1, i > 0 else { return 0 }
    let f = (i * k + (n - 1) - 1) / (n - 1)  // ⌈i·k/(n − 1)⌉
    return max(1, f) - 1
  }

  /// Runs PLSpredict on `estimate`: one re-estimation per fold. Models with interaction terms
  /// or higher-order constructs are refused (``AssessmentError``).
  public init(estimate: PLSEstimate, settings: PLSPredictSettings = PLSPredictSettings()) throws {
    guard !estimate.model.hasInteractions else {
      throw AssessmentError.interactionTermsNotSupported(procedure: "PLSpredict")
    }
    // Holdout rows would stay in the stage-1 LOC scores the training folds are fitted on.
    try estimate.refuseHigherOrder(procedure: "PLSpredict")
    let raw = estimate.prepared.raw
    let n = raw.rows
    let k = settings.folds
    let fold: [Int]
    if let explicit = settings.foldAssignment {
      guard explicit.count == n else {
        throw AssessmentError.invalidFoldAssignment(
          "it has \(explicit.count) entries for \(n) observations")
      }
      guard k >= 2, k <= n else {
        throw AssessmentError.invalidFoldCount(folds: k, observations: n)
      }
      guard explicit.allSatisfy({ $0 >= 0 && $0 < k }) else {
        throw AssessmentError.invalidFoldAssignment("every entry must lie in 0..<\(k)")
      }
      let used = Set(explicit)
      guard used.count == k else {
        throw AssessmentError.invalidFoldAssignment(
          "fold(s) \((0..<k).filter { !used.contains($0) }) are empty")
      }
      fold = explicit
    } else {
      fold = try Self.foldAssignment(observations: n, folds: k, seed: settings.seed)
    }
    let layout = estimate.layout
    let targets = layout.endogenous.flatMap { Array(layout.block($0)) }
    let m = targets.count
    let estimator = PLSEstimator(settings: estimate.settings)
    let columns = (0..<layout.p).map { raw.column($0) }
    let technique = settings.technique

    let outputs = Mutex<[Int: Result<FoldOutput, AssessmentError>]>([:])
    DispatchQueue.concurrentPerform(iterations: k) { f in
      let result: Result<FoldOutput, AssessmentError>
      do {
        result = .success(
          try Self.runFold(
            f, of: k, fold: fold, columns: columns, estimate: estimate, estimator: estimator,
            targets: targets,
            technique: technique))
      } catch let error as AssessmentError {
        result = .failure(error)
      } catch {
        result = .failure(
          .reestimationFailed(step: "PLSpredict fold \(f + 1) of \(k)", reason: "\(error)"))
      }
      outputs.withLock { $0[f] = result }
    }
    var pls = Matrix(rows: n, columns: m)
    var lm = Matrix(rows: n, columns: m)
    var naive = Matrix(rows: n, columns: m)
    let results = outputs.withLock { $0 }
    for f in 0..<k {
      guard let result = results[f] else { continue }
      let output = try result.get()
      for (r, i) in output.rows.enumerated() {
        for t in 0..<m {
          pls[i, t] = output.pls[r + t * output.rows.count]
          lm[i, t] = output.lm[r + t * output.rows.count]
          naive[i, t] = output.trainingMeans[t]
        }
      }
    }
    var rows: [IndicatorPrediction] = []
    for (t, a) in targets.enumerated() {
      var plsSquares = 0.0
      var plsAbsolute = 0.0
      var lmSquares = 0.0
      var lmAbsolute = 0.0
      var naiveSquares = 0.0
      for i in 0..<n {
        let x = columns[a][i]
        plsSquares += (x - pls[i, t]) * (x - pls[i, t])
        plsAbsolute += abs(x - pls[i, t])
        lmSquares += (x - lm[i, t]) * (x - lm[i, t])
        lmAbsolute += abs(x - lm[i, t])
        naiveSquares += (x - naive[i, t]) * (x - naive[i, t])
      }
      rows.append(
        IndicatorPrediction(
          construct: layout.constructNames[layout.blockOf[a]], indicator: layout.indicatorNames[a],
          plsRMSE: (plsSquares / Double(n)).squareRoot(), plsMAE: plsAbsolute / Double(n),
          q2Predict: 1 - plsSquares / naiveSquares, lmRMSE: (lmSquares / Double(n)).squareRoot(),
          lmMAE: lmAbsolute / Double(n), lmQ2Predict: 1 - lmSquares / naiveSquares))
    }
    folds = k
    self.technique = technique
    foldOfObservation = fold
    indicators = rows
    plsPredictions = pls
    lmPredictions = lm
  }

  /// The predictions of one fold's holdout rows.
  private struct FoldOutput: Sendable {
    /// The holdout rows, ascending.
    let rows: [Int]
    /// PLS predictions, holdout rows × targets, column-major.
    let pls: [Double]
    /// LM predictions, same shape.
    let lm: [Double]
    /// The training mean of each target.
    let trainingMeans: [Double]
  }

  private static func runFold(
    _ f: Int, of k: Int, fold: [Int], columns: [[Double]], estimate: PLSEstimate,
    estimator: PLSEstimator,
    targets: [Int], technique: PredictionTechnique
  ) throws -> FoldOutput {
    let layout = estimate.layout
    let step = "PLSpredict fold \(f + 1) of \(k)"
    let train = fold.indices.filter { fold[$0] != f }
    let test = fold.indices.filter { fold[$0] == f }
    let trainColumns = columns.map { column in train.map { column[$0] } }
    let trained = try estimator.reestimate(
      estimate.model, indicators: layout.indicatorNames, columns: trainColumns, step: step)
    let nTrain = Double(train.count)
    let means = trainColumns.map { $0.reduce(0, +) / nTrain }
    let sds = zip(trainColumns, means).map { column, mean in
      (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (nTrain - 1)).squareRoot()
    }
    let J = layout.J
    let nt = test.count
    // Holdout construct scores with the training weights (nt × J, column-major).
    var scores = [Double](repeating: 0, count: nt * J)
    for a in 0..<layout.p {
      let j = layout.blockOf[a]
      let w = trained.weights[a]
      for (r, i) in test.enumerated() {
        scores[r + j * nt] += (columns[a][i] - means[a]) / sds[a] * w
      }
    }
    var predicted = scores
    switch technique {
    case .directAntecedents:
      for j in layout.endogenous {
        for r in 0..<nt {
          var v = 0.0
          for h in layout.predecessors[j] {
            v += trained.pathCoefficients[h, j] * scores[r + h * nt]
          }
          predicted[r + j * nt] = v
        }
      }
    case .earliestAntecedents:
      for j in layout.structuralOrder where !layout.predecessors[j].isEmpty {
        for r in 0..<nt {
          var v = 0.0
          for h in layout.predecessors[j] {
            v += trained.pathCoefficients[h, j] * predicted[r + h * nt]
          }
          predicted[r + j * nt] = v
        }
      }
    }
    let loadings = trained.loadings
    var pls = [Double](repeating: 0, count: nt * targets.count)
    for (t, a) in targets.enumerated() {
      let j = layout.blockOf[a]
      for r in 0..<nt { pls[r + t * nt] = means[a] + sds[a] * loadings[a] * predicted[r + j * nt] }
    }
    // LM benchmark, one design per endogenous construct.
    var lm = [Double](repeating: 0, count: nt * targets.count)
    for j in layout.endogenous {
      let sources: [Int]
      switch technique {
      case .directAntecedents: sources = layout.predecessors[j]
      case .earliestAntecedents: sources = (0..<J).filter { layout.predecessors[$0].isEmpty }
      }
      let predictors = sources.flatMap { Array(layout.block($0)) }
      let dependents = Array(layout.block(j))
      var design = Matrix(rows: train.count, columns: predictors.count + 1, repeating: 1)
      for (c, a) in predictors.enumerated() {
        for r in 0..<train.count { design[r, c + 1] = trainColumns[a][r] }
      }
      var response = Matrix(rows: train.count, columns: dependents.count)
      for (c, a) in dependents.enumerated() {
        for r in 0..<train.count { response[r, c] = trainColumns[a][r] }
      }
      let beta: Matrix
      do {
        beta = try design.leastSquares(response)
      } catch {
        throw AssessmentError.singularBenchmark(
          indicator: layout.indicatorNames[dependents[0]], step: step)
      }
      for (c, a) in dependents.enumerated() {
        guard let t = targets.firstIndex(of: a) else { continue }
        for (r, i) in test.enumerated() {
          var v = beta[0, c]
          for (q, b) in predictors.enumerated() { v += beta[q + 1, c] * columns[b][i] }
          lm[r + t * nt] = v
        }
      }
    }
    return FoldOutput(rows: test, pls: pls, lm: lm, trainingMeans: targets.map { means[$0] })
  }
}
