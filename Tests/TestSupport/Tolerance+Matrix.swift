import LinearAlgebra
import Testing

extension ToleranceTracker {
  /// Compares two matrices, shape first, then element by element (column-major order).
  @discardableResult
  public mutating func check(
    _ actual: Matrix, _ expected: Matrix, tolerance: Double? = nil,
    _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Double {
    guard actual.shape == expected.shape else {
      Issue.record(
        "\(issuePrefix)\(label()): shape \(actual.shape), expected \(expected.shape)",
        sourceLocation: sourceLocation)
      return .infinity
    }
    return check(
      actual.storage, expected.storage, tolerance: tolerance, label(),
      sourceLocation: sourceLocation)
  }
}

/// Checks a matrix against its reference, shape first, without keeping a worst error.
@discardableResult
public func expectClose(
  _ actual: Matrix, _ expected: Matrix, tolerance: Double, measure: ErrorMeasure = .absolute,
  _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
  var tracker = ToleranceTracker("", tolerance: tolerance, measure: measure)
  return tracker.check(actual, expected, label(), sourceLocation: sourceLocation)
}
