import PLSSEM

/// The narrative in Indonesian (Bahasa Indonesia), as theses and journals in the field write
/// it: decimal commas (`0,593`), thousands points (`5.000`), `p < 0,001`, intervals with a
/// semicolon (`[0,081; 0,312]`), "diterima" / "ditolak" for hypotheses (supported or not by
/// the data, never "terbukti"), "berpengaruh" for a path coefficient as the field uses it,
/// with the causal caveat stated once. Wording only: what is said is decided once for both
/// languages (``NarrativeWording``).
struct IndonesianWording: NarrativeWording {
  let numbers = NarrativeNumbers(decimalComma: true)
  let language = NarrativeLanguage.indonesian
  let title = "Narasi hasil"

  func heading(_ id: String) -> String {
    switch id {
    case "admissibility": return "Sebelum membaca hasil"
    case "measurement": return "Model pengukuran"
    case "structural": return "Model struktural"
    case "hypotheses": return "Pengujian hipotesis"
    default: return "Analisis mediasi"
    }
  }

  let conjunction = "dan"
  let serialComma = false
  let rangeConnector = "sampai"
  let lastPairSeparator = "; serta "
  let forWord = "untuk"
  let throughWord = "melalui"
  let thenWord = "lalu"
  let positiveWord = "positif"
  let negativeWord = "negatif"
  let percentileWord = "persentil"
  func ciLabel(_ level: String) -> String { "IK \(level)" }

  let notConverged =
    "Algoritma PLS tidak konvergen: estimasi belum final dan belum dapat ditafsirkan sebelum algoritma konvergen (naikkan --max-iterations atau perbaiki model)."
  let inadmissible =
    "Solusi tidak admissible (lihat peringatan): estimasi belum dapat ditafsirkan sebelum masalah tersebut diselesaikan."

  // MARK: Measurement model

  func loadingsMeet(count: Int, limit: String, range: String, cite: String) -> String {
    "Seluruh \(count) indikator konstruk reflektif (mode A) memiliki loading minimal \(limit) (\(range); \(cite))."
  }

  func loadingsShort(count: Int, meeting: Int, limit: String, cite: String, short: [String])
    -> String
  {
    "Dari \(count) indikator konstruk reflektif (mode A), \(meeting) memiliki loading minimal \(limit) (\(cite)); \(and(short)) berada di bawah batas tersebut."
  }

  func loadingsBetweenRule(removal: String, limit: String, cite: String) -> String {
    "Indikator dengan loading antara \(removal) dan \(limit) hanya dihapus bila penghapusannya menaikkan reliabilitas konsistensi internal atau AVE hingga melampaui batasnya (\(cite))."
  }

  func loadingsBelowRule(removal: String, cite: String) -> String {
    "Indikator dengan loading di bawah \(removal) sebaiknya dihapus (\(cite))."
  }

  func reliabilityBounds(_ lower: String, _ upper: String) -> String {
    "di antara \(lower) dan \(upper)"
  }

  func reliabilityValues(alpha: String, rhoC: String) -> String {
    "Cronbach's alpha (\(alpha)) dan reliabilitas komposit ρ_C (\(rhoC))"
  }

  func reliabilityMet(values: String, bounds: String, cite: String) -> String {
    "Reliabilitas konsistensi internal terpenuhi: \(values) setiap konstruk berada \(bounds) (\(cite))."
  }

  func reliabilityIssue(
    _ shortfall: ReliabilityShortfall, statistic: String, construct: String, value: String
  ) -> String {
    let subject = "\(statistic) \(construct) (\(value))"
    switch shortfall {
    case .exploratory(let from, let to):
      return
        "\(subject) berada di antara \(from) dan \(to), yang hanya dapat diterima pada penelitian eksploratori"
    case .unreliable(let below):
      return "\(subject) di bawah \(below), sehingga \(construct) belum terukur secara reliabel"
    case .redundant(let above):
      return "\(subject) di atas \(above), yang menandakan adanya item yang redundan"
    }
  }

  func reliabilityNotMet(values: String, bounds: String, cite: String, issues: String) -> String {
    "\(values) semestinya berada \(bounds) (\(cite)); \(issues)."
  }

  func aveMet(limit: String, range: String, cite: String) -> String {
    "Validitas konvergen terpenuhi: AVE setiap konstruk minimal \(limit) (\(range); \(cite))."
  }

  func aveShort(short: [String], names: [String], limit: String, cite: String, othersMeet: Bool)
    -> String
  {
    let others = othersMeet ? "; AVE konstruk lainnya minimal \(limit)" : ""
    return
      "AVE \(and(short)) di bawah \(limit) (\(cite)), sehingga validitas konvergen \(and(names)) belum terpenuhi\(others)."
  }

  func formativeNotJudged(_ constructs: [String]) -> String {
    "Konstruk mode B (formatif) \(and(constructs)) tidak dinilai dengan kriteria tersebut."
  }

  func htmtMet(limit: String, first: String, second: String, value: String, cite: String)
    -> String
  {
    "Validitas diskriminan terpenuhi menurut kriteria HTMT: setiap rasio HTMT maksimal \(limit) (tertinggi: \(first) dan \(second) sebesar \(value); \(cite))."
  }

  func htmtBetween(pairs: String, conservative: String, liberal: String, cite: String) -> String {
    "Rasio HTMT \(pairs) di atas \(conservative) tetapi maksimal \(liberal), yang hanya dapat diterima untuk konstruk yang secara konseptual mirip (\(cite))."
  }

  func htmtAbove(pairs: String, count: Int, liberal: String, cite: String) -> String {
    "Rasio HTMT \(pairs) di atas \(liberal), sehingga validitas diskriminan \(count == 1 ? "antara kedua konstruk tersebut" : "pada pasangan-pasangan tersebut") belum terpenuhi (\(cite))."
  }

  func upperLimit(_ level: String) -> String {
    "Batas atas satu sisi interval kepercayaan bootstrap \(level)"
  }

  func htmtUpperMet(level: String, limit: String, cite: String) -> String {
    "\(upperLimit(level)) setiap rasio HTMT juga maksimal \(limit) (\(cite))."
  }

  func htmtUpperAbove(level: String, pairs: String, count: Int, limit: String, cite: String)
    -> String
  {
    "\(upperLimit(level)) rasio HTMT \(pairs) melebihi \(limit), sehingga rasio \(count == 1 ? "pasangan tersebut" : "pasangan-pasangan tersebut") tidak signifikan lebih kecil daripada \(limit) (\(cite))."
  }

  func fornellLarckerMet(cite: String) -> String {
    "Kriteria Fornell–Larcker terpenuhi: akar AVE setiap konstruk lebih besar daripada korelasinya dengan konstruk lain (\(cite))."
  }

  func fornellLarckerNotMet(pairs: String, cite: String) -> String {
    "Kriteria Fornell–Larcker tidak terpenuhi untuk \(pairs): korelasinya tidak lebih kecil daripada akar AVE masing-masing konstruk (\(cite))."
  }

  let notAssessed = "Reliabilitas dan validitas tidak dinilai."

  // MARK: Structural model

  func vifMet(limit: String, highest: String, cite: String) -> String {
    "Kolinearitas antarprediktor tidak menjadi masalah: setiap nilai VIF inner di bawah \(limit) (tertinggi \(highest); \(cite))."
  }

  func vifHigh(named: [String], limit: String, cite: String) -> String {
    "Nilai VIF inner \(and(named)) mencapai \(limit) atau lebih, sehingga kolinearitas antarprediktor dapat memengaruhi koefisien jalur tersebut (\(cite))."
  }

  func r2Word(_ level: ExplainedVarianceLevel) -> String {
    switch level {
    case .substantial: return "substansial"
    case .moderate: return "moderat"
    case .weak: return "lemah"
    case .below(let weak): return "di bawah \(weak)"
    }
  }

  func explainedVarianceSentence(
    values: String, substantial: String, moderate: String, weak: String, cite: String
  ) -> String {
    "Nilai R² sebesar \(values), dengan patokan \(substantial) (substansial), \(moderate) (moderat) dan \(weak) (lemah) (\(cite))."
  }

  func effectSizeWord(_ level: EffectSizeLevel) -> String {
    switch level {
    case .large: return "besar"
    case .medium: return "sedang"
    case .small: return "kecil"
    case .negligible: return "dapat diabaikan"
    }
  }

  func effectSizesSentence(
    values: String, small: String, medium: String, large: String, cite: String
  ) -> String {
    "Ukuran efek f² sebesar \(values); patokannya \(small) (kecil), \(medium) (sedang) dan \(large) (besar), sedangkan nilai di bawah \(small) dapat diabaikan (\(cite))."
  }

  let q2NotComputed = "Q² tidak dihitung: perhitungannya memerlukan blindfolding (--blindfolding)."

  func omissionDistance(_ d: Int) -> String { ", jarak penghilangan D = \(d)" }

  func q2Positive(
    distance: String, values: String, count: Int, small: String, medium: String, large: String,
    cite: String
  ) -> String {
    "Nilai Q² (blindfolding\(distance)) sebesar \(values): di atas nol, sehingga model memiliki relevansi prediktif untuk \(count == 1 ? "konstruk tersebut" : "konstruk-konstruk tersebut") (di atas \(small) kecil, di atas \(medium) sedang, di atas \(large) besar; \(cite))."
  }

  func q2NotPositive(named: String, names: String) -> String {
    "Nilai Q² \(named) tidak di atas nol: model tidak memiliki relevansi prediktif untuk \(names)."
  }

  let causalCaveat =
    "Sesuai kelaziman PLS-SEM, \"pengaruh\" suatu konstruk terhadap konstruk lain berarti koefisien jalurnya yang diestimasi menurut arah yang ditetapkan model; pada data observasional (misalnya survei), koefisien ini menggambarkan asosiasi dan tidak dengan sendirinya membuktikan hubungan sebab-akibat."

  // MARK: Hypotheses

  let noHypothesesNamed =
    "Berkas model tidak menamai hipotesis (komentar seperti \"# H1: X -> Y (+)\"), sehingga jalur struktural dijelaskan tanpa keputusan hipotesis."

  func significanceNeedsBootstrap(hypotheses: Bool) -> String {
    "\(hypotheses ? "Diterima atau ditolaknya hipotesis" : "Signifikansi jalur") belum dapat diputuskan dari estimasi ini: uji signifikansi memerlukan bootstrap (--bootstrap, misalnya 5.000 subsampel)."
  }

  func tailsPhrase(_ tails: TestTails) -> String {
    tails == .two
      ? "uji dua arah (two-tailed)"
      : "uji satu arah (one-tailed) searah dengan tanda setiap estimasi"
  }

  func testingSentence(resamples: String, tails: String, alpha: String) -> String {
    "Signifikansi diuji dengan bootstrap \(resamples) subsampel, \(tails), pada α = \(alpha)"
  }

  func indirectEffectsJudged(level: String, method: String, cite: String) -> String {
    "; pengaruh tidak langsung dinilai dari interval kepercayaan (IK) bootstrap \(method) \(level), dan signifikan bila interval tersebut tidak mencakup nol (\(cite))"
  }

  func effectSubject(_ x: String, _ y: String) -> String { "Pengaruh \(x) terhadap \(y)" }

  func indirectEffectSubject(_ x: String, _ y: String, through: String) -> String {
    "Pengaruh tidak langsung \(x) terhadap \(y) \(through)"
  }

  func directEffectSubject(_ x: String, _ y: String) -> String {
    "pengaruh langsung \(x) terhadap \(y)"
  }

  let noBootstrapReason = "tanpa bootstrap"
  let noVariationReason = "statistik ini tidak bervariasi antar-subsampel"

  func untestedEffect(head: String, estimate: String, reason: String) -> String {
    "\(head): β = \(estimate); signifikansinya belum diuji (\(reason))."
  }

  func significantEffect(_ x: String, _ y: String, sign: String, statistics: String) -> String {
    "\(x) berpengaruh \(sign) dan signifikan terhadap \(y) (\(statistics))"
  }

  func significantIndirect(subject: String, sign: String, statistics: String) -> String {
    "\(subject) \(sign) dan signifikan (\(statistics))"
  }

  func oppositeToHypothesis(_ expected: String) -> String {
    ", berlawanan dengan arah \(expected) yang dihipotesiskan"
  }

  let signOppositeClause = " dan tandanya berlawanan dengan yang dihipotesiskan"

  func notSignificantEffect(subject: String, signClause: String, statistics: String) -> String {
    "\(subject) tidak signifikan\(signClause) (\(statistics))"
  }

  func notSignificantIndirect(subject: String, signClause: String, statistics: String)
    -> String
  {
    "\(subject) tidak signifikan karena interval kepercayaannya mencakup nol\(signClause) (\(statistics))"
  }

  func hypothesisDecision(_ label: String, supported: Bool) -> String {
    "; \(label) \(supported ? "diterima" : "ditolak")."
  }

  func tallySentence(_ tally: HypothesisTally) -> String {
    switch tally {
    case .all(let total):
      return total == 1 ? "Hipotesis tersebut diterima." : "Seluruh \(total) hipotesis diterima."
    case .none(let total):
      return total == 1
        ? "Hipotesis tersebut ditolak." : "Tidak satu pun dari \(total) hipotesis diterima."
    case .some(let supported, let total):
      return "Dari \(total) hipotesis, \(supported) diterima."
    }
  }

  // MARK: Mediation

  func mediationUntested(_ x: String, _ y: String, through: String, estimate: String) -> String {
    "Pengaruh tidak langsung spesifik \(x) terhadap \(y) \(through) sebesar \(estimate); signifikansinya, dan dengan demikian jenis mediasinya, memerlukan bootstrap."
  }

  func mediationSentence(_ type: NarrativeFindings.MediationType, _ p: MediationPhrase)
    -> String
  {
    switch type {
    case .complementary:
      return
        "\(p.subject) signifikan (\(p.indirect)), demikian pula \(p.directSubject) (\(p.direct)) dengan tanda yang sama: \(p.mediators) memediasi hubungan tersebut secara parsial (mediasi komplementer; \(p.cite))."
    case .competitive:
      return
        "\(p.subject) signifikan (\(p.indirect)), demikian pula \(p.directSubject) (\(p.direct)) dengan tanda yang berlawanan: \(p.mediators) memediasi hubungan tersebut secara parsial (mediasi kompetitif; \(p.cite))."
    case .indirectOnly:
      return
        "\(p.subject) signifikan (\(p.indirect)), sedangkan \(p.directSubject) tidak signifikan (\(p.direct)): \(p.mediators) memediasi hubungan tersebut secara penuh (mediasi indirect-only; \(p.cite))."
    case .directOnly:
      return
        "\(p.subject) tidak signifikan karena intervalnya mencakup nol (\(p.indirect)), sedangkan \(p.directSubject) signifikan (\(p.direct)): tidak terdapat mediasi \(p.through) (non-mediasi direct-only; \(p.cite))."
    case .noEffect:
      return
        "Baik \(p.subject.lowercasedFirst) (\(p.indirect)) maupun \(p.directSubject) (\(p.direct)) tidak signifikan: tidak terdapat mediasi (non-mediasi no-effect; \(p.cite))."
    case .noDirectPath:
      return
        "\(p.subject) signifikan (\(p.indirect)); model tidak memuat jalur langsung dari \(p.from) ke \(p.to), sehingga jenis mediasinya (penuh atau parsial) tidak dinilai (\(p.cite))."
    case .noIndirectNoDirectPath:
      return
        "\(p.subject) tidak signifikan karena intervalnya mencakup nol (\(p.indirect)); tidak terdapat mediasi \(p.through)."
    }
  }

  // MARK: Table

  let tableTitle = "Hipotesis"
  let referencesTitle = "Referensi"

  func tableHeaders(level: Double) -> (
    label: String, path: String, expected: String, decision: String, significant: String,
    interval: String
  ) {
    ("Hipotesis", "Jalur", "Arah dugaan", "Keputusan", "Signifikan", "IK \(numbers.percent(level))")
  }

  func decision(_ d: NarrativeFindings.HypothesisOutcome.Decision) -> String {
    switch d {
    case .supported: return "diterima"
    case .notSignificant: return "ditolak"
    case .oppositeSign: return "ditolak (arah berlawanan)"
    case .untested: return "belum diuji"
    }
  }

  func significantCell(_ significant: Bool?) -> String {
    significant.map { $0 ? "ya" : "tidak" } ?? "belum diuji"
  }

  func direction(_ d: PathModel.Hypothesis.Direction?) -> String {
    d.map { $0 == .positive ? "+" : "−" } ?? "tanpa arah"
  }

  var references: [String] { NarrativeReferences.all }
}
