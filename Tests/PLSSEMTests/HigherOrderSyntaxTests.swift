import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Higher-order constructs in model text: a block of constructs is a HOC; the errors name the
/// statement's line and column.
@Suite("Higher-order constructs: syntax and validation")
struct HigherOrderSyntaxTests {
  static let base = """
    A =~ a1 + a2
    B =~ b1 + b2
    C <~ c1 + c2
    Y =~ y1 + y2

    """

  static func error(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> SpecificationError?
  {
    expectError(SpecificationError.self, sourceLocation: sourceLocation) {
      try PathModel(syntax: base + text, source: "hoc.model")
    }
  }

  @Test("a block of constructs is a HOC, in either mode; the syntax round-trips")
  func parses() throws {
    for (op, mode) in [("=~", MeasurementMode.a), ("<~", .b)] {
      let model = try PathModel(syntax: Self.base + "H \(op) A + B\nY ~ H + C")
      #expect(model.constructNames == ["A", "B", "C", "Y"])
      #expect(
        model.higherOrderConstructs == [
          .init(name: "H", mode: mode, components: ["A", "B"])
        ])
      #expect(model.higherOrderConstructs[0].location == PLSSEM.SourceLocation(line: 5, column: 1))
      #expect(model.structuralNames == ["C", "Y", "H"])
      #expect(model.higherOrderConstruct(of: "B")?.name == "H")
      #expect(try PathModel(syntax: model.syntax) == model)
      let decoded = try JSONDecoder().decode(
        PathModel.self, from: JSONEncoder().encode(model))
      #expect(decoded == model)
    }
  }

  @Test("the builder separates HOCs too; a construct may still share its indicator's name")
  func builder() throws {
    let model = try PathModel {
      Reflective("A", "a1", "a2")
      Reflective("B", "b1", "b2")
      Reflective("Age", "Age")
      Composite("H", "A", "B")
      Regression("Age", on: "H")
    }
    #expect(model.higherOrderConstructs.map(\.name) == ["H"])
    #expect(model.constructNames == ["A", "B", "Age"])
  }

  @Test("stage models: LOCs replace the HOC in stage 1; LOC scores measure it in stage 2")
  func stageModels() throws {
    let model = try PathModel(syntax: Self.base + "H =~ A + B\nH ~ C\nY ~ H")
    let first = model.firstStageModel
    #expect(first.constructNames == ["A", "B", "C", "Y"])
    #expect(
      first.paths == [
        .init(from: "C", to: "A"), .init(from: "C", to: "B"), .init(from: "A", to: "Y"),
        .init(from: "B", to: "Y"),
      ])
    let second = model.secondStageModel
    #expect(second.constructNames == ["C", "Y", "H"])
    #expect(second.construct(named: "H")?.indicators == ["A", "B"])
    #expect(second.paths == model.paths)
    let repeated = model.repeatedIndicatorsModel
    #expect(
      repeated.construct(named: "H")?.indicators == ["a1 (H)", "a2 (H)", "b1 (H)", "b2 (H)"])
    #expect(repeated.paths.suffix(2) == [.init(from: "H", to: "A"), .init(from: "H", to: "B")])
    _ = try first.validated()
    _ = try second.validated()
    _ = try repeated.validated()
  }

  @Test("a HOC block mixing constructs and indicators names both and the statement")
  func mixed() {
    let error = Self.error("H =~ A + x9 + B\nY ~ H")
    guard case .higherOrderMixesIndicators("H", ["A", "B"], ["x9"], let l)? = error else {
      Issue.record("got \(String(describing: error))")
      return
    }
    #expect(l == PLSSEM.SourceLocation(line: 5, column: 1))
    #expect(
      error?.description(inFile: "hoc.model").hasPrefix("hoc.model:5:1: the block of 'H'") == true)
  }

  @Test("a HOC of HOCs is an error naming both")
  func hocOfHoc() {
    let error = Self.error("H =~ A + B\nG =~ H + C\nY ~ G")
    guard case .higherOrderOfHigherOrder("G", "H", let l)? = error else {
      Issue.record("got \(String(describing: error))")
      return
    }
    #expect(l?.line == 6)
    #expect(error?.description.contains("third-order") == true)
  }

  @Test("a LOC in its own HOC's equation, or in any path, is an error naming the path")
  func lowerOrderInPath() {
    let own = Self.error("H =~ A + B\nH ~ A\nY ~ H")
    guard case .lowerOrderInPath("A", "H", "A", "H", let l)? = own else {
      Issue.record("got \(String(describing: own))")
      return
    }
    #expect(l == PLSSEM.SourceLocation(line: 6, column: 5))
    #expect(own?.description.contains("its own dimension 'A'") == true)
    let other = Self.error("H =~ A + B\nY ~ H + B")
    guard case .lowerOrderInPath("B", "H", "B", "Y", _)? = other else {
      Issue.record("got \(String(describing: other))")
      return
    }
  }

  @Test("one LOC, a LOC in two HOCs, a HOC named twice, a HOC without paths")
  func otherErrors() {
    guard case .higherOrderTooFewComponents("H", _)? = Self.error("H =~ A + A\nY ~ H")
    else {
      Issue.record("too few")
      return
    }
    guard
      case .componentOfTwoHigherOrder("B", "H", "G", _)? = Self.error(
        "H =~ A + B\nG =~ B + C\nY ~ H + G")
    else {
      Issue.record("two HOCs")
      return
    }
    guard case .duplicateConstruct("H", _)? = Self.error("H =~ A + B\nH <~ A + B\nY ~ H")
    else {
      Issue.record("duplicate")
      return
    }
    guard case .constructWithoutPaths("H", _)? = Self.error("H =~ A + B\nY ~ C") else {
      Issue.record("no paths")
      return
    }
    // HOCs take part in cycle detection.
    guard case .cycle? = Self.error("H =~ A + B\nY ~ H + C\nH ~ Y") else {
      Issue.record("cycle")
      return
    }
  }

  @Test("hypotheses may name a HOC")
  func hypotheses() throws {
    let model = try PathModel(syntax: Self.base + "H =~ A + B\nY ~ H + C\n# H1: H -> Y (+)")
    #expect(model.hypotheses.map(\.label) == ["H1"])
  }
}
