import Testing

@testable import PLSSEMReport

@Suite("Markdown output")
struct MarkdownTests {
  @Test func escaping() {
    #expect(MarkdownRenderer.escape("comp_1") == "comp_1")
    #expect(MarkdownRenderer.escape("_x_") == "\\_x\\_")
    #expect(MarkdownRenderer.escape("a|b") == "a\\|b")
    #expect(MarkdownRenderer.escape("<.001***") == "<.001***")
    #expect(MarkdownRenderer.escape("* p < .05") == "\\* p < .05")
    #expect(MarkdownRenderer.escape("a*b*") == "a\\*b\\*")
    #expect(MarkdownRenderer.escape("<b>x</b>") == "\\<b>x\\</b>")
    #expect(MarkdownRenderer.escape("[0.056, 0.285]") == "[0.056, 0.285]")
    #expect(MarkdownRenderer.escape("[x](javascript:y)") == "\\[x\\](javascript:y)")
    #expect(MarkdownRenderer.escape("&amp; & 1") == "&amp;amp; & 1")
    #expect(MarkdownRenderer.escape("> quote") == "\\> quote")
  }

  @Test func tablesAreRectangular() throws {
    let text = try MarkdownRenderer.render(CorpRep.bootstrapped())
    var columns: Int?
    for line in text.split(separator: "\n") {
      guard line.hasPrefix("|") else {
        columns = nil
        continue
      }
      // Unescaped pipes separate cells.
      var count = 0
      var previous: Character = " "
      for c in line {
        if c == "|" && previous != "\\" { count += 1 }
        previous = c
      }
      if let columns { #expect(count == columns, "\(line)") } else { columns = count }
    }
  }

  @Test func flagsThresholds() throws {
    // An invented table row shows how verdicts are marked in text.
    let table = ReportTable(
      id: "t", title: "T", columns: [.init("Name", numeric: false), .init("HTMT")],
      rows: [
        ["a", .init("0.870", verdict: .caution)], ["b", .init("0.950", verdict: .misses)],
        ["c", .init("0.500", verdict: .meets)],
      ])
    let text = MarkdownRenderer.render(table)
    #expect(text.contains("| a | 0.870! |"))
    #expect(text.contains("| b | 0.950!! |"))
    #expect(text.contains("| c | 0.500 |"))
  }
}
