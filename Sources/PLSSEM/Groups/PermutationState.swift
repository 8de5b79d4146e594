/// The mergeable state of a permutation test (or one shard of it): for the permutations it
/// covers, how many failed and, per pair of groups and statistic, how many permuted differences
/// lay beyond the observed one. Counts are integers, so shards merge by adding them and a
/// merged state equals the single run's exactly; memory does not grow with the permutations
/// (unless the draws are kept).
///
/// Permutations are grouped in chunks of ``chunkSize`` (the bootstrap's 1,024), and shard k of
/// N covers the chunks ``ShardSpec/chunks(of:)`` gives, as a bootstrap shard does.
public struct PermutationState: Sendable, Codable, Equatable {
  /// The generator of the permutations.
  public var generator =
    "philox4x32-10 (key = seed, counter = (2^63 + permutation, block)); Fisher-Yates with Lemire bounded integers"
  /// Permutations of the whole run.
  public var permutations: Int
  /// The seed.
  public var seed: UInt64
  /// Permutations per chunk.
  public var chunkSize: Int
  /// The chunks covered, `firstChunk ..< firstChunk + chunkCount`.
  public var firstChunk: Int
  public var chunkCount: Int
  /// The compared statistics, by their ``StatisticKey`` text.
  public var keys: [String]
  /// The group sizes, in group order.
  public var groupSizes: [Int]
  /// Per pair (in ``MultiGroupAnalysis`` order) and statistic: permuted differences strictly
  /// beyond ±|observed|.
  public var exceedances: [Int]
  /// Permutations covered in which a group could not be estimated.
  public var failed: Int
  /// With kept draws: each covered permutation's group statistics (NaN when it failed).
  public var draws: [Double]?
  /// With MICOM (``MultiGroupSettings/micom``): its counts and kept order statistics over the
  /// same permutations (absent in files of runs without MICOM).
  public var micom: MICOMState? = nil

  /// The permutations covered.
  public var covered: Range<Int> {
    let start = min(firstChunk * chunkSize, permutations)
    return start..<min((firstChunk + chunkCount) * chunkSize, permutations)
  }

  /// The chunks of the whole run.
  public var chunks: Int { (permutations + chunkSize - 1) / chunkSize }

  /// This state if it holds together; `source` names it in the error.
  public func validated(source: String) throws(BootstrapError) -> PermutationState {
    func refuse(_ reason: String) -> BootstrapError {
      .malformedShard(source: source, reason: "permutations: \(reason)")
    }
    guard permutations >= 0, permutations <= BootstrapState.maximumResamples, chunkSize >= 1,
      chunkSize <= 1 << 20, firstChunk >= 0, chunkCount >= 0, firstChunk + chunkCount <= chunks
    else { throw refuse("the counts and chunks do not fit together") }
    let groups = groupSizes.count
    guard groups >= 2, groupSizes.allSatisfy({ $0 >= 1 }) else {
      throw refuse("fewer than two groups")
    }
    let pairs = groups * (groups - 1) / 2
    guard exceedances.count == pairs * keys.count else {
      throw refuse("\(exceedances.count) counts for \(pairs) pairs × \(keys.count) statistics")
    }
    let count = covered.count
    guard failed >= 0, failed <= count, exceedances.allSatisfy({ $0 >= 0 && $0 <= count - failed })
    else { throw refuse("counts outside 0 … \(count)") }
    if let draws, draws.count != count * groups * keys.count {
      throw refuse("\(draws.count) kept draws for \(count) permutations")
    }
    if let micom {
      _ = try micom.validated(
        source: source, covered: count, groups: groups,
        observations: groupSizes.reduce(0, +))
      guard micom.permutations == permutations else {
        throw refuse("MICOM's \(micom.permutations) permutations differ from \(permutations)")
      }
    }
    return self
  }

  /// Merges the states of shards 1 … N (in shard order): they must be of one run and cover
  /// consecutive chunks from the first to the last.
  public static func merge(_ states: [(source: String, state: PermutationState)])
    throws(BootstrapError) -> PermutationState
  {
    guard var merged = states.first?.state else {
      throw .incompatibleShards("no permutation states given")
    }
    let firstSource = states[0].source
    guard merged.firstChunk == 0 else {
      throw .incompatibleShards("\(firstSource) does not start at the first permutation")
    }
    for (source, state) in states.dropFirst() {
      guard state.permutations == merged.permutations, state.seed == merged.seed,
        state.chunkSize == merged.chunkSize, state.keys == merged.keys,
        state.groupSizes == merged.groupSizes, state.generator == merged.generator,
        (state.draws == nil) == (merged.draws == nil),
        (state.micom == nil) == (merged.micom == nil),
        state.micom?.constructs == merged.micom?.constructs,
        (state.micom?.draws == nil) == (merged.micom?.draws == nil)
      else {
        throw .incompatibleShards(
          "\(source) and \(firstSource) hold permutations of different runs (count, seed, groups or statistics)"
        )
      }
      guard state.firstChunk == merged.firstChunk + merged.chunkCount else {
        throw .incompatibleShards(
          "\(source) covers permutation chunks from \(state.firstChunk), expected \(merged.firstChunk + merged.chunkCount)"
        )
      }
      for k in merged.exceedances.indices { merged.exceedances[k] += state.exceedances[k] }
      merged.failed += state.failed
      merged.chunkCount += state.chunkCount
      if let draws = state.draws { merged.draws?.append(contentsOf: draws) }
      if let micom = state.micom { merged.micom?.append(micom) }
    }
    guard merged.chunkCount == merged.chunks else {
      throw .incompatibleShards(
        "the shards cover \(merged.chunkCount) of \(merged.chunks) permutation chunks")
    }
    return merged
  }
}
