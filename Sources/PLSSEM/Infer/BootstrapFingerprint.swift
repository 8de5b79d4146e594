/// What identifies the analysis a bootstrap belongs to — the model, every estimation setting,
/// the sample size and the exact data the algorithm saw — so that only states and shards of one
/// analysis merge, and a merged state is finished only against the estimate it was drawn from.
public struct BootstrapFingerprint: Sendable, Codable, Equatable {
  /// The model, in the model syntax (without its hypotheses, which change no estimate).
  public var model: String
  /// The estimation settings.
  public var estimation: PLSSettings
  /// Observations n (after missing-value treatment).
  public var observations: Int
  /// The indicators, in model order.
  public var indicators: [String]
  /// FNV-1a (64 bit) of the bits of the prepared data (after missing-value treatment, before
  /// standardisation), in hexadecimal.
  public var data: String

  public init(_ estimate: PLSEstimate) {
    var hash = FNV1a()
    for value in estimate.prepared.raw.storage { hash.add(value.bitPattern) }
    model = estimate.model.syntax(includingHypotheses: false)
    estimation = estimate.settings
    observations = estimate.observations
    indicators = estimate.indicatorNames
    data = String(hash.value, radix: 16)
  }

  /// The first difference from `other`, in words (nil when equal).
  public func difference(from other: BootstrapFingerprint) -> String? {
    if model != other.model { return "other models" }
    if indicators != other.indicators { return "other indicators" }
    if estimation != other.estimation { return "other estimation settings" }
    if observations != other.observations {
      return "other data (\(observations) and \(other.observations) observations)"
    }
    if data != other.data { return "other data" }
    return nil
  }
}
