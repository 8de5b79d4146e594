import LinearAlgebra
import PLSSEM

/// Everything a report shows about one analysis, gathered from the engine's results. The
/// human-readable formats and the CSV render its ``document(thresholds:)``, the JSON its
/// ``json()``; none computes a statistic.
public struct EstimationReport: Sendable {
  /// The estimate.
  public let estimate: PLSEstimate
  /// The quality criteria, when assessed.
  public let assessment: PLSAssessment?
  /// Bootstrap inference, when bootstrapped.
  public let bootstrap: BootstrapResult?
  /// The data file, for the report header.
  public let dataSource: String
  /// The model file, for the report header.
  public let modelSource: String
  /// The model file's text, shown by the HTML report; when nil the report writes the model out
  /// from `PLSEstimate.model` instead (without the file's comments).
  public var modelText: String?
  /// Warnings and notes the caller adds to the engine's (for example about reading the data);
  /// every format shows them with the engine's (``allDiagnostics``).
  public var diagnostics: [ReportDiagnostic] = []
  /// Names to show for constructs (by construct name), e.g. from a questionnaire codebook in
  /// the reader's language; the tables and the path diagram show ``label(_:)``, the JSON and the
  /// CSV's keys keep the construct names.
  public var constructLabels: [String: String] = [:]
  /// The language of the results in words (``ReportNarrative``) that ``document(thresholds:)``
  /// adds, and so the Markdown and HTML reports show; nil (the default) for none.
  public var narrativeLanguage: NarrativeLanguage?
  /// The importance–performance map analysis, when asked for (`--ipma TARGET`): a section of
  /// the document, the JSON's `ipma`, and the map in the HTML report.
  public var ipma: ImportancePerformance?
  /// The common method bias checks, when asked for (`--cmb`): a section of the document and
  /// the JSON's `cmb`.
  public var commonMethodBias: CommonMethodBias?
  /// The quality criteria of stage 1 of a two-stage estimate of higher-order constructs
  /// (`PLSEstimate.higherOrder`), for the lower-order constructs' reliability, AVE and HTMT.
  public var firstStageAssessment: PLSAssessment?

  /// The name to show for `construct`: its label, else its name.
  public func label(_ construct: String) -> String {
    constructLabels[construct] ?? construct
  }

  /// A report of `estimate`, with its assessment and bootstrap when there are any;
  /// `dataSource` and `modelSource` name the inputs in the report's header.
  public init(
    estimate: PLSEstimate, assessment: PLSAssessment? = nil, bootstrap: BootstrapResult? = nil,
    dataSource: String, modelSource: String
  ) {
    self.estimate = estimate
    self.assessment = assessment
    self.bootstrap = bootstrap
    self.dataSource = dataSource
    self.modelSource = modelSource
  }

  /// Bootstrap inference for a statistic, when there is any.
  public func inference(_ key: StatisticKey) -> StatisticInference? {
    bootstrap?.statistics[key]
  }

  /// Loadings in indicator order with their constructs.
  var loadingRows: [(construct: String, indicator: String, estimate: Double)] {
    estimate.indicatorNames.enumerated().map { i, name in
      (estimate.construct(ofIndicator: i), name, estimate.loadings[i])
    }
  }

  /// Weights in indicator order with their constructs.
  var weightRows: [(construct: String, indicator: String, estimate: Double)] {
    estimate.indicatorNames.enumerated().map { i, name in
      (estimate.construct(ofIndicator: i), name, estimate.weights[i])
    }
  }

  /// Total and indirect effects for every ordered pair with a nonzero total effect, in
  /// structural order of the source.
  var effectPairs: [(from: String, to: String, total: Double, indirect: Double)] {
    var rows: [(String, String, Double, Double)] = []
    let names = estimate.constructNames
    for (f, from) in names.enumerated() {
      for (t, to) in names.enumerated() where estimate.totalEffects[f, t] != 0 {
        rows.append((from, to, estimate.totalEffects[f, t], estimate.indirectEffects[f, t]))
      }
    }
    return rows
  }

  /// The reliability row of a construct.
  func reliability(_ construct: String) -> ConstructReliability? {
    assessment?.reliability.first { $0.construct == construct }
  }

  /// Every warning and note about the results: the engine's (`PLSEstimate.diagnostics`:
  /// non-convergence, each admissibility problem, outer VIF above 10; then
  /// `BootstrapResult.diagnostics`: resamples failed or inadmissible, very large SEs; the IPMA's
  /// negative weights and observed ranges), then the caller's
  /// (``diagnostics``).
  public var allDiagnostics: [ReportDiagnostic] {
    let engine = estimate.diagnostics + (bootstrap?.diagnostics ?? []) + (ipma?.diagnostics ?? [])
    let all = engine.map { ReportDiagnostic($0) }
    return all + diagnostics
  }
}
