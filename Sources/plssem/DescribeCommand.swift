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

      Every --format is complete: table (80 columns; the per-respondent table and, when too
      wide, min and max are named and left to the other formats), markdown, html, csv (one
      long table: items, constructs, respondents, summary, diagnostics) and json
      (plssem.describe/1).

      Example:
        plssem describe --data examples/led-survey/responses-100.csv --codebook examples/led-survey/codebook.yaml
      """)

  @Option(
    name: .long,
    help:
      "The responses: CSV/TSV (delimiter detected), Excel .xlsx, SPSS .sav/.zsav/.por or Stata .dta."
  )
  var data: String

  @Option(name: .long, help: "The worksheet of an .xlsx workbook to read. (default: the first)")
  var sheet: String?

  @Option(
    name: .customLong("id-column"),
    help: "A column naming the respondents, shown with the flagged ones. (default: none)")
  var idColumn: String?

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

  @OptionGroup var messages: MessageOptions

  func run() throws {
    messages.apply()
    try runReportingErrors {
      guard missingThreshold >= 0, missingThreshold <= 1 else {
        throw InputError(
          description: "--missing-threshold must lie between 0 and 1 (got \(missingThreshold))")
      }
      let responses = try readResponses(
        data: data, codebook: codebook, missingCodes: missingCodes, lenient: lenient, sheet: sheet,
        idColumn: idColumn)
      let description = responses.describe(missingShareThreshold: missingThreshold)
      try emit(render(description, format: output.format), to: output.output)
    }
  }
}

/// The JSON of `plssem describe` (`plssem.describe/1`); the other formats render
/// ``SurveyDescription/document()``.
enum SurveyDescriptionRenderer {
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
      ("idColumn", d.idColumn.map { .string($0) } ?? .null),
      (
        "flaggedRespondents",
        .array(
          d.flaggedRespondents.map { q in
            .object([
              ("row", .integer(q.row)), ("id", q.id.map { .string($0) } ?? .null),
              ("straightLining", .bool(q.straightLining)),
              ("missingShare", .number(q.missingShare)),
              ("aboveMissingThreshold", .bool(q.missingShare > d.missingShareThreshold)),
            ])
          })
      ),
      (
        "respondentQuality",
        .array(
          d.respondentQuality.map { q in
            .object([
              ("respondent", .integer(q.respondent)), ("row", .integer(q.row)),
              ("id", q.id.map { .string($0) } ?? .null), ("line", .integer(q.line)),
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
