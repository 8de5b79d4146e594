@testable import LinearAlgebra

/// Which case a thrown ``LinearAlgebraError`` is, for `#expect(expectError(…) { … }?.isSingular == true)`.
extension LinearAlgebraError {
  var isShapeMismatch: Bool {
    if case .shapeMismatch = self { return true }
    return false
  }
  var isInvalidArgument: Bool {
    if case .invalidArgument = self { return true }
    return false
  }
  var isInsufficientData: Bool {
    if case .insufficientData = self { return true }
    return false
  }
  var isSingular: Bool {
    if case .singular = self { return true }
    return false
  }
  var isIllConditioned: Bool {
    if case .illConditioned = self { return true }
    return false
  }
  /// Singular or ill-conditioned: which of the two a numerically singular matrix produces
  /// depends on rounding (an exactly zero pivot or a tiny one).
  var isSingularOrIllConditioned: Bool { isSingular || isIllConditioned }
  /// The (row, column) of a ``nonFinite(operation:row:column:)`` error.
  var nonFinitePosition: (row: Int, column: Int)? {
    if case .nonFinite(_, let row, let column) = self { return (row, column) }
    return nil
  }
}
