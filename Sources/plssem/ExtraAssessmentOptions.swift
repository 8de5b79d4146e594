import ArgumentParser
import PLSSEM
import PLSSEMReport
import Survey

/// Assessments that look beyond the fit, asked for by name: the importance–performance map
/// analysis (`--ipma TARGET`, with the scale bounds of `--scale-min`/`--scale-max` or the
/// codebook) and the common method bias checks (`--cmb`). Used by `estimate` and `report`.
struct ExtraAssessmentOptions: ParsableArguments {
  @Flag(
    name: .customLong("cmb"),
    help:
      "Common method bias checks: full collinearity VIFs (each construct's scores regressed on all others; > 3.3 flagged, Kock 2015) and Harman's single-factor test (first unrotated principal component's share of the items' variance; >= 50% flagged). (default: off)"
  )
  var cmb = false

  @Option(
    name: .customLong("ipma"),
    help: ArgumentHelp(
      "Importance-performance map analysis (Ringle & Sarstedt 2016) for this endogenous target construct: indicators rescaled to 0-100 from their scale bounds (the codebook's scale points with --codebook, else --scale-min/--scale-max, else the observed range). (default: none)",
      valueName: "construct"))
  var ipma: String?

  @Option(
    name: .customLong("scale-min"),
    help: ArgumentHelp(
      "With --ipma: the lowest answer of every indicator's scale (e.g. 1), for indicators without a codebook scale. (default: none)",
      valueName: "value"))
  var scaleMin: Double?

  @Option(
    name: .customLong("scale-max"),
    help: ArgumentHelp(
      "With --ipma: the highest answer of every indicator's scale (e.g. 7). (default: none)",
      valueName: "value"))
  var scaleMax: Double?

  func validate() throws {
    if (scaleMin == nil) != (scaleMax == nil) {
      throw ValidationError("give --scale-min and --scale-max together")
    }
    if scaleMin != nil, ipma == nil {
      throw ValidationError("--scale-min and --scale-max apply to --ipma TARGET only")
    }
    if let low = scaleMin, let high = scaleMax, !(low.isFinite && high.isFinite && low < high) {
      throw ValidationError(
        "--scale-min must be below --scale-max (got \(low) and \(high))")
    }
  }

  /// The bounds every indicator without a codebook scale is rescaled with.
  var defaultBounds: ScaleBounds? {
    guard let low = scaleMin, let high = scaleMax else { return nil }
    return ScaleBounds(minimum: low, maximum: high)
  }

  /// The common method bias checks of `estimate`, when `--cmb` asks for them.
  func commonMethodBias(_ estimate: PLSEstimate) throws -> CommonMethodBias? {
    cmb ? try CommonMethodBias(estimate: estimate) : nil
  }

  /// The IPMA of `inputs`, when `--ipma` asks for one; its diagnostics are printed.
  func importancePerformance(_ inputs: EstimatedInputs) throws -> ImportancePerformance? {
    guard let target = ipma else { return nil }
    var bounds: [String: ScaleBounds] = [:]
    if let codebook = inputs.data.responses?.codebook {
      for indicator in inputs.estimate.indicatorNames {
        guard let item = codebook.item(indicator), let scale = codebook.scale(of: item) else {
          continue
        }
        bounds[indicator] = ScaleBounds(minimum: 1, maximum: Double(scale.points))
      }
    }
    do {
      let result = try ImportancePerformance(
        estimate: inputs.estimate, target: target, bounds: bounds, defaultBounds: defaultBounds)
      printDiagnostics(result.diagnostics)
      return result
    } catch .valueOutsideBounds(let indicator, let observation, let value, let scale) {
      // Name the data file's row: the observation-th row the estimate kept.
      let table = inputs.data.table
      let dropped = Set(inputs.estimate.dataSummary.droppedRowIndices)
      let kept = (0..<table.rowCount).filter { !dropped.contains($0) }
      let row = observation - 1 < kept.count ? table.rowNumbers[kept[observation - 1]] : observation
      throw InputError(
        description:
          "\(table.source), row \(row): --ipma: indicator '\(indicator)' has the value \(plainNumber(value)) outside its scale \(plainNumber(scale.minimum)) to \(plainNumber(scale.maximum)); give the questionnaire's bounds with --scale-min and --scale-max (or a codebook)"
      )
    } catch {
      throw InputError(description: "--ipma: \(error.description)")
    }
  }
}

/// `6` for 6.0, `6.5` for 6.5: a data value as a reader wrote it.
private func plainNumber(_ value: Double) -> String {
  if value.isFinite, value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
  return String(value)
}
