/// Names one statistic of a fitted model, so that the estimate's ``StatisticTable``, bootstrap
/// results, reports and merged shards refer to the same quantity the same way.
///
/// Constructs and indicators are named as in the model. Pairs of constructs that are not
/// directed (`htmt`, `htmt2`, `constructCorrelation`) name the construct declared later as
/// `row` and the earlier one as `column`.
public enum StatisticKey: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The path coefficient `from → to`.
  case path(from: String, to: String)
  /// The loading of an indicator on its own construct.
  case loading(construct: String, indicator: String)
  /// The outer weight of an indicator.
  case weight(construct: String, indicator: String)
  /// The total effect of `from` on `to`.
  case totalEffect(from: String, to: String)
  /// The indirect effect of `from` on `to` (total minus direct).
  case indirectEffect(from: String, to: String)
  /// The effect along one chain of two or more paths.
  case specificIndirectEffect(chain: [String])
  /// The heterotrait–monotrait ratio of two constructs.
  case htmt(row: String, column: String)
  /// R² of an endogenous construct.
  case rSquared(construct: String)
  /// Adjusted R² of an endogenous construct.
  case adjustedRSquared(construct: String)
  /// HTMT2, the geometric-mean variant of HTMT.
  case htmt2(row: String, column: String)
  /// Cronbach's alpha of a construct's block.
  case cronbachAlpha(construct: String)
  /// Composite reliability ρ_C.
  case rhoC(construct: String)
  /// Dijkstra–Henseler ρ_A.
  case rhoA(construct: String)
  /// Average variance extracted.
  case ave(construct: String)
  /// The VIF of an indicator within its block.
  case outerVIF(construct: String, indicator: String)
  /// The VIF of the predictor `from` among the predecessors of `to`.
  case innerVIF(from: String, to: String)
  /// The correlation of an indicator with a construct's score (its loading when the construct
  /// is its own).
  case crossLoading(indicator: String, construct: String)
  /// The correlation of two constructs (with consistent PLS, the consistent correlation).
  case constructCorrelation(row: String, column: String)
  /// The simple slope of the focal predictor on `outcome` where the moderator lies `level`
  /// standard deviations from its mean, in the model with the interaction term
  /// `focal:moderator` (``SimpleSlope``).
  case simpleSlope(focal: String, moderator: String, outcome: String, level: Double)
  /// Cohen's f² of the interaction term's path `interaction → outcome`, the model re-estimated
  /// without it (`InteractionEffectSizes`).
  case interactionFSquare(interaction: String, outcome: String)

  /// A stable text form, e.g. `path:COMP->CUSA`, used as the key in JSON, shard files and
  /// kept draws.
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
    case .adjustedRSquared(let c): return "r2adj:\(c)"
    case .htmt2(let r, let c): return "htmt2:\(r)|\(c)"
    case .cronbachAlpha(let c): return "alpha:\(c)"
    case .rhoC(let c): return "rhoC:\(c)"
    case .rhoA(let c): return "rhoA:\(c)"
    case .ave(let c): return "ave:\(c)"
    case .outerVIF(let c, let i): return "outerVIF:\(c)=~\(i)"
    case .innerVIF(let f, let t): return "innerVIF:\(f)->\(t)"
    case .crossLoading(let i, let c): return "crossLoading:\(i)@\(c)"
    case .constructCorrelation(let r, let c): return "correlation:\(r)|\(c)"
    case .simpleSlope(let f, let m, let t, let level):
      return "slope:\(f)->\(t)@\(m)=\(SimpleSlope.levelText(level))"
    case .interactionFSquare(let i, let t): return "f2:\(i)->\(t)"
    }
  }

  /// The family the statistic belongs to.
  public var family: StatisticFamily {
    switch self {
    case .path: return .path
    case .loading: return .loading
    case .weight: return .weight
    case .totalEffect: return .totalEffect
    case .indirectEffect: return .indirectEffect
    case .specificIndirectEffect: return .specificIndirectEffect
    case .htmt: return .htmt
    case .rSquared: return .rSquared
    case .adjustedRSquared: return .adjustedRSquared
    case .htmt2: return .htmt2
    case .cronbachAlpha, .rhoC, .rhoA, .ave: return .reliability
    case .outerVIF: return .outerVIF
    case .innerVIF: return .innerVIF
    case .crossLoading: return .crossLoading
    case .constructCorrelation: return .constructCorrelation
    case .simpleSlope: return .simpleSlope
    case .interactionFSquare: return .interactionEffectSize
    }
  }
}
