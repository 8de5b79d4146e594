import Foundation
import TestSupport
import Testing

/// `plssem mga` end to end: the p-values of a run equal those numpy computes from the definitions
/// over the same permutations and resamples (exported with `--keep-draws`,
/// `scripts/fixtures/make_mga_pvalue_fixtures.py`), and the JSON has the `plssem.mga/1` shape.
@Suite("plssem mga")
struct MGACLITests {
  struct PValues: Decodable {
    struct Row: Decodable {
      let key: String
      let groups: [String]
      let difference: Double
      let pPermutation: Double?
      let pHenseler: Double?
      let pParametric: Double?
      let pWelch: Double?
    }
    let command: [String]
    let differences: [Row]
  }

  /// A difference's key as the statistic table writes it, from the JSON's fields.
  static func key(_ object: [String: Any]) -> String {
    let kind = object["kind"] as? String ?? ""
    let from = object["from"] as? String ?? ""
    let to = object["to"] as? String ?? ""
    let construct = object["construct"] as? String ?? ""
    let indicator = object["indicator"] as? String ?? ""
    switch kind {
    case "path": return "path:\(from)->\(to)"
    case "totalEffect": return "total:\(from)->\(to)"
    case "indirectEffect": return "indirect:\(from)->\(to)"
    case "loading": return "loading:\(construct)=~\(indicator)"
    case "weight": return "weight:\(construct)=~\(indicator)"
    case "rSquared": return "r2:\(construct)"
    default: return kind
    }
  }

  @Test("p-values equal numpy's over the same permutations and resamples (1e-12)")
  func pValuesMatchNumpy() throws {
    let fixture = try JSONDecoder().decode(
      PValues.self,
      from: Repository.data(
        "Tests/PLSSEMTests/Fixtures/groups/corprep_extended_servicetype_pvalues_numpy.json"))
    let arguments = Array(fixture.command.dropFirst()) + ["--format", "json", "--threads", "2"]
    let data = try CLIRunner.output(arguments, in: Repository.root, timeout: 600)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["schema"] as? String == "plssem.mga/1")
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["value"] as? String } == ["1", "2"])
    #expect(groups.map { $0["observations"] as? Int } == [125, 219])
    #expect(
      (groups.first?["estimate"] as? [String: Any])?["schema"] as? String == "plssem.estimate/1")
    #expect(json.keys.contains("micom"))
    let rows = try #require(json["differences"] as? [[String: Any]])
    let byKey = Dictionary(uniqueKeysWithValues: rows.map { (Self.key($0), $0) })
    #expect(rows.count == fixture.differences.count)
    var worst = 0.0
    for expected in fixture.differences {
      let ours = try #require(byKey[expected.key], "\(expected.key)")
      #expect(ours["groups"] as? [String] == expected.groups)
      #expect(abs((ours["difference"] as? Double ?? .nan) - expected.difference) < 1e-12)
      for (name, value) in [
        ("pPermutation", expected.pPermutation), ("pHenseler", expected.pHenseler),
        ("pParametric", expected.pParametric), ("pWelch", expected.pWelch),
      ] {
        let mine = ours[name] as? Double
        if let value {
          let error = abs((mine ?? .nan) - value)
          worst = max(worst, error.isNaN ? .infinity : error)
          #expect(error <= 1e-12, "\(expected.key) \(name): \(mine ?? .nan) vs \(value)")
        } else {
          #expect(mine == nil, "\(expected.key) \(name) should be null")
        }
      }
    }
    print("[worst error] mga p-values vs numpy: \(worst) (\(fixture.differences.count) statistics)")
  }

  @Test("table, Markdown, CSV and HTML render the groups and the differences")
  func formats() throws {
    let base = [
      "mga", "--data", ExampleData.corpRepData, "--model", ExampleData.corpRepSimpleModel,
      "--missing-code", "-99", "--groups", "servicetype", "--permutations", "20", "--bootstrap",
      "20", "--seed", "3",
    ]
    for format in ["table", "markdown", "csv", "html"] {
      let text = String(
        decoding: try CLIRunner.output(base + ["--format", format], in: Repository.root),
        as: UTF8.self)
      #expect(text.contains("COMP"), "\(format)")
      #expect(text.contains("1 vs 2") || format == "csv", "\(format)")
    }
  }

  @Test("plssem mga --shard k/N and plssem merge give the single run's bytes")
  func shardsMerge() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-mga-shards-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let base = [
      "mga", "--data", Repository.path(ExampleData.corpRepData), "--model",
      Repository.path(ExampleData.corpRepSimpleModel), "--missing-code", "-99", "--groups",
      "servicetype", "--permutations", "60", "--bootstrap", "60", "--seed", "8",
    ]
    let single = try CLIRunner.output(base + ["--format", "json"], in: work)
    for k in 1...2 {
      _ = try CLIRunner.output(
        base + ["--shard", "\(k)/2", "--threads", "1", "--output", "s\(k).json"], in: work)
    }
    let merged = try CLIRunner.output(
      ["merge", "s2.json", "s1.json", "--format", "json"], in: work)
    #expect(merged == single)
    let missing = try CLIRunner.run(["merge", "s2.json", "--format", "json"], in: work)
    #expect(missing.status == 1)
    #expect(missing.standardError.contains("1/2"))
  }
}
