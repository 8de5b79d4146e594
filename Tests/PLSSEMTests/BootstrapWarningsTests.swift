import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The bootstrap's warnings as values (issue 16.10, bootstrap side): failed resamples named by
/// index, and statistics whose SE is very large for their estimate. The resamples that must fail
/// are known in advance from the resample streams (``BootstrapFailureTests``); the large SEs are
/// recomputed here from the draws themselves.
@Suite("Bootstrap warnings")
struct BootstrapWarningsTests {
  @Test("resamples-failed counts the failed resamples and names the first ten, also after a merge")
  func failedResamplesAreNamed() throws {
    let estimate = try BootstrapFailureTests.estimate()
    let resamples = 600
    let expected = BootstrapFailureTests.resamplesMissingRareRow(seed: 4, count: resamples)
    #expect(expected.count > 10)
    let settings = BootstrapSettings(
      resamples: resamples, seed: 4, threads: 2, maximumFailureShare: 0.5)
    let result = try Bootstrapper(settings: settings).result(estimate)
    let failed = result.diagnostics.filter { $0.code == Diagnostic.Code.resamplesFailed }
    #expect(failed.count == 1)
    let warning = try #require(failed.first)
    #expect(warning.severity == .warning)
    #expect(warning.value == Double(expected.count))
    let named = expected.prefix(10).map(String.init).joined(separator: ", ")
    #expect(
      warning.message.contains("\(expected.count) of \(resamples) bootstrap resamples"),
      "\(warning.message)")
    #expect(
      warning.message.hasSuffix("resamples \(named), … (the first 10)"), "\(warning.message)")
    #expect(!result.diagnostics.contains { $0.code == Diagnostic.Code.resamplesInadmissible })
    // Three shards, merged: the same warnings (the first failures of the run, not of a shard).
    let shards = try (1...3).map {
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: $0, count: 3))
    }
    let merged = try BootstrapResult(
      state: BootstrapTestSupport.merge(shards, order: [2, 0, 1]), estimate: estimate)
    #expect(merged.diagnostics == result.diagnostics)
  }

  @Test("large-se: the statistics whose SE of the draws exceeds 100 × max(|estimate|, 0.01)")
  func largeStandardErrorsAreNamed() throws {
    // The weak scale: HTMT(B, W) divides by a near-zero correlation in some resamples.
    let data = try ExampleData.table("Tests/PLSSEMTests/Fixtures/data/weak-scale.csv")
    let model = try ExampleData.model("Tests/PLSSEMTests/Fixtures/data/weak-scale.model")
    let estimate = try PLSEstimator().estimate(model, data: data)
    let settings = BootstrapSettings(
      resamples: 2000, seed: 11, threads: 2, maximumFailureShare: 0.5)
    let state = try Bootstrapper(settings: settings).run(estimate)
    let result = try BootstrapResult(state: state, estimate: estimate)
    let draws = try #require(state.draws)
    // The SE of each statistic's draws, two-pass, and the rule.
    var expected: [String] = []
    for (k, key) in state.keys.enumerated() {
      let column = draws.column(k)
      let n = Double(column.count)
      let mean = column.reduce(0, +) / n
      let sd = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
      if sd > 100 * max(abs(state.original[k]), 0.01) { expected.append(key) }
    }
    #expect(expected.contains("htmt:B|W"), "\(expected)")
    let large = result.diagnostics.filter { $0.code == Diagnostic.Code.largeSE }
    #expect(large.count == 1)
    let warning = try #require(large.first)
    #expect(warning.severity == .warning)
    #expect(warning.statistic == expected.first)
    for key in expected.prefix(10) {
      #expect(warning.message.contains("\(key) (SE "), "\(key) not named: \(warning.message)")
    }
    let notFlagged = state.keys.filter { !expected.contains($0) }
    for key in notFlagged {
      #expect(!warning.message.contains("\(key) (SE "), "\(key) named: \(warning.message)")
    }
    if expected.count > 1 {
      #expect(warning.message.contains("the bootstrap SEs of \(expected.count) statistics"))
    }
    // An ordinary model has none (its single-item loading and weight have SE 0).
    let corpRep = try ExampleData.corpRepSimpleEstimate()
    let ordinary = try Bootstrapper(settings: BootstrapSettings(resamples: 300, seed: 1))
      .result(corpRep)
    #expect(ordinary.diagnostics.isEmpty, "\(ordinary.diagnostics)")
  }

  @Test("the large-SE rule's floor: an estimate near 0 needs an SE above 1")
  func largeStandardErrorRule() throws {
    func inference(_ estimate: Double, _ se: Double) -> StatisticInference {
      StatisticInference(
        estimate: estimate, bootstrapMean: estimate, standardError: se, test: nil, t: nil,
        p: nil, ciLower: nil, ciUpper: nil)
    }
    let cases: [(estimate: Double, se: Double, large: Bool)] = [
      (0, 0.99, false), (0, 1.01, true), (0.004, 0.99, false), (-0.004, 1.01, true),
      (-2, 199, false), (-2, 201, true), (0.5, 49, false), (0.5, 51, true), (1, 0, false),
    ]
    for (k, c) in cases.enumerated() {
      let key = StatisticKey.path(from: "A", to: "B\(k)")
      let diagnostic = BootstrapResult.largeSEDiagnostic([(key, inference(c.estimate, c.se))])
      #expect((diagnostic != nil) == c.large, "estimate \(c.estimate), SE \(c.se)")
    }
    // Several: counted, the first ten named, the first one's SE as the value.
    let many = (0..<12).map { k in
      (StatisticKey.path(from: "A", to: "B\(k)"), inference(0.1, 20 + Double(k)))
    }
    let diagnostic = try #require(BootstrapResult.largeSEDiagnostic(many))
    #expect(diagnostic.message.hasPrefix("the bootstrap SEs of 12 statistics are"))
    #expect(diagnostic.message.contains("path:A->B9 (SE 29"))
    #expect(!diagnostic.message.contains("path:A->B10 "))
    #expect(diagnostic.message.contains("… (the first 10)"))
    #expect(diagnostic.statistic == "path:A->B0" && diagnostic.value == 20)
  }
}
