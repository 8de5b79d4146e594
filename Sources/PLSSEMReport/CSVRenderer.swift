import LinearAlgebra
import PLSSEM

/// The CSV output of `plssem estimate --format csv`: every section of the report in **one
/// long-format ("tidy") table**, one row per number, so that R, pandas or a spreadsheet read it
/// with a single call and select a section by filtering on `table`.
///
/// ## Layout
///
/// Comma-separated, a header row, `\n` line ends, UTF-8, fields quoted as RFC 4180 requires
/// (only when they contain a comma, quote or line break). The columns are always
///
///     table,from,to,via,statistic,estimate,bootstrap_mean,se,t,p,ci_lower,ci_upper
///
/// - `table`: the section (see below).
/// - `from`, `to`: what the number is about; their meaning per table is listed below.
///   Empty when the table needs only one name.
/// - `via`: the intermediate constructs of a specific indirect effect, joined by `->`.
/// - `statistic`: the quantity, in snake_case.
/// - `estimate`: the value on the full sample. Numbers are written with the shortest text that
///   reads back to the same double (full precision), integers without decimals.
/// - `bootstrap_mean`, `se`, `t`, `p`, `ci_lower`, `ci_upper`: bootstrap inference, filled only
///   with `--bootstrap N` and only for statistics that are bootstrapped.
///
/// An empty cell means "not applicable" (never 0); a statistic that is undefined (e.g. an HTMT
/// with a zero monotrait correlation) is an empty `estimate`.
///
/// ## Tables
///
/// | table | from | to | statistic |
/// | --- | --- | --- | --- |
/// | `summary` | | | `observations`, `iterations`, `converged` (1/0), `replaced_cells`, `dropped_rows`; with a bootstrap also `bootstrap_resamples`, `bootstrap_failed`, `bootstrap_seed`, `ci_level` |
/// | `paths` | predictor | outcome | `path` |
/// | `r2` | construct | | `r2`, `r2_adjusted` |
/// | `f2` | predictor | outcome | `f2` |
/// | `inner_vif` | predictor | outcome | `vif` |
/// | `effects` | source | target | `total`, `indirect` |
/// | `specific_indirect` | source | target | `specific_indirect` (with `via`) |
/// | `loadings` | construct | indicator | `loading` |
/// | `weights` | construct | indicator | `weight` |
/// | `outer_vif` | construct | indicator | `vif` |
/// | `reliability` | construct | | `alpha`, `rho_c`, `rho_a`, `ave` |
/// | `htmt` | row construct | column construct | `htmt`, `htmt2` |
/// | `fornell_larcker` | row construct | column construct | `fornell_larcker` (√AVE on the diagonal) |
/// | `fit` | `saturated` or `estimated` | | `srmr`, `d_uls`, `d_g` |
/// | `q2` | construct | | `q2_redundancy`, `q2_communality` (with `--blindfolding`) |
/// | `plspredict` | construct | indicator | `q2_predict`, `rmse_pls`, `rmse_lm`, `mae_pls`, `mae_lm` (with `--predict`) |
/// | `cross_loadings` | construct | indicator | `cross_loading` |
/// | `construct_correlations` | row construct | column construct | `correlation` |
///
/// The assessment tables (`f2`, `inner_vif`, `outer_vif`, `reliability`, `htmt`,
/// `fornell_larcker`) appear when the report carries an assessment. Rows keep the model's
/// order. In R: `d <- read.csv("out.csv"); subset(d, table == "paths")`; in pandas:
/// `d = pd.read_csv("out.csv"); d[d.table == "paths"]`.
public enum CSVRenderer {
  /// The header row's column names.
  public static let columns = [
    "table", "from", "to", "via", "statistic", "estimate", "bootstrap_mean", "se", "t", "p",
    "ci_lower", "ci_upper",
  ]

  /// One row of the long table before it is written.
  struct Record {
    var table: String
    var from: String
    var to: String = ""
    var via: String = ""
    var statistic: String
    var estimate: String
    var inference: StatisticInference?
  }

  /// The report as CSV text.
  public static func render(_ report: EstimationReport) -> String {
    var out = columns.joined(separator: ",") + "\n"
    for record in records(report) {
      var fields = [
        record.table, record.from, record.to, record.via, record.statistic, record.estimate,
      ]
      if let inf = record.inference {
        fields += [inf.bootstrapMean, inf.standardError, inf.t, inf.p, inf.ciLower, inf.ciUpper]
          .map(number)
      } else {
        fields += Array(repeating: "", count: 6)
      }
      out += fields.map(quote).joined(separator: ",") + "\n"
    }
    return out
  }

  /// A number in full precision, or empty when nil or not finite.
  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    return JSONValue.format(value)
  }

  /// `field` quoted as RFC 4180 requires: in double quotes, with quotes doubled, when it
  /// contains a comma, a quote or a line break.
  public static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func records(_ report: EstimationReport) -> [Record] {
    let e = report.estimate
    var records: [Record] = []
    func add(
      _ table: String, _ from: String, to: String = "", via: String = "", _ statistic: String,
      _ value: Double?,
      _ key: StatisticKey? = nil
    ) {
      records.append(
        Record(
          table: table, from: from, to: to, via: via, statistic: statistic, estimate: number(value),
          inference: key.flatMap(report.inference)))
    }
    func addCount(_ statistic: String, _ value: String) {
      records.append(Record(table: "summary", from: "", statistic: statistic, estimate: value))
    }

    addCount("observations", String(e.observations))
    addCount("iterations", String(e.iterations))
    addCount("converged", e.converged ? "1" : "0")
    addCount("replaced_cells", String(e.dataSummary.replacedCells))
    addCount("dropped_rows", String(e.dataSummary.droppedRows))
    if let b = report.bootstrap {
      addCount("bootstrap_resamples", String(b.resamples))
      addCount("bootstrap_failed", String(b.failed))
      addCount("bootstrap_seed", String(b.seed))
      addCount("ci_level", number(b.settings.level))
    }

    for p in e.pathList {
      add("paths", p.from, to: p.to, "path", p.estimate, .path(from: p.from, to: p.to))
    }
    for (j, name) in e.constructNames.enumerated() {
      guard let r2 = e.rSquared[j] else { continue }
      add("r2", name, "r2", r2, .rSquared(construct: name))
      add("r2", name, "r2_adjusted", e.adjustedRSquared[j])
    }
    if let a = report.assessment {
      for f in a.fSquare { add("f2", f.from, to: f.to, "f2", f.estimate) }
      for v in a.innerVIF { add("inner_vif", v.from, to: v.to, "vif", v.estimate) }
    }
    for pair in report.effectPairs {
      add(
        "effects", pair.from, to: pair.to, "total", pair.total,
        .totalEffect(from: pair.from, to: pair.to))
      if pair.indirect != 0 {
        add(
          "effects", pair.from, to: pair.to, "indirect", pair.indirect,
          .indirectEffect(from: pair.from, to: pair.to))
      }
    }
    for effect in e.specificIndirectEffects {
      add(
        "specific_indirect", effect.from, to: effect.to,
        via: effect.chain.dropFirst().dropLast().joined(separator: "->"),
        "specific_indirect", effect.estimate, .specificIndirectEffect(chain: effect.chain))
    }
    for row in report.loadingRows {
      add(
        "loadings", row.construct, to: row.indicator, "loading", row.estimate,
        .loading(construct: row.construct, indicator: row.indicator))
    }
    for row in report.weightRows {
      add(
        "weights", row.construct, to: row.indicator, "weight", row.estimate,
        .weight(construct: row.construct, indicator: row.indicator))
    }
    if let a = report.assessment {
      for v in a.outerVIF { add("outer_vif", v.construct, to: v.indicator, "vif", v.estimate) }
      for r in a.reliability {
        add("reliability", r.construct, "alpha", r.alpha)
        add("reliability", r.construct, "rho_c", r.rhoC)
        add("reliability", r.construct, "rho_a", r.rhoA)
        add("reliability", r.construct, "ave", r.ave)
      }
      for h in a.heterotraitMonotrait {
        add("htmt", h.row, to: h.column, "htmt", h.htmt, .htmt(row: h.row, column: h.column))
        add("htmt", h.row, to: h.column, "htmt2", h.htmt2)
      }
      addMatrix(
        a.fornellLarcker, table: "fornell_larcker", statistic: "fornell_larcker",
        names: e.constructNames, into: &records)
      for (model, m) in [("saturated", a.fit.saturated), ("estimated", a.fit.estimated)] {
        add("fit", model, "srmr", m.srmr)
        add("fit", model, "d_uls", m.dULS)
        add("fit", model, "d_g", m.dG)
      }
      for r in a.q2?.constructs ?? [] {
        add("q2", r.construct, "q2_redundancy", r.q2Redundancy)
        add("q2", r.construct, "q2_communality", r.q2Communality)
      }
      for i in a.plsPredict?.indicators ?? [] {
        add("plspredict", i.construct, to: i.indicator, "q2_predict", i.q2Predict)
        add("plspredict", i.construct, to: i.indicator, "rmse_pls", i.plsRMSE)
        add("plspredict", i.construct, to: i.indicator, "rmse_lm", i.lmRMSE)
        add("plspredict", i.construct, to: i.indicator, "mae_pls", i.plsMAE)
        add("plspredict", i.construct, to: i.indicator, "mae_lm", i.lmMAE)
      }
    }
    for (i, indicator) in e.indicatorNames.enumerated() {
      for (j, construct) in e.constructNames.enumerated() {
        add("cross_loadings", construct, to: indicator, "cross_loading", e.crossLoadings[i, j])
      }
    }
    addMatrix(
      e.constructCorrelations, table: "construct_correlations", statistic: "correlation",
      names: e.constructNames, into: &records)
    return records
  }

  private static func addMatrix(
    _ m: Matrix, table: String, statistic: String, names: [String], into records: inout [Record]
  ) {
    for (i, row) in names.enumerated() {
      for (j, column) in names.enumerated() {
        records.append(
          Record(
            table: table, from: row, to: column, statistic: statistic, estimate: number(m[i, j])))
      }
    }
  }
}
