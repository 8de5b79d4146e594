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

  struct MICOMFixture: Decodable {
    struct Row: Decodable {
      let construct: String
      let c, quantile05, p: Double
      let meanDifference, meanLower, meanUpper, pMean: Double
      let logVarianceRatio, varianceLower, varianceUpper, pVariance: Double
    }
    let command: [String]
    let permutations: Int
    let step2and3: [Row]
  }

  @Test(
    "MICOM's permutation quantiles and p-values equal numpy's over the same permutations (1e-12)")
  func micomMatchesNumpy() throws {
    let fixture = try JSONDecoder().decode(
      MICOMFixture.self,
      from: Repository.data(
        "Tests/PLSSEMTests/Fixtures/groups/corprep_extended_servicetype_micom_permutations_numpy.json"
      ))
    let arguments = Array(fixture.command.dropFirst()) + ["--format", "json", "--threads", "2"]
    let data = try CLIRunner.output(arguments, in: Repository.root, timeout: 600)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let micom = try #require(json["micom"] as? [String: Any])
    #expect(micom["permutations"] as? Int == fixture.permutations)
    let step2 = try #require(micom["step2"] as? [[String: Any]])
    let step3 = try #require(micom["step3"] as? [[String: Any]])
    #expect(step2.count == fixture.step2and3.count && step3.count == fixture.step2and3.count)
    var worst = 0.0
    func check(_ object: [String: Any]?, _ name: String, _ expected: Double, _ construct: String) {
      let mine = object?[name] as? Double ?? .nan
      let error = abs(mine - expected)
      worst = max(worst, error.isNaN ? .infinity : error)
      #expect(error <= 1e-12, "\(construct) \(name): \(mine) vs numpy \(expected)")
    }
    for row in fixture.step2and3 {
      let two = step2.first { $0["construct"] as? String == row.construct }
      let three = step3.first { $0["construct"] as? String == row.construct }
      for (name, value) in [("c", row.c), ("quantile05", row.quantile05), ("p", row.p)] {
        check(two, name, value, row.construct)
      }
      for (name, value) in [
        ("meanDifference", row.meanDifference), ("meanLower", row.meanLower),
        ("meanUpper", row.meanUpper), ("pMean", row.pMean),
        ("logVarianceRatio", row.logVarianceRatio), ("varianceLower", row.varianceLower),
        ("varianceUpper", row.varianceUpper), ("pVariance", row.pVariance),
      ] {
        check(three, name, value, row.construct)
      }
    }
    print("[worst error] MICOM steps 2-3 vs numpy over the same permutations: \(worst)")
  }

  @Test("the codebook's labels of the grouping column name the groups (--codebook)")
  func codebookLabelsNameTheGroups() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-mga-codebook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    // The LED responses with a grouping column, and the LED codebook with its labels.
    let lines = try Repository.text("examples/led-survey/responses-100.csv")
      .split(separator: "\n", omittingEmptySubsequences: true)
    var csv = ["\(lines[0]),province"]
    for (i, line) in lines.dropFirst().enumerated() { csv.append("\(line),\(i % 2 + 1)") }
    try (csv.joined(separator: "\n") + "\n").write(
      to: work.appendingPathComponent("responses.csv"), atomically: true, encoding: .utf8)
    let codebook =
      try Repository.text("examples/led-survey/codebook.yaml") + """

        variables:
          - id: province
            text: {id: Provinsi, en: Province}
            labels:
              1: {id: Jawa Timur, en: East Java}
              2: {en: Central Java}

        """
    try codebook.write(
      to: work.appendingPathComponent("codebook.yaml"), atomically: true, encoding: .utf8)
    let base = [
      "mga", "--data", "responses.csv", "--codebook", "codebook.yaml", "--model",
      Repository.path("examples/led-survey/mediation.model"), "--groups", "province",
      "--permutations", "5", "--bootstrap", "0", "--seed", "2", "--format", "json",
    ]
    let data = try CLIRunner.output(base, in: work)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let groups = try #require(json["groups"] as? [[String: Any]])
    // The codebook's first language (id), else another one.
    #expect(groups.map { $0["label"] as? String } == ["Jawa Timur", "Central Java"])
    #expect(groups.map { $0["observations"] as? Int } == [50, 50])
    // --group-values by the labels, in another order.
    let reordered = try CLIRunner.output(
      base + ["--group-values", "central java,Jawa Timur"], in: work)
    let again = try #require(
      (try JSONSerialization.jsonObject(with: reordered) as? [String: Any])?["groups"]
        as? [[String: Any]])
    #expect(again.map { $0["value"] as? String } == ["2", "1"])
    // A label keyed by something other than a code is refused, naming the file.
    try codebook.replacingOccurrences(of: "      2: {en:", with: "      two: {en:").write(
      to: work.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    var bad = base
    bad[4] = "bad.yaml"
    let refused = try CLIRunner.run(bad, in: work)
    #expect(refused.status == 1, "\(refused.standardError)")
    #expect(refused.standardError.contains("bad.yaml"), "\(refused.standardError)")
    #expect(refused.standardError.contains("not a number"), "\(refused.standardError)")
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

  @Test("plssem mga --micom --shard k/N and plssem merge give the single run's bytes")
  func micomShardsMerge() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-micom-shards-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    // 1,100 permutations: two chunks of 1,024, so both shards hold permutations and tails.
    let base = [
      "mga", "--data", Repository.path(ExampleData.corpRepData), "--model",
      Repository.path(ExampleData.corpRepSimpleModel), "--missing-code", "-99", "--groups",
      "servicetype", "--permutations", "1100", "--bootstrap", "0", "--seed", "5", "--micom",
    ]
    let single = try CLIRunner.output(base + ["--format", "json"], in: work, timeout: 600)
    let json = try #require(try JSONSerialization.jsonObject(with: single) as? [String: Any])
    #expect((json["micom"] as? [String: Any])?["permutations"] as? Int == 1100)
    for k in 1...3 {
      _ = try CLIRunner.output(
        base + ["--shard", "\(k)/3", "--threads", "1", "--output", "s\(k).json"], in: work,
        timeout: 600)
    }
    let merged = try CLIRunner.output(
      ["merge", "s3.json", "s1.json", "s2.json", "--format", "json"], in: work)
    #expect(merged == single)
    let one = try CLIRunner.output(
      base + ["--format", "json", "--threads", "1"], in: work, timeout: 600)
    #expect(one == single, "1 thread and all cores")
  }
}
