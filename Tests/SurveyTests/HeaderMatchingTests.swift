import Foundation
import Testing

@testable import Survey

/// Codebook matching that fits real exports (issue 12, item 2): grid headers, numbering,
/// punctuation, label decorations, "did you mean" hints and grouped problems.
@Suite("Matching real exports to a codebook")
struct HeaderMatchingTests {
  @Test("grid headers match by their row text; numbering and punctuation are ignored")
  func headerForms() throws {
    let text = """
      Timestamp,Harga [Harga bahan baku terjangkau.],"2. Pasokan rutin, tepat waktu",Q3) I rarely share information!,"No. 4 B1",B2
      2024/05/06,4,3,2,5,5

      """
    let responses = try read(text, codebook: try smallCodebook())
    #expect(responses.itemIDs == ["A1", "A2", "A3", "B1", "B2"])
    // A3 is reverse coded: 2 as given is 4.
    #expect(responses.values == [4, 3, 4, 5, 5])
    #expect(responses.notes.map(\.kind) == [.ignoredColumn("Timestamp")])
  }

  @Test("numbering is taken off only when a question follows it")
  func numbering() {
    #expect(LooseText.withoutNumbering("1. Bahan baku") == "Bahan baku")
    #expect(LooseText.withoutNumbering("12) Bahan baku") == "Bahan baku")
    #expect(LooseText.withoutNumbering("Q1. Bahan") == "Bahan")
    #expect(LooseText.withoutNumbering("q12 Bahan") == "Bahan")
    #expect(LooseText.withoutNumbering("3.2 - Bahan") == "Bahan")
    #expect(LooseText.withoutNumbering("No. 7 Bahan") == "Bahan")
    #expect(LooseText.withoutNumbering("1.") == "1.")
    #expect(LooseText.withoutNumbering("X1_BL1") == "X1_BL1")
    #expect(LooseText.withoutNumbering("2019sales") == "2019sales")
    #expect(
      LooseText.gridParts("Bahan baku [Harga terjangkau]")! == ("Bahan baku", "Harga terjangkau"))
    #expect(LooseText.gridParts("Harga [ ]") == nil)
  }

  @Test("labels with an abbreviation, punctuation or their point are read; a wrong point is not")
  func labelForms() throws {
    let text = """
      A1,A2,A3,B1,B2
      Setuju (S),sangat setuju (SS).,4 - Setuju,5. Sangat Setuju,Tidak tahu (TT)
      Netral (N),Agree,2 = Setuju,(S),3 Setuju

      """
    let responses = try read(
      text, codebook: try smallCodebook(), ResponseReadOptions(strictness: .lenient))
    #expect(responses.column("A1") == [4, 3])
    #expect(responses.column("A2") == [5, 4])
    #expect(responses.column("A3").map { sameValues($0, [2, .nan]) } == true)  // reversed 4 → 2
    #expect(responses.column("B1").map { sameValues($0, [5, .nan]) } == true)
    #expect(responses.column("B2").map { sameValues($0, [.nan, .nan]) } == true)
    #expect(
      responses.problems.map(\.kind) == [
        .unknownLabel("2 = Setuju"), .unknownLabel("(S)"), .unknownLabel("3 Setuju"),
      ])
  }

  @Test("an item whose text lacks a letter names the closest header, and the header the item")
  func didYouMean() throws {
    let text = """
      Harga bahan baku terjangku,A2,A3,B1,B2
      4,3,2,5,5

      """
    do {
      _ = try read(text, codebook: try smallCodebook())
      Issue.record("a missing item column was accepted")
    } catch {
      let message = String(describing: error)
      #expect(
        message.contains(
          "codebook item A1 has no column in the file; the closest header is column 1 \"Harga bahan baku terjangku\" (1 character differs)"
        ), "\(message)")
    }
    let lenient = try read(
      text, codebook: try smallCodebook(), ResponseReadOptions(strictness: .lenient))
    let note = try #require(
      lenient.notes.first { $0.kind == .ignoredColumn("Harga bahan baku terjangku") })
    #expect(
      note.suggestion == "did you mean item A1 (Harga bahan baku terjangkau)? 1 character differs")
  }

  @Test("a final full stop missing from a header is no obstacle")
  func finalFullStop() throws {
    let yaml = smallCodebookYAML.replacingOccurrences(
      of: "Harga bahan baku terjangkau,", with: "Harga bahan baku terjangkau.,")
    let codebook = try Codebook(yaml: yaml, source: "small.yaml")
    let responses = try read(
      "Harga bahan baku terjangkau,A2\n4,3\n", codebook: codebook, .init(strictness: .lenient))
    #expect(responses.column("A1") == [4])
  }

  @Test("problems are grouped by kind and value, with counts and the first place")
  func grouped() throws {
    var lines = ["A1,A2,A3,B1,B2"]
    for _ in 0..<50 { lines.append("Setuju sekali,Setuju sekali,Setuju sekali,7,1") }
    let text = lines.joined(separator: "\n") + "\n"
    do {
      _ = try read(text, codebook: try smallCodebook())
      Issue.record("accepted")
    } catch {
      let message = String(describing: error)
      #expect(
        message
          == """
          answers.csv: 200 problems in the responses (2 kinds):
            "Setuju sekali" is not a number, a label of the item's scale or a missing label (150 cells in 3 columns: 1, 2, 3; the first at answers.csv:2: row 2, column 1 "A1")
            value 7 is outside the scale 1–5 and is not a missing code (50 cells in column 4; the first at answers.csv:2: row 2, column 4 "B1")
          """, "\(message)")
    }
  }

  @Test("the bounded edit distance agrees with the full one")
  func editDistance() {
    func full(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
      var row = Array(0...b.count)
      for i in 1...max(1, a.count) where !a.isEmpty {
        var next = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(1, b.count) where !b.isEmpty {
          next[j] = min(row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), row[j] + 1, next[j - 1] + 1)
        }
        row = next
      }
      return a.isEmpty ? b.count : row[b.count]
    }
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("abcab ".unicodeScalars)
    for _ in 0..<2000 {
      let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      let limit = Int.random(in: 0...6, using: &generator)
      let exact = full(a, b)
      #expect(
        EditDistance.distance(a, b, limit: limit) == (exact <= limit ? exact : nil),
        "\(a) \(b) \(limit)")
    }
  }
}
