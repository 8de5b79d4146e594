// libFuzzer harness: YAML codebooks (decoding and validation), and the model text a valid
// codebook generates.
import FuzzSupport
import Survey

@main
enum Harness {
  static func main() { runFuzzer(fuzzOne) }
}

/// One input.
let fuzzOne: FuzzTarget = { start, count in
  let buffer = fuzzBytes(start, count)
  guard let text = String(validating: buffer, as: UTF8.self) else { return 0 }
  if let codebook = try? Codebook(yaml: text, source: "fuzz.yaml") {
    // Every construct a path from the first: the model text covers all blocks.
    let ids = codebook.constructs.map(\.id)
    if let first = ids.first {
      let equations = ids.dropFirst().map { StructuralEquation($0, [first]) }
      _ = try? codebook.modelSyntax(structural: equations, title: "fuzz", source: "fuzz.yaml")
    }
  }
  return 0
}
