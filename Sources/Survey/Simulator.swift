import LinearAlgebra

/// Draws data from a recursive ``PopulationModel``, reproducibly for a seed.
///
/// For each respondent, in this order (which fixes the stream of draws):
///
/// 1. the exogenous constructs `ξ = L z`, with `z` standard normal and `L` the Cholesky factor
///    of their correlation matrix;
/// 2. each endogenous construct in topological order, `η_j = Σ β_ij η_i + √(1 − R²_j) ζ_j`,
///    with `R²_j = β_jᵀ Σ_j β_j` from the implied correlations `Σ_j` of its predictors, so that
///    every construct has variance 1;
/// 3. each item, in indicator order, `x = λ η + √(1 − λ²) ε`.
///
/// All of `z`, `ζ` and `ε` come from one ``NormalSampler`` seeded with the seed. The implied
/// correlations among constructs are in ``impliedCorrelations``; sample correlations converge to
/// them, and regressions of each endogenous construct on its predictors to the path coefficients.
public struct Simulator: Sendable {
  /// The population.
  public let model: PopulationModel
  /// The constructs in the order they are drawn (exogenous first, then topological).
  public let drawOrder: [String]
  /// The model-implied correlations among constructs, in the order of `model.constructs`.
  public let impliedCorrelations: Matrix
  /// The explained variance of each endogenous construct.
  public let rSquared: [String: Double]

  /// Lower Cholesky factor of the exogenous correlations (order: `drawOrder` prefix).
  let exogenousFactor: Matrix
  /// For each endogenous construct in draw order: its index, predictor indices, coefficients and
  /// disturbance standard deviation.
  let equations: [(target: Int, predictors: [Int], coefficients: [Double], disturbance: Double)]
  /// Indices (into `model.constructs`) of the exogenous constructs, in draw order.
  let exogenous: [Int]
  /// For each indicator: construct index, loading and error standard deviation.
  let measurement: [(construct: Int, loading: Double, error: Double)]

  /// Checks `model` and prepares the draws.
  ///
  /// - Throws: ``SimulationError`` for unknown or duplicate names, cycles, out-of-range values,
  ///   correlations of endogenous constructs, non-positive-definite exogenous correlations, and
  ///   paths that imply R² ≥ 1.
  public init(model: PopulationModel) throws(SimulationError) {
    self.model = model
    let names = model.constructs
    guard !names.isEmpty else { throw .noConstructs }
    var position: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      guard position[name] == nil else { throw .duplicateConstruct(name) }
      position[name] = index
    }
    let k = names.count
    var incoming = Array(repeating: [(from: Int, coefficient: Double)](), count: k)
    for path in model.paths {
      guard let from = position[path.from] else { throw .unknownConstruct(path.from, in: "a path") }
      guard let to = position[path.to] else { throw .unknownConstruct(path.to, in: "a path") }
      guard path.coefficient.isFinite else {
        throw .invalidValue("path \(path.from) → \(path.to)", value: path.coefficient)
      }
      incoming[to].append((from, path.coefficient))
    }
    // Kahn's algorithm, keeping the model's order among constructs that are ready together.
    var remaining = incoming.map { Set($0.map(\.from)) }
    var order: [Int] = []
    var placed = Array(repeating: false, count: k)
    while order.count < k {
      guard let next = (0..<k).first(where: { !placed[$0] && remaining[$0].isEmpty }) else {
        throw .cycle((0..<k).filter { !placed[$0] }.map { names[$0] })
      }
      placed[next] = true
      order.append(next)
      for j in 0..<k { remaining[j].remove(next) }
    }
    let exogenous = order.filter { incoming[$0].isEmpty }
    self.exogenous = exogenous
    drawOrder = order.map { names[$0] }

    var sigma = Matrix.identity(k)
    for correlation in model.correlations {
      guard let a = position[correlation.first] else {
        throw .unknownConstruct(correlation.first, in: "a correlation")
      }
      guard let b = position[correlation.second] else {
        throw .unknownConstruct(correlation.second, in: "a correlation")
      }
      for index in [a, b] where !incoming[index].isEmpty {
        throw .correlationOfEndogenous(names[index])
      }
      guard correlation.value.isFinite, abs(correlation.value) < 1, a != b else {
        throw .invalidValue(
          "correlation \(correlation.first) ~~ \(correlation.second)", value: correlation.value)
      }
      sigma[a, b] = correlation.value
      sigma[b, a] = correlation.value
    }
    let exogenousBlock: Matrix
    do {
      exogenousBlock = try sigma.submatrix(rows: exogenous, columns: exogenous)
      exogenousFactor = try Cholesky(exogenousBlock, minimumReciprocalCondition: 1e-12).factor
    } catch {
      throw .exogenousCorrelationsNotPositiveDefinite
    }

    var equations: [(target: Int, predictors: [Int], coefficients: [Double], disturbance: Double)] =
      []
    var rSquared: [String: Double] = [:]
    var done = Set(exogenous)
    for target in order where !incoming[target].isEmpty {
      let predictors = incoming[target].map(\.from)
      let beta = incoming[target].map(\.coefficient)
      var r2 = 0.0
      for (a, ba) in zip(predictors, beta) {
        for (b, bb) in zip(predictors, beta) { r2 += ba * bb * sigma[a, b] }
      }
      guard r2 < 1 - 1e-12 else {
        throw .nonPositiveResidualVariance(construct: names[target], rSquared: r2)
      }
      for other in done {
        var covariance = 0.0
        for (a, ba) in zip(predictors, beta) { covariance += ba * sigma[a, other] }
        sigma[target, other] = covariance
        sigma[other, target] = covariance
      }
      done.insert(target)
      rSquared[names[target]] = r2
      equations.append((target, predictors, beta, (1 - r2).squareRoot()))
    }
    self.equations = equations
    self.rSquared = rSquared
    impliedCorrelations = sigma

    var items: Set<String> = []
    var measurement: [(construct: Int, loading: Double, error: Double)] = []
    for indicator in model.indicators {
      guard items.insert(indicator.item).inserted else { throw .duplicateItem(indicator.item) }
      guard let construct = position[indicator.construct] else {
        throw .unknownConstruct(indicator.construct, in: "item \(indicator.item)")
      }
      guard indicator.loading.isFinite, abs(indicator.loading) <= 1 else {
        throw .invalidValue("loading of \(indicator.item)", value: indicator.loading)
      }
      measurement.append(
        (construct, indicator.loading, (1 - indicator.loading * indicator.loading).squareRoot()))
    }
    self.measurement = measurement
  }

  /// The largest sample ``simulate(respondents:seed:)`` draws: ten million respondents (a data
  /// set of 28 items then takes about 2 GB), so that a mistyped count fails with a message
  /// instead of exhausting memory.
  public static let maximumRespondents = 10_000_000

  /// Continuous construct scores and item values for `respondents` respondents.
  ///
  /// - Throws: ``SimulationError/invalidRespondentCount(_:)`` when `respondents` is below 1 or
  ///   above ``maximumRespondents``.
  public func simulate(respondents: Int, seed: UInt64) throws(SimulationError) -> SimulatedData {
    var sampler = NormalSampler(seed: seed)
    return try simulate(respondents: respondents, seed: seed) { sampler.next() }
  }

  /// Continuous construct scores and item values for `respondents` respondents, drawing the
  /// standard normals `z`, `ζ` and `ε` in the order above from `normal` (any source, e.g. a
  /// counter-based stream whose draws do not depend on the thread that makes them); `seed` only
  /// labels the result (``SimulatedData/seed``).
  ///
  /// - Throws: ``SimulationError/invalidRespondentCount(_:)`` when `respondents` is below 1 or
  ///   above ``maximumRespondents``.
  public func simulate(respondents: Int, seed: UInt64, normal: () -> Double)
    throws(SimulationError) -> SimulatedData
  {
    guard respondents >= 1, respondents <= Self.maximumRespondents else {
      throw .invalidRespondentCount(respondents)
    }
    let k = model.constructs.count
    var latent = Array(repeating: [Double](repeating: 0, count: respondents), count: k)
    var items = Array(
      repeating: [Double](repeating: 0, count: respondents), count: measurement.count)
    var z = [Double](repeating: 0, count: exogenous.count)
    var eta = [Double](repeating: 0, count: k)
    for i in 0..<respondents {
      for a in z.indices { z[a] = normal() }
      for (a, index) in exogenous.enumerated() {
        var value = 0.0
        for b in 0...a { value += exogenousFactor[a, b] * z[b] }
        eta[index] = value
      }
      for equation in equations {
        var value = 0.0
        for (predictor, coefficient) in zip(equation.predictors, equation.coefficients) {
          value += coefficient * eta[predictor]
        }
        eta[equation.target] = value + equation.disturbance * normal()
      }
      for j in 0..<k { latent[j][i] = eta[j] }
      for (j, indicator) in measurement.enumerated() {
        items[j][i] =
          indicator.loading * eta[indicator.construct] + indicator.error * normal()
      }
    }
    return SimulatedData(
      constructNames: model.constructs, latentScores: latent, itemIDs: model.indicators.map(\.item),
      continuousItems: items, seed: seed)
  }
}
