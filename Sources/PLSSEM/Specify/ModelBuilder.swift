/// A statement of a model written in Swift with ``ModelBuilder``.
public enum ModelStatement: Sendable {
  case construct(PathModel.Construct)
  case paths([PathModel.Path])
  case hypothesis(PathModel.Hypothesis)
}

/// A Mode A (`=~`) construct for ``ModelBuilder``.
public func Reflective(_ name: String, _ indicators: String...) -> ModelStatement {
  .construct(.init(name: name, mode: .a, indicators: indicators))
}

/// A Mode A (`=~`) construct for ``ModelBuilder``, from an array of indicators.
public func Reflective(_ name: String, indicators: [String]) -> ModelStatement {
  .construct(.init(name: name, mode: .a, indicators: indicators))
}

/// A Mode B (`<~`) construct for ``ModelBuilder``.
public func Composite(_ name: String, _ indicators: String...) -> ModelStatement {
  .construct(.init(name: name, mode: .b, indicators: indicators))
}

/// A Mode B (`<~`) construct for ``ModelBuilder``, from an array of indicators.
public func Composite(_ name: String, indicators: [String]) -> ModelStatement {
  .construct(.init(name: name, mode: .b, indicators: indicators))
}

/// Structural paths from each of `predictors` to `target` (`target ~ p1 + p2`) for ``ModelBuilder``.
/// A predictor `"A:B"` is the interaction term of A and B (``PathModel/Interaction``), as in
/// model text: `Regression("CUSL", on: "CUSA", "SC", "CUSA:SC")`.
public func Regression(_ target: String, on predictors: String...) -> ModelStatement {
  .paths(predictors.map { .init(from: $0, to: target) })
}

/// A hypothesis for ``ModelBuilder``: `label` about the path or chain `chain` (predictor, any
/// mediators, outcome), expecting `expected` (nil: either sign), e.g.
/// `Hypothesis("H1", "X2", "X3", expected: .positive)`.
public func Hypothesis(
  _ label: String, _ chain: String..., expected: PathModel.Hypothesis.Direction? = nil
) -> ModelStatement {
  .hypothesis(.init(label: label, chain: chain, direction: expected))
}

/// A result builder for ``PathModel``: list constructs and regressions in any order.
@resultBuilder
public enum ModelBuilder {
  public static func buildExpression(_ statement: ModelStatement) -> [ModelStatement] {
    [statement]
  }
  public static func buildExpression(_ statements: [ModelStatement]) -> [ModelStatement] {
    statements
  }
  public static func buildBlock(_ parts: [ModelStatement]...) -> [ModelStatement] {
    parts.flatMap { $0 }
  }
  public static func buildOptional(_ part: [ModelStatement]?) -> [ModelStatement] { part ?? [] }
  public static func buildEither(first part: [ModelStatement]) -> [ModelStatement] { part }
  public static func buildEither(second part: [ModelStatement]) -> [ModelStatement] { part }
  public static func buildArray(_ parts: [[ModelStatement]]) -> [ModelStatement] {
    parts.flatMap { $0 }
  }
}

extension PathModel {
  /// Builds and validates a model written with ``ModelBuilder``.
  public init(@ModelBuilder _ statements: () -> [ModelStatement]) throws(SpecificationError) {
    var constructs: [Construct] = []
    var paths: [Path] = []
    var hypotheses: [Hypothesis] = []
    for statement in statements() {
      switch statement {
      case .construct(let c): constructs.append(c)
      case .paths(let p): paths.append(contentsOf: p)
      case .hypothesis(let h): hypotheses.append(h)
      }
    }
    self = try PathModel(constructs: constructs, paths: paths, hypotheses: hypotheses)
      .validated(source: "<builder>")
  }

  /// The model as lavaan-style text that ``init(syntax:source:)`` reads back to an equal model:
  /// one line per construct (higher-order constructs after the first-order ones), then one `target ~ a + b` line per run of consecutive paths into
  /// the same target (so the paths keep their order), then one comment per hypothesis
  /// (`# H1: X2 -> X3 (+)`). Names that are not plain (letters, digits, `_`, `.`) are quoted.
  public var syntax: String { syntax(includingHypotheses: true) }

  /// The model as lavaan-style text (``syntax``), with or without its hypothesis comments
  /// (without: what the estimates depend on, as a bootstrap's fingerprint records it).
  public func syntax(includingHypotheses: Bool) -> String {
    let quoted = Self.quotedName
    var lines = constructs.map {
      "\(quoted($0.name)) \($0.mode == .a ? "=~" : "<~") \($0.indicators.map(quoted).joined(separator: " + "))"
    }
    lines += higherOrderConstructs.map {
      "\(quoted($0.name)) \($0.mode == .a ? "=~" : "<~") \($0.components.map(quoted).joined(separator: " + "))"
    }
    var start = 0
    while start < paths.count {
      var end = start + 1
      while end < paths.count, paths[end].to == paths[start].to { end += 1 }
      let predictors = paths[start..<end].map { path in
        Interaction.isTerm(path.from)
          ? Interaction(name: path.from).constructs.map(quoted).joined(separator: ":")
          : quoted(path.from)
      }
      lines.append("\(quoted(paths[start].to)) ~ \(predictors.joined(separator: " + "))")
      start = end
    }
    if includingHypotheses {
      lines += hypotheses.map { "# \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
