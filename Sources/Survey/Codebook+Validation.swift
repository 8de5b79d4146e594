extension Codebook {
  /// This codebook if it holds together, else the first inconsistency.
  ///
  /// Checks that identifiers are non-empty and unique, every item's scale, construct and
  /// dimension exist, scales have at least two points and one label per point in every language
  /// they list, no two points of a scale share a label, every declared construct has items, no
  /// missing code is a scale point, and no two items would match the same response-file header.
  public func validated(source: String = "<codebook>") throws(CodebookError) -> Codebook {
    guard !scales.isEmpty else { throw .noScales(source: source) }
    guard !items.isEmpty else { throw .noItems(source: source) }
    var scaleIDs: Set<String> = []
    for scale in scales {
      guard !scale.id.isEmpty else { throw .emptyIdentifier(source: source, kind: "scale") }
      guard scaleIDs.insert(scale.id).inserted else {
        throw .duplicateIdentifier(source: source, kind: "scale", id: scale.id)
      }
      guard scale.points >= 2, scale.points <= 1000 else {
        throw .invalidScale(
          source: source, scale: scale.id, message: "needs 2 to 1000 points, has \(scale.points)")
      }
      var labelPoints: [TextKey: Int] = [:]
      for language in scale.labels.keys.sorted() {
        let labels = scale.labels[language] ?? []
        guard labels.count == scale.points else {
          throw .invalidScale(
            source: source, scale: scale.id,
            message: "\(scale.points) points but \(labels.count) labels in language \"\(language)\""
          )
        }
        for (offset, label) in labels.enumerated() {
          let key = TextKey(label)
          guard !key.isEmpty else {
            throw .invalidScale(
              source: source, scale: scale.id, message: "empty label in language \"\(language)\"")
          }
          if let point = labelPoints[key], point != offset + 1 {
            throw .duplicateLabel(source: source, scale: scale.id, label: label)
          }
          labelPoints[key] = offset + 1
        }
      }
      for code in missingCodes
      where code == code.rounded() && code >= 1 && code <= Double(scale.points) {
        throw .missingCodeOnScale(source: source, code: code, scale: scale.id)
      }
    }
    var constructIDs: Set<String> = []
    for construct in constructs {
      guard !construct.id.isEmpty else { throw .emptyIdentifier(source: source, kind: "construct") }
      guard constructIDs.insert(construct.id).inserted else {
        throw .duplicateIdentifier(source: source, kind: "construct", id: construct.id)
      }
      var dimensionIDs: Set<String> = []
      for dimension in construct.dimensions {
        guard !dimension.id.isEmpty else {
          throw .emptyIdentifier(source: source, kind: "dimension")
        }
        guard dimensionIDs.insert(dimension.id).inserted else {
          throw .duplicateIdentifier(
            source: source, kind: "dimension", id: "\(construct.id).\(dimension.id)")
        }
      }
    }
    var itemIDs: Set<String> = []
    var headerKeys: [TextKey: String] = [:]
    for item in items {
      guard !item.id.isEmpty else { throw .emptyIdentifier(source: source, kind: "item") }
      guard itemIDs.insert(item.id).inserted else {
        throw .duplicateIdentifier(source: source, kind: "item", id: item.id)
      }
      if let scaleID = item.scale, !scaleIDs.contains(scaleID) {
        throw .unknownScale(source: source, item: item.id, scale: scaleID)
      }
      if item.scale == nil, scales.count > 1 {
        throw .ambiguousScale(source: source, item: item.id)
      }
      guard let construct = construct(item.construct) else {
        throw .unknownConstruct(source: source, item: item.id, construct: item.construct)
      }
      if let dimension = item.dimension,
        !construct.dimensions.contains(where: { $0.id == dimension })
      {
        throw .unknownDimension(
          source: source, item: item.id, construct: construct.id, dimension: dimension)
      }
      for text in [item.id] + item.text.keys.sorted().compactMap({ item.text[$0] }) {
        let key = TextKey(text)
        guard !key.isEmpty else { continue }
        if let other = headerKeys[key], other != item.id {
          throw .ambiguousText(source: source, text: text, items: [other, item.id])
        }
        headerKeys[key] = item.id
      }
    }
    for construct in constructs where !items.contains(where: { $0.construct == construct.id }) {
      throw .emptyConstruct(source: source, construct: construct.id)
    }
    var variableIDs: Set<String> = []
    for variable in variables {
      guard !variable.id.isEmpty else { throw .emptyIdentifier(source: source, kind: "variable") }
      guard variableIDs.insert(variable.id).inserted, item(variable.id) == nil else {
        throw .duplicateIdentifier(source: source, kind: "variable", id: variable.id)
      }
    }
    return self
  }

  /// Every text a response-file header may use for an item (its id and its question in each
  /// language), keyed for matching, with the item's index.
  func headerIndex() -> [TextKey: Int] {
    var index: [TextKey: Int] = [:]
    for (position, item) in items.enumerated() {
      for text in [item.id] + item.text.values {
        let key = TextKey(text)
        if !key.isEmpty { index[key] = position }
      }
    }
    return index
  }
}
