/// The random streams of a multi-group analysis, all counter-based Philox4x32-10 streams keyed
/// by the run's seed (``ResampleStream``), so every permutation and every group's resample is
/// the same whichever thread or shard computes it.
///
/// - Permutation i (0-based) draws from the stream with counter `2⁶³ + i`, disjoint from every
///   bootstrap counter (resample b's attempt a uses `b + a · 2⁴⁸ < 2⁶³`). It shuffles the pooled
///   rows by Fisher–Yates (Knuth 1997, Algorithm 3.4.2P: for k = N−1 down to 1, swap position k
///   with a uniform position in 0…k, by Lemire's unbiased bounded integers); the first n₁
///   shuffled rows form group 1, the next n₂ group 2, and so on.
/// - Group g's bootstrap uses its own seed, ``groupSeed(_:group:)``: Philox block
///   `(g, 0, 0, 0x4D474131)` under the run's seed, so the groups' resamples are independent.
public enum PermutationStream {
  /// The counter of permutation `i`'s stream.
  public static func counter(_ i: Int) -> UInt64 {
    (1 << 63) | UInt64(i)
  }

  /// Writes permutation `i` of `0 ..< count` to `rows` (which must hold `count` elements).
  public static func permute(
    seed: UInt64, permutation i: Int, into rows: UnsafeMutablePointer<Int>, count: Int
  ) {
    for k in 0..<count { rows[k] = k }
    guard count > 1 else { return }
    var stream = ResampleStream(seed: seed, resample: counter(i))
    var k = count - 1
    while k > 0 {
      let j = stream.nextIndex(below: k + 1)
      let t = rows[k]
      rows[k] = rows[j]
      rows[j] = t
      k -= 1
    }
  }

  /// The bootstrap seed of group `group` (0-based) under `seed`.
  public static func groupSeed(_ seed: UInt64, group: Int) -> UInt64 {
    let b = Philox4x32(seed: seed).block(UInt32(truncatingIfNeeded: group), 0, 0, 0x4D47_4131)
    return UInt64(b.0) << 32 | UInt64(b.1)
  }
}
