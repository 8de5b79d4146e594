import Foundation

/// The state a power study's shard carries: the sample sizes and replications of the whole
/// study and the records of the shard's replications `shard.chunks(of: R)` at every size.
///
/// Stored inline in its ``ShardFile`` (``ShardFileState/storedInline``): the file's top-level
/// keys are `format`, `shard`, `provenance`, `respondents`, `replications` and `records`, as
/// `plssem.power-shard/1` files have been written from the start.
public struct PowerState: Sendable, Codable, Equatable {
  /// The sample sizes of the study, in its order.
  public var respondents: [Int]
  /// Replications per sample size R of the whole study.
  public var replications: Int
  /// The records of this shard's replications, size by size, replication by replication.
  public var records: [PowerReplication]

  public init(respondents: [Int], replications: Int, records: [PowerReplication]) {
    self.respondents = respondents
    self.replications = replications
    self.records = records
  }
}

extension PowerState: ShardFileState {
  /// The format of power shard files.
  public static let shardFormat = "plssem.power-shard/1"
  /// The state's keys are the file's top-level keys (the format of the first power shards).
  public static var storedInline: Bool { true }

  /// This state if its sizes and R are in their domains and its records are exactly the
  /// replications `shard.chunks(of: replications)` at each size, in order.
  public func validated(shard: ShardSpec, source: String) throws(BootstrapError) -> PowerState {
    guard replications >= 1, replications <= PowerSettings.maximumReplications,
      !respondents.isEmpty
    else {
      throw .malformedShard(
        source: source,
        reason:
          "\(counted(replications, "replication")) at \(counted(respondents.count, "sample size"))"
      )
    }
    let range = shard.chunks(of: replications)
    guard records.count == respondents.count * range.count else {
      throw .malformedShard(
        source: source,
        reason:
          "\(counted(records.count, "record")); shard \(shard.index)/\(shard.count) holds replications \(range) at \(counted(respondents.count, "size"))"
      )
    }
    var index = 0
    for n in respondents {
      for r in range {
        let record = records[index]
        guard record.respondents == n, record.replication == r else {
          throw .malformedShard(
            source: source,
            reason:
              "record \(index) is replication \(record.replication) at n = \(record.respondents), expected \(r) at n = \(n)"
          )
        }
        index += 1
      }
    }
    return self
  }
}

/// A shard file of a power study (`plssem power --shard k/N --output FILE`, format
/// `plssem.power-shard/1`): the ``ShardFile`` envelope around a ``PowerState`` — the records of
/// replications `shard.chunks(of: R)` (shard k of N of each sample size's replications) at
/// every sample size, and the provenance of its inputs.
///
/// Replications are independent draws on the counter-based streams of (seed, n, replication)
/// (``PowerStudy``), so shards computed anywhere merge (`PowerShard.merge(_:)`) into the
/// records of one run, and ``PowerResult/init(study:replications:)`` folds them into the single
/// run's result bit for bit. The envelope's checks (format, JSON, k of N) are the bootstrap's and the
/// multi-group analysis's (``BootstrapShard``, ``MultiGroupShard``): same ``ShardSpec``, same
/// ``BootstrapProvenance``, same errors.
public typealias PowerShard = ShardFile<PowerState>

extension ShardFile where State == PowerState {
  /// A shard file from its parts.
  public init(
    shard: ShardSpec, respondents: [Int], replications: Int, records: [PowerReplication],
    provenance: BootstrapProvenance
  ) {
    self.init(
      shard: shard,
      state: PowerState(respondents: respondents, replications: replications, records: records),
      provenance: provenance)
  }

  /// Runs shard `shard` of `study`: its range of replications at every sample size.
  public init(
    study: PowerStudy, shard: ShardSpec, provenance: BootstrapProvenance,
    progress: PowerStudy.Progress? = nil
  ) {
    let settings = study.settings
    self.init(
      shard: shard, respondents: settings.respondents, replications: settings.replications,
      records: study.run(
        replications: shard.chunks(of: settings.replications), progress: progress),
      provenance: provenance)
  }

  /// The sample sizes of the study, in its order.
  public var respondents: [Int] {
    get { state.respondents }
    set { state.respondents = newValue }
  }
  /// Replications per sample size R of the whole study.
  public var replications: Int {
    get { state.replications }
    set { state.replications = newValue }
  }
  /// The records of this shard's replications, size by size, replication by replication.
  public var records: [PowerReplication] {
    get { state.records }
    set { state.records = newValue }
  }

  /// Whether `data` is (claims to be) a power shard file (``ShardFile/claims(_:)``).
  public static func isPowerShard(_ data: Data) -> Bool { claims(data) }

  /// Checks that `shards` are the N shards of one study (same provenance, sizes and
  /// replications; every k of N once, a missing one named) and returns their records.
  public static func merge(_ shards: [(source: String, shard: PowerShard)])
    throws(BootstrapError) -> [PowerReplication]
  {
    guard let (firstSource, first) = shards.first else {
      throw .incompatibleShards("no shards given")
    }
    var seen = Set<Int>()
    for (source, shard) in shards {
      _ = try shard.validated(source: source)
      if let difference = shard.provenance.difference(
        from: first.provenance, source, firstSource)
      {
        throw .incompatibleShards(difference)
      }
      guard shard.respondents == first.respondents, shard.replications == first.replications
      else {
        throw .incompatibleShards(
          "\(source) and \(firstSource) are shards of studies of other sample sizes or replications"
        )
      }
      guard shard.shard.count == first.shard.count, seen.insert(shard.shard.index).inserted else {
        throw .incompatibleShards(
          "\(source): shard \(shard.shard.index)/\(shard.shard.count) is given twice or belongs to another split"
        )
      }
    }
    guard seen.count == first.shard.count else {
      let missing = (1...first.shard.count).filter { !seen.contains($0) }.prefix(10)
        .map { "\($0)/\(first.shard.count)" }
      throw .incompatibleShards(
        "\(missing.count == 1 ? "shard" : "shards") \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing"
      )
    }
    return shards.sorted { $0.shard.shard.index < $1.shard.shard.index }.flatMap(\.shard.records)
  }
}

/// `count` and `noun`, the noun in the plural unless `count` is 1 ("1 size", "3 sizes").
func counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}
