/// The warning for indicators whose outer VIF exceeds 10: part of every estimate's
/// ``PLSEstimate/diagnostics`` (code `"outer-vif"`).
///
/// The outer VIF of an indicator is `1/(1 − R²)` of its regression on the other indicators of
/// its block (``PLSAssessment/outerVIF``). Above 10 (R² > 0.9), the classic rule of thumb for
/// serious collinearity (Marquardt 1970, "Generalized inverses, ridge regression, biased linear
/// estimation, and nonlinear estimation", Technometrics 12(3), 591–612; Kutner, Nachtsheim,
/// Neter & Li 2005, *Applied Linear Statistical Models*, 5th ed., §10.5), the numbers lose their
/// meaning in a Mode B block: its weights are multiple-regression coefficients, which
/// near-duplicate indicators inflate into large values of opposite signs with huge standard
/// errors. In a Mode A block the weights stay correlations, but such an indicator is nearly
/// redundant with the others. Hair et al. (2022, *A Primer on PLS-SEM*, 3rd ed., ch. 5) already
/// call VIF ≥ 5 critical for formative indicators; 10 warns only where the estimates
/// themselves become unreliable, and the VIF table shows every value.
public enum OuterVIFWarning {
  /// The outer VIF above which an indicator is named in a warning.
  public static let threshold = 10.0

  /// One warning per indicator of `estimate` whose outer VIF exceeds ``threshold``, in
  /// indicator order. None when the VIFs cannot be computed (a block whose correlation matrix
  /// is singular: the assessment reports that as an error).
  static func diagnostics(_ estimate: PLSEstimate) -> [Diagnostic] {
    guard let values = try? Collinearity.outerVIF(estimate) else { return [] }
    let layout = estimate.layout
    var result: [Diagnostic] = []
    for (i, value) in values.enumerated() where value.estimate > threshold {
      let modeB = layout.modes[layout.blockOf[i]] == .b
      let consequence =
        modeB
        ? "the Mode B weights of '\(value.construct)' are unstable (collinear indicators inflate them and their standard errors); drop or merge a near-duplicate indicator"
        : "it is nearly redundant with the other indicators of '\(value.construct)'"
      result.append(
        Diagnostic(
          severity: .warning, code: Diagnostic.Code.outerVIF,
          message:
            "indicator '\(value.indicator)' of construct '\(value.construct)' has an outer VIF of \(AdmissibilityProblem.format(value.estimate)) (above \(Int(threshold))): \(consequence)",
          construct: value.construct, indicator: value.indicator, value: value.estimate))
    }
    return result
  }
}
