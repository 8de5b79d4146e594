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

