/// A statement of a model written in Swift with ``ModelBuilder``.
public enum ModelStatement: Sendable {
  case construct(PathModel.Construct)
  case paths([PathModel.Path])
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
public func Regression(_ target: String, on predictors: String...) -> ModelStatement {
  .paths(predictors.map { .init(from: $0, to: target) })
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
    for statement in statements() {
      switch statement {
      case .construct(let c): constructs.append(c)
      case .paths(let p): paths.append(contentsOf: p)
      }
    }
    self = try PathModel(constructs: constructs, paths: paths).validated(source: "<builder>")
  }

  /// The model as lavaan-style text that ``init(syntax:source:)`` reads back to an equal model:
  /// one line per construct, then one `target ~ a + b` line per run of consecutive paths into
  /// the same target (so the paths keep their order). Names that are not plain (letters,
  /// digits, `_`, `.`) are quoted.
  public var syntax: String {
    func quoted(_ name: String) -> String {
      if !name.isEmpty, name.allSatisfy(ModelSyntaxParser.isNameCharacter) { return name }
      return name.contains("\"") ? "`\(name)`" : "\"\(name)\""
    }
    var lines = constructs.map {
      "\(quoted($0.name)) \($0.mode == .a ? "=~" : "<~") \($0.indicators.map(quoted).joined(separator: " + "))"
    }
    var start = 0
    while start < paths.count {
      var end = start + 1
      while end < paths.count, paths[end].to == paths[start].to { end += 1 }
      let predictors = paths[start..<end].map { quoted($0.from) }
      lines.append("\(quoted(paths[start].to)) ~ \(predictors.joined(separator: " + "))")
      start = end
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
