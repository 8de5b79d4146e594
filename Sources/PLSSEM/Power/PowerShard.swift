import Foundation

/// A shard file of a power study (`plssem power --shard k/N --output FILE`, format
/// `plssem.power-shard/1`): the records of replications `shard.chunks(of: R)` — shard k of N of
/// each sample size's replications — at every sample size, and the provenance of its inputs.
///
/// Replications are independent draws on the counter-based streams of (seed, n, replication)
/// (``PowerStudy``), so shards computed anywhere merge (``merge(_:)``) into the records of one
/// run, and ``PowerResult/init(study:replications:)`` folds them into the single run's result
/// bit for bit. The file is parallel to the bootstrap's (``BootstrapShard``) and the
/// multi-group analysis's (``MultiGroupShard``): same ``ShardSpec``, same
/// ``BootstrapProvenance``, same errors.
public struct PowerShard: Sendable, Codable, Equatable {
  /// The format written by this version.
  public static let currentFormat = "plssem.power-shard/1"

  /// The file's format, ``currentFormat``.
  public var format: String
  /// Which shard k of N this is.
  public var shard: ShardSpec
  /// The caller's options and input files (the CLI: its shaping arguments and file digests).
  public var provenance: BootstrapProvenance
  /// The sample sizes of the study, in its order.
  public var respondents: [Int]
  /// Replications per sample size R of the whole study.
  public var replications: Int
  /// The records of this shard's replications, size by size, replication by replication.
  public var records: [PowerReplication]

  public init(
    shard: ShardSpec, respondents: [Int], replications: Int, records: [PowerReplication],
    provenance: BootstrapProvenance
  ) {
    format = Self.currentFormat
    self.shard = shard
    self.respondents = respondents
    self.replications = replications
    self.records = records
    self.provenance = provenance
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

  /// The file contents: JSON with sorted keys (non-finite numbers as `"nan"`, `"inf"`,
  /// `"-inf"`).
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(self)
  }

  /// Whether `data` is (claims to be) a power shard file.
  public static func isPowerShard(_ data: Data) -> Bool {
    format(of: data)?.hasPrefix("plssem.power-shard/") == true
  }

  private static func format(of data: Data) -> String? {
    struct Header: Decodable { var format: String? }
    return (try? JSONDecoder().decode(Header.self, from: data))?.format
  }

  /// Reads a shard file's contents; `source` names the file in every error. Refuses files of
  /// another format, malformed JSON, and records that do not cover exactly the replications
  /// of their shard.
  public static func decode(_ data: Data, source: String) throws(BootstrapError) -> PowerShard {
    let format = format(of: data)
    guard format == currentFormat else {
      throw .malformedShard(
        source: source,
        reason: format.map { "format \($0); this version reads \(currentFormat)" } ?? "no format")
    }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let shard: PowerShard
    do {
      shard = try decoder.decode(PowerShard.self, from: data)
    } catch {
      throw .malformedShard(source: source, reason: BootstrapShard.reason(error))
    }
    return try shard.validated(source: source)
  }

  /// This shard if it is shard k of N with 1 ≤ k ≤ N and its records are exactly the
  /// replications `shard.chunks(of: replications)` at each size, in order.
  public func validated(source: String) throws(BootstrapError) -> PowerShard {
    guard shard.count >= 1, shard.count <= ShardSpec.maximumCount, shard.index >= 1,
      shard.index <= shard.count
    else {
      throw .malformedShard(source: source, reason: "shard \(shard.index)/\(shard.count)")
    }
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
