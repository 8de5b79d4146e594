/// How a resample's outer weights are aligned with the original estimate's before its
/// statistics are computed (Tenenhaus, Esposito Vinzi, Chatelin & Lauro 2005, §3.3.2).
/// The alignment acts on the weights; everything else is recomputed from them — never by
/// flipping finished estimates toward the original sign, which biases intervals away from zero.
public enum SignChange: String, Sendable, Codable, Equatable, CaseIterable {
  /// No alignment (the default of SmartPLS and seminr).
  case none
  /// Individual sign changes: each weight takes the sign of its original counterpart; blocks
  /// are then rescaled to unit score variance.
  case individual
  /// Construct-level changes: a block's weights are all negated when its resampled loadings are
  /// closer to the negated original loadings (`Σ|λ − λ*| > Σ|λ + λ*|`).
  case construct
}
