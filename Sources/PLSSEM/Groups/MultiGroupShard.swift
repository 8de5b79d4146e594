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
/// `plssem.mga-shard/1`): the ``ShardFile`` envelope around a ``MultiGroupState`` — shard k of N
/// of every group's bootstrap, of the permutations (and of MICOM's tallies), and the provenance of
/// its inputs. Each group's bootstrap goes through the bootstrap shard's own checks and merge
/// (``BootstrapState/validated(shard:source:)``, `BootstrapShard.merge(_:)`: same provenance,
/// model, data, settings and seed, every k of N once); the permutation counts merge by
/// ``PermutationState/merge(_:)``. The merged state equals a single run's.
public typealias MultiGroupShard = ShardFile<MultiGroupState>

extension MultiGroupState: ShardFileState {
  /// The format of multi-group shard files.
  public static let shardFormat = "plssem.mga-shard/1"

  /// This state if every part holds together and covers exactly shard `shard`'s chunks.
  public func validated(shard: ShardSpec, source: String) throws(BootstrapError)
    -> MultiGroupState
  {
    for state in bootstraps {
      _ = try state.validated(shard: shard, source: source)
    }
    if let permutation {
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
}

extension ShardFile where State == MultiGroupState {
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
