import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The lavaan-style model text of `../shared/docs/cli-contract.md`: what it accepts, and the
/// syntax errors, each naming the line and column.
@Suite("Model syntax")
struct ModelSyntaxTests {
  /// The syntax error of `text` (nil, with an issue recorded, when it parses or fails otherwise).
  static func syntaxError(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> (message: String, location: PLSSEM.SourceLocation, description: String)? {
    guard
      let error = expectError(
        SpecificationError.self, sourceLocation: sourceLocation,
        {
          try PathModel(syntax: text, source: "test.model")
        })
    else { return nil }
    guard case .syntax(let message, let location, let source) = error else {
      Issue.record("expected a syntax error, got \(error)", sourceLocation: sourceLocation)
      return nil
    }
    #expect(source == "test.model", sourceLocation: sourceLocation)
    return (message, location, error.description)
  }

  static let corpRepSimple = """
    COMP =~ comp_1 + comp_2 + comp_3
    LIKE =~ like_1 + like_2 + like_3
    CUSA =~ cusa
    CUSL =~ cusl_1 + cusl_2 + cusl_3
    CUSA ~ COMP + LIKE
    CUSL ~ COMP + LIKE + CUSA
    """

  static func corpRepSimpleBuilt() throws -> PathModel {
    try PathModel {
      Reflective("COMP", "comp_1", "comp_2", "comp_3")
      Reflective("LIKE", "like_1", "like_2", "like_3")
      Reflective("CUSA", "cusa")
      Reflective("CUSL", "cusl_1", "cusl_2", "cusl_3")
      Regression("CUSA", on: "COMP", "LIKE")
      Regression("CUSL", on: "COMP", "LIKE", "CUSA")
    }
  }

  // MARK: What the syntax accepts

  @Test("measurement and structural statements")
  func parsesAModel() throws {
    let model = try PathModel(syntax: Self.corpRepSimple)
    #expect(model.constructNames == ["COMP", "LIKE", "CUSA", "CUSL"])
    #expect(model.constructs.map(\.mode) == [.a, .a, .a, .a])
    #expect(model.construct(named: "CUSL")?.indicators == ["cusl_1", "cusl_2", "cusl_3"])
    #expect(
      model.paths.map { "\($0.from)→\($0.to)" } == [
        "COMP→CUSA", "LIKE→CUSA", "COMP→CUSL", "LIKE→CUSL", "CUSA→CUSL",
      ])
    #expect(model.endogenousConstructs == ["CUSA", "CUSL"])
    #expect(model.predecessors(of: "CUSL") == ["COMP", "LIKE", "CUSA"])
  }

  @Test("'<~' declares a Mode B block")
  func compositeIsModeB() throws {
    let model = try PathModel(syntax: "QUAL <~ q1 + q2\nCOMP =~ c1 + c2\nCOMP ~ QUAL")
    #expect(model.construct(named: "QUAL")?.mode == .b)
    #expect(model.construct(named: "COMP")?.mode == .a)
  }

  @Test("comments with '#' and '!' are ignored, whole-line and trailing")
  func comments() throws {
    let text = """
      # Corporate reputation
      COMP =~ comp_1 + comp_2 + comp_3   # competence
      ! a lavaan-style comment
      LIKE =~ like_1 + like_2 + like_3#no space before it
      CUSA =~ cusa
         # indented comment
      CUSL =~ cusl_1 + cusl_2 + cusl_3
      CUSA ~ COMP + LIKE                 # paths
      CUSL ~ COMP + LIKE + CUSA
      # trailing comment without newline
      """
    #expect(try PathModel(syntax: text) == (try PathModel(syntax: Self.corpRepSimple)))
  }

  @Test("';' separates statements on one line")
  func semicolons() throws {
    let text = """
      COMP =~ comp_1 + comp_2 + comp_3; LIKE =~ like_1 + like_2 + like_3; CUSA =~ cusa
      CUSL =~ cusl_1 + cusl_2 + cusl_3;CUSA ~ COMP + LIKE ; CUSL ~ COMP + LIKE + CUSA;
      """
    #expect(try PathModel(syntax: text) == (try PathModel(syntax: Self.corpRepSimple)))
  }

  @Test("a statement continues on the next line after a trailing '+' or operator")
  func continuationLines() throws {
    let text = """
      COMP =~ comp_1 +
              comp_2 +   # a comment after the '+'

              comp_3
      LIKE =~
        like_1 + like_2 + like_3
      CUSA =~ cusa
      CUSL =~ cusl_1 + cusl_2 + cusl_3
      CUSA ~ COMP +
             LIKE
      CUSL ~ COMP + LIKE + CUSA
      """
    #expect(try PathModel(syntax: text) == (try PathModel(syntax: Self.corpRepSimple)))
  }

  @Test("'A + B ~ C' gives the paths C → A and C → B")
  func multipleTargets() throws {
    let model = try PathModel(syntax: "A =~ a1\nB =~ b1\nC =~ c1\nA + B ~ C")
    #expect(model.paths.map { "\($0.from)→\($0.to)" } == ["C→A", "C→B"])
    let twoByTwo = try PathModel(syntax: "A =~ a1\nB =~ b1\nC =~ c1\nD =~ d1\nC + D ~ A + B")
    #expect(twoByTwo.paths.map { "\($0.from)→\($0.to)" } == ["A→C", "B→C", "A→D", "B→D"])
  }

  @Test("quoted names hold any characters")
  func quotedNames() throws {
    let text = """
      "Customer satisfaction" =~ "item 1" + `item-2` + plain_3
      `Loyalty (overall)` =~ "loyalty #1"
      `Loyalty (overall)` ~ "Customer satisfaction"
      """
    let model = try PathModel(syntax: text)
    #expect(model.constructNames == ["Customer satisfaction", "Loyalty (overall)"])
    #expect(
      model.construct(named: "Customer satisfaction")?.indicators == [
        "item 1", "item-2", "plain_3",
      ])
    // '#' inside quotes is part of the name, not a comment.
    #expect(model.construct(named: "Loyalty (overall)")?.indicators == ["loyalty #1"])
    #expect(model.paths == [PathModel.Path(from: "Customer satisfaction", to: "Loyalty (overall)")])
  }

  @Test("names may contain letters, digits, '_' and '.'")
  func nameCharacters() throws {
    let model = try PathModel(
      syntax: "Zufriedenheit =~ item.1 + item_2 + Ölpreis3\nB2 =~ x.y\nB2 ~ Zufriedenheit")
    #expect(
      model.construct(named: "Zufriedenheit")?.indicators == ["item.1", "item_2", "Ölpreis3"])
  }

  @Test("Windows line endings")
  func crlf() throws {
    let text = Self.corpRepSimple.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    #expect(try PathModel(syntax: text) == (try PathModel(syntax: Self.corpRepSimple)))
    let error = Self.syntaxError("A =~ a1\r\nB =~ b1\r\nB ~~ A\r\n")
    #expect(error?.location == PLSSEM.SourceLocation(line: 3, column: 3))
  }

  @Test("parsed models remember where constructs and paths were written")
  func locations() throws {
    let model = try PathModel(syntax: "\n  COMP =~ c1 + c2\nLIKE =~ l1\nLIKE ~ COMP")
    #expect(model.constructs[0].location == PLSSEM.SourceLocation(line: 2, column: 3))
    #expect(model.constructs[1].location == PLSSEM.SourceLocation(line: 3, column: 1))
    #expect(model.paths[0].location == PLSSEM.SourceLocation(line: 4, column: 8))
  }

  @Test("the builder model equals the parsed model")
  func builderEqualsParsed() throws {
    #expect(try Self.corpRepSimpleBuilt() == (try PathModel(syntax: Self.corpRepSimple)))
    let extended = try PathModel {
      Composite("QUAL", indicators: (1...8).map { "qual_\($0)" })
      Composite("PERF", indicators: (1...5).map { "perf_\($0)" })
      Composite("CSOR", indicators: (1...5).map { "csor_\($0)" })
      Composite("ATTR", "attr_1", "attr_2", "attr_3")
      Reflective("COMP", indicators: ["comp_1", "comp_2", "comp_3"])
      Reflective("LIKE", "like_1", "like_2", "like_3")
      Reflective("CUSA", "cusa")
      Reflective("CUSL", "cusl_1", "cusl_2", "cusl_3")
      for target in ["COMP", "LIKE"] {
        Regression(target, on: "QUAL", "PERF", "CSOR", "ATTR")
      }
      Regression("CUSA", on: "COMP", "LIKE")
      Regression("CUSL", on: "COMP", "LIKE", "CUSA")
    }
    let parsed = try PathModel(
      syntax: try Repository.text("examples/corporate-reputation/extended.model"),
      source: "extended.model")
    #expect(extended == parsed)
  }

  @Test(
    "PathModel.syntax reads back to the same model",
    arguments: [
      "examples/corporate-reputation/simple.model", "examples/corporate-reputation/extended.model",
      "examples/ecsi-mobi/mobi.model",
    ])
  func syntaxRoundTripsExampleModels(_ file: String) throws {
    let model = try PathModel(syntax: try Repository.text(file), source: file)
    let text = model.syntax
    #expect(try PathModel(syntax: text, source: "round trip") == model, "\(text)")
    #expect(text.hasSuffix("\n"))
  }

  @Test("PathModel.syntax round-trips builder models, quoted names and any path order")
  func syntaxRoundTripsOtherModels() throws {
    let built = try Self.corpRepSimpleBuilt()
    #expect(try PathModel(syntax: built.syntax) == built)

    let quoted = try PathModel(
      syntax: """
        "Customer satisfaction" =~ "item 1" + `item-2` + plain_3
        `Loyalty (overall)` =~ "loyalty #1" + `say "yes"`
        `Loyalty (overall)` ~ "Customer satisfaction"
        """)
    #expect(try PathModel(syntax: quoted.syntax) == quoted, "\(quoted.syntax)")

    // Paths whose targets interleave: reading the text back keeps their order.
    let interleaved = try PathModel(syntax: "A =~ a1\nB =~ b1\nC =~ c1\nB ~ A\nC ~ A\nC ~ B\n")
    let reordered = try PathModel(syntax: "A =~ a1\nB =~ b1\nC =~ c1\nC ~ A\nB ~ A\nC ~ B\n")
    #expect(try PathModel(syntax: interleaved.syntax) == interleaved)
    #expect(try PathModel(syntax: reordered.syntax) == reordered, "\(reordered.syntax)")
  }

  // MARK: Syntax errors, each naming line and column

  @Test("missing operator")
  func missingOperator() {
    let error = Self.syntaxError("A =~ a1\nB b1 + b2\nB ~ A")
    #expect(error?.location == PLSSEM.SourceLocation(line: 2, column: 3))
    #expect(error?.message.contains("expected '=~', '<~' or '~' after 'B'") == true)
    #expect(error?.description.hasPrefix("test.model:2:3: ") == true, "\(error?.description ?? "")")
  }

  @Test("dangling '+' at the end of the text")
  func danglingPlus() {
    let error = Self.syntaxError("A =~ a1 + a2\nB =~ b1\nB ~ A +\n\n# nothing follows\n")
    // The place is the '+' that has nothing after it.
    #expect(error?.location == PLSSEM.SourceLocation(line: 3, column: 7))
    #expect(error?.message.contains("'+'") == true, "\(error?.message ?? "")")
    #expect(error?.description.hasPrefix("test.model:3:7: ") == true, "\(error?.description ?? "")")
  }

  @Test("dangling '+' before an operator")
  func plusBeforeOperator() {
    let error = Self.syntaxError("A =~ a1 + a2\nB =~ b1 + =~ b2")
    #expect(error?.location == PLSSEM.SourceLocation(line: 2, column: 11))
    #expect(error?.message.contains("expected a name") == true)
  }

  @Test("'~~' (covariance) is rejected")
  func covariance() {
    let error = Self.syntaxError("A =~ a1\nB =~ b1\nB ~ A\nA ~~ B")
    #expect(error?.location == PLSSEM.SourceLocation(line: 4, column: 3))
    #expect(error?.message.contains("~~") == true)
    #expect(error?.description.hasPrefix("test.model:4:3: ") == true)
  }

  @Test("'*' coefficient modifiers are rejected")
  func modifier() {
    let error = Self.syntaxError("A =~ a1\nB =~ b1\nB ~ 0.5*A")
    #expect(error?.location == PLSSEM.SourceLocation(line: 3, column: 8))
    #expect(error?.message.contains("modifiers") == true)
    let labelled = Self.syntaxError("A =~ a1\nB =~ lab*b1")
    #expect(labelled?.location == PLSSEM.SourceLocation(line: 2, column: 9))
  }

  @Test("unterminated quoted name")
  func unterminatedQuote() {
    let error = Self.syntaxError("A =~ a1\nB =~ \"b 1 + b2\nB ~ A")
    #expect(error?.location == PLSSEM.SourceLocation(line: 2, column: 6))
    #expect(error?.message.contains("unterminated") == true)
    #expect(error?.description.hasPrefix("test.model:2:6: ") == true)
  }

  @Test("a lone '=' or '<' is not an operator")
  func halfOperators() {
    #expect(Self.syntaxError("A = a1")?.location == PLSSEM.SourceLocation(line: 1, column: 3))
    #expect(
      Self.syntaxError("A =~ a1\nB < b1")?.location == PLSSEM.SourceLocation(line: 2, column: 3))
  }

  @Test("unexpected characters")
  func unexpectedCharacter() {
    let error = Self.syntaxError("A =~ a1 + a2\nB =~ b1, b2")
    #expect(error?.location == PLSSEM.SourceLocation(line: 2, column: 8))
    #expect(error?.message.contains("','") == true)
  }

  @Test("a measurement statement defines one construct")
  func severalNamesBeforeMeasurement() {
    let error = Self.syntaxError("A + B =~ a1")
    #expect(error?.location == PLSSEM.SourceLocation(line: 1, column: 5))
  }

  @Test("an operator without a right-hand side")
  func missingRightHandSide() {
    let error = Self.syntaxError("A =~ a1\nB =~ b1\nB ~ ;A ~ B")
    #expect(error?.location.line == 3)
    #expect(error?.message.contains("expected a name") == true)
  }

  @Test("an empty model")
  func emptyModel() {
    let error = expectError(SpecificationError.self) {
      try PathModel(syntax: "# only a comment\n\n", source: "empty.model")
    }
    #expect(error == .emptyModel(source: "empty.model"))
    #expect(error?.description.contains("empty.model") == true)
  }
}
