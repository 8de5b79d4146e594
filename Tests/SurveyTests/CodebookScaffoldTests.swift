import DataFiles
import Foundation
import TestSupport
import Testing

@testable import Survey

/// `plssem codebook init`: a codebook scaffold from a data file (issue 12, item 3).
@Suite("Codebook scaffold")
struct CodebookScaffoldTests {
  static func sheet(_ text: String, source: String = "form.csv") throws -> DataSheet {
    try DataFileReader.read(bytes: Array(text.utf8), source: source)
  }

  @Test("text answers are ordered by a known vocabulary in either language, abbreviations and all")
  func vocabularies() throws {
    let text = """
      Timestamp,Nama,Saya suka kopi.,Saya suka teh.,I like milk,Seberapa sering?
      2024-05-06 08:47,Ani,Setuju (S),Netral (N),Agree,Kadang-kadang
      2024-05-06 08:49,Budi,Sangat Setuju (SS),Tidak Setuju (TS),Strongly disagree,Selalu
      2024-05-06 09:01,Dewi,Sangat Tidak Setuju (STS),Tidak tahu,Neutral,Jarang
      2024-05-06 09:02,Eka,Setuju (S),Sangat setuju (SS),Agree,Tidak pernah

      """
    let scaffold = try CodebookScaffold(sheet: try Self.sheet(text))
    let codebook = scaffold.codebook
    #expect(codebook.items.map(\.id) == ["Q1", "Q2", "Q3", "Q4"])
    #expect(
      codebook.items.map { $0.text["id"] } == [
        "Saya suka kopi.", "Saya suka teh.", "I like milk", "Seberapa sering?",
      ])
    #expect(codebook.languages == ["id", "en"])
    let agree = try #require(codebook.scales.first { $0.id == "setuju5" })
    #expect(
      agree.labels["id"] == [
        "Sangat Tidak Setuju", "Tidak Setuju", "Netral", "Setuju", "Sangat Setuju",
      ])
    #expect(
      agree.labels["en"] == ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"])
    #expect(codebook.items[2].scale == "setuju5")  // English answers, same scale
    #expect(codebook.items[3].scale == "frekuensi5")
    #expect(codebook.missingLabels == ["Tidak tahu"])
    #expect(scaffold.skippedColumns.map(\.name) == ["Timestamp", "Nama"])
    // It reads its own file strictly, with the right points.
    let responses = try ResponseReader(codebook: codebook).read(try Self.sheet(text))
    #expect(responses.column("Q1") == [4, 5, 1, 4])
    #expect(responses.column("Q4") == [3, 5, 2, 1])
    #expect(sameValues(responses.column("Q2") ?? [], [3, 2, .nan, 5]))
  }

  @Test("numbers make a scale up to the largest answer; missing-like codes become missing codes")
  func numbers() throws {
    let text =
      "respondent,comp_1,comp_2,cusa,age\n1,4,5,7,23\n2,-99,6,6,45\n3,3,99,5,31\n4,5,2,7,60\n"
    let scaffold = try CodebookScaffold(sheet: try Self.sheet(text))
    let codebook = scaffold.codebook
    #expect(codebook.items.map(\.id) == ["comp_1", "comp_2", "cusa"])
    #expect(codebook.constructs.map(\.id) == ["comp", "cusa"])
    #expect(codebook.items.map(\.scale) == ["points5", "points6", "points7"])
    #expect(codebook.missingCodes == [-99, 99])
    #expect(scaffold.skippedColumns.map(\.name) == ["respondent", "age"])
    _ = try ResponseReader(codebook: codebook).read(try Self.sheet(text))
  }

  @Test("SPSS value labels make the scale; labelled and declared missing values the missing codes")
  func spss() throws {
    let path = Repository.path("Tests/DataFilesTests/Fixtures/labels.sav")
    let sheet = try DataFileReader.read(contentsOfFile: path)
    let scaffold = try CodebookScaffold(sheet: sheet)
    let codebook = scaffold.codebook
    #expect(codebook.items.map(\.id) == ["q1", "q2"])
    #expect(
      codebook.items.map { $0.text["id"] } == [
        "Bahan baku mudah diperoleh.", "Pasokan tepat waktu.",
      ])
    #expect(codebook.scales.map(\.id) == ["setuju5"])
    #expect(
      codebook.scales[0].labels["id"] == [
        "Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju",
      ])
    #expect(codebook.missingCodes == [9])
    #expect(codebook.missingLabels == ["Tidak menjawab"])
    #expect(Set(scaffold.skippedColumns.map(\.name)) == ["id", "name", "when"])
    _ = try ResponseReader(codebook: codebook).read(sheet)
  }

  @Test("grid questions become constructs named by their title; other long headers get Q ids")
  func gridQuestions() throws {
    let text = """
      "Kualitas [Produk awet]","Kualitas [Produk rapi]","Harga [Harga wajar]",Saya akan kembali.
      Setuju,Setuju,Netral,Sangat Setuju
      Netral,Tidak Setuju,Setuju,Setuju

      """
    let codebook = try CodebookScaffold(sheet: try Self.sheet(text)).codebook
    #expect(codebook.items.map(\.id) == ["C1_1", "C1_2", "C2_1", "Q1"])
    #expect(codebook.constructs.map(\.id) == ["C1", "C2", "Q"])
    #expect(codebook.constructs.map { $0.name["id"] } == ["Kualitas", "Harga", nil])
  }

  @Test("other text with a few answers is a scale in alphabetical order, marked for review")
  func guessedOrder() throws {
    let text =
      "pendidikan,kota\nSMA,Jakarta\nS1,Bandung\nSMP,Surabaya\nS1,Medan\nSMA,Bogor\nSMP,Depok\n"
    let scaffold = try CodebookScaffold(sheet: try Self.sheet(text))
    #expect(scaffold.codebook.scales.first?.labels["en"] == ["S1", "SMA", "SMP"])
    #expect(scaffold.yaml(source: "x").contains("REVIEW: the order of the labels is a guess"))
    #expect(scaffold.skippedColumns.map(\.name) == ["kota"])
  }

  @Test("the YAML loads back to the same codebook, whatever the headers hold")
  func yamlRoundTrip() throws {
    let text = """
      "He said ""yes"": OK?","back\\\\slash # not a comment","multi
      line",☕️ kopi,- dash,"[x] {y}"
      1,2,3,4,5,1
      2,3,4,5,1,2

      """
    let scaffold = try CodebookScaffold(sheet: try Self.sheet(text))
    let yaml = scaffold.yaml(source: "odd.csv")
    let loaded = try Codebook(yaml: yaml, source: "odd.yaml")
    #expect(loaded == scaffold.codebook)
    #expect(loaded.items.count == 6)
  }

  @Test("characters YAML does not print are escaped in texts and replaced in comments")
  func unprintable() throws {
    // Found by FuzzStatisticsFile: a control character in a left-out column's name made the
    // YAML unreadable.
    let names = ["N\u{1}MA", "\u{FEFF}q\u{FFFF}", "a\u{2028}b", "\u{85}x"]
    let columns =
      names.map { DataColumn(name: $0, cells: [.text("a"), .text("b")]) }
      + [
        DataColumn(name: "Saya \u{7}suka\u{FFFE}", cells: [.number(1), .number(5)]),
        DataColumn(name: "Q\u{1F600}", cells: [.number(2), .number(4)]),
      ]
    let sheet = DataSheet(
      source: "odd\u{0}.sav", format: .sav, columns: columns, rowNumbers: [1, 2])
    let scaffold = try CodebookScaffold(sheet: sheet)
    let loaded = try Codebook(yaml: scaffold.yaml(source: sheet.source), source: "odd.yaml")
    #expect(loaded == scaffold.codebook)
    #expect(loaded.items.map { $0.text.values.first } == ["Saya \u{7}suka\u{FFFE}", "Q\u{1F600}"])
  }

  @Test("a file with no rating-scale column has no codebook")
  func noItems() throws {
    #expect(throws: CodebookError.noItems(source: "names.csv")) {
      _ = try CodebookScaffold(
        sheet: try Self.sheet("name,city\nAni,Jakarta\nBudi,Bandung\n", source: "names.csv"))
    }
  }
}
