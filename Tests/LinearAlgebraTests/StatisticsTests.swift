import Foundation
import Testing

@testable import LinearAlgebra

/// Column means, standard deviations (both denominators), standardisation, covariance and
/// correlation against numpy (`mean`, `std(ddof=)`, `cov(ddof=)`, `corrcoef`).
@Suite("Statistics")
struct StatisticsTests {
  @Test func descriptivesMatchNumpy() throws {
    var worst = WorstError("means, SDs, standardised values, covariance, correlation")
    for c in try FixtureLoader.fixtures().statistics {
      let x = c.data.value
      worst.note(expectClose(try x.columnMeans(), c.means, "\(c.name) means"), "\(c.name) means")
      worst.note(
        expectClose(try x.columnStandardDeviations(), c.sdSampleMinusOne, "\(c.name) SD n-1"),
        "\(c.name) SD n-1")
      worst.note(
        expectClose(
          try x.columnStandardDeviations(denominator: .sample), c.sdSample, "\(c.name) SD n"),
        "\(c.name) SD n")
      worst.note(
        expectClose(try x.standardized(), c.standardizedSampleMinusOne.value, "\(c.name) z n-1"),
        "\(c.name) z n-1")
      worst.note(
        expectClose(
          try x.standardized(denominator: .sample), c.standardizedSample.value, "\(c.name) z n"),
        "\(c.name) z n")
      worst.note(
        expectClose(try x.covariance(), c.covarianceSampleMinusOne.value, "\(c.name) cov n-1"),
        "\(c.name) cov n-1")
      worst.note(
        expectClose(
          try x.covariance(denominator: .sample), c.covarianceSample.value, "\(c.name) cov n"),
        "\(c.name) cov n")
      let r = try x.correlation()
      worst.note(
        expectClose(r, c.correlation.value, "\(c.name) correlation"), "\(c.name) correlation")
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
    expectClose(try x.columnStandardDeviations()[0], (5.0 / 3).squareRoot(), "SD n-1")
    expectClose(
      try x.columnStandardDeviations(denominator: .sample)[0], (5.0 / 4).squareRoot(), "SD n")
    #expect(VarianceDenominator(rawValue: "n-1") == .sampleMinusOne)
    #expect(VarianceDenominator(rawValue: "n") == .sample)
  }

  @Test func meansSurviveLargeOffsets() throws {
    // Offsets of 1e9 with a spread of 1: the compensated mean stays exact on this data.
    let x = try Matrix(columnArrays: [[1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 6]])
    #expect(try x.columnMeans() == [1e9 + 3])
    expectClose(try x.columnStandardDeviations()[0], (14.0 / 3).squareRoot(), "SD with offset")
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
      let standardiseError = linearAlgebraError { try x.standardized() }
      #expect(standardiseError?.isSingular == true, "value \(value), n \(n)")
      #expect(
        standardiseError?.description.contains("column 2") == true,
        "\(String(describing: standardiseError))")
      #expect(linearAlgebraError { try x.standardized(denominator: .sample) }?.isSingular == true)
      #expect(
        linearAlgebraError { try x.correlation() }?.isSingular == true, "value \(value), n \(n)")
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
      let error = linearAlgebraError(body)
      #expect(
        error?.nonFinitePosition ?? (-1, -1) == (3, 1), "\(operation): \(String(describing: error))"
      )
    }
  }

  @Test func tooFewRowsIsInsufficientData() throws {
    let none = Matrix(rows: 0, columns: 3)
    let one = try Matrix(rowArrays: [[1, 2, 3]])
    #expect(linearAlgebraError { try none.columnMeans() }?.isInsufficientData == true)
    #expect(linearAlgebraError { try one.columnStandardDeviations() }?.isInsufficientData == true)
    #expect(
      linearAlgebraError { try none.columnStandardDeviations(denominator: .sample) }?
        .isInsufficientData == true)
    #expect(linearAlgebraError { try one.covariance() }?.isInsufficientData == true)
    #expect(
      linearAlgebraError { try none.covariance(denominator: .sample) }?.isInsufficientData == true)
    #expect(linearAlgebraError { try one.correlation() }?.isInsufficientData == true)
    #expect(linearAlgebraError { try one.standardized() }?.isInsufficientData == true)
    // One row is enough for the n denominator.
    #expect(try one.columnStandardDeviations(denominator: .sample) == [0, 0, 0])
    #expect(try one.covariance(denominator: .sample) == Matrix(rows: 3, columns: 3))
  }
}
