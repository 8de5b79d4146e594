import Foundation
import TestSupport
import Testing

/// `--narrative id|en` on `plssem estimate --format markdown|html` and `plssem report`: the
/// results in words of the LED example, with the numbers of the report's own tables.
@Suite("The results in words on the command line")
struct NarrativeCLITests {
  static let led = Repository.url("examples/led-survey")
  static let arguments = [
    "--data", led.appendingPathComponent("responses-100.csv").path, "--codebook",
    led.appendingPathComponent("codebook.yaml").path, "--model",
    led.appendingPathComponent("mediation.model").path, "--bootstrap", "200", "--seed", "2024",
  ]

  /// The β of a path as the Markdown path table prints it ("| X2 → X3 | 0.593 | …").
  static func tableBeta(_ markdown: String, _ path: String) -> String? {
    markdown.components(separatedBy: "\n").first { $0.hasPrefix("| \(path) | ") }?
      .components(separatedBy: " | ").dropFirst().first
  }

  @Test("estimate --format markdown --narrative id: Indonesian prose with the tables' numbers")
  func indonesianMarkdown() throws {
    let out = String(
      decoding: try CLIRunner.output(
        ["estimate"] + Self.arguments + ["--format", "markdown", "--narrative", "id"]),
      as: UTF8.self)
    #expect(out.contains("\n## Narasi hasil\n\n### Model pengukuran\n"))
    #expect(out.contains("\n### Pengujian hipotesis\n"))
    #expect(out.contains("\n### Analisis mediasi\n"))
    let beta = try #require(Self.tableBeta(out, "X2 → X3"))
    #expect(beta.hasPrefix("0."))
    let comma = beta.replacingOccurrences(of: ".", with: ",")
    #expect(
      out.contains("\n- X2 berpengaruh positif dan signifikan terhadap X3 (β = \(comma); t = "))
    #expect(out.contains("); H1 diterima.\n"))
    #expect(out.contains("| H1 | X2 → X3 | + | \(comma) | "))
    #expect(out.contains("Signifikansi diuji dengan bootstrap 200 subsampel, uji dua arah"))
    // The narrative comes before the tables.
    let narrative = try #require(out.range(of: "## Narasi hasil"))
    let structural = try #require(out.range(of: "## Structural model"))
    #expect(narrative.lowerBound < structural.lowerBound)
  }

  @Test("report --narrative en: the HTML report holds the English narrative")
  func englishHTML() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plssem-narrative-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("report.html").path
    _ = try CLIRunner.output(
      ["report"] + Self.arguments + ["--narrative", "en", "--tails", "1", "--output", file])
    let html = try String(contentsOfFile: file, encoding: .utf8)
    #expect(html.contains("<div class=\"narrative\" lang=\"en\">"))
    #expect(html.contains("<a href=\"#narrative\">The results in words</a>"))
    #expect(html.contains("; H1 is supported.</li>"))
    #expect(html.contains("one-tailed in the direction of each estimate, at α = 0.05"))
  }

  @Test("without --narrative no prose")
  func noNarrativeByDefault() throws {
    let out = String(
      decoding: try CLIRunner.output(["estimate"] + Self.arguments + ["--format", "markdown"]),
      as: UTF8.self)
    #expect(!out.contains("Narasi hasil") && !out.contains("The results in words"))
  }

  @Test("the text table holds the narrative within 80 columns, before the tables")
  func textTable() throws {
    let out = String(
      decoding: try CLIRunner.output(["estimate"] + Self.arguments + ["--narrative", "id"]),
      as: UTF8.self)
    #expect(out.contains("\nNarasi hasil\n============\n\nModel pengukuran\n"))
    #expect(out.contains("\n- X2 berpengaruh positif dan signifikan terhadap X3 (β = "))
    let narrative = try #require(out.range(of: "Narasi hasil"))
    let structural = try #require(out.range(of: "\nStructural model\n"))
    #expect(narrative.lowerBound < structural.lowerBound)
    let lines = out[narrative.lowerBound..<structural.lowerBound].split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
  }

  @Test("JSON narrative: language, paragraphs, hypothesis table and sentences; null without")
  func json() throws {
    let data = try CLIRunner.output(
      ["estimate"] + Self.arguments + ["--format", "json", "--narrative", "en"])
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let narrative = try #require(object["narrative"] as? [String: Any])
    #expect(narrative["language"] as? String == "en")
    let paragraphs = try #require(narrative["paragraphs"] as? [[String: Any]])
    #expect(
      paragraphs.compactMap { $0["id"] as? String }.starts(with: ["measurement", "structural"])
        || paragraphs.compactMap { $0["id"] as? String }.contains("hypotheses"))
    #expect(paragraphs.allSatisfy { ($0["sentences"] as? [String])?.isEmpty == false })
    let sentences = try #require(narrative["hypothesisSentences"] as? [String])
    #expect(
      sentences.first?.hasPrefix("X2 has a positive and significant effect on X3 (β = 0.") == true)
    // The β of the sentence is the JSON path's estimate at three decimals.
    let paths = try #require(object["paths"] as? [[String: Any]])
    let h1 = try #require(
      paths.first { $0["from"] as? String == "X2" && $0["to"] as? String == "X3" })
    let beta = try #require(h1["estimate"] as? Double)
    #expect(sentences.first?.contains("β = \(String(format: "%.3f", beta))") == true)
    let table = try #require(narrative["hypothesisTable"] as? [String: Any])
    let rows = try #require(table["rows"] as? [[String]])
    #expect(rows.first?.first == "H1")
    #expect((table["columns"] as? [String])?.count == rows.first?.count)
    #expect(narrative["references"] is [String])
    // Without --narrative: null.
    let plain = try CLIRunner.output(["estimate"] + Self.arguments + ["--format", "json"])
    let plainObject = try #require(try JSONSerialization.jsonObject(with: plain) as? [String: Any])
    #expect(plainObject["narrative"] is NSNull)
  }

  @Test(
    "--labels names the constructs in the narrative's language unless --language says otherwise")
  func labelsFollowTheNarrative() throws {
    let english = String(
      decoding: try CLIRunner.output(
        ["estimate"] + Self.arguments + ["--format", "markdown", "--narrative", "en", "--labels"]),
      as: UTF8.self)
    #expect(
      english.contains("Cluster pattern has a positive and significant effect on LED orientation"))
    #expect(!english.contains("Pola Klaster"))
    let indonesian = String(
      decoding: try CLIRunner.output(
        ["estimate"] + Self.arguments + ["--format", "markdown", "--narrative", "id", "--labels"]),
      as: UTF8.self)
    #expect(indonesian.contains("Pola Klaster berpengaruh positif dan signifikan terhadap"))
    let chosen = String(
      decoding: try CLIRunner.output(
        ["estimate"] + Self.arguments + [
          "--format", "markdown", "--narrative", "en", "--labels", "--language", "id",
        ]),
      as: UTF8.self)
    #expect(chosen.contains("Pola Klaster has a positive and significant effect on"))
  }
}
