import Foundation

/// The state a shard file carries: a bootstrap's (``BootstrapState``) or a multi-group
/// analysis's (``MultiGroupState``).
public protocol ShardFileState: Sendable, Codable, Equatable {
  /// The file format this version writes, `"<name>/<version>"`, e.g. `plssem.bootstrap-shard/2`.
  static var shardFormat: String { get }
  /// This state if it holds together and covers exactly the chunks of shard `shard`, else
  /// ``BootstrapError/malformedShard(source:reason:)`` naming `source`.
  func validated(shard: ShardSpec, source: String) throws(BootstrapError) -> Self
}

/// The contents of a shard file: shard k of N of a resampling run, its state, and the
/// provenance of its inputs — what `plssem bootstrap --shard k/N` (``BootstrapShard``) and
/// `plssem mga --shard k/N` (``MultiGroupShard``) write and `plssem merge` reads. JSON with
/// sorted keys: `format`, `shard`, `provenance`, `state`.
///
/// The envelope's checks live here, once for every kind of state: ``decode(_:source:)`` reads
/// the format (a file of the same kind written by another version is refused with a message
/// saying so), the JSON and the shard number, then asks the state whether it holds together and
/// covers exactly shard k of N's chunks (``ShardFileState/validated(shard:source:)``). Merging
/// depends on the state and lives beside it (`merge(_:)`, one for each kind of state).
public struct ShardFile<State: ShardFileState>: Sendable, Codable, Equatable {
  /// The format of the file.
  public var format: String
  /// Which shard this is.
  public var shard: ShardSpec
  /// How the inputs were produced (the CLI's options and file digests).
  public var provenance: BootstrapProvenance
  /// The state of the shard's chunks.
  public var state: State

  public init(shard: ShardSpec, state: State, provenance: BootstrapProvenance) {
    format = State.shardFormat
    self.shard = shard
    self.state = state
    self.provenance = provenance
  }

  /// The format written by this version.
  public static var currentFormat: String { State.shardFormat }

  /// The format's name without its version (`plssem.bootstrap-shard/`).
  static var formatName: String {
    guard let slash = currentFormat.lastIndex(of: "/") else { return currentFormat }
    return String(currentFormat[...slash])
  }

  /// The file contents: JSON with sorted keys.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// The `format` a file's contents claim, if any.
  static func claimedFormat(_ data: Data) -> String? {
    (try? JSONDecoder().decode(ShardFileHeader.self, from: data))?.format
  }

  /// Whether `data` claims to be a shard file of this kind (of any version).
  public static func claims(_ data: Data) -> Bool {
    claimedFormat(data)?.hasPrefix(formatName) == true
  }

  /// Reads a shard file's contents; `source` names the file in every error. Refuses files of
  /// another format (those of another version of this kind with a message saying so),
  /// malformed JSON, and states that do not hold together or do not cover exactly the chunks
  /// of their shard.
  public static func decode(_ data: Data, source: String) throws(BootstrapError) -> Self {
    switch claimedFormat(data) {
    case currentFormat?:
      break
    case let format? where format.hasPrefix(formatName):
      throw .malformedShard(
        source: source,
        reason:
          "format \(format) was written by another version of plssem; this version reads \(currentFormat): make the shards again with this version"
      )
    case let format?:
      throw .malformedShard(
        source: source, reason: "format \(format) is not a \(currentFormat) shard file")
    case nil:
      let reason: String
      do {
        _ = try JSONDecoder().decode(Self.self, from: data)
        reason = "no format"
      } catch {
        reason = Self.reason(error)
      }
      throw .malformedShard(source: source, reason: reason)
    }
    let file: Self
    do {
      file = try JSONDecoder().decode(Self.self, from: data)
    } catch {
      throw .malformedShard(source: source, reason: Self.reason(error))
    }
    return try file.validated(source: source)
  }

  /// This shard if it holds together (a valid k of N, and its state covers exactly shard k of
  /// N's chunks), else ``BootstrapError/malformedShard(source:reason:)``.
  public func validated(source: String) throws(BootstrapError) -> Self {
    do {
      _ = try ShardSpec(index: shard.index, count: shard.count)
    } catch {
      throw .malformedShard(source: source, reason: "\(error)")
    }
    _ = try state.validated(shard: shard, source: source)
    return self
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

/// The one field every shard file is read for first: its format.
private struct ShardFileHeader: Decodable {
  var format: String?
}
