import Foundation
import LinearAlgebra
import Testing

@testable import Survey

func correlation(_ x: [Double], _ y: [Double]) -> Double {
  let n = Double(x.count)
  let mx = x.reduce(0, +) / n
  let my = y.reduce(0, +) / n
  var sxy = 0.0
  var sxx = 0.0
  var syy = 0.0
  for (a, b) in zip(x, y) {
    sxy += (a - mx) * (b - my)
    sxx += (a - mx) * (a - mx)
    syy += (b - my) * (b - my)
  }
  return sxy / (sxx * syy).squareRoot()
}

@Suite("Simulation")
struct SimulatorTests {
  @Test func splitMix64MatchesTheReferenceSequence() {
    // Vigna's splitmix64.c seeded with 1234567.
    var generator = SplitMix64(seed: 1_234_567)
    #expect(
      (0..<5).map { _ in generator.next() } == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
        4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
      ])
  }

  @Test func normalDrawsHaveMeanZeroAndVarianceOne() {
    var sampler = NormalSampler(seed: 7)
    let draws = (0..<200_000).map { _ in sampler.next() }
    let mean = draws.reduce(0, +) / Double(draws.count)
    let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count - 1)
    #expect(abs(mean) < 0.01)
    #expect(abs(variance - 1) < 0.01)
    let finite = draws.allSatisfy { $0.isFinite }
    #expect(finite)
  }

  @Test func impliedCorrelationsAndRSquaredOfTheLEDPopulation() throws {
    let simulator = try Simulator(model: try LEDInstrument.populationModel())
    let sigma = simulator.impliedCorrelations
    // Order X1, X2, X3, Y. r(X1,X3) = 0.5 · 0.3; r(X2,X3) = 0.5.
    #expect(abs(sigma[0, 1] - 0.30) < 1e-15)
    #expect(abs(sigma[0, 2] - 0.15) < 1e-15)
    #expect(abs(sigma[1, 2] - 0.50) < 1e-15)
    // r(X1,Y) = .25 + .20·.30 + .35·.15 ; r(X2,Y) = .25·.30 + .20 + .35·.50 ; r(X3,Y) = .25·.15 + .20·.50 + .35
    #expect(abs(sigma[0, 3] - 0.3625) < 1e-15)
    #expect(abs(sigma[1, 3] - 0.45) < 1e-15)
    #expect(abs(sigma[2, 3] - 0.4875) < 1e-15)
    #expect(abs((simulator.rSquared["X3"] ?? 0) - 0.25) < 1e-15)
    #expect(abs((simulator.rSquared["Y"] ?? 0) - 0.35125) < 1e-15)
    #expect(simulator.drawOrder == ["X1", "X2", "X3", "Y"])
  }

  @Test func tenThousandRespondentsRecoverThePopulationWithin002() throws {
    let simulator = try Simulator(model: try LEDInstrument.populationModel())
    let data = try simulator.simulate(respondents: 10_000, seed: 2024)
    let latent = data.latentTable
    let names = latent.columnNames
    // Construct correlations.
    for a in names.indices {
      for b in names.indices where b > a {
        let r = correlation(latent.values[a], latent.values[b])
        #expect(
          abs(r - simulator.impliedCorrelations[a, b]) < 0.02, "r(\(names[a]), \(names[b])) = \(r)")
      }
    }
    // Paths: OLS of each endogenous construct on its predictors (true scores, no discretisation).
    func regress(_ outcome: String, _ predictors: [String]) throws -> [Double] {
      let x = try Matrix(columnArrays: predictors.map { try #require(latent.column($0)) })
      return Array(
        try OLSRegression(response: try #require(latent.column(outcome)), regressors: x)
          .coefficients.dropFirst())
    }
    let x3 = try regress("X3", ["X2"])
    #expect(abs(x3[0] - 0.50) < 0.02, "X2 → X3 = \(x3[0])")
    let y = try regress("Y", ["X1", "X2", "X3"])
    for (estimate, truth) in zip(y, [0.25, 0.20, 0.35]) {
      #expect(abs(estimate - truth) < 0.02, "\(estimate) vs \(truth)")
    }
    // Loadings: the correlation of each continuous item with its construct.
    for indicator in simulator.model.indicators {
      let item = try #require(data.continuousTable.column(indicator.item))
      let r = correlation(item, try #require(latent.column(indicator.construct)))
      #expect(abs(r - indicator.loading) < 0.02, "\(indicator.item) loading \(r)")
    }
  }

  @Test func drawsAreReproducibleForASeed() throws {
    let simulator = try Simulator(model: try LEDInstrument.populationModel())
    let a = try simulator.simulate(respondents: 50, seed: 9)
    let b = try simulator.simulate(respondents: 50, seed: 9)
    let c = try simulator.simulate(respondents: 50, seed: 10)
    #expect(a.continuousItems == b.continuousItems && a.latentScores == b.latentScores)
    #expect(a.continuousItems != c.continuousItems)
    // Respondents are drawn one after another: a longer run starts with the shorter one.
    let longer = try simulator.simulate(respondents: 80, seed: 9)
    #expect(longer.continuousItems.map { Array($0.prefix(50)) } == a.continuousItems)
  }

  @Test func discretisation() throws {
    let five = LikertDiscretizer.fivePoint
    #expect(
      [-3, -1.5, -1.49, -0.5, 0, 0.5, 0.51, 1.5, 9].map { five.category(of: $0) } == [
        1, 1, 2, 2, 3, 3, 4, 4, 5,
      ])
    #expect(five.points == 5)
    #expect(throws: SimulationError.invalidThresholds([0, 0])) {
      try LikertDiscretizer(thresholds: [0, 0])
    }
    #expect(throws: SimulationError.self) { try LikertDiscretizer(thresholds: [.nan]) }
    #expect(throws: SimulationError.self) { try LikertDiscretizer(thresholds: []) }
    // Shares of the default thresholds for standard normal values.
    var sampler = NormalSampler(seed: 3)
    var counts = [0, 0, 0, 0, 0]
    for _ in 0..<100_000 { counts[five.category(of: sampler.next()) - 1] += 1 }
    let shares = counts.map { Double($0) / 100_000 }
    for (share, expected) in zip(shares, [0.0668, 0.2417, 0.3829, 0.2417, 0.0668]) {
      #expect(abs(share - expected) < 0.005)
    }
  }

  @Test func invalidPopulations() {
    func model(_ paths: [PopulationModel.Path], _ correlations: [PopulationModel.Correlation] = [])
      -> PopulationModel
    {
      PopulationModel(
        constructs: ["A", "B", "C"], paths: paths, correlations: correlations,
        indicators: [.init(item: "a1", construct: "A", loading: 0.7)])
    }
    #expect(throws: SimulationError.cycle(["A", "B", "C"])) {
      try Simulator(
        model: model([
          .init(from: "A", to: "B", coefficient: 0.3), .init(from: "B", to: "C", coefficient: 0.3),
          .init(from: "C", to: "A", coefficient: 0.3),
        ]))
    }
    // R² = 0.81 + 0.36 + 2 · 0.9 · 0.6 · 0.1 = 1.278
    do {
      _ = try Simulator(
        model: model(
          [
            .init(from: "A", to: "C", coefficient: 0.9),
            .init(from: "B", to: "C", coefficient: 0.6),
          ], [.init("A", "B", 0.1)]))
      Issue.record("expected an error")
    } catch {
      guard case .nonPositiveResidualVariance(let construct, let r2) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(construct == "C" && abs(r2 - 1.278) < 1e-12)
    }
    #expect(throws: SimulationError.correlationOfEndogenous("C")) {
      try Simulator(
        model: model([.init(from: "A", to: "C", coefficient: 0.3)], [.init("A", "C", 0.1)]))
    }
    #expect(throws: SimulationError.unknownConstruct("D", in: "a path")) {
      try Simulator(model: model([.init(from: "D", to: "C", coefficient: 0.3)]))
    }
    #expect(throws: SimulationError.invalidValue("loading of a1", value: 1.2)) {
      try Simulator(
        model: PopulationModel(
          constructs: ["A"], paths: [],
          indicators: [.init(item: "a1", construct: "A", loading: 1.2)]))
    }
    #expect(throws: SimulationError.exogenousCorrelationsNotPositiveDefinite) {
      try Simulator(
        model: model([], [.init("A", "B", 0.9), .init("A", "C", 0.9), .init("B", "C", -0.9)]))
    }
    #expect(throws: SimulationError.invalidRespondentCount(0)) {
      try Simulator(model: model([])).simulate(respondents: 0, seed: 1)
    }
  }
}
