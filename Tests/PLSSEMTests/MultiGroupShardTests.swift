import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Shards of a multi-group analysis: every group's bootstrap and the permutations split k/N,
/// written as shard files, read back and merged, give the single run's state and result.
@Suite("Multi-group shards")
struct MultiGroupShardTests {
  static func inputs() throws -> (GroupSplit, PathModel) {
    let data = try ExampleData.table(ExampleData.corpRepData, missingCodes: [-99])
    let model = try ExampleData.model(ExampleData.corpRepSimpleModel)
    return (try GroupSplit(data: data, column: "servicetype", model: model), model)
  }

  static let provenance = BootstrapProvenance(arguments: ["--seed", "4"], files: [])

  @Test("3 shards through their files merge to the single run's state, bit for bit")
  func shardsMerge() throws {
    let (split, model) = try Self.inputs()
    // Two chunks of 1,024 in three shards: one shard is empty, the others differ.
    var settings = MultiGroupSettings(permutations: 1100, resamples: 1100, seed: 4, threads: 2)
    settings.statistics = [.path]
    let analysis = MultiGroupAnalysis(settings: settings)
    let single = try analysis.state(model, groups: split)
    var files: [(source: String, shard: MultiGroupShard)] = []
    for k in [2, 3, 1] {
      let spec = try ShardSpec(index: k, count: 3)
      let file = MultiGroupShard(
        shard: spec, state: try analysis.state(model, groups: split, shard: spec),
        provenance: Self.provenance)
      files.append(("shard-\(k).json", try MultiGroupShard.decode(file.encoded(), source: "s\(k)")))
    }
    let merged = try MultiGroupShard.merge(files)
    #expect(merged == single)
    let a = try analysis.result(model, groups: split, state: merged)
    let b = try analysis.result(model, groups: split, state: single)
    #expect(a.differences == b.differences)
    #expect(a.permutations == 1100)
    // A missing shard is named.
    let error = #expect(throws: BootstrapError.self) {
      try MultiGroupShard.merge(Array(files.prefix(2)))
    }
    #expect(error?.description.contains("1/3") == true)
  }

  @Test("MICOM in the shards: merged counts and tails equal the single run's; tails stay small")
  func micomShardsMerge() throws {
    let (split, model) = try Self.inputs()
    var settings = MultiGroupSettings(
      permutations: 2100, resamples: 0, seed: 6, threads: 2, micom: true)
    settings.statistics = [.path]
    let analysis = MultiGroupAnalysis(settings: settings)
    let single = try analysis.state(model, groups: split)
    let micom = try #require(single.permutation?.micom)
    // Only the order statistics the quantiles can read: ⌈0.05·2099⌉ + 3 and ⌈0.025·2099⌉ + 3.
    #expect(micom.compositionTail == 108 && micom.momentTail == 56)
    for (t, tally) in micom.tallies.enumerated() {
      #expect(tally.valid == 2100)
      #expect(tally.lower.count == (t % 3 == 0 ? 108 : 56))
      #expect(tally.upper.count == (t % 3 == 0 ? 0 : 56))
    }
    var files: [(source: String, shard: MultiGroupShard)] = []
    for k in [3, 1, 2] {
      let spec = try ShardSpec(index: k, count: 3)
      let file = MultiGroupShard(
        shard: spec, state: try analysis.state(model, groups: split, shard: spec),
        provenance: Self.provenance)
      files.append(("s\(k)", try MultiGroupShard.decode(file.encoded(), source: "s\(k)")))
    }
    let merged = try MultiGroupShard.merge(files)
    #expect(merged == single)
    let a = try #require(try analysis.result(model, groups: split, state: merged).micom)
    let b = try #require(try analysis.result(model, groups: split, state: single).micom)
    #expect(a.step2 == b.step2 && a.step3 == b.step3 && a.verdict == b.verdict)
  }

  @Test("the kept tails give the type-7 quantiles of all the draws")
  func tailsGiveQuantiles() throws {
    let generator = Philox4x32(seed: 12)
    for n in [1, 2, 3, 7, 40, 41, 199, 1000] {
      let values = (0..<n).map { i in
        let b = generator.block(UInt32(i), UInt32(n), 0, 0)
        return Double(b.0 % 50) / 7 - 3  // ties included
      }
      for level in [0.025, 0.05, 0.975] {
        let size = MICOMState.tailSize(permutations: n, level: level)
        let sorted = values.sorted()
        let tally = MICOMState.Tally(
          valid: n, extreme: 0, lower: Array(sorted.prefix(size)),
          upper: Array(sorted.suffix(size)))
        #expect(
          tally.quantile(level) == TypeSevenQuantile.quantile(sorted: sorted, level),
          "n \(n) level \(level)")
      }
    }
  }
}
