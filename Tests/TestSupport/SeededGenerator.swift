import Foundation

/// The one seeded random number generator of the tests: SplitMix64 (Steele, Lea & Flood 2014)
/// with Box–Muller normals.
///
/// Test data are simulated with it, never with the engine's own Philox streams, so that a
/// defect in the code under test cannot shape the data that test it. Conforms to
/// `RandomNumberGenerator`, so `Double.random(in:using:)` and `shuffled(using:)` work too.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64
  /// The second normal of the last Box–Muller pair, returned by the next ``normal()``.
  private var spare: Double?

  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in the open interval (0, 1): 53 random bits, offset by half a step.
  public mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }

  /// A standard normal draw (Box–Muller; the pair's second value is kept for the next call).
  public mutating func normal() -> Double {
    if let s = spare {
      spare = nil
      return s
    }
    let radius = (-2 * Foundation.log(uniform())).squareRoot()
    let angle = 2 * Double.pi * uniform()
    spare = radius * Foundation.sin(angle)
    return radius * Foundation.cos(angle)
  }

  /// `count` standard normal draws.
  public mutating func normals(count: Int) -> [Double] {
    (0..<count).map { _ in normal() }
  }

  /// `count` standard normal draws from a fresh generator seeded with `seed`.
  public static func normals(count: Int, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return generator.normals(count: count)
  }
}
