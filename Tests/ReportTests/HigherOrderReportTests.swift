import Foundation
import PLSSEM
import TestSupport
import Testing

@testable import PLSSEMReport

/// A two-stage estimate of a higher-order construct in the report: the summary says which
/// stage each number comes from; the lower-order constructs' measurement is a section of its
/// own, from stage 1; the JSON carries it under `higherOrder`.
@Suite("Report of higher-order constructs")
struct HigherOrderReportTests {
  static let model = """
    Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    Expectation =~ CUEX1 + CUEX2 + CUEX3
    Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
    Value <~ PERV1 + PERV2
    Satisfaction =~ Image + Value
    Complaints =~ CUSCO
    Loyalty =~ CUSL1 + CUSL2 + CUSL3
    Satisfaction ~ Expectation + Quality
    Complaints + Loyalty ~ Satisfaction
    """

  /// ECSI mobi with Satisfaction = Image + Value, two stages, bootstrapped (100 resamples).
  static let report = Result {
    let estimate = try PLSEstimator().estimate(
      PathModel(syntax: model), data: ExampleData.mobi())
    var report = EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
      bootstrap: try Bootstrapper(settings: BootstrapSettings(resamples: 100, seed: 4)).result(
        estimate),
      dataSource: ExampleData.mobiData, modelSource: "hoc.model")
    report.modelText = model
    if let first = estimate.higherOrder?.firstStage {
      report.firstStageAssessment = try PLSAssessment(estimate: first)
    }
    return report
  }

  @Test("stage 2 in the main tables, the dimensions' stage-1 measurement in its own section")
  func sections() throws {
    let report = try Self.report.get()
    let first = try #require(report.estimate.higherOrder?.firstStage)
    let document = report.document()
    #expect(
      document.summary.contains {
        $0.contains("disjoint two-stage") && $0.contains("Satisfaction =~ Image + Value")
      })
    let section = try #require(document.sections.first { $0.id == "lower-order" })
    #expect(
      section.tables.map(\.id) == [
        "stage1-loadings", "stage1-weights", "stage1-reliability", "stage1-htmt",
      ])
    let loadings = section.tables[0]
    #expect(Set(loadings.rows.map(\.subject.from)) == ["Image", "Value"])
    #expect(loadings.rows.count == 7)
    // The stage-1 loadings, as the stage-1 estimate has them.
    for row in loadings.rows {
      let value = try #require(row.cells[2].value)
      #expect(value == first.loading(row.subject.to))
    }
    #expect(Set(section.tables[2].rows.map(\.subject.from)) == ["Image", "Value"])
    // The HOC's own measurement (stage 2): Image and Value are Satisfaction's indicators.
    let main = try #require(document.tables.first { $0.id == "loadings" })
    #expect(main.rows.contains { $0.subject.from == "Satisfaction" && $0.subject.to == "Image" })
    // Every format shows the section.
    #expect(MarkdownRenderer.render(document).contains("Lower-order constructs (stage 1)"))
    #expect(HTMLRenderer.render(document).contains("stage1-loadings"))
    #expect(CSVRenderer.render(document).contains("stage1_loadings"))
  }

  @Test("JSON: higherOrder with the method, the HOCs and the dimensions' stage-1 numbers")
  func json() throws {
    let report = try Self.report.get()
    let first = try #require(report.estimate.higherOrder?.firstStage)
    let json = try #require(
      JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
    let hoc = try #require(json["higherOrder"] as? [String: Any])
    #expect(hoc["method"] as? String == "two-stage")
    let constructs = try #require(hoc["constructs"] as? [[String: Any]])
    #expect(constructs.first?["dimensions"] as? [String] == ["Image", "Value"])
    let stage = try #require(hoc["firstStage"] as? [String: Any])
    let weights = try #require(stage["weights"] as? [[String: Any]])
    #expect(weights.count == 7)
    for w in weights {
      let indicator = try #require(w["indicator"] as? String)
      let value = try #require(w["estimate"] as? Double)
      #expect(abs(value - (first.weight(indicator) ?? .nan)) < 1e-12)  // through JSON text
    }
    #expect((stage["reliability"] as? [[String: Any]])?.count == 2)
    // A model without HOCs has no such key.
    let plain = try CorpRep.plain()
    let plainJSON = try #require(
      JSONSerialization.jsonObject(with: Data(plain.json().rendered().utf8)) as? [String: Any])
    #expect(plainJSON["higherOrder"] == nil)
  }

  @Test("the path diagram draws each LOC as an ellipse between its HOC and its indicators")
  func diagram() throws {
    let report = try Self.report.get()
    let first = try #require(report.estimate.higherOrder?.firstStage)
    let diagram = PathDiagram(report: report)
    let ellipses = diagram.nodes.filter { $0.shape == .ellipse }.map(\.name)
    #expect(
      Set(ellipses)
        == ["Image", "Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"])
    let rectangles = diagram.nodes.filter { $0.shape == .rectangle }.map(\.name)
    #expect(rectangles.count == 21)  // every indicator once, no LOC as a rectangle
    #expect(!rectangles.contains("Image") && rectangles.contains("IMAG1"))
    let measurement = diagram.edges.filter { $0.kind == .measurement }
    // Mode A HOC: HOC -> LOC with the stage-2 loading; Mode A LOC: LOC -> indicator (stage 1);
    // Mode B LOC: indicator -> LOC with the stage-1 weight.
    let hocLoc = try #require(measurement.first { $0.from == "Satisfaction" && $0.to == "Image" })
    #expect(hocLoc.label?.lines == [NumberText.fixed(report.estimate.loading("Image"))])
    #expect(hocLoc.significance != .notTested)  // bootstrapped with stage 2
    let locIndicator = try #require(measurement.first { $0.from == "Image" && $0.to == "IMAG1" })
    #expect(locIndicator.label?.lines == [NumberText.fixed(first.loading("IMAG1"))])
    #expect(locIndicator.significance == .notTested)
    let formative = try #require(measurement.first { $0.from == "PERV1" && $0.to == "Value" })
    #expect(formative.label?.lines == [NumberText.fixed(first.weight("PERV1"))])
    // The LOC lies between its HOC and its indicators.
    let box = { (name: String) in diagram.nodes.first { $0.name == name }?.box }
    let hoc = try #require(box("Satisfaction"))
    let loc = try #require(box("Image"))
    let indicator = try #require(box("IMAG1"))
    func distance(_ a: PathDiagram.Box, _ b: PathDiagram.Box) -> Double {
      ((a.center.x - b.center.x) * (a.center.x - b.center.x)
        + (a.center.y - b.center.y) * (a.center.y - b.center.y)).squareRoot()
    }
    #expect(distance(hoc, loc) < distance(hoc, indicator))
    try PathDiagramTests.expectReadable(diagram)
    #expect(XMLCheck(diagram.svg()).wellFormed)
  }

  /// (Repeated indicators: LOCs are ordinary constructs there, drawn by the general layout,
  /// which lets one structural arrow of this model cross a repeated indicator's rectangle.)
  @Test(
    "the LED example's HOC model (four HOCs, nine LOCs) draws readably; also by repeated indicators"
  )
  func ledDiagram() throws {
    for method in HigherOrderMethod.allCases {
      var settings = PLSSettings()
      settings.higherOrder = method
      let text = try Repository.text("examples/led-survey/hoc.model")
      let estimate = try PLSEstimator(settings: settings).estimate(
        PathModel(syntax: text), data: ExampleData.table("examples/led-survey/responses-100.csv"))
      let report = EstimationReport(
        estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
        dataSource: "responses-100.csv", modelSource: "hoc.model")
      let diagram = PathDiagram(report: report)
      #expect(diagram.nodes.filter { $0.shape == .ellipse }.count == 13, "\(method)")
      #expect(XMLCheck(diagram.svg()).wellFormed)
      if method == .twoStage { try PathDiagramTests.expectReadable(diagram) }
    }
  }
}
