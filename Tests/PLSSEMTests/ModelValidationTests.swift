import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Structural checks of a model on its own and against the data's columns: each bad model gives
/// its own typed ``SpecificationError`` whose message names the construct, indicator and, for
/// parsed text, the line and column.
@Suite("Model validation")
struct ModelValidationTests {
  static func specificationError(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> SpecificationError? {
    expectError(SpecificationError.self, sourceLocation: sourceLocation) {
      try PathModel(syntax: text, source: "test.model")
    }
  }

  /// A small numeric table with the columns `names` (values that vary, no two columns equal).
  static func table(_ names: [String], rows: Int = 20) throws -> DataTable {
    let columns = names.indices.map { (j: Int) -> [Double] in
      (0..<rows).map { (i: Int) -> Double in Double((i * (j + 3) + j * j) % 7 + i % 3) }
    }
    return try DataTable(columnNames: names, columns: columns, source: "test.csv")
  }

  @Test("unknown indicator: names the indicator, its construct and the line")
  func unknownIndicator() throws {
    let model = try PathModel(syntax: "A =~ a1 + a2\nB =~ b1 + typo_2\nB ~ A", source: "test.model")
    let data = try Self.table(["a1", "a2", "b1", "b2"])
    let error = expectError(SpecificationError.self) {
      try PLSEstimator().estimate(model, data: data)
    }
    guard
      case .unknownIndicator(let indicator, let construct, let location, let available, _)? = error
    else {
      Issue.record("expected unknownIndicator, got \(String(describing: error))")
      return
    }
    #expect(indicator == "typo_2")
    #expect(construct == "B")
    #expect(location == PLSSEM.SourceLocation(line: 2, column: 1))
    #expect(available == ["a1", "a2", "b1", "b2"])
    let text = error?.description ?? ""
    #expect(text.contains("'typo_2'") && text.contains("'B'") && text.contains("line 2"), "\(text)")
    // The engine names the data set itself (no rewriting in the CLI).
    #expect(text.contains("is not a column of test.csv"), "\(text)")
    #expect(text.contains("which has: a1, a2, b1, b2"), "\(text)")
  }

  @Test("unknown indicator in a builder model")
  func unknownIndicatorBuilder() throws {
    let model = try PathModel {
      Reflective("A", "a1", "a2")
      Reflective("B", "b1", "missing")
      Regression("B", on: "A")
    }
    let error = expectError(SpecificationError.self) {
      try model.validated(againstColumns: ["a1", "a2", "b1"])
    }
    #expect(
      error
        == .unknownIndicator(
          indicator: "missing", construct: "B", location: nil, available: ["a1", "a2", "b1"]))
    #expect(error?.description.contains("'missing' of construct 'B'") == true)
  }

  @Test("indicator in two blocks")
  func indicatorInTwoBlocks() {
    let error = Self.specificationError("A =~ x1 + x2\nB =~ x2 + b1\nB ~ A")
    #expect(
      error
        == .indicatorInTwoBlocks(
          indicator: "x2", first: "A", second: "B", location: .init(line: 2, column: 1)))
    let text = error?.description ?? ""
    #expect(
      text.contains("'x2'") && text.contains("'A'") && text.contains("'B'")
        && text.contains("line 2"), "\(text)")
  }

  @Test("indicator twice in one block")
  func indicatorTwiceInOneBlock() {
    let error = Self.specificationError("A =~ x1 + x1\nB =~ b1\nB ~ A")
    #expect(
      error
        == .indicatorInTwoBlocks(
          indicator: "x1", first: "A", second: "A", location: .init(line: 1, column: 1)))
    #expect(error?.description.contains("twice in the block of 'A'") == true)
  }

  @Test("construct without indicators (builder)")
  func constructWithoutIndicators() {
    let error = expectError(SpecificationError.self) {
      try PathModel {
        Reflective("A")
        Reflective("B", "b1")
        Regression("B", on: "A")
      }
    }
    #expect(error == .constructWithoutIndicators(construct: "A", location: nil))
    #expect(error?.description.contains("'A' has no indicators") == true)
  }

  @Test("construct without indicators (text) is a syntax error at its line")
  func constructWithoutIndicatorsText() {
    let error = Self.specificationError("B ~ A\nB =~ b1\nA =~")
    guard case .syntax(let message, let location, _)? = error else {
      Issue.record("expected a syntax error, got \(String(describing: error))")
      return
    }
    #expect(location.line == 3)
    #expect(message.contains("expected a name"))
  }

  @Test("construct in a path but never measured")
  func unmeasuredConstruct() {
    let error = Self.specificationError("A =~ a1 + a2\nA ~ Ghost")
    #expect(error == .unmeasuredConstruct(construct: "Ghost", location: .init(line: 2, column: 5)))
    let text = error?.description ?? ""
    #expect(text.contains("'Ghost'") && text.contains("line 2"), "\(text)")
  }

  @Test("construct with no path at all")
  func constructWithoutPaths() {
    let error = Self.specificationError("A =~ a1\nB =~ b1\nLonely =~ c1 + c2\nB ~ A")
    #expect(
      error == .constructWithoutPaths(construct: "Lonely", location: .init(line: 3, column: 1)))
    let text = error?.description ?? ""
    #expect(text.contains("'Lonely'") && text.contains("line 3"), "\(text)")
  }

  @Test("duplicate construct statement")
  func duplicateConstruct() {
    let error = Self.specificationError("A =~ a1\nB =~ b1\nA =~ a2\nB ~ A")
    #expect(error == .duplicateConstruct(construct: "A", location: .init(line: 3, column: 1)))
    let text = error?.description ?? ""
    #expect(text.contains("'A'") && text.contains("line 3"), "\(text)")
  }

  @Test("duplicate path")
  func duplicatePath() {
    let error = Self.specificationError("A =~ a1\nB =~ b1\nB ~ A\nB ~ A")
    #expect(error == .duplicatePath(from: "A", to: "B", location: .init(line: 4, column: 5)))
    let text = error?.description ?? ""
    #expect(text.contains("A → B") && text.contains("line 4"), "\(text)")
  }

  @Test("self-loop")
  func selfLoop() {
    let error = Self.specificationError("A =~ a1\nB =~ b1\nB ~ A\nB ~ B")
    #expect(error == .selfLoop(construct: "B", location: .init(line: 4, column: 5)))
    let text = error?.description ?? ""
    #expect(text.contains("'B'") && text.contains("line 4"), "\(text)")
  }

  @Test("cycle A → B → C → A: the message lists the cycle")
  func cycle() {
    let error = Self.specificationError(
      "A =~ a1\nB =~ b1\nC =~ c1\nD =~ d1\nB ~ A\nC ~ B\nA ~ C\nD ~ A")
    #expect(
      error
        == .cycle(constructs: ["A", "B", "C"], location: PLSSEM.SourceLocation(line: 7, column: 5)))
    let text = error?.description ?? ""
    #expect(text.contains("A → B → C → A"), "\(text)")
    #expect(text.contains("line 7"), "\(text)")
    #expect(text.contains("recursive"), "\(text)")
  }

  @Test("a two-construct cycle")
  func shortCycle() {
    let error = Self.specificationError("A =~ a1\nB =~ b1\nB ~ A\nA ~ B")
    #expect(
      error == .cycle(constructs: ["A", "B"], location: PLSSEM.SourceLocation(line: 4, column: 5)))
    #expect(error?.description.contains("A → B → A") == true)
  }

  @Test("validation of a hand-made model")
  func handMadeModel() throws {
    let model = PathModel(
      constructs: [
        .init(name: "A", mode: .a, indicators: ["a1"]),
        .init(name: "B", mode: .b, indicators: ["b1", "b2"]),
      ],
      paths: [.init(from: "A", to: "B")])
    #expect(try model.validated() == model)
    #expect(model.structuralOrder == ["A", "B"])
    let cyclic = PathModel(
      constructs: model.constructs, paths: [.init(from: "A", to: "B"), .init(from: "B", to: "A")])
    #expect(cyclic.structuralOrder == nil)
  }

  @Test("a model without structural paths is rejected: inner proxies need neighbours")
  func singleConstruct() {
    let error = Self.specificationError("A =~ a1 + a2")
    #expect(
      error
        == .constructWithoutPaths(
          construct: "A", location: PLSSEM.SourceLocation(line: 1, column: 1)))
    #expect(error?.description.contains("no structural path") == true)
  }
}
