import Foundation

/// The contents of a shard file: shard k of N of a bootstrap, its state, and the provenance of
/// its inputs — what `plssem bootstrap --shard k/N --output FILE` writes and `plssem merge`
/// reads. Format `plssem.bootstrap-shard/2` (JSON, sorted keys); files of format /1 (plssem
/// before the exact quantiles) are refused with a message.
///
/// All checks of shard files live here, on one path: ``decode(_:source:)`` checks one file
/// (format, shape, counts, and that its chunks are shard k of N's), ``merge(_:)`` checks that a
/// set belongs together (same provenance, model, data, estimation and bootstrap settings, seed,
/// B and shard count; every k of N exactly once) and merges it. Messages name the files.
public struct BootstrapShard: Sendable, Codable, Equatable {
  /// The format written by this version.
  public static let currentFormat = "plssem.bootstrap-shard/2"

  /// The format of the file.
  public var format: String
  /// Which shard this is.
  public var shard: ShardSpec
  /// How the inputs were produced (the CLI's options and file digests).
  public var provenance: BootstrapProvenance
  /// The bootstrap state of the shard's chunks (with the fingerprint of model, data and
  /// settings).
  public var state: BootstrapState

  public init(shard: ShardSpec, state: BootstrapState, provenance: BootstrapProvenance) {
    format = Self.currentFormat
    self.shard = shard
    self.state = state
    self.provenance = provenance
  }

  /// The file contents: JSON with sorted keys.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// Reads a shard file's contents; `source` names the file in every error. Refuses files of
  /// another format, malformed JSON, and states that do not hold together or do not cover
  /// exactly the chunks of their shard.
  public static func decode(_ data: Data, source: String) throws(BootstrapError) -> BootstrapShard {
    struct Header: Decodable { var format: String? }
    let header = try? JSONDecoder().decode(Header.self, from: data)
    switch header?.format {
    case currentFormat?:
      break
    case let format? where format.hasPrefix("plssem.bootstrap-shard/"):
      throw .malformedShard(
        source: source,
        reason:
          "format \(format) was written by another version of plssem; this version reads \(currentFormat): make the shards again with this version"
      )
    default:
      let reason: String
      do {
        _ = try JSONDecoder().decode(BootstrapShard.self, from: data)
        reason = "no format"
      } catch {
        reason = Self.reason(error)
      }
      throw .malformedShard(source: source, reason: reason)
    }
    let shard: BootstrapShard
    do {
      shard = try JSONDecoder().decode(BootstrapShard.self, from: data)
    } catch {
      throw .malformedShard(source: source, reason: Self.reason(error))
    }
    return try shard.validated(source: source)
  }

  /// This shard if it holds together (its state does, and covers exactly shard k of N's
  /// chunks), else ``BootstrapError/malformedShard(source:reason:)``.
  public func validated(source: String) throws(BootstrapError) -> BootstrapShard {
    func refuse(_ reason: String) -> BootstrapError {
      .malformedShard(source: source, reason: reason)
    }
    do {
      _ = try ShardSpec(index: shard.index, count: shard.count)
    } catch {
      throw refuse("\(error)")
    }
    _ = try state.validated(source: source)
    let chunks = (state.settings.resamples + state.chunkSize - 1) / state.chunkSize
    let range = shard.chunks(of: chunks)
    guard state.firstChunk == range.lowerBound, state.chunkCount == range.count else {
      throw refuse(
        "shard \(shard.index)/\(shard.count) holds chunks \(state.firstChunk)..<\(state.firstChunk + state.chunkCount), not \(range)"
      )
    }
    return self
  }

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

  /// A decoding error in a few words, with the JSON path where it applies.
  static func reason(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ keys: [any CodingKey]) -> String {
      keys.isEmpty
        ? "top level"
        : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .dataCorrupted(let context):
      let detail = context.debugDescription
      return detail.hasPrefix("The given data was not valid JSON")
        ? "not valid JSON" : "\(path(context.codingPath)): \(detail)"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath)): no \"\(key.stringValue)\""
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }
}
