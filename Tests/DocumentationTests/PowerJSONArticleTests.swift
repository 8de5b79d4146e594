import PLSSEM
import PLSSEMReport
import TestSupport
import Testing

/// The DocC article *The JSON report* documents every key of `plssem.power/1`.
@Suite("The JSON report article: plssem.power/1")
struct PowerJSONArticleTests {
  @Test(
    "every key of the power JSON (top level, settings, paths, byN, inverseSquareRoot) is documented"
  )
  func everyKeyIsDocumented() throws {
    let model = try PathModel(syntax: "A =~ a1 + a2\nB =~ b1 + b2\nB ~ A")
    let study = try PowerStudy(
      model: model, population: [PowerPath(from: "A", to: "B", population: 0.4)],
      settings: PowerSettings(respondents: [30], replications: 2, resamples: 10, seed: 1)
    ) { n, normals in
      var columns = Array(repeating: [Double](), count: 4)
      for _ in 0..<n {
        let a = normals.next()
        let b = 0.4 * a + (1 - 0.16).squareRoot() * normals.next()
        for (k, eta) in [a, a, b, b].enumerated() {
          columns[k].append(0.8 * eta + 0.6 * normals.next())
        }
      }
      return try DataTable(columnNames: ["a1", "a2", "b1", "b2"], columns: columns)
    }
    let json = try study.result().json(population: "test", data: "continuous")
    let article = try Repository.text("Sources/PLSSEMReport/PLSSEMReport.docc/TheJSONReport.md")
    var keys: [String] = []
    func collect(_ value: JSONValue) {
      switch value {
      case .object(let members):
        for (key, member) in members {
          keys.append(key)
          collect(member)
        }
      case .array(let items): items.forEach(collect)
      default: break
      }
    }
    collect(json)
    #expect(keys.contains("byN") && keys.contains("minimumN") && keys.contains("coverage"))
    for key in Set(keys) {
      #expect(
        article.contains("`\(key)`") || article.contains(" \(key),") || article.contains("{\(key),")
          || article.contains(", \(key)}") || article.contains(" \(key)}"),
        "TheJSONReport.md does not document the power JSON key `\(key)`")
    }
  }
}
