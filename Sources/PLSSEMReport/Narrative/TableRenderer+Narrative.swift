/// The results in words in the text report (`--format table`).
extension TableRenderer {
  /// The narrative as plain text within ``width`` columns: its title underlined, each
  /// paragraph's title and its text, the hypothesis table (abbreviated for width like every
  /// table) and one `- ` line per hypothesis after the hypotheses paragraph, and the references.
  public static func render(_ narrative: ReportNarrative) -> String {
    var out = narrative.title + "\n" + String(repeating: "=", count: narrative.title.count) + "\n"
    var printedNotes = Set<String>()
    var omitted: [String] = []
    for paragraph in narrative.paragraphs {
      out += "\n" + paragraph.title + "\n" + wrap(paragraph.text, hanging: 0)
      if paragraph.id == "hypotheses" {
        if let table = narrative.hypothesisTable {
          out += "\n" + render(table, printedNotes: &printedNotes, omitted: &omitted)
        }
        if !narrative.hypothesisSentences.isEmpty {
          out += "\n" + narrative.hypothesisSentences.map { wrap("- " + $0) }.joined()
        }
      }
    }
    if !omitted.isEmpty {
      out += "\n" + wrap("Not shown here (\(elsewhere)): \(omitted.joined(separator: "; ")).")
    }
    if !narrative.references.isEmpty {
      out += "\n" + narrative.referencesTitle + "\n"
      out += narrative.references.map { wrap("- " + $0) }.joined()
    }
    return out
  }
}
