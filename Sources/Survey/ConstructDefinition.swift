/// A construct (latent variable) of an instrument, with its dimensions.
///
/// ```yaml
/// - id: X1
///   name: {id: Keterkaitan Industri, en: Industrial linkages}
///   mode: A
///   dimensions:
///     - id: BL
///       name: {id: Keterkaitan ke belakang, en: Backward linkage}
/// ```
public struct ConstructDefinition: Sendable, Equatable, Codable {
  /// The construct's identifier, used in model files (`X1`).
  public var id: String
  /// The construct's name per language.
  public var name: LocalizedText
  /// The measurement mode in PLS estimation (default ``ConstructMode/A``).
  public var mode: ConstructMode
  /// Dimensions (facets) the items of this construct are grouped in; may be empty.
  public var dimensions: [Dimension]

  /// A facet of a construct.
  public struct Dimension: Sendable, Equatable, Codable {
    /// The dimension's identifier, unique within its construct.
    public var id: String
    /// The dimension's name per language.
    public var name: LocalizedText

    /// A dimension named `name`.
    public init(id: String, name: LocalizedText = [:]) {
      self.id = id
      self.name = name
    }

    enum CodingKeys: String, CodingKey { case id, name }

    /// Decodes a dimension; `name` may be absent.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      id = try container.decode(String.self, forKey: .id)
      name = try container.decodeIfPresent(LocalizedText.self, forKey: .name) ?? [:]
    }
  }

  /// A construct with the given parts.
  public init(
    id: String, name: LocalizedText = [:], mode: ConstructMode = .A, dimensions: [Dimension] = []
  ) {
    self.id = id
    self.name = name
    self.mode = mode
    self.dimensions = dimensions
  }

  enum CodingKeys: String, CodingKey { case id, name, mode, dimensions }

  /// Decodes a construct; `name`, `mode` and `dimensions` may be absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    name = try container.decodeIfPresent(LocalizedText.self, forKey: .name) ?? [:]
    mode = try container.decodeIfPresent(ConstructMode.self, forKey: .mode) ?? .A
    dimensions = try container.decodeIfPresent([Dimension].self, forKey: .dimensions) ?? []
  }
}
