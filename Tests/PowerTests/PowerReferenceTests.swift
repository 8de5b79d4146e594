import Foundation
import PLSSEM
import TestSupport
import Testing

/// The power study against an independent numpy simulation of the same design
/// (`Fixtures/make_power_fixture.py`: its own generator, PLS written from the definitions and
/// checked against seminr-py, its own bootstrap), and the size of the bootstrap test.
@Suite("Power study: size and power against numpy")
struct PowerReferenceTests {
  struct Reference: Decodable {
    struct Design: Decodable {
      let replications: Int
      let resamples: Int
      let alpha: Double
    }
    struct Size: Decodable {
      struct Path: Decodable {
        let from: String
        let to: String
        let power: Double
        let meanEstimate: Double
        let empiricalSE: Double
        let meanBootstrapSE: Double
        let sdBootstrapSE: Double
        let coverage: Double
      }
      let n: Int
      let paths: [Path]
    }
    let design: Design
    let byN: [Size]
  }

  /// `Fixtures/size-study.json`: numpy's rejection rates of the zero path at n = 200 by test.
  struct SizeStudy: Decodable {
    struct Design: Decodable { let replications: Int }
    struct Rate: Decodable { let rate: Double }
    let design: Design
    let tests: [String: Rate]
  }

  /// n = 100 and 200, R = 1,000 replications each, B = 100 resamples (the acceptance
  /// design with fewer resamples than a study would use, to keep the test near a minute; the
  /// numpy reference uses the same R and B).
  ///
  /// Tolerances: the two simulations are independent, so each statistic's difference has Monte
  /// Carlo SD `√(v_swift + v_numpy)`; a proportion p from R replications has variance
  /// `p(1 − p)/R`, a mean of values of SD s has `s²/R`, an SD s has about `s²/(2(R − 1))`. Every
  /// difference must lie within 3 such SDs.
  ///
  /// The size of the test (the zero path's rejection rate) is a property of the design, not a
  /// number to hit: the bootstrap t test is mildly liberal here. numpy's size study
  /// (`Fixtures/size_study.py`, 2,000 replications at n = 200, all tests on the same draws)
  /// rejects the zero path in 6.45 % with B = 100 (6.25 % with B = 1,000; the t test with
  /// unit-weighted sum scores instead of PLS weights 6.1 %), each ± 0.55 %: so the zero path's
  /// rate here is compared with numpy's t test at B = 100 within 3 Monte Carlo SDs of the
  /// difference, like every other statistic — not with α, which the test does not reach at
  /// this design on average (α ± 2.6 MC SE = 0.05 ± 0.018 at R = 1,000 passes or fails by the
  /// seed; it is checked too, as issue 17's acceptance asks, and holds at seed 17). The README
  /// (Power: the size of the test) has the whole study. The 0.3 path's estimate is attenuated (mean 0.26 at n = 200: composites measure their constructs with
  /// error), so its coverage of 0.3 is below 95 % — the same in numpy.
  @Test(
    "zero path's size as numpy's (and within α ± 2.6 MC SE); the 0.3 path's power and accuracy as numpy's"
  )
  func againstNumpy() throws {
    let reference = try JSONDecoder().decode(
      Reference.self,
      from: Data(
        contentsOf: try #require(
          Bundle.module.url(forResource: "Fixtures/power-reference", withExtension: "json"))))
    let r = reference.design.replications
    let settings = PowerSettings(
      respondents: reference.byN.map(\.n), replications: r, resamples: reference.design.resamples,
      alpha: reference.design.alpha, seed: 17)
    let result = try TwoPathDesign.study(settings: settings).result()
    let alpha = reference.design.alpha
    let rr = Double(r)
    for size in reference.byN {
      for expected in size.paths {
        let path = try #require(
          result.paths.first { $0.from == expected.from && $0.to == expected.to })
        let got = try #require(path.byN.first { $0.n == size.n })
        #expect(got.failed == 0)
        let where_ = "\(expected.from) -> \(expected.to) at n = \(size.n)"
        func proportion(_ a: Double, _ b: Double) -> Double {
          (a * (1 - a) / rr + b * (1 - b) / rr).squareRoot()
        }
        let checks: [(String, Double, Double, Double)] = [
          ("power", got.power, expected.power, proportion(got.power, expected.power)),
          (
            "coverage", got.coverage, expected.coverage, proportion(got.coverage, expected.coverage)
          ),
          (
            "mean estimate", got.meanEstimate, expected.meanEstimate,
            ((got.empiricalSE * got.empiricalSE + expected.empiricalSE * expected.empiricalSE) / rr)
              .squareRoot()
          ),
          (
            "empirical SE", got.empiricalSE, expected.empiricalSE,
            ((got.empiricalSE * got.empiricalSE + expected.empiricalSE * expected.empiricalSE)
              / (2 * (rr - 1))).squareRoot()
          ),
          (
            "mean bootstrap SE", got.meanBootstrapSE, expected.meanBootstrapSE,
            (2 * expected.sdBootstrapSE * expected.sdBootstrapSE / rr).squareRoot()
          ),
        ]
        for (name, a, b, sd) in checks {
          print(
            "power reference \(where_) \(name): swift \(a), numpy \(b), |diff| / MC SD = \(abs(a - b) / sd)"
          )
          #expect(abs(a - b) <= 3 * sd, "\(name) of \(where_): swift \(a), numpy \(b), MC SD \(sd)")
        }
        if expected.from == "Z", size.n == 200 {
          // The size against numpy's larger size study (same test, same B).
          let sizeStudy = try JSONDecoder().decode(
            SizeStudy.self,
            from: Data(
              contentsOf: try #require(
                Bundle.module.url(forResource: "Fixtures/size-study", withExtension: "json"))))
          let numpy = try #require(sizeStudy.tests["t100"]).rate
          let rn = Double(sizeStudy.design.replications)
          let sd = (got.power * (1 - got.power) / rr + numpy * (1 - numpy) / rn).squareRoot()
          print("power reference size at n = 200: swift \(got.power), numpy \(numpy), MC SD \(sd)")
          #expect(abs(got.power - numpy) <= 3 * sd, "size of \(where_): \(got.power) vs \(numpy)")
          #expect(abs(got.powerSE - (got.power * (1 - got.power) / rr).squareRoot()) < 1e-15)
          // And issue 17's acceptance check, α ± 2.6 MC SE: met at this seed (0.065 against
          // 0.032…0.068), a check of this run rather than of the test's size (see above).
          let bound = 2.6 * (alpha * (1 - alpha) / rr).squareRoot()
          #expect(abs(got.power - alpha) <= bound, "size of \(where_): \(got.power)")
        }
      }
    }
  }
}
