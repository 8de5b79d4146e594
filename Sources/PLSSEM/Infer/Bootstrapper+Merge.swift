extension Bootstrapper {
  /// Merges shard states into the state of the whole run; throws when they do not belong
  /// together (other seed, model, data, settings or B) or do not cover all chunks exactly once.
  public static func merge(_ states: [BootstrapState]) throws -> BootstrapState {
    for state in states { _ = try state.validated() }
    // Shards in chunk order. A shard can cover no chunk at all (more shards than chunks); it
    // starts where the next non-empty shard starts, so it sorts before that one.
    let sorted = states.sorted { ($0.firstChunk, $0.chunkCount) < ($1.firstChunk, $1.chunkCount) }
    guard var merged = sorted.first else {
      throw BootstrapError.incompatibleShards("no shards given")
    }
    let expectedChunks = (merged.settings.resamples + merged.chunkSize - 1) / merged.chunkSize
    guard merged.firstChunk == 0 else {
      throw BootstrapError.incompatibleShards("the first shard (chunk 0) is missing")
    }
    for next in sorted.dropFirst() {
      guard next.fingerprint == merged.fingerprint, next.keys == merged.keys else {
        throw BootstrapError.incompatibleShards(
          "the shards were made from different models, data or estimation settings")
      }
      var a = next.settings
      var b = merged.settings
      a.threads = nil
      b.threads = nil
      guard a == b, next.chunkSize == merged.chunkSize else {
        throw BootstrapError.incompatibleShards(
          "the shards were made with different bootstrap settings (seed, resamples, intervals)")
      }
      guard next.firstChunk == merged.firstChunk + merged.chunkCount else {
        throw BootstrapError.incompatibleShards(
          "chunks \(merged.firstChunk + merged.chunkCount)..<\(next.firstChunk) are missing or covered twice; give every shard k/N exactly once"
        )
      }
      merged.moments += next.moments
      merged.sketch.merge(next.sketch)
      merged.attempted += next.attempted
      merged.failed += next.failed
      merged.chunkCount += next.chunkCount
    }
    guard merged.chunkCount == expectedChunks else {
      throw BootstrapError.incompatibleShards(
        "the shards cover \(merged.chunkCount) of \(expectedChunks) chunks; some shards are missing"
      )
    }
    merged.moments = [merged.foldedMoments()]
    return merged
  }

  /// A text identifying the model, the estimation settings and the data (an FNV-1a hash of
  /// the prepared data's bits), so that only shards of one analysis merge.
  public static func fingerprint(_ estimate: PLSEstimate) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for value in estimate.prepared.raw.storage {
      var bits = value.bitPattern
      for _ in 0..<8 {
        hash = (hash ^ (bits & 0xff)) &* 0x100_0000_01b3
        bits >>= 8
      }
    }
    let s = estimate.settings
    return
      "n=\(estimate.observations);data=\(String(hash, radix: 16));scheme=\(s.scheme.rawValue);tol=\(s.tolerance);crit=\(s.stopCriterion.rawValue);max=\(s.maxIterations);missing=\(s.missing.rawValue);model=\(estimate.model.syntax)\(s.consistent ? ";consistent" : "")"
  }
}
