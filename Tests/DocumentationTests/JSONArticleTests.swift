import PLSSEM
import PLSSEMReport
import TestSupport
import Testing

/// The DocC article *The JSON report* (`Sources/PLSSEMReport/PLSSEMReport.docc/TheJSONReport.md`)
/// names every top-level key the JSON report writes, so that a key added to the report without
/// its documentation fails here.
@Suite("The JSON report article")
struct JSONArticleTests {
  @Test("every top-level key of a complete report (bootstrap, Q², PLSpredict) is documented")
  func everyTopLevelKeyIsDocumented() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let assessment = try PLSAssessment(estimate: estimate, options: .complete(seed: 1))
    let bootstrap = try Bootstrapper(settings: BootstrapSettings(resamples: 50, seed: 1)).result(
      estimate)
    let report = EstimationReport(
      estimate: estimate, assessment: assessment, bootstrap: bootstrap,
      dataSource: ExampleData.corpRepData, modelSource: ExampleData.corpRepSimpleModel)
    guard case .object(let members) = report.json() else {
      Issue.record("the JSON report is not an object")
      return
    }
    let article = try Repository.text("Sources/PLSSEMReport/PLSSEMReport.docc/TheJSONReport.md")
    #expect(members.count > 10)
    for (key, _) in members {
      #expect(
        article.contains("`\(key)`"),
        "TheJSONReport.md does not document the top-level key `\(key)`")
    }
  }

  @Test("the simple slopes and interaction settings of a moderation model are documented")
  func simpleSlopesAreDocumented() throws {
    let estimate = try PLSEstimator().estimate(
      try ExampleData.model("examples/corporate-reputation/moderation.model"),
      data: try ExampleData.corpRep())
    let report = EstimationReport(
      estimate: estimate, dataSource: ExampleData.corpRepData,
      modelSource: "examples/corporate-reputation/moderation.model")
    guard case .object(let members) = report.json(),
      case .array(let slopes) = members.first(where: { $0.0 == "simpleSlopes" })?.1,
      case .object(let first) = slopes.first,
      case .object(let settings) = members.first(where: { $0.0 == "settings" })?.1
    else {
      Issue.record("no simpleSlopes or settings")
      return
    }
    #expect(slopes.count == 3)
    let article = try Repository.text("Sources/PLSSEMReport/PLSSEMReport.docc/TheJSONReport.md")
    for (field, _) in first + settings {
      #expect(article.contains("`\(field)`"), "TheJSONReport.md does not document `\(field)`")
    }
  }

  @Test("every top-level key of the multi-group JSON (plssem.mga/1) is documented")
  func everyMultiGroupKeyIsDocumented() throws {
    let data = try ExampleData.corpRep()
    let model = try ExampleData.model(ExampleData.corpRepSimpleModel)
    let split = try GroupSplit(data: data, column: "servicetype", model: model)
    let result = try MultiGroupAnalysis(
      settings: MultiGroupSettings(permutations: 5, resamples: 5, seed: 1)
    ).run(model, groups: split)
    let report = MultiGroupReport(
      result: result, groupReports: [], dataSource: ExampleData.corpRepData,
      modelSource: ExampleData.corpRepSimpleModel)
    guard case .object(let members) = report.json() else {
      Issue.record("the MGA JSON is not an object")
      return
    }
    let article = try Repository.text("Sources/PLSSEMReport/PLSSEMReport.docc/TheJSONReport.md")
    for (key, value) in members {
      #expect(article.contains("`\(key)`"), "TheJSONReport.md does not document `\(key)`")
      if case .object(let inner) = value {
        for (field, _) in inner {
          #expect(article.contains("`\(field)`"), "TheJSONReport.md does not document `\(field)`")
        }
      }
    }
    guard case .array(let differences) = members.first(where: { $0.0 == "differences" })?.1,
      case .object(let first) = differences.first
    else {
      Issue.record("no differences")
      return
    }
    for (field, _) in first {
      #expect(article.contains("`\(field)`"), "TheJSONReport.md does not document `\(field)`")
    }
  }

  @Test("the narrative's keys (with --narrative) are documented")
  func narrativeKeysAreDocumented() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let bootstrap = try Bootstrapper(settings: BootstrapSettings(resamples: 50, seed: 1)).result(
      estimate)
    var report = EstimationReport(
      estimate: estimate, bootstrap: bootstrap, dataSource: ExampleData.corpRepData,
      modelSource: ExampleData.corpRepSimpleModel)
    report.narrativeLanguage = .indonesian
    guard case .object(let members) = report.json(),
      case .object(let narrative) = members.first(where: { $0.0 == "narrative" })?.1,
      case .array(let paragraphs) = narrative.first(where: { $0.0 == "paragraphs" })?.1,
      case .object(let paragraph) = paragraphs.first,
      case .object(let table) = narrative.first(where: { $0.0 == "hypothesisTable" })?.1
    else {
      Issue.record("no narrative object with paragraphs and a hypothesis table")
      return
    }
    let article = try Repository.text("Sources/PLSSEMReport/PLSSEMReport.docc/TheJSONReport.md")
    for (key, _) in narrative + paragraph + table {
      #expect(article.contains("`\(key)`"), "TheJSONReport.md does not document `\(key)`")
    }
  }
}
