import Foundation
import TestSupport
import Testing

@testable import Survey

@Suite("Codebook")
struct CodebookTests {
  @Test func ledCodebookLoadsFromTheLibraryAndTheFile() throws {
    let bundled = try LEDInstrument.codebook()
    let file = try Codebook(
      contentsOfFile: Repository.path("examples/led-survey/codebook.yaml"))
    #expect(bundled == file)
    #expect(
      try Repository.text("examples/led-survey/codebook.yaml") == LEDInstrument.codebookYAML + "\n")
  }

  @Test func ledInstrumentShape() throws {
    let codebook = try LEDInstrument.codebook()
    #expect(codebook.instrument.name == "LED-SENTRA")
    #expect(codebook.constructs.map(\.id) == ["X1", "X2", "X3", "Y"])
    #expect(codebook.items.count == 27)
    for construct in codebook.constructs {
      for dimension in construct.dimensions {
        let items = codebook.items.filter {
          $0.construct == construct.id && $0.dimension == dimension.id
        }
        #expect(items.count >= 3, "\(construct.id).\(dimension.id)")
      }
      #expect(construct.name["id"] != nil && construct.name["en"] != nil)
    }
    #expect(codebook.constructs.map { $0.dimensions.count } == [2, 2, 2, 3])
    for item in codebook.items {
      #expect(item.text["id"]?.isEmpty == false && item.text["en"]?.isEmpty == false, "\(item.id)")
    }
    #expect(codebook.items.filter(\.reverse).map(\.id) == ["X2_CO3", "Y_MS2"])
    let scale = try #require(codebook.scales.first)
    #expect(scale.points == 5)
    #expect(
      scale.labels["id"]?.first == "Sangat Tidak Setuju"
        && scale.labels["id"]?.last == "Sangat Setuju")
    #expect(
      scale.labels["en"]?.first == "Strongly disagree"
        && scale.labels["en"]?.last == "Strongly agree")
  }

  @Test func defaultsWhenOptionalPartsAreAbsent() throws {
    let codebook = try Codebook(
      yaml: """
        instrument: {name: T}
        scales: [{id: s, points: 4}]
        items:
          - {id: q1, construct: C}
          - {id: q2, construct: D}
          - {id: q3, construct: C}
        """)
    #expect(codebook.constructs == [ConstructDefinition(id: "C"), ConstructDefinition(id: "D")])
    #expect(codebook.languages == ["id", "en"])
    #expect(codebook.items.allSatisfy { !$0.reverse && $0.scale == nil })
    #expect(codebook.scale(of: codebook.items[0])?.points == 4)
    #expect(codebook.missingCodes.isEmpty && codebook.missingLabels.isEmpty)
  }

  static let base = """
    instrument: {name: T}
    scales:
      - {id: s, points: 3, labels: {en: [No, Maybe, Yes]}}
    """

  @Test(arguments: [
    (
      base + "\nitems:\n  - {id: q1, construct: C, scale: t}",
      CodebookError.unknownScale(source: "cb.yaml", item: "q1", scale: "t")
    ),
    (
      base + "\nitems:\n  - {id: q1, construct: C}\n  - {id: q1, construct: C}",
      .duplicateIdentifier(source: "cb.yaml", kind: "item", id: "q1")
    ),
    (
      "instrument: {name: T}\nscales: [{id: s, points: 3, labels: {en: [a, b]}}]\nitems: [{id: q, construct: C}]",
      .invalidScale(
        source: "cb.yaml", scale: "s", message: "3 points but 2 labels in language \"en\"")
    ),
    (
      "instrument: {name: T}\nscales: [{id: s, points: 3, labels: {en: [a, b, c], id: [x, A, z]}}]\nitems: [{id: q, construct: C}]",
      .duplicateLabel(source: "cb.yaml", scale: "s", label: "A")
    ),
    (
      base + "\nmissingCodes: [2]\nitems: [{id: q, construct: C}]",
      .missingCodeOnScale(source: "cb.yaml", code: 2, scale: "s")
    ),
    (
      base + "\nconstructs: [{id: C}]\nitems: [{id: q, construct: D}]",
      .unknownConstruct(source: "cb.yaml", item: "q", construct: "D")
    ),
    (
      base
        + "\nconstructs: [{id: C, dimensions: [{id: d1}]}]\nitems: [{id: q, construct: C, dimension: d2}]",
      .unknownDimension(source: "cb.yaml", item: "q", construct: "C", dimension: "d2")
    ),
    (
      base + "\nconstructs: [{id: C}, {id: E}]\nitems: [{id: q, construct: C}]",
      .emptyConstruct(source: "cb.yaml", construct: "E")
    ),
    (
      base
        + "\nitems:\n  - {id: q1, construct: C, text: {en: Same  question}}\n  - {id: q2, construct: C, text: {id: same QUESTION}}",
      .ambiguousText(source: "cb.yaml", text: "same QUESTION", items: ["q1", "q2"])
    ),
    (
      "instrument: {name: T}\nscales: [{id: s, points: 3}, {id: t, points: 5}]\nitems: [{id: q, construct: C}]",
      .ambiguousScale(source: "cb.yaml", item: "q")
    ),
    (base + "\nitems: []", .noItems(source: "cb.yaml")),
  ])
  func inconsistenciesAreNamed(yaml: String, expected: CodebookError) {
    #expect(throws: expected) { try Codebook(yaml: yaml, source: "cb.yaml") }
  }

  @Test func missingFieldNamesItsPath() {
    let yaml = Self.base + "\nitems:\n  - {id: q1, construct: C}\n  - {id: q2}"
    #expect(
      throws: CodebookError.invalidStructure(
        source: "cb.yaml", path: "items, entry 2",
        message: "required field \"construct\" is missing")
    ) { try Codebook(yaml: yaml, source: "cb.yaml") }
  }

  @Test func wrongTypeNamesItsPath() {
    let yaml = Self.base + "\nitems:\n  - {id: q1, construct: C, reverse: maybe}"
    #expect(
      throws: CodebookError.invalidStructure(
        source: "cb.yaml", path: "items, entry 1, reverse", message: "expected true or false")
    ) { try Codebook(yaml: yaml, source: "cb.yaml") }
  }

  @Test func yamlSyntaxErrorNamesTheLine() {
    do {
      _ = try Codebook(
        yaml: "instrument: {name: T}\nscales:\n  - id: s\n   points: [3\n", source: "cb.yaml")
      Issue.record("expected an error")
    } catch {
      guard case .invalidYAML(let source, let line, _, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(source == "cb.yaml")
      #expect(line == 4)
      #expect(error.description.hasPrefix("cb.yaml:4:"))
    }
  }

  @Test func missingFile() {
    #expect(throws: CodebookError.unreadable(source: "/no/codebook.yaml", reason: "no such file")) {
      try Codebook(contentsOfFile: "/no/codebook.yaml")
    }
  }

  @Test func modelFilesOfTheLEDInstrument() throws {
    let direct = try LEDInstrument.directModelSyntax()
    let mediation = try LEDInstrument.mediationModelSyntax()
    #expect(try Repository.text("examples/led-survey/direct.model") == direct)
    #expect(try Repository.text("examples/led-survey/mediation.model") == mediation)
    let directStatements = direct.split(separator: "\n").filter {
      !$0.hasPrefix("#") && !$0.isEmpty
    }
    #expect(
      directStatements == [
        "X1 =~ X1_BL1 + X1_BL2 + X1_BL3 + X1_FL1 + X1_FL2 + X1_FL3",
        "X2 =~ X2_AG1 + X2_AG2 + X2_AG3 + X2_CO1 + X2_CO2 + X2_CO3",
        "X3 =~ X3_PS1 + X3_PS2 + X3_PS3 + X3_GO1 + X3_GO2 + X3_GO3",
        "Y =~ Y_EP1 + Y_EP2 + Y_EP3 + Y_MS1 + Y_MS2 + Y_MS3 + Y_IN1 + Y_IN2 + Y_IN3",
        "Y ~ X1 + X2 + X3",
      ])
    let mediationStatements = mediation.split(separator: "\n").filter {
      !$0.hasPrefix("#") && !$0.isEmpty
    }
    #expect(mediationStatements.suffix(2) == ["X3 ~ X2", "Y ~ X1 + X2 + X3"])
    #expect(
      mediation.hasSuffix(
        "\n# Hypotheses (expected sign in parentheses)\n"
          + "# H1: X2 -> X3 (+)\n# H2: X1 -> Y (+)\n"
          + "# H3: X2 -> Y (+)\n# H4: X3 -> Y (+)\n# H5: X2 -> X3 -> Y (+)\n"))
  }

  @Test func modeBConstructsUseTheCompositeOperator() throws {
    let text = try smallCodebook().modelSyntax(structural: [StructuralEquation("A", ["B"])])
    #expect(text.contains("\nA =~ A1 + A2 + A3\n"))
    #expect(text.contains("\nB <~ B1 + B2\n"))
    #expect(text.contains("# A: Konstruk A / Construct A\n"))
    #expect(throws: CodebookError.unknownModelConstruct(source: "<codebook>", construct: "Z")) {
      try smallCodebook().modelSyntax(structural: [StructuralEquation("Z", ["A"])])
    }
  }
}
