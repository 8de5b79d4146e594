import ArgumentParser
import Foundation
import PLSSEM

/// What a shard file records about how the CLI produced its inputs, and how `plssem merge`
/// re-applies it: the `bootstrap` command's arguments that shape the result (every input,
/// algorithm, assessment and bootstrap option — including options added later, since the
/// arguments are recorded as given), and a digest of each file read (data, model, codebook).
enum ShardProvenance {
  /// Options with a value that do not shape the result: left out of the record, so that shards
  /// run with other thread counts or output files merge.
  static let nonShapingOptions: Set<String> = [
    "--shard", "--output", "--threads", "--format", "--keep-draws",
  ]
  /// Flags (no value) that do not shape the result.
  static let nonShapingFlags: Set<String> = ["--quiet"]

  /// The arguments after the `bootstrap` subcommand, without ``nonShapingOptions`` and their
  /// values (`--name value` or `--name=value`) and without ``nonShapingFlags``.
  static func shapingArguments(of commandLine: [String]) -> [String] {
    let start = commandLine.prefix(2).lastIndex(of: "bootstrap").map { $0 + 1 } ?? 1
    var kept: [String] = []
    var skipValue = false
    for argument in commandLine.dropFirst(start) {
      if skipValue {
        skipValue = false
        continue
      }
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if nonShapingFlags.contains(argument) { continue }
      if nonShapingOptions.contains(name) {
        skipValue = !argument.contains("=")
        continue
      }
      kept.append(argument)
    }
    return kept
  }

  /// The provenance of a shard made with `input` and `arguments`: the arguments, the working
  /// directory, and a digest of each input file.
  static func record(_ input: InputOptions, arguments: [String]) throws -> BootstrapProvenance {
    BootstrapProvenance(
      arguments: arguments, files: try files(input),
      workingDirectory: FileManager.default.currentDirectoryPath)
  }

  /// The input files of `input` with the digests of their current contents.
  static func files(_ input: InputOptions) throws -> [BootstrapProvenance.InputFile] {
    // The data, the model file (none with --structural: the paths are among the arguments), the
    // codebook.
    return try input.inputFiles.map { role, path in
      guard let bytes = FileManager.default.contents(atPath: path) else {
        throw InputError(
          description: "\(path): cannot read the \(role) file (no such file, or not readable)")
      }
      return .init(role: role, path: path, digest: BootstrapProvenance.digest(of: bytes))
    }
  }

  /// Throws, naming the file, when an input file recorded in the shard `source` is missing or
  /// has changed since.
  static func checkUnchanged(_ provenance: BootstrapProvenance, source: String) throws {
    for file in provenance.files {
      let made = provenance.workingDirectory.map { " (the shards were made in \($0))" } ?? ""
      guard let bytes = FileManager.default.contents(atPath: file.path) else {
        throw InputError(
          description:
            "\(file.path): cannot read the \(file.role) file recorded in \(source)\(made)")
      }
      guard BootstrapProvenance.digest(of: bytes) == file.digest else {
        throw InputError(
          description:
            "\(file.path): the \(file.role) file changed since the shards were made (\(source) records other contents)"
        )
      }
    }
  }

  /// The `bootstrap` command the shard `source` was made with, parsed from its recorded
  /// arguments.
  static func command(_ provenance: BootstrapProvenance, source: String) throws
    -> BootstrapCommand
  {
    do {
      return try BootstrapCommand.parse(provenance.arguments)
    } catch {
      throw BootstrapError.malformedShard(
        source: source,
        reason: "its recorded options do not parse: \(BootstrapCommand.message(for: error))")
    }
  }
}
