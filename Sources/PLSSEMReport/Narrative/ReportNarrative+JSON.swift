/// The results in words in the JSON report (`narrative`, null without a narrative language).
extension ReportNarrative {
  /// The narrative as JSON: `language` (`id`, `en`), `title`, `paragraphs` (each `id`,
  /// `title`, `sentences`), `hypothesisTable` (null when there is none: its `title`, the
  /// `columns`' headers and the `rows` of cell texts, as the Markdown table shows them),
  /// `hypothesisSentences`, `referencesTitle` and `references`. The texts are the prose of the
  /// other formats, numbers written in the language's notation; the values themselves are
  /// the report's `paths`, `constructs` and so on.
  public var json: JSONValue {
    .object([
      ("language", .string(language.code)),
      ("title", .string(title)),
      (
        "paragraphs",
        .array(
          paragraphs.map {
            .object([
              ("id", .string($0.id)), ("title", .string($0.title)),
              ("sentences", .array($0.sentences.map(JSONValue.string))),
            ])
          })
      ),
      (
        "hypothesisTable",
        hypothesisTable.map { table in
          .object([
            ("title", .string(table.title)),
            ("columns", .array(table.columns.map { .string($0.header) })),
            (
              "rows",
              .array(table.rows.map { row in .array(row.cells.map { .string($0.markedText) }) })
            ),
          ])
        } ?? .null
      ),
      ("hypothesisSentences", .array(hypothesisSentences.map(JSONValue.string))),
      ("referencesTitle", .string(referencesTitle)),
      ("references", .array(references.map(JSONValue.string))),
    ])
  }
}

extension EstimationReport {
  /// `narrative` of the JSON report: the results in words in ``narrativeLanguage``, judged by
  /// the standard thresholds as every format; null without a language.
  var narrativeJSON: JSONValue {
    narrativeLanguage.map { narrative($0).json } ?? .null
  }
}
