import Foundation

/// A bootstrap's shard file (`plssem bootstrap --shard k/N --output FILE`, format
/// `plssem.bootstrap-shard/2`; files of format /1, plssem before the exact quantiles, are
/// refused with a message): the ``ShardFile`` envelope around a ``BootstrapState``.
///
/// All checks of bootstrap shard files live on one path: ``ShardFile/decode(_:source:)`` checks
/// one file (format, shape, counts, and that its chunks are shard k of N's, by
/// ``BootstrapState/validated(shard:source:)``), `BootstrapShard.merge(_:)` checks that a set
/// belongs together (same provenance, model, data, estimation and bootstrap settings, seed, B
/// and shard count; every k of N exactly once) and merges it. Messages name the files.
public typealias BootstrapShard = ShardFile<BootstrapState>

extension BootstrapState: ShardFileState {
  /// The format of bootstrap shard files.
  public static let shardFormat = "plssem.bootstrap-shard/2"

  /// This state if it holds together and covers exactly shard `shard`'s chunks.
  public func validated(shard: ShardSpec, source: String) throws(BootstrapError)
    -> BootstrapState
  {
    _ = try validated(source: source)
    let chunks = (settings.resamples + chunkSize - 1) / chunkSize
    let range = shard.chunks(of: chunks)
    guard firstChunk == range.lowerBound, chunkCount == range.count else {
      throw .malformedShard(
        source: source,
        reason:
          "shard \(shard.index)/\(shard.count) holds chunks \(firstChunk)..<\(firstChunk + chunkCount), not \(range)"
      )
    }
    return self
  }
}

extension ShardFile where State == BootstrapState {
  /// Checks that `shards` (each with the name of its file) are the N shards of one run, each
  /// once, and merges them into the state of the whole run — bit-identical to the state of a
  /// single run. Throws ``BootstrapError/incompatibleShards(_:)`` naming the files otherwise.
  public static func merge(_ shards: [(source: String, shard: BootstrapShard)])
    throws(BootstrapError) -> BootstrapState
  {
    guard let (firstSource, first) = shards.first else {
      throw .incompatibleShards("no shards given")
    }
    for (source, shard) in shards { _ = try shard.validated(source: source) }
    func label(_ source: String, _ shard: BootstrapShard) -> String {
      "\(source) (shard \(shard.shard.index)/\(shard.shard.count))"
    }
    func refuse(_ message: String) -> BootstrapError { .incompatibleShards(message) }
    let a = label(firstSource, first)
    for (source, shard) in shards.dropFirst() {
      let b = label(source, shard)
      if let difference = shard.state.fingerprint.difference(from: first.state.fingerprint) {
        throw refuse("\(b) and \(a) were made from \(difference)")
      }
      let (s, t) = (shard.state.settings, first.state.settings)
      if s.seed != t.seed {
        throw refuse("\(b) was made with seed \(s.seed), \(a) with seed \(t.seed)")
      }
      if s.resamples != t.resamples {
        throw refuse("\(b) was made with \(s.resamples) resamples, \(a) with \(t.resamples)")
      }
      if shard.shard.count != first.shard.count {
        throw refuse(
          "\(b) is one of \(shard.shard.count) shards, \(a) one of \(first.shard.count)")
      }
      var (u, v) = (s, t)
      (u.threads, v.threads) = (nil, nil)
      if u != v || shard.state.chunkSize != first.state.chunkSize
        || shard.state.generator != first.state.generator
      {
        throw refuse(
          "\(b) and \(a) were made with different bootstrap settings (intervals, level, p-values, tails, sign change, failure share or exact-quantile budget)"
        )
      }
      if let difference = shard.provenance.difference(from: first.provenance, b, a) {
        throw refuse(difference)
      }
      if shard.state.keys != first.state.keys {
        throw refuse("\(b) and \(a) hold different statistics")
      }
      if shard.state.acceleration != first.state.acceleration
        || shard.state.original.map(\.bitPattern) != first.state.original.map(\.bitPattern)
      {
        throw refuse("\(b) and \(a) hold different original estimates or jackknife constants")
      }
    }
    var sourceOfShard: [Int: String] = [:]
    for (source, shard) in shards {
      if let other = sourceOfShard[shard.shard.index] {
        throw refuse(
          "shard \(shard.shard.index)/\(shard.shard.count) is given twice (\(other) and \(source)); give every shard once"
        )
      }
      sourceOfShard[shard.shard.index] = source
    }
    let count = first.shard.count
    if sourceOfShard.count < count {
      let absent = count - sourceOfShard.count
      let missing = (1...count).lazy.filter { sourceOfShard[$0] == nil }.prefix(10).map {
        "\($0)/\(count)"
      }
      let given = shards.prefix(10).map { label($0.source, $0.shard) }.joined(separator: ", ")
      throw refuse(
        "shard\(absent == 1 ? "" : "s") \(missing.joined(separator: ", "))\(absent > 10 ? ", …" : "") "
          + "\(absent == 1 ? "is" : "are") missing (given: \(given)\(shards.count > 10 ? ", …" : ""))"
      )
    }
    // Concatenate in chunk order and fold the chunk moments in that order.
    let ordered = shards.map(\.shard).sorted { $0.shard.index < $1.shard.index }
    var merged = ordered[0].state
    for next in ordered.dropFirst() {
      let state = next.state
      merged.moments += state.moments
      if let draws = state.draws { merged.draws?.append(draws) }
      if let sketch = state.sketch { merged.sketch?.merge(sketch) }
      merged.attempted += state.attempted
      merged.failed += state.failed
      merged.inadmissible += state.inadmissible
      merged.failedResamples = Array(
        (merged.failedResamples + state.failedResamples).prefix(ResampleTally.listed))
      merged.inadmissibleResamples = Array(
        (merged.inadmissibleResamples + state.inadmissibleResamples).prefix(ResampleTally.listed))
      merged.chunkCount += state.chunkCount
    }
    merged.moments = [merged.foldedMoments()]
    return try merged.validated(source: "the merged shards")
  }
}
