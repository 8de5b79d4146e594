import Foundation
import TestSupport
import Testing

/// Golden-file comparison. The expected outputs live in `Tests/ReportTests/Golden/`. To
/// regenerate them after an intended change, run
///
///     UPDATE_GOLDEN=1 swift test --filter ReportTests
///
/// then review the diff (`git diff Tests/ReportTests/Golden`) before committing.
///
/// Goldens are never compared byte for byte: computed values differ in their last bits between
/// CPUs (OpenBLAS kernels), so numbers are compared as ``NumericText`` describes — within a
/// relative `numericTolerance` (1e-9 by default) or one unit in the last printed digit of a
/// fixed-point number — and the text between them exactly.
enum Golden {
  static let directory = Repository.url("Tests/ReportTests/Golden")

  static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

  /// The relative tolerance of numbers in every golden comparison.
  static let defaultTolerance = 1e-9

  /// Checks `actual` against the golden file `name` (see the type's description for the rule).
  ///
  /// With `decimalComma` (Indonesian text: `0,593`, `[0,047; 0,290]`) a comma between two
  /// digits is read as a decimal point on both sides before comparing, so that such numbers
  /// get the same tolerance.
  static func check(
    _ actual: String, against name: String, numericTolerance: Double = defaultTolerance,
    decimalComma: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
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
    let points = { (text: String) in
      decimalComma
        ? text.replacingOccurrences(
          of: "(?<=[0-9]),(?=[0-9])", with: ".", options: .regularExpression) : text
    }
    if let mismatch = NumericText.firstMismatch(
      points(actual), points(expected), relativeTolerance: numericTolerance)
    {
      Issue.record(
        """
        \(name) line \(mismatch.line) differs beyond the tolerance (UPDATE_GOLDEN=1 regenerates)
          golden: \(mismatch.expected)
          actual: \(mismatch.actual)
        """,
        sourceLocation: sourceLocation)
    }
  }
}
