import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Sign-change options (Tenenhaus et al. 2005): `.none` is the default, and `.individual` and
/// `.construct` align the resample's weights before everything is recomputed.
@Suite("Bootstrap sign changes")
struct BootstrapSignChangeTests {
  /// A model whose construct R has a sign-indeterminate block: r1 loads +0.8 and r2 −0.8 on the
  /// same factor (a reverse-keyed item left unreversed). The starting sum score r1 + r2 is almost
  /// pure error, so each resample's iteration settles on R or −R about at random; without sign
  /// changes, R's loadings, weights and its path to Y flip sign in many resamples.
  static func flippingEstimate() throws -> PLSEstimate {
    var random = SeededGenerator(seed: 2005)
    let n = 250
    var columns = Array(repeating: [Double](), count: 8)
    let e = 0.6  // √(1 − 0.8²)
    for _ in 0..<n {
      let x = random.normal()
      let r = random.normal()
      let y = 0.4 * x + 0.4 * r + (1 - 0.32).squareRoot() * random.normal()
      columns[0].append(0.8 * x + e * random.normal())
      columns[1].append(0.8 * x + e * random.normal())
      columns[2].append(0.8 * r + e * random.normal())
      columns[3].append(-0.8 * r + e * random.normal())
      columns[4].append(0.8 * y + e * random.normal())
      columns[5].append(0.8 * y + e * random.normal())
      columns[6].append(0.8 * y + e * random.normal())
      columns[7].append(0.8 * x + e * random.normal())
    }
    let data = try DataTable(
      columnNames: ["x1", "x2", "r1", "r2", "y1", "y2", "y3", "x3"], columns: columns)
    let model = try PathModel(
      syntax: "X =~ x1 + x2 + x3\nR =~ r1 + r2\nY =~ y1 + y2 + y3\nY ~ X + R\n")
    return try PLSEstimator().estimate(model, data: data)
  }

  static func run(_ estimate: PLSEstimate, _ signChange: SignChange?, resamples: Int = 1200) throws
    -> (
      BootstrapResult, [[Double]]
    )
  {
    final class Rows: @unchecked Sendable {
      let lock = NSLock()
      var rows: [[Double]] = []
    }
    let rows = Rows()
    var settings = BootstrapSettings(resamples: resamples, seed: 31, threads: 2)
    if let signChange { settings.signChange = signChange }
    let result = try Bootstrapper(settings: settings).result(
      estimate,
      draws: { _, draws in
        rows.lock.lock()
        rows.rows += draws.compactMap { $0 }
        rows.lock.unlock()
      })
    return (result, rows.rows)
  }

  @Test("`.none` is the default and gives the default's exact result")
  func noneIsDefault() throws {
    #expect(BootstrapSettings(resamples: 10).signChange == SignChange.none)
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let (byDefault, _) = try Self.run(estimate, nil, resamples: 1100)
    let (explicit, _) = try Self.run(estimate, SignChange.none, resamples: 1100)
    #expect(BootstrapTestSupport.bits(byDefault) == BootstrapTestSupport.bits(explicit))
  }

  @Test("individual and construct sign changes produce results on the example model")
  func optionsProduceResults() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    for option in [SignChange.individual, .construct] {
      let (result, _) = try Self.run(estimate, option, resamples: 1100)
      #expect(result.failed == 0)
      #expect(result.settings.signChange == option)
      for key in result.keys {
        let s = try #require(result.statistics[key])
        #expect(
          s.standardError.isFinite && (s.isConstant || s.ciLower! <= s.ciUpper!),
          "\(option) \(key)")
      }
      // The example's blocks are all positively correlated: no resample needs a flip, so
      // every option gives the same paths' SEs as `.none` up to the weights' renormalisation.
      let (plain, _) = try Self.run(estimate, SignChange.none, resamples: 1100)
      for key in result.keys where key.description.hasPrefix("path:") {
        let a = try #require(result.statistics[key]?.standardError)
        let b = try #require(plain.statistics[key]?.standardError)
        #expect(abs(a - b) < 1e-9, "\(option) \(key)")
      }
    }
  }

  /// On the sign-indeterminate block: without sign changes R's path flips in a sizeable share of
  /// resamples (a bimodal bootstrap distribution, SE near |estimate|); with either option every
  /// resample is aligned, by its definition, and the SE shrinks to the sampling spread.
  @Test("sign changes align a sign-indeterminate block by their definitions")
  func alignmentOnFlippingBlock() throws {
    let estimate = try Self.flippingEstimate()
    let keys = Bootstrapper.keys(for: estimate)
    func index(_ text: String) throws -> Int {
      try #require(keys.firstIndex { $0.description == text }, "\(text)")
    }
    let path = try index("path:R->Y")
    let weights = try ["r1", "r2"].map { try index("weight:R=~\($0)") }
    let loadings = try ["r1", "r2"].map { try index("loading:R=~\($0)") }
    let originalWeights = [estimate.weight("r1")!, estimate.weight("r2")!]
    let originalLoadings = [estimate.loading("r1")!, estimate.loading("r2")!]
    let originalPath = estimate.path(from: "R", to: "Y")!

    let (plain, plainRows) = try Self.run(estimate, SignChange.none)
    let flipped = plainRows.filter { ($0[path] < 0) != (originalPath < 0) }.count
    #expect(
      flipped > plainRows.count / 10,
      "only \(flipped) of \(plainRows.count) resamples flipped: the data do not test sign changes")
    let plainSE = try #require(plain.statistics[keys[path]]?.standardError)

    let (individual, individualRows) = try Self.run(estimate, .individual)
    // Individual: every weight takes its original counterpart's sign.
    for row in individualRows {
      for (k, w) in zip(weights, originalWeights) { #expect((row[k] < 0) == (w < 0)) }
    }
    let (construct, constructRows) = try Self.run(estimate, .construct)
    // Construct level: every block ends on the side of the original loadings,
    // Σ|λ − λ*| ≤ Σ|λ + λ*| (Tenenhaus et al. 2005).
    var constructViolations = 0
    for row in constructRows {
      var same = 0.0
      var opposite = 0.0
      for (k, l) in zip(loadings, originalLoadings) {
        same += abs(l - row[k])
        opposite += abs(l + row[k])
      }
      if same > opposite { constructViolations += 1 }
    }
    #expect(constructViolations == 0)
    for (name, result, rows) in [
      ("individual", individual, individualRows), ("construct", construct, constructRows),
    ] {
      let se = try #require(result.statistics[keys[path]]?.standardError)
      #expect(se < plainSE / 2, "\(name): SE \(se) vs \(plainSE) without sign changes")
      let flippedAfter = rows.filter { ($0[path] < 0) != (originalPath < 0) }.count
      #expect(flippedAfter < rows.count / 100, "\(name): \(flippedAfter) paths still flipped")
      #expect(result.failed == 0)
    }
  }
}
