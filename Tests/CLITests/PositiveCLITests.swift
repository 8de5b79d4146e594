import Foundation
import TestSupport
import Testing

@Suite("plssem command line")
struct PositiveCLITests {
  @Test("the executable is found beside the test bundle")
  func binaryIsBuilt() throws {
    let url = try CLIRunner.binary.get()
    #expect(FileManager.default.isExecutableFile(atPath: url.path))
  }

  @Test("--version prints the version and exits 0")
  func version() throws {
    let outcome = try CLIRunner.run(["--version"])
    CLIRunner.expectNoCrash(outcome, "--version")
    #expect(outcome.status == 0)
    let text = outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(
      text.split(separator: ".").count == 3 && text.allSatisfy { $0.isNumber || $0 == "." },
      "version '\(text)'")
  }

  /// Every option of `plssem estimate` and the default its help must state.
  static let estimateDefaults: [(option: String, shown: String)] = [
    ("--data", "required"), ("--sheet", "default: the first"), ("--id-column", "default: none"),
    ("--model", "required, unless --structural"), ("--structural", "default: none"),
    ("--missing-code", "default: none"),
    ("--missing", "default: mean"), ("--codebook", "default: none"), ("--lenient", "default: off"),
    ("--dimensions", "default: off"),
    ("--labels", "default: off"),
    (
      "--language",
      "default: the --narrative language when the codebook has it, else the codebook's first"
    ),
    ("--exclude-rows", "default: none"), ("--exclude-straightliners", "default: off"),
    ("--exclude-missing-above", "default: none"), ("--scores", "default: none"),
    ("--scheme", "default: path"), ("--max-iterations", "default: 300"),
    ("--tolerance", "default: 1e-07"),
    ("--stop-criterion", "default: sum-absolute"), ("--consistent", "default: off"),
    ("--interaction", "default: two-stage"), ("--interaction-scale", "default: indicator-sd"),
    ("--hoc", "default: two-stage"),
    ("--slope-levels", "default: -1,0,1"), ("--interaction-f2", "default: off"),
    ("--require-admissible", "default: off"),
    ("--blindfolding", "default: off"), ("--omission-distance", "default: 7"),
    ("--predict", "default: off"), ("--folds", "default: 10"),
    ("--predict-technique", "default: EA"),
    ("--bootstrap", "default: 0"),
    ("--seed", "default: 1"),
    ("--threads", "default: all cores"), ("--ci", "default: percentile"),
    ("--level", "default: 0.95"),
    ("--sign-change", "default: none"), ("--p-values", "default: t"),
    ("--tails", "default: 2"), ("--max-failure-share", "default: 0.05"),
    ("--exact-quantile-budget", "default: 50000000"),
    ("--inadmissible-resamples", "default: keep"),
    ("--keep-draws", "default: none"), ("--format", "default: table"),
    ("--output", "default: standard output"), ("--quiet", "default: off"),
    ("--narrative", "default: none"),
    ("--ipma", "default: none"), ("--scale-min", "default: none"), ("--scale-max", "default: none"),
    ("--cmb", "default: off"),
  ]

  /// The entries of a help text's OPTIONS section, keyed by long option name, each with its
  /// wrapped lines joined and whitespace collapsed.
  static func optionEntries(_ help: String) -> [String: String] {
    var entries: [String: String] = [:]
    var current: (name: String, text: String)?
    var inOptions = false
    func flush() {
      if let current {
        entries[current.name] = current.text.split(whereSeparator: \.isWhitespace).joined(
          separator: " ")
      }
    }
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("OPTIONS:") {
        inOptions = true
        continue
      }
      guard inOptions else { continue }
      let trimmed = line.drop { $0 == " " }
      let indent = line.count - trimmed.count
      if indent == 2, trimmed.hasPrefix("-") {
        flush()
        let name = trimmed.split(separator: " ").first { $0.hasPrefix("--") } ?? ""
        current = (String(name), String(trimmed))
      } else if !trimmed.isEmpty, current != nil {
        current?.text += " " + trimmed
      }
    }
    flush()
    return entries
  }

  @Test("estimate --help lists every option with its default")
  func estimateHelp() throws {
    let outcome = try CLIRunner.run(["estimate", "--help"])
    CLIRunner.expectNoCrash(outcome, "estimate --help")
    #expect(outcome.status == 0)
    let entries = Self.optionEntries(outcome.standardOutput)
    for (option, shown) in Self.estimateDefaults {
      guard let entry = entries[option] else {
        Issue.record("\(option) is not in `estimate --help`:\n\(outcome.standardOutput)")
        continue
      }
      #expect(entry.contains(shown), "\(option): '\(shown)' not in '\(entry)'")
    }
    let listed = Set(entries.keys).subtracting(["--version", "--help"])
    let expected = Set(Self.estimateDefaults.map(\.option))
    #expect(
      listed == expected,
      "options without an expected default: \(listed.subtracting(expected).sorted())")
  }

  @Test("corporate reputation: JSON schema plssem.estimate/1 and the published COMP → CUSA")
  func corporateReputationJSON() throws {
    let folder = Repository.url("examples/corporate-reputation")
    let outcome = try CLIRunner.run([
      "estimate", "--data", folder.appendingPathComponent("corp_rep.csv").path,
      "--model", folder.appendingPathComponent("simple.model").path, "--missing-code", "-99",
      "--format", "json",
    ])
    CLIRunner.expectNoCrash(outcome, "corp rep estimate")
    #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
    let json = try #require(object as? [String: Any])
    #expect(json["schema"] as? String == "plssem.estimate/1")
    #expect(json["converged"] as? Bool == true)
    #expect(json["observations"] as? Int == 344)
    let paths = try #require(json["paths"] as? [[String: Any]])
    let path = try #require(
      paths.first { $0["from"] as? String == "COMP" && $0["to"] as? String == "CUSA" })
    let estimate = try #require(path["estimate"] as? Double)
    // Hair et al. (2021), PLS-SEM Using R, ch. 3-4, printed to 15 decimals.
    #expect(abs(estimate - 0.162051224909051) < 1e-9, "COMP → CUSA = \(estimate)")
    #expect(path["se"] is NSNull, "no bootstrap: se is null")
  }

  @Test("--output writes the file whole and standard output stays empty")
  func outputFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("result.json")
    let outcome = try CLIRunner.run([
      "estimate", "--data", Corpus.folder.appendingPathComponent("data/good.csv").path,
      "--model", Corpus.folder.appendingPathComponent("models/good.model").path, "--format",
      "json",
      "--output", target.path,
    ])
    #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
    #expect(outcome.standardOutput.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["result.json"])
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: target))
    #expect((object as? [String: Any])?["schema"] as? String == "plssem.estimate/1")
  }
}
