/// Text in several languages, keyed by language code: `["id": "Setuju", "en": "Agree"]`.
///
/// The bundled instrument uses `id` (Indonesian) and `en` (English); any codes may be used.
public typealias LocalizedText = [String: String]

/// The description of a questionnaire: its scales, constructs, items and missing-value codes.
///
/// A codebook is written in YAML (see the module's `README.md` for the format and a full
/// example) and loaded with ``init(yaml:source:)`` or ``init(contentsOfFile:)``, which validate
/// it. It drives everything else in this module: matching the columns of a response file to
/// items, turning text labels into scale points, reverse coding, treating missing codes,
/// grouping items into constructs for descriptives, and writing the measurement part of a model.
public struct Codebook: Sendable, Equatable, Codable {
  /// The instrument's name and titles.
  public var instrument: Instrument
  /// The language codes the texts use, in order of preference for display (default `["id", "en"]`).
  public var languages: [String]
  /// The response scales the items use.
  public var scales: [LikertScale]
  /// The constructs in the order they are reported. When the YAML has no `constructs` list, one
  /// construct per distinct `construct` of the items, in order of first appearance, in Mode A.
  public var constructs: [ConstructDefinition]
  /// The items (questions), in questionnaire order.
  public var items: [CodebookItem]
  /// Numeric cell values that mean "no answer", such as `-99`; never valid scale points.
  public var missingCodes: [Double]
  /// Cell texts that mean "no answer", such as `NA` or `Tidak tahu`; matched case- and
  /// whitespace-insensitively.
  public var missingLabels: [String]
  /// Columns that are not items (grouping and background variables) with labels for their
  /// codes; empty when the YAML has no `variables`.
  public var variables: [CodebookVariable]

  /// Names the instrument.
  public struct Instrument: Sendable, Equatable, Codable {
    /// A short identifier, e.g. `LED-SENTRA`.
    public var name: String
    /// The full title per language.
    public var title: LocalizedText
    /// Who answers, per language (e.g. "business owners"); optional.
    public var respondents: LocalizedText

    /// An instrument named `name`.
    public init(name: String, title: LocalizedText = [:], respondents: LocalizedText = [:]) {
      self.name = name
      self.title = title
      self.respondents = respondents
    }

    enum CodingKeys: String, CodingKey { case name, title, respondents }

    /// Decodes an instrument; `title` and `respondents` may be absent.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      name = try container.decode(String.self, forKey: .name)
      title = try container.decodeIfPresent(LocalizedText.self, forKey: .title) ?? [:]
      respondents = try container.decodeIfPresent(LocalizedText.self, forKey: .respondents) ?? [:]
    }
  }

  /// A codebook from its parts, without validation (``validated(source:)`` checks it).
  public init(
    instrument: Instrument, languages: [String] = ["id", "en"], scales: [LikertScale],
    constructs: [ConstructDefinition], items: [CodebookItem], missingCodes: [Double] = [],
    missingLabels: [String] = [], variables: [CodebookVariable] = []
  ) {
    self.instrument = instrument
    self.languages = languages
    self.scales = scales
    self.constructs = constructs
    self.items = items
    self.missingCodes = missingCodes
    self.missingLabels = missingLabels
    self.variables = variables
  }

  enum CodingKeys: String, CodingKey {
    case instrument, languages, scales, constructs, items, missingCodes, missingLabels, variables
  }

  /// Decodes a codebook; `languages`, `constructs`, `missingCodes` and `missingLabels` may be absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    instrument = try container.decode(Instrument.self, forKey: .instrument)
    languages = try container.decodeIfPresent([String].self, forKey: .languages) ?? ["id", "en"]
    scales = try container.decode([LikertScale].self, forKey: .scales)
    items = try container.decode([CodebookItem].self, forKey: .items)
    missingCodes = try container.decodeIfPresent([Double].self, forKey: .missingCodes) ?? []
    missingLabels = try container.decodeIfPresent([String].self, forKey: .missingLabels) ?? []
    variables = try container.decodeIfPresent([CodebookVariable].self, forKey: .variables) ?? []
    if let declared = try container.decodeIfPresent([ConstructDefinition].self, forKey: .constructs)
    {
      constructs = declared
    } else {
      var seen: Set<String> = []
      constructs = items.compactMap { item in
        seen.insert(item.construct).inserted ? ConstructDefinition(id: item.construct) : nil
      }
    }
  }

  /// The item with identifier `id`, if any.
  public func item(_ id: String) -> CodebookItem? { items.first { $0.id == id } }

  /// The variable (a column that is not an item) with identifier `id`, if any.
  public func variable(_ id: String) -> CodebookVariable? { variables.first { $0.id == id } }

  /// The construct with identifier `id`, if any.
  public func construct(_ id: String) -> ConstructDefinition? { constructs.first { $0.id == id } }

  /// The scale an item uses: the one it names, or the codebook's only scale.
  public func scale(of item: CodebookItem) -> LikertScale? {
    if let id = item.scale { return scales.first { $0.id == id } }
    return scales.count == 1 ? scales.first : nil
  }

  /// The items of construct `id`, in codebook order.
  public func items(ofConstruct id: String) -> [CodebookItem] {
    items.filter { $0.construct == id }
  }
}
