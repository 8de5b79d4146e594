import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// `Fixtures/groups/group_test_formulas.json`: the parametric and Welch p by scipy from the
/// published formulas, Henseler's p by seminr's `henseler_p` (brute force over all pairs).
@Suite("Group difference tests vs scipy and seminr")
struct GroupDifferenceTestsTests {
  struct Formulas: Decodable {
    struct Case: Decodable {
      let difference: Double
      let se1: Double
      let se2: Double
      let n1: Int
      let n2: Int
      let pParametric: Double
      let pWelch: Double
      let welchDF: Double
    }
    struct Henseler: Decodable {
      let draws1: [Double]
      let draws2: [Double]
      let p: Double
    }
    let tests: [Case]
    let henseler: [Henseler]
  }

  static func formulas() throws -> Formulas {
    guard
      let url = Bundle.module.url(
        forResource: "group_test_formulas", withExtension: "json", subdirectory: "Fixtures/groups")
    else { throw FixtureError("group_test_formulas.json is not in the test bundle") }
    return try JSONDecoder().decode(Formulas.self, from: Data(contentsOf: url))
  }

  @Test("parametric (Keil et al.) and Welch–Satterthwaite p equal scipy's to 1e-12")
  func parametricAndWelch() throws {
    var d = ToleranceTracker("parametric and Welch", tolerance: 1e-12)
    for c in try Self.formulas().tests {
      let se = (c.se1, c.se2)
      let n = (c.n1, c.n2)
      d.check(
        GroupDifferenceTests.parametricP(
          difference: c.difference, standardErrors: se, observations: n),
        c.pParametric, "parametric \(c)")
      let welch = GroupDifferenceTests.welch(
        difference: c.difference, standardErrors: se, observations: n)
      d.check(welch?.p, c.pWelch, "Welch \(c)")
      d.check(welch?.degreesOfFreedom, c.welchDF, "Welch df \(c)")
    }
    d.report()
  }

  @Test("Henseler's one-sided p equals seminr's henseler_p exactly (ties, unequal counts)")
  func henseler() throws {
    for c in try Self.formulas().henseler {
      let p = try #require(GroupDifferenceTests.henselerP(c.draws1, c.draws2))
      #expect(abs(p - c.p) <= 1e-12, "\(p) vs \(c.p) for \(c.draws1.count)×\(c.draws2.count)")
      #expect(GroupDifferenceTests.twoSided(p) == 2 * min(p, 1 - p))
    }
  }

  @Test("no test of a statistic whose standard errors are 0")
  func undefined() {
    #expect(
      GroupDifferenceTests.parametricP(
        difference: 0, standardErrors: (0, 0), observations: (10, 10))
        == nil)
    #expect(
      GroupDifferenceTests.welch(difference: 0, standardErrors: (0, 0), observations: (10, 10))
        == nil)
    #expect(GroupDifferenceTests.henselerP([1], [1, 2]) == nil)
  }
}
