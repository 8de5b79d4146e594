/// Hypotheses about the structural model, named in the model file as comments:
///
///     # H1: X2 -> X3 (+)          a positive path X2 → X3
///     # H2: X1 -> Y (-)           a negative path
///     # H3: X1 -> Y               a path of either sign (non-directional)
///     # H4: X2 -> X3 -> Y (+)     a positive specific indirect effect through X3
///
/// A hypothesis names a direct path (two constructs) or a specific indirect effect (a chain of
/// three or more, each link a path of the model), and optionally the sign it expects, so that
/// a report can say whether it is supported — and say so when a significant effect has the
/// opposite sign. The estimates do not depend on hypotheses: they only label results.
extension PathModel {
  /// A hypothesis about one path or one specific indirect effect, with the sign it expects.
  public struct Hypothesis: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    /// The sign a hypothesis expects.
    public enum Direction: String, Sendable, Codable, Equatable, Hashable {
      /// A positive effect, written `(+)`.
      case positive = "+"
      /// A negative effect, written `(-)`.
      case negative = "-"
    }

    /// The label, e.g. `H1` or `H2a`.
    public var label: String
    /// The constructs from the predictor to the outcome: two for a direct path, three or more
    /// for a specific indirect effect through the constructs between them.
    public var chain: [String]
    /// The expected sign; nil for a non-directional hypothesis.
    public var direction: Direction?
    /// Where the hypothesis was written in model text, when parsed.
    public var location: SourceLocation?

    /// A hypothesis labelled `label` about `chain` (predictor, any mediators, outcome).
    public init(
      label: String, chain: [String], direction: Direction? = nil,
      location: SourceLocation? = nil
    ) {
      self.label = label
      self.chain = chain
      self.direction = direction
      self.location = location
    }

    /// The predictor.
    public var from: String { chain.first ?? "" }
    /// The outcome.
    public var to: String { chain.last ?? "" }
    /// The constructs between predictor and outcome (empty for a direct path).
    public var mediators: [String] { Array(chain.dropFirst().dropLast()) }
    /// Whether it is about a specific indirect effect (a chain of two or more paths).
    public var isIndirect: Bool { chain.count > 2 }

    /// The statistic it is about: the path coefficient, or the specific indirect effect.
    public var statisticKey: StatisticKey {
      isIndirect ? .specificIndirectEffect(chain: chain) : .path(from: from, to: to)
    }

    /// The hypothesis as a model-file comment reads it, without the `#`:
    /// `H1: X2 -> X3 (+)`.
    public var description: String {
      let sign = direction.map { " (\($0.rawValue))" } ?? ""
      return "\(label): \(chain.map(PathModel.quotedName).joined(separator: " -> "))\(sign)"
    }

    public static func == (lhs: Hypothesis, rhs: Hypothesis) -> Bool {
      lhs.label == rhs.label && lhs.chain == rhs.chain && lhs.direction == rhs.direction
    }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(label)
      hasher.combine(chain)
      hasher.combine(direction)
    }
  }

  /// Checks the hypotheses against the model: unique labels, every construct declared, every
  /// link of a chain a structural path, no chain hypothesised twice.
  func validateHypotheses() throws(SpecificationError) {
    var labels: [String: Hypothesis] = [:]
    var chains: [[String]: Hypothesis] = [:]
    let declared = Set(constructNames + higherOrderConstructs.map(\.name))
    let links = Set(paths.map { [$0.from, $0.to] })
    for hypothesis in hypotheses {
      if let first = labels[hypothesis.label] {
        throw .duplicateHypothesis(
          label: hypothesis.label, first: first.location, location: hypothesis.location)
      }
      labels[hypothesis.label] = hypothesis
      for name in hypothesis.chain where !declared.contains(name) {
        throw .hypothesisUnknownConstruct(
          label: hypothesis.label, construct: name, location: hypothesis.location)
      }
      for k in 1..<max(1, hypothesis.chain.count) {
        let link = [hypothesis.chain[k - 1], hypothesis.chain[k]]
        if !links.contains(link) {
          throw .hypothesisWithoutPath(
            label: hypothesis.label, from: link[0], to: link[1], location: hypothesis.location)
        }
      }
      if let earlier = chains[hypothesis.chain] {
        throw .repeatedHypothesis(
          label: hypothesis.label, earlier: earlier.label, location: hypothesis.location)
      }
      chains[hypothesis.chain] = hypothesis
    }
  }

  /// A name as model text writes it: bare when it is letters, digits, `_` and `.`, else quoted.
  static func quotedName(_ name: String) -> String {
    if !name.isEmpty, name.allSatisfy(ModelSyntaxParser.isNameCharacter) { return name }
    return name.contains("\"") ? "`\(name)`" : "\"\(name)\""
  }
}
