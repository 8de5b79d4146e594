import DelimitedText
// libFuzzer harness: the delimited-text tokenizer and the numeric CSV reader.
// Any input must end in a value or a thrown error: never a trap, a hang or a memory error.
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
  return 0
}
