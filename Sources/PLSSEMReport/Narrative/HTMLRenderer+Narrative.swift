/// The results in words in the HTML report.
extension HTMLRenderer {
  /// The narrative's section body: in a `div` with the narrative's `lang`, an `h3` and a
  /// paragraph per paragraph, the hypothesis table and a list of one sentence per hypothesis
  /// after the hypotheses paragraph, and the references it cites.
  static func narrativeSection(_ narrative: ReportNarrative) -> String {
    var out = "<div class=\"narrative\" lang=\"\(narrative.language.code)\">\n"
    for paragraph in narrative.paragraphs {
      out += "<h3 id=\"narrative-\(paragraph.id)\">\(Markup.escape(paragraph.title))</h3>\n"
      out += "<p>\(Markup.escape(paragraph.text))</p>\n"
      if paragraph.id == "hypotheses" {
        if let table = narrative.hypothesisTable { out += render(table, level: 4, heading: false) }
        if !narrative.hypothesisSentences.isEmpty {
          out += "<ul class=\"hypotheses\">\n"
          for sentence in narrative.hypothesisSentences {
            out += "<li>\(Markup.escape(sentence))</li>\n"
          }
          out += "</ul>\n"
        }
      }
    }
    if !narrative.references.isEmpty {
      out += "<h4>\(Markup.escape(narrative.referencesTitle))</h4>\n<ol class=\"references\">\n"
      for reference in narrative.references { out += "<li>\(Markup.escape(reference))</li>\n" }
      out += "</ol>\n"
    }
    return out + "</div>\n"
  }
}
