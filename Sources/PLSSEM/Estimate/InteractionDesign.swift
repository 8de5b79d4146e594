import LinearAlgebra

/// The models and generated indicators of a model with interaction terms
/// (``PathModel/Interaction``), estimated in stages as ``InteractionMethod`` describes.
///
/// - The **base model** is the specified model without its interaction terms' paths: stage 1
///   of the two-stage method, and the model whose indicators the products are formed from.
/// - The **expanded model** (stage 2) is the specified model with one Mode A construct per
///   interaction term appended, named like the term (`A:B`) and measured by the generated
///   indicators (``indicatorNames(of:)``). Its first constructs and indicators are the base
///   model's, in the same order, so a base column is the same column in both.
///
/// The expanded model is internal: it is estimated, while ``PLSEstimate/model`` stays the
/// specified model.
struct InteractionDesign: Sendable {
  /// One interaction term: its name and the base-model indices of its two constructs.
  struct Term: Sendable, Equatable {
    let name: String
    let predictor: Int
    let moderator: Int
    /// The generated indicators' names.
    let indicators: [String]
  }

  let specified: PathModel
  let base: PathModel
  let baseLayout: ModelLayout
  let expanded: PathModel
  /// The expanded model's layout, with its interaction constructs flagged.
  let layout: ModelLayout
  let terms: [Term]
  let method: InteractionMethod

  /// The design of a validated `model` that has interaction terms.
  init(model: PathModel, settings: PLSSettings) {
    specified = model
    method = settings.interaction
    base = PathModel(
      constructs: model.constructs,
      paths: model.paths.filter { !PathModel.Interaction.isTerm($0.from) })
    baseLayout = ModelLayout(model: base)
    let index = Dictionary(
      uniqueKeysWithValues: model.constructNames.enumerated().map { ($1, $0) })
    var terms: [Term] = []
    for interaction in model.interactions {
      guard let a = index[interaction.predictor], let b = index[interaction.moderator] else {
        continue  // validation guarantees both are constructs
      }
      let indicators: [String]
      switch settings.interaction {
      case .twoStage: indicators = [interaction.name]
      case .productIndicator, .orthogonal:
        indicators = model.constructs[a].indicators.flatMap { x in
          model.constructs[b].indicators.map { x + "*" + $0 }
        }
      }
      terms.append(Term(name: interaction.name, predictor: a, moderator: b, indicators: indicators))
    }
    self.terms = terms
    expanded = PathModel(
      constructs: model.constructs
        + terms.map { PathModel.Construct(name: $0.name, mode: .a, indicators: $0.indicators) },
      paths: model.paths)
    var layout = ModelLayout(model: expanded)
    for (k, term) in terms.enumerated() {
      layout.isInteraction[model.constructs.count + k] = true
      layout.interactionTerms.append(
        ModelLayout.InteractionTerm(
          term: model.constructs.count + k, focal: term.predictor, moderator: term.moderator))
    }
    layout.scalesInteractions = settings.interactionScale == .indicatorSD
    layout.slopeLevels = settings.simpleSlopeLevels
    self.layout = layout
  }

  /// Number of base indicators (the first columns of the expanded model).
  var baseIndicatorCount: Int { baseLayout.p }
  /// Number of generated indicators.
  var generatedCount: Int { terms.reduce(0) { $0 + $1.indicators.count } }
}

/// Forms the generated indicators of the interaction terms from one sample's standardised base
/// indicators: the estimate's sample and every bootstrap resample call the same code. It owns
/// its buffers, so generating allocates nothing.
final class InteractionColumns: @unchecked Sendable {
  let design: InteractionDesign
  private let factor: UnsafeMutablePointer<Double>
  private let rhs: UnsafeMutablePointer<Double>
  private let largest: Int

  init(design: InteractionDesign) {
    self.design = design
    let sizes = design.terms.map {
      design.baseLayout.block($0.predictor).count + design.baseLayout.block($0.moderator).count
    }
    largest = max(sizes.max() ?? 1, 1)
    factor = .allocate(capacity: largest * largest)
    factor.initialize(repeating: 0, count: largest * largest)
    rhs = .allocate(capacity: largest)
    rhs.initialize(repeating: 0, count: largest)
  }

  deinit {
    factor.deallocate()
    rhs.deallocate()
  }

  /// Writes the generated columns, n × ``InteractionDesign/generatedCount`` column-major, to
  /// `out`, from the base indicators `z` (n × p₀ column-major, each column of mean 0 and SD 1
  /// in this sample, denominator n − 1) and their correlation matrix `s` (p₀ × p₀); for the
  /// two-stage method `weights` are the stage-1 outer weights (p₀, scores of unit variance).
  /// Returns false when the orthogonalising regression is singular.
  func generate(
    z: UnsafePointer<Double>, rows n: Int, correlation s: UnsafePointer<Double>,
    weights: UnsafePointer<Double>?, into out: UnsafeMutablePointer<Double>
  ) -> Bool {
    let layout = design.baseLayout
    let p0 = layout.p
    var column = 0
    for term in design.terms {
      let a = layout.block(term.predictor)
      let b = layout.block(term.moderator)
      switch design.method {
      case .twoStage:
        let to = out + column * n
        guard let w = weights else { return false }
        for r in 0..<n {
          var x = 0.0
          for i in a { x += w[i] * z[r + i * n] }
          var m = 0.0
          for i in b { m += w[i] * z[r + i * n] }
          to[r] = x * m
        }
        column += 1
      case .productIndicator, .orthogonal:
        let first = column
        for i in a {
          for k in b {
            let to = out + column * n
            let x = z + i * n
            let m = z + k * n
            for r in 0..<n { to[r] = x[r] * m[r] }
            column += 1
          }
        }
        if design.method == .orthogonal {
          guard
            orthogonalise(
              out + first * n, count: column - first, rows: n, z: z, correlation: s, p: p0,
              predictors: a, b)
          else { return false }
        }
      }
    }
    return true
  }

  /// Replaces each of the `count` product columns at `y` by its residual from the least-squares
  /// regression with intercept on the base columns `a` and `b` (centred and scaled in this
  /// sample, which leaves the residuals as they are on the original indicators):
  /// `e = y − ȳ − Z β`, `β = (ZᵀZ)⁻¹ Zᵀ(y − ȳ)`, with `ZᵀZ = (n − 1) S_ZZ`.
  private func orthogonalise(
    _ y: UnsafeMutablePointer<Double>, count: Int, rows n: Int, z: UnsafePointer<Double>,
    correlation s: UnsafePointer<Double>, p: Int, predictors a: Range<Int>, _ b: Range<Int>
  ) -> Bool {
    let k = a.count + b.count
    func index(_ m: Int) -> Int { m < a.count ? a.lowerBound + m : b.lowerBound + m - a.count }
    for c in 0..<k {
      for r in 0..<k { factor[r + c * k] = s[index(r) + index(c) * p] }
    }
    guard SmallSPDSolver.factorize(factor, n: k, relativeTolerance: 1e-12) else { return false }
    let scale = 1 / Double(n - 1)
    for column in 0..<count {
      let target = y + column * n
      var mean = 0.0
      for r in 0..<n { mean += target[r] }
      mean /= Double(n)
      for m in 0..<k {
        let zc = z + index(m) * n
        var dot = 0.0
        for r in 0..<n { dot += zc[r] * target[r] }
        rhs[m] = dot * scale
      }
      SmallSPDSolver.solve(factor: factor, n: k, rhs)
      for r in 0..<n {
        var fitted = mean
        for m in 0..<k { fitted += rhs[m] * z[r + index(m) * n] }
        target[r] -= fitted
      }
    }
    return true
  }
}
