import Foundation
import PLSSEM
import TestSupport
import Testing

@testable import PLSSEMReport

/// The results in words (``ReportNarrative``): the LED example's sentences pinned in Indonesian
/// and English, each decision rule (supported, not significant, opposite sign, untested, the
/// mediation types of Zhao, Lynch & Chen 2010), the failing checks named, and every number of
/// the text found in the report's tables.
@Suite struct NarrativeTests {
  /// `value` with `digits` decimals and the language's separator, written here independently
  /// of the report's formatting.
  static func text(_ value: Double, _ digits: Int = 3, comma: Bool) -> String {
    let t = String(format: "%.\(digits)f", value).replacingOccurrences(of: "-", with: "\u{2212}")
    return comma ? t.replacingOccurrences(of: ".", with: ",") : t
  }

  /// The LED narratives, bootstrapped and not, as Markdown goldens (numbers within one unit of
  /// their last printed digit, so another CPU's last bits do not fail them).
  @Test func ledGoldens() throws {
    for language in NarrativeLanguage.allCases {
      let comma = language == .indonesian
      try Golden.check(
        MarkdownRenderer.render(LED.bootstrapped().narrative(language)),
        against: "led-narrative-\(language.code).md", decimalComma: comma)
      try Golden.check(
        MarkdownRenderer.render(LED.plain().narrative(language)),
        against: "led-narrative-plain-\(language.code).md", decimalComma: comma)
    }
  }

  /// The sentences of the issue's example, with the numbers of the path table: H1 (X2 → X3)
  /// and the mediation hypothesis H5 (X2 → X3 → Y), in both languages.
  @Test func ledHypothesisSentences() throws {
    let report = try LED.bootstrapped()
    let h1 = try #require(report.inference(.path(from: "X2", to: "X3")))
    let h5 = try #require(report.inference(.specificIndirectEffect(chain: ["X2", "X3", "Y"])))
    let direct = try #require(report.inference(.path(from: "X2", to: "Y")))
    #expect(try #require(h1.p) < 0.001)

    let id = report.narrative(.indonesian)
    func n(_ v: Double?, _ d: Int = 3) -> String { Self.text(v ?? .nan, d, comma: true) }
    #expect(
      id.hypothesisSentences[0]
        == "X2 berpengaruh positif dan signifikan terhadap X3 (β = \(n(h1.estimate)); t = \(n(h1.t, 2)); p < 0,001); H1 diterima."
    )
    #expect(
      id.hypothesisSentences[4]
        == "Pengaruh tidak langsung X2 terhadap Y melalui X3 positif dan signifikan (β = \(n(h5.estimate)); t = \(n(h5.t, 2)); p = \(n(h5.p)); IK 95% [\(n(h5.ciLower)); \(n(h5.ciUpper))]); H5 diterima."
    )
    #expect(
      id.paragraph("mediation")?.text
        == "Pengaruh tidak langsung X2 terhadap Y melalui X3 signifikan (β = \(n(h5.estimate)); IK 95% [\(n(h5.ciLower)); \(n(h5.ciUpper))]), demikian pula pengaruh langsung X2 terhadap Y (β = \(n(direct.estimate)); p = \(n(direct.p))) dengan tanda yang sama: X3 memediasi hubungan tersebut secara parsial (mediasi komplementer; Zhao, Lynch & Chen, 2010)."
    )

    let en = report.narrative(.english)
    func e(_ v: Double?, _ d: Int = 3) -> String { Self.text(v ?? .nan, d, comma: false) }
    #expect(
      en.hypothesisSentences[0]
        == "X2 has a positive and significant effect on X3 (β = \(e(h1.estimate)); t = \(e(h1.t, 2)); p < .001); H1 is supported."
    )
    let apa = String(e(h5.p).dropFirst())  // p without the leading zero
    #expect(
      en.hypothesisSentences[4]
        == "The indirect effect of X2 on Y through X3 is positive and significant (β = \(e(h5.estimate)); t = \(e(h5.t, 2)); p = \(apa); 95% CI [\(e(h5.ciLower)), \(e(h5.ciUpper))]); H5 is supported."
    )
    #expect(en.paragraph("hypotheses")?.sentences.last == "All 5 hypotheses are supported.")
    #expect(id.paragraph("hypotheses")?.sentences.last == "Seluruh 5 hipotesis diterima.")
  }

  /// The measurement paragraph names exactly the Mode A indicators loading below 0.70, with
  /// their loadings.
  @Test func ledMeasurementNamesShortItems() throws {
    let report = try LED.bootstrapped()
    let e = report.estimate
    let short = e.indicatorNames.indices.filter { e.loadings[$0] < 0.70 }
    #expect(short.count == 5)
    let list = short.map { "\(e.indicatorNames[$0]) (\(Self.text(e.loadings[$0], comma: true)))" }
    let named = list.dropLast().joined(separator: ", ") + " dan " + (list.last ?? "")
    let first = report.narrative(.indonesian).paragraph("measurement")?.sentences.first
    #expect(
      first
        == "Dari 27 indikator konstruk reflektif (mode A), 22 memiliki loading minimal 0,70 (Hair et al., 2022); \(named) berada di bawah batas tersebut."
    )
  }

  /// Every decimal number of the text is one the report's tables show (a cell's value, its
  /// inference, or a threshold or reading guide), in the report's decimals.
  @Test func everyNumberComesFromTheTables() throws {
    for report in [try LED.bootstrapped(), try LED.plain()] {
      let document = report.document()
      var shown = Set<String>()
      func add(_ v: Double?, _ digits: [Int] = [2, 3]) {
        guard let v else { return }
        for d in digits { shown.insert(Self.text(abs(v), d, comma: false)) }
      }
      for table in document.tables {
        for row in table.rows {
          for cell in row.cells {
            add(cell.value)
            if let inf = cell.inference {
              add(inf.t)
              add(inf.p)
              add(inf.ciLower)
              add(inf.ciUpper)
            }
          }
        }
      }
      let t = QualityThresholds.standard
      for limit in [
        t.loading, t.loadingRemoval, t.reliability, t.reliabilityExploratory,
        t.reliabilityRedundant, t.ave, t.htmtConservative, t.htmtLiberal,
        QualityThresholds.rSquaredGuide.substantial, QualityThresholds.rSquaredGuide.moderate,
        QualityThresholds.rSquaredGuide.weak, QualityThresholds.fSquareGuide.small,
        QualityThresholds.fSquareGuide.medium, QualityThresholds.fSquareGuide.large,
        QualityThresholds.q2Guide.medium, QualityThresholds.q2Guide.large, 0.05,
      ] {
        add(limit)
      }
      let narrative = report.narrative(.english)
      let text =
        (narrative.sentences + narrative.hypothesisTable.map { table in
          table.rows.flatMap { $0.cells.map(\.text) }
        }!).joined(separator: " ")
      let numbers = try Regex(#"[0-9]*\.[0-9]+"#)
      var checked = 0
      for match in text.matches(of: numbers) {
        var token = String(text[match.range])
        if token.hasPrefix(".") { token = "0" + token }  // APA p-values
        #expect(shown.contains(token), "\(token) is in no table")
        checked += 1
      }
      #expect(checked > 40)
    }
  }

  /// A significant effect of the sign opposite to the hypothesis is reported as such and the
  /// hypothesis rejected; a non-directional hypothesis is supported by either sign.
  @Test func oppositeSignIsRejected() throws {
    let text = try Repository.text(LED.modelName)
      .replacingOccurrences(of: "# H1: X2 -> X3 (+)", with: "# H1: X2 -> X3 (-)")
      .replacingOccurrences(of: "# H2: X1 -> Y (+)", with: "# H2: X1 -> Y")
    let report = try LED.build(resamples: 200, modelText: text)
    let h1 = try #require(report.inference(.path(from: "X2", to: "X3")))
    let id = report.narrative(.indonesian)
    #expect(
      id.hypothesisSentences[0]
        == "X2 berpengaruh positif dan signifikan terhadap X3 (β = \(Self.text(h1.estimate, comma: true)); t = \(Self.text(h1.t ?? .nan, 2, comma: true)); p < 0,001), berlawanan dengan arah negatif yang dihipotesiskan; H1 ditolak."
    )
    #expect(id.hypothesisSentences[1].hasSuffix("; H2 diterima."))
    #expect(id.paragraph("hypotheses")?.sentences.last == "Dari 5 hipotesis, 4 diterima.")
    let table = try #require(id.hypothesisTable)
    #expect(table.rows[0].cells.last?.text == "ditolak (arah berlawanan)")
    #expect(table.rows[1].cells[2].text == "tanpa arah")
    let en = report.narrative(.english)
    #expect(
      en.hypothesisSentences[0].contains(
        "), opposite to the negative effect hypothesised; H1 is not supported."))
  }

  /// The corporate reputation simple model with hypotheses: COMP → CUSL is not significant
  /// (the hypothesis rejected, in words), and COMP's effect on CUSL runs only through CUSA
  /// (indirect-only: full mediation), LIKE's also directly (complementary: partial).
  @Test func notSignificantAndFullMediation() throws {
    let text =
      try Repository.text(ExampleData.corpRepSimpleModel)
      + "\n# H1: COMP -> CUSL (+)\n# H2: COMP -> CUSA -> CUSL (+)\n"
    let model = try PathModel(syntax: text, source: "simple.model")
    let estimate = try PLSEstimator().estimate(model, data: ExampleData.corpRep())
    let report = EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
      bootstrap: try Bootstrapper(settings: BootstrapSettings(resamples: 500, seed: 7)).result(
        estimate),
      dataSource: "corp_rep.csv", modelSource: "simple.model")
    let direct = try #require(report.inference(.path(from: "COMP", to: "CUSL")))
    let p = try #require(direct.p)
    #expect(p > 0.05)
    let id = report.narrative(.indonesian)
    #expect(
      id.hypothesisSentences[0]
        == "Pengaruh COMP terhadap CUSL tidak signifikan (β = \(Self.text(direct.estimate, comma: true)); t = \(Self.text(direct.t ?? .nan, 2, comma: true)); p = \(Self.text(p, comma: true))); H1 ditolak."
    )
    let mediation = try #require(id.paragraph("mediation"))
    let comp = try #require(
      mediation.sentences.first { $0.contains("COMP terhadap CUSL melalui CUSA") })
    #expect(comp.contains("sedangkan pengaruh langsung COMP terhadap CUSL tidak signifikan"))
    #expect(
      comp.hasSuffix(
        "CUSA memediasi hubungan tersebut secara penuh (mediasi indirect-only; Zhao, Lynch & Chen, 2010)."
      ))
    let like = try #require(
      mediation.sentences.first { $0.contains("LIKE terhadap CUSL melalui CUSA") })
    #expect(like.contains("secara parsial (mediasi komplementer"))
    let en = report.narrative(.english)
    #expect(
      en.hypothesisSentences[0].hasPrefix("The effect of COMP on CUSL is not significant (β = "))
    #expect(en.hypothesisSentences[0].hasSuffix("); H1 is not supported."))
    #expect(en.hypothesisSentences[1].hasSuffix("; H2 is supported."))
  }

  /// Without hypotheses in the model file, the paths are described without decisions.
  @Test func withoutHypotheses() throws {
    let report = try CorpRep.bootstrapped()
    let en = report.narrative(.english)
    #expect(
      en.paragraph("hypotheses")?.sentences.first?.hasPrefix("The model file names no hypotheses")
        == true)
    #expect(en.hypothesisSentences.count == report.estimate.model.paths.count)
    #expect(!en.hypothesisSentences.contains { $0.contains("supported") })
    #expect(
      en.hypothesisTable?.columns.map(\.header) == ["Path", "β", "t", "p", "95% CI", "Significant"])
    // The single-item CUSA is not among the loadings judged: 3 + 3 + 3 indicators.
    #expect(
      en.paragraph("measurement")?.sentences.first?.contains(
        " 9 indicators of the reflective (Mode A) constructs") == true)
  }

  /// Without a bootstrap nothing is called significant: the text says a bootstrap is needed.
  @Test func noBootstrapClaimsNoSignificance() throws {
    let report = try LED.plain()
    let id = report.narrative(.indonesian)
    #expect(
      id.paragraph("hypotheses")?.sentences
        == [
          "Diterima atau ditolaknya hipotesis belum dapat diputuskan dari estimasi ini: uji signifikansi memerlukan bootstrap (--bootstrap, misalnya 5.000 subsampel)."
        ])
    #expect(
      id.sentences.allSatisfy { !$0.contains(" signifikan terhadap") && !$0.contains("diterima") })
    #expect(
      id.hypothesisSentences[0]
        == "H1 (X2 → X3, positif): β = \(Self.text(report.estimate.pathList[0].estimate, comma: true)); signifikansinya belum diuji (tanpa bootstrap)."
    )
    let en = report.narrative(.english)
    #expect(
      en.sentences.allSatisfy { !$0.contains("significant effect") && !$0.contains("is supported") }
    )
  }

  /// One-tailed tests are named; their p is the table's (half the two-tailed one).
  @Test func oneTailed() throws {
    let one = try LED.build(resamples: 200, tails: .one)
    let two = try LED.build(resamples: 200)
    let key = StatisticKey.path(from: "X3", to: "Y")
    let pOne = try #require(one.inference(key)?.p)
    let pTwo = try #require(two.inference(key)?.p)
    #expect(abs(pOne - pTwo / 2) < 1e-12)
    let en = one.narrative(.english)
    #expect(
      en.paragraph("hypotheses")?.sentences.first?.contains(
        "one-tailed in the direction of each estimate, at α = 0.05") == true)
    #expect(
      en.hypothesisSentences[3].contains("p = \(String(Self.text(pOne, comma: false).dropFirst()))")
    )
    let id = one.narrative(.indonesian)
    #expect(
      id.paragraph("hypotheses")?.sentences.first?.contains("uji satu arah (one-tailed)") == true)
  }

  /// Checks that fail are named: stricter thresholds make the LED AVE, HTMT, reliability and
  /// VIF fall short, and the text says so.
  @Test func failingChecksAreNamed() throws {
    var t = QualityThresholds.standard
    t.ave = 0.59
    t.htmtConservative = 0.5
    t.htmtLiberal = 0.6
    t.reliabilityRedundant = 0.92
    t.vifCaution = 1.5
    let report = try LED.bootstrapped()
    let ave = report.assessment?.reliability.filter { $0.ave < 0.59 }.map(\.construct) ?? []
    #expect(!ave.isEmpty)
    let en = report.narrative(.english, thresholds: t)
    let measurement = try #require(en.paragraph("measurement")).text
    #expect(ave == ["X1", "X3", "Y"])
    let sentences = try #require(en.paragraph("measurement")).sentences
    func has(_ expected: String) -> Bool {
      sentences.contains { NumericText.matches($0, expected, relativeTolerance: 1e-9) }
    }
    #expect(
      has(
        "The AVE of X1 (0.581), X3 (0.589), and Y (0.588) are below 0.59 (Fornell & Larcker, 1981): convergent validity is not established for X1, X3, and Y; that of the other constructs is at least 0.59."
      ))
    #expect(
      has(
        "Cronbach's alpha (0.861 to 0.911) and composite reliability ρ_C (0.892 to 0.927) should lie between 0.70 and 0.92 (Hair et al., 2019); the ρ_C of Y (0.927) is above 0.92, which suggests redundant items."
      ))
    #expect(
      has(
        "The HTMT ratio of X2 and X3 (0.646) is above 0.60: discriminant validity is not established between these constructs (Henseler, Ringle & Sarstedt, 2015)."
      ))
    #expect(
      has(
        "The bootstrap's one-sided 95% upper confidence limit of the HTMT ratio exceeds 0.50 for X2 and X3 (0.771); X1 and Y (0.512); X2 and Y (0.658); and X3 and Y (0.650): for these pairs the ratio is not significantly below 0.50 (Franke & Sarstedt, 2019)."
      ))
    let structural = try #require(en.paragraph("structural")).text
    #expect(structural.contains("is 1.50 or more: collinearity among the predictors may affect"))
    let id = report.narrative(.indonesian, thresholds: t)
    let pengukuran = try #require(id.paragraph("measurement")).text
    #expect(pengukuran.contains("belum terpenuhi"))
    #expect(pengukuran.contains("di atas 0,60, sehingga validitas diskriminan"))
    #expect(pengukuran.contains("yang menandakan adanya item yang redundan"))
  }

  /// Zhao, Lynch & Chen (2010): the indirect effect's interval, then the direct effect's test
  /// and the sign of their product.
  @Test func mediationTypes() {
    typealias F = NarrativeFindings
    func m(_ indirect: Double, _ sig: Bool?, direct: Double?, _ directSig: Bool?) -> F
      .MediationType?
    {
      F.mediationType(
        F.Mediation(
          chain: ["X", "M", "Y"], indirect: F.Effect(estimate: indirect),
          indirectSignificant: sig, direct: direct.map { F.Effect(estimate: $0) },
          directSignificant: directSig))
    }
    #expect(m(0.2, true, direct: 0.3, true) == .complementary)
    #expect(m(0.2, true, direct: -0.3, true) == .competitive)
    #expect(m(-0.2, true, direct: -0.3, true) == .complementary)
    #expect(m(0.2, true, direct: 0.01, false) == .indirectOnly)
    #expect(m(0.01, false, direct: 0.3, true) == .directOnly)
    #expect(m(0.01, false, direct: 0.01, false) == .noEffect)
    #expect(m(0.2, true, direct: nil, nil) == .noDirectPath)
    #expect(m(0.01, false, direct: nil, nil) == .noIndirectNoDirectPath)
    #expect(m(0.2, nil, direct: 0.3, nil) == nil)
  }

  /// Numbers in each language: decimal separator, thousands, p-values, intervals, limits.
  @Test func numberFormats() {
    let id = NarrativeNumbers(decimalComma: true)
    let en = NarrativeNumbers(decimalComma: false)
    #expect(id.value(0.5934) == "0,593")
    #expect(en.value(-0.2104) == "\u{2212}0.210")
    #expect(id.t(9.347) == "9,35")
    #expect(id.p(0.0004) == "p < 0,001")
    #expect(en.p(0.0004) == "p < .001")
    #expect(id.p(0.0123) == "p = 0,012")
    #expect(en.p(0.0123) == "p = .012")
    #expect(id.pCell(0.0123) == "0,012")
    #expect(en.pCell(0.0004) == "< .001")
    #expect(id.interval(0.081, 0.312) == "[0,081; 0,312]")
    #expect(en.interval(-0.012, 0.2) == "[\u{2212}0.012, 0.200]")
    #expect(id.count(5000) == "5.000")
    #expect(en.count(10000) == "10,000")
    #expect(en.count(500) == "500")
    #expect(id.limit(0.7) == "0,70")
    #expect(id.limit(3) == "3")
    #expect(id.percent(0.95) == "95%")
    #expect(
      EnglishWording.apa("Henseler, Ringle & Sarstedt 2015; Franke & Sarstedt 2019")
        == "Henseler, Ringle & Sarstedt, 2015; Franke & Sarstedt, 2019")
  }

  /// The narrative appears in the Markdown and HTML reports (HTML: its own section, `lang`
  /// set, well-formed) only when asked for.
  @Test func inTheReports() throws {
    var report = try LED.bootstrapped()
    #expect(report.document().narrative == nil)
    #expect(!MarkdownRenderer.render(report).contains("Narasi hasil"))
    report.narrativeLanguage = .indonesian
    let markdown = MarkdownRenderer.render(report)
    #expect(markdown.contains("\n## Narasi hasil\n"))
    #expect(markdown.contains("\n#### Hipotesis\n"))
    #expect(markdown.contains("H1 diterima."))
    let html = HTMLRenderer.render(report)
    #expect(
      html.contains(
        "<section id=\"narrative\">\n<h2>Narasi hasil</h2>\n<div class=\"narrative\" lang=\"id\">"))
    #expect(html.contains("<a href=\"#narrative\">Narasi hasil</a>"))
    #expect(html.contains("H1 diterima."))
    let xml = XMLCheck(html)
    #expect(xml.wellFormed, "\(xml.error ?? "")")
  }
}

extension NarrativeFindings.Effect {
  init(estimate: Double) {
    self.init(estimate: estimate, t: nil, p: nil, lower: nil, upper: nil)
  }
}
