import PLSSEM

extension BootstrapResult {
  /// The `bootstrap` object of the estimate JSON: the run's settings and bookkeeping.
  /// The thread count is deliberately absent: results do not depend on it.
  var summaryJSON: JSONValue {
    .object([
      ("resamples", .integer(resamples)),
      ("failed", .integer(failed)),
      ("inadmissible", .integer(inadmissible)),
      ("inadmissibleResamples", .string(settings.inadmissibleResamples.rawValue)),
      ("seed", .integer(Int(truncatingIfNeeded: seed))),
      ("generator", .string(generator)),
      ("ci", .string(settings.confidenceInterval.rawValue)),
      ("level", .number(settings.level)),
      ("signChange", .string(settings.signChange.rawValue)),
      ("pValues", .string(settings.pValues.rawValue)),
      ("tails", .integer(settings.tails.rawValue)),
      ("quantiles", .string(exactQuantiles ? "exact" : "sketch")),
      ("seDenominator", .string("B - 1")),
    ])
  }
}
