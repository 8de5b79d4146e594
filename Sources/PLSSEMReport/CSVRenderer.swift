import PLSSEM

/// The CSV output of `plssem estimate --format csv`: every table of the report document
/// (``ReportDocument``) in **one long-format ("tidy") table**, one row per number, so that R,
/// pandas or a spreadsheet read it with a single call and select a section by filtering on
/// `table`. Each statistic column of a document table says where its values go
/// (``ReportTable/LongForm``), so nothing the other formats show is missing here.
///
/// ## Layout
///
/// Comma-separated, a header row, `\n` line ends, UTF-8, fields quoted as RFC 4180 requires
/// (only when they contain a comma, quote or line break). The columns are always
///
///     table,from,to,via,statistic,estimate,bootstrap_mean,se,t,p,ci_lower,ci_upper,severity,message
///
/// - `table`: the section (see below).
/// - `from`, `to`: what the number is about; their meaning per table is listed below.
///   Empty when the table needs only one name.
/// - `via`: the intermediate constructs of a specific indirect effect, joined by `->`.
/// - `statistic`: the quantity, in snake_case.
/// - `estimate`: the value on the full sample. Numbers are written with the shortest text that
///   reads back to the same double (full precision), integers without decimals.
/// - `bootstrap_mean`, `se`, `t`, `p`, `ci_lower`, `ci_upper`: bootstrap inference, filled only
///   with `--bootstrap N` and only for statistics that are bootstrapped; `t`, `p` and the
///   interval stay empty for a statistic fixed by construction (the loading and weight of a
///   single-item construct), whose `se` is 0.
/// - `severity`, `message`: only in `diagnostics` rows.
///
/// An empty cell means "not applicable" (never 0); a statistic that is undefined (e.g. an HTMT
/// with a zero monotrait correlation) is an empty `estimate`.
///
/// ## Tables
///
/// | table | from | to | statistic |
/// | --- | --- | --- | --- |
/// | `summary` | | | `observations`, `iterations`, `converged` (1/0), `admissible` (1/0), `replaced_cells`, `dropped_rows`; with a bootstrap also `bootstrap_resamples`, `bootstrap_failed`, `bootstrap_inadmissible`, `bootstrap_seed`, `ci_level` |
/// | `diagnostics` | construct | indicator | the diagnostic's code, e.g. `not-converged` (with `severity`, `message`, and the offending value as `estimate`) |
/// | `paths` | predictor | outcome | `path` |
/// | `r2` | construct | | `r2`, `r2_adjusted` |
/// | `f2` | predictor | outcome | `f2` |
/// | `inner_vif` | predictor | outcome | `vif` |
/// | `effects` | source | target | `total` (every pair), then `indirect` (pairs with an indirect effect) |
/// | `specific_indirect` | source | target | `specific_indirect` (with `via`) |
/// | `loadings` | construct | indicator | `loading` |
/// | `weights` | construct | indicator | `weight` |
/// | `outer_vif` | construct | indicator | `vif` |
/// | `reliability` | construct | | `alpha`, `rho_c`, `rho_a`, `ave` |
/// | `htmt` | row construct | column construct | `htmt` (bootstrapped: t and p of H0: HTMT = 1 against HTMT < 1), `htmt_upper_one_sided` (bootstrapped: the one-sided upper confidence limit, Franke & Sarstedt 2019), `htmt2` |
/// | `fornell_larcker` | row construct | column construct | `fornell_larcker` (√AVE on the diagonal, correlations below it) |
/// | `fit` | `saturated` or `estimated` | | `srmr`, `d_uls`, `d_g` |
/// | `q2` | construct | | `q2_redundancy`, `q2_communality` (with `--blindfolding`) |
/// | `plspredict` | construct | indicator | `q2_predict`, `rmse_pls`, `rmse_lm`, `mae_pls`, `mae_lm` (with `--predict`) |
/// | `cross_loadings` | construct | indicator | `cross_loading` |
/// | `construct_correlations` | row construct | column construct | `correlation` |
///
/// The assessment tables (`f2`, `inner_vif`, `outer_vif`, `reliability`, `htmt`,
/// `fornell_larcker`, `fit`) appear when the report carries an assessment. Tables come in the
/// document's order (`summary`, `diagnostics`, `paths`, `f2`, `inner_vif`, `r2`, `effects`, …);
/// rows keep the model's order. In R: `d <- read.csv("out.csv"); subset(d, table == "paths")`; in pandas:
/// `d = pd.read_csv("out.csv"); d[d.table == "paths"]`.
public enum CSVRenderer {
  /// The header row's column names.
  public static let columns = [
    "table", "from", "to", "via", "statistic", "estimate", "bootstrap_mean", "se", "t", "p",
    "ci_lower", "ci_upper", "severity", "message",
  ]

  /// The report as CSV text.
  public static func render(_ report: EstimationReport) -> String {
    render(report.document())
  }

  /// A report document as CSV text.
  public static func render(_ document: ReportDocument) -> String {
    var out = columns.joined(separator: ",") + "\n"
    func write(_ fields: [String]) {
      let padded = fields + Array(repeating: "", count: max(0, columns.count - fields.count))
      out += padded.map(quote).joined(separator: ",") + "\n"
    }
    for fact in document.facts {
      write(["summary", "", "", "", fact.name, fact.value])
    }
    for d in document.diagnostics {
      write(
        [
          "diagnostics", d.construct ?? "", d.indicator ?? "", "", d.code, number(d.value), "", "",
          "", "", "", "", d.severity.rawValue, d.message,
        ])
    }
    for table in document.tables {
      for longTable in table.longFormTables {
        for row in table.rows {
          for (k, column) in table.columns.enumerated() where k < row.cells.count {
            guard case .statistic(let longForm?) = column.content, longForm.table == longTable
            else { continue }
            let cell = row.cells[k]
            if cell.isBlank { continue }
            let subject = cell.subject ?? row.subject
            var fields = [
              longForm.table, subject.from, subject.to, subject.via, longForm.statistic,
              number(cell.value),
            ]
            if let inf = cell.inference {
              fields += [
                inf.bootstrapMean, inf.standardError, inf.t, inf.p, inf.ciLower, inf.ciUpper,
              ]
              .map(number)
            }
            write(fields)
          }
        }
      }
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
}
