/// SplitMix64, a small, fast, seedable random number generator (Steele, Lea & Flood 2014,
/// "Fast splittable pseudorandom number generators", OOPSLA; the constants of Vigna's
/// reference implementation).
///
/// The sequence depends on the seed alone, on every platform: the simulator's data sets are
/// reproducible from their seed.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
  /// The generator's state; advances by the golden-ratio increment on every draw.
  public private(set) var state: UInt64

  /// A generator whose first output is determined by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform draw from the open interval (0, 1): the top 53 bits, offset by half a step so
  /// that neither 0 nor 1 occurs (safe for `log`).
  public mutating func nextOpenUnit() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1p-53
  }
}
