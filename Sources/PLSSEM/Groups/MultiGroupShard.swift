import Foundation

/// The resampling state of a multi-group analysis: each group's bootstrap state (none without
/// resamples) and the permutation test's state (nil without permutations).
public struct MultiGroupState: Sendable, Codable, Equatable {
  public var bootstraps: [BootstrapState]
  public var permutation: PermutationState?

  public init(bootstraps: [BootstrapState], permutation: PermutationState?) {
    self.bootstraps = bootstraps
    self.permutation = permutation
  }
}

/// A shard file of a multi-group analysis (`plssem mga --shard k/N --output FILE`, format
/// `plssem.mga-shard/1`): shard k of N of every group's bootstrap and of the permutations, and
/// the provenance of its inputs. Each group's bootstrap goes through the bootstrap shard's own
/// checks and merge (``BootstrapShard/validated(source:)``, ``BootstrapShard/merge(_:)``: same
/// provenance, model, data, settings and seed, every k of N once); the permutation counts merge
/// by ``PermutationState/merge(_:)``. The merged state equals a single run's.
public struct MultiGroupShard: Sendable, Codable, Equatable {
  /// The format written by this version.
  public static let currentFormat = "plssem.mga-shard/1"

  public var format: String
  public var shard: ShardSpec
  public var provenance: BootstrapProvenance
  public var state: MultiGroupState

  public init(shard: ShardSpec, state: MultiGroupState, provenance: BootstrapProvenance) {
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

  /// Whether `data` is (claims to be) a multi-group shard file.
  public static func isMultiGroupShard(_ data: Data) -> Bool {
    struct Header: Decodable { var format: String? }
    let format = (try? JSONDecoder().decode(Header.self, from: data))?.format
    return format?.hasPrefix("plssem.mga-shard/") == true
  }

  /// Reads a shard file's contents; `source` names the file in every error.
  public static func decode(_ data: Data, source: String) throws(BootstrapError) -> MultiGroupShard
  {
    struct Header: Decodable { var format: String? }
    let format = (try? JSONDecoder().decode(Header.self, from: data))?.format
    guard format == currentFormat else {
      throw .malformedShard(
        source: source,
        reason: format.map { "format \($0); this version reads \(currentFormat)" } ?? "no format")
    }
    let shard: MultiGroupShard
    do {
      shard = try JSONDecoder().decode(MultiGroupShard.self, from: data)
    } catch {
      throw .malformedShard(source: source, reason: BootstrapShard.reason(error))
    }
    return try shard.validated(source: source)
  }

  /// This shard if every part holds together and covers exactly shard k of N.
  public func validated(source: String) throws(BootstrapError) -> MultiGroupShard {
    for state in state.bootstraps {
      _ = try BootstrapShard(shard: shard, state: state, provenance: provenance).validated(
        source: source)
    }
    if let permutation = state.permutation {
      _ = try permutation.validated(source: source)
      let range = shard.chunks(of: permutation.chunks)
      guard permutation.firstChunk == range.lowerBound, permutation.chunkCount == range.count
      else {
        throw .malformedShard(
          source: source,
          reason:
            "shard \(shard.index)/\(shard.count) holds permutation chunks \(permutation.firstChunk)..<\(permutation.firstChunk + permutation.chunkCount), not \(range)"
        )
      }
    }
    return self
  }

  /// Checks that `shards` are the N shards of one analysis, each once, and merges them.
  public static func merge(_ shards: [(source: String, shard: MultiGroupShard)])
    throws(BootstrapError) -> MultiGroupState
  {
    guard let first = shards.first?.shard else { throw .incompatibleShards("no shards given") }
    let groups = first.state.bootstraps.count
    for (source, shard) in shards {
      _ = try shard.validated(source: source)
      guard shard.state.bootstraps.count == groups,
        (shard.state.permutation == nil) == (first.state.permutation == nil)
      else {
        throw .incompatibleShards(
          "\(source) and \(shards[0].source) hold different groups or tests")
      }
    }
    // The bootstrap's one validation and merge path, group by group.
    var bootstraps: [BootstrapState] = []
    for g in 0..<groups {
      bootstraps.append(
        try BootstrapShard.merge(
          shards.map {
            (
              $0.source,
              BootstrapShard(
                shard: $0.shard.shard, state: $0.shard.state.bootstraps[g],
                provenance: $0.shard.provenance)
            )
          }))
    }
    var permutation: PermutationState?
    if first.state.permutation != nil {
      // Every k of N once (the bootstrap merge checked it when there are groups' bootstraps).
      var seen = Set<Int>()
      for (source, shard) in shards {
        guard seen.insert(shard.shard.index).inserted, shard.shard.count == first.shard.count else {
          throw .incompatibleShards(
            "\(source): shard \(shard.shard.index)/\(shard.shard.count) is given twice or belongs to another split"
          )
        }
        if let difference = shard.provenance.difference(
          from: first.provenance, source, shards[0].source)
        {
          throw .incompatibleShards(difference)
        }
      }
      guard seen.count == first.shard.count else {
        let missing = (1...first.shard.count).filter { !seen.contains($0) }.prefix(10)
          .map { "\($0)/\(first.shard.count)" }
        throw .incompatibleShards("shards \(missing.joined(separator: ", ")) are missing")
      }
      let ordered = shards.sorted { $0.shard.shard.index < $1.shard.shard.index }
      permutation = try PermutationState.merge(
        ordered.compactMap { s in s.shard.state.permutation.map { (s.source, $0) } })
    }
    return MultiGroupState(bootstraps: bootstraps, permutation: permutation)
  }
}
