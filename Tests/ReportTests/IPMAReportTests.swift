import Foundation
import PLSSEM
import TestSupport
import Testing

@testable import PLSSEMReport

/// The importance–performance map in the report: the JSON's `ipma` key as the contract states
/// it, the section in every format, and the map in the HTML.
@Suite("IPMA in the report")
struct IPMAReportTests {
  static func report() throws -> EstimationReport { try ReportDocumentTests.ipmaReport.get() }

  @Test("JSON: ipma {target, constructs, indicators} with the engine's values; null without")
  func json() throws {
    let report = try Self.report()
    let ipma = try #require(report.ipma)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
    let json = try #require(object["ipma"] as? [String: Any])
    #expect(Set(json.keys) == ["target", "constructs", "indicators"])
    #expect(json["target"] as? String == "CUSL")
    let constructs = try #require(json["constructs"] as? [[String: Any]])
    #expect(constructs.map { $0["construct"] as? String } == ipma.constructs.map(\.construct))
    for (row, c) in zip(constructs, ipma.constructs) {
      #expect(Set(row.keys) == ["construct", "importance", "performance"])
      // Foundation's JSON parser may miss the last bit; the text is the shortest round trip.
      expectClose(
        row["importance"] as? Double, c.importance, tolerance: 1e-15, measure: .relative, "")
      expectClose(
        row["performance"] as? Double, c.performance, tolerance: 1e-15, measure: .relative, "")
    }
    let indicators = try #require(json["indicators"] as? [[String: Any]])
    #expect(indicators.count == ipma.indicators.count)
    #expect(
      Set(indicators.first?.keys.map { $0 } ?? [])
        == ["construct", "indicator", "importance", "performance"])
    let plain = try #require(
      JSONSerialization.jsonObject(with: Data(CorpRep.plain().json().rendered().utf8))
        as? [String: Any])
    #expect(plain["ipma"] is NSNull)
  }

  @Test("every format has the section; the warning about QUAL's negative weight too")
  func formats() throws {
    let report = try Self.report()
    let document = report.document()
    #expect(document.sections.last?.id == "ipma")
    let text = TableRenderer.render(document)
    let markdown = MarkdownRenderer.render(document)
    let csv = CSVRenderer.render(document)
    let html = HTMLRenderer.render(report)
    for output in [text, markdown, html] {
      #expect(output.contains("Importance–performance map (target CUSL)"))
      #expect(output.contains("ipma-negative-weight") || output.contains("negative outer weight"))
    }
    let records = CSVTests.rows(csv)
    let importance = records.filter { $0["table"] == "ipma" && $0["statistic"] == "importance" }
    #expect(importance.map { $0["from"] ?? "" } == report.ipma?.constructs.map(\.construct))
    #expect(importance.allSatisfy { $0["to"] == "CUSL" })
    #expect(records.contains { $0["table"] == "ipma_indicators" && $0["to"] == "qual_4" })
  }

  @Test("the HTML map: one labelled point per construct, mean lines, well-formed, no script")
  func map() throws {
    var report = try Self.report()
    report.constructLabels = ["LIKE": "Likeability <&>", "CUSA": "Satisfaction"]
    let html = HTMLRenderer.render(report)
    let xml = XMLCheck(html)
    #expect(xml.wellFormed, "\(xml.error ?? "")")
    #expect(!html.contains("<script"))
    let svg = try #require(
      html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ipma-map\"").map {
        String(html[$0.lowerBound...].prefix { _ in true })
      })
    let map = String(svg[..<(svg.range(of: "</svg>")?.upperBound ?? svg.endIndex)])
    #expect(map.components(separatedBy: "<circle").count - 1 == report.ipma?.constructs.count)
    #expect(map.contains("Likeability &lt;&amp;&gt;"))
    #expect(map.contains(">Satisfaction</text>"))
    #expect(map.contains("mean importance") && map.contains("mean performance"))
    #expect(map.contains("Importance (total effect on CUSL)"))
    // Every point lies inside the plot area.
    let pattern = /<circle cx="([0-9.\-]+)" cy="([0-9.\-]+)"/
    for match in map.matches(of: pattern) {
      let x = Double(match.1) ?? -1
      let y = Double(match.2) ?? -1
      let layout = IPMAMap.layout
      #expect(x >= layout.left && x <= layout.width - layout.right)
      #expect(y >= layout.top && y <= layout.height - layout.bottom)
    }
  }
}

/// The common method bias checks in the report: JSON `cmb`, verdicts by the thresholds.
@Suite("Common method bias in the report")
struct CMBReportTests {
  @Test("JSON cmb {fullCollinearityVIF: [{construct, vif}], harman: {firstFactorShare}}")
  func json() throws {
    let report = try ReportDocumentTests.ipmaReport.get()
    let cmb = try #require(report.commonMethodBias)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
    let json = try #require(object["cmb"] as? [String: Any])
    let vifs = try #require(json["fullCollinearityVIF"] as? [[String: Any]])
    #expect(vifs.map { $0["construct"] as? String } == cmb.fullCollinearityVIF.map(\.construct))
    #expect(vifs.allSatisfy { Set($0.keys) == ["construct", "vif"] })
    let harman = try #require(json["harman"] as? [String: Any])
    expectClose(
      harman["firstFactorShare"] as? Double, cmb.harmanFirstFactorShare, tolerance: 1e-15,
      measure: .relative, "share")
  }

  @Test("verdicts: VIF > 3.3 and a share ≥ 50 % miss; moving the limits moves them")
  func verdicts() throws {
    let report = try ReportDocumentTests.ipmaReport.get()
    let table = try #require(report.document().table("cmb-vif"))
    let qual = try #require(table.rows.first { $0.subject.from == "QUAL" })
    #expect(qual.cells[1].verdict == .misses)  // 4.28 > 3.3
    let cusa = try #require(table.rows.first { $0.subject.from == "CUSA" })
    #expect(cusa.cells[1].verdict == .meets)  // 2.02
    var lenient = QualityThresholds.standard
    lenient.fullCollinearityVIF = 5
    lenient.harmanShare = 0.4
    let moved = report.document(thresholds: lenient)
    let qualMoved = try #require(moved.table("cmb-vif")?.rows.first { $0.subject.from == "QUAL" })
    #expect(qualMoved.cells[1].verdict == .meets)
    #expect(moved.table("cmb-harman")?.rows.first?.cells[2].verdict == .misses)  // 0.408 ≥ 0.4
    #expect(report.document().table("cmb-harman")?.rows.first?.cells[2].verdict == .meets)
    #expect(moved.rules.contains { $0.id == "cmb-vif" && $0.rule.contains("5") })
  }
}
