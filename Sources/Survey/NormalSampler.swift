import Foundation

/// Standard normal draws from a ``SplitMix64`` stream by the Box–Muller transform
/// (Box & Muller 1958, *Ann. Math. Statist.* 29, 610–611).
///
/// Each pair of uniforms `u₁, u₂ ∈ (0, 1)` gives `√(−2 ln u₁) cos(2π u₂)` and then
/// `√(−2 ln u₁) sin(2π u₂)`; draws come out in that order, so the sequence depends only on the seed.
public struct NormalSampler: Sendable {
  /// The uniform source.
  public private(set) var generator: SplitMix64
  var spare: Double?

  /// A sampler over a fresh ``SplitMix64`` seeded with `seed`.
  public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

  /// The next standard normal draw.
  public mutating func next() -> Double {
    if let value = spare {
      spare = nil
      return value
    }
    let radius = (-2 * log(generator.nextOpenUnit())).squareRoot()
    let angle = 2 * Double.pi * generator.nextOpenUnit()
    spare = radius * sin(angle)
    return radius * cos(angle)
  }
}
