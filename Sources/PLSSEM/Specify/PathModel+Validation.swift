/// Structural checks of a model on its own, and of a model against the columns of a data set.
extension PathModel {
  /// Checks the model on its own and returns it, with every block that lists other blocks'
  /// constructs moved to the higher-order constructs (``separatingHigherOrder()``).
  ///
  /// Throws ``SpecificationError`` for: no constructs, a construct without indicators, a
  /// measurement block declared twice, an indicator in two blocks, a path to or from a
  /// construct without a measurement block, a self-loop, a duplicate path, a construct in no path (even in a
  /// model of one construct: the PLS algorithm builds a construct's inner proxy from its neighbours), and a cycle (only recursive models are supported);
  /// the interaction terms (``PathModel/Interaction``: constructs declared, two of them,
  /// different, written one way, main effects present, a predictor only);
  /// then the hypotheses: a label used twice, a construct that is not declared, a link of a
  /// hypothesis that is not a structural path, a path or chain hypothesised twice; and the
  /// higher-order constructs (``PathModel/HigherOrderConstruct``): a block mixing constructs
  /// and indicators, a HOC of HOCs, fewer than two components, a component of two HOCs, a
  /// lower-order construct in a structural path; an interaction term in a model with
  /// higher-order constructs (not supported yet).
  public func validated(source: String = "<model>") throws(SpecificationError) -> PathModel {
    try separatingHigherOrder().validatedSeparated(source: source)
  }

  private func validatedSeparated(source: String) throws(SpecificationError) -> PathModel {
    guard !constructs.isEmpty else { throw .emptyModel(source: source) }
    var owner: [String: String] = [:]
    var declared: [String: Construct] = [:]
    for construct in constructs {
      if declared[construct.name] != nil {
        throw .duplicateConstruct(construct: construct.name, location: construct.location)
      }
      declared[construct.name] = construct
      guard !construct.indicators.isEmpty else {
        throw .constructWithoutIndicators(construct: construct.name, location: construct.location)
      }
      for indicator in construct.indicators {
        if let first = owner[indicator] {
          throw .indicatorInTwoBlocks(
            indicator: indicator, first: first, second: construct.name, location: construct.location
          )
        }
        owner[indicator] = construct.name
      }
    }
    try validateHigherOrder()
    try refuseInteractionsWithHigherOrder()
    try validateInteractions(declared: Set(declared.keys))
    let higher = Set(higherOrderConstructs.map(\.name))
    var seen = Set<Path>()
    for path in paths {
      for end in [path.from, path.to]
      where declared[end] == nil && !Interaction.isTerm(end) && !higher.contains(end) {
        throw .unmeasuredConstruct(construct: end, location: path.location)
      }
      if path.from == path.to { throw .selfLoop(construct: path.from, location: path.location) }
      if !seen.insert(path).inserted {
        throw .duplicatePath(from: path.from, to: path.to, location: path.location)
      }
    }
    // Every construct needs a path: its inner proxy is built from its neighbours (a lone
    // construct's weights would collapse to zero).
    // (A lower-order construct has none of its own: its relations run through its HOC.)
    let lower = Set(higherOrderConstructs.flatMap(\.components))
    let structural =
      constructs.filter { !lower.contains($0.name) }.map { ($0.name, $0.location) }
      + higherOrderConstructs.map { ($0.name, $0.location) }
    for (name, location) in structural
    where !paths.contains(where: { $0.from == name || $0.to == name }) {
      throw .constructWithoutPaths(construct: name, location: location)
    }
    if let cycle = findCycle(), let first = cycle.first, let last = cycle.last {
      let closing = paths.first { $0.from == last && $0.to == first }
      throw .cycle(constructs: cycle, location: closing?.location)
    }
    try validateHypotheses()
    return self
  }

  /// Checks that every indicator is one of `columns`; throws
  /// ``SpecificationError/unknownIndicator(indicator:construct:location:available:dataSource:)``
  /// otherwise, naming `dataSource` (e.g. the data file) when given.
  public func validated(againstColumns columns: [String], dataSource: String? = nil)
    throws(SpecificationError) -> PathModel
  {
    let available = Set(columns)
    for construct in constructs {
      for indicator in construct.indicators where !available.contains(indicator) {
        throw .unknownIndicator(
          indicator: indicator, construct: construct.name, location: construct.location,
          available: columns, dataSource: dataSource)
      }
    }
    return self
  }

  /// The constructs in an order where every path goes forwards (a topological order, stable
  /// with respect to declaration order), or nil when the structural model has a cycle.
  public var structuralOrder: [String]? {
    var remaining = constructNames + higherOrderConstructs.map(\.name)
    var indegree = Dictionary(remaining.map { ($0, 0) }, uniquingKeysWith: { a, _ in a })
    // An interaction term's paths follow from its main effects' (which validation requires).
    for path in paths where !Interaction.isTerm(path.from) { indegree[path.to, default: 0] += 1 }
    var order: [String] = []
    while !remaining.isEmpty {
      guard let next = remaining.firstIndex(where: { indegree[$0] == 0 }) else { return nil }
      let name = remaining.remove(at: next)
      order.append(name)
      for path in paths where path.from == name { indegree[path.to, default: 0] -= 1 }
    }
    return order
  }

  /// The constructs on one cycle, in path order, or nil for a recursive model.
  func findCycle() -> [String]? {
    guard structuralOrder == nil else { return nil }
    var state: [String: Int] = [:]  // 1 = on stack, 2 = done
    var stack: [String] = []
    func visit(_ node: String) -> [String]? {
      state[node] = 1
      stack.append(node)
      for path in paths where path.from == node {
        if state[path.to] == 1, let start = stack.firstIndex(of: path.to) {
          return Array(stack[start...])
        }
        if state[path.to] == nil, let found = visit(path.to) { return found }
      }
      stack.removeLast()
      state[node] = 2
      return nil
    }
    for name in constructNames + higherOrderConstructs.map(\.name) where state[name] == nil {
      if let found = visit(name) { return found }
    }
    return nil
  }
}
