/// One question of an instrument.
///
/// ```yaml
/// - id: X2_CO3
///   construct: X2
///   dimension: CO
///   reverse: true
///   text:
///     id: Saya jarang berbagi informasi dengan pelaku usaha lain di sentra ini.
///     en: I rarely share information with other business owners in this centre.
/// ```
public struct CodebookItem: Sendable, Equatable, Codable {
  /// The item's identifier: the column name in clean data files and model files.
  public var id: String
  /// The question per language; response-file headers may use any of these instead of ``id``.
  public var text: LocalizedText
  /// The identifier of the construct the item measures.
  public var construct: String
  /// The identifier of the construct's dimension the item belongs to, if the construct has dimensions.
  public var dimension: String?
  /// Whether agreement means *less* of the construct; such answers are recoded `points + 1 − x`.
  public var reverse: Bool
  /// The identifier of the item's scale; may be omitted when the codebook has one scale.
  public var scale: String?

  /// An item with the given parts.
  public init(
    id: String, text: LocalizedText = [:], construct: String, dimension: String? = nil,
    reverse: Bool = false,
    scale: String? = nil
  ) {
    self.id = id
    self.text = text
    self.construct = construct
    self.dimension = dimension
    self.reverse = reverse
    self.scale = scale
  }

  enum CodingKeys: String, CodingKey { case id, text, construct, dimension, reverse, scale }

  /// Decodes an item; `text`, `dimension`, `reverse` (false) and `scale` may be absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    text = try container.decodeIfPresent(LocalizedText.self, forKey: .text) ?? [:]
    construct = try container.decode(String.self, forKey: .construct)
    dimension = try container.decodeIfPresent(String.self, forKey: .dimension)
    reverse = try container.decodeIfPresent(Bool.self, forKey: .reverse) ?? false
    scale = try container.decodeIfPresent(String.self, forKey: .scale)
  }
}
