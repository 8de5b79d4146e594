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

  @Test("a tampered or truncated bootstrap state is refused, not trapped on")
  func tamperedBootstrapState() throws {
    let estimate = try Self.estimate()
    let bootstrapper = Bootstrapper(
      settings: BootstrapSettings(resamples: 2048, seed: 3, threads: 1))
    let first = try bootstrapper.run(estimate, shard: ShardSpec(index: 1, count: 2))
    let second = try bootstrapper.run(estimate, shard: ShardSpec(index: 2, count: 2))
    _ = try Bootstrapper.merge([first, second])  // the untouched shards merge

    var tampered: [BootstrapState] = []
    var s = second
    s.chunkSize = 0  // divided by when counting chunks
    tampered.append(s)
    s = second
    s.original.removeLast()
    tampered.append(s)
    s = second
    s.sketch.counts.removeLast()
    tampered.append(s)
    s = second
    s.moments[0].mean = []
    tampered.append(s)
    s = second
    s.settings.resamples = Int.max  // overflows the chunk count
    tampered.append(s)
    s = second
    s.firstChunk = -1
    tampered.append(s)
    s = second
    s.sketch.under[0] = Int.max  // overflows when added
    tampered.append(s)
    s = second
    s.sketch.counts[5] = UInt32.max
    tampered.append(s)
    s = second
    s.acceleration = [1]
    tampered.append(s)
    for (k, state) in tampered.enumerated() {
      #expect(throws: BootstrapError.self, "tampering \(k)") {
        _ = try Bootstrapper.merge([first, state])
      }
      #expect(throws: BootstrapError.self, "tampering \(k)") {
        _ = try state.validated(source: "s.json")
      }
    }
    // A state of another model's statistics.
    let merged = try Bootstrapper.merge([first, second])
    var other = merged
    other.keys[0] = "path:X->Y"
    #expect(throws: BootstrapError.self) {
      _ = try BootstrapResult(state: other, keys: Bootstrapper.keys(for: estimate))
    }
    _ = try BootstrapResult(state: merged, keys: Bootstrapper.keys(for: estimate))
  }
}
