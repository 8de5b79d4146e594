import Testing

@testable import LinearAlgebra

/// Comparison against reference values.
///
/// Every comparison uses the error measure `|a − b| / max(1, |b|)`: relative for elements
/// larger than one in magnitude, absolute below. For the well-conditioned problems of the
/// fixture (condition numbers below about 10³) the tolerance is ``wellConditioned``, 1e-12.
enum Tolerance {
  /// `|a − b| ≤ 1e-12 · max(1, |b|)`.
  static let wellConditioned = 1e-12
  /// OLS p-values, relative: the Student t distribution is checked on its own to 1e-12.
  static let pValue = 1e-9
}

/// `|actual − expected| / max(1, |expected|)`; infinity when either is NaN.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
  let e = abs(actual - expected) / max(1, abs(expected))
  return e.isNaN ? .infinity : e
}

/// Checks `actual` against `expected` element by element and returns the worst error.
@discardableResult
func expectClose(
  _ actual: [Double], _ expected: [Double], tolerance: Double = Tolerance.wellConditioned,
  _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
  guard actual.count == expected.count else {
    Issue.record(
      "\(label()): \(actual.count) values, expected \(expected.count)",
      sourceLocation: sourceLocation)
    return .infinity
  }
  var worst = 0.0
  var worstIndex = 0
  for k in actual.indices {
    let e = relativeError(actual[k], expected[k])
    if e > worst {
      worst = e
      worstIndex = k
    }
  }
  if worst > tolerance {
    Issue.record(
      """
      \(label()): element \(worstIndex) is \(actual[worstIndex]), expected \(expected[worstIndex]) \
      (error \(worst) > \(tolerance))
      """,
      sourceLocation: sourceLocation)
  }
  return worst
}

/// Checks a matrix against the reference, shape first.
@discardableResult
func expectClose(
  _ actual: Matrix, _ expected: Matrix, tolerance: Double = Tolerance.wellConditioned,
  _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
  guard actual.shape == expected.shape else {
    Issue.record(
      "\(label()): shape \(actual.shape), expected \(expected.shape)",
      sourceLocation: sourceLocation)
    return .infinity
  }
  return expectClose(
    actual.storage, expected.storage, tolerance: tolerance, label(), sourceLocation: sourceLocation)
}

/// Checks a scalar against the reference.
@discardableResult
func expectClose(
  _ actual: Double, _ expected: Double, tolerance: Double = Tolerance.wellConditioned,
  _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
  expectClose([actual], [expected], tolerance: tolerance, label(), sourceLocation: sourceLocation)
}

/// The worst error seen by one test, printed at its end so that a run shows how much margin
/// each tolerance has.
struct WorstError {
  let test: String
  private(set) var error = 0.0
  private(set) var label = "-"

  init(_ test: String) { self.test = test }

  mutating func note(_ e: Double, _ label: @autoclosure () -> String) {
    if e > error || self.label == "-" {
      error = e
      self.label = label()
    }
  }

  func report() {
    print("[worst error] \(test): \(error) (\(label))")
  }
}

/// Runs `body`, which must throw a ``LinearAlgebraError``, and returns the error (nil, with an
/// issue recorded, when it does not throw or throws another type).
func linearAlgebraError<R>(
  sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> R
) -> LinearAlgebraError? {
  do {
    let result = try body()
    Issue.record("expected a LinearAlgebraError, got \(result)", sourceLocation: sourceLocation)
    return nil
  } catch let error as LinearAlgebraError {
    return error
  } catch {
    Issue.record("expected a LinearAlgebraError, got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

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
