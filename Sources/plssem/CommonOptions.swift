import ArgumentParser
import PLSSEM

extension InnerWeightingScheme: ExpressibleByArgument {}
extension InteractionMethod: ExpressibleByArgument {}
extension InteractionScale: ExpressibleByArgument {}
extension MissingValueTreatment: ExpressibleByArgument {}
extension StopCriterion: ExpressibleByArgument {}
extension ConfidenceIntervalMethod: ExpressibleByArgument {}
extension SignChange: ExpressibleByArgument {}
extension PValueDistribution: ExpressibleByArgument {}
extension TestTails: ExpressibleByArgument {}
extension HigherOrderMethod: ExpressibleByArgument {}
extension PowerTest: ExpressibleByArgument {}
extension InadmissibleResampleHandling: ExpressibleByArgument {}
extension PredictionTechnique: ExpressibleByArgument {}

/// The output formats: `table` (aligned text), `json` (the contract), `csv` (one long tidy
/// table), `markdown` (GitHub tables), `html` (self-contained report with the path diagram).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, markdown, html

  /// The usual file extension of the format, e.g. `md` for Markdown.
  var fileExtension: String {
    switch self {
    case .table: return "txt"
    case .json: return "json"
    case .csv: return "csv"
    case .markdown: return "md"
    case .html: return "html"
    }
  }
}

/// Where the data and model come from, and how missing values are handled.
struct InputOptions: ParsableArguments {
  @Option(
    name: .long,
    help:
      "The data: CSV/TSV (delimiter detected), Excel .xlsx, SPSS .sav/.zsav/.por or Stata .dta, recognised by content. Columns the model does not use need not be numeric. (required)"
  )
  var data: String

  @Option(
    name: .long,
    help: "The worksheet of an .xlsx workbook to read. (default: the first)")
  var sheet: String?

  @Option(
    name: .customLong("id-column"),
    help:
      "A column naming the respondents (an id or a name), used when reports and --scores name them. (default: none)"
  )
  var idColumn: String?

  @Option(
    name: .long,
    help:
      "The model: a lavaan-style text file (=~ Mode A, <~ Mode B, ~ paths); with --codebook it may hold only the structural paths. (required, unless --structural)"
  )
  var model: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The structural model instead of --model, e.g. \"Y ~ X1 + X2 + X3\" (statements separated by ';' or line breaks); the measurement model comes from --codebook. (default: none)",
      valueName: "paths"))
  var structural: String?

  @Option(
    name: .customLong("missing-code"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "A cell value that means missing, e.g. -99 (repeatable). Empty cells and NA are always missing. (default: none)",
      valueName: "value"))
  var missingCodes: [Double] = []

  @Option(
    name: .long,
    help:
      "Missing-value treatment: mean (replace by the indicator mean) or casewise (drop incomplete rows)."
  )
  var missing: MissingValueTreatment = .meanReplacement

  @Option(
    name: .long,
    help:
      "A questionnaire codebook (YAML): read --data as survey responses, applying its labels, reverse coding and missing codes. (default: none: --data is a numeric CSV)"
  )
  var codebook: String?

  @Flag(
    name: .long,
    help:
      "With --codebook: a construct measured from the codebook that has two or more dimensions becomes a higher-order construct over them (lower-order constructs X1_BL, X1_FL, ...; see --hoc). (default: off)"
  )
  var dimensions = false

  @Flag(
    name: .long,
    help:
      "With --codebook: mark bad cells missing and report them instead of failing. (default: off)")
  var lenient = false

  @Option(
    name: .customLong("exclude-rows"),
    help: ArgumentHelp(
      "Leave these respondents out of the estimate: rows as messages and describe number them (spreadsheet rows, the header being row 1; SPSS/Stata case numbers), e.g. 5,17,30-32. (default: none)",
      valueName: "rows"))
  var excludeRows: String?

  @Flag(
    name: .customLong("exclude-straightliners"),
    help:
      "Leave out respondents who gave the same answer to every item they answered (two or more): the codebook's items with --codebook, else the model's indicators. (default: off)"
  )
  var excludeStraightliners = false

  @Option(
    name: .customLong("exclude-missing-above"),
    help: ArgumentHelp(
      "Leave out respondents missing more than this share (0 to 1) of those items. (default: none)",
      valueName: "share"))
  var excludeMissingAbove: Double?

  /// `--exclude-rows` as row numbers.
  var excludedRowNumbers: [Int] {
    get throws { try RowList.parse(excludeRows ?? "") }
  }

  @Flag(
    name: .long,
    help:
      "Show the constructs by their names in the codebook (--codebook) in the tables and the path diagram; JSON and CSV keys keep the ids. (default: off)"
  )
  var labels = false

  @Option(
    name: .long,
    help:
      "The language of --labels, a language code of the codebook (id, en). (default: the --narrative language when the codebook has it, else the codebook's first)"
  )
  var language: String?

  func validate() throws {
    _ = try excludedRowNumbers
    if let share = excludeMissingAbove, !(share >= 0 && share <= 1) {
      throw ValidationError("--exclude-missing-above must lie between 0 and 1 (got \(share))")
    }
    if labels, codebook == nil {
      throw ValidationError("--labels needs --codebook: the construct names come from the codebook")
    }
    if language != nil, !labels {
      throw ValidationError("--language chooses the language of --labels; give --labels too")
    }
    switch (model, structural) {
    case (nil, nil):
      throw ValidationError(
        "give the model: --model FILE, or --structural \"Y ~ X1 + X2\" with --codebook")
    case (.some, .some):
      throw ValidationError("give --model FILE or --structural, not both")
    case (nil, .some) where codebook == nil:
      throw ValidationError(
        "--structural needs --codebook: the codebook's items measure the constructs it names")
    default: break
    }
  }

  /// The files this run reads, by role (`data`, `model`, `codebook`).
  var inputFiles: [(role: String, path: String)] {
    var files = [("data", data)]
    if let model { files.append(("model", model)) }
    if let codebook { files.append(("codebook", codebook)) }
    return files
  }
}

/// Settings of the PLS algorithm.
struct AlgorithmOptions: ParsableArguments {
  @Option(name: .long, help: "Inner weighting scheme: path, centroid or factorial.")
  var scheme: InnerWeightingScheme = .path

  @Option(name: .customLong("max-iterations"), help: "Iteration cap of the PLS algorithm.")
  var maxIterations: Int = 300

  @Option(name: .long, help: "Stop when the weight change falls below this.")
  var tolerance: Double = 1e-7

  @Flag(
    name: .long,
    help:
      "Consistent PLS (PLSc, Dijkstra & Henseler 2015): correct every =~ block with rho_A. (default: off)"
  )
  var consistent = false

  @Option(
    name: .customLong("hoc"),
    help:
      "Higher-order constructs (H =~ A + B): two-stage (disjoint two-stage approach, as seminr and SmartPLS 4) or repeated-indicators."
  )
  var higherOrder: HigherOrderMethod = .twoStage

  @Option(
    name: .customLong("stop-criterion"),
    help:
      "Form of the weight change: sum-absolute (seminr), max-absolute (SmartPLS), sum-squared, max-relative."
  )
  var stopCriterion: StopCriterion = .sumAbsoluteChange

  @Option(
    name: .long,
    help:
      "How interaction terms (Y ~ A + B + A:B) are measured: two-stage (stage-1 score product; SmartPLS 4 and Hair et al.), product-indicator (products of standardised indicators), orthogonal (products residualised on the indicators of A and B)."
  )
  var interaction: InteractionMethod = .twoStage

  @Option(
    name: .customLong("interaction-scale"),
    help:
      "Scale of an interaction term's score and so of its path: indicator-sd (seminr and PLS-SEM Using R: the unit-variance score times the loading-weighted SD of its indicators; for two-stage the centred score product) or unit-variance (standardised like every other construct score)."
  )
  var interactionScale: InteractionScale = .indicatorSD

  @Option(
    name: .customLong("slope-levels"), parsing: .unconditional,
    help: ArgumentHelp(
      "Moderator levels of the simple slopes of each interaction term X:M (the slope of X, the term's first construct, at M = mean + level x SD), in standard deviations, comma-separated.",
      valueName: "levels"))
  var slopeLevels = SlopeLevels(levels: SimpleSlope.defaultLevels)

  @Flag(
    name: .customLong("require-admissible"),
    help:
      "Fail (exit 1, listing the problems) when the solution is inadmissible: not converged, |loading| > 1, rho_A > 1 or <= 0, construct or model-implied correlations not positive semi-definite (the checks of cSEM's verify()). (default: off: report the estimates with a warning)"
  )
  var requireAdmissible = false

  var settings: PLSSettings {
    var settings = PLSSettings(
      scheme: scheme, maxIterations: maxIterations, tolerance: tolerance,
      stopCriterion: stopCriterion,
      consistent: consistent, interaction: interaction, interactionScale: interactionScale)
    settings.higherOrder = higherOrder
    settings.simpleSlopeLevels = slopeLevels.levels
    return settings
  }
}

/// Settings of the bootstrap.
struct BootstrapOptions: ParsableArguments {
  @Option(name: .long, help: "Bootstrap resamples (0 = no bootstrap).")
  var bootstrap: Int = 0

  @Option(
    name: .long,
    help:
      "Seed of every random draw; the same seed gives the same results on any number of threads.")
  var seed: UInt64 = 1

  @Option(name: .long, help: "Worker threads (default: all cores). Never changes the results.")
  var threads: Int?

  @Option(name: .long, help: "Confidence intervals: percentile or bca.")
  var ci: ConfidenceIntervalMethod = .percentile

  @Option(name: .long, help: "Confidence level.")
  var level: Double = 0.95

  @Option(
    name: .customLong("sign-change"),
    help: "Sign alignment of resample weights: none, individual or construct.")
  var signChange: SignChange = .none

  @Option(
    name: .customLong("p-values"),
    help: "Reference distribution of p-values: t (Student t, B-1 df) or normal.")
  var pValues: PValueDistribution = .studentT

  @Option(
    name: .long,
    help:
      "p-values of paths and effects: 2 (two-tailed) or 1 (one-tailed, in the direction of the estimate's sign)."
  )
  var tails: TestTails = .two

  @Option(
    name: .customLong("max-failure-share"), help: "Largest share of failed resamples tolerated.")
  var maxFailureShare: Double = 0.05

  @Option(
    name: .customLong("exact-quantile-budget"),
    help: ArgumentHelp(
      "Keep every draw for exact interval limits while resamples x statistics is at most this (8 bytes a draw); beyond it, a fixed-memory sketch (error < 0.01 SD). 0: always the sketch.",
      valueName: "values"))
  var exactQuantileBudget: Int = BootstrapSettings.defaultExactQuantileBudget

  @Option(
    name: .customLong("inadmissible-resamples"),
    help:
      "Resamples with an inadmissible solution (not converged, |loading| > 1, rho_A > 1 or <= 0, correlations not positive semi-definite): keep (as seminr), drop (cSEM's default) or replace (a new deterministic draw)."
  )
  var inadmissibleResamples: InadmissibleResampleHandling = .keep

  @Option(
    name: .customLong("keep-draws"),
    help: "Write every resample's estimates to this CSV file. (default: none)")
  var keepDraws: String?

  @Flag(
    name: .customLong("interaction-f2"),
    help:
      "Also bootstrap f² of each interaction path (the model re-estimated without the path in every resample: about one more PLS run per resample and interaction path). (default: off)"
  )
  var interactionF2 = false

  func settings(resamples: Int) -> BootstrapSettings {
    var settings = BootstrapSettings(
      resamples: resamples, seed: seed, threads: threads, confidenceInterval: ci, level: level,
      signChange: signChange, pValues: pValues, tails: tails, maximumFailureShare: maxFailureShare,
      exactQuantileBudget: exactQuantileBudget, inadmissibleResamples: inadmissibleResamples)
    if interactionF2 { settings.statistics.insert(.interactionEffectSize) }
    return settings
  }
}

/// The optional, more expensive quality criteria.
struct AssessOptions: ParsableArguments {
  @Flag(
    name: .long,
    help: "Q² by blindfolding (cross-validated redundancy and communality). (default: off)")
  var blindfolding = false

  @Option(
    name: .customLong("omission-distance"),
    help: "Blindfolding omission distance D (must not divide n).")
  var omissionDistance: Int = 7

  @Flag(
    name: .long,
    help:
      "PLSpredict: k-fold out-of-sample prediction against a linear-model benchmark. (default: off)"
  )
  var predict = false

  @Option(name: .long, help: "PLSpredict folds.")
  var folds: Int = 10

  @Option(
    name: .customLong("predict-technique"),
    help: "PLSpredict technique: EA (earliest antecedents) or DA (direct antecedents).")
  var predictTechnique: PredictionTechnique = .earliestAntecedents

  func options(seed: UInt64) -> AssessmentOptions {
    AssessmentOptions(
      blindfoldingOmissionDistance: blindfolding ? omissionDistance : nil,
      plsPredict: predict
        ? PLSPredictSettings(folds: folds, seed: seed, technique: predictTechnique) : nil)
  }
}

/// Output format and destination.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "Output format: table, json, csv, markdown or html. (default: table)", valueName: "format"))
  var requestedFormat: OutputFormat?

  /// The format asked for, else `table`.
  var format: OutputFormat { requestedFormat ?? .table }

  @Option(
    name: .long,
    help: "Write the output to this file (whole or not at all). (default: standard output)")
  var output: String?
}
