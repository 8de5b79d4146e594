import LinearAlgebra

/// Direct, indirect and total effects in a recursive structural model (Alwin & Hauser 1975;
/// Bollen 1987). With `B` the J × J matrix of path coefficients (`B[from, to]`), the total
/// effects are `T = B + B² + B³ + … = (I − B)⁻¹ − I` (finite for an acyclic model, where `B` is
/// nilpotent), and the indirect effects `T − B`.
struct EffectsCalculator {
  /// Total effects `Σₘ Bᵐ`, by summing powers until they vanish (at most J − 1 steps).
  static func totalEffects(_ b: Matrix) throws -> Matrix {
    var total = b
    var power = b
    for _ in 0..<max(b.rows, 1) {
      power = try power * b
      if power.storage.allSatisfy({ $0 == 0 }) { break }
      total = try total + power
    }
    return total
  }
}

/// The effect transmitted along one directed chain of paths, `from → … → to`: the product of
/// the path coefficients along it (Wright 1934). The indirect effect of `from` on `to` is the
/// sum of the specific indirect effects of all chains of two or more paths between them.
public struct SpecificIndirectEffect: Sendable, Codable, Equatable {
  /// The constructs along the chain, first `from`, last `to`.
  public let chain: [String]
  /// The product of the path coefficients along the chain.
  public let estimate: Double

  /// The first construct.
  public var from: String { chain.first ?? "" }
  /// The last construct.
  public var to: String { chain.last ?? "" }
}

extension ModelLayout {
  /// Every directed chain of two or more paths, as construct index lists, in a stable order
  /// (by source in declaration order, then depth-first along successors).
  func indirectChains() -> [[Int]] {
    var chains: [[Int]] = []
    func extend(_ chain: [Int]) {
      guard let last = chain.last else { return }
      for next in successors[last] {
        let longer = chain + [next]
        if longer.count >= 3 { chains.append(longer) }
        extend(longer)
      }
    }
    for j in 0..<J { extend([j]) }
    return chains
  }
}
