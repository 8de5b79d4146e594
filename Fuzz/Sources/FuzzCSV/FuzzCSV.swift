// libFuzzer harness: the delimited-text tokenizer and the numeric CSV reader.
// Any input must end in a value or a thrown error: never a trap, a hang or a memory error.
// It also checks the reader's number conversion (an exact fast path, then Double(String))
// against Double(String) on the same cell.
import DelimitedText
import FuzzSupport
@_spi(Testing) import PLSSEM

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
  // The numeric table reader, with and without a missing code: its fast path for quote-free
  // data must give what the general tokenizer gives, table or error.
  for codes in [[], [-99.0]] {
    let fast = outcome(bytes, codes: codes, fast: true)
    let general = outcome(bytes, codes: codes, fast: false)
    if fast != general {
      fatalError("fast path \(fast) differs from the general path \(general)")
    }
  }
  checkNumber(bytes)
  return 0
}

/// A table's names and cell bits, or the error's message.
func outcome(_ bytes: [UInt8], codes: [Double], fast: Bool) -> String {
  do {
    let table = try DataTable(
      csvBytes: bytes, delimiter: nil, missingCodes: codes, source: "fuzz.csv", allowFastPath: fast)
    _ = table.missingCounts
    return
      "\(table.columnNames) \(table.columns.map { $0.map(\.bitPattern) }) \(table.nonNumericColumns) \(table.rowNumbers)"
  } catch {
    return "error: \(error)"
  }
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
