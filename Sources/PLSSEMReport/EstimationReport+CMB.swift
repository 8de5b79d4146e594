import PLSSEM

/// The common-method-bias checks in the report (`--cmb`): their section of the report document
/// (full collinearity VIFs and Harman's single-factor test, judged by ``QualityThresholds``,
/// with the caveats of each), and their JSON (`cmb`).
extension EstimationReport {
  /// The common method bias section.
  func cmbSection(_ cmb: CommonMethodBias, _ thresholds: QualityThresholds)
    -> ReportDocument.Section
  {
    let vifRule = thresholds.rule("cmb-vif")
    let vif = ReportTable(
      id: "cmb-vif", title: "Common method bias: full collinearity VIFs",
      columns: [
        .label("Construct"), .statistic("VIF", table: "cmb", statistic: "full_collinearity_vif"),
      ],
      rows: cmb.fullCollinearityVIF.map { v in
        ReportTable.Row(
          .init(v.construct),
          [
            .init(label(v.construct)),
            statisticCell(
              v.vif.isFinite ? v.vif : nil, verdict: thresholds.fullCollinearityVIF(v.vif),
              rule: vifRule),
          ])
      },
      notes: [
        "Each construct's scores regressed on all the other constructs' scores: VIF = 1 / (1 − R²) (Kock 2015). "
          + "A VIF above \(QualityThresholds.limit(thresholds.fullCollinearityVIF)) suggests common method bias, but strong genuine relations between constructs raise it too; values below do not prove its absence."
      ])
    let harmanRule = thresholds.rule("cmb-harman")
    let harman = ReportTable(
      id: "cmb-harman", title: "Common method bias: Harman's single-factor test",
      columns: [
        .label("Items"),
        .statistic("First eigenvalue", table: "cmb", statistic: "harman_first_eigenvalue"),
        .statistic("Variance share", table: "cmb", statistic: "harman_first_factor_share"),
      ],
      rows: [
        ReportTable.Row(
          .init("items"),
          [
            .init(String(cmb.items)), statisticCell(cmb.harmanFirstEigenvalue),
            statisticCell(
              cmb.harmanFirstFactorShare,
              verdict: thresholds.harmanShare(cmb.harmanFirstFactorShare), rule: harmanRule),
          ])
      ],
      notes: [
        "The share of the items' variance explained by the first unrotated principal component of their correlation matrix (Podsakoff et al. 2003). "
          + "A share of \(QualityThresholds.limit(thresholds.harmanShare * 100))% or more suggests one dominant factor; the test is insensitive — it detects only a method factor strong enough to dominate — so a lower share does not rule common method bias out."
      ])
    return ReportDocument.Section(id: "cmb", title: "Common method bias", tables: [vif, harman])
  }

  /// `cmb` of the JSON: `{fullCollinearityVIF: [{construct, vif}], harman: {firstFactorShare,
  /// firstEigenvalue, items}}`, or null.
  var cmbJSON: JSONValue {
    guard let commonMethodBias else { return .null }
    return .object([
      (
        "fullCollinearityVIF",
        .array(
          commonMethodBias.fullCollinearityVIF.map {
            .object([("construct", .string($0.construct)), ("vif", .optional($0.vif))])
          })
      ),
      (
        "harman",
        .object([
          ("firstFactorShare", .optional(commonMethodBias.harmanFirstFactorShare)),
          ("firstEigenvalue", .optional(commonMethodBias.harmanFirstEigenvalue)),
          ("items", .integer(commonMethodBias.items)),
        ])
      ),
    ])
  }
}
