import Foundation

@testable import LinearAlgebra

/// Reference values computed independently with numpy, scipy and statsmodels by
/// `scripts/fixtures/make_linear_algebra_fixtures.py`, stored in `Fixtures/linear_algebra.json`.
///
/// The file is decoded once per test process and shared by every test.
struct LinearAlgebraFixtures: Decodable, Sendable {
  struct Meta: Decodable, Sendable {
    let generator: String
    let seed: Int
    let numpy: String
    let scipy: String
    let statsmodels: String
  }

  struct MatrixProduct: Decodable, Sendable {
    let name: String
    let a: FixtureMatrix
    let b: FixtureMatrix
    let transposeA: Bool
    let transposeB: Bool
    let expected: FixtureMatrix
  }

  struct MatrixVectorProduct: Decodable, Sendable {
    let name: String
    let a: FixtureMatrix
    let x: [Double]
    let transpose: Bool
    let expected: [Double]
  }

  struct CrossProduct: Decodable, Sendable {
    let name: String
    let a: FixtureMatrix
    let expected: FixtureMatrix
  }

  struct Statistics: Decodable, Sendable {
    let name: String
    let data: FixtureMatrix
    let means: [Double]
    let sdSampleMinusOne: [Double]
    let sdSample: [Double]
    let standardizedSampleMinusOne: FixtureMatrix
    let standardizedSample: FixtureMatrix
    let covarianceSampleMinusOne: FixtureMatrix
    let covarianceSample: FixtureMatrix
    let correlation: FixtureMatrix
  }

  struct Cholesky: Decodable, Sendable {
    let name: String
    let a: FixtureMatrix
    let factor: FixtureMatrix
    let rhs: FixtureMatrix
    let solution: FixtureMatrix
    let inverse: FixtureMatrix
    let logDeterminant: Double
    /// The exact 1-norm reciprocal condition number `1 / (‖A‖₁ ‖A⁻¹‖₁)`.
    let reciprocalCondition1: Double
  }

  struct LU: Decodable, Sendable {
    let name: String
    let a: FixtureMatrix
    let rhs: FixtureMatrix
    let solution: FixtureMatrix
    let inverse: FixtureMatrix
    let reciprocalCondition1: Double
  }

  struct LeastSquares: Decodable, Sendable {
    let name: String
    let a: FixtureMatrix
    let rhs: FixtureMatrix
    let solution: FixtureMatrix
    let crossProduct: FixtureMatrix
    let inverseCrossProduct: FixtureMatrix
  }

  struct SymmetricEigen: Decodable, Sendable {
    let name: String
    let a: FixtureMatrix
    let values: [Double]
    let vectors: FixtureMatrix
  }

  struct OLS: Decodable, Sendable {
    let name: String
    let y: [Double]
    let x: FixtureMatrix
    let intercept: Bool
    let coefficients: [Double]
    let standardErrors: [Double]
    let tStatistics: [Double]
    let pValues: [Double]
    let rSquared: Double
    let adjustedRSquared: Double
    let varianceInflationFactors: [Double]
    let residualSumOfSquares: Double
    let residualDegreesOfFreedom: Int
  }

  let meta: Meta
  let matrixProducts: [MatrixProduct]
  let matrixVectorProducts: [MatrixVectorProduct]
  let crossProducts: [CrossProduct]
  let statistics: [Statistics]
  let cholesky: [Cholesky]
  let lu: [LU]
  let leastSquares: [LeastSquares]
  let symmetricEigen: [SymmetricEigen]
  let ols: [OLS]
}

/// A matrix as the fixture stores it: `{"rows": r, "columns": c, "columnMajor": [...]}`.
struct FixtureMatrix: Decodable, Sendable {
  let value: Matrix

  private enum CodingKeys: String, CodingKey { case rows, columns, columnMajor }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let rows = try container.decode(Int.self, forKey: .rows)
    let columns = try container.decode(Int.self, forKey: .columns)
    let storage = try container.decode([Double].self, forKey: .columnMajor)
    do {
      value = try Matrix(rows: rows, columns: columns, columnMajor: storage)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .columnMajor, in: container, debugDescription: error.description)
    }
  }
}

enum FixtureLoader {
  struct MissingFixture: Error, CustomStringConvertible {
    var description: String { "Fixtures/linear_algebra.json is not in the test bundle" }
  }

  private static let cached: Result<LinearAlgebraFixtures, any Error> = Result {
    guard
      let url = Bundle.module.url(
        forResource: "linear_algebra", withExtension: "json", subdirectory: "Fixtures")
    else { throw MissingFixture() }
    return try JSONDecoder().decode(LinearAlgebraFixtures.self, from: Data(contentsOf: url))
  }

  /// The decoded fixture (read from disk on first use).
  static func fixtures() throws -> LinearAlgebraFixtures { try cached.get() }
}
