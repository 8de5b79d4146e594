/// Interaction terms (moderation): `CUSL ~ CUSA + SC + CUSA:SC` in model text (lavaan's
/// syntax), or `Regression("CUSL", on: "CUSA", "SC", "CUSA:SC")` with ``ModelBuilder``.
///
/// An interaction term is a predictor whose name joins two constructs with `:`; the name is
/// kept exactly as written (`CUSA:SC`, not `SC:CUSA`) in every result, table and diagram.
/// Validation (``PathModel/validated(source:)``) requires both constructs to be declared, the
/// main effects (`CUSA → CUSL` and `SC → CUSL`) to be in the model, and the term to be a
/// predictor only; a term of three or more constructs (an interaction of an interaction) and a
/// construct with itself are errors. How the term is measured when the model is estimated is
/// the estimator's choice (``PLSSettings/interaction``).
extension PathModel {
  /// The interaction term of two constructs, `A:B`.
  public struct Interaction: Sendable, Equatable, Hashable {
    /// The term's name as written, `A:B`.
    public var name: String
    /// The constructs it joins, in the order written (the first is the focal predictor of
    /// simple-slope analyses, the second the moderator).
    public var constructs: [String] {
      name.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    }
    /// The first construct (the focal predictor).
    public var predictor: String { constructs.first ?? name }
    /// The second construct (the moderator).
    public var moderator: String { constructs.dropFirst().first ?? name }

    public init(name: String) { self.name = name }

    /// The term `predictor:moderator`.
    public init(_ predictor: String, _ moderator: String) { name = predictor + ":" + moderator }

    /// Whether a predictor name is an interaction term (contains `:`).
    public static func isTerm(_ name: String) -> Bool { name.contains(":") }
  }

  /// The interaction terms of the model, each once, in the order of their first path.
  public var interactions: [Interaction] {
    var seen = Set<String>()
    return paths.compactMap { path in
      guard Interaction.isTerm(path.from), seen.insert(path.from).inserted else { return nil }
      return Interaction(name: path.from)
    }
  }

  /// The interaction terms' checks (part of ``validated(source:)``), given the declared
  /// constructs.
  func validateInteractions(declared: Set<String>) throws(SpecificationError) {
    for construct in constructs where Interaction.isTerm(construct.name) {
      throw .colonInConstructName(construct: construct.name, location: construct.location)
    }
    var firstOfPair: [Set<String>: (name: String, location: SourceLocation?)] = [:]
    for path in paths {
      if Interaction.isTerm(path.to) {
        throw .interactionAsOutcome(interaction: path.to, location: path.location)
      }
      guard Interaction.isTerm(path.from) else { continue }
      let term = Interaction(name: path.from)
      let parts = term.constructs
      guard parts.count == 2 else {
        throw .nestedInteraction(interaction: term.name, location: path.location)
      }
      for (k, part) in parts.enumerated() where !declared.contains(part) {
        let location = path.termLocations.flatMap { k < $0.count ? $0[k] : nil } ?? path.location
        throw .interactionConstructUnknown(
          construct: part, interaction: term.name, location: location)
      }
      guard parts[0] != parts[1] else {
        throw .interactionOfItself(interaction: term.name, location: path.location)
      }
      let pair = Set(parts)
      if let earlier = firstOfPair[pair], earlier.name != term.name {
        throw .interactionTwice(
          interaction: term.name, earlier: earlier.name, location: path.location)
      }
      if firstOfPair[pair] == nil { firstOfPair[pair] = (term.name, path.location) }
      for part in parts
      where !paths.contains(where: { $0.from == part && $0.to == path.to }) {
        throw .interactionWithoutMainEffect(
          interaction: term.name, construct: part, outcome: path.to, location: path.location)
      }
    }
  }
}
