// libFuzzer harness: the delimited-text tokenizer and the numeric CSV reader.
// Any input must end in a value or a thrown error: never a trap, a hang or a memory error.
// It also checks the reader's number conversion (an exact fast path, then Double(String))
// against Double(String) on the same cell.
import DelimitedText
import FuzzSupport
import PLSSEM

@main
enum Harness {
  static func main() { runFuzzer(fuzzOne) }
}

/// One input.
let fuzzOne: FuzzTarget = { start, count in
  let bytes = Array(fuzzBytes(start, count))
  // The tokenizer alone, with detection and with each fixed delimiter.
  for delimiter in [nil] + Delimiter.allCases.map(Optional.some) {
    if let reader = try? DelimitedTextReader(bytes: bytes, delimiter: delimiter, source: "fuzz.csv")
    {
      _ = try? reader.records()
    }
  }
  // The numeric table reader, with and without a missing code, then the statistics the
  // engine computes first on a table.
  for codes in [[], [-99.0]] {
    if let table = try? DataTable(csvBytes: bytes, missingCodes: codes, source: "fuzz.csv") {
      _ = table.missingCounts
    }
  }
  checkNumber(bytes)
  return 0
}

/// The input as the one cell of a one-column table must read as Double(String) reads it.
func checkNumber(_ bytes: [UInt8]) {
  guard bytes.count <= 64, !bytes.contains(where: { $0 == 10 || $0 == 13 || $0 == 34 || $0 == 44 }),
    let text = String(validating: bytes, as: UTF8.self)
  else { return }
  let trimmed = String(
    text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  guard !trimmed.isEmpty,
    let table = try? DataTable(csvBytes: Array("x\n\(text)\n".utf8), source: "cell.csv"),
    let value = table.columns.first?.first, !value.isNaN
  else { return }
  guard let expected = Double(trimmed), expected.bitPattern == value.bitPattern else {
    fatalError(
      "cell '\(text)' read as \(value), Double(String) gives \(String(describing: Double(trimmed)))"
    )
  }
}
