/// The form of the convergence test on successive outer weights `w⁽ᵗ⁾`, compared against the
/// tolerance. Packages differ, so the form is selectable.
public enum StopCriterion: String, Sendable, Codable, Equatable, CaseIterable {
  /// `Σᵢ |wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾| < tolerance` — seminr's criterion and our default.
  case sumAbsoluteChange = "sum-absolute"
  /// `maxᵢ |wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾| < tolerance` — SmartPLS's and cSEM's (`"diff_absolute"`) form.
  case maxAbsoluteChange = "max-absolute"
  /// `Σᵢ (wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾)² < tolerance` — cSEM's `"diff_squared"` form.
  case sumSquaredChange = "sum-squared"
  /// `maxᵢ |(wᵢ⁽ᵗ⁾ − wᵢ⁽ᵗ⁻¹⁾) / wᵢ⁽ᵗ⁻¹⁾| < tolerance` — cSEM's `"diff_relative"` form.
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
