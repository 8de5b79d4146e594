import Foundation
import Testing

@testable import LinearAlgebra

/// OLS against statsmodels (`sm.OLS(...).fit()`: params, bse, tvalues, rsquared, rsquared_adj,
/// ssr, df_resid) and VIF against statsmodels' `variance_inflation_factor`.
///
/// p-values come from `StudentT`, which is tested on its own against scipy/mpmath; here they are
/// held to a relative 1e-9 (they pass through the t statistic, itself good to ~1e-14).
@Suite("OLS regression")
struct RegressionTests {
  @Test func olsMatchesStatsmodels() throws {
    var worst = WorstError("OLS: coefficients, SE, t, R², adjusted R², RSS, VIF")
    for c in try FixtureLoader.fixtures().ols {
      let fit = try OLSRegression(response: c.y, regressors: c.x.value, intercept: c.intercept)
      worst.note(
        expectClose(fit.coefficients, c.coefficients, "\(c.name) coefficients"),
        "\(c.name) coefficients")
      worst.note(expectClose(fit.standardErrors, c.standardErrors, "\(c.name) SE"), "\(c.name) SE")
      worst.note(expectClose(fit.tStatistics, c.tStatistics, "\(c.name) t"), "\(c.name) t")
      worst.note(expectClose(fit.rSquared, c.rSquared, "\(c.name) R²"), "\(c.name) R²")
      worst.note(
        expectClose(fit.adjustedRSquared, c.adjustedRSquared, "\(c.name) adj R²"),
        "\(c.name) adj R²")
      worst.note(
        expectClose(fit.residualSumOfSquares, c.residualSumOfSquares, "\(c.name) RSS"),
        "\(c.name) RSS")
      worst.note(
        expectClose(fit.varianceInflationFactors, c.varianceInflationFactors, "\(c.name) VIF"),
        "\(c.name) VIF")
      #expect(fit.residualDegreesOfFreedom == c.residualDegreesOfFreedom, "\(c.name)")
      #expect(fit.hasIntercept == c.intercept, "\(c.name)")
      #expect(fit.pValues.count == c.coefficients.count, "\(c.name)")
    }
    worst.report()
  }

  /// p-values from ``StudentT`` against statsmodels (scipy's t survival function), relative.
  @Test
  func pValuesMatchStatsmodels() throws {
    for c in try FixtureLoader.fixtures().ols {
      let fit = try OLSRegression(response: c.y, regressors: c.x.value, intercept: c.intercept)
      for (k, (p, expected)) in zip(fit.pValues, c.pValues).enumerated() {
        #expect(
          abs(p - expected) <= Tolerance.pValue * max(abs(expected), 1e-300),
          "\(c.name) p[\(k)] = \(p), statsmodels \(expected)")
      }
    }
  }

  @Test func interceptOnlyModelIsTheMean() throws {
    let y = [3.0, 5, 4, 8, 10]
    let fit = try OLSRegression(response: y, regressors: Matrix(rows: 5, columns: 0))
    expectClose(fit.coefficients, [6], "mean")
    // SE of the mean: s/√n with s² = 34/4 (squared deviations 9, 1, 4, 4, 16).
    expectClose(fit.standardErrors, [(34.0 / 4 / 5).squareRoot()], "SE of the mean")
    #expect(fit.varianceInflationFactors.isEmpty)
    expectClose(fit.rSquared, 0, "R²")
    #expect(fit.residualDegreesOfFreedom == 4)
  }

  @Test func simpleRegressionByHand() throws {
    let x = try Matrix(columnArrays: [[0, 1, 2, 3]])
    let fit = try OLSRegression(response: [1, 3, 5, 8], regressors: x)
    // x̄ = 1.5, ȳ = 4.25, Sxy = 11.5, Sxx = 5: slope 2.3, intercept 4.25 − 1.5 · 2.3 = 0.8.
    expectClose(fit.coefficients, [0.8, 2.3], "coefficients")
    #expect(fit.varianceInflationFactors == [1])
  }

  @Test func rejectsBadInput() throws {
    let x = try Matrix(columnArrays: [[1, 2, 3, 4, 5, 6], [0.5, -1, 2, 0.25, 1, 3]])
    let y = [1.0, 2, 2.5, 4, 4.5, 7]
    // Length mismatch.
    #expect(
      linearAlgebraError { try OLSRegression(response: Array(y.dropLast()), regressors: x) }?
        .isShapeMismatch == true)
    // No residual degrees of freedom: n = 3 = 2 regressors + intercept.
    let three = try x.selectingRows([0, 1, 2])
    #expect(
      linearAlgebraError { try OLSRegression(response: [1, 2, 3], regressors: three) }?
        .isInsufficientData == true)
    #expect(throws: Never.self) {
      try OLSRegression(response: [1, 2, 3], regressors: three, intercept: false)
    }
    // Collinear regressors: a duplicated column, and a constant column next to the intercept.
    let duplicated = try x.selectingColumns([0, 1, 0])
    let error = linearAlgebraError { try OLSRegression(response: y, regressors: duplicated) }
    #expect(error?.isSingularOrIllConditioned == true, "\(String(describing: error))")
    var constant = x
    try constant.setColumn(1, Array(repeating: 2.5, count: 6))
    #expect(
      linearAlgebraError { try OLSRegression(response: y, regressors: constant) }?
        .isSingularOrIllConditioned == true)
    // Non-finite response: the row, column 0.
    var badY = y
    badY[4] = .nan
    #expect(
      linearAlgebraError { try OLSRegression(response: badY, regressors: x) }?.nonFinitePosition
        ?? (-1, -1) == (4, 0))
    // Non-finite regressor: its row and its column in `regressors` (not in the design matrix,
    // which has the intercept in front), with or without an intercept.
    var badX = x
    badX[2, 1] = .infinity
    for intercept in [true, false] {
      let e = linearAlgebraError {
        try OLSRegression(response: y, regressors: badX, intercept: intercept)
      }
      #expect(
        e?.nonFinitePosition ?? (-1, -1) == (2, 1),
        "intercept \(intercept): \(String(describing: e))")
    }
  }
}
