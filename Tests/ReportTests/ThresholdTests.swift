import PLSSEM
import Testing

@testable import PLSSEMReport

/// Every format judges by ``QualityThresholds`` and nothing else: moving a threshold moves the
/// flags and the stated rule in the text table, Markdown and HTML alike, so a renderer that
/// hard-coded a limit would fail here.
@Suite("Thresholds come from one table")
struct ThresholdTests {
  /// The line of the text table's `title` table that starts with `label`.
  static func textRow(_ text: String, table title: String, _ label: String) -> String? {
    guard let start = text.range(of: "\n" + title + "\n") else { return nil }
    return text[start.upperBound...].split(separator: "\n").first {
      $0.hasPrefix("  " + label + " ")
    }.map(String.init)
  }

  @Test func movingAThresholdMovesEveryFormat() throws {
    let report = try CorpRep.plain()
    // Corp rep simple: comp_1 loads 0.858, COMP's alpha is 0.776 and AVE 0.681, HTMT
    // LIKE–COMP is 0.780, the inner VIFs lie between 1.4 and 2.0.
    var strict = QualityThresholds.standard
    strict.loading = 0.86
    strict.reliability = 0.80
    strict.ave = 0.70
    strict.htmtConservative = 0.75
    strict.vifCaution = 1.5
    for (thresholds, flagged) in [(QualityThresholds.standard, false), (strict, true)] {
      let document = report.document(thresholds: thresholds)
      let text = TableRenderer.render(document)
      let markdown = MarkdownRenderer.render(document)
      let html = HTMLRenderer.render(report, thresholds: thresholds)

      let loading = try #require(Self.textRow(text, table: "Outer loadings", "COMP       comp_1"))
      #expect(loading.contains("0.858!") == flagged, "\(loading)")
      #expect(markdown.contains("| COMP | comp_1 | 0.858! |") == flagged)
      #expect(html.contains(">0.858<span class=\"marker\">!</span></td>") == flagged)

      let reliability = try #require(
        Self.textRow(text, table: "Reliability and convergent validity", "COMP"))
      #expect(reliability.contains("0.776!") == flagged, "\(reliability)")
      #expect(reliability.contains("0.681!!") == flagged, "\(reliability)")

      let htmt = try #require(
        Self.textRow(text, table: "Discriminant validity: HTMT", "LIKE       COMP"))
      #expect(htmt.contains("0.780!") == flagged, "\(htmt)")

      let path = try #require(Self.textRow(text, table: "Path coefficients", "COMP → CUSA"))
      #expect(path.contains("1.71!") == flagged, "\(path)")

      // The stated rules follow the numbers.
      let rules = text.replacingOccurrences(of: "\n    ", with: " ")
      #expect(rules.contains("Loadings (Mode A): ≥ \(flagged ? "0.86" : "0.70");"))
      #expect(rules.contains("AVE (Mode A): ≥ \(flagged ? "0.70" : "0.50");"))
      #expect(rules.contains("VIF (outer and inner): < \(flagged ? "1.50" : "3");"))
      #expect(markdown.contains("HTMT: ≤ \(flagged ? "0.75" : "0.85");"))
      #expect(XMLCheck(html).text.contains("HTMT: ≤ \(flagged ? "0.75" : "0.85");"))
    }
  }

  @Test func tooltipsStateTheRule() throws {
    var strict = QualityThresholds.standard
    strict.loading = 0.86
    let report = try CorpRep.plain()
    let html = HTMLRenderer.render(report, thresholds: strict)
    let rule = try #require(strict.rule("loading")).text
    #expect(html.contains("title=\"caution — \(Markup.escape(rule))\">0.858"))
  }

  @Test func modeBBlocksAreNotJudged() throws {
    // The synthetic model's Quality and Service blocks are Mode B: their loadings, reliability
    // and AVE carry no verdict whatever the thresholds.
    let report = try SyntheticModel.report()
    var strict = QualityThresholds.standard
    strict.loading = 0.99
    strict.reliability = 0.99
    strict.reliabilityExploratory = 0.98
    strict.ave = 0.99
    let document = report.document(thresholds: strict)
    let modeB = Set(report.estimate.model.constructs.filter { $0.mode == .b }.map(\.name))
    #expect(!modeB.isEmpty)
    for id in ["loadings", "reliability"] {
      let table = try #require(document.table(id))
      for row in table.rows where modeB.contains(row.subject.from) {
        #expect(row.cells.allSatisfy { $0.verdict == nil }, "\(id) \(row.subject.from)")
      }
      let judged = table.rows.filter { !modeB.contains($0.subject.from) }
      #expect(
        judged.contains { $0.cells.contains { $0.verdict == .misses || $0.verdict == .caution } })
    }
  }

  @Test func verdictsAtTheLimits() {
    let t = QualityThresholds.standard
    #expect(
      t.loading(0.70) == .meets && t.loading(0.6999) == .caution && t.loading(0.3999) == .misses)
    #expect(t.reliability(0.95, indicators: 3) == .meets)
    #expect(t.reliability(0.9501, indicators: 3) == .caution)
    #expect(t.reliability(0.5999, indicators: 3) == .misses)
    #expect(t.reliability(0.1, indicators: 1) == .meets, "single items are not judged")
    #expect(t.ave(0.5) == .meets && t.ave(0.4999) == .misses)
    #expect(t.htmt(0.85) == .meets && t.htmt(0.90) == .caution && t.htmt(0.9001) == .misses)
    #expect(t.vif(2.999) == .meets && t.vif(3) == .caution && t.vif(5) == .misses)
    #expect(t.htmt(.nan) == .meets)
  }
}
