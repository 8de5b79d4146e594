import Foundation
import PLSSEM
import TestSupport
import Testing

@testable import PLSSEMReport

@Suite("HTML report")
struct HTMLReportTests {
  @Test func wellFormedAndSelfContained() throws {
    let report = try CorpRep.bootstrapped()
    let html = HTMLRenderer.render(report)
    let xml = XMLCheck(html)
    #expect(xml.wellFormed, "\(xml.error ?? "")")
    let lower = html.lowercased()
    for forbidden in ["<script", "<link", "<iframe", "<img", "src=", "@import", "javascript:"] {
      #expect(!lower.contains(forbidden), "contains \(forbidden)")
    }
    // The only URL is the SVG namespace.
    let urls = lower.components(separatedBy: "http").dropFirst().map { String($0.prefix(28)) }
    #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") }, "\(urls)")
    #expect(xml.count("svg") == 1 && xml.count("style") == 1)
  }

  @Test func sections() throws {
    let report = try CorpRep.bootstrapped()
    let html = HTMLRenderer.render(report)
    let xml = XMLCheck(html)
    for id in [
      "diagram", "model", "data", "structural", "measurement", "thresholds", "paths", "loadings",
      "htmt",
    ] {
      #expect(xml.attributes["id"]?.contains(id) == true, "no #\(id)")
    }
    #expect(xml.text.contains("CUSL ~ COMP + LIKE + CUSA"))  // the model text
    #expect(xml.text.contains("344 observations; 11 missing cells replaced by indicator means"))
    for path in report.estimate.pathList { #expect(xml.text.contains("\(path.from) → \(path.to)")) }
  }

  @Test func thresholdsAreHighlighted() {
    let table = ReportTable(
      id: "t", title: "T", columns: [.init("Pair", numeric: false), .init("HTMT")],
      rows: [
        ["a", .init("0.870", verdict: .caution, note: "≤ 0.85")],
        ["b", .init("0.950", verdict: .misses, note: "≤ 0.85")],
      ])
    let html = HTMLRenderer.render(table)
    #expect(
      html.contains(
        "<td class=\"num caution\" title=\"caution — ≤ 0.85\">0.870<span class=\"marker\">!</span></td>"
      ))
    #expect(
      html.contains(
        "<td class=\"num misses\" title=\"misses — ≤ 0.85\">0.950<span class=\"marker\">!!</span></td>"
      ))
  }

  @Test func namesAreEscaped() throws {
    // Names the model syntax would reject, built in code: everything must still be escaped.
    let a = "A<b>&\"c'"
    let b = "B]]>"
    let names = ["x<1>", "x&2", "y\"1", "y'2"]
    var generator = SeededGenerator(seed: 7)
    let common = (0..<60).map { _ in generator.normal() }
    let columns = names.map { _ in common.map { $0 + 0.7 * generator.normal() } }
    let data = try DataTable(columnNames: names, columns: columns, source: "<data & more>")
    let model = PathModel(
      constructs: [
        .init(name: a, mode: .a, indicators: ["x<1>", "x&2"]),
        .init(name: b, mode: .b, indicators: ["y\"1", "y'2"]),
      ],
      paths: [.init(from: a, to: b)])
    let estimate = try PLSEstimator().estimate(model, data: data)
    var report = EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
      dataSource: "<data & more>",
      modelSource: "</title><script>alert(1)</script>")
    report.modelText = "# <script>alert(2)</script>\n"
    let html = HTMLRenderer.render(report)
    #expect(!html.lowercased().contains("<script"))
    let xml = XMLCheck(html)
    #expect(xml.wellFormed, "\(xml.error ?? "")")
    for text in [a, b] + names + [
      "<data & more>", "</title><script>alert(1)</script>", "<script>alert(2)</script>",
    ] {
      #expect(xml.text.contains(text), "\(text)")
    }
    let svg = XMLCheck(PathDiagram(report: report).svg())
    #expect(svg.wellFormed)
    #expect(svg.text.contains(a) && svg.text.contains("y\"1"))
  }

  @Test func escapeFunction() {
    #expect(Markup.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
    #expect(Markup.escape("bell\u{07}") == "bell\u{FFFD}")
  }
}
