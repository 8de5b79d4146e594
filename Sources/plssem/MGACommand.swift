import ArgumentParser
import DataFiles
import Foundation
import PLSSEM
import PLSSEMReport
import Survey

extension GroupingError: BadInputError {}

/// The options that define the groups of `plssem mga`.
struct GroupOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The grouping column: each of its values is a group (two or more).", valueName: "column"))
  var groups: String

  @Option(
    name: .customLong("group-values"),
    help: ArgumentHelp(
      "The groups to compare, in this order, as values of the grouping column or their labels, e.g. 1,2. (default: every value, ascending)",
      valueName: "values"))
  var groupValues: String?

  @Option(
    name: .long, help: "Permutations of the group labels for the permutation test (0 = none).")
  var permutations: Int = 1000

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Henseler's PLS-MGA p: one (the one-sided P(group 1 <= group 2), as seminr and cSEM) or two (two-sided, 2 min(P, 1 - P)).",
      valueName: "one|two"))
  var henseler: HenselerSides = .oneSided

  @Flag(
    name: .long,
    help:
      "Also run MICOM (Henseler, Ringle & Sarstedt 2016) on the same permutations: configural, compositional and mean/variance invariance per construct. (default: off)"
  )
  var micom = false
}

extension HenselerSides: ExpressibleByArgument {}

/// `plssem mga`: multi-group analysis.
struct MGACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mga",
    abstract: "Multi-group analysis: estimate the model on each group and test every difference.",
    discussion: """
      The rows are split by the values of --groups; missing values are treated once on the
      pooled rows, then every group is estimated with the same settings and bootstrapped
      (--bootstrap N per group). For every path, loading, weight, R², total and indirect effect
      and every pair of groups: the difference and the p-values of the permutation test
      (--permutations, Chin & Dibbern 2010), Henseler's PLS-MGA (--henseler one|two), the
      parametric test (Keil et al. 2000) and the Welch–Satterthwaite test. Every draw comes from
      counter-based streams of --seed: the same on any number of threads.

      Examples:
        plssem mga --data corp_rep.csv --model extended.model --missing-code -99 --groups servicetype --permutations 1000 --bootstrap 1000 --seed 7
        plssem mga --data survey.sav --model led.model --groups province --group-values 1,2 --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var algorithm: AlgorithmOptions
  @OptionGroup var group: GroupOptions
  @OptionGroup var bootstrap: BootstrapOptions
  @OptionGroup var output: OutputOptions

  @Option(
    name: .long,
    help:
      "Run shard k of N (written k/N) of the groups' bootstraps and the permutations; writes a shard file to --output for `plssem merge`."
  )
  var shard: String?

  @OptionGroup var messages: MessageOptions

  func run() throws {
    messages.apply()
    try runReportingErrors {
      guard let shardText = shard else {
        let report = try analyzeGroups(input, algorithm, group, bootstrap)
        try emit(render(report, format: output.format), to: output.output)
        return
      }
      guard let destination = output.output else {
        throw InputError(description: "--shard needs --output FILE for the shard file")
      }
      guard output.requestedFormat == nil else {
        throw InputError(
          description:
            "--format does not apply with --shard: a shard file is always the JSON that `plssem merge` reads"
        )
      }
      guard bootstrap.keepDraws == nil else {
        throw InputError(
          description: "--keep-draws is not available with --shard (run it whole)")
      }
      let parts = shardText.split(separator: "/")
      guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
        throw InputError(description: "--shard takes k/N, e.g. 2/4 (got '\(shardText)')")
      }
      let spec = try ShardSpec(index: k, count: n)
      let prepared = try prepareGroups(input, algorithm, group, bootstrap)
      let state = try prepared.analysis.state(
        prepared.model.model, groups: prepared.split, shard: spec)
      var arguments = ShardProvenance.shapingArguments(of: CommandLine.arguments)
      if arguments.first == "mga" { arguments.removeFirst() }
      let provenance = try ShardProvenance.record(input, arguments: arguments)
      let file = MultiGroupShard(shard: spec, state: state, provenance: provenance)
      try OutputFile.write(try file.encoded(), to: destination)
    }
  }
}

/// `plssem merge` of `plssem mga --shard` files: merged through the bootstrap's checks (each
/// group's bootstrap) and the permutation counts' merge, then finished with the recorded
/// options, so the output equals the single run's.
func mergeMultiGroupShards(_ paths: [String], output: OutputOptions) throws {
  let files = try paths.map { path -> (source: String, shard: MultiGroupShard) in
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(description: "\(path): cannot read the shard file")
    }
    return (path, try MultiGroupShard.decode(data, source: path))
  }
  let state = try MultiGroupShard.merge(files)
  guard let (source, first) = files.first else { return }
  try ShardProvenance.checkUnchanged(first.provenance, source: source)
  let command: MGACommand
  do {
    command = try MGACommand.parse(first.provenance.arguments)
  } catch {
    throw BootstrapError.malformedShard(
      source: source,
      reason: "its recorded options do not parse: \(MGACommand.message(for: error))")
  }
  let report = try analyzeGroups(
    command.input, command.algorithm, command.group, command.bootstrap, merged: state)
  try emit(render(report, format: output.format), to: output.output)
}

/// `plssem micom`: measurement invariance of composites between groups.
struct MICOMCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "micom",
    abstract:
      "MICOM: measurement invariance of composites between groups (before comparing or pooling them).",
    discussion: """
      The same as `plssem mga --micom` (the groups, the permutations and the JSON are the
      same; --bootstrap defaults to 0 here): step 1 configural invariance as a checklist,
      step 2 compositional invariance (c on the pooled z-standardised indicators, its
      permutation 5% quantile and p), step 3 equal composite means and variances (permutation
      intervals and p), and a verdict per construct: no, partial or full invariance, and
      whether the groups may be pooled.

      Example:
        plssem micom --data corp_rep.csv --model extended.model --missing-code -99 --groups servicetype --permutations 1000 --seed 7
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var algorithm: AlgorithmOptions
  @OptionGroup var group: GroupOptions
  @OptionGroup var bootstrap: BootstrapOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var messages: MessageOptions

  func run() throws {
    messages.apply()
    try runReportingErrors {
      var group = group
      group.micom = true
      let report = try analyzeGroups(input, algorithm, group, bootstrap)
      try emit(render(report, format: output.format), to: output.output)
    }
  }
}

/// What a multi-group run read, and the analysis it runs.
struct PreparedGroups {
  var model: LoadedModel
  var split: GroupSplit
  var analysis: MultiGroupAnalysis
}

/// Loads the data and model, splits the rows into groups and runs the multi-group analysis
/// (or finishes the `merged` state of its shards).
func analyzeGroups(
  _ input: InputOptions, _ algorithm: AlgorithmOptions, _ group: GroupOptions,
  _ bootstrap: BootstrapOptions, merged: MultiGroupState? = nil
) throws -> MultiGroupReport {
  let prepared = try prepareGroups(input, algorithm, group, bootstrap)
  let (model, split) = (prepared.model, prepared.split)
  let analysis = prepared.analysis
  let state = try merged ?? analysis.state(model.model, groups: split)
  let result = try analysis.result(model.model, groups: split, state: state)
  if let path = bootstrap.keepDraws {
    try writeGroupDraws(result, to: path)
  }
  let labelsOfConstructs = try constructLabels(input, model: model.model)
  let reports = try result.groups.map { g in
    var report = EstimationReport(
      estimate: g.estimate, assessment: try PLSAssessment(estimate: g.estimate),
      bootstrap: g.bootstrap, dataSource: input.data, modelSource: model.source)
    report.modelText = model.text
    report.constructLabels = labelsOfConstructs
    return report
  }
  var report = MultiGroupReport(
    result: result, groupReports: reports, dataSource: input.data, modelSource: model.source)
  report.micom = result.micom
  return report
}

/// Loads the data and model and splits the rows into groups.
func prepareGroups(
  _ input: InputOptions, _ algorithm: AlgorithmOptions, _ group: GroupOptions,
  _ bootstrap: BootstrapOptions
) throws -> PreparedGroups {
  guard bootstrap.bootstrap == 0 || bootstrap.bootstrap >= 2 else {
    throw InputError(
      description: "--bootstrap must be 0 (no bootstrap) or at least 2 (got \(bootstrap.bootstrap))"
    )
  }
  guard !group.micom || group.permutations >= 1 else {
    throw InputError(
      description: "MICOM needs --permutations 1 or more (got \(group.permutations))")
  }
  guard group.permutations >= 0 else {
    throw InputError(
      description: "--permutations must be 0 (none) or more (got \(group.permutations))")
  }
  let model = try loadModel(input)
  let (loaded, _) = try excludeRespondents(
    try loadData(input, model: model.model), input: input, model: model.model)
  var table = loaded.table
  var labels: [Double: String] = [:]
  if input.codebook != nil || !table.columnNames.contains(group.groups) {
    // A codebook reads only its items: take the grouping column from the file itself.
    if let column = try groupingColumn(input, name: group.groups, rows: table.rowNumbers) {
      table = try DataTable(
        columnNames: table.columnNames + [group.groups], columns: table.columns + [column.values],
        source: table.source, nonNumericColumns: table.nonNumericColumns,
        rowNumbers: table.rowNumbers)
      labels = column.labels
    }
  } else if let column = try groupingColumn(input, name: group.groups, rows: table.rowNumbers) {
    labels = column.labels
  }
  // The codebook's labels of the grouping column (its `variables`) name the groups first.
  if let path = input.codebook {
    let codebook = try Codebook(contentsOfFile: path)
    if let variable = codebook.variable(group.groups) {
      for code in variable.labels.keys {
        if let label = variable.label(of: code, languages: codebook.languages) {
          labels[code] = label
        }
      }
    }
  }
  let values = try group.groupValues.map { try parseGroupValues($0, labels: labels) }
  let split = try GroupSplit(
    data: table, column: group.groups, values: values, labels: labels, model: model.model,
    missing: input.missing)
  var plsSettings = algorithm.settings
  plsSettings.missing = input.missing
  var settings = MultiGroupSettings(
    permutations: group.permutations, resamples: bootstrap.bootstrap, seed: bootstrap.seed,
    threads: bootstrap.threads, henseler: group.henseler,
    bootstrap: bootstrap.settings(resamples: max(2, bootstrap.bootstrap)))
  settings.keepDraws = bootstrap.keepDraws != nil
  settings.micom = group.micom
  return PreparedGroups(
    model: model, split: split,
    analysis: MultiGroupAnalysis(estimator: PLSEstimator(settings: plsSettings), settings: settings)
  )
}

/// The grouping column read from the data file as plain numbers (with its value labels from an
/// SPSS or Stata file), aligned with `rows` (row numbers); nil when the file has no such column.
private func groupingColumn(_ input: InputOptions, name: String, rows: [Int]) throws -> (
  values: [Double], labels: [Double: String]
)? {
  let bytes = try DataFileReader.contents(ofFile: input.data)
  let format = try DataFileReader.format(of: bytes, source: input.data)
  var labels: [Double: String] = [:]
  if format != .delimitedText {
    let sheet = try DataFileReader.read(
      bytes: bytes, source: input.data, options: DataFileOptions(sheet: input.sheet))
    if let index = sheet.columnIndex(named: name) {
      for label in sheet.columns[index].valueLabels { labels[label.value] = label.label }
    }
  }
  let plain = try loadNumericData(
    path: input.data, bytes: bytes, format: format, missingCodes: input.missingCodes,
    sheet: input.sheet, model: nil)
  if let problem = plain.table.nonNumericProblem(name) {
    throw GroupingError.nonNumericColumn(column: name, problem: problem)
  }
  guard let column = plain.table.column(named: name) else { return nil }
  var byRow: [Int: Double] = [:]
  for (i, row) in plain.table.rowNumbers.enumerated() { byRow[row] = column[i] }
  return (rows.map { byRow[$0] ?? .nan }, labels)
}

/// `--group-values 1,2` (values or their labels) as values.
private func parseGroupValues(_ text: String, labels: [Double: String]) throws -> [Double] {
  try text.split(separator: ",").map { part in
    let item = part.trimmingCharacters(in: .whitespaces)
    if let value = Double(item) { return value }
    if let (value, _) = labels.first(where: {
      $0.value.caseInsensitiveCompare(item) == .orderedSame
    }) {
      return value
    }
    throw InputError(
      description:
        "--group-values: '\(item)' is neither a number nor a label of the grouping column")
  }
}

/// `--keep-draws FILE` of `plssem mga`: every group's bootstrap draws and every permutation's
/// group statistics, as JSON (`plssem.mga-draws/1`), so that the p-values can be recomputed.
private func writeGroupDraws(_ result: MultiGroupResult, to path: String) throws {
  let m = result.keys.count
  func rows(_ values: [Double], width: Int) -> JSONValue {
    .array(
      stride(from: 0, to: values.count, by: max(width, 1)).map { start in
        .array(values[start..<min(start + width, values.count)].map { .number($0) })
      })
  }
  let document = JSONValue.object([
    ("schema", .string("plssem.mga-draws/1")),
    ("keys", .array(result.keys.map { .string($0.description) })),
    (
      "groups",
      .array(
        result.groups.map { g in
          .object([
            ("value", .string(g.group.valueText)),
            ("estimates", .array(result.keys.map { .optional(g.estimate.statistics[$0]) })),
            ("observations", .integer(g.estimate.observations)),
            ("bootstrapDraws", g.bootstrapDraws.map { rows($0, width: m) } ?? .null),
          ])
        })
    ),
    (
      "permutationDraws",
      result.permutationDraws.map { rows($0, width: result.groups.count * m) } ?? .null
    ),
    ("micomDraws", micomDraws(result)),
  ])
  try OutputFile.write(Data(document.rendered().utf8), to: path)
}

/// The `micomDraws` object of `--keep-draws` with `--micom`: each group's rows (`groupRows`) and
/// every permutation's order of the pooled rows (`rows`; the first n₁ form group 1, the next n₂
/// group 2, …), both as 0-based indices into the pooled rows (the selected groups' data rows in
/// file order), and every permutation's statistics (`draws`: per pair, per construct, c, mean
/// difference and log variance ratio; null when the permutation failed); null without MICOM.
private func micomDraws(_ result: MultiGroupResult) -> JSONValue {
  guard let micom = result.micom, let draws = micom.draws, let order = micom.permutationRows
  else { return .null }
  let n = result.groups.reduce(0) { $0 + $1.estimate.observations }
  let pairs = result.groups.count * (result.groups.count - 1) / 2
  let constructs = micom.step2.count / max(pairs, 1)
  let width = pairs * constructs * 3
  let count = width == 0 ? 0 : draws.count / width
  return .object([
    ("statistics", .array(MICOMState.statistics.map { .string($0) })),
    ("constructs", .array(micom.step2.prefix(constructs).map { .string($0.construct) })),
    (
      "pairs",
      .array(
        micom.step2.enumerated().filter { $0.offset % max(constructs, 1) == 0 }.map {
          .array([
            .string(result.groups[$0.element.first].group.valueText),
            .string(result.groups[$0.element.second].group.valueText),
          ])
        })
    ),
    (
      "groupRows",
      .array(result.groups.map { g in .array(g.group.rows.map { .integer($0) }) })
    ),
    (
      "rows",
      .array(
        (0..<count).map { i in
          .array(order[(i * n)..<((i + 1) * n)].map { .integer($0) })
        })
    ),
    (
      "draws",
      .array(
        (0..<count).map { i in
          .array(draws[(i * width)..<((i + 1) * width)].map { .number($0) })
        })
    ),
  ])
}

/// Renders a multi-group report in the chosen format.
func render(_ report: MultiGroupReport, format: OutputFormat) -> String {
  switch format {
  case .json: return report.json().rendered()
  case .table: return TableRenderer.render(report.document())
  case .csv: return CSVRenderer.render(report.document())
  case .markdown: return MarkdownRenderer.render(report.document())
  case .html: return report.html()
  }
}
