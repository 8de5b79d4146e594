import Foundation
import TestSupport
import Testing

/// `plssem power`: the JSON contract `plssem.power/1`, the same output for any thread count,
/// the other formats, and the bundled LED population cut to its Likert scale.
@Suite("plssem power")
struct PowerCLITests {
  static let population = Repository.path("Tests/CLITests/Corpus/power/good.json")

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let data = try CLIRunner.output(arguments, timeout: 300)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("JSON plssem.power/1: settings, every path with byN and the inverse square root method")
  func jsonContract() throws {
    let arguments = [
      "power", "--population", Self.population, "--respondents", "40,80", "--replications", "20",
      "--bootstrap", "40", "--seed", "3", "--continuous", "--format", "json",
    ]
    let object = try Self.json(arguments + ["--threads", "1"])
    #expect(object["schema"] as? String == "plssem.power/1")
    let settings = try #require(object["settings"] as? [String: Any])
    #expect(settings["respondents"] as? [Int] == [40, 80])
    #expect(settings["replications"] as? Int == 20)
    #expect(settings["resamples"] as? Int == 40)
    let paths = try #require(object["paths"] as? [[String: Any]])
    #expect(paths.count == 1)
    let path = try #require(paths.first)
    #expect(path["from"] as? String == "A" && path["to"] as? String == "B")
    #expect(path["population"] as? Double == 0.3)
    let byN = try #require(path["byN"] as? [[String: Any]])
    #expect(byN.map { $0["n"] as? Int } == [40, 80])
    for row in byN {
      for key in [
        "power", "powerSE", "meanEstimate", "bias", "empiricalSE", "meanBootstrapSE", "coverage",
      ] {
        #expect(row[key] is Double, "byN.\(key)")
      }
      let power = try #require(row["power"] as? Double)
      let se = try #require(row["powerSE"] as? Double)
      #expect(abs(se - (power * (1 - power) / 20).squareRoot()) < 1e-12)
    }
    let isr = try #require(path["inverseSquareRoot"] as? [String: Any])
    #expect(isr["minimumN"] as? Int == 88)  // (2.8016 / 0.3)² = 87.2, two-tailed
    #expect((object["inverseSquareRoot"] as? [String: Any])?["minimumN"] as? Int == 88)
    // The same bytes with two threads.
    let one = try CLIRunner.output(arguments + ["--threads", "1"], timeout: 300)
    let two = try CLIRunner.output(arguments + ["--threads", "2"], timeout: 300)
    #expect(one == two)
  }

  @Test(
    "table, Markdown and HTML with one SVG power curve per path; the LED example on its Likert scale"
  )
  func formatsAndLED() throws {
    let common = [
      "power", "--example", "led", "--respondents", "60,120", "--replications", "4", "--bootstrap",
      "20", "--seed", "2",
    ]
    let html = String(
      decoding: try CLIRunner.output(common + ["--format", "html"], timeout: 300), as: UTF8.self)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 4)
    #expect(html.contains("class=\"power-curve\""))
    #expect(html.contains("X2 → X3"))
    let table = String(decoding: try CLIRunner.output(common, timeout: 300), as: UTF8.self)
    #expect(table.contains("Power and accuracy by sample size"))
    let markdown = String(
      decoding: try CLIRunner.output(common + ["--format", "markdown"], timeout: 300), as: UTF8.self
    )
    #expect(markdown.contains("| X1 -> Y |"))
    #expect(markdown.contains("cut to a 5-point scale at -2.05, -1.28, -0.39, 0.84"))
  }

  @Test(
    "plssem power --shard k/N and plssem merge give the single run's bytes; a missing shard is named"
  )
  func shardsMerge() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-power-shards-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let base = [
      "power", "--population", Self.population, "--respondents", "40,80", "--replications", "9",
      "--bootstrap", "30", "--seed", "4", "--continuous",
    ]
    let single = try CLIRunner.output(base + ["--format", "json"], in: work, timeout: 300)
    for k in 1...3 {
      _ = try CLIRunner.output(
        base + ["--shard", "\(k)/3", "--threads", "1", "--output", "p\(k).json"], in: work,
        timeout: 300)
    }
    let merged = try CLIRunner.output(
      ["merge", "p3.json", "p1.json", "p2.json", "--format", "json"], in: work, timeout: 300)
    #expect(merged == single)
    let table = try CLIRunner.output(["merge", "p1.json", "p2.json", "p3.json"], in: work)
    #expect(table == (try CLIRunner.output(base, in: work, timeout: 300)))
    let missing = try CLIRunner.run(["merge", "p1.json", "p3.json", "--format", "json"], in: work)
    #expect(missing.status == 1)
    #expect(missing.standardError.contains("shard 2/3 is missing"), "\(missing.standardError)")
    let noOutput = try CLIRunner.run(base + ["--shard", "1/3"], in: work)
    #expect(noOutput.status == 64 && noOutput.standardError.contains("--output"))
    let format = try CLIRunner.run(
      base + ["--shard", "1/3", "--output", "x.json", "--format", "json"], in: work)
    #expect(format.status == 64 && format.standardError.contains("--format does not apply"))
  }

  @Test("shard files written before the ShardFile envelope merge into the single run's bytes")
  func versionOneShardsMerge() throws {
    let files = ["s1", "s2"].map {
      Repository.path("Tests/PowerTests/Fixtures/power-shards-v1/\($0).json")
    }
    let merged = try CLIRunner.output(["merge"] + files + ["--format", "json"], timeout: 300)
    let single = try CLIRunner.output(
      [
        "power", "--example", "led", "--respondents", "30,40", "--replications", "3",
        "--bootstrap", "20", "--seed", "5", "--continuous", "--format", "json",
      ], timeout: 300)
    #expect(merged == single)
    // A bootstrap shard given where the first file made it a power merge: the file and both
    // kinds named.
    let bootstrap = Repository.path("Tests/CLITests/Corpus/shards/edited-count.json")
    let mixed = try CLIRunner.run(["merge", files[0], bootstrap])
    #expect(mixed.status == 1)
    #expect(
      mixed.standardError.contains(
        "edited-count.json: not a plssem power shard file (it is a plssem bootstrap shard file"),
      "\(mixed.standardError)")
  }
}
