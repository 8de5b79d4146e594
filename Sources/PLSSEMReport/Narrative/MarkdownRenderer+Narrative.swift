/// The results in words in Markdown.
extension MarkdownRenderer {
  /// The narrative as a `##` heading, a `###` heading and a paragraph per paragraph, the
  /// hypothesis table and one list item per hypothesis after the hypotheses paragraph, and the
  /// references it cites.
  public static func render(_ narrative: ReportNarrative) -> String {
    var out = "## " + escape(narrative.title) + "\n"
    for paragraph in narrative.paragraphs {
      out += "\n### " + escape(paragraph.title) + "\n\n" + escape(paragraph.text) + "\n"
      if paragraph.id == "hypotheses" {
        if let table = narrative.hypothesisTable { out += "\n" + render(table, level: 4) }
        if !narrative.hypothesisSentences.isEmpty {
          out += "\n" + narrative.hypothesisSentences.map { "- " + escape($0) + "\n" }.joined()
        }
      }
    }
    if !narrative.references.isEmpty {
      out += "\n#### " + escape(narrative.referencesTitle) + "\n\n"
      out += narrative.references.map { "- " + escape($0) + "\n" }.joined()
    }
    return out
  }
}
