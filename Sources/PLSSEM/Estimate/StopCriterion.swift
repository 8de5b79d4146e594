/// The form of the convergence test on successive outer weights `w⁽ᵗ⁾`, compared against the
/// tolerance. Packages differ, so the form is selectable.
public enum StopCriterion: String, Sendable, Codable, Equatable, CaseIterable {
  /// `Σᵢ |wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾| < tolerance` — seminr's criterion and our default.
  case sumAbsoluteChange = "sum-absolute"
  /// `maxᵢ |wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾| < tolerance` — SmartPLS's form and cSEM's default
  /// (`.conv_criterion = "diff_absolute"`).
  case maxAbsoluteChange = "max-absolute"
  /// `Σᵢ (wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾)² < tolerance` — the form of plspm (which applies it to the
  /// unnormalised weights). cSEM's `"diff_squared"` takes the largest squared change,
  /// `maxᵢ (wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾)²`, the square of ``maxAbsoluteChange``: use that with the square
  /// root of cSEM's tolerance.
  case sumSquaredChange = "sum-squared"
  /// `maxᵢ |(wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾) / wᵢ⁽ᵗ⁻¹⁾| < tolerance`, relative to the previous weights. cSEM's
  /// `"diff_relative"` divides by the new weights, `maxᵢ |(wᵢ⁽ᵗ⁻¹⁾ − wᵢ⁽ᵗ⁾) / wᵢ⁽ᵗ⁾|`; the two
  /// agree to first order near convergence.
  case maxRelativeChange = "max-relative"

  /// The change between two weight vectors under this criterion.
  @inlinable
  func change(_ new: UnsafePointer<Double>, _ old: UnsafePointer<Double>, count: Int) -> Double {
    var result = 0.0
    switch self {
    case .sumAbsoluteChange:
      for i in 0..<count { result += abs(new[i] - old[i]) }
    case .maxAbsoluteChange:
      for i in 0..<count { result = max(result, abs(new[i] - old[i])) }
    case .sumSquaredChange:
      for i in 0..<count { result += (new[i] - old[i]) * (new[i] - old[i]) }
    case .maxRelativeChange:
      for i in 0..<count { result = max(result, abs((new[i] - old[i]) / old[i])) }
    }
    return result
  }
}
