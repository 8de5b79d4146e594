/// How a construct's outer weights are estimated.
public enum MeasurementMode: String, Sendable, Codable, Equatable, CaseIterable {
  /// Mode A (correlation weights): each weight is the covariance of its indicator with the
  /// inner proxy (Wold 1982; Lohmöller 1989). Written `=~` in model text; the estimation of
  /// reflectively measured constructs in SmartPLS, seminr and cSEM.
  case a = "A"
  /// Mode B (regression weights): the weights are the coefficients of regressing the inner
  /// proxy on the block's indicators (Wold 1982). Written `<~`; composite/formative blocks.
  case b = "B"
}
