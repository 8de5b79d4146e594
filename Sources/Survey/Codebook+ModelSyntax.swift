extension Codebook {
  /// A lavaan-style model file for this instrument: a measurement statement per construct that
  /// the structural model mentions (`X1 =~ item + item …`, `<~` for Mode B constructs, items in
  /// codebook order), then the structural equations and the hypotheses, if any.
  ///
  /// ```text
  /// # LED-SENTRA: direct model
  /// X1 =~ X1_BL1 + X1_BL2 + X1_BL3 + X1_FL1 + X1_FL2 + X1_FL3
  /// …
  /// Y ~ X1 + X2 + X3
  /// ```
  ///
  /// - Parameters:
  ///   - structural: the equations; every construct they name must be in the codebook.
  ///   - title: a first comment line.
  ///   - hypotheses: hypotheses as the model syntax reads them in comments, e.g.
  ///     `H1: X2 -> X3 (+)`, written after the structural model, one `#` comment each.
  ///   - dimensions: make every construct with two or more dimensions a higher-order construct
  ///     over them (``dimensionStatements(of:source:)``).
  ///   - source: the codebook's name, for errors.
  /// - Throws: ``CodebookError/unknownModelConstruct(source:construct:)``,
  ///   ``CodebookError/itemWithoutDimension(source:item:construct:)``.
  public func modelSyntax(
    structural: [StructuralEquation], title: String? = nil, hypotheses: [String] = [],
    dimensions: Bool = false, source: String = "<codebook>"
  )
    throws(CodebookError) -> String
  {
    var used: Set<String> = []
    for equation in structural {
      for name in [equation.outcome] + equation.predictors {
        guard construct(name) != nil else {
          throw .unknownModelConstruct(source: source, construct: name)
        }
        used.insert(name)
      }
    }
    var lines: [String] = []
    if let title { lines.append("# \(title)") }
    lines.append("# Generated from the codebook of instrument \(instrument.name).")
    lines.append("")
    lines.append("# Measurement model")
    for construct in constructs where used.contains(construct.id) {
      let names = languages.compactMap { construct.name[$0] }
      if !names.isEmpty { lines.append("# \(construct.id): \(names.joined(separator: " / "))") }
      if dimensions, let statements = try dimensionStatements(of: construct, source: source) {
        lines += statements
        continue
      }
      let indicators = items(ofConstruct: construct.id).map(\.id)
      lines.append(
        "\(construct.id) \(construct.mode.modelOperator) \(indicators.joined(separator: " + "))")
    }
    lines.append("")
    lines.append("# Structural model")
    lines += structural.map(\.modelLine)
    if !hypotheses.isEmpty {
      lines.append("")
      lines.append("# Hypotheses (expected sign in parentheses)")
      lines += hypotheses.map { "# \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
