import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// MICOM on corp rep extended by `servicetype` against numpy from the definitions (on seminr's
/// weights; `Fixtures/groups/corprep_extended_servicetype_micom_numpy.json`), and the cSEM 0.6.1
/// trap: rows interleaved by group give the same statistics as rows sorted by group.
@Suite("MICOM")
struct MICOMTests {
  struct Fixture: Decodable {
    struct Row: Decodable {
      let construct: String
      let c: Double
      let meanDifference: Double
      let logVarianceRatio: Double
    }
    let constructs: [Row]
  }

  static func inputs() throws -> (DataTable, PathModel) {
    (
      try ExampleData.table(ExampleData.corpRepData, missingCodes: [-99]),
      try ExampleData.model(ExampleData.corpRepExtendedModel)
    )
  }

  @Test("c (pooled z-scores), mean differences and log variance ratios equal numpy's (1e-10)")
  func matchesNumpy() throws {
    guard
      let url = Bundle.module.url(
        forResource: "corprep_extended_servicetype_micom_numpy", withExtension: "json",
        subdirectory: "Fixtures/groups")
    else { throw FixtureError("the MICOM fixture is not in the test bundle") }
    let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    let (data, model) = try Self.inputs()
    let split = try GroupSplit(data: data, column: "servicetype", model: model)
    let micom = try MICOM(model, groups: split, permutations: 50, seed: 3)
    var d = ToleranceTracker("MICOM vs numpy", tolerance: 1e-10)
    for row in fixture.constructs {
      let composition = micom.step2.first { $0.construct == row.construct }
      let moments = micom.step3.first { $0.construct == row.construct }
      d.check(composition?.c, row.c, "c \(row.construct)")
      d.check(moments?.meanDifference, row.meanDifference, "mean difference \(row.construct)")
      d.check(
        moments?.logVarianceRatio, row.logVarianceRatio, "log variance ratio \(row.construct)")
    }
    d.report()
    #expect(micom.step1.allSatisfy { $0.holds })
    #expect(micom.step2.count == 8 && micom.step3.count == 8 && micom.verdict.count == 8)
    for s in micom.step2 {
      #expect(s.p >= 0 && s.p <= 1 && s.quantile05 <= 1)
    }
    for s in micom.step3 {
      #expect(s.meanLower <= s.meanUpper && s.varianceLower <= s.varianceUpper)
    }
    // A single-item construct's composite is the same in every group: c = 1.
    #expect(abs((micom.step2.first { $0.construct == "CUSA" }?.c ?? 0) - 1) < 1e-12)
  }

  @Test("rows sorted by group give the statistics of interleaved rows (cSEM 0.6.1's trap)")
  func interleavedEqualsSorted() throws {
    let (data, model) = try Self.inputs()
    let groupColumn = try #require(data.column(named: "servicetype"))
    let sortedRows = groupColumn.indices.sorted { (groupColumn[$0], $0) < (groupColumn[$1], $1) }
    let sorted = try data.selectingRows(sortedRows)
    #expect(sortedRows != Array(groupColumn.indices), "corp rep's groups are interleaved")
    let a = try MICOM(
      model, groups: try GroupSplit(data: data, column: "servicetype", model: model),
      permutations: 20, seed: 1)
    let b = try MICOM(
      model, groups: try GroupSplit(data: sorted, column: "servicetype", model: model),
      permutations: 20, seed: 1)
    for (x, y) in zip(a.step2, b.step2) {
      #expect(abs(x.c - y.c) < 1e-12, "c \(x.construct)")
    }
    for (x, y) in zip(a.step3, b.step3) {
      #expect(abs(x.meanDifference - y.meanDifference) < 1e-12, "mean \(x.construct)")
      #expect(abs(x.logVarianceRatio - y.logVarianceRatio) < 1e-12, "variance \(x.construct)")
    }
  }

  @Test("bit-identical on 1 and 2 threads")
  func threads() throws {
    let (data, model) = try Self.inputs()
    let split = try GroupSplit(data: data, column: "servicetype", model: model)
    let one = try MICOM(model, groups: split, permutations: 40, seed: 9, threads: 1)
    let two = try MICOM(model, groups: split, permutations: 40, seed: 9, threads: 2)
    #expect(one.step2 == two.step2 && one.step3 == two.step3 && one.verdict == two.verdict)
  }
}
