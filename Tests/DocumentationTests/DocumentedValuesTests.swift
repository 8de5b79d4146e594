import PLSSEM
import TestSupport
import Testing

/// The values the documentation's examples promise in their comments, computed on the bundled
/// corporate reputation data (the examples themselves are compiled, not run: they read files by
/// relative paths).
@Suite("Values promised by the documentation")
struct DocumentedValuesTests {
  /// README and PLSSEM landing page: the three-construct model; LIKE → CUSA = 0.4238….
  @Test func readmeModel() throws {
    let model = try PathModel {
      Reflective("COMP", "comp_1", "comp_2", "comp_3")
      Reflective("LIKE", "like_1", "like_2", "like_3")
      Reflective("CUSA", "cusa")
      Regression("CUSA", on: "COMP", "LIKE")
    }
    let estimate = try PLSEstimator().estimate(model, data: ExampleData.corpRep())
    let path = try #require(estimate.path(from: "LIKE", to: "CUSA"))
    #expect("\(path)".hasPrefix("0.4238"), "LIKE → CUSA = \(path)")
  }

  /// Getting started: the simple model converges after 4 iterations, LIKE → CUSA = 0.4238…,
  /// R²(CUSL) = 0.5620….
  @Test func gettingStartedModel() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    #expect(estimate.converged && estimate.iterations == 4)
    let path = try #require(estimate.path(from: "LIKE", to: "CUSA"))
    #expect("\(path)".hasPrefix("0.4238"), "LIKE → CUSA = \(path)")
    let r2 = try #require(estimate.rSquared("CUSL"))
    #expect("\(r2)".hasPrefix("0.5620"), "R²(CUSL) = \(r2)")
  }
}
