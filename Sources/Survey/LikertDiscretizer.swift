/// Cuts continuous standardised values into Likert categories at fixed thresholds.
///
/// With thresholds `τ₁ < … < τ_{k−1}`, a value `x` falls in category `c` when
/// `τ_{c−1} < x ≤ τ_c` (with `τ₀ = −∞`, `τ_k = +∞`), so categories run `1...k`.
public struct LikertDiscretizer: Sendable, Equatable, Codable {
  /// The cut points, strictly increasing.
  public let thresholds: [Double]

  /// A discretiser with `thresholds`.
  ///
  /// - Throws: ``SimulationError/invalidThresholds(_:)`` unless they are finite and strictly increasing.
  public init(thresholds: [Double]) throws(SimulationError) {
    guard !thresholds.isEmpty, thresholds.allSatisfy(\.isFinite),
      zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0 < $1 })
    else { throw .invalidThresholds(thresholds) }
    self.thresholds = thresholds
  }

  init(unchecked thresholds: [Double]) { self.thresholds = thresholds }

  /// The default for a 5-point scale: thresholds −1.5, −0.5, 0.5, 1.5 on the standard normal
  /// scale, which give a symmetric distribution with category shares of about
  /// 6.7 %, 24.2 %, 38.3 %, 24.2 % and 6.7 % when the values are standard normal.
  public static let fivePoint = LikertDiscretizer(unchecked: [-1.5, -0.5, 0.5, 1.5])

  /// The number of categories.
  public var points: Int { thresholds.count + 1 }

  /// The category (1-based) of `value`.
  public func category(of value: Double) -> Int {
    var category = 1
    for threshold in thresholds where value > threshold { category += 1 }
    return category
  }
}
