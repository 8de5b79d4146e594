import Foundation

/// The state a shard file carries: a bootstrap's (``BootstrapState``) or a multi-group
/// analysis's (``MultiGroupState``).
public protocol ShardFileState: Sendable, Codable, Equatable {
  /// The file format this version writes, `"<name>/<version>"`, e.g. `plssem.bootstrap-shard/2`.
  static var shardFormat: String { get }
  /// This state if it holds together and covers exactly the chunks of shard `shard`, else
  /// ``BootstrapError/malformedShard(source:reason:)`` naming `source`.
  func validated(shard: ShardSpec, source: String) throws(BootstrapError) -> Self
  /// Whether the state's keys are the file's top-level keys beside `format`, `shard` and
  /// `provenance` (the power shard's format) rather than the value of a key `state`.
  static var storedInline: Bool { get }
}

extension ShardFileState {
  /// The state is the value of the file's key `state`.
  public static var storedInline: Bool { false }
}

/// The contents of a shard file: shard k of N of a resampling run, its state, and the
/// provenance of its inputs — what `plssem bootstrap --shard k/N` (``BootstrapShard``) and
/// `plssem mga --shard k/N` (``MultiGroupShard``) write and `plssem merge` reads. JSON with
/// sorted keys: `format`, `shard`, `provenance`, `state` (or, for a state
/// ``ShardFileState/storedInline``, the state's own keys in place of `state`). Non-finite numbers
/// are written as the strings `"nan"`, `"inf"` and `"-inf"`.
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

  private enum CodingKeys: String, CodingKey {
    case format, shard, provenance, state
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    format = try container.decode(String.self, forKey: .format)
    shard = try container.decode(ShardSpec.self, forKey: .shard)
    provenance = try container.decode(BootstrapProvenance.self, forKey: .provenance)
    state =
      State.storedInline
      ? try State(from: decoder) : try container.decode(State.self, forKey: .state)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(format, forKey: .format)
    try container.encode(shard, forKey: .shard)
    try container.encode(provenance, forKey: .provenance)
    if State.storedInline {
      try state.encode(to: encoder)
    } else {
      try container.encode(state, forKey: .state)
    }
  }

  /// The kind of file in words, e.g. "plssem power shard" for `plssem.power-shard/1`.
  public static var kind: String { kind(ofFormat: currentFormat) }

  /// The kind of file a format names, in words: `plssem.mga-shard/1` → "plssem mga shard".
  static func kind(ofFormat format: String) -> String {
    let name = format.split(separator: "/", maxSplits: 1).first.map(String.init) ?? format
    return name.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "-", with: " ")
  }

  /// `error` naming this kind of file, when it is a state's ``BootstrapError/malformedShard``.
  static func naming(_ error: BootstrapError) -> BootstrapError {
    guard case .malformedShard(let source, let reason) = error else { return error }
    return .malformedShardFile(source: source, kind: kind, reason: reason)
  }

  /// The format's name without its version (`plssem.bootstrap-shard/`).
  static var formatName: String {
    guard let slash = currentFormat.lastIndex(of: "/") else { return currentFormat }
    return String(currentFormat[...slash])
  }

  /// The file contents: JSON with sorted keys.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
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
    func refuse(_ reason: String) -> BootstrapError {
      .malformedShardFile(source: source, kind: kind, reason: reason)
    }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    switch claimedFormat(data) {
    case currentFormat?:
      break
    case let format? where format.hasPrefix(formatName):
      throw refuse(
        "format \(format) was written by another version of plssem; this version reads \(currentFormat): make the shards again with this version"
      )
    case let format? where format.hasPrefix("plssem."):
      throw refuse(
        "it is a \(kind(ofFormat: format)) file, format \(format), where \(currentFormat) is expected: merge shards of one run only"
      )
    case let format?:
      throw refuse("format \(format) is not a \(currentFormat) shard file")
    case nil:
      let reason: String
      do {
        _ = try decoder.decode(Self.self, from: data)
        reason = "no format"
      } catch {
        reason = Self.reason(error)
      }
      throw refuse(reason)
    }
    let file: Self
    do {
      file = try decoder.decode(Self.self, from: data)
    } catch {
      throw refuse(Self.reason(error))
    }
    return try file.validated(source: source)
  }

  /// This shard if it holds together (a valid k of N, and its state covers exactly shard k of
  /// N's chunks), else ``BootstrapError/malformedShardFile(source:kind:reason:)`` naming this kind
  /// of file.
  public func validated(source: String) throws(BootstrapError) -> Self {
    do {
      _ = try ShardSpec(index: shard.index, count: shard.count)
    } catch {
      throw .malformedShardFile(source: source, kind: Self.kind, reason: "\(error)")
    }
    do {
      _ = try state.validated(shard: shard, source: source)
    } catch {
      throw Self.naming(error)
    }
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
