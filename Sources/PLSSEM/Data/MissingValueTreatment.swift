/// What to do with missing cells (empty, `NA`, NaN or a user missing code) before estimation.
public enum MissingValueTreatment: String, Sendable, Codable, Equatable, CaseIterable {
  /// Replace each missing cell by the mean of the observed values of its indicator
  /// (the default of SmartPLS and seminr).
  case meanReplacement = "mean"
  /// Drop every row with a missing cell in any of the model's indicators.
  case casewiseDeletion = "casewise"
}
