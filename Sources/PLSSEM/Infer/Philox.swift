/// Philox4x32-10, the counter-based random generator of Salmon, Moraes, Dror & Shaw (2011),
/// "Parallel random numbers: as easy as 1, 2, 3" (SC'11), §3.
///
/// Output block `k` is a keyed bijection of the counter `k`: ten rounds of two 32×32→64-bit
/// multiplications with the constants 0xD2511F53 and 0xCD9E8D57 and a Weyl key schedule
/// (0x9E3779B9, 0xBB67AE85). Any block can be computed without computing the ones before it,
/// so bootstrap resample b gets its own stream, keyed by the seed and indexed by (b, k), and the
/// draws are identical whatever thread or shard computes them. Passes BigCrush (ibid., Table 2).
public struct Philox4x32: Sendable {
  /// The 64-bit key (the seed).
  public let key: (UInt32, UInt32)

  public init(seed: UInt64) {
    key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
  }

  /// The four 32-bit outputs for the 128-bit counter `(c0, c1, c2, c3)`.
  @inlinable
  public func block(_ c0: UInt32, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32) -> (
    UInt32, UInt32, UInt32, UInt32
  ) {
    var x0 = c0
    var x1 = c1
    var x2 = c2
    var x3 = c3
    var k0 = key.0
    var k1 = key.1
    for _ in 0..<10 {
      let p0 = UInt64(0xD251_1F53) &* UInt64(x0)
      let p1 = UInt64(0xCD9E_8D57) &* UInt64(x2)
      let hi0 = UInt32(truncatingIfNeeded: p0 >> 32)
      let lo0 = UInt32(truncatingIfNeeded: p0)
      let hi1 = UInt32(truncatingIfNeeded: p1 >> 32)
      let lo1 = UInt32(truncatingIfNeeded: p1)
      x0 = hi1 ^ x1 ^ k0
      x1 = lo1
      x2 = hi0 ^ x3 ^ k1
      x3 = lo0
      k0 = k0 &+ 0x9E37_79B9
      k1 = k1 &+ 0xBB67_AE85
    }
    return (x0, x1, x2, x3)
  }
}

/// The random stream of one bootstrap resample: the Philox blocks with counter
/// `(b low, b high, k low, k high)` for k = 0, 1, 2, …, consumed 64 bits at a time.
public struct ResampleStream: Sendable {
  @usableFromInline let generator: Philox4x32
  @usableFromInline let resample: UInt64
  @usableFromInline var counter: UInt64 = 0
  @usableFromInline var buffered: UInt64 = 0
  @usableFromInline var hasBuffered = false

  /// The stream of resample `resample` under `seed`.
  public init(seed: UInt64, resample: UInt64) {
    generator = Philox4x32(seed: seed)
    self.resample = resample
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    if hasBuffered {
      hasBuffered = false
      return buffered
    }
    let r = generator.block(
      UInt32(truncatingIfNeeded: resample), UInt32(truncatingIfNeeded: resample >> 32),
      UInt32(truncatingIfNeeded: counter), UInt32(truncatingIfNeeded: counter >> 32))
    counter &+= 1
    buffered = UInt64(r.2) << 32 | UInt64(r.3)
    hasBuffered = true
    return UInt64(r.0) << 32 | UInt64(r.1)
  }

  /// A uniform integer in `0..<bound` without bias, by Lemire's multiply-and-reject method
  /// (Lemire 2019, "Fast random integer generation in an interval", ACM TOMACS 29(1)).
  @inlinable
  public mutating func nextIndex(below bound: Int) -> Int {
    let s = UInt64(bound)
    var m = next().multipliedFullWidth(by: s)
    if m.low < s {
      let threshold = (0 &- s) % s
      while m.low < threshold { m = next().multipliedFullWidth(by: s) }
    }
    return Int(m.high)
  }

  /// A uniform double in [0, 1) with 53 random bits.
  @inlinable
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }
}

extension Philox4x32 {
  /// Four blocks side by side, for the counters `(c0[l], c1[l], c2[l], c3[l])`, l = 0 … 3 (32-bit
  /// values held in 64-bit lanes): exactly ``block(_:_:_:_:)`` in each lane.
  @inlinable
  func blocks(
    _ c0: SIMD4<UInt64>, _ c1: SIMD4<UInt64>, _ c2: SIMD4<UInt64>, _ c3: SIMD4<UInt64>
  ) -> (SIMD4<UInt64>, SIMD4<UInt64>, SIMD4<UInt64>, SIMD4<UInt64>) {
    let low = SIMD4<UInt64>(repeating: 0xFFFF_FFFF)
    let m0 = SIMD4<UInt64>(repeating: 0xD251_1F53)
    let m1 = SIMD4<UInt64>(repeating: 0xCD9E_8D57)
    var x0 = c0
    var x1 = c1
    var x2 = c2
    var x3 = c3
    var k0 = key.0
    var k1 = key.1
    for _ in 0..<10 {
      let p0 = (x0 & low) &* m0
      let p1 = (x2 & low) &* m1
      x0 = (p1 &>> 32) ^ x1 ^ SIMD4(repeating: UInt64(k0))
      x1 = p1 & low
      x2 = (p0 &>> 32) ^ x3 ^ SIMD4(repeating: UInt64(k1))
      x3 = p0 & low
      k0 = k0 &+ 0x9E37_79B9
      k1 = k1 &+ 0xBB67_AE85
    }
    return (x0, x1, x2, x3)
  }
}

extension ResampleStream {
  /// Calls `body` with the first `count` indices below `bound` of the stream of `resample`
  /// under `seed`: exactly the values of `count` calls of ``nextIndex(below:)`` on a new
  /// `ResampleStream(seed:resample:)`, with four Philox blocks computed side by side.
  @inlinable
  public static func forEachIndex(
    seed: UInt64, resample: UInt64, below bound: Int, count: Int, _ body: (Int) -> Void
  ) {
    let generator = Philox4x32(seed: seed)
    let s = UInt64(bound)
    let c0 = SIMD4<UInt64>(repeating: resample & 0xFFFF_FFFF)
    let c1 = SIMD4<UInt64>(repeating: resample >> 32)
    var drawn = 0
    var block: UInt64 = 0
    while drawn < count {
      let k = SIMD4<UInt64>(block, block &+ 1, block &+ 2, block &+ 3)
      let (y0, y1, y2, y3) = generator.blocks(c0, c1, k & 0xFFFF_FFFF, k &>> 32)
      block &+= 4
      // Block l gives the values (y0 y1) then (y2 y3), as next() returns them.
      let first = y0 &<< 32 | y1
      let second = y2 &<< 32 | y3
      for v in 0..<8 {
        guard drawn < count else { return }
        let m = (v & 1 == 0 ? first[v >> 1] : second[v >> 1]).multipliedFullWidth(by: s)
        if m.low < s, m.low < (0 &- s) % s { continue }  // rejected (Lemire): next value
        body(Int(m.high))
        drawn += 1
      }
    }
  }
}
