import ArgumentParser
import Foundation
import PLSSEMReport
import Survey

/// `plssem describe`: item and construct descriptives of a questionnaire response file.
struct DescribeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe",
    abstract: "Describe survey responses: item and construct statistics and response quality.",
    discussion: """
      Reads the responses through a codebook (labels, reverse coding, missing codes) and reports
      per item and per construct: n, missing, mean, SD (n − 1), median, min, max, skewness (G1),
      excess kurtosis (G2) and, for items, the distribution over the scale points; per
      respondent: straight-lining and the share of missing answers.

      Example:
        plssem describe --data examples/led-survey/responses-100.csv --codebook examples/led-survey/codebook.yaml
      """)

  @Option(name: .long, help: "The response file (CSV or TSV; delimiter detected).")
  var data: String

  @Option(name: .long, help: "The questionnaire codebook (YAML).")
  var codebook: String

  @Option(
    name: .customLong("missing-code"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "A cell value that means missing, besides the codebook's (repeatable).", valueName: "value"))
  var missingCodes: [Double] = []

  @Flag(name: .long, help: "Mark bad cells missing and report them instead of failing.")
  var lenient = false

  @Option(
    name: .customLong("missing-threshold"),
    help: "Flag respondents with more than this share of missing answers.")
  var missingThreshold: Double = 0.2

  @OptionGroup var output: OutputOptions

  func run() throws {
    try runReportingErrors {
      guard missingThreshold >= 0, missingThreshold <= 1 else {
        throw InputError(
          description: "--missing-threshold must lie between 0 and 1 (got \(missingThreshold))")
      }
      let responses = try readResponses(
        data: data, codebook: codebook, missingCodes: missingCodes, lenient: lenient)
      let description = responses.describe(missingShareThreshold: missingThreshold)
      let text: String
      switch output.format {
      case .json: text = SurveyDescriptionRenderer.json(description).rendered()
      default: text = SurveyDescriptionRenderer.table(description)
      }
      try emit(text, to: output.output)
    }
  }
}

/// Renders a ``SurveyDescription`` as text tables or JSON (`plssem.describe/1`).
enum SurveyDescriptionRenderer {
  static func table(_ d: SurveyDescription) -> String {
    var out = "\(d.instrument) — \(d.source): \(d.respondents) respondents\n"
    out += "Straight-lining respondents: \(d.straightLiners); "
    out +=
      "respondents missing more than \(JSONValue.format(d.missingShareThreshold * 100))% of items: \(d.respondentsAboveMissingThreshold)\n\n"
    out += "Items\n" + statisticsTable(d.items, distribution: true)
    out +=
      "\nConstructs (mean of each respondent's answered items)\n"
      + statisticsTable(d.constructs, distribution: false)
    return out
  }

  private static func statisticsTable(_ rows: [Descriptives], distribution: Bool) -> String {
    func f(_ v: Double?, _ digits: Int = 2) -> String {
      v.map { String(format: "%.\(digits)f", $0) } ?? "n/a"
    }
    var header = ["", "n", "miss", "mean", "SD", "median", "min", "max", "skew", "kurt"]
    if distribution { header.append("counts by point") }
    let body = rows.map { r -> [String] in
      var row = [
        r.name, String(r.n), String(r.missing), f(r.mean), f(r.standardDeviation), f(r.median),
        f(r.minimum), f(r.maximum),
        f(r.skewness), f(r.excessKurtosis),
      ]
      if distribution {
        row.append(r.distribution.map { $0.map(String.init).joined(separator: " ") } ?? "")
      }
      return row
    }
    return TableRenderer.layout(header: header, rows: body, rightAligned: Set(1..<10))
  }

  static func json(_ d: SurveyDescription) -> JSONValue {
    func stats(_ r: Descriptives) -> JSONValue {
      .object([
        ("name", .string(r.name)), ("n", .integer(r.n)), ("missing", .integer(r.missing)),
        ("mean", .optional(r.mean)),
        ("sd", .optional(r.standardDeviation)), ("median", .optional(r.median)),
        ("min", .optional(r.minimum)),
        ("max", .optional(r.maximum)), ("skewness", .optional(r.skewness)),
        ("excessKurtosis", .optional(r.excessKurtosis)),
        ("distribution", r.distribution.map { .array($0.map { .integer($0) }) } ?? .null),
      ])
    }
    return .object([
      ("schema", .string("plssem.describe/1")),
      ("source", .string(d.source)),
      ("instrument", .string(d.instrument)),
      ("respondents", .integer(d.respondents)),
      ("items", .array(d.items.map(stats))),
      ("constructs", .array(d.constructs.map(stats))),
      ("straightLiners", .integer(d.straightLiners)),
      ("missingShareThreshold", .number(d.missingShareThreshold)),
      ("respondentsAboveMissingThreshold", .integer(d.respondentsAboveMissingThreshold)),
      (
        "respondentQuality",
        .array(
          d.respondentQuality.map { q in
            .object([
              ("respondent", .integer(q.respondent)), ("line", .integer(q.line)),
              ("answered", .integer(q.answered)),
              ("missing", .integer(q.missing)), ("missingShare", .number(q.missingShare)),
              ("straightLining", .bool(q.straightLining)), ("longestRun", .integer(q.longestRun)),
            ])
          })
      ),
      ("issues", .array(d.issues.map { .string($0.description) })),
    ])
  }
}
