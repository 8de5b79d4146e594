import PLSSEMReport
import Testing

/// The table, CSV and Markdown output on the corp rep simple model against golden files
/// (see Golden/README.md; UPDATE_GOLDEN=1 regenerates them).
@Suite("Golden files: corp rep simple model")
struct GoldenTests {
  @Test func table() throws {
    try Golden.check(TableRenderer.render(CorpRep.plain()), against: "corp-rep-simple.table.txt")
  }

  @Test func csv() throws {
    try Golden.check(
      CSVRenderer.render(CorpRep.plain()), against: "corp-rep-simple.csv", numericTolerance: 1e-9)
  }

  @Test func markdown() throws {
    try Golden.check(MarkdownRenderer.render(CorpRep.plain()), against: "corp-rep-simple.md")
  }

  @Test func bootstrappedTable() throws {
    try Golden.check(
      TableRenderer.render(CorpRep.bootstrapped()), against: "corp-rep-simple-bootstrap.table.txt")
  }

  @Test func bootstrappedCSV() throws {
    try Golden.check(
      CSVRenderer.render(CorpRep.bootstrapped()), against: "corp-rep-simple-bootstrap.csv",
      numericTolerance: 1e-9)
  }

  @Test func bootstrappedMarkdown() throws {
    try Golden.check(
      MarkdownRenderer.render(CorpRep.bootstrapped()), against: "corp-rep-simple-bootstrap.md")
  }
}
