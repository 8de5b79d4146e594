import PLSSEM

/// The JSON of model fit, blindfolding Q² and PLSpredict (keys `fit`, `q2`, `plsPredict`;
/// `q2` and `plsPredict` are `null` unless requested with `--blindfolding` / `--predict`).
extension EstimationReport {
  static func qualityJSON(_ a: PLSAssessment) -> [(String, JSONValue)] {
    func measures(_ m: FitMeasures) -> JSONValue {
      .object([("srmr", .optional(m.srmr)), ("dULS", .optional(m.dULS)), ("dG", .optional(m.dG))])
    }
    func relevance(_ r: PredictiveRelevance) -> JSONValue {
      var members: [(String, JSONValue)] = [("construct", .string(r.construct))]
      if let indicator = r.indicator { members.append(("indicator", .string(indicator))) }
      members += [
        ("sso", .optional(r.sso)), ("sseRedundancy", .optional(r.sseRedundancy)),
        ("sseCommunality", .optional(r.sseCommunality)),
        ("q2Redundancy", .optional(r.q2Redundancy)),
        ("q2Communality", .optional(r.q2Communality)),
      ]
      return .object(members)
    }
    let q2: JSONValue =
      a.q2.map { b in
        .object([
          ("omissionDistance", .integer(b.omissionDistance)),
          ("constructs", .array(b.constructs.map(relevance))),
          ("indicators", .array(b.indicators.map(relevance))),
        ])
      } ?? .null
    let predict: JSONValue =
      a.plsPredict.map { p in
        .object([
          ("folds", .integer(p.folds)), ("technique", .string(p.technique.rawValue)),
          (
            "seed", a.options.plsPredict.map { .integer(Int(truncatingIfNeeded: $0.seed)) } ?? .null
          ),
          (
            "indicators",
            .array(
              p.indicators.map { i in
                .object([
                  ("construct", .string(i.construct)), ("indicator", .string(i.indicator)),
                  ("plsRMSE", .optional(i.plsRMSE)), ("plsMAE", .optional(i.plsMAE)),
                  ("q2Predict", .optional(i.q2Predict)),
                  ("lmRMSE", .optional(i.lmRMSE)), ("lmMAE", .optional(i.lmMAE)),
                  ("lmQ2Predict", .optional(i.lmQ2Predict)),
                ])
              })
          ),
        ])
      } ?? .null
    return [
      (
        "fit",
        .object([
          ("saturated", measures(a.fit.saturated)), ("estimated", measures(a.fit.estimated)),
        ])
      ),
      ("q2", q2),
      ("plsPredict", predict),
    ]
  }
}
