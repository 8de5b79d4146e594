import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Failed resamples are counted and reported, never silently dropped, and too many fail the
/// run with ``BootstrapError/tooManyFailures(failed:attempted:maximumShare:)``.
@Suite("Bootstrap failure accounting")
struct BootstrapFailureTests {
  /// 30 rows; indicator `a3` is 0 except in one row (`rareRow`), so every resample that misses
  /// that row has a constant column and must fail — in about (29/30)³⁰ ≈ 36 % of resamples.
  /// The failing resamples are known in advance from the resample streams themselves.
  static let n = 30
  static let rareRow = 11

  static func data() throws -> DataTable {
    var random = SeededGenerator(seed: 77)
    var columns = Array(repeating: [Double](), count: 6)
    for i in 0..<n {
      let a = random.normal()
      let b = 0.5 * a + 0.8 * random.normal()
      columns[0].append(a + 0.5 * random.normal())
      columns[1].append(a + 0.5 * random.normal())
      columns[2].append(i == rareRow ? 1 : 0)
      columns[3].append(b + 0.5 * random.normal())
      columns[4].append(b + 0.5 * random.normal())
      columns[5].append(b + 0.5 * random.normal())
    }
    return try DataTable(columnNames: ["a1", "a2", "a3", "b1", "b2", "b3"], columns: columns)
  }

  static func estimate() throws -> PLSEstimate {
    let model = try PathModel(syntax: "A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nB ~ A\n")
    return try PLSEstimator().estimate(model, data: data())
  }

  /// The resamples (of `count`, seed `seed`) that do not contain `rareRow`.
  static func resamplesMissingRareRow(seed: UInt64, count: Int) -> [Int] {
    (0..<count).filter { b in
      var stream = ResampleStream(seed: seed, resample: UInt64(b))
      return !(0..<n).contains { _ in stream.nextIndex(below: n) == rareRow }
    }
  }

  @Test("failed resamples are counted exactly and reported as empty draws")
  func failuresAreCounted() throws {
    let estimate = try Self.estimate()
    let resamples = 1500
    let expectedFailures = Self.resamplesMissingRareRow(seed: 4, count: resamples)
    // (29/30)^30 = 0.3616; 1,500 resamples: 542 ± 19 expected.
    #expect(expectedFailures.count > 450 && expectedFailures.count < 640)

    final class Sink: @unchecked Sendable {
      let lock = NSLock()
      var failed: [Int] = []
      var seen = 0
    }
    let sink = Sink()
    let settings = BootstrapSettings(
      resamples: resamples, seed: 4, threads: 2, maximumFailureShare: 0.5)
    let result = try Bootstrapper(settings: settings).result(
      estimate,
      draws: { first, rows in
        sink.lock.lock()
        for (offset, row) in rows.enumerated() where row == nil {
          sink.failed.append(first + offset)
        }
        sink.seen += rows.count
        sink.lock.unlock()
      })
    #expect(result.failed == expectedFailures.count)
    #expect(result.resamples == resamples)
    #expect(sink.seen == resamples)
    #expect(sink.failed == expectedFailures)
    // The statistics come from the successful resamples only: finite, and a proper spread.
    for key in result.keys {
      let s = try #require(result.statistics[key])
      #expect(
        s.standardError.isFinite
          && (s.isConstant || (s.ciLower?.isFinite == true && s.ciUpper?.isFinite == true)),
        "\(key)")
    }
    // The failure count is part of the state, and shards add their failures up.
    let shards = try (1...2).map {
      try Bootstrapper(settings: settings).run(estimate, shard: ShardSpec(index: $0, count: 2))
    }
    #expect(shards.map(\.failed).reduce(0, +) == expectedFailures.count)
    #expect(try BootstrapTestSupport.merge(shards).failed == expectedFailures.count)
  }

  @Test("a failure share above the maximum throws tooManyFailures, also after merging shards")
  func tooManyFailuresThrow() throws {
    let estimate = try Self.estimate()
    let resamples = 1500
    let failures = Self.resamplesMissingRareRow(seed: 4, count: resamples).count
    let strict = BootstrapSettings(
      resamples: resamples, seed: 4, threads: 2, maximumFailureShare: 0.3)
    #expect(
      throws: BootstrapError.tooManyFailures(
        failed: failures, attempted: resamples, maximumShare: 0.3)
    ) {
      try Bootstrapper(settings: strict).result(estimate)
    }
    // The default share is 5 %.
    #expect(BootstrapSettings(resamples: 10).maximumFailureShare == 0.05)
    #expect(
      throws: BootstrapError.tooManyFailures(
        failed: failures, attempted: resamples, maximumShare: 0.05)
    ) {
      try Bootstrapper(settings: BootstrapSettings(resamples: resamples, seed: 4)).result(estimate)
    }
    // A shard alone does not judge (it cannot know the whole run's share); the merged run does.
    let shards = try (1...2).map {
      try Bootstrapper(settings: strict).run(estimate, shard: ShardSpec(index: $0, count: 2))
    }
    let merged = try BootstrapTestSupport.merge(shards)
    #expect(
      throws: BootstrapError.tooManyFailures(
        failed: failures, attempted: resamples, maximumShare: 0.3)
    ) {
      try BootstrapResult(state: merged, estimate: estimate)
    }
    // The message names the counts and the remedy.
    let message = BootstrapError.tooManyFailures(
      failed: failures, attempted: resamples, maximumShare: 0.3
    ).description
    #expect(message.contains("\(failures) of \(resamples)"))
    #expect(message.contains("raise the maximum failure share"))
    #expect(!message.contains("--"), "no command-line flags in library messages")
  }

  @Test("invalid settings are rejected before any work")
  func invalidSettings() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let bad: [BootstrapSettings] = [
      BootstrapSettings(resamples: 1),
      BootstrapSettings(resamples: 100, level: 1),
      BootstrapSettings(resamples: 100, level: 0),
      BootstrapSettings(resamples: 100, maximumFailureShare: -0.1),
      BootstrapSettings(resamples: 100, maximumFailureShare: 1.5),
      BootstrapSettings(resamples: 100, threads: 0),
    ]
    for settings in bad {
      #expect(throws: BootstrapError.self) { try Bootstrapper(settings: settings).run(estimate) }
    }
  }

  /// Library messages name settings in the library's words; a front end names them its way
  /// through `description(naming:)` (the CLI adds its flags there, in one place).
  @Test("invalid settings are typed and named in the library's terms")
  func invalidSettingsInLibraryTerms() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let error = expectError(BootstrapError.self) {
      try Bootstrapper(settings: BootstrapSettings(resamples: 100, threads: 0)).run(estimate)
    }
    #expect(
      error
        == .invalidSetting(InvalidSettingValue(.threads, "must lie between 1 and 1024", got: "0")))
    #expect(
      error?.description == "the number of worker threads must lie between 1 and 1024 (got 0)")
    #expect(
      error?.description(naming: { "\($0.rawValue)!" })
        == "threads! must lie between 1 and 1024 (got 0)")
    for settings in [
      BootstrapSettings(resamples: 1), BootstrapSettings(resamples: 100, level: 1),
      BootstrapSettings(resamples: 100, maximumFailureShare: 2),
      BootstrapSettings(resamples: 100, statistics: []),
    ] {
      let message =
        expectError(BootstrapError.self) {
          try Bootstrapper(settings: settings).run(estimate)
        }?.description ?? ""
      #expect(!message.isEmpty && !message.contains("--"), "\(message)")
    }
    let shard = expectError(BootstrapError.self) { try ShardSpec(index: 3, count: 2) }
    #expect(shard?.description == "the shard must be written k/N with 1 ≤ k ≤ N (got 3/2)")
  }
}
