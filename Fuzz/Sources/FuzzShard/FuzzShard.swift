// libFuzzer harness: the bootstrap shard file (plssem.bootstrap-shard/2) — decoding, its
// consistency checks, the merge, and finishing the merged state into statistics (intervals from
// kept draws or from the sketch). Any input must end in a value or a thrown error: never a trap,
// a hang or a memory error.
//
// The seeds (Fuzz/Corpus/FuzzShard) are shard files of the estimate below, made by
// `plssem bootstrap --shard 1/1` on the corpus's reference data and model, so that mutated seeds
// get past the fingerprint and exercise the statistics.
import Foundation
import FuzzSupport
import PLSSEM

@main
enum Harness {
  static func main() { runFuzzer(fuzzOne) }
}

/// The estimate the seeds were made from: the bad-input corpus's reference model and data
/// (the harness runs from the repository root, as scripts/fuzz.sh does).
let estimate: PLSEstimate? = {
  guard
    let data = try? DataTable(csvFile: "Tests/CLITests/Corpus/data/good.csv"),
    let text = try? String(contentsOfFile: "Tests/CLITests/Corpus/models/good.model", encoding: .utf8),
    let model = try? PathModel(syntax: text)
  else { return nil }
  return try? PLSEstimator().estimate(model, data: data)
}()

/// One input.
let fuzzOne: FuzzTarget = { start, count in
  let data = Data(fuzzBytes(start, count))
  guard let shard = try? BootstrapShard.decode(data, source: "fuzz.json") else { return 0 }
  _ = try? shard.encoded()
  guard let state = try? BootstrapShard.merge([(source: "fuzz.json", shard: shard)]),
    let estimate
  else { return 0 }
  _ = try? BootstrapResult(state: state, estimate: estimate)
  return 0
}
