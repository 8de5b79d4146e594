import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// The disjoint two-stage approach to higher-order constructs on ECSI mobi (Satisfaction =
/// Image + Value) against seminr: R seminr's own test fixtures (`Fixtures/higher-order/seminr-R/`,
/// Mode A LOCs and HOC) and seminr-py 0.2.1 in all four combinations of the LOCs' and the
/// HOC's modes (`two_stage_*.json`, `make_fixtures.py`). Tolerance 1e-9: our stop rule
/// replicates seminr's pass for pass (the CSV fixtures print 15 significant digits).
@Suite("Higher-order constructs: two-stage vs seminr")
struct HigherOrderTwoStageTests {
  static let directory = "Tests/PLSSEMTests/Fixtures/higher-order"

  struct Value: Decodable {
    let from: String?
    let to: String?
    let construct: String?
    let indicator: String?
    let estimate: Double
  }

  struct Fixture: Decodable {
    let model: String
    let paths: [Value]
    let rSquared: [String: Double]
    let weights: [Value]
    let loadings: [Value]
    let firstStagePaths: [Value]?

    /// Checks the estimate's structural model against the fixture's: as many paths, each
    /// path's coefficient and each R² within `tracker`'s tolerance.
    func checkStructuralModel(_ estimate: PLSEstimate, _ tracker: inout ToleranceTracker) {
      #expect(estimate.model.paths.count == paths.count)
      for p in paths {
        tracker.check(
          estimate.path(from: p.from ?? "", to: p.to ?? ""), p.estimate,
          "path \(p.from ?? "") -> \(p.to ?? "")")
      }
      for (construct, r2) in rSquared {
        tracker.check(estimate.rSquared(construct), r2, "R² \(construct)")
      }
    }
  }

  /// A seminr matrix written by R's `write.csv`: (row, column) → value, zeros left out.
  static func rMatrix(_ name: String) throws -> [(row: String, column: String, value: Double)] {
    let lines = try Repository.text("\(directory)/seminr-R/\(name)").split(separator: "\n")
    let unquote = { (s: Substring) in s.replacingOccurrences(of: "\"", with: "") }
    guard let header = lines.first?.split(separator: ",").map(unquote) else { return [] }
    var cells: [(String, String, Double)] = []
    for line in lines.dropFirst() {
      let fields = line.split(separator: ",").map(unquote)
      for (k, field) in fields.enumerated().dropFirst() {
        if let value = Double(field), value != 0 { cells.append((fields[0], header[k], value)) }
      }
    }
    return cells
  }

  static let mobiAA = """
    Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    Expectation =~ CUEX1 + CUEX2 + CUEX3
    Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
    Value =~ PERV1 + PERV2
    Satisfaction =~ Image + Value
    Complaints =~ CUSCO
    Loyalty =~ CUSL1 + CUSL2 + CUSL3
    Satisfaction ~ Expectation + Quality
    Complaints + Loyalty ~ Satisfaction
    """

  /// The weight or loading of `indicator` on `construct`: stage 2 for the HOC's and the other
  /// constructs' blocks, stage 1 for the LOCs' blocks.
  static func outer(
    _ estimate: PLSEstimate, construct: String, indicator: String, loading: Bool
  ) -> Double? {
    let stage =
      estimate.constructNames.contains(construct)
      ? estimate : estimate.higherOrder?.firstStage
    guard let stage,
      stage.construct(ofIndicator: stage.indicatorIndex(indicator) ?? -1) == construct
    else { return nil }
    return loading ? stage.loading(indicator) : stage.weight(indicator)
  }

  @Test("R seminr's fixtures (Mode A LOCs, Mode A HOC)")
  func rSeminr() throws {
    let model = try PathModel(syntax: Self.mobiAA)
    let estimate = try PLSEstimator().estimate(model, data: ExampleData.mobi())
    #expect(estimate.higherOrder?.method == .twoStage)
    var d = ToleranceTracker("two-stage vs R seminr", tolerance: 1e-9)
    let paths = try Self.rMatrix("hoc-paths.csv")
    #expect(paths.count == 4)
    for p in paths {
      d.check(estimate.path(from: p.row, to: p.column), p.value, "path \(p.row) -> \(p.column)")
    }
    for (file, loading) in [("hoc-weights.csv", false), ("hoc-loadings.csv", true)] {
      let cells = try Self.rMatrix(file)
      #expect(cells.count == 23)
      for c in cells {
        d.check(
          Self.outer(estimate, construct: c.column, indicator: c.row, loading: loading), c.value,
          "\(file) \(c.column) / \(c.row)")
      }
    }
    d.report()
  }

  @Test("seminr-py, every mode combination", arguments: ["A_A", "A_B", "B_A", "B_B"])
  func seminrPy(_ modes: String) throws {
    let fixture = try JSONDecoder().decode(
      Fixture.self, from: Repository.data("\(Self.directory)/two_stage_\(modes).json"))
    let model = try PathModel(syntax: fixture.model)
    let estimate = try PLSEstimator().estimate(model, data: ExampleData.mobi())
    var d = ToleranceTracker("two-stage \(modes) vs seminr-py", tolerance: 1e-9)
    fixture.checkStructuralModel(estimate, &d)
    for (values, loading) in [(fixture.weights, false), (fixture.loadings, true)] {
      for v in values {
        d.check(
          Self.outer(
            estimate, construct: v.construct ?? "", indicator: v.indicator ?? "",
            loading: loading), v.estimate,
          "\(loading ? "loading" : "weight") \(v.construct ?? "") / \(v.indicator ?? "")")
      }
    }
    let first = try #require(estimate.higherOrder?.firstStage)
    #expect(first.model.paths.count == fixture.firstStagePaths?.count)
    for p in fixture.firstStagePaths ?? [] {
      d.check(
        first.path(from: p.from ?? "", to: p.to ?? ""), p.estimate,
        "stage-1 path \(p.from ?? "") -> \(p.to ?? "")")
    }
    d.report()
  }
}
