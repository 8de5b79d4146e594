import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The bootstrap of a two-stage estimate of higher-order constructs re-runs both stages on
/// every resample, and stays bit-identical for any thread count and shard split.
@Suite("Higher-order constructs: bootstrap")
struct HigherOrderBootstrapTests {
  static func estimate(_ method: HigherOrderMethod = .twoStage, hocMode: String = "=~") throws
    -> PLSEstimate
  {
    var settings = PLSSettings()
    settings.higherOrder = method
    let text = HigherOrderTwoStageTests.mobiAA.replacingOccurrences(
      of: "Satisfaction =~ Image", with: "Satisfaction \(hocMode) Image")
    return try PLSEstimator(settings: settings).estimate(
      PathModel(syntax: text), data: ExampleData.mobi())
  }

  /// Resample b's statistics equal a fresh two-stage estimate (stage 1 and stage 2 on the
  /// data rows) of the resample's rows: the LOC scores are re-estimated, not held fixed.
  @Test("a resample's statistics are those of both stages re-estimated on its rows")
  func resampleReestimatesBothStages() throws {
    for hocMode in ["=~", "<~"] {
      let estimate = try Self.estimate(hocMode: hocMode)
      let data = try ExampleData.mobi()
      var settings = BootstrapSettings(resamples: 10, seed: 3)
      settings.statistics.insert(.reliability)
      let bootstrapper = Bootstrapper(settings: settings)
      let catalog = bootstrapper.catalog(for: estimate)
      let first = try #require(estimate.higherOrder?.firstStage)
      let evaluator = ResampleEvaluator(
        data: first.prepared.standardized,
        kernel: PLSKernel(layout: estimate.layout, settings: estimate.settings), catalog: catalog,
        signChange: .none, originalWeights: estimate.weights, originalLoadings: estimate.loadings,
        seed: 3, firstStage: FirstStageResampling(estimate))
      let row = UnsafeMutablePointer<Double>.allocate(capacity: catalog.count)
      defer { row.deallocate() }
      var d = ToleranceTracker("resample vs two stages on its rows (\(hocMode))", tolerance: 1e-10)
      for b in [0, 5] as [UInt64] {
        #expect(evaluator.evaluate(resample: b, into: row) == .admissible)
        var stream = ResampleStream(seed: 3, resample: b)
        let rows = (0..<data.rowCount).map { _ in stream.nextIndex(below: data.rowCount) }
        let direct = try PLSEstimator().estimate(
          estimate.higherOrder!.specified, data: data.selectingRows(rows))
        let table = try #require(direct.statistics.selecting(catalog.keys))
        for (k, key) in catalog.keys.enumerated() {
          d.check(row[k], table.values[k], "resample \(b) \(key)")
        }
      }
      d.report()
    }
  }

  @Test("bit-identical for 1 and 3 threads and for two shards merged")
  func deterministic() throws {
    let estimate = try Self.estimate()
    var bits: [[String: [UInt64]]] = []
    var states: [BootstrapState] = []
    for threads in [1, 3] {
      let settings = BootstrapSettings(resamples: 1100, seed: 9, threads: threads)
      let state = try Bootstrapper(settings: settings).run(estimate)
      states.append(state)
      bits.append(BootstrapTestSupport.bits(try BootstrapResult(state: state, estimate: estimate)))
    }
    #expect(bits[0] == bits[1])
    let settings = BootstrapSettings(resamples: 1100, seed: 9, threads: 2)
    let shards = try (1...2).map { k in
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: k, count: 2))
    }
    let merged = try BootstrapTestSupport.merge(shards, order: [1, 0])
    #expect(
      BootstrapTestSupport.bits(try BootstrapResult(state: merged, estimate: estimate)) == bits[0])
    // The HOC-level statistics vary across resamples (they are resampled, not fixed).
    let result = try BootstrapResult(state: states[0], estimate: estimate)
    let loading = try #require(
      result.statistics[.loading(construct: "Satisfaction", indicator: "Image")])
    #expect((loading.standardError ?? 0) > 0.001)
  }

  @Test("repeated indicators bootstrap as an ordinary model")
  func repeatedIndicators() throws {
    let estimate = try Self.estimate(.repeatedIndicators)
    let result = try Bootstrapper(settings: BootstrapSettings(resamples: 50, seed: 2)).result(
      estimate)
    let path = try #require(result.statistics[.path(from: "Satisfaction", to: "Image")])
    #expect((path.standardError ?? 0) > 0)
  }
}
