import Foundation
import TestSupport
import Testing

@testable import LinearAlgebra

/// Column means, standard deviations (both denominators), standardisation, covariance and
/// correlation against numpy (`mean`, `std(ddof=)`, `cov(ddof=)`, `corrcoef`).
@Suite("Statistics")
struct StatisticsTests {
  @Test func descriptivesMatchNumpy() throws {
    var worst = ToleranceTracker(
      "means, SDs, standardised values, covariance, correlation",
      tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne)
    for c in try FixtureLoader.fixtures().statistics {
      let x = c.data.value
      worst.check(try x.columnMeans(), c.means, "\(c.name) means")
      worst.check(try x.columnStandardDeviations(), c.sdSampleMinusOne, "\(c.name) SD n-1")
      worst.check(
        try x.columnStandardDeviations(denominator: .sample), c.sdSample, "\(c.name) SD n")
      worst.check(try x.standardized(), c.standardizedSampleMinusOne.value, "\(c.name) z n-1")
      worst.check(
        try x.standardized(denominator: .sample), c.standardizedSample.value, "\(c.name) z n")
      worst.check(try x.covariance(), c.covarianceSampleMinusOne.value, "\(c.name) cov n-1")
      worst.check(
        try x.covariance(denominator: .sample), c.covarianceSample.value, "\(c.name) cov n")
      let r = try x.correlation()
      worst.check(r, c.correlation.value, "\(c.name) correlation")
      #expect(r.diagonal.allSatisfy { $0 == 1 }, "\(c.name)")
      #expect(r == r.transposed, "\(c.name)")
    }
    worst.report()
  }

  @Test func defaultDenominatorIsNMinusOne() throws {
    let x = try Matrix(columnArrays: [[1, 2, 3, 4], [2, 4, 4, 10]])
    #expect(
      try x.columnStandardDeviations() == x.columnStandardDeviations(denominator: .sampleMinusOne))
    #expect(try x.covariance() == x.covariance(denominator: .sampleMinusOne))
    #expect(try x.standardized() == x.standardized(denominator: .sampleMinusOne))
    // By hand: var(1,2,3,4) = 5/3 with n − 1 and 5/4 with n.
    expectClose(
      try x.columnStandardDeviations()[0], (5.0 / 3).squareRoot(),
      tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne, "SD n-1")
    expectClose(
      try x.columnStandardDeviations(denominator: .sample)[0], (5.0 / 4).squareRoot(),
      tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne, "SD n")
    #expect(VarianceDenominator(rawValue: "n-1") == .sampleMinusOne)
    #expect(VarianceDenominator(rawValue: "n") == .sample)
  }

  @Test func meansSurviveLargeOffsets() throws {
    // Offsets of 1e9 with a spread of 1: the compensated mean stays exact on this data.
    let x = try Matrix(columnArrays: [[1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 6]])
    #expect(try x.columnMeans() == [1e9 + 3])
    expectClose(
      try x.columnStandardDeviations()[0], (14.0 / 3).squareRoot(),
      tolerance: Tolerance.wellConditioned, measure: .relativeAboveOne, "SD with offset")
  }

  /// Constant columns, including values that are not exactly representable and large
  /// offsets, where a naive mean leaves a rounding-level SD instead of zero.
  @Test(arguments: [0.1, 1.0 / 3, -7.3, 1e10 + 0.1, 123456.789, 0])
  func constantColumnIsRejected(value: Double) throws {
    for n in [2, 3, 7, 250, 344] {
      var columns = [(0..<n).map { Double($0 % 5) }]
      columns.insert(Array(repeating: value, count: n), at: 1)
      columns.append((0..<n).map { Double($0 * $0 % 7) })
      let x = try Matrix(columnArrays: columns)
      #expect(try x.columnStandardDeviations()[1] == 0, "value \(value), n \(n)")
      let standardiseError = expectError(LinearAlgebraError.self) { try x.standardized() }
      #expect(standardiseError?.isSingular == true, "value \(value), n \(n)")
      #expect(
        standardiseError?.description.contains("column 2") == true,
        "\(String(describing: standardiseError))")
      #expect(
        expectError(LinearAlgebraError.self) { try x.standardized(denominator: .sample) }?
          .isSingular == true)
      #expect(
        expectError(LinearAlgebraError.self) { try x.correlation() }?.isSingular == true,
        "value \(value), n \(n)")
    }
  }

  @Test func nonFiniteInputIsRejectedWithItsPosition() throws {
    var x = Matrix(rows: 5, columns: 3, repeating: 1)
    for i in 0..<5 { x[i, 0] = Double(i) }
    for i in 0..<5 { x[i, 2] = Double(i * i) }
    x[3, 1] = .nan
    x[4, 2] = .infinity
    for (operation, body) in [
      ("standardized", { () throws in _ = try x.standardized() }),
      ("covariance", { () throws in _ = try x.covariance() }),
      ("correlation", { () throws in _ = try x.correlation() }),
    ] as [(String, () throws -> Void)] {
      let error = expectError(LinearAlgebraError.self, body)
      #expect(
        error?.nonFinitePosition ?? (-1, -1) == (3, 1), "\(operation): \(String(describing: error))"
      )
    }
  }

  @Test func tooFewRowsIsInsufficientData() throws {
    let none = Matrix(rows: 0, columns: 3)
    let one = try Matrix(rowArrays: [[1, 2, 3]])
    #expect(
      expectError(LinearAlgebraError.self) { try none.columnMeans() }?.isInsufficientData == true)
    #expect(
      expectError(LinearAlgebraError.self) { try one.columnStandardDeviations() }?
        .isInsufficientData == true)
    #expect(
      expectError(LinearAlgebraError.self) {
        try none.columnStandardDeviations(denominator: .sample)
      }?
      .isInsufficientData == true)
    #expect(
      expectError(LinearAlgebraError.self) { try one.covariance() }?.isInsufficientData == true)
    #expect(
      expectError(LinearAlgebraError.self) { try none.covariance(denominator: .sample) }?
        .isInsufficientData == true)
    #expect(
      expectError(LinearAlgebraError.self) { try one.correlation() }?.isInsufficientData == true)
    #expect(
      expectError(LinearAlgebraError.self) { try one.standardized() }?.isInsufficientData == true)
    // One row is enough for the n denominator.
    #expect(try one.columnStandardDeviations(denominator: .sample) == [0, 0, 0])
    #expect(try one.covariance(denominator: .sample) == Matrix(rows: 3, columns: 3))
  }
}
