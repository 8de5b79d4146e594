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

  /// n = 100 and 200, R = 1,000 replications each, B = 100 resamples (the acceptance
  /// design with fewer resamples than a study would use, to keep the test near a minute; the
  /// numpy reference uses the same R and B).
  ///
  /// Tolerances: the two simulations are independent, so each statistic's difference has Monte
  /// Carlo SD `√(v_swift + v_numpy)`; a proportion p from R replications has variance
  /// `p(1 − p)/R`, a mean of values of SD s has `s²/R`, an SD s has about `s²/(2(R − 1))`. Every
  /// difference must lie within 3 such SDs. The zero path's rejection rate must lie within
  /// α ± 2.6 `√(α(1 − α)/R)` (issue 17): 0.05 ± 0.018 at R = 1,000, at n = 200 (the issue's
  /// design). At n = 100 the size is only compared with numpy's.
  ///
  /// What the numbers say (seed 17, not tuned; numpy seed 20261206): at n = 200 the zero path
  /// is rejected in 6.5 % of our replications and 8.3 % of numpy's, at n = 100 in 6.0 % and
  /// 6.8 %. Both pass the comparison, ours passes α ± 2.6 MC SE, but pooled (148 of 2,000 at
  /// n = 200, 7.4 % ± 0.6 %) the bootstrap t test of a zero path between composites is somewhat
  /// liberal in this design, in numpy as here: the zero path's composite weights are chosen by
  /// its correlation with Y, which pushes the estimate away from 0 (Rönkkö & Evermann 2013,
  /// "A critical examination of common beliefs about partial least squares path modeling",
  /// *Organizational Research Methods* 16(3), 425–448). The 0.3 path's estimate is attenuated
  /// (mean 0.26 at n = 200: composites measure their constructs with error), so its coverage
  /// of 0.3 is below 95 % — the same in numpy.
  @Test("zero path at α within Monte Carlo error; the 0.3 path's power and accuracy as numpy's")
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
          let bound = 2.6 * (alpha * (1 - alpha) / rr).squareRoot()
          #expect(abs(got.power - alpha) <= bound, "size of \(where_): \(got.power)")
          #expect(abs(got.powerSE - (got.power * (1 - got.power) / rr).squareRoot()) < 1e-15)
        }
      }
    }
  }
}
