// libFuzzer harness: the lavaan-style model parser and the model's own validation.
import FuzzSupport
import PLSSEM

@main
enum Harness {
  static func main() { runFuzzer(fuzzOne) }
}

/// One input.
let fuzzOne: FuzzTarget = { start, count in
  let text = String(decoding: fuzzBytes(start, count), as: UTF8.self)
  if let model = try? PathModel(syntax: text, source: "fuzz.model") {
    _ = model.structuralOrder
    _ = try? model.validated(againstColumns: model.constructs.flatMap(\.indicators))
    _ = try? model.validated(againstColumns: ["x1", "x2"])
  }
  return 0
}
