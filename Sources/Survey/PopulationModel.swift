/// A population for simulation: standardised paths among constructs, correlations among the
/// exogenous constructs, and standardised loadings of items on constructs.
///
/// All variables have mean 0 and variance 1 in the population. Endogenous constructs get the
/// disturbance variance `1 − R²` that their paths imply, and each item `x = λ·η + ε` the error
/// variance `1 − λ²`. ``Simulator`` checks the model and draws data from it.
public struct PopulationModel: Sendable, Equatable, Codable {
  /// A standardised structural path `from → to`.
  public struct Path: Sendable, Equatable, Codable {
    /// The predictor construct.
    public var from: String
    /// The outcome construct.
    public var to: String
    /// The standardised coefficient β.
    public var coefficient: Double

    /// The path `from → to` with coefficient `coefficient`.
    public init(from: String, to: String, coefficient: Double) {
      self.from = from
      self.to = to
      self.coefficient = coefficient
    }
  }

  /// The correlation of two exogenous constructs (unlisted pairs are uncorrelated).
  public struct Correlation: Sendable, Equatable, Codable {
    /// One construct.
    public var first: String
    /// The other construct.
    public var second: String
    /// The correlation, in (−1, 1).
    public var value: Double

    /// The correlation `value` between `first` and `second`.
    public init(_ first: String, _ second: String, _ value: Double) {
      self.first = first
      self.second = second
      self.value = value
    }
  }

  /// An item's standardised loading on its construct.
  public struct Indicator: Sendable, Equatable, Codable {
    /// The item id.
    public var item: String
    /// The construct the item measures.
    public var construct: String
    /// The standardised loading λ, in [−1, 1].
    public var loading: Double

    /// Item `item` loading `loading` on `construct`.
    public init(item: String, construct: String, loading: Double) {
      self.item = item
      self.construct = construct
      self.loading = loading
    }
  }

  /// The constructs, in the order their scores are reported.
  public var constructs: [String]
  /// The structural paths; they must form no cycle.
  public var paths: [Path]
  /// Correlations among exogenous constructs (those no path points to).
  public var correlations: [Correlation]
  /// The items, in the order their columns are produced.
  public var indicators: [Indicator]

  /// A population model with the given parts.
  public init(
    constructs: [String], paths: [Path], correlations: [Correlation] = [], indicators: [Indicator]
  ) {
    self.constructs = constructs
    self.paths = paths
    self.correlations = correlations
    self.indicators = indicators
  }

  /// A population model for the items of `codebook`, with `loadings` per item id (items not
  /// listed get `defaultLoading`).
  public init(
    codebook: Codebook, paths: [Path], correlations: [Correlation] = [],
    loadings: [String: Double] = [:],
    defaultLoading: Double = 0.8
  ) {
    self.init(
      constructs: codebook.constructs.map(\.id), paths: paths, correlations: correlations,
      indicators: codebook.items.map {
        Indicator(item: $0.id, construct: $0.construct, loading: loadings[$0.id] ?? defaultLoading)
      })
  }
}
