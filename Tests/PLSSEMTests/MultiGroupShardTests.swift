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
}
