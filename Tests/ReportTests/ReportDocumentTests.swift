import Foundation
import PLSSEM
import TestSupport
import Testing

@testable import PLSSEMReport

/// The report document is what every format renders: these tests walk it and check that no
/// format silently drops a table, a warning or a section the JSON has.
@Suite("Report document: every format renders every part")
struct ReportDocumentTests {
  /// Corp rep simple with blindfolding and PLSpredict (seed 1), optionally bootstrapped.
  static func complete(resamples: Int = 0) throws -> EstimationReport {
    let base = try CorpRep.build(resamples: resamples)
    let assessment = try PLSAssessment(estimate: base.estimate, options: .complete(seed: 1))
    var report = EstimationReport(
      estimate: base.estimate, assessment: assessment, bootstrap: base.bootstrap,
      dataSource: base.dataSource, modelSource: base.modelSource)
    report.modelText = base.modelText
    return report
  }

  /// The reports every structural test runs on: plain, bootstrapped, with Q² and PLSpredict,
  /// a caller's warning, and the 15-construct synthetic model (Mode B blocks, wide matrices).
  static func reports() throws -> [(name: String, report: EstimationReport)] {
    var warned = try CorpRep.plain()
    warned.diagnostics = [
      ReportDiagnostic(
        severity: .warning, code: "test-warning", message: "a warning <for> every | format",
        construct: "COMP", indicator: "comp_1", value: 12.5)
    ]
    return [
      ("plain", try CorpRep.plain()), ("bootstrapped", try CorpRep.bootstrapped()),
      ("complete", try complete()), ("warned", warned), ("synthetic", try SyntheticModel.report()),
      ("bootstrap-warned", try bootstrapWarned.get()),
      ("plsc-bootstrap", try consistentBootstrap.get()),
      ("resamples-failing", try resamplesFailing.get()),
      ("ipma", try ipmaReport.get()),
      ("higher-order", try HigherOrderReportTests.report.get()),
    ]
  }

  /// Corp rep extended with the IPMA of CUSL on the 1–7 scale (QUAL's negative weight warns)
  /// and the common method bias checks (QUAL's full collinearity VIF 4.3 misses 3.3).
  static let ipmaReport = Result {
    var report = try CorpRep.build(resamples: 0, modelFile: "extended.model")
    report.ipma = try ImportancePerformance(
      estimate: report.estimate, target: "CUSL", defaultBounds: ScaleBounds(minimum: 1, maximum: 7))
    report.commonMethodBias = try CommonMethodBias(estimate: report.estimate)
    return report
  }

  /// The weak scale (two items of W correlate −0.003) bootstrapped: HTMT(B, W)'s SE is huge.
  static let bootstrapWarned = Result {
    let directory = "Tests/PLSSEMTests/Fixtures/data"
    let data = try ExampleData.table("\(directory)/weak-scale.csv")
    let text = try Repository.text("\(directory)/weak-scale.model")
    let estimate = try PLSEstimator().estimate(PathModel(syntax: text), data: data)
    let settings = BootstrapSettings(resamples: 300, seed: 11, maximumFailureShare: 0.5)
    var report = EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
      bootstrap: try Bootstrapper(settings: settings).result(estimate),
      dataSource: "\(directory)/weak-scale.csv", modelSource: "\(directory)/weak-scale.model")
    report.modelText = text
    return report
  }

  /// 30 respondents, and item a3 is 0 but for one of them: about 36 % of the resamples miss
  /// that respondent, have a constant indicator and fail.
  static let resamplesFailing = Result {
    var random = SeededGenerator(seed: 77)
    var columns = Array(repeating: [Double](), count: 5)
    for i in 0..<30 {
      let a = random.normal()
      let b = 0.5 * a + 0.8 * random.normal()
      columns[0].append(a + 0.5 * random.normal())
      columns[1].append(a + 0.5 * random.normal())
      columns[2].append(i == 11 ? 1 : 0)
      columns[3].append(b + 0.5 * random.normal())
      columns[4].append(b + 0.5 * random.normal())
    }
    let data = try DataTable(columnNames: ["a1", "a2", "a3", "b1", "b2"], columns: columns)
    let text = "A =~ a1 + a2 + a3\nB =~ b1 + b2\nB ~ A\n"
    let estimate = try PLSEstimator().estimate(PathModel(syntax: text), data: data)
    let settings = BootstrapSettings(resamples: 300, seed: 4, maximumFailureShare: 0.5)
    var report = EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
      bootstrap: try Bootstrapper(settings: settings).result(estimate),
      dataSource: "rare-item.csv", modelSource: "rare-item.model")
    report.modelText = text
    return report
  }

  /// ECSI mobi under PLSc, bootstrapped with the inadmissible resamples dropped: the estimate
  /// is inadmissible and most resamples are too.
  static let consistentBootstrap = Result {
    let estimate = try ExampleData.mobiEstimate(settings: PLSSettings(consistent: true))
    let settings = BootstrapSettings(resamples: 200, seed: 3, inadmissibleResamples: .drop)
    return EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
      bootstrap: try Bootstrapper(settings: settings).result(estimate),
      dataSource: ExampleData.mobiData, modelSource: ExampleData.mobiModel)
  }

  /// The CSV's `table` field of every record.
  static func csvTables(_ csv: String) -> Set<String> {
    Set(CSVTests.rows(csv).compactMap { $0["table"] })
  }

  @Test func everyTableIsInEveryFormat() throws {
    for (name, report) in try Self.reports() {
      let document = report.document()
      let text = TableRenderer.render(document)
      let markdown = MarkdownRenderer.render(document)
      let html = HTMLRenderer.render(report)
      let ids = XMLCheck(html).attributes["id"] ?? []
      let csvTables = Self.csvTables(CSVRenderer.render(document))
      #expect(!document.tables.isEmpty)
      for table in document.tables {
        #expect(
          markdown.contains("### " + MarkdownRenderer.escape(table.title) + "\n"),
          "\(name): Markdown lacks \(table.title)")
        #expect(ids.contains(table.id), "\(name): HTML lacks #\(table.id)")
        for longTable in table.longFormTables {
          #expect(csvTables.contains(longTable), "\(name): CSV lacks \(longTable) of \(table.id)")
        }
        // The text table prints the table under its title, or names it as left out.
        let printed = text.contains("\n" + table.title + "\n")
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let named =
          flat.contains("\(table.title): too wide")
          || flat.contains("Not shown here") && flat.contains(table.title)
        #expect(printed || named, "\(name): the text table neither shows nor names \(table.title)")
        #expect(!table.detail || !printed, "\(name): detail table \(table.title) printed")
      }
      for section in document.sections {
        #expect(markdown.contains("## " + section.title + "\n"), "\(name): \(section.title)")
        #expect(ids.contains(section.id), "\(name): HTML lacks section #\(section.id)")
      }
      for rule in document.rules {
        #expect(
          text.replacingOccurrences(of: "\n    ", with: " ").contains(rule.text),
          "\(name): text lacks rule \(rule.id)")
        #expect(markdown.contains(MarkdownRenderer.escape(rule.text)), "\(name): \(rule.id)")
        #expect(XMLCheck(html).text.contains(rule.text), "\(name): HTML lacks rule \(rule.id)")
      }
    }
  }

  @Test func diagnosticsAreInEveryFormat() throws {
    // The engine's warnings (the estimate's, then the bootstrap's) are among the report's.
    let codes = { (report: EstimationReport) in report.allDiagnostics.map(\.code) }
    #expect(codes(try Self.bootstrapWarned.get()) == [Diagnostic.Code.largeSE])
    #expect(codes(try Self.resamplesFailing.get()) == [Diagnostic.Code.resamplesFailed])
    #expect(
      codes(try Self.consistentBootstrap.get()).suffix(1) == [
        Diagnostic.Code.resamplesInadmissible
      ])
    #expect(codes(try Self.consistentBootstrap.get()).contains(Diagnostic.Code.inadmissible))
    for (name, report) in try Self.reports() where !report.allDiagnostics.isEmpty {
      let document = report.document()
      let text = TableRenderer.render(document)
      let markdown = MarkdownRenderer.render(document)
      let html = XMLCheck(HTMLRenderer.render(report))
      let csv = CSVTests.rows(CSVRenderer.render(document))
      let json = try #require(
        JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
      let jsonDiagnostics = try #require(json["diagnostics"] as? [[String: Any]])
      #expect(jsonDiagnostics.count == report.allDiagnostics.count)
      for (k, d) in report.allDiagnostics.enumerated() {
        #expect(
          text.replacingOccurrences(of: "\n    ", with: " ").contains(d.description), "\(name)")
        #expect(markdown.contains(MarkdownRenderer.escape(d.message)), "\(name)")
        #expect(html.text.contains(d.message), "\(name)")
        #expect(
          csv.contains {
            $0["table"] == "diagnostics" && $0["statistic"] == d.code && $0["message"] == d.message
              && $0["severity"] == d.severity.rawValue && $0["from"] == (d.construct ?? "")
          }, "\(name): CSV lacks \(d.code)")
        #expect(jsonDiagnostics[k]["code"] as? String == d.code)
        #expect(jsonDiagnostics[k]["severity"] as? String == d.severity.rawValue)
        #expect(jsonDiagnostics[k]["message"] as? String == d.message)
      }
      #expect(html.attributes["id"]?.contains("diagnostics") == true)
    }
    let plain = try CorpRep.plain()
    #expect(plain.allDiagnostics.isEmpty)
    let json = try #require(
      JSONSerialization.jsonObject(with: Data(plain.json().rendered().utf8)) as? [String: Any])
    #expect((json["diagnostics"] as? [Any])?.isEmpty == true, "diagnostics is [] when none")
  }

  /// Which document tables show each top-level key of the estimate JSON. A new JSON key fails
  /// this test until it is mapped here, so a section cannot be added to the JSON alone.
  static let tablesOfJSONKey: [String: [String]] = [
    "paths": ["paths"], "loadings": ["loadings"], "weights": ["weights"], "htmt": ["htmt"],
    "htmt2": ["htmt"], "effects": ["total-effects"], "fornellLarcker": ["fornell-larcker"],
    "crossLoadings": ["cross-loadings"], "vif": ["paths", "weights"], "fSquare": ["paths"],
    "fit": ["fit"], "q2": ["q2"], "plsPredict": ["plspredict"],
    "constructCorrelations": ["construct-correlations"], "constructs": ["r2", "reliability"],
    "ipma": ["ipma-constructs", "ipma-indicators"], "cmb": ["cmb-vif", "cmb-harman"],
    "higherOrder": ["stage1-loadings", "stage1-weights", "stage1-reliability"],
    "simpleSlopes": ["simple-slopes"], "interactionFSquare": ["paths"],
  ]
  /// Keys about the run, shown in every format's summary (and the CSV's `summary` table).
  static let summaryKeys: Set<String> = [
    "schema", "observations", "converged", "iterations", "settings", "missingData", "bootstrap",
    "diagnostics", "admissibility",
  ]

  @Test func everyJSONSectionIsInTheDocument() throws {
    for (name, report) in try Self.reports() {
      let json = try #require(
        JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
      let ids = Set(report.document().tables.map(\.id))
      for (key, value) in json where !Self.summaryKeys.contains(key) {
        if key == "narrative" {
          // Prose, not a table: the document's narrative, present exactly when the JSON's is.
          #expect((value is NSNull) == (report.document().narrative == nil), "\(name): narrative")
          continue
        }
        guard let tables = Self.tablesOfJSONKey[key] else {
          Issue.record("\(name): JSON key \(key) is shown by no document table (map it here)")
          continue
        }
        if value is NSNull || (value as? [Any])?.isEmpty == true { continue }
        for id in tables { #expect(ids.contains(id), "\(name): JSON has \(key), no table \(id)") }
      }
      let summary = report.document().summary.joined(separator: " ")
      #expect(summary.contains("\(report.estimate.observations) observations"))
      if let b = report.bootstrap { #expect(summary.contains("\(b.resamples) resamples")) }
    }
  }

  @Test func blindfoldingAndPredictAreInTheHTML() throws {
    let report = try Self.complete(resamples: 50)
    let html = HTMLRenderer.render(report)
    let xml = XMLCheck(html)
    #expect(xml.wellFormed, "\(xml.error ?? "")")
    for needle in ["Q² redundancy", "SRMR", "d_ULS", "PLSpredict", "Q²predict", "RMSE LM"] {
      #expect(xml.text.contains(needle), "no \(needle)")
    }
    let q2 = try #require(report.assessment?.q2?.constructs.first)
    #expect(xml.text.contains(NumberText.fixed(q2.q2Redundancy)))
    // Effects carry their t in HTML too.
    let ids = xml.attributes["id"] ?? []
    for id in ["total-effects", "indirect-effects", "specific-indirect", "fit", "q2", "plspredict"]
    {
      #expect(ids.contains(id), "no #\(id)")
    }
    #expect(!html.contains("<details"), "nothing collapsed: it would not print")
  }

  @Test func theDefaultTableShowsSpecificIndirectEffects() throws {
    // Corp rep simple is a mediation model: COMP → CUSA → CUSL and LIKE → CUSA → CUSL.
    let report = try CorpRep.bootstrapped()
    let text = TableRenderer.render(report)
    #expect(text.contains("\nSpecific indirect effects\n"))
    for effect in report.estimate.specificIndirectEffects {
      let inference = try #require(report.inference(.specificIndirectEffect(chain: effect.chain)))
      let line = try #require(
        text.split(separator: "\n").first { $0.contains(effect.chain.joined(separator: " → ")) })
      #expect(line.contains(NumberText.fixed(effect.estimate)), "\(line)")
      #expect(line.contains(NumberText.fixed(inference.t, 2)), "\(line)")
    }
    #expect(text.contains("\nTotal indirect effects\n"))
    #expect(text.contains("\nDiscriminant validity: Fornell–Larcker criterion\n"))
    #expect(text.contains("t (H0: 1)") && text.contains("95% upper"))
  }

  @Test func htmtIsTestedAgainstOneWithItsUpperLimitInEveryFormat() throws {
    let report = try CorpRep.bootstrapped()
    let rows = CSVTests.rows(CSVRenderer.render(report))
    let markdown = MarkdownRenderer.render(report)
    let html = XMLCheck(HTMLRenderer.render(report)).text
    for h in try #require(report.assessment).heterotraitMonotrait {
      let inference = try #require(report.inference(.htmt(row: h.row, column: h.column)))
      #expect(inference.test?.nullValue == 1)
      let upper = try #require(inference.upperOneSided)
      let csvUpper = rows.first {
        $0["table"] == "htmt" && $0["from"] == h.row && $0["to"] == h.column
          && $0["statistic"] == "htmt_upper_one_sided"
      }
      #expect(csvUpper.flatMap { Double($0["estimate"] ?? "") } == upper)
      let csvHTMT = rows.first {
        $0["table"] == "htmt" && $0["from"] == h.row && $0["to"] == h.column
          && $0["statistic"] == "htmt"
      }
      #expect(csvHTMT.flatMap { Double($0["t"] ?? "") } == inference.t)
      let t = NumberText.fixed(inference.t, 2)
      let line = "| \(h.row) | \(h.column) | \(NumberText.fixed(h.htmt)) | \(t) |"
      #expect(markdown.contains(line), "\(line)")
      #expect(markdown.contains(NumberText.fixed(upper)))
      #expect(html.contains(NumberText.fixed(upper)))
    }
  }

  @Test func theTextTableFitsEightyColumnsOrSaysWhy() throws {
    for (name, report) in try Self.reports() {
      let text = TableRenderer.render(report)
      for line in text.split(separator: "\n") where line.count > TableRenderer.width {
        // Only table rows may run over (long construct names), never prose.
        #expect(line.hasPrefix("  ") && !line.contains(". "), "\(name): \(line)")
      }
    }
    // The synthetic model's matrices are too wide: they are named, not printed.
    let text = TableRenderer.render(try SyntheticModel.report())
    #expect(text.contains("Fornell–Larcker criterion: too wide for 80 columns"))
  }

  @Test func fixedStatisticsHaveNoTestInAnyFormat() throws {
    // The single-item construct CUSA: loading and weight are 1 by construction.
    let report = try CorpRep.bootstrapped()
    let rows = CSVTests.rows(CSVRenderer.render(report))
    let loading = try #require(
      rows.first { $0["table"] == "loadings" && $0["to"] == "cusa" })
    #expect(loading["t"] == "" && loading["p"] == "" && loading["ci_lower"] == "")
    #expect(Double(loading["se"] ?? "") ?? 1 < 1e-10)
    let markdown = MarkdownRenderer.render(report)
    #expect(markdown.contains("| CUSA | cusa | 1.000 | 0.000 | n/a | n/a | n/a |"))
  }

  @Test func csvRecordsCarryTheEngineValues() throws {
    let report = try Self.complete(resamples: 0)
    let rows = CSVTests.rows(CSVRenderer.render(report))
    let a = try #require(report.assessment)
    for r in a.reliability {
      let ave = rows.first {
        $0["table"] == "reliability" && $0["from"] == r.construct && $0["statistic"] == "ave"
      }
      #expect(ave.flatMap { Double($0["estimate"] ?? "") } == r.ave)
    }
    for i in try #require(a.plsPredict).indicators {
      let row = rows.first {
        $0["table"] == "plspredict" && $0["to"] == i.indicator && $0["statistic"] == "rmse_lm"
      }
      #expect(row?["from"] == i.construct)
      #expect(row.flatMap { Double($0["estimate"] ?? "") } == i.lmRMSE)
    }
    let e = report.estimate
    for (i, indicator) in e.indicatorNames.enumerated() {
      for (j, construct) in e.constructNames.enumerated() {
        let row = rows.first {
          $0["table"] == "cross_loadings" && $0["from"] == construct && $0["to"] == indicator
        }
        #expect(row.flatMap { Double($0["estimate"] ?? "") } == e.crossLoadings[i, j])
      }
    }
    // Fornell–Larcker: √AVE on the diagonal and correlations below it; the upper triangle
    // would repeat construct_correlations.
    let names = e.constructNames
    for (i, row) in names.enumerated() {
      for (j, column) in names.enumerated() {
        let record = rows.first {
          $0["table"] == "fornell_larcker" && $0["from"] == row && $0["to"] == column
        }
        if j > i {
          #expect(record == nil)
        } else {
          #expect(record.flatMap { Double($0["estimate"] ?? "") } == a.fornellLarcker[i, j])
        }
      }
    }
  }
}

@Suite("Admissibility verdict in every format")
struct AdmissibilityVerdictTests {
  @Test func verdictInEveryFormat() throws {
    var consistent = PLSSettings()
    consistent.consistent = true
    // ECSI mobi under PLSc is inadmissible (its consistent construct correlations are not
    // positive semi-definite); corp rep simple under PLS is admissible.
    let mobi = try ExampleData.mobiEstimate(settings: consistent)
    #expect(!mobi.admissibility.isAdmissible)
    let cases: [(EstimationReport, String)] = [
      (
        EstimationReport(
          estimate: mobi, assessment: try PLSAssessment(estimate: mobi),
          dataSource: "mobi.csv", modelSource: "mobi.model"), "INADMISSIBLE solution"
      ),
      (try CorpRep.plain(), "Admissible solution"),
    ]
    for (report, verdict) in cases {
      let document = report.document()
      let flat = TableRenderer.render(document).split(whereSeparator: \.isWhitespace)
        .joined(separator: " ")
      #expect(flat.contains(verdict))
      #expect(MarkdownRenderer.render(document).contains(verdict))
      let html = XMLCheck(HTMLRenderer.render(report))
      #expect(html.wellFormed)
      #expect(html.text.contains(verdict))
      let summary = CSVTests.rows(CSVRenderer.render(document)).first {
        $0["table"] == "summary" && $0["statistic"] == "admissible"
      }
      #expect(summary?["estimate"] == (report.estimate.admissibility.isAdmissible ? "1" : "0"))
      for problem in report.estimate.admissibility.problems {
        #expect(html.text.contains(problem.description), "\(problem)")
      }
    }
  }
}
