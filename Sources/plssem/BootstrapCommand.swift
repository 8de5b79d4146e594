import ArgumentParser
import Foundation
import PLSSEM
import PLSSEMReport

/// `plssem bootstrap`: a bootstrap run, or one shard of one for `plssem merge`.
struct BootstrapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bootstrap",
    abstract: "Bootstrap a model, whole or as shard k of N to be merged with `plssem merge`.",
    discussion: """
      Shards split the resamples into N parts that run anywhere (for example as a Slurm job
      array) and merge into exactly the result of a single run with the same seed. A shard file
      records every option that shapes the result (data, model, codebook, missing values,
      algorithm, assessment and bootstrap options) and a digest of each input file; the merge
      re-reads the files and re-applies the options.

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
    Console.setReport(output.format, destination: output.output)
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
      guard bootstrap.keepDraws == nil else {
        throw InputError(
          description: "--keep-draws is not available with --shard (the shard file keeps them)")
      }
      let spec = try Self.shardSpec(shardText)
      let estimate = try loadAndEstimate(input, algorithm)
      let progress = ProgressBar.forStandardError(label: "shard \(shardText)")
      let settings = bootstrap.settings(resamples: bootstrap.bootstrap)
      let state = try Bootstrapper(settings: settings).run(
        estimate, shard: spec, progress: progress?.update)
      progress?.finish()
      let provenance = try ShardProvenance.record(
        input, arguments: ShardProvenance.shapingArguments(of: CommandLine.arguments))
      let file = BootstrapShard(shard: spec, state: state, provenance: provenance)
      try OutputFile.write(try file.encoded(), to: destination)
    }
  }

  /// The shard of `--shard k/N` (also `plssem power --shard`).
  static func shardSpec(_ text: String) throws -> ShardSpec {
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
    abstract: "Merge shard files (bootstrap, mga or power) into the single-run result.",
    discussion: """
      The shards must come from the same inputs, options, seed and resample count, and cover
      every k of N exactly once. The data, model and codebook files are read again (from the
      paths recorded in the shards, relative to the current directory) and must be unchanged;
      the options recorded in the shards are re-applied, so the output equals that of the
      single run (`plssem bootstrap`, `plssem mga` or `plssem power` without --shard) byte
      for byte, in any --format.

      Example:
        plssem merge shard-*.json --format json --output result.json
      """)

  @Argument(
    help:
      "The shard files written by `plssem bootstrap`, `plssem mga` or `plssem power` with --shard k/N --output FILE."
  )
  var shards: [String]

  @OptionGroup var output: OutputOptions

  @OptionGroup var messages: MessageOptions

  func run() throws {
    messages.apply()
    Console.setReport(output.format, destination: output.output)
    try runReportingErrors {
      guard !shards.isEmpty else { throw InputError(description: "give the shard files to merge") }
      if let data = FileManager.default.contents(atPath: shards[0]),
        MultiGroupShard.claims(data)
      {
        return try mergeMultiGroupShards(shards, output: output)
      }
      if let data = FileManager.default.contents(atPath: shards[0]), PowerShard.isPowerShard(data) {
        return try mergePowerShards(shards, output: output)
      }
      let files = try shards.map { path -> (source: String, shard: BootstrapShard) in
        guard let data = FileManager.default.contents(atPath: path) else {
          throw InputError(description: "\(path): cannot read the shard file")
        }
        return (path, try BootstrapShard.decode(data, source: path))
      }
      let state = try BootstrapShard.merge(files)
      guard let (source, first) = files.first else { return }
      try ShardProvenance.checkUnchanged(first.provenance, source: source)
      let command = try ShardProvenance.command(first.provenance, source: source)
      let report = try analyze(
        command.input, command.algorithm, command.assess, command.bootstrap, merged: state)
      try emit(render(report, format: output.format), to: output.output)
    }
  }
}
