/// A codebook's dimensions as lower-order constructs: a construct measured by its dimensions
/// is a higher-order construct (the engine's `PathModel.HigherOrderConstruct`), so that a
/// multi-dimensional instrument's HOC model is generated, not typed.
extension Codebook {
  /// The name of the lower-order construct of dimension `dimension` of construct `construct`:
  /// `X1_BL`.
  public static func lowerOrderName(construct: String, dimension: String) -> String {
    "\(construct)_\(dimension)"
  }

  /// The lower-order constructs of `construct` when its dimensions measure it: one per
  /// dimension that has items, in codebook order, named ``lowerOrderName(construct:dimension:)``,
  /// each with its items in codebook order; nil when fewer than two dimensions have items (the
  /// construct stays first-order).
  ///
  /// - Throws: ``CodebookError/itemWithoutDimension(source:item:construct:)`` when the
  ///   construct has dimensions but an item of it names none.
  public func dimensionBlocks(of construct: ConstructDefinition, source: String = "<codebook>")
    throws(CodebookError) -> [(
      name: String, dimension: ConstructDefinition.Dimension, items: [String]
    )]?
  {
    let items = items(ofConstruct: construct.id)
    let used = construct.dimensions.filter { d in items.contains { $0.dimension == d.id } }
    guard used.count >= 2 else { return nil }
    if let loose = items.first(where: { $0.dimension == nil }) {
      throw .itemWithoutDimension(source: source, item: loose.id, construct: construct.id)
    }
    return used.map { dimension in
      (
        Self.lowerOrderName(construct: construct.id, dimension: dimension.id), dimension,
        items.filter { $0.dimension == dimension.id }.map(\.id)
      )
    }
  }

  /// The measurement statements of `construct` measured by its dimensions: per dimension a
  /// comment with its names and its block (`X1_BL =~ X1_BL1 + X1_BL2 + X1_BL3`, the construct's
  /// mode), then the construct over them (`X1 =~ X1_BL + X1_FL`); nil when it stays
  /// first-order (``dimensionBlocks(of:source:)``).
  public func dimensionStatements(of construct: ConstructDefinition, source: String = "<codebook>")
    throws(CodebookError) -> [String]?
  {
    guard let blocks = try dimensionBlocks(of: construct, source: source) else { return nil }
    let op = construct.mode.modelOperator
    var lines: [String] = []
    for block in blocks {
      let names = languages.compactMap { block.dimension.name[$0] }
      if !names.isEmpty { lines.append("# \(block.name): \(names.joined(separator: " / "))") }
      lines.append("\(block.name) \(op) \(block.items.joined(separator: " + "))")
    }
    lines.append("\(construct.id) \(op) \(blocks.map(\.name).joined(separator: " + "))")
    return lines
  }
}
