import Foundation
import PLSSEM
import TestSupport
import Testing

/// Power shard files: shard k of N holds its range of every size's replications; N shards,
/// through their files and in any order, merge into the single run's records and result;
/// a missing, repeated or foreign shard is refused with its name.
@Suite("Power study: shard files and their merge")
struct PowerShardTests {
  static let settings = PowerSettings(
    respondents: [60, 90], replications: 7, resamples: 30, seed: 11, threads: 2)
  static let provenance = BootstrapProvenance(arguments: ["--replications", "7"])

  static func shards(_ study: PowerStudy, count: Int) throws -> [(
    source: String, shard: PowerShard
  )] {
    try (1...count).map { k in
      let shard = PowerShard(
        study: study, shard: try ShardSpec(index: k, count: count), provenance: provenance)
      // Through the file: encoded and decoded again.
      return ("s\(k).json", try PowerShard.decode(shard.encoded(), source: "s\(k).json"))
    }
  }

  @Test("3 shards (through their files, any order) merge into the single run's result")
  func mergeEqualsSingleRun() throws {
    let study = try TwoPathDesign.study(settings: Self.settings)
    let whole = try study.result()
    let shards = try Self.shards(study, count: 3)
    #expect(shards.map { $0.shard.records.count } == [4, 4, 6])  // replications 0..<2, 2..<4, 4..<7
    #expect(shards[2].shard.records.map(\.replication) == [4, 5, 6, 4, 5, 6])
    let records = try PowerShard.merge(shards.reversed())
    #expect(try PowerResult(study: study, replications: records) == whole)
    // More shards than replications: some shards are empty, the merge still equals.
    let many = try Self.shards(study, count: 9)
    #expect(many.contains { $0.shard.records.isEmpty })
    #expect(try PowerResult(study: study, replications: PowerShard.merge(many)) == whole)
  }

  /// The description of the error `body` throws ("" when it throws none).
  private func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch {
      return String(describing: error)
    }
  }

  @Test("a missing, repeated or foreign shard and a tampered file are refused, naming them")
  func refusals() throws {
    let study = try TwoPathDesign.study(settings: Self.settings)
    let shards = try Self.shards(study, count: 3)
    #expect(
      message { _ = try PowerShard.merge([shards[0], shards[2]]) }.contains("shard 2/3 is missing"))
    #expect(
      message { _ = try PowerShard.merge([shards[0], shards[0], shards[1]]) }.contains(
        "given twice"))
    var other = shards[1]
    other.shard.provenance = BootstrapProvenance(arguments: ["--replications", "7", "--seed", "2"])
    #expect(
      message { _ = try PowerShard.merge([shards[0], other, shards[2]]) }.contains("other options"))
    // A record of another replication in the file.
    var tampered = shards[1].shard
    tampered.records[0].replication = 5
    let text = message { _ = try PowerShard.decode(tampered.encoded(), source: "bad.json") }
    #expect(text.contains("bad.json") && text.contains("expected 2 at n = 60"), "\(text)")
    let foreign = message {
      _ = try PowerShard.decode(
        Data(#"{"format": "plssem.bootstrap-shard/1"}"#.utf8), source: "b.json")
    }
    #expect(foreign.contains("b.json") && foreign.contains("plssem.power-shard/1"))
    // Counts in the messages take the singular for one: "1 record", "at 1 size".
    var short = shards[1].shard
    short.respondents = [60]
    short.records = [short.records[0]]
    let counts = message { _ = try short.validated(source: "short.json") }
    #expect(
      counts.contains("1 record;") && counts.contains("at 1 size") && !counts.contains("1 sizes"),
      "\(counts)")
  }

  /// The files of `plssem power --example led --respondents 30,40 --replications 3 --bootstrap
  /// 20 --seed 5 --continuous --shard k/2`, written before ``PowerShard`` became a
  /// ``ShardFile`` (`Fixtures/power-shards-v1`).
  static func versionOneFiles() throws -> [(source: String, data: Data)] {
    try ["s1", "s2"].map { name in
      let url = try #require(
        Bundle.module.url(forResource: "Fixtures/power-shards-v1/\(name)", withExtension: "json"))
      return ("\(name).json", try Data(contentsOf: url))
    }
  }

  @Test(
    "a shard file written before the ShardFile envelope reads, encodes to its own bytes, merges")
  func formatUnchanged() throws {
    var shards: [(source: String, shard: PowerShard)] = []
    for (source, data) in try Self.versionOneFiles() {
      let shard = try PowerShard.decode(data, source: source)
      #expect(try shard.encoded() == data, "\(source) is written otherwise now")
      #expect(shard.respondents == [30, 40] && shard.replications == 3)
      shards.append((source, shard))
    }
    let records = try PowerShard.merge(shards)
    // Shard 1/2 holds replication 0 at each size, shard 2/2 replications 1 and 2.
    #expect(records.map(\.replication) == [0, 0, 1, 2, 1, 2])
    #expect(records.map(\.respondents) == [30, 40, 30, 30, 40, 40])
    // Through the generic envelope: a NaN in a record is written "nan" and read back.
    var shard = shards[0].shard
    shard.records[0].outcomes?[0].estimate = .nan
    let again = try PowerShard.decode(shard.encoded(), source: "nan.json")
    #expect(again.records[0].outcomes?[0].estimate.isNaN == true)
  }

  @Test("a shard file of another kind is refused naming the file, the kind expected and found")
  func otherKindNamed() throws {
    let power = try Self.versionOneFiles()[0].data
    let asBootstrap = message { _ = try BootstrapShard.decode(power, source: "p1.json") }
    #expect(
      asBootstrap.hasPrefix("p1.json: not a plssem bootstrap shard file (")
        && asBootstrap.contains("it is a plssem power shard file, format plssem.power-shard/1"),
      "\(asBootstrap)")
    let asGroups = message { _ = try MultiGroupShard.decode(power, source: "p1.json") }
    #expect(
      asGroups.hasPrefix("p1.json: not a plssem mga shard file (")
        && asGroups.contains("plssem power shard file"), "\(asGroups)")
    let bootstrap = Data(#"{"format": "plssem.bootstrap-shard/2"}"#.utf8)
    let asPower = message { _ = try PowerShard.decode(bootstrap, source: "b.json") }
    #expect(
      asPower.hasPrefix("b.json: not a plssem power shard file (")
        && asPower.contains("it is a plssem bootstrap shard file"), "\(asPower)")
    // A power shard's own defect names the power shard, not the bootstrap's.
    var short = try PowerShard.decode(power, source: "p1.json")
    short.records = []
    let defect = message { _ = try PowerShard.decode(short.encoded(), source: "short.json") }
    #expect(defect.hasPrefix("short.json: not a plssem power shard file (0 records;"), "\(defect)")
    #expect(!defect.contains("bootstrap"))
  }
}
