import Testing

/// How far a computed value may be from its reference.
///
/// Every comparison of a number against an independent reference goes through one of these
/// measures, so a test states its tolerance in one of these three ways.
public enum ErrorMeasure: Sendable, Equatable, CustomStringConvertible {
  /// `|a − b|`.
  case absolute
  /// `|a − b| / max(1, |b|)`: relative for references larger than one in magnitude, absolute
  /// below (the usual measure for matrices of mixed scale).
  case relativeAboveOne
  /// `|a − b| / |b|`, and `|a|` where the reference is exactly zero: purely relative (for
  /// probabilities and tails that span hundreds of orders of magnitude).
  case relative

  /// The error of `actual` against `expected`; infinity when either is NaN or the error is.
  public func error(_ actual: Double, _ expected: Double) -> Double {
    let difference = abs(actual - expected)
    let e: Double
    switch self {
    case .absolute: e = difference
    case .relativeAboveOne: e = difference / max(1, abs(expected))
    case .relative: e = expected == 0 ? abs(actual) : difference / abs(expected)
    }
    return e.isNaN ? .infinity : e
  }

  public var description: String {
    switch self {
    case .absolute: return "absolute"
    case .relativeAboveOne: return "relative above 1"
    case .relative: return "relative"
    }
  }
}

/// Whether `actual` is within `tolerance` of `expected` (both missing also counts as close;
/// NaN is never close to anything).
public func isClose(
  _ actual: Double?, _ expected: Double?, tolerance: Double, measure: ErrorMeasure = .absolute
) -> Bool {
  switch (actual, expected) {
  case (nil, nil): return true
  case (let a?, let b?): return measure.error(a, b) <= tolerance
  default: return false
  }
}

/// Checks values against an independent reference and keeps the worst error it saw, so that
/// ``report()`` can print each tolerance's margin at the end of a test (`[worst error] …`).
///
/// A value outside the tolerance records an issue naming the value, the reference and the error.
/// An array check records at most one issue: its worst element.
public struct ToleranceTracker {
  /// What the values are (printed in issues and the report).
  public let group: String
  /// The default tolerance of ``check(_:_:tolerance:_:sourceLocation:)``.
  public let tolerance: Double
  /// How errors are measured.
  public let measure: ErrorMeasure
  /// The largest error seen so far.
  public private(set) var worst = 0.0
  /// The label of the value with the largest error.
  public private(set) var worstLabel = "-"
  /// How many values were compared.
  public private(set) var comparisons = 0

  public init(_ group: String, tolerance: Double, measure: ErrorMeasure = .absolute) {
    self.group = group
    self.tolerance = tolerance
    self.measure = measure
  }

  /// Compares `actual` with `expected` within `tolerance` (the tracker's unless given); a
  /// missing `actual` is an issue. Returns the error.
  @discardableResult
  public mutating func check(
    _ actual: Double?, _ expected: Double, tolerance: Double? = nil,
    _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Double {
    comparisons += 1
    guard let actual else {
      Issue.record(
        "\(issuePrefix)\(label()) is missing (expected \(expected))", sourceLocation: sourceLocation
      )
      return .infinity
    }
    let limit = tolerance ?? self.tolerance
    let error = measure.error(actual, expected)
    note(error, label())
    if !(error <= limit) {
      Issue.record(
        "\(issuePrefix)\(label()) = \(actual), expected \(expected) (\(measure) error \(error) > \(limit))",
        sourceLocation: sourceLocation)
    }
    return error
  }

  /// Compares two arrays element by element, counts first; records at most one issue (the
  /// worst element). Returns the worst error.
  @discardableResult
  public mutating func check(
    _ actual: [Double], _ expected: [Double], tolerance: Double? = nil,
    _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Double {
    comparisons += 1
    guard actual.count == expected.count else {
      Issue.record(
        "\(issuePrefix)\(label()): \(actual.count) values, expected \(expected.count)",
        sourceLocation: sourceLocation)
      return .infinity
    }
    let limit = tolerance ?? self.tolerance
    var worstHere = 0.0
    var worstIndex = 0
    for k in actual.indices {
      let e = measure.error(actual[k], expected[k])
      if e > worstHere {
        worstHere = e
        worstIndex = k
      }
    }
    note(worstHere, label())
    if worstHere > limit {
      Issue.record(
        """
        \(issuePrefix)\(label()): element \(worstIndex) is \(actual[worstIndex]), expected \
        \(expected[worstIndex]) (\(measure) error \(worstHere) > \(limit))
        """,
        sourceLocation: sourceLocation)
    }
    return worstHere
  }

  var issuePrefix: String { group.isEmpty ? "" : "\(group): " }

  private mutating func note(_ error: Double, _ label: String) {
    if error > worst || worstLabel == "-" {
      worst = error
      worstLabel = label
    }
  }

  /// Prints the worst error, where it was, and how many values were compared.
  public func report() {
    print(
      "[worst error] \(group): \(worst) at \(worstLabel) (\(comparisons) checks, \(measure) tolerance \(tolerance))"
    )
  }
}

/// Checks one value against its reference without keeping a worst error: an issue when
/// `actual` is missing or further than `tolerance` from `expected`. Returns the error.
@discardableResult
public func expectClose(
  _ actual: Double?, _ expected: Double, tolerance: Double, measure: ErrorMeasure = .absolute,
  _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
  var tracker = ToleranceTracker("", tolerance: tolerance, measure: measure)
  return tracker.check(actual, expected, label(), sourceLocation: sourceLocation)
}

/// Checks an array against its reference, element by element, without keeping a worst error.
@discardableResult
public func expectClose(
  _ actual: [Double], _ expected: [Double], tolerance: Double, measure: ErrorMeasure = .absolute,
  _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
  var tracker = ToleranceTracker("", tolerance: tolerance, measure: measure)
  return tracker.check(actual, expected, label(), sourceLocation: sourceLocation)
}
