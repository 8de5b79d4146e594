import Foundation
import TestSupport
import Testing

@testable import LinearAlgebra

/// Reference values written by scripts/fixtures/make_distribution_fixtures.py: SciPy's
/// ndtr/ndtri/stdtr/stdtrit, cross-checked against mpmath at 40 digits (mpmath's value is stored
/// where SciPy is off by more than 1e-13; those points are listed in `overrides`).
private struct DistributionFixture: Decodable {
  struct Override: Decodable {
    var function: String
    var x: Double?
    var t: Double?
    var p: Double?
    var df: Double?
    var scipy: Double
    var mpmath: Double
    var scipyError: Double

    enum CodingKeys: String, CodingKey {
      case function, x, t, p, df, scipy, mpmath
      case scipyError = "scipy_error"
    }
  }

  var tolerance: Double
  var normalCDF: [[Double]]
  var normalQuantile: [[Double]]
  var tCDF: [[Double]]
  var tQuantile: [[Double]]
  var overrides: [Override]

  enum CodingKeys: String, CodingKey {
    case tolerance, overrides
    case normalCDF = "normal_cdf"
    case normalQuantile = "normal_quantile"
    case tCDF = "t_cdf"
    case tQuantile = "t_quantile"
  }

  static func load() throws -> DistributionFixture {
    let url = try #require(
      Bundle.module.url(
        forResource: "distributions", withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode(DistributionFixture.self, from: Data(contentsOf: url))
  }
}

/// Acceptance tolerance: 1e-12 relative error against the reference, for every function. For
/// the distribution functions the comparison is made on the smaller tail (cdf where it is ≤ ½,
/// survival where cdf > ½), where relative error is demanding; the larger side is checked too.
/// Errors are purely relative (`ErrorMeasure.relative`; absolute where the reference is 0).
private let tolerance = 1e-12

@Suite("Distributions")
struct DistributionTests {

  // MARK: Agreement with SciPy/mpmath

  @Test("Normal cdf and survival match the reference to 1e-12 relative")
  func normalCDFMatchesReference() throws {
    let fixture = try DistributionFixture.load()
    #expect(fixture.tolerance == tolerance)
    #expect(fixture.normalCDF.count > 100)
    var smallerTail = ToleranceTracker(
      "StandardNormal cdf/survival, smaller tail", tolerance: tolerance, measure: .relative)
    var largerSide = ToleranceTracker(
      "StandardNormal cdf/survival, larger side", tolerance: tolerance, measure: .relative)
    for row in fixture.normalCDF {
      let (x, cdf, survival) = (row[0], row[1], row[2])
      let ourCDF = StandardNormal.cdf(x)
      let ourSurvival = StandardNormal.survival(x)
      let (tail, tailReference, side, sideReference) =
        x <= 0 ? (ourCDF, cdf, ourSurvival, survival) : (ourSurvival, survival, ourCDF, cdf)
      smallerTail.check(tail, tailReference, "x = \(x)")
      largerSide.check(side, sideReference, "x = \(x)")
    }
    smallerTail.report()
    largerSide.report()
  }

  @Test("Normal quantile matches the reference to 1e-12 relative")
  func normalQuantileMatchesReference() throws {
    let fixture = try DistributionFixture.load()
    #expect(fixture.normalQuantile.count > 50)
    var worst = ToleranceTracker(
      "StandardNormal quantile", tolerance: tolerance, measure: .relative)
    for row in fixture.normalQuantile {
      let (p, reference) = (row[0], row[1])
      worst.check(try StandardNormal.quantile(p), reference, "p = \(p)")
    }
    worst.report()
  }

  @Test("Student t cdf and survival match the reference to 1e-12 relative")
  func studentTCDFMatchesReference() throws {
    let fixture = try DistributionFixture.load()
    #expect(fixture.tCDF.count > 500)
    var smallerTail = ToleranceTracker(
      "StudentT cdf/survival, smaller tail", tolerance: tolerance, measure: .relative)
    var largerSide = ToleranceTracker(
      "StudentT cdf/survival, larger side", tolerance: tolerance, measure: .relative)
    for row in fixture.tCDF {
      let (t, nu, cdf, survival) = (row[0], row[1], row[2], row[3])
      let ourCDF = StudentT.cdf(t, degreesOfFreedom: nu)
      let ourSurvival = StudentT.survival(t, degreesOfFreedom: nu)
      let (tail, tailReference, side, sideReference) =
        t <= 0 ? (ourCDF, cdf, ourSurvival, survival) : (ourSurvival, survival, ourCDF, cdf)
      smallerTail.check(tail, tailReference, "t = \(t), ν = \(nu)")
      largerSide.check(side, sideReference, "t = \(t), ν = \(nu)")
    }
    smallerTail.report()
    largerSide.report()
  }

  @Test("Student t quantile matches the reference to 1e-12 relative")
  func studentTQuantileMatchesReference() throws {
    let fixture = try DistributionFixture.load()
    #expect(fixture.tQuantile.count > 500)
    var worst = ToleranceTracker("StudentT quantile", tolerance: tolerance, measure: .relative)
    for row in fixture.tQuantile {
      let (p, nu, reference) = (row[0], row[1], row[2])
      worst.check(
        try StudentT.quantile(p, degreesOfFreedom: nu), reference, "p = \(p), ν = \(nu)")
    }
    worst.report()
  }

  /// Where the fixture stores mpmath's value because SciPy is off by more than 1e-13, SciPy's
  /// own value must still be matched whenever SciPy is within the acceptance tolerance.
  @Test("Overridden points also match SciPy wherever SciPy is within 1e-12 of mpmath")
  func overriddenPointsMatchSciPyWhereSciPyIsAccurate() throws {
    let fixture = try DistributionFixture.load()
    for point in fixture.overrides where point.scipyError <= tolerance / 2 {
      let value: Double
      switch point.function {
      case "normal_cdf":
        let x = try #require(point.x)
        value = x <= 0 ? StandardNormal.cdf(x) : StandardNormal.survival(x)
      case "normal_quantile":
        value = try StandardNormal.quantile(try #require(point.p))
      case "t_cdf":
        let t = try #require(point.t)
        let nu = try #require(point.df)
        value =
          t <= 0
          ? StudentT.cdf(t, degreesOfFreedom: nu) : StudentT.survival(t, degreesOfFreedom: nu)
      case "t_quantile":
        value = try StudentT.quantile(
          try #require(point.p), degreesOfFreedom: try #require(point.df))
      default:
        Issue.record("unknown function \(point.function)")
        continue
      }
      expectClose(
        value, point.scipy, tolerance: tolerance, measure: .relative,
        "\(point.function) vs SciPy")
    }
  }

  // MARK: Arguments and non-finite input

  @Test(
    "Normal quantile rejects probabilities outside (0, 1) and NaN",
    arguments: [0.0, 1.0, -0.25, 1.5, -Double.leastNonzeroMagnitude, .nan, .infinity, -.infinity])
  func normalQuantileRejectsInvalidProbability(_ p: Double) {
    do {
      let value = try StandardNormal.quantile(p)
      Issue.record("quantile(\(p)) returned \(value) instead of throwing")
    } catch {
      guard case .invalidArgument = error else {
        Issue.record("unexpected error \(error)")
        return
      }
    }
  }

  @Test(
    "Student t quantile rejects bad p and non-positive or NaN degrees of freedom",
    arguments: [
      (0.0, 5.0), (1.0, 5.0), (-0.1, 5.0), (2.0, 5.0), (Double.nan, 5.0), (Double.infinity, 5.0),
      (0.3, 0.0), (0.3, -1.0), (0.3, Double.nan), (0.3, -Double.infinity), (Double.nan, Double.nan),
    ])
  func studentTQuantileRejectsInvalidArguments(_ p: Double, _ nu: Double) {
    do {
      let value = try StudentT.quantile(p, degreesOfFreedom: nu)
      Issue.record("quantile(\(p), ν = \(nu)) returned \(value) instead of throwing")
    } catch {
      guard case .invalidArgument = error else {
        Issue.record("unexpected error \(error)")
        return
      }
    }
  }

  @Test("Non-finite input gives NaN, 0 or 1 and never traps")
  func nonFiniteInputs() {
    #expect(StandardNormal.cdf(.nan).isNaN)
    #expect(StandardNormal.survival(.nan).isNaN)
    #expect(StandardNormal.density(.nan).isNaN)
    #expect(StandardNormal.cdf(-.infinity) == 0)
    #expect(StandardNormal.cdf(.infinity) == 1)
    #expect(StandardNormal.survival(-.infinity) == 1)
    #expect(StandardNormal.survival(.infinity) == 0)
    #expect(StandardNormal.density(.infinity) == 0)

    for nu in [0.5, 1, 2, 7.5, 40, 1e6, Double.infinity] {
      #expect(StudentT.cdf(.nan, degreesOfFreedom: nu).isNaN)
      #expect(StudentT.survival(.nan, degreesOfFreedom: nu).isNaN)
      #expect(StudentT.density(.nan, degreesOfFreedom: nu).isNaN)
      #expect(StudentT.cdf(-.infinity, degreesOfFreedom: nu) == 0)
      #expect(StudentT.cdf(.infinity, degreesOfFreedom: nu) == 1)
      #expect(StudentT.survival(-.infinity, degreesOfFreedom: nu) == 1)
      #expect(StudentT.survival(.infinity, degreesOfFreedom: nu) == 0)
      #expect(StudentT.density(.infinity, degreesOfFreedom: nu) == 0)
      #expect(StudentT.cdf(0, degreesOfFreedom: nu) == 0.5)
    }
    for nu in [0, -1, -Double.infinity, Double.nan] {
      #expect(StudentT.cdf(1, degreesOfFreedom: nu).isNaN)
      #expect(StudentT.survival(1, degreesOfFreedom: nu).isNaN)
      #expect(StudentT.density(1, degreesOfFreedom: nu).isNaN)
    }
  }

  @Test("Extreme but valid arguments give finite or correctly infinite results")
  func extremeArguments() throws {
    // Quantiles beyond the largest double (heavy tail, tiny p) saturate to ±∞.
    #expect(try StudentT.quantile(1e-300, degreesOfFreedom: 0.5) == -.infinity)
    #expect(try StudentT.quantile(1 - 0x1p-53, degreesOfFreedom: 0.5).isFinite)
    // The smallest and largest probabilities and huge or tiny ν stay finite.
    for nu in [1e-3, 0.5, 1, 3, 30, 1e4, 1e12, 1e29, 1e31, .greatestFiniteMagnitude, .infinity] {
      for p in [Double.leastNormalMagnitude, 1e-200, 0.3, 0.5, 0.7, 1 - 0x1p-53] {
        let t = try StudentT.quantile(p, degreesOfFreedom: nu)
        #expect(!t.isNaN, "p = \(p), ν = \(nu)")
        if nu >= 1 { #expect(t.isFinite, "p = \(p), ν = \(nu)") }
      }
      for t in [-1e300, -1e10, -1e-300, 1e-300, 1e10, 1e300, .greatestFiniteMagnitude] {
        let cdf = StudentT.cdf(t, degreesOfFreedom: nu)
        #expect(cdf >= 0 && cdf <= 1, "t = \(t), ν = \(nu)")
      }
    }
    #expect(try StandardNormal.quantile(.leastNonzeroMagnitude) < -38)
    #expect(try StandardNormal.quantile(1 - 0x1p-53) > 8)
  }

  // MARK: Identities

  @Test("Symmetry, the normal limit and round trips")
  func identities() throws {
    for nu in [1.0, 2.5, 10, 45, 1e5] {
      for t in [0.01, 0.7, 1.9, 3.3, 9, 60] {
        #expect(
          StudentT.cdf(-t, degreesOfFreedom: nu) == StudentT.survival(t, degreesOfFreedom: nu))
        for p in [1e-12, 0.01, 0.2, 0.45] {
          let q = try StudentT.quantile(p, degreesOfFreedom: nu)
          expectClose(
            StudentT.cdf(q, degreesOfFreedom: nu), p, tolerance: tolerance, measure: .relative,
            "cdf(quantile(\(p))), ν = \(nu)")
        }
        // For these p, 1 − p is exact, so the two quantiles must mirror exactly.
        for p in [0x1p-40, 0.0078125, 0.25, 0.375, 0.46875] {
          let q = try StudentT.quantile(p, degreesOfFreedom: nu)
          #expect(try StudentT.quantile(1 - p, degreesOfFreedom: nu) == -q)
        }
      }
    }
    for x in [-30.0, -5, -0.3, 0, 0.3, 5, 30] {
      #expect(StudentT.cdf(x, degreesOfFreedom: .infinity) == StandardNormal.cdf(x))
      #expect(StandardNormal.cdf(-x) == StandardNormal.survival(x))
    }
    // Student t at ν = 1e12 is within O(z⁴/ν) of the normal.
    #expect(
      ErrorMeasure.relative.error(StudentT.cdf(-3, degreesOfFreedom: 1e12), StandardNormal.cdf(-3))
        < 1e-10)
    #expect(
      ErrorMeasure.relative.error(
        try StudentT.quantile(0.025, degreesOfFreedom: 1e12), -1.959963984540054)
        < 1e-10)
  }
}
