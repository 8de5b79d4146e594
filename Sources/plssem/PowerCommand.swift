import ArgumentParser
import Foundation
import PLSSEM
import PLSSEMReport
import Survey

/// `plssem power`: a Monte Carlo power study on a population model — the engine's
/// `PowerStudy` with data drawn by the `Survey` simulator from the study's Philox streams.
struct PowerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "power",
    abstract:
      "Power and sample size: simulate, estimate and bootstrap a population model at several sample sizes.",
    discussion: """
      For each sample size, --replications data sets are drawn from the population (cut to a
      Likert scale unless --continuous), each is estimated and bootstrapped (--bootstrap
      resamples), and a path counts as detected when its bootstrap test rejects beta = 0 at
      --alpha. Reports per path and size: power with its Monte Carlo SE, mean estimate and
      bias, the SD of the estimates against the mean bootstrap SE, the coverage of the
      population value by the (1 - alpha) interval; and the minimum n of the inverse square
      root method (Kock & Hadaya 2018). Seeded; the same for any --threads.

      The population is the bundled LED study (--example led) or a JSON file as for
      `plssem simulate`. The model estimated is the population's own (each construct Mode A on
      its items, the population's paths) unless --model gives another.

      Examples:
        plssem power --example led --respondents 50,100,150,200 --replications 1000 --bootstrap 500 --seed 1
        plssem power --population population.json --respondents 100,200 --continuous --format json

      Sharded (each shard runs its share k of N of every size's replications; the merge gives
      the single run's output byte for byte):
        plssem power --example led --replications 1000 --shard 1/4 --output power-1.json
        plssem merge power-1.json power-2.json power-3.json power-4.json --format json
      """)

  @Option(name: .long, help: "A bundled population: led (the reference study's instrument).")
  var example: String?

  @Option(name: .long, help: "A population model as JSON (see `plssem simulate --help`).")
  var population: String?

  @Option(
    name: .long,
    help:
      "The model to estimate (lavaan-style); its paths are studied. (default: the population's constructs and paths)"
  )
  var model: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Comma-separated sample sizes, e.g. 50,100,150,200.", valueName: "n,n,…"))
  var respondents: String = "50,100,150,200"

  @Option(
    name: .long,
    help:
      "Replications per sample size (2 to \(PowerSettings.maximumReplications)).")
  var replications: Int = 1000

  @Option(name: .long, help: "Bootstrap resamples per replication.")
  var bootstrap: Int = 500

  @Option(name: .long, help: "Significance level of each test; the intervals have level 1 - alpha.")
  var alpha: Double = 0.05

  @Option(
    name: .long,
    help:
      "1 or 2: one-tailed tests take the population value's direction (positive for a zero path).")
  var tails: TestTails = .two

  @Option(
    name: .long,
    help:
      "How a replication detects a path: t (t = estimate / bootstrap SE against Student's t on B - 1 df, as SmartPLS) or interval (the (1 - alpha) --ci interval excludes 0; two-tailed)."
  )
  var test: PowerTest = .t

  @Option(
    name: .long,
    help:
      "The interval whose coverage is reported (and whose exclusion of 0 detects with --test interval): percentile or bca."
  )
  var ci: ConfidenceIntervalMethod = .percentile

  @Option(name: .customLong("target-power"), help: "The power a sample should reach.")
  var targetPower: Double = 0.8

  @Option(name: .long, help: "Seed of every draw (data and bootstrap).")
  var seed: UInt64 = 1

  @Option(name: .long, help: "Worker threads. (default: all cores; never changes the results)")
  var threads: Int?

  @Flag(name: .long, help: "Draw continuous items instead of Likert answers.")
  var continuous = false

  @Option(
    name: .long, parsing: .unconditional,
    help:
      "Comma-separated Likert thresholds on the standard-normal scale (default for --example led: its own; else -1.5,-0.5,0.5,1.5)."
  )
  var thresholds: String?

  @Flag(name: .long, help: "Estimate with consistent PLS (PLSc).")
  var consistent = false

  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "Output format: table, json, csv, markdown or html. (default: table)", valueName: "format"))
  var requestedFormat: OutputFormat?

  /// The format asked for, else `table`.
  var format: OutputFormat { requestedFormat ?? .table }

  @Option(
    name: .long,
    help: "Write the report to this file (whole or not at all) instead of standard output.")
  var output: String?

  @Option(
    name: .long,
    help:
      "Run shard k of N (written k/N) of each sample size's replications; writes a shard file to --output for `plssem merge`."
  )
  var shard: String?

  @OptionGroup var messages: MessageOptions

  func validate() throws {
    _ = try sampleSizes()
    if shard != nil {
      guard output != nil else {
        throw ValidationError("--shard needs --output FILE for the shard file")
      }
      guard requestedFormat == nil else {
        throw ValidationError(
          "--format does not apply with --shard: a shard file is always the JSON that `plssem merge` reads; give --format to `plssem merge`"
        )
      }
    }
  }

  /// The sizes of `--respondents` (a usage error when not integers).
  func sampleSizes() throws -> [Int] {
    let parts = respondents.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let values = parts.map { Int($0) }
    guard !parts.isEmpty, values.allSatisfy({ $0 != nil }) else {
      throw ValidationError(
        "--respondents takes comma-separated whole numbers, e.g. 50,100,150,200 (got '\(respondents)')"
      )
    }
    return values.compactMap { $0 }
  }

  func run() throws {
    messages.apply()
    try runReportingErrors { try execute() }
  }

  /// The study of the command's options, the population's name and the data's description.
  struct Prepared {
    var study: PowerStudy
    var source: String
    var data: String
    var files: [BootstrapProvenance.InputFile]
  }

  private func execute() throws {
    let prepared = try prepare()
    let bar = ProgressBar.forStandardError(label: "power")
    let progress: PowerStudy.Progress? = bar.map { $0.update }
    if let shardText = shard, let destination = output {
      let spec = try BootstrapCommand.shardSpec(shardText)
      var arguments = ShardProvenance.shapingArguments(of: CommandLine.arguments)
      if arguments.first == "power" { arguments.removeFirst() }
      let provenance = BootstrapProvenance(
        arguments: arguments, files: prepared.files,
        workingDirectory: FileManager.default.currentDirectoryPath)
      let file = PowerShard(
        study: prepared.study, shard: spec, provenance: provenance, progress: progress)
      bar?.finish()
      try OutputFile.write(try file.encoded(), to: destination)
      return
    }
    let result = try prepared.study.result(progress: progress)
    bar?.finish()
    try finish(result, prepared, format: format, output: output)
  }

  /// Reads the population (and model), and sets up the study.
  func prepare() throws -> Prepared {
    let (populationModel, source, defaultDiscretizer) = try loadPopulation()
    var files: [BootstrapProvenance.InputFile] = []
    for (role, path) in [("population", population), ("model", model)] {
      guard let path else { continue }
      guard let bytes = FileManager.default.contents(atPath: path) else {
        throw InputError(description: "\(path): cannot read the \(role) file")
      }
      files.append(.init(role: role, path: path, digest: BootstrapProvenance.digest(of: bytes)))
    }
    let discretizer = try thresholds.map(Self.discretizer) ?? defaultDiscretizer
    let simulator: Simulator
    do {
      simulator = try Simulator(model: populationModel)
    } catch {
      throw InputError(description: "\(source): \(error)")
    }
    let pathModel =
      try model.map { try loadModel(path: $0) }
      ?? Self.pathModel(of: populationModel, source: source)
    let settings = PowerSettings(
      respondents: try sampleSizes(), replications: replications, resamples: bootstrap,
      alpha: alpha, tails: tails, seed: seed, threads: threads,
      pls: PLSSettings(consistent: consistent), test: test, confidenceInterval: ci,
      targetPower: targetPower)
    let study = try PowerStudy(
      model: pathModel,
      population: populationModel.paths.map {
        PowerPath(from: $0.from, to: $0.to, population: $0.coefficient)
      },
      settings: settings,
      sampler: Self.sampler(simulator, discretizer: continuous ? nil : discretizer))
    let thresholdText = discretizer.thresholds.map(JSONValue.format).joined(separator: ", ")
    let data =
      continuous ? "continuous" : "cut to a \(discretizer.points)-point scale at \(thresholdText)"
    return Prepared(study: study, source: source, data: data, files: files)
  }

  /// Warns of failed replications and writes the report of `result` in `format`.
  func finish(_ result: PowerResult, _ prepared: Prepared, format: OutputFormat, output: String?)
    throws
  {
    let (source, data) = (prepared.source, prepared.data)
    for (n, first) in result.firstFailures.sorted(by: { $0.key < $1.key }) {
      let count = result.paths.first?.byN.first { $0.n == n }?.failed ?? 0
      warn(
        "\(count) of \(replications) replications at n = \(n) failed and were left out; the first: \(first)"
      )
    }
    let text: String
    switch format {
    case .json: text = result.json(population: source, data: data).rendered()
    case .html: text = result.html(population: source, data: data)
    case .table: text = TableRenderer.render(result.document(population: source, data: data))
    case .markdown: text = MarkdownRenderer.render(result.document(population: source, data: data))
    case .csv: text = CSVRenderer.render(result.document(population: source, data: data))
    }
    try emit(text.hasSuffix("\n") ? text : text + "\n", to: output)
  }

  /// The thresholds of `--thresholds`.
  private static func discretizer(_ text: String) throws -> LikertDiscretizer {
    let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
      throw InputError(
        description: "--thresholds takes comma-separated numbers, e.g. -1.5,-0.5,0.5,1.5")
    }
    return try LikertDiscretizer(thresholds: values.compactMap { $0 })
  }

  /// Draws a data set with `simulator` from the study's normals: the continuous items, or
  /// their Likert categories when `discretizer` is given.
  static func sampler(_ simulator: Simulator, discretizer: LikertDiscretizer?) -> PowerStudy.Sampler
  {
    let itemIDs = simulator.model.indicators.map(\.item)
    return { n, normals in
      let data = try simulator.simulate(respondents: n, seed: 0) { normals.next() }
      var columns = data.continuousItems
      if let discretizer {
        columns = columns.map { column in column.map { Double(discretizer.category(of: $0)) } }
      }
      return try DataTable(columnNames: itemIDs, columns: columns, source: "<simulated n = \(n)>")
    }
  }

  /// The population, its name in messages, and its default Likert thresholds.
  private func loadPopulation() throws -> (PopulationModel, String, LikertDiscretizer) {
    switch (example, population) {
    case ("led", nil):
      return (try LEDInstrument.populationModel(), "example led", LEDInstrument.exampleDiscretizer)
    case (let name?, nil):
      throw InputError(description: "--example \(name): unknown example (available: led)")
    case (nil, let path?):
      guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError(description: "\(path): cannot read the population file")
      }
      do {
        return (try JSONDecoder().decode(PopulationModel.self, from: data), path, .fivePoint)
      } catch {
        throw InputError(description: "\(path): not a population model (\(error))")
      }
    default:
      throw InputError(description: "give exactly one of --example led or --population FILE")
    }
  }

  private func loadModel(path: String) throws -> PathModel {
    try PathModel(syntax: try readText(path, what: "model"), source: path)
  }

  /// The population's own model: each construct Mode A on its items, the population's paths.
  static func pathModel(of population: PopulationModel, source: String) throws -> PathModel {
    let constructs = try population.constructs.map { name in
      let items = population.indicators.filter { $0.construct == name }.map(\.item)
      guard !items.isEmpty else {
        throw InputError(
          description: "\(source): construct \(name) has no items to estimate it from")
      }
      return PathModel.Construct(name: name, mode: .a, indicators: items)
    }
    return PathModel(
      constructs: constructs,
      paths: population.paths.map { PathModel.Path(from: $0.from, to: $0.to) })
  }
}

/// `plssem merge` of `plssem power --shard` files: the records merged through
/// ``PowerShard/merge(_:)`` (same provenance, every k of N once), the study set up again from
/// the recorded options and inputs (which must be unchanged), so the output equals the single
/// run's.
func mergePowerShards(_ paths: [String], output: OutputOptions) throws {
  let files = try paths.map { path -> (source: String, shard: PowerShard) in
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(description: "\(path): cannot read the shard file")
    }
    return (path, try PowerShard.decode(data, source: path))
  }
  let records = try PowerShard.merge(files)
  guard let (source, first) = files.first else { return }
  try ShardProvenance.checkUnchanged(first.provenance, source: source)
  let command: PowerCommand
  do {
    command = try PowerCommand.parse(first.provenance.arguments)
  } catch {
    throw BootstrapError.malformedShard(
      source: source,
      reason: "its recorded options do not parse: \(PowerCommand.message(for: error))")
  }
  let prepared = try command.prepare()
  let result = try PowerResult(study: prepared.study, replications: records)
  try command.finish(result, prepared, format: output.format, output: output.output)
}
