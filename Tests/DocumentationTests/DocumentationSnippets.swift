import Foundation
import LinearAlgebra
import PLSSEM
import PLSSEMReport
import Survey

/// Verbatim copies of the Swift blocks of the README and the DocC articles, compiled with the
/// tests (`DocumentationSnippetTests` checks that they equal the documentation). The functions
/// are never called: the examples read files by relative paths; compiling them is the point.
/// Code outside the BEGIN/END markers stands in for what the surrounding text provides.
enum DocumentationSnippets {
  static func readme() throws {
    // BEGIN README.md 1
    let data = try DataTable(csvFile: "corp_rep.csv", missingCodes: [-99])
    let model = try PathModel {
      Reflective("COMP", "comp_1", "comp_2", "comp_3")
      Reflective("LIKE", "like_1", "like_2", "like_3")
      Reflective("CUSA", "cusa")
      Regression("CUSA", on: "COMP", "LIKE")
    }
    let estimate = try PLSEstimator().estimate(model, data: data)
    print(estimate.path(from: "LIKE", to: "CUSA")!)  // 0.4238…
    let quality = try PLSAssessment(estimate: estimate)  // alpha, rho_C, rho_A, AVE, HTMT, VIF, f²
    let boot = try Bootstrapper(settings: .init(resamples: 5000, seed: 1)).result(estimate)
    // END README.md 1
    _ = (quality, boot)
  }

  static func plssemLandingPage() throws {
    // BEGIN Sources/PLSSEM/PLSSEM.docc/PLSSEM.md 1
    let data = try DataTable(csvFile: "corp_rep.csv", missingCodes: [-99])
    let model = try PathModel {
      Reflective("COMP", "comp_1", "comp_2", "comp_3")
      Reflective("LIKE", "like_1", "like_2", "like_3")
      Reflective("CUSA", "cusa")
      Regression("CUSA", on: "COMP", "LIKE")
    }
    let estimate = try PLSEstimator().estimate(model, data: data)
    let assessment = try PLSAssessment(estimate: estimate)
    let bootstrap = try Bootstrapper(settings: BootstrapSettings(resamples: 5000, seed: 1))
      .result(estimate)
    // END Sources/PLSSEM/PLSSEM.docc/PLSSEM.md 1
    _ = (assessment, bootstrap)
  }

  static func gettingStarted() throws {
    // BEGIN Sources/PLSSEM/PLSSEM.docc/GettingStarted.md 2
    let data = try DataTable(csvFile: "corp_rep.csv", missingCodes: [-99])
    let model = try PathModel(
      syntax: """
        COMP =~ comp_1 + comp_2 + comp_3
        LIKE =~ like_1 + like_2 + like_3
        CUSA =~ cusa
        CUSL =~ cusl_1 + cusl_2 + cusl_3
        CUSA ~ COMP + LIKE
        CUSL ~ COMP + LIKE + CUSA
        """, source: "simple.model")
    // END Sources/PLSSEM/PLSSEM.docc/GettingStarted.md 2
    // BEGIN Sources/PLSSEM/PLSSEM.docc/GettingStarted.md 3
    let estimate = try PLSEstimator().estimate(model, data: data)
    print(estimate.converged, estimate.iterations)  // true 4
    print(estimate.path(from: "LIKE", to: "CUSA") ?? .nan)  // 0.4238…
    print(estimate.rSquared("CUSL") ?? .nan)  // 0.5620…
    // END Sources/PLSSEM/PLSSEM.docc/GettingStarted.md 3
    // BEGIN Sources/PLSSEM/PLSSEM.docc/GettingStarted.md 4
    let assessment = try PLSAssessment(estimate: estimate)
    for block in assessment.reliability {
      print(block.construct, block.alpha, block.rhoC, block.rhoA, block.ave)
    }
    print(assessment.fit.saturated.srmr)
    // END Sources/PLSSEM/PLSSEM.docc/GettingStarted.md 4
    // BEGIN Sources/PLSSEM/PLSSEM.docc/GettingStarted.md 5
    let bootstrapper = Bootstrapper(settings: BootstrapSettings(resamples: 5000, seed: 1))
    let bootstrap = try bootstrapper.result(estimate)
    if let path = bootstrap.statistics[.path(from: "LIKE", to: "CUSA")] {
      print(path.standardError, path.t ?? .nan, path.p ?? .nan)  // t and p: nil if untested
      print(path.ciLower ?? .nan, path.ciUpper ?? .nan)
    }
    // END Sources/PLSSEM/PLSSEM.docc/GettingStarted.md 5
  }

  static func reportLandingPage(
    estimate: PLSEstimate, assessment: PLSAssessment, bootstrap: BootstrapResult
  ) throws {
    // BEGIN Sources/PLSSEMReport/PLSSEMReport.docc/PLSSEMReport.md 1
    let report = EstimationReport(
      estimate: estimate, assessment: assessment, bootstrap: bootstrap,
      dataSource: "corp_rep.csv", modelSource: "simple.model")
    print(TableRenderer.render(report))
    let json = report.json().rendered()
    try OutputFile.write(MarkdownRenderer.render(report), to: "report.md")
    // END Sources/PLSSEMReport/PLSSEMReport.docc/PLSSEMReport.md 1
    _ = json
  }

  static func resultsInWords(
    estimate: PLSEstimate, assessment: PLSAssessment, bootstrap: BootstrapResult
  ) throws {
    // BEGIN Sources/PLSSEMReport/PLSSEMReport.docc/TheResultsInWords.md 1
    var report = EstimationReport(
      estimate: estimate, assessment: assessment, bootstrap: bootstrap,
      dataSource: "responses-100.csv", modelSource: "mediation.model")
    let narrative = report.narrative(.indonesian)
    print(narrative.hypothesisSentences.first ?? "")
    // X2 berpengaruh positif dan signifikan terhadap X3 (β = 0,593; t = 9,35; p < 0,001); H1 diterima.
    report.narrativeLanguage = .english
    let markdown = MarkdownRenderer.render(report)
    // END Sources/PLSSEMReport/PLSSEMReport.docc/TheResultsInWords.md 1
    _ = markdown
  }

  static func surveyLandingPage() throws {
    // BEGIN Sources/Survey/Survey.docc/Survey.md 1
    let codebook = try Codebook(contentsOfFile: "codebook.yaml")
    let responses = try ResponseReader(codebook: codebook).read(contentsOfFile: "responses.csv")
    for item in responses.itemDescriptives() {
      print(item.name, item.mean ?? .nan, item.standardDeviation ?? .nan)
    }
    let table = responses.numericTable()  // for PLSSEM's DataTable
    // END Sources/Survey/Survey.docc/Survey.md 1
    _ = table
  }

  static func linearAlgebraLandingPage() throws {
    // BEGIN Sources/LinearAlgebra/LinearAlgebra.docc/LinearAlgebra.md 1
    let x = try Matrix(rowArrays: [[1, 2], [2, 3.5], [3, 7], [4, 8.5]])
    let r = try x.correlation()
    let fit = try OLSRegression(response: [1, 2, 2.5, 4], regressors: x)
    print(r[0, 1], fit.coefficients, fit.pValues)
    print(StudentT.survival(2.1, degreesOfFreedom: 30))
    // END Sources/LinearAlgebra/LinearAlgebra.docc/LinearAlgebra.md 1
  }

  static func multiGroupAnalysis() throws {
    // BEGIN Sources/PLSSEM/PLSSEM.docc/MultiGroupAnalysisArticle.md 1
    let data = try DataTable(csvFile: "corp_rep.csv", missingCodes: [-99])
    let model = try PathModel(syntax: String(contentsOfFile: "extended.model", encoding: .utf8))
    let split = try GroupSplit(data: data, column: "servicetype", model: model)
    let result = try MultiGroupAnalysis(
      settings: MultiGroupSettings(permutations: 1000, resamples: 1000, seed: 7)
    ).run(model, groups: split)
    for difference in result.differences(between: 0, and: 1) {
      print(difference.key, difference.difference, difference.pPermutation ?? .nan)
    }
    // END Sources/PLSSEM/PLSSEM.docc/MultiGroupAnalysisArticle.md 1
  }
}
