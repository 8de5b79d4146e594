import Foundation
import TestSupport
import Testing

/// The README's option tables are generated from the command line's own help
/// (`plssem --experimental-dump-help`, swift-argument-parser's machine-readable help), so they
/// cannot drift from `plssem <command> --help` again. After changing an option, run
///
///     UPDATE_README=1 swift test --filter OptionTablesTests
///
/// and review `git diff README.md`.
@Suite("README option tables")
struct OptionTablesTests {
  static let begin =
    "<!-- BEGIN option tables: generated from plssem --help by Tests/CLITests/OptionTablesTests.swift (UPDATE_README=1 swift test --filter OptionTablesTests) -->"
  static let end = "<!-- END option tables -->"

  @Test("the README's option tables are those of plssem --help, for every subcommand")
  func readmeMatchesHelp() throws {
    let dump = try CLIRunner.output(["--experimental-dump-help"])
    let tool = try JSONDecoder().decode(HelpDump.self, from: dump)
    let generated = OptionTables.markdown(root: tool.command)
    let readme = try Repository.text("README.md")
    guard let start = readme.range(of: Self.begin), let stop = readme.range(of: Self.end),
      start.upperBound <= stop.lowerBound
    else {
      Issue.record("README.md has no region between '\(Self.begin)' and '\(Self.end)'")
      return
    }
    let current = String(readme[start.upperBound..<stop.lowerBound])
    let wanted = "\n\n" + generated + "\n"
    if current == wanted { return }
    if ProcessInfo.processInfo.environment["UPDATE_README"] == "1" {
      let updated = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: wanted)
      try updated.write(to: Repository.url("README.md"), atomically: true, encoding: .utf8)
      return
    }
    let currentLines = current.components(separatedBy: "\n")
    let wantedLines = wanted.components(separatedBy: "\n")
    let k =
      zip(currentLines, wantedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(currentLines.count, wantedLines.count)
    Issue.record(
      """
      README.md's option tables differ from plssem --help \
      (UPDATE_README=1 swift test --filter OptionTablesTests rewrites them); first difference:
        README: \(k < currentLines.count ? currentLines[k] : "<end>")
        help:   \(k < wantedLines.count ? wantedLines[k] : "<end>")
      """)
  }

  @Test("the table of one option: values, default and meaning taken apart")
  func rendering() {
    let format = HelpDump.Argument(
      kind: "option", names: [.init(kind: "long", name: "format")], valueName: "format",
      defaultValue: "table", allValues: ["table", "json"], abstract: "Output format.",
      isOptional: true, isRepeating: false)
    #expect(OptionTables.row(format) == "| `--format table\\|json` | Output format. | `table` |")
    let threads = HelpDump.Argument(
      kind: "option", names: [.init(kind: "long", name: "threads")], valueName: "threads",
      defaultValue: nil, allValues: nil,
      abstract: "Worker threads (default: all cores). Never changes the results.",
      isOptional: true, isRepeating: false)
    #expect(
      OptionTables.row(threads)
        == "| `--threads <threads>` | Worker threads. Never changes the results. | all cores |")
    let data = HelpDump.Argument(
      kind: "option", names: [.init(kind: "long", name: "data")], valueName: "data",
      defaultValue: nil, allValues: nil, abstract: "The data. (required)", isOptional: false,
      isRepeating: false)
    #expect(OptionTables.row(data) == "| `--data <data>` | The data. | required |")
    let shards = HelpDump.Argument(
      kind: "positional", names: nil, valueName: "shards", defaultValue: nil, allValues: nil,
      abstract: "The shard files.", isOptional: false, isRepeating: true)
    #expect(OptionTables.row(shards) == "| `<shards> …` | The shard files. | required |")
    let lenient = HelpDump.Argument(
      kind: "flag", names: [.init(kind: "long", name: "lenient")], valueName: "lenient",
      defaultValue: nil, allValues: nil, abstract: "Mark bad cells missing.", isOptional: true,
      isRepeating: false)
    #expect(OptionTables.row(lenient) == "| `--lenient` | Mark bad cells missing. | off |")
    let output = HelpDump.Argument(
      kind: "option", names: [.init(kind: "long", name: "format")], valueName: "format",
      defaultValue: nil, allValues: nil, abstract: "Output format. (default: table)",
      isOptional: true, isRepeating: false)
    #expect(OptionTables.row(output) == "| `--format <format>` | Output format. | `table` |")
  }
}

/// The part of swift-argument-parser's `--experimental-dump-help` output (ToolInfoV0) that the
/// tables use.
struct HelpDump: Decodable {
  struct Name: Decodable, Equatable {
    var kind: String
    var name: String
  }

  struct Argument: Decodable {
    var kind: String
    var names: [Name]?
    var valueName: String?
    var defaultValue: String?
    var allValues: [String]?
    var abstract: String?
    var isOptional: Bool
    var isRepeating: Bool
  }

  struct Command: Decodable {
    var commandName: String
    var arguments: [Argument]?
    var subcommands: [Command]?
  }

  var command: Command
}

/// Markdown tables of every subcommand's options.
///
/// A subcommand that takes every option of `estimate` is shown as the differences from it
/// (`bootstrap`, `report`); every other one with its full table.
enum OptionTables {
  static func markdown(root: HelpDump.Command) -> String {
    var commands: [(path: String, command: HelpDump.Command)] = []
    func collect(_ command: HelpDump.Command, _ path: String) {
      for sub in command.subcommands ?? [] where sub.commandName != "help" {
        let subPath = path + " " + sub.commandName
        if !options(of: sub).isEmpty { commands.append((subPath, sub)) }
        collect(sub, subPath)
      }
    }
    collect(root, root.commandName)
    let reference = commands.first { $0.command.commandName == "estimate" }
    var sections: [String] = []
    for (path, command) in commands {
      let rows = options(of: command)
      var lines = ["#### `\(path)`", ""]
      if let reference, reference.path != path {
        let referenceRows = Dictionary(
          options(of: reference.command).map { (key($0), row($0)) }, uniquingKeysWith: { a, _ in a }
        )
        let names = Set(rows.map(key))
        if referenceRows.keys.allSatisfy(names.contains) {
          let changed = rows.filter { referenceRows[key($0)] != row($0) }
          if changed.isEmpty {
            lines.append("The options of `\(reference.path)`.")
          } else {
            lines.append("The options of `\(reference.path)`, and these (new or different):")
            lines += ["", header] + changed.map(row)
          }
          sections.append(lines.joined(separator: "\n"))
          continue
        }
      }
      lines += [header] + rows.map(row)
      sections.append(lines.joined(separator: "\n"))
    }
    return sections.joined(separator: "\n\n")
  }

  static let header = "| option | meaning | default |\n| --- | --- | --- |"

  /// The arguments a user sets (not `--help` or `--version`).
  static func options(of command: HelpDump.Command) -> [HelpDump.Argument] {
    (command.arguments ?? []).filter { argument in
      let names = (argument.names ?? []).map(\.name)
      return !names.contains("help") && !names.contains("version")
    }
  }

  static func key(_ argument: HelpDump.Argument) -> String {
    longName(argument) ?? "<\(argument.valueName ?? "")>"
  }

  static func longName(_ argument: HelpDump.Argument) -> String? {
    let names = argument.names ?? []
    if let long = names.first(where: { $0.kind == "long" }) { return "--" + long.name }
    if let short = names.first(where: { $0.kind == "short" }) { return "-" + short.name }
    return nil
  }

  /// One table row: `| option | meaning | default |`.
  static func row(_ argument: HelpDump.Argument) -> String {
    var option: String
    if let name = longName(argument) {
      option = name
      if argument.kind == "option" {
        if let values = argument.allValues, !values.isEmpty {
          option += " " + values.joined(separator: "|")
        } else {
          option += " <\(argument.valueName ?? "value")>"
        }
      }
    } else {
      option = "<\(argument.valueName ?? "value")>"
    }
    if argument.isRepeating && argument.kind == "positional" { option += " …" }

    var meaning = argument.abstract ?? ""
    var defaultText = "—"
    if let value = argument.defaultValue { defaultText = "`\(value)`" }
    if let range = meaning.range(of: #" ?\(default: ([^()]*)\)"#, options: .regularExpression) {
      let inner = meaning[range].drop { $0 != ":" }.dropFirst().dropLast()
      if argument.defaultValue == nil {
        defaultText = inner.trimmingCharacters(in: .whitespaces)
      }
      meaning.removeSubrange(range)
    }
    if let range = meaning.range(of: #" ?\(required\)"#, options: .regularExpression) {
      meaning.removeSubrange(range)
      defaultText = "required"
    }
    if defaultText == "—" {
      if !argument.isOptional {
        defaultText = "required"
      } else if argument.kind == "flag" {
        defaultText = "off"
      }
    }
    // A single word or number (`table`, `0.05`) is a value; phrases (`all cores`) are prose.
    if argument.defaultValue == nil, !defaultText.contains(" "),
      !["—", "none", "off", "required"].contains(defaultText)
    {
      defaultText = "`\(defaultText)`"
    }
    meaning = meaning.trimmingCharacters(in: .whitespaces)
    return "| `\(escaped(option))` | \(escaped(meaning)) | \(escaped(defaultText)) |"
  }

  /// A table cell: `|` escaped (GitHub requires it inside code spans too).
  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
