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
  /// The high and low 32-bit halves of the products of the lanes of `x` with `m`, in the lane
  /// order (0, 2, 1, 3): one `pmuludq` for lanes 0 and 2, one for lanes 1 and 3 (shifted down),
  /// and one 32-bit shuffle for each half.
  @inlinable @inline(__always)
  static func multiplyHalves(_ x: SIMD4<UInt32>, by m: SIMD2<UInt64>) -> (
    high: SIMD4<UInt32>, low: SIMD4<UInt32>
  ) {
    let wide = unsafeBitCast(x, to: SIMD2<UInt64>.self)
    let even = unsafeBitCast((wide & 0xFFFF_FFFF) &* m, to: SIMD4<UInt32>.self)
    let odd = unsafeBitCast((wide &>> 32) &* m, to: SIMD4<UInt32>.self)
    return (
      SIMD4(even[1], even[3], odd[1], odd[3]), SIMD4(even[0], even[2], odd[0], odd[2])
    )
  }

  /// Lanes 1 and 2 exchanged: the lane order (0, 2, 1, 3) of ``multiplyHalves(_:by:)``.
  @inlinable @inline(__always)
  static func exchangeMiddle(_ x: SIMD4<UInt32>) -> SIMD4<UInt32> { SIMD4(x[0], x[2], x[1], x[3]) }

  /// Eight blocks side by side: lane l of `(a0, a1, a2, a3)` is the counter of the first four,
  /// lane l of `(b0, b1, b2, b3)` of the other four; exactly ``block(_:_:_:_:)`` in each lane
  /// for the generator whose round keys `roundKeys` holds (``writeRoundKeys(into:)``).
  ///
  /// The words sit in 32-bit lanes, four blocks a vector, so one round of eight blocks is four
  /// pairs of 32 × 32 → 64-bit vector multiplications, their halves gathered by shuffles, and
  /// XORs (the round of Salmon et al. 2011, §3, unchanged): the products of
  /// a round come out in the lane order (0, 2, 1, 3), the words of the round before are put in
  /// the same order before they are combined, and after the ten rounds (an even number) every
  /// lane is back in its block. The two independent groups of four give the processor two
  /// chains of multiplications to overlap; the round keys are read from memory, so that they
  /// take no registers.
  @inlinable @inline(__always)
  static func blocks(
    _ a0: SIMD4<UInt32>, _ a1: SIMD4<UInt32>, _ a2: SIMD4<UInt32>, _ a3: SIMD4<UInt32>,
    _ b0: SIMD4<UInt32>, _ b1: SIMD4<UInt32>, _ b2: SIMD4<UInt32>, _ b3: SIMD4<UInt32>,
    roundKeys: UnsafePointer<SIMD4<UInt32>>
  ) -> (
    SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>,
    SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>
  ) {
    let m0 = SIMD2<UInt64>(repeating: 0xD251_1F53)
    let m1 = SIMD2<UInt64>(repeating: 0xCD9E_8D57)
    var (x0, x1, x2, x3) = (a0, a1, a2, a3)
    var (z0, z1, z2, z3) = (b0, b1, b2, b3)
    for round in 0..<10 {
      let k0 = roundKeys[2 &* round]
      let k1 = roundKeys[2 &* round &+ 1]
      let (h0, l0) = Self.multiplyHalves(x0, by: m0)
      let (h1, l1) = Self.multiplyHalves(x2, by: m1)
      let (g0, n0) = Self.multiplyHalves(z0, by: m0)
      let (g1, n1) = Self.multiplyHalves(z2, by: m1)
      x0 = h1 ^ Self.exchangeMiddle(x1) ^ k0
      x1 = l1
      x2 = h0 ^ Self.exchangeMiddle(x3) ^ k1
      x3 = l0
      z0 = g1 ^ Self.exchangeMiddle(z1) ^ k0
      z1 = n1
      z2 = g0 ^ Self.exchangeMiddle(z3) ^ k1
      z3 = n0
    }
    return (x0, x1, x2, x3, z0, z1, z2, z3)
  }

  /// The round keys of ``block(_:_:_:_:)`` in every lane: key word 0 of round r at `2r`,
  /// key word 1 at `2r + 1`, r = 0 … 9 (20 vectors).
  @inlinable
  func writeRoundKeys(into keys: UnsafeMutablePointer<SIMD4<UInt32>>) {
    var k0 = key.0
    var k1 = key.1
    for round in 0..<10 {
      keys[2 * round] = SIMD4(repeating: k0)
      keys[2 * round + 1] = SIMD4(repeating: k1)
      k0 = k0 &+ 0x9E37_79B9
      k1 = k1 &+ 0xBB67_AE85
    }
  }
}

extension ResampleStream {
  /// Calls `body` with the first `count` indices below `bound` of the stream of `resample`
  /// under `seed`: exactly the values of `count` calls of ``nextIndex(below:)`` on a new
  /// `ResampleStream(seed:resample:)`, with eight Philox blocks computed side by side
  /// (`Philox4x32.blocks`, the round keys on the stack).
  ///
  /// Lemire's rejection threshold `2⁶⁴ mod bound` is computed once, so each value costs one
  /// multiplication and one comparison (`nextIndex` tests `low < bound` first and divides only
  /// then; both reject exactly the values with `low < threshold`, as `threshold < bound`).
  @inlinable
  public static func forEachIndex(
    seed: UInt64, resample: UInt64, below bound: Int, count: Int, _ body: (Int) -> Void
  ) {
    guard count > 0 else { return }
    // Everything the loop mutates is declared inside the closure: captured from outside, the
    // variables would be checked for exclusive access at run time (`swift_beginAccess`).
    withUnsafeTemporaryAllocation(of: SIMD4<UInt32>.self, capacity: 20) { buffer in
      guard let roundKeys = buffer.baseAddress else { return }
      Philox4x32(seed: seed).writeRoundKeys(into: roundKeys)
      let s = UInt64(bound)
      let threshold = s == 0 ? 0 : (0 &- s) % s
      let c0 = SIMD4<UInt32>(repeating: UInt32(truncatingIfNeeded: resample))
      let c1 = SIMD4<UInt32>(repeating: UInt32(truncatingIfNeeded: resample >> 32))
      var drawn = 0
      var block: UInt64 = 0
      /// Uses one value; false once `count` indices are drawn.
      @inline(__always) func take(_ value: UInt64) -> Bool {
        let m = value.multipliedFullWidth(by: s)
        if m.low < threshold { return true }  // rejected (Lemire): the next value
        body(Int(m.high))
        drawn &+= 1
        return drawn < count
      }
      /// Uses the eight values of four blocks in stream order: block l gives `(y0 y1)` then
      /// `(y2 y3)`, as `next()` returns them.
      @inline(__always) func takeBlocks(
        _ y0: SIMD4<UInt32>, _ y1: SIMD4<UInt32>, _ y2: SIMD4<UInt32>, _ y3: SIMD4<UInt32>
      ) -> Bool {
        let first01 = unsafeBitCast(SIMD4(y1[0], y0[0], y1[1], y0[1]), to: SIMD2<UInt64>.self)
        let first23 = unsafeBitCast(SIMD4(y1[2], y0[2], y1[3], y0[3]), to: SIMD2<UInt64>.self)
        let second01 = unsafeBitCast(SIMD4(y3[0], y2[0], y3[1], y2[1]), to: SIMD2<UInt64>.self)
        let second23 = unsafeBitCast(SIMD4(y3[2], y2[2], y3[3], y2[3]), to: SIMD2<UInt64>.self)
        return take(first01[0]) && take(second01[0]) && take(first01[1]) && take(second01[1])
          && take(first23[0]) && take(second23[0]) && take(first23[1]) && take(second23[1])
      }
      while true {
        let k = SIMD4<UInt64>(block, block &+ 1, block &+ 2, block &+ 3)
        let l = k &+ 4
        block &+= 8
        let (y0, y1, y2, y3, w0, w1, w2, w3) = Philox4x32.blocks(
          c0, c1, SIMD4(truncatingIfNeeded: k), SIMD4(truncatingIfNeeded: k &>> 32),
          c0, c1, SIMD4(truncatingIfNeeded: l), SIMD4(truncatingIfNeeded: l &>> 32),
          roundKeys: roundKeys)
        guard takeBlocks(y0, y1, y2, y3), takeBlocks(w0, w1, w2, w3) else { return }
      }
    }
  }
}
