import Foundation
import Testing

@testable import PLSSEM

/// Shared helpers of the bootstrap tests: the example data, fixture files, a seeded data
/// simulator, and bit-exact comparisons of results.
enum BootstrapTestSupport {
  /// The repository root, found from this file's path (Tests/PLSSEMTests/<file>).
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func examplePath(_ relative: String) -> String {
    repositoryRoot.appendingPathComponent(relative).path
  }

  /// The corporate reputation data, -99 read as missing.
  static func corpRepTable() throws -> DataTable {
    try DataTable(
      csvFile: examplePath("examples/corporate-reputation/corp_rep.csv"), missingCodes: [-99])
  }

  /// The corporate reputation simple model estimated as the fixtures do (missing code -99,
  /// mean replacement, path scheme, seminr's default stop rule).
  static func corpRepSimple() throws -> PLSEstimate {
    let model = try PathModel(
      syntax: String(
        contentsOfFile: examplePath("examples/corporate-reputation/simple.model"), encoding: .utf8))
    return try PLSEstimator().estimate(model, data: corpRepTable())
  }

  /// The ECSI mobile phone model.
  static func mobi() throws -> PLSEstimate {
    let model = try PathModel(
      syntax: String(contentsOfFile: examplePath("examples/ecsi-mobi/mobi.model"), encoding: .utf8))
    let data = try DataTable(csvFile: examplePath("examples/ecsi-mobi/mobi.csv"))
    return try PLSEstimator().estimate(model, data: data)
  }

  /// The contents of `Fixtures/bootstrap/<name>` (a resource of the test bundle).
  static func fixture(_ name: String) throws -> Data {
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/bootstrap/\(name)", withExtension: nil),
      "missing fixture \(name)")
    return try Data(contentsOf: url)
  }

  /// Every number of a result as bit patterns, by statistic key, for exact comparisons
  /// (NaN-safe, unlike `==` on doubles).
  static func bits(_ result: BootstrapResult) -> [String: [UInt64]] {
    var out: [String: [UInt64]] = [:]
    for key in result.keys {
      guard let s = result.statistics[key] else { continue }
      out[key.description] = [
        s.estimate, s.bootstrapMean, s.standardError, s.t, s.p, s.ciLower, s.ciUpper,
      ].map(\.bitPattern)
    }
    out["#bookkeeping"] = [UInt64(result.resamples), UInt64(result.failed), result.seed]
    return out
  }

  /// A state's JSON (sorted keys), as a shard file holds it.
  static func json(_ state: BootstrapState) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(state)
  }
}

/// A small counter-based normal generator for simulated data (independent of the code under
/// test's use of Philox: SplitMix64 and Box–Muller).
struct SimulationRandom {
  private var state: UInt64
  private var spare: Double?

  init(seed: UInt64) { state = seed }

  mutating func nextUInt64() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in (0, 1).
  mutating func uniform() -> Double { (Double(nextUInt64() >> 11) + 0.5) * 0x1.0p-53 }

  mutating func normal() -> Double {
    if let s = spare {
      spare = nil
      return s
    }
    let r = (-2 * Foundation.log(uniform())).squareRoot()
    let angle = 2 * Double.pi * uniform()
    spare = r * Foundation.sin(angle)
    return r * Foundation.cos(angle)
  }
}

/// Simulated data for a three-construct model `Y ~ X + Z` with 3 indicators each (loadings 0.8,
/// unit-variance indicators), standard-normal constructs with `cor(X, Z) = rhoXZ`, and
/// `Y = betaX X + betaZ Z + ζ` with `Var(Y) = 1`.
enum ThreeConstructSimulation {
  static let modelText = """
    X =~ x1 + x2 + x3
    Z =~ z1 + z2 + z3
    Y =~ y1 + y2 + y3
    Y ~ X + Z
    """

  static func data(
    n: Int, betaX: Double, betaZ: Double, rhoXZ: Double = 0.3, loading: Double = 0.8, seed: UInt64
  ) throws
    -> DataTable
  {
    var random = SimulationRandom(seed: seed)
    let names = ["x1", "x2", "x3", "z1", "z2", "z3", "y1", "y2", "y3"]
    var columns = Array(repeating: [Double](), count: 9)
    let residualSD = (1 - betaX * betaX - betaZ * betaZ - 2 * betaX * betaZ * rhoXZ).squareRoot()
    let errorSD = (1 - loading * loading).squareRoot()
    for _ in 0..<n {
      let x = random.normal()
      let z = rhoXZ * x + (1 - rhoXZ * rhoXZ).squareRoot() * random.normal()
      let y = betaX * x + betaZ * z + residualSD * random.normal()
      for (c, eta) in [x, z, y].enumerated() {
        for i in 0..<3 { columns[3 * c + i].append(loading * eta + errorSD * random.normal()) }
      }
    }
    return try DataTable(columnNames: names, columns: columns, source: "<simulation seed \(seed)>")
  }
}
