import Foundation

/// Standard normal draws from a counter-based Philox4x32-10 stream (``ResampleStream``), by the
/// Box–Muller transform (Box & Muller 1958, *Ann. Math. Statist.* 29, 610–611).
///
/// Each pair of uniforms `u₁, u₂ ∈ (0, 1)` (53 random bits each, shifted half a step off 0)
/// gives `√(−2 ln u₁) cos(2π u₂)` and then `√(−2 ln u₁) sin(2π u₂)`. The stream is a pure
/// function of its key and counter, so a simulated data set is the same whichever thread or
/// shard draws it: the power study (``PowerStudy``) gives replication r at sample size n the
/// stream ``powerData(seed:respondents:replication:)``.
public struct NormalStream: Sendable {
  @usableFromInline var uniforms: ResampleStream
  @usableFromInline var spare: Double = 0
  @usableFromInline var hasSpare = false

  /// The draws of the Philox stream keyed by `seed` with stream counter `stream` (the
  /// ``ResampleStream`` of that key and index).
  public init(seed: UInt64, stream: UInt64) {
    uniforms = ResampleStream(seed: seed, resample: stream)
  }

  /// The data stream of replication `replication` at sample size `respondents` of a power
  /// study seeded with `seed`: stream index `respondents · 2³² + replication` under the key
  /// `seed` (both below 2³²), so no two (n, replication) pairs share draws.
  public static func powerData(seed: UInt64, respondents: Int, replication: Int) -> NormalStream {
    NormalStream(
      seed: seed,
      stream: UInt64(truncatingIfNeeded: respondents) << 32
        | UInt64(truncatingIfNeeded: replication) & 0xFFFF_FFFF)
  }

  /// The next standard normal draw.
  @inlinable
  public mutating func next() -> Double {
    if hasSpare {
      hasSpare = false
      return spare
    }
    let u1 = (Double(uniforms.next() >> 11) + 0.5) * 0x1.0p-53
    let u2 = (Double(uniforms.next() >> 11) + 0.5) * 0x1.0p-53
    let radius = (-2 * log(u1)).squareRoot()
    let angle = 2 * Double.pi * u2
    spare = radius * sin(angle)
    hasSpare = true
    return radius * cos(angle)
  }
}
