/// Errors thrown by LinearAlgebra. Every case carries enough context to say what failed
/// and where; `description` is a sentence fit for an end user.
public enum LinearAlgebraError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Two operands do not have compatible shapes.
  case shapeMismatch(operation: String, left: Shape, right: Shape)
  /// A matrix or vector contains NaN or an infinity.
  case nonFinite(operation: String, row: Int, column: Int)
  /// A matrix is singular (or not positive definite where that is required).
  case singular(operation: String, detail: String)
  /// A matrix is too ill-conditioned for a trustworthy result.
  case illConditioned(operation: String, reciprocalCondition: Double, threshold: Double)
  /// An argument is outside its domain (a probability outside (0, 1), a row index out of range…).
  case invalidArgument(operation: String, detail: String)
  /// Too few observations for the requested computation.
  case insufficientData(operation: String, required: Int, available: Int)
  /// LAPACK reported an argument error; this indicates a bug in LinearAlgebra, not bad data.
  case lapackFailure(routine: String, info: Int)

  /// The shape of a matrix, rows × columns.
  public struct Shape: Equatable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int
    public init(rows: Int, columns: Int) {
      self.rows = rows
      self.columns = columns
    }
    public var description: String { "\(rows)×\(columns)" }
  }

  public var description: String {
    switch self {
    case .shapeMismatch(let operation, let left, let right):
      return "\(operation): shapes \(left) and \(right) do not match"
    case .nonFinite(let operation, let row, let column):
      return
        "\(operation): non-finite value (NaN or infinity) at row \(row + 1), column \(column + 1)"
    case .singular(let operation, let detail):
      return "\(operation): matrix is singular (\(detail))"
    case .illConditioned(let operation, let rcond, let threshold):
      return
        "\(operation): matrix is ill-conditioned (reciprocal condition number \(rcond) below \(threshold))"
    case .invalidArgument(let operation, let detail):
      return "\(operation): \(detail)"
    case .insufficientData(let operation, let required, let available):
      return "\(operation): needs at least \(required) observations, has \(available)"
    case .lapackFailure(let routine, let info):
      return "internal error: LAPACK \(routine) rejected argument \(-info)"
    }
  }
}
