import Foundation
import Testing

@testable import Survey

/// Equal values, with NaN equal to NaN.
func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

/// A small two-construct codebook used by the reader tests.
let smallCodebookYAML = """
  instrument: {name: SMALL}
  scales:
    - id: agree5
      points: 5
      labels:
        id: [Sangat Tidak Setuju, Tidak Setuju, Netral, Setuju, Sangat Setuju]
        en: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
  missingCodes: [-99]
  missingLabels: [NA, Tidak tahu]
  constructs:
    - id: A
      name: {id: Konstruk A, en: Construct A}
    - id: B
      mode: B
  items:
    - id: A1
      construct: A
      text: {id: Harga bahan baku terjangkau, en: Raw materials are affordable}
    - id: A2
      construct: A
      text: {id: "Pasokan rutin, tepat waktu", en: "Supply is regular, on time"}
    - id: A3
      construct: A
      reverse: true
      text: {id: Saya jarang berbagi informasi, en: I rarely share information}
    - id: B1
      construct: B
    - id: B2
      construct: B
  """

func smallCodebook() throws -> Codebook {
  try Codebook(yaml: smallCodebookYAML, source: "small.yaml")
}

/// Reads `text` as a response file with `codebook`.
func read(
  _ text: String, codebook: Codebook, _ options: ResponseReadOptions = ResponseReadOptions(),
  bom: Bool = false
) throws(SurveyError) -> SurveyResponses {
  let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
  return try ResponseReader(codebook: codebook, options: options).read(
    bytes: bytes, source: "answers.csv")
}
