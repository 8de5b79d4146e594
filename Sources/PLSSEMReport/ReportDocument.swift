/// A report as one structured document, built once from the results
/// (``EstimationReport/document(thresholds:)``) and rendered by every format: the 80-column
/// text table (``TableRenderer``), Markdown (``MarkdownRenderer``), HTML (``HTMLRenderer``)
/// and the long CSV (``CSVRenderer``). Whatever the document holds appears in every format;
/// the text table may abbreviate (detail tables, columns that do not fit 80 characters) but
/// then names what it left out and where it is.
///
/// Holds text and values, computes nothing: the values come from the engine, the verdicts and
/// rules of thumb from ``QualityThresholds``.
public struct ReportDocument: Sendable, Equatable {
  /// The title, e.g. "PLS-SEM estimate".
  public var title: String
  /// The analysis in short sentences: files, data, algorithm, bootstrap.
  public var summary: [String]
  /// Key numbers for machines (the CSV's `summary` table), e.g. `observations`.
  public var facts: [Fact]
  /// Warnings and notes about the results: they appear near the top of every format.
  public var diagnostics: [ReportDiagnostic]
  /// The sections, in reading order, each holding tables.
  public var sections: [Section]
  /// The rules of thumb the tables are judged by, listed once at the end.
  public var rules: [QualityRule]
  /// The results in words, when asked for (``EstimationReport/narrativeLanguage``): shown
  /// after the warnings, before the sections.
  public var narrative: ReportNarrative?

  /// A key number of the analysis (observations, iterations, bootstrap resamples, …).
  public struct Fact: Sendable, Equatable {
    /// The machine name (snake_case), e.g. `observations`.
    public var name: String
    /// The value as exact text (a seed may exceed what a `Double` holds), e.g. `344`.
    public var value: String

    /// A fact from its name and value.
    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// A section: a heading over tables.
  public struct Section: Sendable, Equatable {
    /// A stable identifier (the HTML anchor), e.g. `structural`.
    public var id: String
    /// The heading, e.g. "Structural model".
    public var title: String
    /// The tables.
    public var tables: [ReportTable]

    /// A section from its parts.
    public init(id: String, title: String, tables: [ReportTable]) {
      self.id = id
      self.title = title
      self.tables = tables
    }
  }

  /// A document from its parts.
  public init(
    title: String, summary: [String], facts: [Fact] = [], diagnostics: [ReportDiagnostic] = [],
    sections: [Section], rules: [QualityRule] = []
  ) {
    self.title = title
    self.summary = summary
    self.facts = facts
    self.diagnostics = diagnostics
    self.sections = sections
    self.rules = rules
  }

  /// Every table, in reading order.
  public var tables: [ReportTable] { sections.flatMap(\.tables) }

  /// The table with identifier `id`.
  public func table(_ id: String) -> ReportTable? {
    tables.first { $0.id == id }
  }

  /// The diagnostics as a table (severity, code, what it concerns, message), for the
  /// renderers' warnings section; nil when there are none.
  public var diagnosticsTable: ReportTable? {
    guard !diagnostics.isEmpty else { return nil }
    return ReportTable(
      id: "diagnostics", title: "Warnings and notes",
      columns: [
        .label("Severity"), .label("Code"), .label("Concerns"), .label("Message"),
      ],
      rows: diagnostics.map { d in
        ReportTable.Row(
          ReportTable.Subject(d.construct ?? "", to: d.indicator ?? ""),
          [.init(d.severity.rawValue), .init(d.code), .init(d.concerns), .init(d.message)])
      })
  }
}

/// A warning or note about the results, as the reports show it: its severity, a stable code
/// (e.g. `not-converged`, `outer-vif`), a message, and what it concerns.
public struct ReportDiagnostic: Sendable, Equatable, CustomStringConvertible {
  /// How serious it is.
  public enum Severity: String, Sendable, Equatable {
    /// Worth knowing; the results stand.
    case note
    /// The results may be meaningless where it says.
    case warning
  }

  /// How serious it is.
  public var severity: Severity
  /// A stable identifier for scripts, e.g. `not-converged`.
  public var code: String
  /// The message.
  public var message: String
  /// The construct it concerns, if any.
  public var construct: String?
  /// The indicator it concerns, if any.
  public var indicator: String?
  /// The statistic it concerns, if any (e.g. `loading COMP comp_1`).
  public var statistic: String?
  /// The value that triggered it, if any.
  public var value: Double?

  /// A diagnostic from its parts.
  public init(
    severity: Severity, code: String, message: String, construct: String? = nil,
    indicator: String? = nil, statistic: String? = nil, value: Double? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.construct = construct
    self.indicator = indicator
    self.statistic = statistic
    self.value = value
  }

  /// What it concerns in a few words: statistic, else construct and indicator; empty for the
  /// whole model.
  public var concerns: String {
    if let statistic { return statistic }
    return [construct, indicator].compactMap { $0 }.joined(separator: " / ")
  }

  /// "warning: message", as printed on standard error.
  public var description: String { "\(severity.rawValue): \(message)" }
}
