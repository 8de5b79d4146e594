/// A PLS path model: constructs with their indicator blocks and measurement modes, and the
/// directed structural paths between constructs.
///
/// A model describes names only and never touches data values; ``PathModel/validated(source:)``
/// checks it on its own, and ``PathModel/validated(againstColumns:dataSource:)`` against a data table's columns.
/// Build one from lavaan-style text with ``PathModel/init(syntax:source:)`` or in code with
/// the ``ModelBuilder`` result builder:
///
/// ```swift
/// let model = try PathModel {
///   Reflective("COMP", "comp_1", "comp_2", "comp_3")
///   Reflective("LIKE", "like_1", "like_2", "like_3")
///   Reflective("CUSA", "cusa")
///   Regression("CUSA", on: "COMP", "LIKE")
/// }
/// ```
public struct PathModel: Sendable, Codable, Equatable {
  /// A construct: a name, a measurement mode and its indicator block.
  public struct Construct: Sendable, Codable, Equatable {
    /// The construct's name.
    public var name: String
    /// Mode A (`=~`) or Mode B (`<~`).
    public var mode: MeasurementMode
    /// The indicator (data column) names of the block, in order.
    public var indicators: [String]
    /// Where the construct was declared in model text, when parsed.
    public var location: SourceLocation?

    public init(
      name: String, mode: MeasurementMode, indicators: [String], location: SourceLocation? = nil
    ) {
      self.name = name
      self.mode = mode
      self.indicators = indicators
      self.location = location
    }

    public static func == (lhs: Construct, rhs: Construct) -> Bool {
      lhs.name == rhs.name && lhs.mode == rhs.mode && lhs.indicators == rhs.indicators
    }
  }

  /// A directed structural path `from → to`.
  public struct Path: Sendable, Codable, Equatable, Hashable {
    /// The predictor construct, or an interaction term `A:B` (``PathModel/Interaction``).
    public var from: String
    /// The predicted (endogenous) construct.
    public var to: String
    /// Where the path was written in model text, when parsed.
    public var location: SourceLocation?
    /// For an interaction term parsed from text, where each of its constructs is written.
    public var termLocations: [SourceLocation]?

    public init(
      from: String, to: String, location: SourceLocation? = nil,
      termLocations: [SourceLocation]? = nil
    ) {
      self.from = from
      self.to = to
      self.location = location
      self.termLocations = termLocations
    }

    public static func == (lhs: Path, rhs: Path) -> Bool {
      lhs.from == rhs.from && lhs.to == rhs.to
    }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(from)
      hasher.combine(to)
    }
  }

  /// The constructs, in declaration order.
  public var constructs: [Construct]
  /// The structural paths, in declaration order.
  public var paths: [Path]
  /// The hypotheses about paths and specific indirect effects, in declaration order (model
  /// text names them in comments such as `# H1: X2 -> X3 (+)`). They label results for reports
  /// and never change an estimate.
  public var hypotheses: [Hypothesis]
  /// The higher-order constructs, in declaration order (``HigherOrderConstruct``): constructs
  /// measured by other constructs of ``constructs`` (their lower-order constructs).
  public var higherOrderConstructs: [HigherOrderConstruct]

  /// A model from its parts. Call ``validated(source:)`` to check it.
  public init(
    constructs: [Construct], paths: [Path], hypotheses: [Hypothesis] = [],
    higherOrderConstructs: [HigherOrderConstruct] = []
  ) {
    self.constructs = constructs
    self.paths = paths
    self.hypotheses = hypotheses
    self.higherOrderConstructs = higherOrderConstructs
  }

  private enum CodingKeys: String, CodingKey {
    case constructs, paths, hypotheses, higherOrderConstructs
  }

  /// Decodes a model; one encoded before hypotheses (higher-order constructs) existed has none.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    constructs = try container.decode([Construct].self, forKey: .constructs)
    paths = try container.decode([Path].self, forKey: .paths)
    hypotheses = try container.decodeIfPresent([Hypothesis].self, forKey: .hypotheses) ?? []
    higherOrderConstructs =
      try container.decodeIfPresent(
        [HigherOrderConstruct].self, forKey: .higherOrderConstructs) ?? []
  }

  /// The first-order construct names (those with indicator blocks) in declaration order
  /// (interaction terms are not among them: see ``interactions``; nor are higher-order
  /// constructs: see ``higherOrderConstructs``).
  public var constructNames: [String] { constructs.map(\.name) }

  /// Every indicator, block after block, in declaration order.
  public var indicators: [String] { constructs.flatMap(\.indicators) }

  /// The construct named `name`, if any.
  public func construct(named name: String) -> Construct? {
    constructs.first { $0.name == name }
  }

  /// The predecessors of `construct` (constructs with a path into it), in declaration order of the paths.
  public func predecessors(of construct: String) -> [String] {
    paths.filter { $0.to == construct }.map(\.from)
  }

  /// Constructs with at least one incoming path.
  public var endogenousConstructs: [String] {
    constructNames.filter { name in paths.contains { $0.to == name } }
  }

  /// Whether the model has interaction terms (moderation).
  public var hasInteractions: Bool { paths.contains { PathModel.Interaction.isTerm($0.from) } }
}
