/// The HTML report of `plssem report` and `plssem estimate --format html`: one self-contained
/// file (inline CSS, the path diagram as inline SVG, no scripts, no network requests) with
///
/// - an overview (observations, convergence, R², admissibility) and the **path diagram**
///   (``PathDiagram``);
/// - the **model**: its syntax and constructs;
/// - the **data and estimation** settings: observations, missing-value handling, algorithm,
///   convergence, the admissibility verdict, bootstrap;
/// - the **warnings and notes** about the results, when there are any;
/// - every section of the report document (``ReportDocument``): the **structural model**
///   (paths with SE, t, p and confidence intervals when bootstrapped, f², inner VIF; R²;
///   total, indirect and specific indirect effects with their inference), the **measurement
///   model** (loadings, weights with VIF, reliability and AVE, HTMT, Fornell–Larcker,
///   cross-loadings, construct correlations) and **model fit and prediction** (SRMR, d_ULS,
///   d_G; Q² with `--blindfolding`; PLSpredict with `--predict`), values outside the rules of
///   thumb of ``QualityThresholds`` highlighted (amber: caution, red: misses) and marked
///   `!` / `!!`, so the marking survives black-and-white printing;
/// - the **rules of thumb** with their sources.
///
/// It prints cleanly (`HTMLStylesheet`): on paper tables wrap and shrink instead of being
/// clipped, headings stay with their tables, nothing is collapsed.
///
/// The markup is well-formed XML (void elements self-closed, every attribute quoted, only
/// XML's predefined entities), and every name and file path is escaped with
/// ``Markup/escape(_:)``. The output is deterministic: no dates or random identifiers.
public enum HTMLRenderer {
  /// The report as an HTML document, judged by `thresholds`.
  public static func render(
    _ report: EstimationReport, thresholds: QualityThresholds = .standard
  ) -> String {
    let document = report.document(thresholds: thresholds)
    let summary = ReportSummary(report)
    var sections: [(id: String, title: String, body: String)] = []
    sections.append(("diagram", "Path diagram", diagramSection(report)))
    sections.append(("model", "Model", modelSection(report)))
    sections.append(("data", "Data and estimation", dataSection(report, summary)))
    if let diagnostics = document.diagnosticsTable {
      sections.append(
        (diagnostics.id, diagnostics.title, render(diagnostics, level: 3, heading: false)))
    }
    if let narrative = document.narrative {
      sections.append(("narrative", narrative.title, narrativeSection(narrative)))
    }
    for section in document.sections {
      var body = section.tables.map { table in
        (table.id == "simple-slopes" ? SimpleSlopePlot.figures(report) : "")
          + render(table, level: 3)
      }.joined()
      if section.id == "ipma", let ipma = report.ipma { body = ipmaFigure(report, ipma) + body }
      sections.append((section.id, section.title, body))
    }
    if !document.rules.isEmpty {
      sections.append(("thresholds", "Rules of thumb", rulesSection(document.rules)))
    }

    var subtitle =
      "Model <code>\(Markup.escape(report.modelSource))</code> estimated on "
    subtitle += "<code>\(Markup.escape(report.dataSource))</code>"
    return page(
      title: "PLS-SEM report: \(report.modelSource)", heading: "PLS-SEM report",
      subtitle: subtitle, overview: overview(report, document), sections: sections)
  }

  /// A report document as an HTML page of its own (no diagram or model text: for documents
  /// that are not estimates, such as `plssem describe`): the summary, the warnings, every
  /// section and the rules of thumb.
  public static func render(_ document: ReportDocument) -> String {
    var sections: [(id: String, title: String, body: String)] = []
    var summary = "<ul class=\"summary\">\n"
    for line in document.summary { summary += "<li>\(Markup.escape(line))</li>\n" }
    summary += "</ul>\n"
    var overview = ""
    for d in document.diagnostics where d.severity == .warning {
      overview += "<p class=\"warning\">Warning: \(Markup.escape(d.message)).</p>\n"
    }
    if let diagnostics = document.diagnosticsTable {
      sections.append(
        (diagnostics.id, diagnostics.title, render(diagnostics, level: 3, heading: false)))
    }
    if let narrative = document.narrative {
      sections.append(("narrative", narrative.title, narrativeSection(narrative)))
    }
    for section in document.sections {
      sections.append(
        (section.id, section.title, section.tables.map { render($0, level: 3) }.joined()))
    }
    if !document.rules.isEmpty {
      sections.append(("thresholds", "Rules of thumb", rulesSection(document.rules)))
    }
    return page(
      title: document.title, heading: document.title, subtitle: nil, overview: overview + summary,
      sections: sections)
  }

  /// The page around the sections: head with the stylesheet, header, overview, contents,
  /// sections, footer. `subtitle` and `overview` are markup; everything else is escaped here.
  static func page(
    title: String, heading: String, subtitle: String?, overview: String,
    sections: [(id: String, title: String, body: String)]
  ) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
    out += "<meta name=\"generator\" content=\"swift-plssem\" />\n"
    out +=
      "<title>\(Markup.escape(title))</title>\n<style>\n\(HTMLStylesheet.css)\n</style>\n</head>\n<body>\n<main>\n"
    out += "<header>\n<h1>\(Markup.escape(heading))</h1>\n"
    if let subtitle { out += "<p class=\"subtitle\">\(subtitle)</p>\n" }
    out += "</header>\n"
    out += overview
    out += "<nav aria-label=\"Contents\">\n<ol>\n"
    for section in sections {
      out += "<li><a href=\"#\(section.id)\">\(Markup.escape(section.title))</a></li>\n"
    }
    out += "</ol>\n</nav>\n"
    for section in sections {
      out +=
        "<section id=\"\(section.id)\">\n<h2>\(Markup.escape(section.title))</h2>\n\(section.body)</section>\n"
    }
    out +=
      "<footer>Generated by swift-plssem. Every statistic is the engine's; this page only formats it.</footer>\n"
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  /// Key facts as cards, and a warning when the algorithm did not converge.
  static func overview(_ report: EstimationReport, _ document: ReportDocument) -> String {
    let e = report.estimate
    var facts: [(String, String)] = [("\(e.observations)", "observations")]
    facts.append(
      (
        e.converged ? "\(e.iterations)" : "no",
        e.converged ? "iterations to convergence" : "convergence"
      ))
    facts.append(
      ("\(e.model.constructs.count) / \(e.model.paths.count)", "constructs / structural paths"))
    for (j, name) in e.constructNames.enumerated() {
      if let r2 = e.rSquared[j] { facts.append((NumberText.fixed(r2), "R² of \(name)")) }
    }
    facts.append(
      e.admissibility.isAdmissible
        ? ("yes", "admissible solution")
        : ("no", "admissible solution (\(e.admissibility.problems.count) problems)"))
    if let b = report.bootstrap { facts.append(("\(b.resamples)", "bootstrap resamples")) }
    var out = ""
    for d in document.diagnostics where d.severity == .warning {
      out += "<p class=\"warning\">Warning: \(Markup.escape(d.message)).</p>\n"
    }
    out += "<div class=\"facts\">\n"
    for (value, label) in facts {
      out += "<div class=\"fact\"><div class=\"value\">\(Markup.escape(value))</div>"
      out += "<div class=\"label\">\(Markup.escape(label))</div></div>\n"
    }
    return out + "</div>\n"
  }

  static func diagramSection(_ report: EstimationReport) -> String {
    let diagram = PathDiagram(report: report)
    // Wide diagrams may use the window's width and shrink to 80% of their natural size; beyond
    // that the figure scrolls rather than making the text unreadable.
    let width = DiagramGeometry.coordinate(2 * diagram.bounds.halfWidth)
    let minimum = DiagramGeometry.coordinate(1.6 * diagram.bounds.halfWidth)
    var out =
      "<figure class=\"diagram-figure\" style=\"--diagram-width: \(width)px; --diagram-min: \(minimum)px\">\n"
    out += "<div class=\"diagram\">\n"
    out += diagram.svg(title: "Path diagram of \(report.modelSource)") + "\n</div>\n<figcaption>"
    var caption =
      "Constructs (ellipses, with R² when endogenous) are layered left to right in structural order. "
      + "Arrows between constructs carry the path coefficient"
    if report.bootstrap != nil {
      caption +=
        " with significance stars (* p < .05, ** p < .01, *** p < .001) and the bootstrap t-value; "
      caption += "dashed grey arrows are not significant at .05"
    }
    caption +=
      ". Indicators (rectangles) carry their loading (Mode A, arrow to the indicator) or weight (Mode B, arrow to the construct)."
    out += Markup.escape(caption) + "</figcaption>\n</figure>\n"
    return out
  }

  static func modelSection(_ report: EstimationReport) -> String {
    let model = report.estimate.model
    let text = report.modelText ?? model.syntax
    var out = "<pre><code>"
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let hash = line.firstIndex(of: "#") {
        out += Markup.escape(String(line[..<hash]))
        out += "<span class=\"comment\">\(Markup.escape(String(line[hash...])))</span>\n"
      } else {
        out += Markup.escape(String(line)) + "\n"
      }
    }
    while out.hasSuffix("\n\n") { out.removeLast() }
    out += "</code></pre>\n"
    let table = ReportTable(
      id: "constructs", title: "Constructs",
      columns: [
        .init("Construct", numeric: false), .init("Mode", numeric: false),
        .init("Indicators", numeric: false),
        .init("Predictors", numeric: false),
      ],
      rows: model.constructs.map { c in
        [
          .init(c.name), .init(c.mode == .a ? "A (=~)" : "B (<~)"),
          .init(c.indicators.joined(separator: ", ")),
          .init(model.predecessors(of: c.name).joined(separator: ", ")),
        ]
      })
    return out + render(table, level: 3)
  }

  static func dataSection(_ report: EstimationReport, _ summary: ReportSummary) -> String {
    let e = report.estimate
    let s = e.settings
    var rows: [(String, String)] = [
      ("Data file", report.dataSource),
      ("Model file", report.modelSource),
      ("Observations", summary.data),
      (
        "Missing values",
        s.missing == .meanReplacement
          ? "mean replacement (each missing cell takes its indicator's mean)" : "casewise deletion"
      ),
      (
        "Estimation",
        s.consistent
          ? "consistent PLS (PLSc) for Mode A blocks" : "PLS (Mode A blocks as composites)"
      ),
      ("Weighting scheme", s.scheme.rawValue),
      (
        "Stop criterion",
        "\(s.stopCriterion.rawValue) weight change below \(NumberText.setting(s.tolerance)), at most \(s.maxIterations) iterations"
      ),
      (
        "Convergence",
        e.converged
          ? "converged after \(e.iterations) iterations"
          : "did not converge within \(s.maxIterations) iterations"
      ),
      ("Admissibility", summary.admissibility),
    ]
    if let b = report.bootstrap {
      rows.append(
        (
          "Bootstrap",
          "\(b.resamples) resamples, \(b.failed) failed; seed \(b.seed); generator \(b.generator)"
        ))
      rows.append(
        (
          "Inference",
          "\(b.settings.confidenceInterval.rawValue) \(NumberText.setting(b.settings.level * 100))% confidence intervals; "
            + "p-values from the \(b.settings.pValues.rawValue) distribution; sign changes: \(b.settings.signChange.rawValue)"
        ))
    } else {
      rows.append(
        (
          "Bootstrap",
          "none (run with --bootstrap N for standard errors, t, p and confidence intervals)"
        ))
    }
    var out = "<dl class=\"settings\">\n"
    for (term, value) in rows {
      out += "<dt>\(Markup.escape(term))</dt><dd>\(Markup.escape(value))</dd>\n"
    }
    return out + "</dl>\n"
  }

  static func rulesSection(_ rules: [QualityRule]) -> String {
    var out = "<p class=\"legend\"><span class=\"caution\">amber, !</span> caution zone "
    out += "<span class=\"misses\">red, !!</span> misses the threshold</p>\n<ul>\n"
    for rule in rules { out += "<li>\(Markup.escape(rule.text))</li>\n" }
    out += "</ul>\n<ol class=\"references\">\n"
    for reference in QualityThresholds.references {
      out += "<li>\(Markup.escape(reference))</li>\n"
    }
    return out + "</ol>\n"
  }

  /// One table with a heading of `level`, highlighted cells and notes.
  public static func render(_ table: ReportTable, level: Int = 3, heading: Bool = true) -> String {
    // Short tables stay whole on paper with their heading; long ones break between rows.
    // Wide tables (construct × construct matrices) print in smaller type.
    let classes =
      ["report-table"] + (table.rows.count <= 16 ? ["keep"] : [])
      + (table.columns.count > 9 ? ["wide"] : [])
    var out = "<div class=\"\(classes.joined(separator: " "))\">\n"
    if heading {
      out +=
        "<h\(level) id=\"\(Markup.escape(table.id))\">\(Markup.escape(table.title))</h\(level)>\n"
    }
    out += "<div class=\"table-wrap\"><table>\n<thead><tr>"
    for column in table.columns {
      out += column.numeric ? "<th class=\"num\">" : "<th>"
      out += Markup.escape(column.header) + "</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      out += "<tr>"
      for (k, cell) in row.cells.enumerated() {
        var classes: [String] = []
        if k < table.columns.count, table.columns[k].numeric { classes.append("num") }
        if let verdict = cell.verdict, verdict != .meets {
          classes.append(verdict == .caution ? "caution" : "misses")
        }
        out += "<td"
        if !classes.isEmpty { out += " class=\"\(classes.joined(separator: " "))\"" }
        if let verdict = cell.verdict, verdict != .meets, let note = cell.note {
          out +=
            " title=\"\(Markup.escape((verdict == .caution ? "caution — " : "misses — ") + note))\""
        }
        out += ">"
        let text = Markup.escape(cell.text)
        out += cell.emphasized && !text.isEmpty ? "<strong>\(text)</strong>" : text
        if let verdict = cell.verdict, verdict != .meets {
          out += "<span class=\"marker\">\(verdict.marker)</span>"
        }
        out += "</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table></div>\n"
    for note in table.notes { out += "<p class=\"note\">\(Markup.escape(note))</p>\n" }
    return out + "</div>\n"
  }
}
