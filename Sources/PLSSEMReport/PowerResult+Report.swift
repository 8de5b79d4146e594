import PLSSEM

/// The power study (`plssem power`) in every output format: JSON (`plssem.power/1`), a report
/// document (text table, Markdown, CSV) and an HTML page with one SVG power curve per path.
extension PowerResult {
  /// The JSON contract `plssem.power/1`: the settings, and per path its population value, the
  /// results at each sample size and the inverse square root method's minimum n; the model's
  /// minimum n (smallest non-zero path) at the top.
  ///
  /// - Parameters:
  ///   - population: where the population came from (a file name, `example led`).
  ///   - data: how the items were drawn (`continuous`, or the Likert scale's description).
  public func json(population: String, data: String) -> JSONValue {
    let s = settings
    let settingsObject: JSONValue = .object([
      ("respondents", .array(s.respondents.map(JSONValue.integer))),
      ("replications", .integer(s.replications)),
      ("resamples", .integer(s.resamples)),
      ("alpha", .number(s.alpha)),
      ("tails", .integer(s.tails.rawValue)),
      ("test", .string(s.test.rawValue)),
      ("seed", .integer(Int(truncatingIfNeeded: s.seed))),
      ("confidenceInterval", .string(s.confidenceInterval.rawValue)),
      ("pValues", .string(s.pValues.rawValue)),
      ("targetPower", .number(s.targetPower)),
      ("consistent", .bool(s.pls.consistent)),
      ("data", .string(data)),
    ])
    let pathsArray: [JSONValue] = paths.map { path in
      .object([
        ("from", .string(path.from)),
        ("to", .string(path.to)),
        ("population", .number(path.population)),
        ("byN", .array(path.byN.map(Self.json))),
        ("inverseSquareRoot", path.inverseSquareRoot.map(Self.json) ?? .null),
        ("smallestSimulatedN", path.smallestSimulatedN.map(JSONValue.integer) ?? .null),
      ])
    }
    let failures: [JSONValue] = settings.respondents.compactMap { n in
      guard let first = firstFailures[n] else { return nil }
      let count = paths.first?.byN.first { $0.n == n }?.failed ?? 0
      return .object([("n", .integer(n)), ("failed", .integer(count)), ("first", .string(first))])
    }
    return .object([
      ("schema", .string("plssem.power/1")),
      ("population", .string(population)),
      ("settings", settingsObject),
      ("paths", .array(pathsArray)),
      ("inverseSquareRoot", inverseSquareRoot.map(Self.json) ?? .null),
      ("failures", .array(failures)),
    ])
  }

  static func json(_ row: PowerAtSampleSize) -> JSONValue {
    .object([
      ("n", .integer(row.n)),
      ("power", .number(row.power)),
      ("powerSE", .number(row.powerSE)),
      ("meanEstimate", .number(row.meanEstimate)),
      ("bias", .number(row.bias)),
      ("empiricalSE", .number(row.empiricalSE)),
      ("meanBootstrapSE", .number(row.meanBootstrapSE)),
      ("coverage", .number(row.coverage)),
      ("replications", .integer(row.replications)),
      ("failed", .integer(row.failed)),
    ])
  }

  static func json(_ method: InverseSquareRoot) -> JSONValue {
    .object([
      ("minimumN", method.minimumN.map(JSONValue.integer) ?? .null),
      ("coefficient", .number(method.coefficient)),
      ("alpha", .number(method.alpha)),
      ("tails", .integer(method.tails.rawValue)),
      ("power", .number(method.power)),
      ("constant", .number(method.constant)),
    ])
  }

  /// The study as a report document: the summary, one table of every path at every size, and
  /// the minimum sample sizes.
  public func document(population: String, data: String) -> ReportDocument {
    let s = settings
    let sizes = s.respondents.map(String.init).joined(separator: ", ")
    var summary = [
      "Power study of \(population): \(s.replications) replications at n = \(sizes), "
        + "\(s.resamples) bootstrap resamples each, α = \(JSONValue.format(s.alpha)) "
        + "(\(s.tails == .one ? "one" : "two")-tailed), seed \(s.seed); items \(data).",
      "Power is the share of replications whose \(Self.testText(s)) rejects β = 0 (± its Monte Carlo SE); "
        + "coverage is that of the population value by the \(Self.percent(1 - s.alpha)) "
        + "\(s.confidenceInterval.rawValue) interval. For a path whose population value is 0 "
        + "the rate is the test's empirical size, which should be α.",
    ]
    if let method = inverseSquareRoot, let n = method.minimumN {
      summary.append(
        "Inverse square root method (Kock & Hadaya 2018) for the smallest path, |β| = "
          + "\(JSONValue.format(method.coefficient)): n > \(n - 1), i.e. at least \(n) respondents "
          + "for \(Self.percent(method.power)) power.")
    }
    var diagnostics = s.respondents.compactMap { n -> ReportDiagnostic? in
      guard let first = firstFailures[n] else { return nil }
      let count = paths.first?.byN.first { $0.n == n }?.failed ?? 0
      return ReportDiagnostic(
        severity: .warning, code: "power-replications-failed",
        message:
          "\(count) of \(s.replications) replications at n = \(n) could not be estimated or bootstrapped and were left out; the first: \(first)",
        value: Double(count))
    }
    diagnostics += sizeDiagnostics
    let facts: [ReportDocument.Fact] = [
      .init("replications", String(s.replications)),
      .init("resamples", String(s.resamples)),
      .init("alpha", JSONValue.format(s.alpha)),
      .init("tails", String(s.tails.rawValue)),
      .init("seed", String(s.seed)),
    ]
    let columns: [ReportTable.Column] = [
      .label("Path"),
      .statistic("β", table: "power", statistic: "population"),
      .statistic("n", table: "power", statistic: "n"),
      .statistic("Power", table: "power", statistic: "power"),
      .statistic("MC SE", table: "power", statistic: "powerSE", essential: false),
      .statistic("Mean β̂", table: "power", statistic: "meanEstimate"),
      .statistic("Bias", table: "power", statistic: "bias"),
      .statistic("SD β̂", table: "power", statistic: "empiricalSE"),
      .statistic("Mean SE", table: "power", statistic: "meanBootstrapSE"),
      .statistic("Coverage", table: "power", statistic: "coverage"),
    ]
    var rows: [ReportTable.Row] = []
    for path in paths {
      for row in path.byN {
        rows.append(
          ReportTable.Row(
            .init(path.from, to: path.to),
            [
              ReportTable.Cell("\(path.from) -> \(path.to)"), Self.cell(path.population),
              Self.cell(Double(row.n), digits: 0),
              Self.cell(row.power), Self.cell(row.powerSE), Self.cell(row.meanEstimate),
              Self.cell(row.bias), Self.cell(row.empiricalSE), Self.cell(row.meanBootstrapSE),
              Self.cell(row.coverage),
            ]))
      }
    }
    let powerTable = ReportTable(
      id: "power", title: "Power and accuracy by sample size", columns: columns, rows: rows,
      notes: [
        "SD β̂: the SD of the estimates across replications (the empirical SE); Mean SE: the mean bootstrap SE (about equal when the bootstrap is calibrated).",
        "Bias: mean estimate minus the population value; PLS composites attenuate paths between reflective constructs (PLSc, --consistent, corrects this).",
      ])
    let minimumColumns: [ReportTable.Column] = [
      .label("Path"),
      .statistic("β", table: "minimum-n", statistic: "population"),
      .statistic("ISR n", table: "minimum-n", statistic: "inverseSquareRoot"),
      .statistic("Simulated n", table: "minimum-n", statistic: "smallestSimulatedN"),
    ]
    let minimumRows = paths.map { path in
      ReportTable.Row(
        .init(path.from, to: path.to),
        [
          ReportTable.Cell("\(path.from) -> \(path.to)"), Self.cell(path.population),
          path.inverseSquareRoot?.minimumN.map { Self.cell(Double($0), digits: 0) } ?? "n/a",
          path.smallestSimulatedN.map { Self.cell(Double($0), digits: 0) }
            ?? ReportTable.Cell("> \(s.respondents.max() ?? 0)"),
        ])
    }
    let minimumTable = ReportTable(
      id: "minimum-n", title: "Minimum sample size for \(Self.percent(s.targetPower)) power",
      columns: minimumColumns, rows: minimumRows,
      notes: [
        "ISR n: the inverse square root method, n > ((z₁₋α + z_power) / |β|)² (Kock & Hadaya 2018; z₁₋α/₂ when two-tailed); n/a for a zero path.",
        "Simulated n: the smallest simulated sample size whose power reaches the target.",
      ])
    return ReportDocument(
      title: "Power and sample size", summary: summary, facts: facts, diagnostics: diagnostics,
      sections: [
        .init(id: "power-table", title: "Power", tables: [powerTable]),
        .init(id: "minimum-sample-size", title: "Minimum sample size", tables: [minimumTable]),
      ])
  }

  /// The test in words, e.g. "bootstrap t test (t = β̂ / SE, Student's t on B − 1 df)".
  static func testText(_ s: PowerSettings) -> String {
    switch s.test {
    case .t:
      let reference = s.pValues == .studentT ? "Student's t on B − 1 df" : "the standard normal"
      return "bootstrap t test (t = β̂ / bootstrap SE against \(reference))"
    case .interval:
      return "\(Self.percent(1 - s.alpha)) \(s.confidenceInterval.rawValue) interval (excluding 0)"
    }
  }

  /// A note for each zero path and size whose rejection rate — the test's empirical size —
  /// lies outside α ± 2.6 Monte Carlo SEs of α (`√(α(1 − α)/R)`): a liberal or conservative
  /// test at this design, which the power of the other paths shares.
  var sizeDiagnostics: [ReportDiagnostic] {
    let alpha = settings.alpha
    var out: [ReportDiagnostic] = []
    for path in paths where path.population == 0 {
      for row in path.byN where row.replications > 0 {
        let se = (alpha * (1 - alpha) / Double(row.replications)).squareRoot()
        guard abs(row.power - alpha) > 2.6 * se else { continue }
        let kind = row.power > alpha ? "liberal" : "conservative"
        out.append(
          ReportDiagnostic(
            severity: .note, code: "power-test-size",
            message:
              "\(path.from) -> \(path.to) has population value 0 and was rejected in \(Self.percent(row.power)) of the replications at n = \(row.n), outside α = \(Self.percent(alpha)) ± 2.6 Monte Carlo SE (\(Self.percent(2.6 * se))): the test is \(kind) at this design, and the power of the other paths is overstated or understated accordingly (see README, Power: the size of the test).",
            value: row.power))
      }
    }
    return out
  }

  static func cell(_ value: Double, digits: Int = 3) -> ReportTable.Cell {
    guard value.isFinite else { return ReportTable.Cell("n/a") }
    return ReportTable.Cell(NumberText.fixed(value, digits), value: value)
  }

  static func percent(_ share: Double) -> String {
    JSONValue.format((share * 1000).rounded() / 10) + " %"
  }
}
