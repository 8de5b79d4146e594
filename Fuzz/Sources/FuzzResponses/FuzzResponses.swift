// libFuzzer harness: survey response files read through a fixed codebook, strictly and
// leniently, then described.
import FuzzSupport
import Survey

let codebookText = """
  instrument: {name: fuzz}
  languages: [en, id]
  missingCodes: [-99, 99]
  scales:
    - id: agree5
      points: 5
      labels:
        en: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
        id: [Sangat tidak setuju, Tidak setuju, Netral, Setuju, Sangat setuju]
  constructs:
    - id: A
    - id: B
  items:
    - {id: a1, construct: A, text: {en: "I like it"}}
    - {id: a2, construct: A, reverse: true}
    - {id: b1, construct: B, text: {en: "It works"}}
    - {id: b2, construct: B}
  """

nonisolated(unsafe) let codebook: Codebook? = try? Codebook(
  yaml: codebookText, source: "fuzz-codebook.yaml")

@main
enum Harness {
  static func main() { runFuzzer(fuzzOne) }
}

/// One input.
let fuzzOne: FuzzTarget = { start, count in
  guard let codebook else { fatalError("the harness codebook does not load") }
  let bytes = Array(fuzzBytes(start, count))
  for strictness in [ResponseReadOptions.Strictness.strict, .lenient] {
    let options = ResponseReadOptions(strictness: strictness)
    if let responses = try? ResponseReader(codebook: codebook, options: options).read(
      bytes: bytes, source: "fuzz.csv")
    {
      _ = responses.describe()
      _ = responses.numericTable()
    }
  }
  return 0
}
