/// A warning or note about a result, carried as a value by the result itself
/// (``PLSEstimate/diagnostics``, the bootstrap's result) so that every front end shows the same
/// ones: the command line prints them to standard error (`warning: …`, `note: …`) and every
/// report format lists them.
///
/// ``code`` is a stable machine-readable name (kebab-case) that scripts may rely on; the
/// ``message`` is written in the library's terms and may change wording. The codes the engine
/// uses are collected in ``Code``.
public struct Diagnostic: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Codable, Hashable, CaseIterable {
    /// Information worth knowing that does not cast doubt on the numbers.
    case note
    /// The numbers may be meaningless or need care in interpretation.
    case warning
  }

  /// The stable codes of the engine's diagnostics (values of ``Diagnostic/code``).
  public enum Code {
    /// The PLS algorithm did not converge within the iteration cap.
    public static let notConverged = "not-converged"
    /// The solution is inadmissible (one per ``AdmissibilityProblem`` other than
    /// non-convergence).
    public static let inadmissible = "inadmissible"
    /// An indicator's outer VIF exceeds the threshold (``OuterVIFWarning``).
    public static let outerVIF = "outer-vif"
    /// Bootstrap resamples could not be computed and were left out (``BootstrapResult``).
    public static let resamplesFailed = "resamples-failed"
    /// Bootstrap resamples had inadmissible solutions: kept, dropped or replaced
    /// (``BootstrapSettings/inadmissibleResamples``).
    public static let resamplesInadmissible = "resamples-inadmissible"
    /// A statistic's bootstrap SE exceeds 100 times its estimate (``BootstrapResult``).
    public static let largeSE = "large-se"
  }

  /// How serious it is.
  public var severity: Severity
  /// The stable code, e.g. `"outer-vif"`, `"inadmissible"`, `"not-converged"`.
  public var code: String
  /// What happened, in words (one sentence or two, naming constructs and indicators).
  public var message: String
  /// The construct it concerns, if one.
  public var construct: String?
  /// The indicator it concerns, if one.
  public var indicator: String?
  /// The statistic it concerns (a ``StatisticKey`` description), if one.
  public var statistic: String?
  /// The value that triggered it (e.g. the VIF, the loading, ρ_A), if one; never NaN or
  /// infinite (nil then).
  public var value: Double?

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
    self.value = value.flatMap { $0.isFinite ? $0 : nil }
  }

  /// `"warning: <message>"` or `"note: <message>"`: the line the command line prints.
  public var description: String { "\(severity.rawValue): \(message)" }
}
