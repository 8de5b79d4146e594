import PLSSEM

/// The narrative in Indonesian (Bahasa Indonesia), as theses and journals in the field write
/// it: decimal commas (`0,593`), thousands points (`5.000`), `p < 0,001`, intervals with a
/// semicolon (`[0,081; 0,312]`), "diterima" / "ditolak" for hypotheses (supported or not by
/// the data, never "terbukti"), "berpengaruh" for a path coefficient as the field uses it,
/// with the causal caveat stated once.
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

  func and(_ items: [String]) -> String { list(items, and: "dan") }
  func named(_ n: NarrativeFindings.Named) -> String { "\(n.name) (\(numbers.value(n.value)))" }
  func range(_ values: [Double]) -> String {
    guard let low = values.min(), let high = values.max() else { return "" }
    return numbers.range(low...high, to: "sampai")
  }

  func admissibility(converged: Bool, admissible: Bool) -> [String] {
    var out: [String] = []
    if !converged {
      out.append(
        "Algoritma PLS tidak konvergen: estimasi belum final dan belum dapat ditafsirkan sebelum algoritma konvergen (naikkan --max-iterations atau perbaiki model)."
      )
    }
    if !admissible {
      out.append(
        "Solusi tidak admissible (lihat peringatan): estimasi belum dapat ditafsirkan sebelum masalah tersebut diselesaikan."
      )
    }
    return out
  }

  func loadings(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    let n = m.loadings.count
    guard n > 0 else { return [] }
    let cite = cite("loading", t)
    let short = m.loadings.filter { ($0.verdict ?? .meets) != .meets }
    if short.isEmpty {
      return [
        "Seluruh \(n) indikator konstruk reflektif (mode A) memiliki loading minimal \(numbers.limit(t.loading)) (\(range(m.loadings.map(\.value))); \(cite))."
      ]
    }
    var out = [
      "Dari \(n) indikator konstruk reflektif (mode A), \(n - short.count) memiliki loading minimal \(numbers.limit(t.loading)) (\(cite)); \(and(short.map(named))) berada di bawah batas tersebut."
    ]
    if short.contains(where: { $0.verdict == .caution }) {
      out.append(
        "Indikator dengan loading antara \(numbers.limit(t.loadingRemoval)) dan \(numbers.limit(t.loading)) hanya dihapus bila penghapusannya menaikkan reliabilitas konsistensi internal atau AVE hingga melampaui batasnya (\(cite))."
      )
    }
    if short.contains(where: { $0.verdict == .misses }) {
      out.append(
        "Indikator dengan loading di bawah \(numbers.limit(t.loadingRemoval)) sebaiknya dihapus (\(cite))."
      )
    }
    return out
  }

  func reliability(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    guard !m.judged.isEmpty else { return [] }
    let cite = cite("reliability", t)
    let bounds =
      "di antara \(numbers.limit(t.reliability)) dan \(numbers.limit(t.reliabilityRedundant))"
    let values =
      "Cronbach's alpha (\(range(m.alpha))) dan reliabilitas komposit ρ_C (\(range(m.rhoC)))"
    if m.reliabilityIssues.isEmpty {
      return [
        "Reliabilitas konsistensi internal terpenuhi: \(values) setiap konstruk berada \(bounds) (\(cite))."
      ]
    }
    let issues = m.reliabilityIssues.map { issue -> String in
      let statistic = issue.statistic == .alpha ? "Cronbach's alpha" : "ρ_C"
      let value = "\(statistic) \(issue.construct) (\(numbers.value(issue.value)))"
      switch issue.kind {
      case .exploratory:
        return
          "\(value) berada di antara \(numbers.limit(t.reliabilityExploratory)) dan \(numbers.limit(t.reliability)), yang hanya dapat diterima pada penelitian eksploratori"
      case .unreliable:
        return
          "\(value) di bawah \(numbers.limit(t.reliabilityExploratory)), sehingga \(issue.construct) belum terukur secara reliabel"
      case .redundant:
        return
          "\(value) di atas \(numbers.limit(t.reliabilityRedundant)), yang menandakan adanya item yang redundan"
      }
    }
    return ["\(values) semestinya berada \(bounds) (\(cite)); \(issues.joined(separator: "; "))."]
  }

  func convergentValidity(_ m: NarrativeFindings.Measurement, _ t: QualityThresholds) -> [String] {
    guard !m.ave.isEmpty else { return formative(m) }
    let cite = cite("ave", t)
    let short = m.ave.filter { $0.verdict == .misses }
    var out: [String]
    if short.isEmpty {
      out = [
        "Validitas konvergen terpenuhi: AVE setiap konstruk minimal \(numbers.limit(t.ave)) (\(range(m.ave.map(\.value))); \(cite))."
      ]
    } else {
      let others =
        short.count < m.ave.count
        ? "; AVE konstruk lainnya minimal \(numbers.limit(t.ave))" : ""
      out = [
        "AVE \(and(short.map(named))) di bawah \(numbers.limit(t.ave)) (\(cite)), sehingga validitas konvergen \(and(short.map(\.name))) belum terpenuhi\(others)."
      ]
    }
    return out + formative(m)
  }

  func formative(_ m: NarrativeFindings.Measurement) -> [String] {
    m.formative.isEmpty
      ? []
      : ["Konstruk mode B (formatif) \(and(m.formative)) tidak dinilai dengan kriteria tersebut."]
  }

  /// Pairs as a list: "X2 dan X3 (0,646)", several separated by semicolons.
  func pairs(_ ps: [NarrativeFindings.Pair], r: Bool = false) -> String {
    let items = ps.map {
      "\($0.first) dan \($0.second) (\(r ? "r = " : "")\(numbers.value($0.value)))"
    }
    return items.count < 2
      ? items.joined() : items.dropLast().joined(separator: "; ") + "; serta " + (items.last ?? "")
  }

  func discriminantValidity(
    _ m: NarrativeFindings.Measurement, _ t: QualityThresholds, level: Double?
  ) -> [String] {
    var out: [String] = []
    let htmtCite = cite("htmt", t)
    let conservative = numbers.limit(t.htmtConservative)
    let liberal = numbers.limit(t.htmtLiberal)
    if let highest = m.htmt.max(by: { $0.value < $1.value }) {
      let caution = m.htmt.filter { t.htmt($0.value) == .caution }
      let misses = m.htmt.filter { t.htmt($0.value) == .misses }
      if caution.isEmpty && misses.isEmpty {
        out.append(
          "Validitas diskriminan terpenuhi menurut kriteria HTMT: setiap rasio HTMT maksimal \(conservative) (tertinggi: \(highest.first) dan \(highest.second) sebesar \(numbers.value(highest.value)); \(htmtCite))."
        )
      } else {
        if !caution.isEmpty {
          out.append(
            "Rasio HTMT \(pairs(caution)) di atas \(conservative) tetapi maksimal \(liberal), yang hanya dapat diterima untuk konstruk yang secara konseptual mirip (\(htmtCite))."
          )
        }
        if !misses.isEmpty {
          out.append(
            "Rasio HTMT \(pairs(misses)) di atas \(liberal), sehingga validitas diskriminan \(misses.count == 1 ? "antara kedua konstruk tersebut" : "pada pasangan-pasangan tersebut") belum terpenuhi (\(htmtCite))."
          )
        }
      }
    }
    if let level, !m.htmtUpper.isEmpty {
      let upperCite = cite("htmt", t, part: 1)
      let above = m.htmtUpper.filter { $0.value > t.htmtConservative }
      let limit = "Batas atas satu sisi interval kepercayaan bootstrap \(numbers.percent(level))"
      out.append(
        above.isEmpty
          ? "\(limit) setiap rasio HTMT juga maksimal \(conservative) (\(upperCite))."
          : "\(limit) rasio HTMT \(pairs(above)) melebihi \(conservative), sehingga rasio \(above.count == 1 ? "pasangan tersebut" : "pasangan-pasangan tersebut") tidak signifikan lebih kecil daripada \(conservative) (\(upperCite))."
      )
    }
    let flCite = cite("fornell-larcker", t)
    if !m.ave.isEmpty {
      let violations = m.fornellLarckerViolations
      out.append(
        violations.isEmpty
          ? "Kriteria Fornell–Larcker terpenuhi: akar AVE setiap konstruk lebih besar daripada korelasinya dengan konstruk lain (\(flCite))."
          : "Kriteria Fornell–Larcker tidak terpenuhi untuk \(pairs(violations, r: true)): korelasinya tidak lebih kecil daripada akar AVE masing-masing konstruk (\(flCite))."
      )
    }
    return out
  }

  let notAssessed = "Reliabilitas dan validitas tidak dinilai."

  func collinearity(_ s: NarrativeFindings.Structural, _ t: QualityThresholds) -> [String] {
    guard let highest = s.vif.max(by: { $0.value < $1.value }) else { return [] }
    let cite = cite("vif", t)
    let high = s.vif.filter { ($0.verdict ?? .meets) != .meets }
    if high.isEmpty {
      return [
        "Kolinearitas antarprediktor tidak menjadi masalah: setiap nilai VIF inner di bawah \(numbers.limit(t.vifCaution)) (tertinggi \(numbers.value(highest.value, 2)); \(cite))."
      ]
    }
    let named = high.map { "\($0.name) (\(numbers.value($0.value, 2)))" }
    return [
      "Nilai VIF inner \(and(named)) mencapai \(numbers.limit(t.vifCaution)) atau lebih, sehingga kolinearitas antarprediktor dapat memengaruhi koefisien jalur tersebut (\(cite))."
    ]
  }

  func r2Label(_ value: Double) -> String {
    let g = QualityThresholds.rSquaredGuide
    return value >= g.substantial
      ? "substansial"
      : value >= g.moderate
        ? "moderat" : value >= g.weak ? "lemah" : "di bawah \(numbers.limit(g.weak))"
  }

  func explainedVariance(_ s: NarrativeFindings.Structural) -> [String] {
    guard !s.r2.isEmpty else { return [] }
    let g = QualityThresholds.rSquaredGuide
    let values = s.r2.map { "\(numbers.value($0.value)) untuk \($0.name) (\(r2Label($0.value)))" }
    return [
      "Nilai R² sebesar \(and(values)), dengan patokan \(numbers.limit(g.substantial)) (substansial), \(numbers.limit(g.moderate)) (moderat) dan \(numbers.limit(g.weak)) (lemah) (\(Self.apa(QualityThresholds.standard.rule("r2")?.citation ?? "")))."
    ]
  }

  func f2Label(_ value: Double) -> String {
    let g = QualityThresholds.fSquareGuide
    return value >= g.large
      ? "besar" : value >= g.medium ? "sedang" : value >= g.small ? "kecil" : "dapat diabaikan"
  }

  func effectSizes(_ s: NarrativeFindings.Structural) -> [String] {
    guard !s.f2.isEmpty else { return [] }
    let g = QualityThresholds.fSquareGuide
    let values = s.f2.map { "\(numbers.value($0.value)) untuk \($0.name) (\(f2Label($0.value)))" }
    return [
      "Ukuran efek f² sebesar \(and(values)); patokannya \(numbers.limit(g.small)) (kecil), \(numbers.limit(g.medium)) (sedang) dan \(numbers.limit(g.large)) (besar), sedangkan nilai di bawah \(numbers.limit(g.small)) dapat diabaikan (\(Self.apa(QualityThresholds.standard.rule("f2")?.citation ?? "")))."
    ]
  }

  func q2Label(_ value: Double) -> String {
    let g = QualityThresholds.q2Guide
    return value > g.large ? "besar" : value > g.medium ? "sedang" : "kecil"
  }

  func predictiveRelevance(_ s: NarrativeFindings.Structural) -> [String] {
    guard let q2 = s.q2 else {
      return ["Q² tidak dihitung: perhitungannya memerlukan blindfolding (--blindfolding)."]
    }
    guard !q2.isEmpty else { return [] }
    let g = QualityThresholds.q2Guide
    let positive = q2.filter { $0.value > 0 }
    let none = q2.filter { !($0.value > 0) }
    let distance = s.omissionDistance.map { ", jarak penghilangan D = \($0)" } ?? ""
    var out: [String] = []
    if !positive.isEmpty {
      let values = positive.map {
        "\(numbers.value($0.value)) untuk \($0.name) (\(q2Label($0.value)))"
      }
      out.append(
        "Nilai Q² (blindfolding\(distance)) sebesar \(and(values)): di atas nol, sehingga model memiliki relevansi prediktif untuk \(positive.count == 1 ? "konstruk tersebut" : "konstruk-konstruk tersebut") (di atas \(numbers.limit(g.small)) kecil, di atas \(numbers.limit(g.medium)) sedang, di atas \(numbers.limit(g.large)) besar; \(Self.apa(QualityThresholds.q2GuideCitation)))."
      )
    }
    if !none.isEmpty {
      out.append(
        "Nilai Q² \(and(none.map(named))) tidak di atas nol: model tidak memiliki relevansi prediktif untuk \(and(none.map(\.name)))."
      )
    }
    return out
  }

  let causalCaveat =
    "Sesuai kelaziman PLS-SEM, \"pengaruh\" suatu konstruk terhadap konstruk lain berarti koefisien jalurnya yang diestimasi menurut arah yang ditetapkan model; pada data observasional (misalnya survei), koefisien ini menggambarkan asosiasi dan tidak dengan sendirinya membuktikan hubungan sebab-akibat."

  func testing(_ f: NarrativeFindings) -> [String] {
    var out: [String] = []
    if !f.hasHypotheses {
      out.append(
        "Berkas model tidak menamai hipotesis (komentar seperti \"# H1: X -> Y (+)\"), sehingga jalur struktural dijelaskan tanpa keputusan hipotesis."
      )
    }
    guard let testing = f.testing else {
      out.append(
        "\(f.hasHypotheses ? "Diterima atau ditolaknya hipotesis" : "Signifikansi jalur") belum dapat diputuskan dari estimasi ini: uji signifikansi memerlukan bootstrap (--bootstrap, misalnya 5.000 subsampel)."
      )
      return out
    }
    let tails =
      testing.tails == .two
      ? "uji dua arah (two-tailed)"
      : "uji satu arah (one-tailed) searah dengan tanda setiap estimasi"
    var sentence =
      "Signifikansi diuji dengan bootstrap \(numbers.count(testing.resamples)) subsampel, \(tails), pada α = \(numbers.limit(testing.alpha))"
    if f.outcomes.contains(where: \.isIndirect) || !f.mediations.isEmpty {
      sentence +=
        "; pengaruh tidak langsung dinilai dari interval kepercayaan (IK) bootstrap \(testing.method == .bca ? "BCa" : "persentil") \(numbers.percent(testing.level)), dan signifikan bila interval tersebut tidak mencakup nol (\(Self.zhao))"
    }
    out.append(sentence + ".")
    return out
  }

  static let zhao = "Zhao, Lynch & Chen, 2010"

  func through(_ chain: [String]) -> String {
    "melalui " + chain.dropFirst().dropLast().joined(separator: " lalu ")
  }

  func signWord(_ value: Double) -> String { value < 0 ? "negatif" : "positif" }

  func hypothesis(
    _ o: NarrativeFindings.HypothesisOutcome, _ testing: NarrativeFindings.Testing?
  ) -> String {
    let x = o.chain.first ?? ""
    let y = o.chain.last ?? ""
    let interval = o.isIndirect ? "IK \(numbers.percent(testing?.level ?? 0.95))" : nil
    let stats = statistics(o.effect, interval: interval)
    let subject =
      o.isIndirect
      ? "Pengaruh tidak langsung \(x) terhadap \(y) \(through(o.chain))"
      : "Pengaruh \(x) terhadap \(y)"
    let expected = o.expected.map { $0 == .positive ? "positif" : "negatif" }
    let outcome: String
    switch o.decision {
    case .untested:
      let why =
        testing == nil ? "tanpa bootstrap" : "statistik ini tidak bervariasi antar-subsampel"
      let path = o.chain.joined(separator: " → ")
      let head = o.label.map { "\($0) (\(path)\(expected.map { ", \($0)" } ?? ""))" } ?? path
      return
        "\(head): β = \(numbers.value(o.effect.estimate)); signifikansinya belum diuji (\(why))."
    case .supported, .oppositeSign:
      outcome =
        (o.isIndirect
          ? "\(subject) \(signWord(o.effect.estimate)) dan signifikan (\(stats))"
          : "\(x) berpengaruh \(signWord(o.effect.estimate)) dan signifikan terhadap \(y) (\(stats))")
        + (o.decision == .oppositeSign
          ? ", berlawanan dengan arah \(expected ?? "") yang dihipotesiskan" : "")
    case .notSignificant:
      let sign = o.signAsExpected ? "" : " dan tandanya berlawanan dengan yang dihipotesiskan"
      outcome =
        o.isIndirect
        ? "\(subject) tidak signifikan karena interval kepercayaannya mencakup nol\(sign) (\(stats))"
        : "\(subject) tidak signifikan\(sign) (\(stats))"
    }
    guard let label = o.label else { return outcome + "." }
    return outcome + "; \(label) \(o.decision == .supported ? "diterima" : "ditolak")."
  }

  func tally(supported: Int, of total: Int) -> String {
    if supported == total {
      return total == 1 ? "Hipotesis tersebut diterima." : "Seluruh \(total) hipotesis diterima."
    }
    if supported == 0 {
      return total == 1
        ? "Hipotesis tersebut ditolak." : "Tidak satu pun dari \(total) hipotesis diterima."
    }
    return "Dari \(total) hipotesis, \(supported) diterima."
  }

  func mediation(_ m: NarrativeFindings.Mediation, _ testing: NarrativeFindings.Testing?) -> String
  {
    let x = m.chain.first ?? ""
    let y = m.chain.last ?? ""
    let mediators = and(Array(m.chain.dropFirst().dropLast()))
    let subject = "Pengaruh tidak langsung \(x) terhadap \(y) \(through(m.chain))"
    guard let testing, let type = m.type else {
      return
        "Pengaruh tidak langsung spesifik \(x) terhadap \(y) \(through(m.chain)) sebesar \(numbers.value(m.indirect.estimate)); signifikansinya, dan dengan demikian jenis mediasinya, memerlukan bootstrap."
    }
    let ci = "IK \(numbers.percent(testing.level))"
    let indirect =
      "β = \(numbers.value(m.indirect.estimate)); \(ci) "
      + (m.indirect.lower.flatMap { l in m.indirect.upper.map { numbers.interval(l, $0) } }
        ?? "n/a")
    let direct =
      m.direct.map { d in
        (["β = \(numbers.value(d.estimate))"] + (d.p.map { [numbers.p($0)] } ?? [])).joined(
          separator: "; ")
      } ?? ""
    let directSubject = "pengaruh langsung \(x) terhadap \(y)"
    switch type {
    case .complementary:
      return
        "\(subject) signifikan (\(indirect)), demikian pula \(directSubject) (\(direct)) dengan tanda yang sama: \(mediators) memediasi hubungan tersebut secara parsial (mediasi komplementer; \(Self.zhao))."
    case .competitive:
      return
        "\(subject) signifikan (\(indirect)), demikian pula \(directSubject) (\(direct)) dengan tanda yang berlawanan: \(mediators) memediasi hubungan tersebut secara parsial (mediasi kompetitif; \(Self.zhao))."
    case .indirectOnly:
      return
        "\(subject) signifikan (\(indirect)), sedangkan \(directSubject) tidak signifikan (\(direct)): \(mediators) memediasi hubungan tersebut secara penuh (mediasi indirect-only; \(Self.zhao))."
    case .directOnly:
      return
        "\(subject) tidak signifikan karena intervalnya mencakup nol (\(indirect)), sedangkan \(directSubject) signifikan (\(direct)): tidak terdapat mediasi \(through(m.chain)) (non-mediasi direct-only; \(Self.zhao))."
    case .noEffect:
      return
        "Baik \(subject.lowercasedFirst) (\(indirect)) maupun \(directSubject) (\(direct)) tidak signifikan: tidak terdapat mediasi (non-mediasi no-effect; \(Self.zhao))."
    case .noDirectPath:
      return
        "\(subject) signifikan (\(indirect)); model tidak memuat jalur langsung dari \(x) ke \(y), sehingga jenis mediasinya (penuh atau parsial) tidak dinilai (\(Self.zhao))."
    case .noIndirectNoDirectPath:
      return
        "\(subject) tidak signifikan karena intervalnya mencakup nol (\(indirect)); tidak terdapat mediasi \(through(m.chain))."
    }
  }

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

extension String {
  /// The text with its first letter in lower case.
  var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }
}
