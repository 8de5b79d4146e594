import Foundation
import TestSupport
import Testing

/// Golden-file comparison. The expected outputs live in `Tests/ReportTests/Golden/`. To regenerate them after an intended change, run
///
///     UPDATE_GOLDEN=1 swift test --filter ReportTests
///
/// then review the diff (`git diff Tests/ReportTests/Golden`) before committing.
enum Golden {
  static let directory = Repository.url("Tests/ReportTests/Golden")

  static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

  /// Checks `actual` against the golden file `name`. With `numericTolerance`, fields that
  /// parse as numbers on both sides may differ by that relative amount (for full-precision
  /// machine formats, whose last digits may move with BLAS or summation order); everything else
  /// must match exactly.
  static func check(
    _ actual: String, against name: String, numericTolerance: Double? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(name)
    if updating {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden file \(name); run UPDATE_GOLDEN=1 swift test --filter ReportTests",
        sourceLocation: sourceLocation)
      return
    }
    if expected == actual { return }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    if expectedLines.count != actualLines.count {
      let message =
        "\(name): \(actualLines.count) lines, golden has \(expectedLines.count)\n"
        + firstDifference(expectedLines, actualLines)
      Issue.record("\(message)", sourceLocation: sourceLocation)
      return
    }
    for (k, (e, a)) in zip(expectedLines, actualLines).enumerated() where e != a {
      if let tolerance = numericTolerance, fieldsMatch(e, a, tolerance: tolerance) { continue }
      Issue.record(
        "\(name) line \(k + 1) differs (UPDATE_GOLDEN=1 regenerates)\n  golden: \(e)\n  actual: \(a)",
        sourceLocation: sourceLocation)
      return
    }
  }

  private static func firstDifference(_ expected: [String], _ actual: [String]) -> String {
    for k in 0..<max(expected.count, actual.count) {
      let e = k < expected.count ? expected[k] : "<end>"
      let a = k < actual.count ? actual[k] : "<end>"
      if e != a { return "first difference at line \(k + 1)\n  golden: \(e)\n  actual: \(a)" }
    }
    return ""
  }

  /// Comma-separated fields equal, or numbers within `tolerance` (relative, absolute near 0).
  private static func fieldsMatch(_ expected: String, _ actual: String, tolerance: Double) -> Bool {
    let e = expected.split(separator: ",", omittingEmptySubsequences: false)
    let a = actual.split(separator: ",", omittingEmptySubsequences: false)
    guard e.count == a.count else { return false }
    for (x, y) in zip(e, a) where x != y {
      guard
        let u = Double(x), let v = Double(y),
        isClose(v, u, tolerance: tolerance, measure: .relativeAboveOne)
      else {
        return false
      }
    }
    return true
  }
}
