import Foundation
import Testing

@testable import PLSSEM

/// Regression tests for bad user input found while hardening (issue 8): each failed with a
/// misleading message or could trap before its fix.
@Suite("Hardening: bad input to the library")
struct HardeningTests {
  @Test("';' ends a statement: a block with no indicators before ';' is reported there")
  func semicolonIsNoContinuation() throws {
    let text = "A =~ x1 + x2\nB =~ ; C =~ x5 + x6\nC ~ A + B\n"
    #expect(
      throws: SpecificationError.syntax(
        message: "expected a name after '=~', found ';'",
        location: SourceLocation(line: 2, column: 6), source: "m")
    ) {
      _ = try PathModel(syntax: text, source: "m")
    }
    #expect(throws: SpecificationError.self) {
      _ = try PathModel(syntax: "A =~ x1 + ; x2\nB =~ x3\nB ~ A", source: "m")
    }
    // Line breaks still continue a statement after '+' and after an operator.
    let model = try PathModel(syntax: "A =~ x1 +\n  x2; B =~\n x3\nB ~ A", source: "m")
    #expect(model.constructs.map(\.indicators) == [["x1", "x2"], ["x3"]])
  }

  @Test("validation errors can name the model file, line and column")
  func specificationErrorInFile() throws {
    do {
      _ = try PathModel(syntax: "A =~ x1\nB =~ x2\nB ~ A + B\n", source: "m.model")
      Issue.record("a self-loop was accepted")
    } catch {
      #expect(error.location == SourceLocation(line: 3, column: 9))
      #expect(
        error.description(inFile: "m.model") == "m.model:3:9: construct 'B' has a path to itself")
      #expect(error.description == "construct 'B' has a path to itself (line 3, column 9)")
    }
  }

  @Test("control characters in a bad cell are escaped in the message")
  func controlCharactersEscaped() throws {
    let bytes = Array("a,b\n1,2\n3,\u{0}\u{7}\n".utf8)
    #expect(
      try DataTable(csvBytes: bytes, source: "d.csv").nonNumericProblem("b")
        == DataError.nonNumeric(source: "d.csv", row: 3, column: "b", value: "\\u{0}\\u{7}"))
    let long = String(repeating: "9", count: 100) + "x"
    #expect(DataTable.shown(long) == String(repeating: "9", count: 40) + "…")
  }

  /// A small estimate to bootstrap.
  static func estimate() throws -> PLSEstimate {
    var state: UInt64 = 12345
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
    let n = 60
    var columns = [[Double]](repeating: [], count: 4)
    for _ in 0..<n {
      let a = next()
      let b = 0.6 * a + 0.5 * next()
      columns[0].append(a + 0.3 * next())
      columns[1].append(a + 0.3 * next())
      columns[2].append(b + 0.3 * next())
      columns[3].append(b + 0.3 * next())
    }
    let data = try DataTable(columnNames: ["a1", "a2", "b1", "b2"], columns: columns)
    let model = try PathModel(syntax: "A =~ a1 + a2\nB =~ b1 + b2\nB ~ A")
    return try PLSEstimator().estimate(model, data: data)
  }

  @Test("a model of one construct and no paths is refused before estimation")
  func singleConstruct() throws {
    let data = try DataTable(
      columnNames: ["x1", "x2"], columns: [[1, 2, 3, 4, 6], [2, 1, 4, 3, 5]])
    let expected = SpecificationError.constructWithoutPaths(
      construct: "A", location: SourceLocation(line: 1, column: 1))
    #expect(throws: expected) { _ = try PathModel(syntax: "A =~ x1 + x2", source: "m") }
    // Built without text validation, the estimator still refuses it.
    let unchecked = PathModel(
      constructs: [.init(name: "A", mode: .a, indicators: ["x1", "x2"])], paths: [])
    #expect(throws: SpecificationError.constructWithoutPaths(construct: "A", location: nil)) {
      _ = try PLSEstimator().estimate(unchecked, data: data)
    }
  }

  @Test(
    "a tampered or truncated bootstrap state is refused, not trapped on (exact and sketch)",
    arguments: [BootstrapSettings.defaultExactQuantileBudget, 0])
  func tamperedBootstrapState(budget: Int) throws {
    let estimate = try Self.estimate()
    let bootstrapper = Bootstrapper(
      settings: BootstrapSettings(
        resamples: 2048, seed: 3, threads: 1, exactQuantileBudget: budget))
    let first = try bootstrapper.run(estimate, shard: ShardSpec(index: 1, count: 2))
    let second = try bootstrapper.run(estimate, shard: ShardSpec(index: 2, count: 2))
    let merged = try BootstrapTestSupport.merge([first, second])  // the untouched shards merge

    var tampered: [BootstrapState] = []
    func tamper(_ change: (inout BootstrapState) -> Void) {
      var s = second
      change(&s)
      tampered.append(s)
    }
    tamper { $0.chunkSize = 0 }  // divided by when counting chunks
    tamper { $0.original.removeLast() }
    tamper { $0.moments[0].mean = [] }
    tamper { $0.moments[0].count += 1 }
    tamper { $0.settings.resamples = Int.max }  // overflows the chunk count
    tamper { $0.firstChunk = -1 }
    tamper { $0.attempted += 1 }
    tamper { $0.failed = -1 }
    tamper { $0.acceleration = [1] }
    tamper { $0.keys[1] = $0.keys[0] }
    tamper { $0.settings.exactQuantileBudget = budget > 0 ? 0 : 1 << 40 }  // the other mode
    if budget > 0 {
      tamper { $0.draws?.values.removeLast() }
      tamper { $0.draws?.values[0] = .nan }  // a successful row marked failed
      tamper { $0.draws = nil }
    } else {
      tamper { $0.sketch?.dense[5] += 1 }  // counts one draw more than the moments
      tamper { $0.sketch?.overflow[0][1 << 40] = UInt64.max }  // overflows when added
      tamper { $0.sketch?.below[0] = Int.max }
      tamper { $0.sketch?.anchor.removeLast() }
      tamper { $0.sketch = nil }
    }
    for (k, state) in tampered.enumerated() {
      #expect(throws: BootstrapError.self, "tampering \(k)") {
        _ = try BootstrapTestSupport.merge([first, state])
      }
      #expect(throws: BootstrapError.self, "tampering \(k)") {
        _ = try state.validated(source: "s.json")
      }
    }
    // A state of another model's statistics, or another analysis.
    var other = merged
    other.keys[0] = "path:X->Y"
    #expect(throws: BootstrapError.self) {
      _ = try BootstrapResult(state: other, estimate: estimate)
    }
    var otherData = merged
    otherData.fingerprint.data = "0"
    #expect(throws: BootstrapError.self) {
      _ = try BootstrapResult(state: otherData, estimate: estimate)
    }
    _ = try BootstrapResult(state: merged, estimate: estimate)
  }

  @Test("an edited, truncated or old shard file is refused with a message naming it")
  func tamperedShardFile() throws {
    let estimate = try Self.estimate()
    for budget in [BootstrapSettings.defaultExactQuantileBudget, 0] {
      let state = try Bootstrapper(
        settings: BootstrapSettings(
          resamples: 2048, seed: 3, threads: 1, exactQuantileBudget: budget)
      )
      .run(estimate, shard: ShardSpec(index: 2, count: 2))
      let text = String(
        decoding: try BootstrapTestSupport.shard(state, 2, of: 2).encoded(), as: UTF8.self)
      _ = try BootstrapShard.decode(Data(text.utf8), source: "good.json")
      var edits = [
        String(text.prefix(text.count / 2)),  // truncated
        text.replacingOccurrences(of: "bootstrap-shard/2", with: "bootstrap-shard/1"),
        text.replacingOccurrences(of: "bootstrap-shard/2", with: "something-else"),
        text.replacingOccurrences(of: "\"index\":2", with: "\"index\":1"),  // not its chunks
        "{}", "[]", "",
      ]
      if budget > 0 {
        edits.append(text.replacingOccurrences(of: "\"float64LE\":\"", with: "\"float64LE\":\"!!"))
        edits.append(
          text.replacingOccurrences(of: "\"float64LE\":\"", with: "\"float64LE\":\"AAAA"))
      } else {
        edits.append(text.replacingOccurrences(of: "\"bins\":[[", with: "\"bins\":[[1,"))
        edits.append(
          text.replacingOccurrences(of: "\"widthExponent\":[", with: "\"widthExponent\":[5000,"))
      }
      for (k, edited) in edits.enumerated() {
        let changed = edited != text
        #expect(changed, "edit \(k) changed nothing")
        let error = try #require(throws: BootstrapError.self, "edit \(k)") {
          _ = try BootstrapShard.decode(Data(edited.utf8), source: "bad.json")
        }
        #expect("\(error)".contains("bad.json"), "edit \(k): \(error)")
      }
      let old = try #require(throws: BootstrapError.self) {
        _ = try BootstrapShard.decode(Data(edits[1].utf8), source: "old.json")
      }
      #expect("\(old)".contains("plssem.bootstrap-shard/1"))
      #expect("\(old)".contains("this version"))
    }
  }
}
