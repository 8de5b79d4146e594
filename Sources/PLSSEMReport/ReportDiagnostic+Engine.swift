import PLSSEM

extension ReportDiagnostic {
  /// The report's form of an engine diagnostic (`PLSSEM.Diagnostic`), field by field.
  public init(_ diagnostic: Diagnostic) {
    self.init(
      severity: diagnostic.severity == .warning ? .warning : .note, code: diagnostic.code,
      message: diagnostic.message, construct: diagnostic.construct,
      indicator: diagnostic.indicator, statistic: diagnostic.statistic, value: diagnostic.value)
  }
}
