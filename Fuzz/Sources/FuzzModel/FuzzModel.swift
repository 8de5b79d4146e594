// libFuzzer harness: the lavaan-style model parser (with hypothesis comments) and the model's
// own validation; a model that parses must read back from its own syntax unchanged, and a model
// with higher-order constructs must give valid stage-1, stage-2 and repeated-indicators models.
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
    guard (try? PathModel(syntax: model.syntax, source: "fuzz.model")) == model else {
      fatalError("the model does not read back from its syntax:\n\(model.syntax)")
    }
    if !model.higherOrderConstructs.isEmpty {
      for (name, derived) in [
        ("stage 1", model.firstStageModel), ("stage 2", model.secondStageModel),
        ("repeated indicators", model.repeatedIndicatorsModel),
      ] {
        do {
          _ = try derived.validated()
        } catch {
          fatalError("the \(name) model of a valid HOC model is invalid (\(error)):\n\(model.syntax)")
        }
      }
    }
  }
  return 0
}
