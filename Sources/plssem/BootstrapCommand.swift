import ArgumentParser
import Foundation
import PLSSEM
import PLSSEMReport

/// What a shard file holds: the inputs needed to re-estimate, and the shard's bootstrap state.
struct ShardFile: Codable {
  var format = "plssem.bootstrap-shard/1"
  var shard: ShardSpec
  var data: String
  var model: String
  var missingCodes: [Double]
  var settings: PLSSettings
  var state: BootstrapState
}

/// `plssem bootstrap`: a bootstrap run, or one shard of one for `plssem merge`.
struct BootstrapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bootstrap",
    abstract: "Bootstrap a model, whole or as shard k of N to be merged with `plssem merge`.",
    discussion: """
      Shards split the resamples into N parts that run anywhere (for example as a Slurm job
      array) and merge into exactly the result of a single run with the same seed.

      Examples:
        plssem bootstrap --data mobi.csv --model mobi.model --bootstrap 100000 --seed 7
        plssem bootstrap --data mobi.csv --model mobi.model --bootstrap 1000000 --seed 7 --shard 2/4 --output shard-2.json
        plssem merge shard-1.json shard-2.json shard-3.json shard-4.json --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var algorithm: AlgorithmOptions
  @OptionGroup var assess: AssessOptions
  @OptionGroup var bootstrap: BootstrapOptions
  @OptionGroup var output: OutputOptions

  @Option(name: .long, help: "Run shard k of N (written k/N); writes a shard file to --output.")
  var shard: String?

  func validate() throws {
    if shard != nil, let format = output.requestedFormat {
      throw ValidationError(
        "--format \(format.rawValue) does not apply with --shard: a shard file is always the JSON that `plssem merge` reads; give --format to `plssem merge`"
      )
    }
  }

  @OptionGroup var messages: MessageOptions

  func run() throws {
    messages.apply()
    try runReportingErrors {
      guard bootstrap.bootstrap >= 2 else {
        throw InputError(
          description:
            "--bootstrap must be at least 2 for `plssem bootstrap` (got \(bootstrap.bootstrap))")
      }
      guard let shardText = shard else {
        let report = try analyze(input, algorithm, assess, bootstrap)
        try emit(render(report, format: output.format), to: output.output)
        return
      }
      guard let destination = output.output else {
        throw InputError(description: "--shard needs --output FILE for the shard file")
      }
      let spec = try parseShard(shardText)
      let estimate = try loadAndEstimate(input, algorithm)
      let progress = ProgressBar.forStandardError(label: "shard \(shardText)")
      let settings = bootstrap.settings(resamples: bootstrap.bootstrap)
      let state = try Bootstrapper(settings: settings).run(
        estimate, shard: spec, progress: progress?.update)
      progress?.finish()
      var pls = algorithm.settings
      pls.missing = input.missing
      let file = ShardFile(
        shard: spec, data: input.data, model: input.model, missingCodes: input.missingCodes,
        settings: pls, state: state)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      try OutputFile.write(try encoder.encode(file), to: destination)
    }
  }

  private func parseShard(_ text: String) throws -> ShardSpec {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
      throw InputError(description: "--shard takes k/N, e.g. 2/4 (got '\(text)')")
    }
    return try ShardSpec(index: k, count: n)
  }
}

/// `plssem merge`: combine shard files into the result of the whole run.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge bootstrap shard files into the single-run result.",
    discussion: """
      The shards must come from the same data, model, settings, seed and resample count, and
      cover every k of N exactly once. The data and model files are read again (from the paths
      recorded in the shards) to re-estimate the model.

      Example:
        plssem merge shard-*.json --format json --output result.json
      """)

  @Argument(help: "The shard files written by `plssem bootstrap --shard k/N --output FILE`.")
  var shards: [String]

  @OptionGroup var assess: AssessOptions

  @OptionGroup var output: OutputOptions

  @OptionGroup var messages: MessageOptions

  func run() throws {
    messages.apply()
    try runReportingErrors {
      guard !shards.isEmpty else { throw InputError(description: "give the shard files to merge") }
      let files = try shards.map { path -> ShardFile in
        guard let data = FileManager.default.contents(atPath: path) else {
          throw InputError(description: "\(path): cannot read the shard file")
        }
        let file: ShardFile
        do {
          file = try JSONDecoder().decode(ShardFile.self, from: data)
        } catch {
          throw BootstrapError.malformedShard(source: path, reason: Self.reason(error))
        }
        do {
          _ = try ShardSpec(index: file.shard.index, count: file.shard.count)
        } catch {
          throw BootstrapError.malformedShard(source: path, reason: "\(error)")
        }
        _ = try file.state.validated(source: path)
        return file
      }
      try Self.checkCompatible(Array(zip(shards, files)))
      guard let first = files.first else { return }
      let model = try loadModel(first.model)
      let table = try loadNumericData(
        path: first.data, missingCodes: first.missingCodes, model: model
      ).table
      let estimate = try estimate(
        model, modelPath: first.model, data: table, settings: first.settings)
      let state = try Bootstrapper.merge(files.map(\.state))
      guard state.fingerprint == Bootstrapper.fingerprint(estimate) else {
        throw BootstrapError.incompatibleShards(
          "the data or model files changed since the shards were made")
      }
      let result = try BootstrapResult(
        state: state, keys: Bootstrapper(settings: state.settings).statisticKeys(for: estimate))
      let report = EstimationReport(
        estimate: estimate,
        assessment: try PLSAssessment(
          estimate: estimate, options: assess.options(seed: state.settings.seed)),
        bootstrap: result, dataSource: first.data, modelSource: first.model)
      try emit(render(report, format: output.format), to: output.output)
    }
  }

  /// A decoding error in a few words, with the JSON path where it applies.
  static func reason(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ keys: [any CodingKey]) -> String {
      keys.isEmpty
        ? "top level"
        : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .dataCorrupted(let context): return "not valid JSON at \(path(context.codingPath))"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath)): no \"\(key.stringValue)\""
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }

  /// Checks that the shards belong to one run and cover it exactly once; the messages name
  /// the files.
  static func checkCompatible(_ shards: [(path: String, file: ShardFile)]) throws {
    guard let (firstPath, first) = shards.first else { return }
    func label(_ path: String, _ file: ShardFile) -> String {
      "\(path) (shard \(file.shard.index)/\(file.shard.count))"
    }
    func refuse(_ message: String) -> BootstrapError { .incompatibleShards(message) }
    let a = label(firstPath, first)
    for (path, file) in shards.dropFirst() {
      let b = label(path, file)
      if file.model != first.model {
        throw refuse("\(b) was made from the model \(file.model), \(a) from \(first.model)")
      }
      if file.data != first.data || file.missingCodes != first.missingCodes {
        throw refuse(
          "\(b) was made from the data \(file.data), \(a) from \(first.data) (or other missing codes)"
        )
      }
      if file.settings != first.settings {
        throw refuse("\(b) and \(a) were made with different estimation settings")
      }
      let (s, t) = (file.state.settings, first.state.settings)
      if s.seed != t.seed {
        throw refuse("\(b) was made with seed \(s.seed), \(a) with seed \(t.seed)")
      }
      if s.resamples != t.resamples {
        throw refuse("\(b) was made with \(s.resamples) resamples, \(a) with \(t.resamples)")
      }
      if file.shard.count != first.shard.count {
        throw refuse("\(b) is one of \(file.shard.count) shards, \(a) one of \(first.shard.count)")
      }
    }
    var pathOfShard: [Int: String] = [:]
    for (path, file) in shards {
      if let other = pathOfShard[file.shard.index] {
        throw refuse(
          "shard \(file.shard.index)/\(file.shard.count) is given twice (\(other) and \(path)); give every shard once"
        )
      }
      pathOfShard[file.shard.index] = path
    }
    let count = first.shard.count
    if pathOfShard.count < count {
      let missing = (1...count).lazy.filter { pathOfShard[$0] == nil }.prefix(10).map {
        "\($0)/\(count)"
      }
      let more = count - pathOfShard.count > 10 ? ", …" : ""
      let given = shards.prefix(10).map { label($0.path, $0.file) }.joined(separator: ", ")
      throw refuse(
        "shard\(count - pathOfShard.count == 1 ? "" : "s") \(missing.joined(separator: ", "))\(more) "
          + "\(count - pathOfShard.count == 1 ? "is" : "are") missing (given: \(given)\(shards.count > 10 ? ", …" : ""))"
      )
    }
  }
}
