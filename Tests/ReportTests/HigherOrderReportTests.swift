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
}
