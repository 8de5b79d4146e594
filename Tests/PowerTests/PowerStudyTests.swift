import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The power study's bookkeeping: bit-identical for any thread count and any split of the
/// replications, the inverse square root method against scipy's normal quantiles, the Philox
/// normals' moments, and settings outside their domain.
@Suite("Power study: determinism, minimum n, settings")
struct PowerStudyTests {
  static let small = PowerSettings(respondents: [60, 90], replications: 8, resamples: 50, seed: 5)

  @Test("the same records and result for 1 and 2 threads, and for two runs merged in any order")
  func bitIdentical() throws {
    var one = Self.small
    one.threads = 1
    var two = Self.small
    two.threads = 2
    let records1 = try TwoPathDesign.study(settings: one).run()
    let records2 = try TwoPathDesign.study(settings: two).run()
    #expect(records1 == records2)
    #expect(records1.count == 16)
    #expect(records1.allSatisfy { $0.outcomes != nil })
    let study = try TwoPathDesign.study(settings: two)
    let first = study.run(replications: 0..<3)
    let rest = study.run(replications: 3..<8)
    #expect(first.count == 6 && rest.count == 10)
    let merged = try PowerResult(study: study, replications: (rest + first).reversed())
    let whole = try PowerResult(study: study, replications: records1)
    #expect(merged == whole)
    // Another seed draws other data.
    var other = Self.small
    other.seed = 6
    #expect(try TwoPathDesign.study(settings: other).run() != records1)
  }

  @Test("records that do not cover every replication once are refused")
  func incompleteRecords() throws {
    let study = try TwoPathDesign.study(settings: Self.small)
    let records = study.run(replications: 0..<8)
    #expect(throws: PowerError.self) {
      try PowerResult(study: study, replications: Array(records.dropLast()))
    }
    #expect(throws: PowerError.self) {
      try PowerResult(study: study, replications: records + [records[0]])
    }
  }

  /// z-values from scipy.stats.norm.ppf: 0.95 → 1.6448536269514722, 0.975 → 1.959963984540054,
  /// 0.80 → 0.8416212335729143 (so the paper's 2.486 is 2.4864748605243865).
  @Test("inverse square root method: Kock & Hadaya's 2.486 and its minimum n")
  func inverseSquareRoot() throws {
    let oneTailed = try InverseSquareRoot(coefficient: 0.3, alpha: 0.05, tails: .one, power: 0.8)
    _ = expectClose(
      oneTailed.constant, 1.6448536269514722 + 0.8416212335729143, tolerance: 1e-12, "z sum")
    #expect(oneTailed.minimumN == 69)  // (2.48647 / 0.3)² = 68.70
    #expect(
      try InverseSquareRoot(coefficient: -0.2, alpha: 0.05, tails: .one, power: 0.8).minimumN == 155
    )  // 154.56
    let twoTailed = try InverseSquareRoot(coefficient: 0.3, alpha: 0.05, tails: .two, power: 0.8)
    _ = expectClose(
      twoTailed.constant, 1.959963984540054 + 0.8416212335729143, tolerance: 1e-12, "z sum")
    #expect(twoTailed.minimumN == 88)  // 87.21
    #expect(
      try InverseSquareRoot(coefficient: 0, alpha: 0.05, tails: .two, power: 0.8).minimumN == nil)
  }

  /// 200,000 draws: mean within 4 SE of 0 (SE 0.0022), variance within 4 SE of 1 (SE √(2/N)),
  /// third and fourth moments within 4 SE of 0 and 3; streams of other indices differ.
  @Test("Philox normals have the standard normal's first four moments")
  func normalMoments() {
    var stream = NormalStream.powerData(seed: 3, respondents: 100, replication: 7)
    let count = 200_000
    var sums = (0.0, 0.0, 0.0, 0.0)
    for _ in 0..<count {
      let z = stream.next()
      sums.0 += z
      sums.1 += z * z
      sums.2 += z * z * z
      sums.3 += z * z * z * z
    }
    let n = Double(count)
    #expect(abs(sums.0 / n) < 4 / n.squareRoot())
    #expect(abs(sums.1 / n - 1) < 4 * (2 / n).squareRoot())
    #expect(abs(sums.2 / n) < 4 * (15 / n).squareRoot())
    #expect(abs(sums.3 / n - 3) < 4 * (96 / n).squareRoot())
    var a = NormalStream.powerData(seed: 3, respondents: 100, replication: 8)
    var b = NormalStream.powerData(seed: 3, respondents: 101, replication: 7)
    var c = NormalStream.powerData(seed: 3, respondents: 100, replication: 7)
    let first = c.next()
    #expect(a.next() != first && b.next() != first)
  }

  @Test("settings outside their domain name the setting")
  func invalidSettings() throws {
    func problem(_ change: (inout PowerSettings) -> Void) throws -> InvalidSettingValue? {
      var settings = Self.small
      change(&settings)
      do {
        _ = try TwoPathDesign.study(settings: settings)
        return nil
      } catch let PowerError.invalidSetting(value) {
        return value
      }
    }
    #expect(try problem { $0.respondents = [0] }?.setting == .respondents)
    #expect(try problem { $0.respondents = [] }?.setting == .respondents)
    #expect(try problem { $0.respondents = [50, 50] }?.setting == .respondents)
    #expect(
      try problem { $0.replications = PowerSettings.maximumReplications + 1 }?.setting
        == .replications)
    #expect(try problem { $0.replications = 1 }?.setting == .replications)
    #expect(try problem { $0.alpha = 1.5 }?.setting == .significanceLevel)
    #expect(try problem { $0.targetPower = 0 }?.setting == .targetPower)
    #expect(try problem { $0.resamples = 1 }?.setting == .resamples)
    #expect(try problem { $0.threads = 0 }?.setting == .threads)
    #expect(
      try problem {
        $0.test = .interval
        $0.tails = .one
      }?.setting == .powerTest)
    let message = try #require(try problem { $0.respondents = [0] }).description
    #expect(message == "each sample size must lie between 2 and 1000000 (got 0)")
  }

  /// With `test: .interval` a path is detected exactly when its (1 − α) interval excludes 0;
  /// with the t test when p < α. The same replications (data and resamples) under both: the
  /// estimates and SEs agree, and each detection follows its rule on the same bootstrap.
  @Test("the interval test detects when the interval excludes 0, on the same replications")
  func intervalTest() throws {
    var settings = Self.small
    settings.test = .interval
    let interval = try TwoPathDesign.study(settings: settings).run()
    let t = try TwoPathDesign.study(settings: Self.small).run()
    #expect(interval.count == t.count)
    for (a, b) in zip(interval, t) {
      let outcomesA = try #require(a.outcomes)
      let outcomesB = try #require(b.outcomes)
      #expect(outcomesA.map(\.estimate) == outcomesB.map(\.estimate))
      #expect(outcomesA.map(\.covered) == outcomesB.map(\.covered))
    }
    // The rule itself, on one replication's bootstrap.
    let study = try TwoPathDesign.study(settings: settings)
    let inference = StatisticInference(
      estimate: 0.2, bootstrapMean: 0.2, standardError: 0.05, test: nil, t: 4, p: 0.001,
      ciLower: -0.01,
      ciUpper: 0.4)
    #expect(!study.outcome(inference, population: 0.3).detected)
    #expect(
      try TwoPathDesign.study(settings: Self.small).outcome(inference, population: 0.3).detected)
  }
}
