/// A codebook that cannot be read or does not hold together.
///
/// Every case names the codebook's source (its path, or the name given when loading from text)
/// and, where one is involved, the item, scale or construct.
public enum CodebookError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file does not exist or cannot be read.
  case unreadable(source: String, reason: String)
  /// The text is not valid YAML; `line` and `column` are 1-based when the YAML parser knows them.
  case invalidYAML(source: String, line: Int?, column: Int?, message: String)
  /// The YAML is well formed but a field is missing or has the wrong type; `path` names it,
  /// e.g. `items, entry 4, construct`.
  case invalidStructure(source: String, path: String, message: String)
  /// The codebook lists no items.
  case noItems(source: String)
  /// The codebook lists no scales.
  case noScales(source: String)
  /// An identifier is empty; `kind` is `item`, `scale`, `construct` or `dimension`.
  case emptyIdentifier(source: String, kind: String)
  /// Two items, scales, constructs or dimensions of one construct share an identifier.
  case duplicateIdentifier(source: String, kind: String, id: String)
  /// A scale is unusable: fewer than two points, or a language's labels that do not match the points.
  case invalidScale(source: String, scale: String, message: String)
  /// Two points of a scale have labels that match alike (case and whitespace ignored).
  case duplicateLabel(source: String, scale: String, label: String)
  /// An item names a scale the codebook does not define.
  case unknownScale(source: String, item: String, scale: String)
  /// An item names no scale and the codebook has several.
  case ambiguousScale(source: String, item: String)
  /// An item names a construct missing from the codebook's `constructs` list.
  case unknownConstruct(source: String, item: String, construct: String)
  /// An item names a dimension its construct does not define.
  case unknownDimension(source: String, item: String, construct: String, dimension: String)
  /// A construct in the `constructs` list has no items.
  case emptyConstruct(source: String, construct: String)
  /// Two items would match the same response-file header (their ids or texts coincide when case
  /// and whitespace are ignored).
  case ambiguousText(source: String, text: String, items: [String])
  /// A missing code is a valid point of a scale, so an answer could not be told from "missing".
  case missingCodeOnScale(source: String, code: Double, scale: String)
  /// A model asks for a construct the codebook does not define.
  case unknownModelConstruct(source: String, construct: String)
  /// A construct asked to be measured by its dimensions has an item without a dimension.
  case itemWithoutDimension(source: String, item: String, construct: String)

  /// `source: message`.
  public var description: String {
    switch self {
    case .unreadable(let source, let reason):
      return "\(source): cannot read the codebook: \(reason)"
    case .invalidYAML(let source, let line, let column, let message):
      var place = source
      if let line { place += ":\(line)" }
      if let line, let column { place = "\(source):\(line):\(column)" }
      return "\(place): invalid YAML: \(message)"
    case .invalidStructure(let source, let path, let message):
      return "\(source): \(path): \(message)"
    case .noItems(let source): return "\(source): the codebook lists no items"
    case .noScales(let source): return "\(source): the codebook lists no scales"
    case .emptyIdentifier(let source, let kind): return "\(source): a \(kind) has an empty id"
    case .duplicateIdentifier(let source, let kind, let id):
      return "\(source): \(kind) id \"\(id)\" is used twice"
    case .invalidScale(let source, let scale, let message):
      return "\(source): scale \"\(scale)\": \(message)"
    case .duplicateLabel(let source, let scale, let label):
      return "\(source): scale \"\(scale)\": label \"\(label)\" stands for two different points"
    case .unknownScale(let source, let item, let scale):
      return "\(source): item \"\(item)\": unknown scale \"\(scale)\""
    case .ambiguousScale(let source, let item):
      return "\(source): item \"\(item)\": names no scale and the codebook has several"
    case .unknownConstruct(let source, let item, let construct):
      return "\(source): item \"\(item)\": construct \"\(construct)\" is not in the constructs list"
    case .unknownDimension(let source, let item, let construct, let dimension):
      return
        "\(source): item \"\(item)\": construct \"\(construct)\" has no dimension \"\(dimension)\""
    case .emptyConstruct(let source, let construct):
      return "\(source): construct \"\(construct)\" has no items"
    case .ambiguousText(let source, let text, let items):
      return
        "\(source): items \(items.map { "\"\($0)\"" }.joined(separator: " and ")) both match the header \"\(text)\""
    case .missingCodeOnScale(let source, let code, let scale):
      return "\(source): missing code \(NumberText.format(code)) is a point of scale \"\(scale)\""
    case .unknownModelConstruct(let source, let construct):
      return
        "\(source): the model names construct \"\(construct)\", which the codebook does not define"
    case .itemWithoutDimension(let source, let item, let construct):
      return
        "\(source): item \"\(item)\" of construct \"\(construct)\" names no dimension, so its dimensions cannot be lower-order constructs (give every item of \"\(construct)\" a dimension, or leave out --dimensions)"
    }
  }
}
