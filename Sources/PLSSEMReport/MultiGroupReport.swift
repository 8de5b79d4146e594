import PLSSEM

/// A multi-group analysis as a report: the JSON of `plssem mga --format json` (schema
/// `plssem.mga/1`) and a ``ReportDocument`` that every other format renders (tables per pair of
/// groups; HTML adds a grouped-bar chart of the path coefficients).
public struct MultiGroupReport: Sendable {
  /// The analysis.
  public var result: MultiGroupResult
  /// Each group's estimate as an estimation report (the JSON's `groups[].estimate`), in group
  /// order.
  public var groupReports: [EstimationReport]
  /// The data file's name.
  public var dataSource: String
  /// The model file's name.
  public var modelSource: String
  /// MICOM (`--micom`, `plssem micom`), if run.
  public var micom: MICOM?

  public init(
    result: MultiGroupResult, groupReports: [EstimationReport], dataSource: String,
    modelSource: String
  ) {
    self.result = result
    self.groupReports = groupReports
    self.dataSource = dataSource
    self.modelSource = modelSource
  }

  /// The fields that identify a statistic, as the estimate JSON names them (`from`/`to` for
  /// paths and effects, `construct`/`indicator` for loadings and weights, `construct` for R²).
  public static func identifyingFields(_ key: StatisticKey) -> [(String, JSONValue)] {
    switch key {
    case .path(let f, let t), .totalEffect(let f, let t), .indirectEffect(let f, let t),
      .innerVIF(let f, let t):
      return [("from", .string(f)), ("to", .string(t))]
    case .loading(let c, let i), .weight(let c, let i), .outerVIF(let c, let i):
      return [("construct", .string(c)), ("indicator", .string(i))]
    case .rSquared(let c), .adjustedRSquared(let c), .cronbachAlpha(let c), .rhoC(let c),
      .rhoA(let c), .ave(let c):
      return [("construct", .string(c))]
    case .specificIndirectEffect(let chain):
      return [("chain", .array(chain.map { .string($0) }))]
    case .htmt(let r, let c), .htmt2(let r, let c), .constructCorrelation(let r, let c):
      return [("row", .string(r)), ("column", .string(c))]
    case .crossLoading(let i, let c):
      return [("indicator", .string(i)), ("construct", .string(c))]
    case .simpleSlope(let f, let m, let t, let level):
      return [
        ("interaction", .string(f + ":" + m)), ("from", .string(f)), ("to", .string(t)),
        ("moderator", .string(m)), ("level", .number(level)),
      ]
    case .interactionFSquare(let i, let t):
      return [("from", .string(i)), ("to", .string(t))]
    }
  }

  /// The report as a JSON document (`plssem.mga/1`).
  public func json() -> JSONValue {
    let groups = result.groups
    return .object([
      ("schema", .string("plssem.mga/1")),
      ("data", .string(dataSource)),
      ("model", .string(modelSource)),
      ("groupColumn", .string(result.column)),
      (
        "settings",
        .object([
          ("permutations", .integer(result.permutations)),
          ("failedPermutations", .integer(result.failedPermutations)),
          ("resamples", .integer(groups.first?.bootstrap?.resamples ?? 0)),
          ("seed", .string(String(result.seed))),
          ("henseler", .string(result.henseler == .oneSided ? "one-sided" : "two-sided")),
        ])
      ),
      (
        "groups",
        .array(
          groups.enumerated().map { g, group in
            .object([
              ("value", .string(group.group.valueText)),
              ("label", group.group.label.map { .string($0) } ?? .null),
              ("observations", .integer(group.estimate.observations)),
              ("estimate", g < groupReports.count ? groupReports[g].json() : .null),
            ])
          })
      ),
      (
        "differences",
        .array(
          result.differences.map { d in
            .object(
              [("kind", .string(d.key.family.rawValue))] + Self.identifyingFields(d.key) + [
                (
                  "groups",
                  .array([
                    .string(groups[d.first].group.valueText),
                    .string(groups[d.second].group.valueText),
                  ])
                ),
                ("difference", .number(d.difference)),
                ("pPermutation", .optional(d.pPermutation)),
                ("pHenseler", .optional(d.pHenseler)),
                ("pParametric", .optional(d.pParametric)),
                ("pWelch", .optional(d.pWelch)),
              ])
          })
      ),
      ("micom", micom.map { micomJSON($0) } ?? .null),
    ])
  }

  /// The `micom` object: `step1` (the checklist), `step2`, `step3`, `verdict`, `poolingAllowed`.
  func micomJSON(_ m: MICOM) -> JSONValue {
    let values = result.groups.map(\.group.valueText)
    func pair(_ a: Int, _ b: Int) -> JSONValue {
      .array([
        .string(a < values.count ? values[a] : "\(a)"),
        .string(b < values.count ? values[b] : "\(b)"),
      ])
    }
    return .object([
      ("permutations", .integer(m.permutations)),
      ("failedPermutations", .integer(m.failedPermutations)),
      (
        "step1",
        .object([
          ("configuralInvariance", .bool(m.step1.allSatisfy(\.holds))),
          (
            "checks",
            .array(
              m.step1.map {
                .object([
                  ("check", .string($0.name)), ("holds", .bool($0.holds)),
                  ("detail", .string($0.detail)),
                ])
              })
          ),
        ])
      ),
      (
        "step2",
        .array(
          m.step2.map {
            .object([
              ("construct", .string($0.construct)), ("groups", pair($0.first, $0.second)),
              ("c", .number($0.c)), ("quantile05", .number($0.quantile05)), ("p", .number($0.p)),
            ])
          })
      ),
      (
        "step3",
        .array(
          m.step3.map {
            .object([
              ("construct", .string($0.construct)), ("groups", pair($0.first, $0.second)),
              ("meanDifference", .number($0.meanDifference)),
              ("meanLower", .number($0.meanLower)), ("meanUpper", .number($0.meanUpper)),
              ("pMean", .number($0.pMean)),
              ("logVarianceRatio", .number($0.logVarianceRatio)),
              ("varianceLower", .number($0.varianceLower)),
              ("varianceUpper", .number($0.varianceUpper)),
              ("pVariance", .number($0.pVariance)),
            ])
          })
      ),
      (
        "verdict",
        .array(
          m.verdict.map {
            .object([
              ("construct", .string($0.construct)), ("groups", pair($0.first, $0.second)),
              ("invariance", .string($0.invariance.rawValue)),
            ])
          })
      ),
      ("poolingAllowed", .bool(m.poolingAllowed)),
    ])
  }

  /// The MICOM tables (steps 1–3 and the verdict).
  func micomSection(_ m: MICOM) -> ReportDocument.Section {
    let names = result.groups.map(\.group.name)
    func name(_ i: Int) -> String { i < names.count ? names[i] : "\(i + 1)" }
    func number(_ value: Double) -> ReportTable.Cell {
      value.isFinite ? .init(String(format: "%.3f", value), value: value) : .init("n/a")
    }
    func column(_ header: String, _ statistic: String) -> ReportTable.Column {
      .statistic(header, table: "micom", statistic: statistic)
    }
    let step1 = ReportTable(
      id: "micom-step1", title: "MICOM step 1: configural invariance",
      columns: [.label("Check"), .statistic("Holds"), .statistic("Detail", essential: false)],
      rows: m.step1.map {
        .init(
          .init($0.name),
          [
            .init($0.name), .init($0.holds ? "yes" : "no", value: $0.holds ? 1 : 0),
            .init($0.detail),
          ])
      })
    let step2 = ReportTable(
      id: "micom-step2", title: "MICOM step 2: compositional invariance",
      columns: [
        .label("Construct"), .statistic("Groups"), column("c", "c"),
        column("5% quantile", "quantile05"),
        column("p", "p_composition"),
      ],
      rows: m.step2.map {
        .init(
          .init($0.construct),
          [
            .init($0.construct), .init("\(name($0.first)) vs \(name($0.second))"), number($0.c),
            number($0.quantile05), number($0.p),
          ])
      },
      notes: [
        "c: correlation of the composite scores computed with each group's weights on the pooled z-standardised indicators; p: share of permutations with c at or below it (invariance when p > 0.05)."
      ])
    let step3 = ReportTable(
      id: "micom-step3", title: "MICOM step 3: equal means and variances",
      columns: [
        .label("Construct"), .statistic("Groups"), column("mean diff", "mean_difference"),
        column("2.5%", "mean_lower"), column("97.5%", "mean_upper"), column("p", "p_mean"),
        column("log var ratio", "log_variance_ratio"), column("2.5%", "variance_lower"),
        column("97.5%", "variance_upper"), column("p", "p_variance"),
      ],
      rows: m.step3.map {
        .init(
          .init($0.construct),
          [
            .init($0.construct), .init("\(name($0.first)) vs \(name($0.second))"),
            number($0.meanDifference), number($0.meanLower), number($0.meanUpper), number($0.pMean),
            number($0.logVarianceRatio), number($0.varianceLower), number($0.varianceUpper),
            number($0.pVariance),
          ])
      },
      notes: [
        "Scores of one estimate on the pooled data; mean diff = mean(group 1) − mean(group 2), log var ratio = log var(group 1) − log var(group 2) (n − 1 within groups); intervals: 2.5% and 97.5% of the permutation distribution."
      ])
    let verdict = ReportTable(
      id: "micom-verdict", title: "MICOM verdict",
      columns: [.label("Construct"), .statistic("Groups"), .statistic("Invariance")],
      rows: m.verdict.map {
        .init(
          .init($0.construct),
          [
            .init($0.construct), .init("\(name($0.first)) vs \(name($0.second))"),
            .init($0.invariance.rawValue),
          ])
      },
      notes: [
        m.poolingAllowed
          ? "Full invariance of every construct: the groups may be pooled."
          : "Not every construct is fully invariant: do not pool the groups"
            + (m.verdict.allSatisfy { $0.invariance != .none }
              ? "; partial invariance allows comparing them (MGA)."
              : "; where invariance is 'no', group comparisons of that construct are not meaningful.")
      ])
    return .init(
      id: "micom", title: "Measurement invariance (MICOM)", tables: [step1, step2, step3, verdict])
  }

  /// How a statistic reads in a table row: `COMP -> CUSA`, `COMP =~ comp_1`, `R² CUSA`.
  static func label(_ key: StatisticKey) -> (text: String, subject: ReportTable.Subject) {
    switch key {
    case .path(let f, let t): return ("\(f) -> \(t)", .init(f, to: t))
    case .totalEffect(let f, let t): return ("total \(f) -> \(t)", .init(f, to: t))
    case .indirectEffect(let f, let t): return ("indirect \(f) -> \(t)", .init(f, to: t))
    case .loading(let c, let i): return ("\(c) =~ \(i)", .init(c, to: i))
    case .weight(let c, let i): return ("\(c) <~ \(i)", .init(c, to: i))
    case .rSquared(let c): return ("R² \(c)", .init(c))
    default: return (key.description, .init(key.description))
    }
  }

  /// The report as a document for the table, CSV, Markdown and HTML renderers.
  public func document() -> ReportDocument {
    let groups = result.groups
    let names = groups.map(\.group.name)
    var summary = [
      "Multi-group analysis of \(modelSource) on \(dataSource), groups by '\(result.column)': "
        + groups.map { "\($0.group.name) (n = \($0.estimate.observations))" }.joined(
          separator: ", ") + "."
    ]
    summary.append(
      "\(result.permutations) permutations (\(result.failedPermutations) failed), "
        + "\(groups.first?.bootstrap?.resamples ?? 0) bootstrap resamples per group, seed \(result.seed)."
    )
    let groupTable = ReportTable(
      id: "mga-groups", title: "Groups",
      columns: [
        .label("Group"), .statistic("Value", table: "mga_groups", statistic: "value"),
        .statistic("n", table: "mga_groups", statistic: "observations"),
      ],
      rows: groups.map { g in
        ReportTable.Row(
          .init(g.group.name),
          [
            .init(g.group.name), .init(g.group.valueText, value: g.group.value),
            .init(String(g.estimate.observations), value: Double(g.estimate.observations)),
          ])
      })
    var sections = [ReportDocument.Section(id: "mga", title: "Groups", tables: [groupTable])]
    for (a, b) in MultiGroupReport.pairs(groups.count) {
      func column(_ header: String, _ statistic: String, essential: Bool = true)
        -> ReportTable.Column
      {
        .statistic(header, table: "mga_differences", statistic: statistic, essential: essential)
      }
      func number(_ value: Double?) -> ReportTable.Cell {
        guard let value, value.isFinite else { return .init("n/a") }
        return .init(String(format: "%.3f", value), value: value)
      }
      let rows = result.differences(between: a, and: b).map { d -> ReportTable.Row in
        let (text, subject) = Self.label(d.key)
        let valueA = groups[a].estimate.statistics[d.key]
        let valueB = groups[b].estimate.statistics[d.key]
        return ReportTable.Row(
          subject,
          [
            .init(text), number(valueA), number(valueB), number(d.difference),
            number(d.pPermutation), number(d.pHenseler), number(d.pParametric), number(d.pWelch),
          ])
      }
      let henseler = result.henseler == .oneSided ? "P(1 ≤ 2)" : "p Henseler"
      let table = ReportTable(
        id: "mga-\(a + 1)-\(b + 1)", title: "\(names[a]) vs \(names[b])",
        columns: [
          .label("Statistic"), column(names[a], "group1"), column(names[b], "group2"),
          column("diff", "difference"), column("p perm", "p_permutation"),
          column(henseler, "p_henseler"), column("p param", "p_parametric", essential: false),
          column("p Welch", "p_welch", essential: false),
        ],
        rows: rows,
        notes: [
          "diff = \(names[a]) − \(names[b]). p perm: permutation test (Chin & Dibbern 2010); "
            + (result.henseler == .oneSided
              ? "P(1 ≤ 2): Henseler's PLS-MGA, the one-sided probability that \(names[a])'s value is at most \(names[b])'s (near 0 or 1: a difference); "
              : "p Henseler: Henseler's PLS-MGA, two-sided; ")
            + "p param: parametric test (Keil et al. 2000); p Welch: Welch–Satterthwaite test."
        ])
      sections.append(.init(id: "mga-\(a + 1)-\(b + 1)", title: table.title, tables: [table]))
    }
    if let micom { sections.append(micomSection(micom)) }
    return ReportDocument(
      title: "Multi-group analysis", summary: summary,
      facts: [
        .init("group_column", result.column), .init("groups", String(groups.count)),
        .init("permutations", String(result.permutations)),
        .init("seed", String(result.seed)),
      ], diagnostics: [], sections: sections)
  }

  static func pairs(_ count: Int) -> [(Int, Int)] {
    (0..<count).flatMap { a in ((a + 1)..<count).map { (a, $0) } }
  }
}
