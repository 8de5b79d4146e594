import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Shared helpers of the bootstrap tests: fixture files and bit-exact comparisons of results.
enum BootstrapTestSupport {
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
        s.upperOneSided,
      ].map { $0?.bitPattern ?? 0x7FF8_DEAD_BEEF_0000 }
    }
    out["#bookkeeping"] = [UInt64(result.resamples), UInt64(result.failed), result.seed]
    return out
  }

  /// Shard `k` of `n` with the state `state` (no provenance), as a shard file holds it.
  static func shard(_ state: BootstrapState, _ k: Int, of n: Int) throws -> BootstrapShard {
    BootstrapShard(shard: try ShardSpec(index: k, count: n), state: state, provenance: .init())
  }

  /// Merges the shard states `states`, which are shards 1 … N in the order `order` (a
  /// permutation of 0 ..< N; default in order) — through the one merge path of the engine.
  static func merge(_ states: [BootstrapState], order: [Int]? = nil) throws -> BootstrapState {
    let n = states.count
    let shards = try states.enumerated().map { k, state in
      (source: "shard-\(k + 1).json", shard: try shard(state, k + 1, of: n))
    }
    return try BootstrapShard.merge((order ?? Array(0..<n)).map { shards[$0] })
  }

  /// A state's JSON (sorted keys), as a shard file holds it.
  static func json(_ state: BootstrapState) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(state)
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
    var random = SeededGenerator(seed: seed)
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
