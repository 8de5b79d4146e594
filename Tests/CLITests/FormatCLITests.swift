import Foundation
import TestSupport
import Testing

/// Every command honours each `--format` it lists, or refuses it with exit 64 (issue 16.9), and
/// the report of an estimate is complete in each.
@Suite("Formats: honoured or refused")
struct FormatCLITests {
  static let corpRep = Repository.url("examples/corporate-reputation")
  static let corpRepArguments = [
    "--data", corpRep.appendingPathComponent("corp_rep.csv").path, "--model",
    corpRep.appendingPathComponent("simple.model").path, "--missing-code", "-99",
  ]
  static let led = Repository.url("examples/led-survey")
  static let describeArguments = [
    "describe", "--data", led.appendingPathComponent("responses-100.csv").path, "--codebook",
    led.appendingPathComponent("codebook.yaml").path,
  ]

  /// A fresh scratch directory, removed by the caller.
  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-format-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("describe writes each of its five formats")
  func describeFormats() throws {
    var outputs: [String: String] = [:]
    for format in ["table", "markdown", "csv", "html", "json"] {
      let outcome = try CLIRunner.run(Self.describeArguments + ["--format", format])
      CLIRunner.expectNoCrash(outcome, "describe --format \(format)")
      #expect(outcome.status == 0, "\(format): \(outcome.standardError)")
      outputs[format] = outcome.standardOutput
    }
    #expect(outputs["table"]?.hasPrefix("Survey description\n") == true)
    #expect(outputs["table"]?.contains("\nItems\n") == true)
    #expect(outputs["markdown"]?.hasPrefix("# Survey description\n") == true)
    #expect(outputs["markdown"]?.contains("| X1_BL1 | 100 | 0 | 3.81 |") == true)
    #expect(
      outputs["csv"]?.hasPrefix(
        "table,from,to,via,statistic,estimate,bootstrap_mean,se,t,p,ci_lower,ci_upper,severity,message\n"
      ) == true)
    #expect(outputs["csv"]?.contains("\nitems,X1_BL1,,,mean,3.81,") == true)
    #expect(outputs["csv"]?.contains("\nitems,X1_BL1,4,,count,45,") == true)
    #expect(outputs["csv"]?.contains("\nrespondents,0,,,") == true, "the detail table is in CSV")
    let html = outputs["html"] ?? ""
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    #expect(html.contains("id=\"item-statistics\"") && html.contains("id=\"respondent-quality\""))
    #expect(!html.lowercased().contains("<script"))
    let json = try JSONSerialization.jsonObject(with: Data((outputs["json"] ?? "").utf8))
    #expect((json as? [String: Any])?["schema"] as? String == "plssem.describe/1")
    #expect(Set(outputs.values).count == 5, "every format differs")
  }

  @Test("report --format markdown without --output writes report.md, not report.html")
  func reportDefaultOutputFollowsTheFormat() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (format, file, start) in [
      ("markdown", "report.md", "# PLS-SEM estimate\n"), ("html", "report.html", "<!DOCTYPE html>"),
      ("csv", "report.csv", "table,from,to"), ("table", "report.txt", "PLS-SEM estimate\n"),
      ("json", "report.json", "{"),
    ] {
      let outcome = try CLIRunner.run(
        ["report"] + Self.corpRepArguments + ["--format", format], in: folder)
      CLIRunner.expectNoCrash(outcome, "report --format \(format)")
      #expect(outcome.status == 0, "\(format): \(outcome.standardError)")
      #expect(outcome.standardError.contains("wrote \(file)"), "\(outcome.standardError)")
      let text = try String(
        contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(text.hasPrefix(start), "\(file) starts \(text.prefix(40))")
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files == ["report.csv", "report.html", "report.json", "report.md", "report.txt"])
  }

  @Test("bootstrap --shard refuses --format with exit 64 and writes nothing")
  func shardRefusesFormat() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("shard.json")
    let outcome = try CLIRunner.run(
      ["bootstrap"] + Self.corpRepArguments + [
        "--bootstrap", "10", "--shard", "1/2", "--output", target.path, "--format", "csv",
      ])
    CLIRunner.expectNoCrash(outcome, "bootstrap --shard --format csv")
    #expect(outcome.status == 64)
    #expect(outcome.standardError.contains("--format csv does not apply with --shard"))
    #expect(!FileManager.default.fileExists(atPath: target.path))
  }

  @Test("estimate --blindfolding --predict --format html has Q², SRMR and PLSpredict")
  func htmlIsComplete() throws {
    let outcome = try CLIRunner.run(
      ["estimate"] + Self.corpRepArguments + [
        "--blindfolding", "--predict", "--bootstrap", "50", "--format", "html",
      ], timeout: 120)
    CLIRunner.expectNoCrash(outcome, "estimate --format html")
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let html = outcome.standardOutput
    for needle in [
      "id=\"q2\"", "Q² redundancy", "id=\"fit\"", "SRMR", "id=\"plspredict\"", "Q²predict",
      "id=\"specific-indirect\"", "id=\"total-effects\"", "id=\"thresholds\"",
    ] {
      #expect(html.contains(needle), "no \(needle)")
    }
  }

  @Test("the default table of a mediation model shows its specific indirect effects")
  func defaultTableShowsMediation() throws {
    let outcome = try CLIRunner.run(
      ["estimate"] + Self.corpRepArguments + ["--bootstrap", "50"], timeout: 120)
    CLIRunner.expectNoCrash(outcome, "estimate")
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let text = outcome.standardOutput
    #expect(text.contains("\nSpecific indirect effects\n"))
    #expect(text.contains("COMP → CUSA → CUSL"))
    #expect(text.contains("LIKE → CUSA → CUSL"))
    #expect(text.contains("Not shown here (see --format markdown|html|csv|json): Cross-loadings"))
  }
}
