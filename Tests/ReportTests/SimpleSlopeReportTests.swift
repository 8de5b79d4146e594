import Foundation
import PLSSEM
import TestSupport
import Testing

@testable import PLSSEMReport

/// Simple slopes in the report: the JSON's `simpleSlopes`, the table in every format, and the
/// simple-slope plot of the HTML report.
@Suite("Simple slopes in the report")
struct SimpleSlopeReportTests {
  static let model = "examples/corporate-reputation/moderation.model"

  static func report(bootstrap: Int = 0, levels: [Double]? = nil) throws -> EstimationReport {
    var settings = PLSSettings()
    if let levels { settings.simpleSlopeLevels = levels }
    let estimate = try PLSEstimator(settings: settings).estimate(
      try ExampleData.model(model), data: try ExampleData.corpRep())
    let result =
      bootstrap > 0
      ? try Bootstrapper(settings: BootstrapSettings(resamples: bootstrap, seed: 1, threads: 2))
        .result(estimate) : nil
    return EstimationReport(
      estimate: estimate, bootstrap: result, dataSource: ExampleData.corpRepData,
      modelSource: model)
  }

  @Test("JSON: simpleSlopes with the engine's slopes and their bootstrap inference; [] without")
  func json() throws {
    let report = try Self.report(bootstrap: 60)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
    let slopes = try #require(object["simpleSlopes"] as? [[String: Any]])
    #expect(slopes.count == 3)
    let engine = report.estimate.simpleSlopes
    for (row, slope) in zip(slopes, engine) {
      #expect(row["interaction"] as? String == "CUSA:SC")
      #expect(row["from"] as? String == "CUSA")
      #expect(row["moderator"] as? String == "SC")
      #expect(row["to"] as? String == "CUSL")
      #expect(row["level"] as? Double == slope.level)
      expectClose(
        row["estimate"] as? Double, slope.estimate, tolerance: 1e-13, measure: .relative, "")
      let se = try #require(report.bootstrap?.statistics[slope.key]?.standardError)
      expectClose(row["se"] as? Double, se, tolerance: 1e-13, measure: .relative, "")
      #expect(row["p"] is Double && row["ciLower"] is Double)
    }
    let settings = try #require(object["settings"] as? [String: Any])
    #expect(settings["simpleSlopeLevels"] as? [Double] == [-1, 0, 1])
    let plain = try #require(
      JSONSerialization.jsonObject(with: Data(CorpRep.plain().json().rendered().utf8))
        as? [String: Any])
    #expect((plain["simpleSlopes"] as? [Any])?.isEmpty == true)
  }

  @Test("the table in every format: one row per level, with SE, t, p and interval")
  func formats() throws {
    let report = try Self.report(bootstrap: 60, levels: [-2, -1, 0, 0.5, 1])
    let document = report.document()
    let table = try #require(
      document.sections.first { $0.id == "structural" }?.tables.first { $0.id == "simple-slopes" })
    #expect(table.rows.count == 5)
    #expect(
      table.rows.map { $0.cells[2].text } == [
        "SC -2 SD", "SC -1 SD", "SC mean", "SC +0.5 SD", "SC +1 SD",
      ])
    #expect(table.rows.map { $0.cells[3].value } == report.estimate.simpleSlopes.map(\.estimate))
    #expect(table.rows.allSatisfy { $0.cells.count == 8 && $0.cells[3].inference?.p != nil })
    let text = TableRenderer.render(document)
    let markdown = MarkdownRenderer.render(document)
    let html = HTMLRenderer.render(report)
    for output in [text, markdown, html] {
      #expect(output.contains("Simple slopes"))
      #expect(output.contains("SC +0.5 SD"))
    }
    let records = CSVTests.rows(CSVRenderer.render(document))
    let slopes = records.filter {
      $0["table"] == "simple_slopes" && $0["statistic"] == "simple_slope"
    }
    #expect(slopes.count == 5)
    #expect(slopes.map { $0["via"] ?? "" } == ["SC=-2", "SC=-1", "SC=0", "SC=0.5", "SC=1"])
    #expect(slopes.allSatisfy { $0["from"] == "CUSA" && $0["to"] == "CUSL" })
    let plain = try CorpRep.plain().document()
    #expect(plain.sections.allSatisfy { $0.tables.allSatisfy { $0.id != "simple-slopes" } })
  }

  /// seminr's `slope_analysis` values on corp rep (two-stage, path weighting): y at x = −1
  /// and +1 for SC at −1, 0, +1 SD (`PLSSEMTests/Fixtures/simple-slopes/
  /// corprep_moderation_two_stage.json`, `plot`).
  static let seminrPlot: [(start: Double, end: Double)] = [
    (-0.608229491061798, 0.4671742640743494),
    (-0.4665691120548246, 0.4665691120548246),
    (-0.32490873304785106, 0.4659639600352997),
  ]

  @Test("the plot's lines end where seminr's slope_analysis puts them")
  func plotValues() throws {
    let plots = SimpleSlopePlot.plots(try Self.report())
    #expect(plots.count == 1)
    let lines = try #require(plots.first?.lines)
    #expect(lines.map(\.level) == [-1, 0, 1])
    for (line, reference) in zip(lines, Self.seminrPlot) {
      expectClose(line.start, reference.start, tolerance: 1e-9, "start at \(line.level)")
      expectClose(line.end, reference.end, tolerance: 1e-9, "end at \(line.level)")
    }
  }

  @Test("the HTML plot: three lines with a legend and axis labels, accessible, well-formed")
  func plotSVG() throws {
    var report = try Self.report()
    report.constructLabels = ["SC": "Switching <costs>", "CUSA": "Satisfaction"]
    let html = HTMLRenderer.render(report)
    let xml = XMLCheck(html)
    #expect(xml.wellFormed, "\(xml.error ?? "")")
    #expect(!html.contains("<script"))
    let start = try #require(
      html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"slope-plot\""))
    let rest = html[start.lowerBound...]
    let svg = String(rest[..<(rest.range(of: "</svg>")?.upperBound ?? rest.endIndex)])
    #expect(
      svg.contains("role=\"img\"")
        && svg.contains("aria-labelledby=\"slopes-1-title slopes-1-desc\""))
    #expect(
      svg.contains(
        "<title id=\"slopes-1-title\">Simple slopes of Satisfaction on CUSL moderated by Switching &lt;costs&gt; (CUSA:SC)</title>"
      ))
    let lines = try #require(svg.range(of: "<g class=\"lines\"")).upperBound
    let body = svg[lines...]
    let group = String(body[..<(body.range(of: "</g>")?.lowerBound ?? body.endIndex)])
    #expect(group.components(separatedBy: "<line ").count - 1 == 3)
    for legend in ["at -1 SD", "at mean", "at +1 SD"] {
      #expect(svg.contains(">Switching &lt;costs&gt; \(legend)</text>"))
    }
    #expect(svg.contains(">Satisfaction (SD from its mean)</text>"))
    #expect(svg.contains(">CUSL (predicted, SD)</text>"))
    #expect(!svg.contains("href"))
    // The figure stands right before the simple-slopes table.
    let figure = try #require(html.range(of: "<figure class=\"slope-figure\">"))
    let heading = try #require(html.range(of: ">Simple slopes</h3>"))
    #expect(figure.lowerBound < heading.lowerBound)
    let plain = HTMLRenderer.render(try CorpRep.plain())
    #expect(!plain.contains("slope-plot"))
  }
}
