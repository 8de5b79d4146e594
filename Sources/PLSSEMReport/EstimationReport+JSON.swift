import LinearAlgebra
import PLSSEM

/// The JSON of `plssem estimate --format json` (schema `plssem.estimate/1`, see
/// docs in README.md "JSON output"). Keys are camelCase; every statistic that does not apply
/// is `null`, never omitted.
extension EstimationReport {
  /// The report as a JSON document.
  public func json() -> JSONValue {
    let e = estimate
    var members: [(String, JSONValue)] = [
      ("schema", .string("plssem.estimate/1")),
      ("observations", .integer(e.observations)),
      ("converged", .bool(e.converged)),
      ("iterations", .integer(e.iterations)),
      ("admissibility", admissibilityJSON),
      ("settings", settingsJSON),
      (
        "missingData",
        .object([
          ("treatment", .string(e.dataSummary.treatment.rawValue)),
          ("replacedCells", .integer(e.dataSummary.replacedCells)),
          ("droppedRows", .integer(e.dataSummary.droppedRows)),
        ])
      ),
      ("diagnostics", .array(allDiagnostics.map(\.json))),
      ("constructs", .array(constructsJSON)),
      (
        "paths",
        .array(
          e.pathList.map {
            entry(["from": $0.from, "to": $0.to], $0.estimate, .path(from: $0.from, to: $0.to))
          })
      ),
      (
        "loadings",
        .array(
          loadingRows.map {
            entry(
              ["construct": $0.construct, "indicator": $0.indicator], $0.estimate,
              .loading(construct: $0.construct, indicator: $0.indicator))
          })
      ),
      (
        "weights",
        .array(
          weightRows.map {
            entry(
              ["construct": $0.construct, "indicator": $0.indicator], $0.estimate,
              .weight(construct: $0.construct, indicator: $0.indicator))
          })
      ),
      (
        "htmt",
        .array(
          (assessment?.heterotraitMonotrait ?? []).map {
            entry(
              ["row": $0.row, "column": $0.column], $0.htmt, .htmt(row: $0.row, column: $0.column))
          })
      ),
      (
        "effects",
        .object([
          (
            "total",
            .array(
              effectPairs.map {
                entry(
                  ["from": $0.from, "to": $0.to], $0.total, .totalEffect(from: $0.from, to: $0.to))
              })
          ),
          (
            "indirect",
            .array(
              effectPairs.filter { $0.indirect != 0 }.map {
                entry(
                  ["from": $0.from, "to": $0.to], $0.indirect,
                  .indirectEffect(from: $0.from, to: $0.to))
              })
          ),
          (
            "specificIndirect",
            .array(
              e.specificIndirectEffects.map { effect in
                var item: [(String, JSONValue)] = [
                  ("chain", .array(effect.chain.map { .string($0) })),
                  ("from", .string(effect.from)), ("to", .string(effect.to)),
                ]
                item += inferenceMembers(
                  effect.estimate, .specificIndirectEffect(chain: effect.chain))
                return .object(item)
              })
          ),
        ])
      ),
    ]
    if let assessment {
      members.append(
        (
          "htmt2",
          .array(
            assessment.heterotraitMonotrait.map {
              .object([
                ("row", .string($0.row)), ("column", .string($0.column)),
                ("estimate", .optional($0.htmt2)),
              ])
            })
        ))
      members.append(
        ("fornellLarcker", matrixJSON(assessment.fornellLarcker, names: e.constructNames)))
      members.append(
        (
          "crossLoadings",
          .array(
            e.indicatorNames.enumerated().map { i, name in
              .object(
                [("indicator", .string(name)), ("construct", .string(e.construct(ofIndicator: i)))]
                  + e.constructNames.enumerated().map { j, c in
                    (c, .optional(e.crossLoadings[i, j]))
                  })
            })
        ))
      members.append(
        (
          "vif",
          .object([
            (
              "outer",
              .array(
                assessment.outerVIF.map {
                  .object([
                    ("construct", .string($0.construct)), ("indicator", .string($0.indicator)),
                    ("estimate", .optional($0.estimate)),
                  ])
                })
            ),
            (
              "inner",
              .array(
                assessment.innerVIF.map {
                  .object([
                    ("from", .string($0.from)), ("to", .string($0.to)),
                    ("estimate", .optional($0.estimate)),
                  ])
                })
            ),
          ])
        ))
      members.append(
        (
          "fSquare",
          .array(
            assessment.fSquare.map {
              .object([
                ("from", .string($0.from)), ("to", .string($0.to)),
                ("estimate", .optional($0.estimate)),
              ])
            })
        ))
      members += Self.qualityJSON(assessment)
    }
    members.append(
      ("constructCorrelations", matrixJSON(e.constructCorrelations, names: e.constructNames)))
    if let bootstrap { members.append(("bootstrap", bootstrap.summaryJSON)) }
    members.append(("cmb", cmbJSON))
    members.append(("ipma", ipmaJSON))
    if let higherOrder = higherOrderJSON { members.append(("higherOrder", higherOrder)) }
    members.append(("simpleSlopes", simpleSlopesJSON))
    members.append(("interactionFSquare", interactionFSquareJSON))
    members.append(("narrative", narrativeJSON))
    return .object(members)
  }

  private var settingsJSON: JSONValue {
    let s = estimate.settings
    let interaction: [(String, JSONValue)] =
      estimate.model.hasInteractions
      ? [
        ("interaction", .string(s.interaction.rawValue)),
        ("interactionScale", .string(s.interactionScale.rawValue)),
        ("simpleSlopeLevels", .array(s.simpleSlopeLevels.map { .number($0) })),
      ] : []
    return .object(
      [
        ("scheme", .string(s.scheme.rawValue)),
        ("consistent", .bool(s.consistent)),
      ] + interaction + [
        ("tolerance", .number(s.tolerance)),
        ("stopCriterion", .string(s.stopCriterion.rawValue)),
        ("maxIterations", .integer(s.maxIterations)),
        ("missing", .string(s.missing.rawValue)),
        ("bootstrap", .integer(bootstrap?.resamples ?? 0)),
        ("seed", bootstrap.map { .integer(Int(truncatingIfNeeded: $0.seed)) } ?? .null),
        ("tails", bootstrap.map { .integer($0.settings.tails.rawValue) } ?? .null),
      ])
  }

  private var constructsJSON: [JSONValue] {
    let e = estimate
    return e.model.constructs.enumerated().map { j, c in
      let rel = reliability(c.name)
      var members: [(String, JSONValue)] = [
        ("name", .string(c.name)),
        ("mode", .string(c.mode.rawValue)),
        ("indicators", .array(c.indicators.map { .string($0) })),
      ]
      members += [
        ("r2", .optional(e.rSquared[j])), ("r2Adjusted", .optional(e.adjustedRSquared[j])),
      ]
      if let r2 = e.rSquared[j], let inf = inference(.rSquared(construct: c.name)) {
        members += [
          (
            "r2Inference",
            .object(inferenceMembers(r2, .rSquared(construct: c.name), inferenceOverride: inf))
          )
        ]
      }
      members += [
        ("alpha", .optional(rel?.alpha)), ("rhoC", .optional(rel?.rhoC)),
        ("rhoA", .optional(rel?.rhoA)),
        ("ave", .optional(rel?.ave)),
      ]
      return .object(members)
    }
  }

  /// An entry with its identifying strings (in the order given by `identity`'s keys sorted
  /// as from/to or construct/indicator or row/column), its estimate and inference fields.
  private func entry(
    _ identity: KeyValuePairs<String, String>, _ estimate: Double?, _ key: StatisticKey
  ) -> JSONValue {
    var members: [(String, JSONValue)] = identity.map { ($0.key, .string($0.value)) }
    members += inferenceMembers(estimate, key)
    return .object(members)
  }

  func inferenceMembers(
    _ estimate: Double?, _ key: StatisticKey, inferenceOverride: StatisticInference? = nil
  )
    -> [(String, JSONValue)]
  {
    let inf = inferenceOverride ?? inference(key)
    var members: [(String, JSONValue)] = [
      ("estimate", .optional(estimate)),
      ("bootstrapMean", .optional(inf?.bootstrapMean)),
      ("se", .optional(inf?.standardError)),
      ("t", .optional(inf?.t)),
      ("p", .optional(inf?.p)),
      ("ciLower", .optional(inf?.ciLower)),
      ("ciUpper", .optional(inf?.ciUpper)),
    ]
    if case .htmt = key {
      // t and p test H0: HTMT = 1 against HTMT < 1; the one-sided upper limit is compared
      // with 0.85 or 0.90 (Franke & Sarstedt 2019).
      members += [
        ("nullValue", .optional(inf?.test?.nullValue)),
        ("upperOneSided", .optional(inf?.upperOneSided)),
      ]
    }
    return members
  }

  private func matrixJSON(_ m: Matrix, names: [String]) -> JSONValue {
    .array(
      names.enumerated().map { i, row in
        .object(
          [("construct", .string(row))]
            + names.enumerated().map { j, col in (col, .optional(m[i, j])) })
      })
  }
}

extension ReportDiagnostic {
  /// The diagnostic as an entry of the JSON's top-level `diagnostics` array: `severity`,
  /// `code`, `message`, and `construct`, `indicator`, `statistic`, `value` (null when they do
  /// not apply).
  var json: JSONValue {
    .object([
      ("severity", .string(severity.rawValue)), ("code", .string(code)),
      ("message", .string(message)),
      ("construct", construct.map { .string($0) } ?? .null),
      ("indicator", indicator.map { .string($0) } ?? .null),
      ("statistic", statistic.map { .string($0) } ?? .null),
      ("value", .optional(value)),
    ])
  }
}
