import PLSSEM

// Corporate reputation, simple model (Hair et al., PLS-SEM Using R, 2021), fitted in code.
let data = try DataTable(csvFile: "../corporate-reputation/corp_rep.csv", missingCodes: [-99])
let model = try PathModel {
  Reflective("COMP", "comp_1", "comp_2", "comp_3")
  Reflective("LIKE", "like_1", "like_2", "like_3")
  Reflective("CUSA", "cusa")
  Reflective("CUSL", "cusl_1", "cusl_2", "cusl_3")
  Regression("CUSA", on: "COMP", "LIKE")
  Regression("CUSL", on: "COMP", "LIKE", "CUSA")
}
let estimate = try PLSEstimator().estimate(model, data: data)
let bootstrap = try Bootstrapper(settings: .init(resamples: 2000, seed: 42)).result(estimate)
for path in estimate.pathList {
  let t = bootstrap.statistics[.path(from: path.from, to: path.to)]?.t ?? .nan
  print("\(path.from) -> \(path.to): \(path.estimate) (t = \(t))")
}
