/// Names one estimated statistic of a model, so that bootstrap results, reports and merged
/// shards refer to the same quantity the same way.
public enum StatisticKey: Hashable, Sendable, Codable, CustomStringConvertible {
  case path(from: String, to: String)
  case loading(construct: String, indicator: String)
  case weight(construct: String, indicator: String)
  case totalEffect(from: String, to: String)
  case indirectEffect(from: String, to: String)
  case specificIndirectEffect(chain: [String])
  case htmt(row: String, column: String)
  case rSquared(construct: String)

  /// A stable text form, e.g. `path:COMP->CUSA`, used as the key in JSON.
  public var description: String {
    switch self {
    case .path(let f, let t): return "path:\(f)->\(t)"
    case .loading(let c, let i): return "loading:\(c)=~\(i)"
    case .weight(let c, let i): return "weight:\(c)=~\(i)"
    case .totalEffect(let f, let t): return "total:\(f)->\(t)"
    case .indirectEffect(let f, let t): return "indirect:\(f)->\(t)"
    case .specificIndirectEffect(let chain): return "specific:\(chain.joined(separator: "->"))"
    case .htmt(let r, let c): return "htmt:\(r)|\(c)"
    case .rSquared(let c): return "r2:\(c)"
    }
  }
}

/// Bootstrap inference for one statistic.
public struct StatisticInference: Sendable, Codable, Equatable {
  /// The estimate on the original sample.
  public var estimate: Double
  /// The mean of the bootstrap estimates.
  public var bootstrapMean: Double
  /// The bootstrap standard error (denominator B − 1).
  public var standardError: Double
  /// `estimate / standardError`.
  public var t: Double
  /// The two-sided p-value.
  public var p: Double
  /// Lower confidence limit.
  public var ciLower: Double
  /// Upper confidence limit.
  public var ciUpper: Double

  public init(
    estimate: Double, bootstrapMean: Double, standardError: Double, t: Double, p: Double,
    ciLower: Double,
    ciUpper: Double
  ) {
    self.estimate = estimate
    self.bootstrapMean = bootstrapMean
    self.standardError = standardError
    self.t = t
    self.p = p
    self.ciLower = ciLower
    self.ciUpper = ciUpper
  }
}
