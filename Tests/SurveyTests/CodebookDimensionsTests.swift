import Foundation
import TestSupport
import Testing

@testable import Survey

/// A codebook's dimensions as lower-order constructs (higher-order models from the codebook).
@Suite("Codebook dimensions as lower-order constructs")
struct CodebookDimensionsTests {
  /// `UPDATE_EXAMPLES=1 swift test --filter CodebookDimensionsTests` rewrites the file.
  @Test("the LED instrument's HOC model file is the generated one")
  func ledHigherOrderModel() throws {
    let text = try LEDInstrument.hocModelSyntax()
    if ProcessInfo.processInfo.environment["UPDATE_EXAMPLES"] == "1" {
      try text.write(
        to: Repository.url("examples/led-survey/hoc.model"), atomically: true, encoding: .utf8)
    }
    #expect(try Repository.text("examples/led-survey/hoc.model") == text)
    let statements = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
    #expect(
      statements == [
        "X1_BL =~ X1_BL1 + X1_BL2 + X1_BL3", "X1_FL =~ X1_FL1 + X1_FL2 + X1_FL3",
        "X1 =~ X1_BL + X1_FL",
        "X2_AG =~ X2_AG1 + X2_AG2 + X2_AG3", "X2_CO =~ X2_CO1 + X2_CO2 + X2_CO3",
        "X2 =~ X2_AG + X2_CO",
        "X3_PS =~ X3_PS1 + X3_PS2 + X3_PS3", "X3_GO =~ X3_GO1 + X3_GO2 + X3_GO3",
        "X3 =~ X3_PS + X3_GO",
        "Y_EP =~ Y_EP1 + Y_EP2 + Y_EP3", "Y_MS =~ Y_MS1 + Y_MS2 + Y_MS3",
        "Y_IN =~ Y_IN1 + Y_IN2 + Y_IN3", "Y =~ Y_EP + Y_MS + Y_IN",
        "Y ~ X1 + X2 + X3",
      ])
    #expect(
      text.contains(
        "# X1_BL: Keterkaitan ke belakang: pasokan bahan baku / Backward linkage: raw-material supply"
      ))
  }

  static let yaml = """
    instrument:
      name: T
    languages: [en]
    scales:
      - id: s
        points: 5
        labels:
          en: [a, b, c, d, e]
    constructs:
      - id: A
        mode: B
        dimensions:
          - id: P
          - id: Q
      - id: C
        dimensions:
          - id: P
    items:
      - id: a1
        construct: A
        dimension: P
      - id: a2
        construct: A
        dimension: Q
      - id: a3
        construct: A
        dimension: Q
      - id: c1
        construct: C
        dimension: P
      - id: c2
        construct: C
    """

  @Test("the construct's mode at both levels; fewer than two dimensions stay first-order")
  func modesAndSingleDimension() throws {
    let codebook = try Codebook(yaml: Self.yaml, source: "t.yaml")
    let a = try #require(codebook.construct("A"))
    #expect(
      try codebook.dimensionStatements(of: a) == ["A_P <~ a1", "A_Q <~ a2 + a3", "A <~ A_P + A_Q"])
    let c = try #require(codebook.construct("C"))
    #expect(try codebook.dimensionStatements(of: c) == nil)
  }

  @Test("an item without a dimension in a construct with dimensions is an error naming it")
  func itemWithoutDimension() throws {
    let yaml = Self.yaml.replacingOccurrences(
      of: "  - id: a3\n    construct: A\n    dimension: Q\n", with: "  - id: a3\n    construct: A\n"
    )
    let codebook = try Codebook(yaml: yaml, source: "t.yaml")
    let a = try #require(codebook.construct("A"))
    #expect(
      throws: CodebookError.itemWithoutDimension(source: "t.yaml", item: "a3", construct: "A")
    ) {
      try codebook.dimensionStatements(of: a, source: "t.yaml")
    }
  }
}
