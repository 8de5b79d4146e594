import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The permutation test of a model with interaction terms: each permuted group must be estimated
/// as the observed groups are, re-running the staged procedure on its own rows (base indicators
/// standardised within the group, the interaction's indicator formed again), not on the
/// generated columns of the pooled estimate.
@Suite("Multi-group analysis of an interaction model")
struct MultiGroupInteractionTests {
  @Test(
    "a permutation's group statistics equal estimates of the permuted groups",
    arguments: [InteractionMethod.twoStage, .productIndicator, .orthogonal])
  func permutedGroupsReRunTheStages(method: InteractionMethod) throws {
    let data = try ExampleData.table(ExampleData.corpRepData, missingCodes: [-99])
    let model = try ExampleData.model("examples/corporate-reputation/moderation.model")
    let split = try GroupSplit(data: data, column: "servicetype", model: model)
    let settings = MultiGroupSettings(
      permutations: 3, resamples: 0, seed: 11, threads: 2, statistics: [.path], keepDraws: true)
    let estimator = PLSEstimator(settings: PLSSettings(interaction: method))
    let state = try MultiGroupAnalysis(estimator: estimator, settings: settings).state(
      model, groups: split)
    let permutation = try #require(state.permutation)
    let draws = try #require(permutation.draws)
    let keys = permutation.keys
    let sizes = split.groups.map(\.observations)
    let n = sizes.reduce(0, +)
    var rows = [Int](repeating: 0, count: n)
    for i in 0..<3 {
      rows.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        PermutationStream.permute(seed: 11, permutation: i, into: base, count: n)
      }
      var offset = 0
      for (g, size) in sizes.enumerated() {
        let group = try split.data.selectingRows(Array(rows[offset..<offset + size]))
        let estimate = try estimator.estimate(model, data: group)
        for (k, key) in keys.enumerated() {
          let table = estimate.statistics
          let index = try #require(
            table.keys.firstIndex { $0.description == key }, "\(key) in the group estimate")
          let expected = table.values[index]
          let got = draws[(i * sizes.count + g) * keys.count + k]
          #expect(
            abs(got - expected) <= 1e-10,
            "\(method) permutation \(i) group \(g) \(key): \(got) vs \(expected)")
        }
        offset += size
      }
    }
    // The interaction path is among the compared statistics.
    #expect(keys.contains { $0.contains("CUSA:SC") })
  }
}
