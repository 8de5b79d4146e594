/// The results of an estimate in words, in one language (``NarrativeLanguage``): paragraphs on
/// the measurement model, the structural model, the hypotheses (with a table) and mediation,
/// as a thesis or paper reports them. Built by ``EstimationReport/narrative(_:thresholds:)``
/// from the report document's tables, so every number in it is a number the tables show,
/// written with the report's number formatting in the language's decimal separator.
///
/// It computes nothing: significance comes from the bootstrap (and is not claimed without
/// one), verdicts from ``QualityThresholds``, the type of mediation from the specific indirect
/// effect's interval and the direct path's test (Zhao, Lynch & Chen 2010).
public struct ReportNarrative: Sendable, Equatable {
  /// A paragraph: a stable identifier, a heading and its sentences.
  public struct Paragraph: Sendable, Equatable {
    /// `admissibility`, `measurement`, `structural`, `hypotheses` or `mediation`.
    public var id: String
    /// The heading in the narrative's language.
    public var title: String
    /// The sentences, each ending with a full stop.
    public var sentences: [String]

    /// A paragraph from its parts.
    public init(id: String, title: String, sentences: [String]) {
      self.id = id
      self.title = title
      self.sentences = sentences
    }

    /// The sentences joined by spaces.
    public var text: String { sentences.joined(separator: " ") }
  }

  /// The language.
  public var language: NarrativeLanguage
  /// The heading of the whole narrative, e.g. "Hasil penelitian dalam kalimat".
  public var title: String
  /// The paragraphs in reading order.
  public var paragraphs: [Paragraph]
  /// The hypotheses (or, when the model names none, the structural paths) with their
  /// estimate, t, p, interval and decision; shown after the `hypotheses` paragraph.
  public var hypothesisTable: ReportTable?
  /// One sentence per hypothesis, e.g. "X2 berpengaruh positif dan signifikan terhadap X3
  /// (β = 0,593; t = 9,35; p < 0,001); H1 diterima."; shown under the table.
  public var hypothesisSentences: [String]
  /// The full references of the sources the narrative cites beyond the rules of thumb
  /// (``QualityThresholds/references``), e.g. Zhao, Lynch & Chen (2010).
  public var references: [String]
  /// The heading of ``references`` ("References", "Referensi").
  public var referencesTitle: String

  /// A narrative from its parts.
  public init(
    language: NarrativeLanguage, title: String, paragraphs: [Paragraph],
    hypothesisTable: ReportTable? = nil, hypothesisSentences: [String] = [],
    references: [String] = [], referencesTitle: String = "References"
  ) {
    self.references = references
    self.referencesTitle = referencesTitle
    self.language = language
    self.title = title
    self.paragraphs = paragraphs
    self.hypothesisTable = hypothesisTable
    self.hypothesisSentences = hypothesisSentences
  }

  /// The paragraph with identifier `id`.
  public func paragraph(_ id: String) -> Paragraph? {
    paragraphs.first { $0.id == id }
  }

  /// Every sentence, in reading order (paragraphs, then the hypothesis sentences after the
  /// `hypotheses` paragraph), for searching and plain-text output.
  public var sentences: [String] {
    var all: [String] = []
    for paragraph in paragraphs {
      all += paragraph.sentences
      if paragraph.id == "hypotheses" { all += hypothesisSentences }
    }
    return all
  }
}
