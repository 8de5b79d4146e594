import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Hypotheses named in model text (`# H1: X2 -> X3 (+)`): what is read, what stays an ordinary
/// comment, and the errors, each naming the line and column.
@Suite("Model syntax: hypotheses")
struct HypothesisSyntaxTests {
  static let mediation = """
    X1 =~ x1_1 + x1_2
    X2 =~ x2_1 + x2_2
    X3 =~ x3_1 + x3_2
    Y =~ y_1 + y_2
    X3 ~ X2
    Y ~ X1 + X2 + X3
    """

  /// The mediation model with `comments` appended, parsed and validated.
  static func model(_ comments: String) throws -> PathModel {
    try PathModel(syntax: mediation + "\n" + comments, source: "test.model")
  }

  /// The error of the mediation model with `comments` appended.
  static func error(
    _ comments: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> SpecificationError? {
    expectError(SpecificationError.self, sourceLocation: sourceLocation) {
      try model(comments)
    }
  }

  @Test func readsLabelsChainsAndSigns() throws {
    let model = try Self.model(
      """
      # Hypotheses
      # H1: X2 -> X3 (+)
      #H2a:X1->Y(-)
      #   h3 : X2 → Y
      ! H4: X2 -> X3 -> Y (+)
      # H5: "X3" -> `Y` ( − )
      """)
    #expect(model.hypotheses.map(\.label) == ["H1", "H2a", "h3", "H4", "H5"])
    #expect(
      model.hypotheses.map(\.chain) == [
        ["X2", "X3"], ["X1", "Y"], ["X2", "Y"], ["X2", "X3", "Y"], ["X3", "Y"],
      ])
    #expect(model.hypotheses.map(\.direction) == [.positive, .negative, nil, .positive, .negative])
    #expect(model.hypotheses[0].location == SourceLocation(line: 8, column: 3))
    #expect(model.hypotheses[2].location == SourceLocation(line: 10, column: 5))
    let indirect = model.hypotheses[3]
    #expect(indirect.isIndirect && indirect.from == "X2" && indirect.to == "Y")
    #expect(indirect.mediators == ["X3"])
    #expect(indirect.statisticKey == .specificIndirectEffect(chain: ["X2", "X3", "Y"]))
    #expect(model.hypotheses[0].statisticKey == .path(from: "X2", to: "X3"))
    #expect(model.hypotheses[0].description == "H1: X2 -> X3 (+)")
    #expect(model.hypotheses[2].description == "h3: X2 -> Y")
  }

  @Test func otherCommentsStayComments() throws {
    let model = try Self.model(
      """
      # X1: Keterkaitan Industri / Industrial linkages
      # Hypotheses: see chapter 2
      # H: not a label
      # Hx: no digit
      # H1 without a colon -> still a comment
      # 1H: digit first
      X3 ~ X1 # H9 trailing, no colon
      """)
    #expect(model.hypotheses.isEmpty)
    #expect(model.paths.count == 5)
  }

  @Test func theSyntaxWritesHypothesesBack() throws {
    let model = try Self.model(
      """
      # H1: X2 -> X3 (+)
      # H2: X2 -> X3 -> Y
      # H3: X1 -> Y (-)
      """)
    #expect(model.syntax.hasSuffix("# H1: X2 -> X3 (+)\n# H2: X2 -> X3 -> Y\n# H3: X1 -> Y (-)\n"))
    #expect(try PathModel(syntax: model.syntax) == model)
    // Without its hypotheses (what a bootstrap's fingerprint records), the text is the model's.
    var bare = model
    bare.hypotheses = []
    #expect(model.syntax(includingHypotheses: false) == bare.syntax)
    #expect(model != bare)
  }

  @Test func quotedNamesRoundTrip() throws {
    let text = """
      "Cluster pattern" =~ a + b
      "LED orientation" =~ c + d
      "LED orientation" ~ "Cluster pattern"
      # H1: "Cluster pattern" -> "LED orientation" (+)
      """
    let model = try PathModel(syntax: text)
    #expect(model.hypotheses.first?.chain == ["Cluster pattern", "LED orientation"])
    #expect(try PathModel(syntax: model.syntax) == model)
  }

  @Test func theBuilderTakesHypotheses() throws {
    let built = try PathModel {
      Reflective("X1", "x1_1", "x1_2")
      Reflective("X2", "x2_1", "x2_2")
      Reflective("X3", "x3_1", "x3_2")
      Reflective("Y", "y_1", "y_2")
      Regression("X3", on: "X2")
      Regression("Y", on: "X1", "X2", "X3")
      Hypothesis("H1", "X2", "X3", expected: .positive)
      Hypothesis("H2", "X2", "X3", "Y")
    }
    #expect(built == (try Self.model("# H1: X2 -> X3 (+)\n# H2: X2 -> X3 -> Y")))
    #expect(throws: SpecificationError.self) {
      try PathModel {
        Reflective("A", "a1")
        Reflective("B", "b1")
        Regression("B", on: "A")
        Hypothesis("H1", "B", "A")
      }
    }
  }

  @Test func decodesModelsWithoutHypotheses() throws {
    let json = #"{"constructs":[{"name":"A","mode":"A","indicators":["a"]}],"paths":[]}"#
    let model = try JSONDecoder().decode(PathModel.self, from: Data(json.utf8))
    #expect(model.hypotheses.isEmpty)
    let withHypotheses = try Self.model("# H1: X2 -> X3 (+)")
    let encoded = try JSONEncoder().encode(withHypotheses)
    #expect(try JSONDecoder().decode(PathModel.self, from: encoded) == withHypotheses)
  }

  // MARK: Errors, each with its line and column

  /// A syntax error's message and location.
  static func syntaxError(
    _ comments: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> (message: String, location: PLSSEM.SourceLocation)? {
    guard let error = error(comments, sourceLocation: sourceLocation) else { return nil }
    guard case .syntax(let message, let location, let source) = error else {
      Issue.record("expected a syntax error, got \(error)", sourceLocation: sourceLocation)
      return nil
    }
    #expect(source == "test.model", sourceLocation: sourceLocation)
    return (message, location)
  }

  @Test func malformedHypothesisLines() throws {
    let cases: [(String, String, Int)] = [
      ("# H1: X2", "expected '->' after 'X2', found the end of the line", 9),
      ("# H1:", "expected a construct name after 'H1:', found the end of the line", 6),
      ("# H1: -> X3", "expected a construct name after 'H1:', found '->'", 7),
      ("# H1: X2 -> ", "expected a construct name after '->', found the end of the line", 13),
      ("# H1: X2 => X3", "expected '->' after 'X2', found '=>'", 10),
      ("# H1: X2 -> X3 (x)", "expected the sign '(+)' or '(-)'", 16),
      ("# H1: X2 -> X3 (+", "expected ')' after the sign, found the end of the line", 18),
      (
        "# H1: X2 -> X3 (+) as in chapter 2",
        "expected the end of the line after the sign, found 'as'", 20
      ),
      (
        "# H1: X2 -> X3 positive",
        "expected '->', a sign '(+)' or '(-)', or the end of the line, found 'positive'", 16
      ),
      ("# H1: \"X2 -> X3", "unterminated quoted name", 7),
    ]
    for (line, message, column) in cases {
      guard let error = Self.syntaxError(line) else { continue }
      #expect(error.message.hasPrefix("hypothesis H1: " + message), "\(line): \(error.message)")
      #expect(error.location == SourceLocation(line: 7, column: column), "\(line)")
    }
  }

  @Test func hypothesesAboutPathsTheModelLacks() throws {
    let missing = Self.error("\n# H1: X1 -> X3 (+)")
    #expect(
      missing
        == .hypothesisWithoutPath(
          label: "H1", from: "X1", to: "X3", location: SourceLocation(line: 8, column: 3)))
    #expect(
      missing?.description(inFile: "m.model")
        == "m.model:8:3: hypothesis H1 is about the path X1 → X3, which the structural model does not have (write 'X3 ~ X1' or correct the hypothesis)"
    )
    // A chain names each missing link; the reverse of a path is not the path.
    #expect(
      Self.error("# H2: X1 -> X3 -> Y")
        == .hypothesisWithoutPath(
          label: "H2", from: "X1", to: "X3", location: SourceLocation(line: 7, column: 3)))
    #expect(
      Self.error("# H3: X3 -> X2")
        == .hypothesisWithoutPath(
          label: "H3", from: "X3", to: "X2", location: SourceLocation(line: 7, column: 3)))
    #expect(
      Self.error("# H4: X2 -> Z (+)")
        == .hypothesisUnknownConstruct(
          label: "H4", construct: "Z", location: SourceLocation(line: 7, column: 3)))
  }

  @Test func labelsAndChainsAreUnique() throws {
    let twice = Self.error("# H1: X2 -> X3\n# H1: X1 -> Y")
    #expect(
      twice
        == .duplicateHypothesis(
          label: "H1", first: SourceLocation(line: 7, column: 3),
          location: SourceLocation(line: 8, column: 3)))
    #expect(twice?.description.contains("first at line 7") == true)
    #expect(
      Self.error("# H1: X2 -> X3 (+)\n# H2: X2 -> X3 (-)")
        == .repeatedHypothesis(
          label: "H2", earlier: "H1", location: SourceLocation(line: 8, column: 3)))
  }

  @Test func hypothesesDoNotChangeTheEstimate() throws {
    let table = try ExampleData.corpRep()
    let plain = try ExampleData.model(ExampleData.corpRepSimpleModel)
    var labelled = plain
    labelled.hypotheses = [
      .init(label: "H1", chain: ["COMP", "CUSA"], direction: .positive),
      .init(label: "H2", chain: ["LIKE", "CUSA", "CUSL"]),
    ]
    labelled = try labelled.validated()
    let a = try PLSEstimator().estimate(plain, data: table)
    let b = try PLSEstimator().estimate(labelled, data: table)
    #expect(a.statistics == b.statistics)
    #expect(BootstrapFingerprint(a) == BootstrapFingerprint(b))
  }
}
