import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Interaction terms in model text (`Y ~ A + B + A:B`, lavaan's syntax) and with the builder:
/// what is read, the round trip through ``PathModel/syntax``, and the errors, each naming the
/// statement's line and column.
@Suite("Model syntax: interaction terms")
struct InteractionSyntaxTests {
  static let blocks = """
    CUSA =~ cusa
    SC =~ switch_1 + switch_2
    COMP =~ comp_1 + comp_2
    CUSL =~ cusl_1 + cusl_2
    CUSA ~ COMP

    """

  static func model(_ structural: String) throws -> PathModel {
    try PathModel(syntax: blocks + structural, source: "test.model")
  }

  static func error(
    _ structural: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> SpecificationError? {
    expectError(SpecificationError.self, sourceLocation: sourceLocation) {
      try model(structural)
    }
  }

  @Test func readsAnInteractionTermAsAPredictorNamedAColonB() throws {
    let model = try Self.model("CUSL ~ CUSA + SC + CUSA:SC")
    #expect(model.paths.map(\.from) == ["COMP", "CUSA", "SC", "CUSA:SC"])
    #expect(model.paths.dropFirst().allSatisfy { $0.to == "CUSL" })
    #expect(model.interactions == [PathModel.Interaction("CUSA", "SC")])
    #expect(model.interactions[0].name == "CUSA:SC")
    #expect(model.interactions[0].predictor == "CUSA")
    #expect(model.interactions[0].moderator == "SC")
    #expect(model.hasInteractions)
    #expect(!model.constructNames.contains("CUSA:SC"))
    #expect(model.paths[3].location == SourceLocation(line: 6, column: 20))
    #expect(
      model.paths[3].termLocations == [
        SourceLocation(line: 6, column: 20), SourceLocation(line: 6, column: 25),
      ])
    #expect(model.structuralOrder == ["SC", "COMP", "CUSA", "CUSL"])
  }

  @Test func spacesAroundTheColonAndSeveralInteractionsPerEquation() throws {
    let model = try Self.model(
      """
      CUSL ~ CUSA + SC + COMP +
        CUSA : SC + COMP:SC
      """)
    #expect(model.interactions.map(\.name) == ["CUSA:SC", "COMP:SC"])
    #expect(model.predecessors(of: "CUSL") == ["CUSA", "SC", "COMP", "CUSA:SC", "COMP:SC"])
  }

  @Test func theNameIsKeptAsWritten() throws {
    let model = try Self.model("CUSL ~ CUSA + SC + SC:CUSA")
    #expect(model.interactions.map(\.name) == ["SC:CUSA"])
    #expect(model.interactions[0].predictor == "SC")
  }

  @Test func roundTripsThroughItsSyntaxWithQuotedParts() throws {
    let text = """
      "Customer satisfaction" =~ cusa
      SC =~ switch_1 + switch_2
      CUSL =~ cusl_1
      CUSL ~ "Customer satisfaction" + SC + "Customer satisfaction":SC
      """
    let model = try PathModel(syntax: text)
    #expect(model.interactions.map(\.name) == ["Customer satisfaction:SC"])
    let written = model.syntax
    #expect(
      written.contains("CUSL ~ \"Customer satisfaction\" + SC + \"Customer satisfaction\":SC"))
    #expect(try PathModel(syntax: written) == model)
  }

  @Test func theBuilderTakesColonNames() throws {
    let built = try PathModel {
      Reflective("CUSA", "cusa")
      Reflective("SC", "switch_1", "switch_2")
      Reflective("CUSL", "cusl_1")
      Regression("CUSL", on: "CUSA", "SC", "CUSA:SC")
    }
    #expect(built.interactions.map(\.name) == ["CUSA:SC"])
    let parsed = try PathModel(
      syntax: "CUSA =~ cusa\nSC =~ switch_1 + switch_2\nCUSL =~ cusl_1\nCUSL ~ CUSA + SC + CUSA:SC")
    #expect(built == parsed)
    #expect(throws: SpecificationError.self) {
      try PathModel {
        Reflective("CUSA", "cusa")
        Reflective("SC", "switch_1")
        Reflective("CUSL", "cusl_1")
        Regression("CUSL", on: "CUSA", "CUSA:SC")
      }
    }
  }

  @Test func decodesAndEncodesWithTheTermLocations() throws {
    let model = try Self.model("CUSL ~ CUSA + SC + CUSA:SC")
    let data = try JSONEncoder().encode(model)
    let back = try JSONDecoder().decode(PathModel.self, from: data)
    #expect(back == model)
    #expect(back.paths[3].termLocations == model.paths[3].termLocations)
  }

  @Test func anUnknownConstructIsNamedWithItsLineAndColumn() throws {
    let error = try #require(Self.error("CUSL ~ CUSA + SC + CUSA:XX"))
    #expect(
      error
        == .interactionConstructUnknown(
          construct: "XX", interaction: "CUSA:XX", location: SourceLocation(line: 6, column: 25)))
    #expect(error.description(inFile: "m.model").hasPrefix("m.model:6:25: "))
    #expect(error.description.contains("'CUSA:XX' names 'XX', which is not a construct"))
    let first = try #require(Self.error("CUSL ~ CUSA + SC +\n  YY:SC"))
    #expect(first.location == SourceLocation(line: 7, column: 3))
  }

  @Test func anInteractionOfAnInteractionIsAnError() throws {
    let error = try #require(Self.error("CUSL ~ CUSA + SC + COMP + CUSA:SC:COMP"))
    #expect(
      error
        == .nestedInteraction(
          interaction: "CUSA:SC:COMP", location: SourceLocation(line: 6, column: 27)))
    #expect(error.description.contains("'CUSA:SC:COMP' is an interaction of an interaction"))
  }

  @Test func mainEffectsAreRequired() throws {
    let error = try #require(Self.error("CUSL ~ CUSA + CUSA:SC\nCUSA ~ SC"))
    #expect(
      error
        == .interactionWithoutMainEffect(
          interaction: "CUSA:SC", construct: "SC", outcome: "CUSL",
          location: SourceLocation(line: 6, column: 15)))
    #expect(error.description.contains("without its main effect SC → CUSL"))
  }

  @Test func otherErrors() throws {
    #expect(Self.error("CUSL ~ CUSA + CUSA:CUSA")?.description.contains("with itself") == true)
    #expect(
      Self.error("CUSL ~ CUSA + SC + CUSA:SC + SC:CUSA")
        == .interactionTwice(
          interaction: "SC:CUSA", earlier: "CUSA:SC", location: SourceLocation(line: 6, column: 30))
    )
    #expect(
      Self.error("CUSL ~ CUSA + SC + CUSA:SC + CUSA:SC")
        == .duplicatePath(
          from: "CUSA:SC", to: "CUSL", location: SourceLocation(line: 6, column: 30)))
    let colon = Self.error("CUSL ~ CUSA + SC + CUSA:SC\n\"A:B\" =~ a1")
    #expect(
      colon == .colonInConstructName(construct: "A:B", location: SourceLocation(line: 7, column: 1))
    )
  }

  @Test func syntaxErrorsNameTheLineAndColumn() throws {
    func message(_ text: String) -> String? {
      Self.error(text).map { $0.description }
    }
    #expect(
      message("CUSA:SC ~ CUSL")?.contains(
        "test.model:6:1: the interaction term 'CUSA:SC' can only be a predictor") == true)
    #expect(
      message("X =~ a:b\nCUSL ~ CUSA + SC")?.contains(
        "test.model:6:6: the interaction term 'a:b' is not an indicator") == true)
    #expect(
      message("CUSL ~ CUSA + SC + CUSA:")?.contains(
        "test.model:6:24: expected a construct name after ':'") == true)
    #expect(
      message("CUSL ~ CUSA + SC + :SC")?.contains(
        "test.model:6:20: expected a name after '+', found ':'") == true)
  }
}
