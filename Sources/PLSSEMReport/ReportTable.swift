/// A table of a report in a form every human-readable renderer shares (Markdown, HTML): a
/// title, column headers with alignment, and rows of already formatted cells, each optionally
/// carrying a threshold verdict to highlight. Built by ``EstimationReport/tables()``; holds
/// text, not numbers.
public struct ReportTable: Sendable, Equatable {
  /// A column: its header and alignment.
  public struct Column: Sendable, Equatable {
    /// The header text.
    public var header: String
    /// Whether the column holds numbers (right-aligned).
    public var numeric: Bool

    /// A column headed `header`; `numeric` columns are right-aligned.
    public init(_ header: String, numeric: Bool = true) {
      self.header = header
      self.numeric = numeric
    }
  }

  /// One formatted cell.
  public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The text, without any threshold marker.
    public var text: String
    /// The verdict of a thresholded value, nil when the value is not judged.
    public var verdict: ThresholdVerdict?
    /// Why the value is flagged (the threshold), for tooltips.
    public var note: String?
    /// Shown emphasised (e.g. the diagonal of the Fornell–Larcker table).
    public var emphasized: Bool

    /// A cell showing `text`, optionally with a verdict, its reason and emphasis.
    public init(
      _ text: String, verdict: ThresholdVerdict? = nil, note: String? = nil,
      emphasized: Bool = false
    ) {
      self.text = text
      self.verdict = verdict
      self.note = note
      self.emphasized = emphasized
    }

    /// A plain cell.
    public init(stringLiteral value: String) {
      self.init(value)
    }

    /// The text with the verdict's marker (`!` caution, `!!` misses), for plain-text formats.
    public var markedText: String {
      guard let verdict, verdict != .meets else { return text }
      return text + verdict.marker
    }
  }

  /// A stable identifier (also the HTML anchor), e.g. `paths`.
  public var id: String
  /// The title, e.g. "Structural model: path coefficients".
  public var title: String
  /// The columns.
  public var columns: [Column]
  /// The rows, each with one cell per column.
  public var rows: [[Cell]]
  /// Notes printed under the table.
  public var notes: [String]

  /// A table from its parts.
  public init(id: String, title: String, columns: [Column], rows: [[Cell]], notes: [String] = []) {
    self.id = id
    self.title = title
    self.columns = columns
    self.rows = rows
    self.notes = notes
  }
}
