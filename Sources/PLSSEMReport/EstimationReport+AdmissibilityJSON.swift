import PLSSEM

/// The top-level `"admissibility"` object of the estimate JSON (the CLI contract):
/// `{"admissible": bool, "problems": [text…], "details": [{"kind", "constructs", "indicator",
/// "value"}…]}` — `problems` are the sentences of ``AdmissibilityProblem/description`` and
/// `details` the same problems as data (`kind` is the stable
/// ``AdmissibilityProblem/Kind`` raw value, `value` the offending number or null).
extension EstimationReport {
  var admissibilityJSON: JSONValue {
    let admissibility = estimate.admissibility
    return .object([
      ("admissible", .bool(admissibility.isAdmissible)),
      ("problems", .array(admissibility.problems.map { .string($0.description) })),
      (
        "details",
        .array(
          admissibility.problems.map { problem in
            .object([
              ("kind", .string(problem.kind.rawValue)),
              ("constructs", .array(problem.constructs.map { .string($0) })),
              ("indicator", problem.indicator.map { .string($0) } ?? .null),
              ("value", .optional(problem.value)),
            ])
          })
      ),
    ])
  }
}
