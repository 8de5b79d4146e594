/// Higher-order constructs (HOCs): a construct whose "indicators" are other constructs, its
/// lower-order constructs (LOCs, the dimensions):
///
///     Image =~ IMAG1 + IMAG2 + IMAG3
///     Value =~ PERV1 + PERV2
///     Satisfaction =~ Image + Value     # reflective–reflective HOC
///     Satisfaction <~ Image + Value     # reflective–formative HOC (Mode B at the HOC level)
///
/// A LOC keeps its own indicator block, in either mode. A HOC takes part in the structural
/// model like any construct; its LOCs do not (their relations run through the HOC). How the
/// HOC is estimated — the disjoint two-stage approach or repeated indicators — is a setting of
/// the estimation (``HigherOrderMethod``), not of the model (Sarstedt, Hair, Cheah, Becker &
/// Ringle 2019, *Australasian Marketing Journal* 27(3), 197–211; Becker, Klein & Wetzels 2012,
/// *Long Range Planning* 45(5–6), 359–394).
extension PathModel {
  /// A higher-order construct: a name, the mode of its measurement by its lower-order
  /// constructs, and those constructs.
  public struct HigherOrderConstruct: Sendable, Codable, Equatable {
    /// The HOC's name.
    public var name: String
    /// Mode A (`=~`, reflective at the HOC level) or Mode B (`<~`, formative/composite).
    public var mode: MeasurementMode
    /// The lower-order constructs (dimensions), in the order written.
    public var components: [String]
    /// Where the HOC was declared in model text, when parsed.
    public var location: SourceLocation?

    public init(
      name: String, mode: MeasurementMode, components: [String], location: SourceLocation? = nil
    ) {
      self.name = name
      self.mode = mode
      self.components = components
      self.location = location
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
      lhs.name == rhs.name && lhs.mode == rhs.mode && lhs.components == rhs.components
    }
  }

  /// The higher-order construct named `name`, if any.
  public func higherOrderConstruct(named name: String) -> HigherOrderConstruct? {
    higherOrderConstructs.first { $0.name == name }
  }

  /// The higher-order construct that `construct` is a lower-order construct of, if any.
  public func higherOrderConstruct(of construct: String) -> HigherOrderConstruct? {
    higherOrderConstructs.first { $0.components.contains(construct) }
  }

  /// The names the structural model may use: first-order constructs (except lower-order ones)
  /// and higher-order constructs, in declaration order.
  public var structuralNames: [String] {
    let lower = Set(higherOrderConstructs.flatMap(\.components))
    return constructNames.filter { !lower.contains($0) } + higherOrderConstructs.map(\.name)
  }

  /// The model with every block that lists another block's construct among its indicators
  /// moved to ``higherOrderConstructs`` (its indicators become the HOC's components, as
  /// written, so that validation can name a mix of constructs and indicators). A construct
  /// that shares its name with its own indicator (`Age =~ Age`) stays first-order. Idempotent.
  public func separatingHigherOrder() -> PathModel {
    let names = Set(constructNames)
    var model = self
    model.constructs = []
    for construct in constructs {
      if construct.indicators.contains(where: { $0 != construct.name && names.contains($0) }) {
        model.higherOrderConstructs.append(
          HigherOrderConstruct(
            name: construct.name, mode: construct.mode, components: construct.indicators,
            location: construct.location))
      } else {
        model.constructs.append(construct)
      }
    }
    return model
  }

  /// Checks the higher-order constructs: a name not declared twice, at least two components,
  /// every component a first-order construct (not an indicator, not another HOC), no component
  /// in two HOCs, no structural path to or from a component, every HOC in a structural path.
  func validateHigherOrder() throws(SpecificationError) {
    let firstOrder = Set(constructNames)
    var seen = Set<String>()
    var owner: [String: String] = [:]
    let higherNames = Set(higherOrderConstructs.map(\.name))
    for hoc in higherOrderConstructs {
      if firstOrder.contains(hoc.name) || !seen.insert(hoc.name).inserted {
        throw .duplicateConstruct(construct: hoc.name, location: hoc.location)
      }
      if let nested = hoc.components.first(where: { higherNames.contains($0) }) {
        throw .higherOrderOfHigherOrder(
          construct: hoc.name, component: nested, location: hoc.location)
      }
      let indicators = hoc.components.filter { !firstOrder.contains($0) }
      if !indicators.isEmpty {
        throw .higherOrderMixesIndicators(
          construct: hoc.name, constructs: hoc.components.filter { firstOrder.contains($0) },
          indicators: indicators, location: hoc.location)
      }
      guard Set(hoc.components).count >= 2 else {
        throw .higherOrderTooFewComponents(construct: hoc.name, location: hoc.location)
      }
      for component in hoc.components {
        if let first = owner[component] {
          throw .componentOfTwoHigherOrder(
            component: component, first: first, second: hoc.name, location: hoc.location)
        }
        owner[component] = hoc.name
      }
    }
    for path in paths {
      for end in [path.from, path.to] {
        guard let hoc = owner[end] else { continue }
        throw .lowerOrderInPath(
          component: end, construct: hoc, from: path.from, to: path.to, location: path.location)
      }
    }
  }

  /// Refuses interaction terms in a model with higher-order constructs: neither the two-stage
  /// HOC estimate nor the staged interaction procedure (``PLSSettings/interaction``) is defined
  /// on the other's output here, and no peer result verifies the combination. Names the HOC the
  /// term joins (else the model's first HOC).
  func refuseInteractionsWithHigherOrder() throws(SpecificationError) {
    guard let first = higherOrderConstructs.first else { return }
    let higher = Set(higherOrderConstructs.map(\.name))
    for path in paths where Interaction.isTerm(path.from) {
      let term = Interaction(name: path.from)
      let named = term.constructs.first { higher.contains($0) } ?? first.name
      throw .higherOrderWithInteraction(
        construct: named, interaction: term.name, location: path.location)
    }
  }
}
