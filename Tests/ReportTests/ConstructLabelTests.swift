import Foundation
import PLSSEM
import PLSSEMReport
import Testing

/// `--labels`: construct names from a codebook in the tables and the path diagram, ids in the
/// machine formats' keys.
@Suite("Construct labels")
struct ConstructLabelTests {
  static func labelled() throws -> EstimationReport {
    var report = try CorpRep.plain()
    report.constructLabels = ["COMP": "Kompetensi", "CUSA": "Kepuasan pelanggan"]
    return report
  }

  @Test("the text, Markdown and HTML tables and the diagram show the labels")
  func tablesAndDiagram() throws {
    let report = try Self.labelled()
    let table = TableRenderer.render(report)
    #expect(table.contains("Kompetensi → Kepuasan pelanggan"))
    #expect(table.contains("LIKE → Kepuasan pelanggan"))
    #expect(!table.contains("COMP → CUSA"))
    #expect(MarkdownRenderer.render(report).contains("Kompetensi → Kepuasan pelanggan"))
    let svg = PathDiagram(report: report).svg()
    #expect(svg.contains(">Kompetensi<"))
    #expect(svg.contains("Kompetensi (COMP): Mode A"))
  }

  @Test("the JSON and the CSV's keys keep the construct names")
  func machineFormats() throws {
    let report = try Self.labelled()
    let json = report.json().rendered()
    #expect(!json.contains("Kompetensi"))
    #expect(json == (try CorpRep.plain()).json().rendered())
    let csv = CSVRenderer.render(report)
    #expect(csv.contains("COMP"))
  }
}
