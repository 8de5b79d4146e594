/// Problems with a model, found while parsing its text or validating it.
/// Each case names the construct, indicator and, for parsed models, the line and column.
public enum SpecificationError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Model text that does not follow the syntax.
  case syntax(message: String, location: SourceLocation, source: String)
  /// The model has no constructs.
  case emptyModel(source: String)
  /// A construct declared with no indicators.
  case constructWithoutIndicators(construct: String, location: SourceLocation?)
  /// A construct used in a structural path but never given a measurement block.
  case unmeasuredConstruct(construct: String, location: SourceLocation?)
  /// A construct that appears in no structural path (its inner proxy would have no neighbours).
  case constructWithoutPaths(construct: String, location: SourceLocation?)
  /// The same indicator in two blocks (or twice in one).
  case indicatorInTwoBlocks(
    indicator: String, first: String, second: String, location: SourceLocation?)
  /// A construct's measurement block declared twice.
  case duplicateConstruct(construct: String, location: SourceLocation?)
  /// The same structural path written twice.
  case duplicatePath(from: String, to: String, location: SourceLocation?)
  /// A construct with a path to itself.
  case selfLoop(construct: String, location: SourceLocation?)
  /// A cycle among the structural paths; only recursive models are supported. The location is
  /// that of the path closing the cycle (from the last construct listed back to the first).
  case cycle(constructs: [String], location: SourceLocation?)
  /// A higher-order construct whose block lists indicators besides constructs.
  case higherOrderMixesIndicators(
    construct: String, constructs: [String], indicators: [String], location: SourceLocation?)
  /// A higher-order construct measured by another higher-order construct (third-order models
  /// are not supported).
  case higherOrderOfHigherOrder(construct: String, component: String, location: SourceLocation?)
  /// A higher-order construct with fewer than two lower-order constructs.
  case higherOrderTooFewComponents(construct: String, location: SourceLocation?)
  /// A lower-order construct listed by two higher-order constructs (or twice by one).
  case componentOfTwoHigherOrder(
    component: String, first: String, second: String, location: SourceLocation?)
  /// A structural path to or from a lower-order construct (its relations run through its
  /// higher-order construct).
  case lowerOrderInPath(
    component: String, construct: String, from: String, to: String, location: SourceLocation?)
  /// An interaction term in a model with higher-order constructs (the two staged procedures
  /// are not combined yet); `construct` is the HOC the term names, else the model's first HOC.
  case higherOrderWithInteraction(
    construct: String, interaction: String, location: SourceLocation?)
  /// Two hypotheses with the same label.
  case duplicateHypothesis(label: String, first: SourceLocation?, location: SourceLocation?)
  /// A hypothesis naming a construct the model does not declare.
  case hypothesisUnknownConstruct(label: String, construct: String, location: SourceLocation?)
  /// A hypothesis about a path (or a link of a chain) the structural model does not have.
  case hypothesisWithoutPath(label: String, from: String, to: String, location: SourceLocation?)
  /// A hypothesis about the same path or chain as an earlier one.
  case repeatedHypothesis(label: String, earlier: String, location: SourceLocation?)
  /// A construct whose name contains `:`, which writes interaction terms.
  case colonInConstructName(construct: String, location: SourceLocation?)
  /// An interaction term `A:B` naming something that is not a declared construct; the location
  /// is where that name is written.
  case interactionConstructUnknown(
    construct: String, interaction: String, location: SourceLocation?)
  /// An interaction term of three or more constructs (an interaction of an interaction).
  case nestedInteraction(interaction: String, location: SourceLocation?)
  /// An interaction term of a construct with itself (`A:A`).
  case interactionOfItself(interaction: String, location: SourceLocation?)
  /// The same two constructs' interaction written in both orders (`A:B` and `B:A`).
  case interactionTwice(interaction: String, earlier: String, location: SourceLocation?)
  /// An interaction term predicting an outcome without one of its main effects.
  case interactionWithoutMainEffect(
    interaction: String, construct: String, outcome: String, location: SourceLocation?)
  /// An interaction term as the outcome of a path.
  case interactionAsOutcome(interaction: String, location: SourceLocation?)
  /// An indicator that is not a column of the data.
  case unknownIndicator(
    indicator: String, construct: String, location: SourceLocation?, available: [String],
    dataSource: String? = nil)

  private static func at(_ location: SourceLocation?) -> String {
    location.map { " (\($0))" } ?? ""
  }

  /// Where in the model text the problem is, when the model was parsed from text.
  public var location: SourceLocation? {
    switch self {
    case .syntax(_, let location, _): return location
    case .emptyModel: return nil
    case .cycle(_, let l): return l
    case .higherOrderMixesIndicators(_, _, _, let l), .higherOrderOfHigherOrder(_, _, let l),
      .higherOrderTooFewComponents(_, let l), .componentOfTwoHigherOrder(_, _, _, let l),
      .higherOrderWithInteraction(_, _, let l),
      .lowerOrderInPath(_, _, _, _, let l):
      return l
    case .constructWithoutIndicators(_, let l), .unmeasuredConstruct(_, let l),
      .constructWithoutPaths(_, let l),
      .indicatorInTwoBlocks(_, _, _, let l), .duplicateConstruct(_, let l),
      .duplicatePath(_, _, let l),
      .selfLoop(_, let l), .unknownIndicator(_, _, let l, _, _):
      return l
    case .colonInConstructName(_, let l), .interactionConstructUnknown(_, _, let l),
      .nestedInteraction(_, let l), .interactionOfItself(_, let l), .interactionTwice(_, _, let l),
      .interactionWithoutMainEffect(_, _, _, let l), .interactionAsOutcome(_, let l):
      return l
    case .duplicateHypothesis(_, _, let l), .hypothesisUnknownConstruct(_, _, let l),
      .hypothesisWithoutPath(_, _, _, let l), .repeatedHypothesis(_, _, let l):
      return l
    }
  }

  /// The message in the form compilers use, `file:line:column: message`, for a model read from
  /// the file `source` (``description`` gives the location in words and no file).
  public func description(inFile source: String) -> String {
    switch self {
    case .syntax, .emptyModel: return description
    default:
      guard let location else { return "\(source): \(text(located: false))" }
      return "\(source):\(location.line):\(location.column): \(text(located: false))"
    }
  }

  public var description: String { text(located: true) }

  /// The message, with the location in words (`(line 2, column 1)`) when `located`.
  private func text(located: Bool) -> String {
    func at(_ location: SourceLocation?) -> String { located ? Self.at(location) : "" }
    switch self {
    case .syntax(let message, let location, let source):
      return "\(source):\(location.line):\(location.column): \(message)"
    case .emptyModel(let source):
      return "\(source): the model declares no constructs"
    case .constructWithoutIndicators(let c, let l):
      return "construct '\(c)' has no indicators\(at(l))"
    case .unmeasuredConstruct(let c, let l):
      return
        "construct '\(c)' is used in a structural path but has no measurement block (write '\(c) =~ …' or '\(c) <~ …')\(at(l))"
    case .constructWithoutPaths(let c, let l):
      return "construct '\(c)' appears in no structural path\(at(l))"
    case .indicatorInTwoBlocks(let i, let first, let second, let l):
      return first == second
        ? "indicator '\(i)' appears twice in the block of '\(first)'\(at(l))"
        : "indicator '\(i)' appears in the blocks of both '\(first)' and '\(second)'\(at(l))"
    case .duplicateConstruct(let c, let l):
      return "construct '\(c)' has its measurement block declared twice\(at(l))"
    case .duplicatePath(let f, let t, let l):
      return "the path \(f) → \(t) is written twice\(at(l))"
    case .selfLoop(let c, let l):
      return "construct '\(c)' has a path to itself\(at(l))"
    case .cycle(let cs, let l):
      return
        "the structural model has a cycle (\((cs + [cs.first ?? ""]).joined(separator: " → "))); only recursive models are supported\(at(l))"
    case .higherOrderMixesIndicators(let c, let constructs, let indicators, let l):
      let list = { (names: [String]) in names.map { "'\($0)'" }.joined(separator: ", ") }
      return
        "the block of '\(c)' lists constructs (\(list(constructs))) and indicators (\(list(indicators))); a higher-order construct is measured by constructs only (give the indicators a construct of their own)\(at(l))"
    case .higherOrderOfHigherOrder(let c, let component, let l):
      return
        "'\(component)' is a higher-order construct and is listed as a dimension of '\(c)'; third-order models are not supported\(at(l))"
    case .higherOrderTooFewComponents(let c, let l):
      return
        "the higher-order construct '\(c)' needs at least two lower-order constructs\(at(l))"
    case .componentOfTwoHigherOrder(let component, let first, let second, let l):
      return first == second
        ? "'\(component)' is listed twice as a dimension of '\(first)'\(at(l))"
        : "'\(component)' is a dimension of both '\(first)' and '\(second)'; a lower-order construct belongs to one higher-order construct\(at(l))"
    case .lowerOrderInPath(let component, let c, let from, let to, let l):
      let own = from == c || to == c
      return own
        ? "the path \(from) → \(to) joins '\(c)' and its own dimension '\(component)'; a lower-order construct is part of its higher-order construct's measurement, not of its structural equation\(at(l))"
        : "the path \(from) → \(to) names '\(component)', a dimension of '\(c)'; lower-order constructs have no structural paths of their own (write the path with '\(c)')\(at(l))"
    case .higherOrderWithInteraction(let c, let term, let l):
      return
        "the interaction term '\(term)' is in a model with the higher-order construct '\(c)'; interaction terms and higher-order constructs in one model are not supported yet\(at(l))"
    case .duplicateHypothesis(let label, let first, let l):
      let earlier = first.map { " (first at line \($0.line))" } ?? ""
      return "hypothesis \(label) is named twice\(earlier)\(at(l))"
    case .hypothesisUnknownConstruct(let label, let c, let l):
      return "hypothesis \(label) names '\(c)', which is not a construct of the model\(at(l))"
    case .hypothesisWithoutPath(let label, let f, let t, let l):
      return
        "hypothesis \(label) is about the path \(f) → \(t), which the structural model does not have (write '\(t) ~ \(f)' or correct the hypothesis)\(at(l))"
    case .repeatedHypothesis(let label, let earlier, let l):
      return "hypothesis \(label) repeats hypothesis \(earlier) (the same path or chain)\(at(l))"
    case .colonInConstructName(let c, let l):
      return
        "construct name '\(c)' contains ':', which writes interaction terms ('A:B'); rename the construct\(at(l))"
    case .interactionConstructUnknown(let c, let term, let l):
      return
        "the interaction term '\(term)' names '\(c)', which is not a construct of the model (declare it with '\(c) =~ …' or '\(c) <~ …')\(at(l))"
    case .nestedInteraction(let term, let l):
      return
        "the interaction term '\(term)' is an interaction of an interaction; only two-way interactions of constructs ('A:B') are supported\(at(l))"
    case .interactionOfItself(let term, let l):
      return
        "the interaction term '\(term)' joins a construct with itself; quadratic terms are not supported\(at(l))"
    case .interactionTwice(let term, let earlier, let l):
      return
        "the interaction term '\(term)' repeats '\(earlier)' in the other order; write it one way throughout\(at(l))"
    case .interactionWithoutMainEffect(let term, let c, let outcome, let l):
      return
        "the interaction term '\(term)' predicts '\(outcome)' without its main effect \(c) → \(outcome) (write '\(outcome) ~ … + \(c) + \(term)')\(at(l))"
    case .interactionAsOutcome(let term, let l):
      return
        "the interaction term '\(term)' can only be a predictor, on the right of '~'\(at(l))"
    case .unknownIndicator(let i, let c, let l, let available, let dataSource):
      let shown = available.map { $0.count > 40 ? $0.prefix(40) + "…" : $0 }
      let data = dataSource ?? "the data"
      let hint = available.count <= 60 ? ", which has: \(shown.joined(separator: ", "))" : ""
      return "indicator '\(i)' of construct '\(c)' is not a column of \(data)\(at(l))\(hint)"
    }
  }
}
