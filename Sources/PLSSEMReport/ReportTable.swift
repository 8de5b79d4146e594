/// A table of a ``ReportDocument``: a title, typed columns and rows of cells that carry both the
/// value and its formatted text. Every format renders the same tables: the human-readable ones
/// (text, Markdown, HTML) show the cells' text with their verdicts, the long CSV writes one
/// record per statistic cell with its full-precision value and inference.
public struct ReportTable: Sendable, Equatable {
  /// Where a statistic's values go in the long CSV (``CSVRenderer``): its `table` and
  /// `statistic` fields.
  public struct LongForm: Sendable, Equatable {
    /// The CSV `table` field, e.g. `paths`.
    public var table: String
    /// The CSV `statistic` field, e.g. `path`.
    public var statistic: String

    /// A CSV table and statistic name.
    public init(table: String, statistic: String) {
      self.table = table
      self.statistic = statistic
    }
  }

  /// One part of the bootstrap inference of a statistic, shown in its own column.
  public enum InferencePart: String, Sendable, Equatable {
    /// The bootstrap mean.
    case bootstrapMean
    /// The bootstrap standard error.
    case standardError
    /// The t statistic.
    case t
    /// The p-value with its significance stars.
    case p
    /// The confidence interval.
    case interval
  }

  /// A column: its header, what its cells hold, alignment and whether the 80-column text table
  /// may leave it out.
  public struct Column: Sendable, Equatable {
    /// What a column's cells hold.
    public enum Content: Sendable, Equatable {
      /// Names or other text (constructs, indicators, paths, modes).
      case label
      /// A statistic: each cell carries its value and, when bootstrapped, its inference.
      /// `longForm` says where the long CSV writes it; nil for a value shown for context
      /// only (it is written elsewhere).
      case statistic(LongForm?)
      /// A part of the inference of the nearest statistic column to its left; display only
      /// (the CSV writes the inference with the statistic).
      case inference(InferencePart)
    }

    /// The header text.
    public var header: String
    /// Whether the column holds numbers (right-aligned).
    public var numeric: Bool
    /// What the cells hold.
    public var content: Content
    /// Whether the 80-column text table keeps it when the table is too wide (it then names
    /// the columns it left out and where they are).
    public var essential: Bool

    /// A column headed `header`; `numeric` columns are right-aligned.
    public init(
      _ header: String, numeric: Bool = true, content: Content? = nil, essential: Bool = true
    ) {
      self.header = header
      self.numeric = numeric
      self.content = content ?? (numeric ? .statistic(nil) : .label)
      self.essential = essential
    }

    /// A label column (left-aligned text).
    public static func label(_ header: String) -> Column {
      Column(header, numeric: false, content: .label)
    }

    /// A statistic column, written to the long CSV as `table`/`statistic` when given.
    public static func statistic(
      _ header: String, table: String? = nil, statistic: String? = nil, essential: Bool = true
    ) -> Column {
      let longForm = table.flatMap { t in statistic.map { LongForm(table: t, statistic: $0) } }
      return Column(header, content: .statistic(longForm), essential: essential)
    }

    /// An inference column.
    public static func inference(_ header: String, _ part: InferencePart) -> Column {
      Column(header, content: .inference(part))
    }
  }

  /// What a row or cell is about, for the long CSV's `from`, `to` and `via` fields.
  public struct Subject: Sendable, Equatable {
    /// Predictor, construct or row construct.
    public var from: String
    /// Outcome, indicator or column construct; empty when one name suffices.
    public var to: String
    /// The intermediate constructs of a specific indirect effect, joined by `->`.
    public var via: String

    /// A subject from its parts.
    public init(_ from: String = "", to: String = "", via: String = "") {
      self.from = from
      self.to = to
      self.via = via
    }
  }

  /// Bootstrap inference of one statistic as the reports show it: nil where a value does not
  /// apply (t, p and the interval of a statistic fixed by construction).
  public struct Inference: Sendable, Equatable {
    /// The bootstrap mean.
    public var bootstrapMean: Double?
    /// The bootstrap standard error.
    public var standardError: Double?
    /// The t statistic.
    public var t: Double?
    /// The p-value.
    public var p: Double?
    /// The lower confidence limit.
    public var ciLower: Double?
    /// The upper confidence limit.
    public var ciUpper: Double?

    /// Inference from its parts.
    public init(
      bootstrapMean: Double?, standardError: Double?, t: Double?, p: Double?, ciLower: Double?,
      ciUpper: Double?
    ) {
      self.bootstrapMean = bootstrapMean
      self.standardError = standardError
      self.t = t
      self.p = p
      self.ciLower = ciLower
      self.ciUpper = ciUpper
    }
  }

  /// One cell: its text and, for statistics, the value behind it.
  public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The text, without any threshold marker.
    public var text: String
    /// The value of a statistic cell (full precision); nil for text and for undefined values.
    public var value: Double?
    /// The bootstrap inference of a statistic cell, when bootstrapped.
    public var inference: Inference?
    /// The verdict of a thresholded value, nil when the value is not judged.
    public var verdict: ThresholdVerdict?
    /// Why the value is judged (the rule), for tooltips.
    public var note: String?
    /// Shown emphasised (e.g. the diagonal of the Fornell–Larcker table).
    public var emphasized: Bool
    /// What the cell is about when it differs from its row's subject (matrix cells).
    public var subject: Subject?

    /// A cell showing `text`, optionally with a value, inference, verdict, its reason and
    /// emphasis.
    public init(
      _ text: String, value: Double? = nil, inference: Inference? = nil,
      verdict: ThresholdVerdict? = nil, note: String? = nil, emphasized: Bool = false,
      subject: Subject? = nil
    ) {
      self.text = text
      self.value = value
      self.inference = inference
      self.verdict = verdict
      self.note = note
      self.emphasized = emphasized
      self.subject = subject
    }

    /// A plain cell.
    public init(stringLiteral value: String) {
      self.init(value)
    }

    /// An empty cell: nothing applies here (the CSV writes no record for it).
    public static let blank = Cell("")

    /// Whether the cell is empty (no text, no value).
    public var isBlank: Bool { text.isEmpty && value == nil }

    /// The text with the verdict's marker (`!` caution, `!!` misses), for plain-text formats.
    public var markedText: String {
      guard let verdict, verdict != .meets else { return text }
      return text + verdict.marker
    }
  }

  /// A row: what it is about and its cells, one per column.
  public struct Row: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// What the row is about (the CSV's `from`, `to`, `via`).
    public var subject: Subject
    /// The cells, one per column.
    public var cells: [Cell]

    /// A row from its subject and cells.
    public init(_ subject: Subject = Subject(), _ cells: [Cell]) {
      self.subject = subject
      self.cells = cells
    }

    /// A row of cells without a subject.
    public init(arrayLiteral cells: Cell...) {
      self.init(Subject(), cells)
    }
  }

  /// A stable identifier (also the HTML anchor), e.g. `paths`.
  public var id: String
  /// The title, e.g. "Path coefficients".
  public var title: String
  /// The columns.
  public var columns: [Column]
  /// The rows, each with one cell per column.
  public var rows: [Row]
  /// Notes printed under the table.
  public var notes: [String]
  /// A detail table (cross-loadings, construct correlations): the 80-column text table lists
  /// it by name instead of printing it.
  public var detail: Bool

  /// A table from its parts.
  public init(
    id: String, title: String, columns: [Column], rows: [Row], notes: [String] = [],
    detail: Bool = false
  ) {
    self.id = id
    self.title = title
    self.columns = columns
    self.rows = rows
    self.notes = notes
    self.detail = detail
  }

  /// Whether it is a construct × construct (or indicator × construct) matrix: its cells name
  /// their own row and column (``Cell/subject``).
  public var isMatrix: Bool {
    rows.contains { row in row.cells.contains { $0.subject != nil } }
  }

  /// The CSV tables its statistic columns write to, in column order, without repeats.
  public var longFormTables: [String] {
    var seen: [String] = []
    for column in columns {
      if case .statistic(let longForm?) = column.content, !seen.contains(longForm.table) {
        seen.append(longForm.table)
      }
    }
    return seen
  }
}
