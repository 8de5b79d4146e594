import Foundation
import LinearAlgebra
import PLSSEM

/// The terminal table output of `plssem estimate`: aligned columns that fit 80 characters,
/// significance stars by the bootstrap p-value (`*` p < .05, `**` p < .01, `***` p < .001, the
/// APA convention), and thresholds marked where a value misses them (`!`).
public enum TableRenderer {
  /// The report as text tables.
  public static func render(_ report: EstimationReport) -> String {
    let e = report.estimate
    var out = ""
    out += "PLS-SEM estimate — \(report.modelSource) on \(report.dataSource)\n"
    var dataLine = "\(e.observations) observations"
    let summary = e.dataSummary
    if summary.replacedCells > 0 {
      dataLine += "; \(summary.replacedCells) missing cells replaced by indicator means"
    }
    if summary.droppedRows > 0 { dataLine += "; \(summary.droppedRows) incomplete rows dropped" }
    out += dataLine + "\n"
    let s = e.settings
    out += "\(s.consistent ? "Consistent PLS, " : "")\(s.scheme.rawValue) weighting; "
    out +=
      e.converged
      ? "converged after \(e.iterations) iterations (tolerance \(NumberText.setting(s.tolerance)))\n"
      : "WARNING: did not converge within \(s.maxIterations) iterations\n"
    if let b = report.bootstrap {
      out +=
        "Bootstrap: \(b.resamples) resamples (\(b.failed) failed), seed \(b.seed), \(b.settings.confidenceInterval.rawValue) \(NumberText.setting(b.settings.level * 100))% CI\n"
    }
    out += "\n" + pathTable(report)
    out += "\n" + r2Table(report)
    out += "\n" + measurementTable(report)
    if let a = report.assessment {
      out += "\n" + reliabilityTable(a)
      out += "\n" + htmtTable(a)
      out += "\n" + fitTable(a)
      if let q2 = a.q2 { out += "\n" + q2Table(q2) }
      if let predict = a.plsPredict { out += "\n" + predictTable(predict) }
    }
    if report.bootstrap != nil {
      out += "\n" + NumberText.significanceConvention + "\n"
    }
    if report.assessment != nil {
      out +=
        "Thresholds: ! marks loading < 0.70, AVE < 0.50, alpha or rho_C < 0.70, HTMT > 0.85, VIF > 5.\n"
    }
    return out
  }

  static func pathTable(_ report: EstimationReport) -> String {
    let e = report.estimate
    var rows: [[String]] = []
    let boot = report.bootstrap != nil
    for path in e.pathList {
      var row = ["\(path.from) -> \(path.to)", fixed(path.estimate)]
      if let inf = report.inference(.path(from: path.from, to: path.to)) {
        row += [
          fixed(inf.standardError), fixed(inf.t, 2), pValue(inf.p) + NumberText.stars(inf.p),
          "[\(fixed(inf.ciLower)), \(fixed(inf.ciUpper))]",
        ]
      } else if boot {
        row += ["", "", "", ""]
      }
      if let f2 = report.assessment?.fSquare.first(where: {
        $0.from == path.from && $0.to == path.to
      }) {
        row.append(fixed(f2.estimate))
      }
      rows.append(row)
    }
    var header = ["Path", "Estimate"]
    if boot { header += ["SE", "t", "p", "CI"] }
    if report.assessment != nil { header.append("f²") }
    return "Structural model: path coefficients\n"
      + layout(header: header, rows: rows, rightAligned: Set(1..<header.count))
  }

  static func r2Table(_ report: EstimationReport) -> String {
    let e = report.estimate
    var rows: [[String]] = []
    for (j, name) in e.constructNames.enumerated() {
      guard let r2 = e.rSquared[j] else { continue }
      rows.append([name, fixed(r2), fixed(e.adjustedRSquared[j] ?? .nan)])
    }
    return "Explained variance\n"
      + layout(header: ["Construct", "R²", "adj. R²"], rows: rows, rightAligned: [1, 2])
  }

  static func measurementTable(_ report: EstimationReport) -> String {
    let e = report.estimate
    var rows: [[String]] = []
    for (i, indicator) in e.indicatorNames.enumerated() {
      let construct = e.construct(ofIndicator: i)
      let loading = e.loadings[i]
      var row = [
        construct, indicator,
        fixed(loading) + (report.assessment != nil && loading < 0.7 ? "!" : ""),
        fixed(e.weights[i]),
      ]
      if let inf = report.inference(.loading(construct: construct, indicator: indicator)) {
        row += [NumberText.isFixed(inf) ? "n/a" : fixed(inf.t, 2) + NumberText.stars(inf.p)]
      }
      if let vif = report.assessment?.outerVIF.first(where: { $0.indicator == indicator }) {
        row.append(fixed(vif.estimate, 2) + (vif.estimate > 5 ? "!" : ""))
      }
      rows.append(row)
    }
    var header = ["Construct", "Indicator", "Loading", "Weight"]
    if report.bootstrap != nil { header.append("t (load.)") }
    if report.assessment != nil { header.append("VIF") }
    return "Measurement model\n"
      + layout(header: header, rows: rows, rightAligned: Set(2..<header.count))
  }

  static func reliabilityTable(_ a: PLSAssessment) -> String {
    let rows = a.reliability.map { r in
      [
        r.construct, fixed(r.alpha) + (r.alpha < 0.7 ? "!" : ""),
        fixed(r.rhoC) + (r.rhoC < 0.7 ? "!" : ""),
        fixed(r.rhoA), fixed(r.ave) + (r.ave < 0.5 ? "!" : ""),
      ]
    }
    return "Reliability and convergent validity\n"
      + layout(
        header: ["Construct", "alpha", "rho_C", "rho_A", "AVE"], rows: rows,
        rightAligned: [1, 2, 3, 4])
  }

  static func htmtTable(_ a: PLSAssessment) -> String {
    let rows = a.heterotraitMonotrait.map { h in
      [
        h.row, h.column, h.htmt.map { fixed($0) + ($0 > 0.85 ? "!" : "") } ?? "n/a",
        h.htmt2.map { fixed($0) } ?? "n/a",
      ]
    }
    return "Discriminant validity (HTMT)\n"
      + layout(
        header: ["Construct", "Construct", "HTMT", "HTMT2"], rows: rows, rightAligned: [2, 3])
  }

  static func fitTable(_ a: PLSAssessment) -> String {
    func row(_ name: String, _ m: FitMeasures) -> [String] {
      [name, fixed(m.srmr), fixed(m.dULS), m.dG.map { fixed($0) } ?? "n/a"]
    }
    return "Model fit (SRMR < 0.08 suggests good fit; d_G with base-10 logs)\n"
      + layout(
        header: ["Model", "SRMR", "d_ULS", "d_G"],
        rows: [row("saturated", a.fit.saturated), row("estimated", a.fit.estimated)],
        rightAligned: [1, 2, 3])
  }

  static func q2Table(_ b: Blindfolding) -> String {
    let rows = b.constructs.map { r in [r.construct, fixed(r.q2Redundancy), fixed(r.q2Communality)]
    }
    return
      "Predictive relevance (blindfolding, D = \(b.omissionDistance); Q² > 0 indicates relevance)\n"
      + layout(
        header: ["Construct", "Q² (redundancy)", "Q² (communality)"], rows: rows,
        rightAligned: [1, 2])
  }

  static func predictTable(_ p: PLSPredict) -> String {
    let rows = p.indicators.map { i in
      [
        i.indicator, fixed(i.q2Predict), fixed(i.plsRMSE), fixed(i.lmRMSE), fixed(i.plsMAE),
        fixed(i.lmMAE),
      ]
    }
    return "PLSpredict (\(p.folds) folds, \(p.technique.rawValue))\n"
      + layout(
        header: ["Indicator", "Q²predict", "RMSE PLS", "RMSE LM", "MAE PLS", "MAE LM"], rows: rows,
        rightAligned: Set(1..<6))
  }

  /// Left- or right-aligned columns separated by two spaces, with a rule under the header.
  public static func layout(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
    let columns = header.count
    var widths = header.map(\.count)
    for row in rows {
      for (k, cell) in row.enumerated() where k < columns { widths[k] = max(widths[k], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      (0..<columns).map { k in
        let cell = k < cells.count ? cells[k] : ""
        let pad = String(repeating: " ", count: widths[k] - cell.count)
        return rightAligned.contains(k) ? pad + cell : cell + pad
      }.joined(separator: "  ").replacingOccurrences(
        of: "\\s+$", with: "", options: .regularExpression)
    }
    var text = "  " + line(header) + "\n"
    text += "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { text += "  " + line(row) + "\n" }
    return text
  }

  static func fixed(_ value: Double, _ digits: Int = 3) -> String {
    guard value.isFinite else { return "n/a" }
    return String(format: "%.\(digits)f", value)
  }

  static func pValue(_ p: Double) -> String {
    guard p.isFinite else { return "n/a" }
    return p < 0.001 ? "<.001" : String(format: "%.3f", p)
  }

}
