/// The index layout of a validated model, shared by the algorithm, assessment and bootstrap:
/// indicators numbered block after block (so each block is a contiguous range), constructs in
/// declaration order, and the structural relations as index lists and matrices.
struct ModelLayout: Sendable, Equatable {
  /// Indicator names, block after block.
  let indicatorNames: [String]
  /// Construct names, in declaration order.
  let constructNames: [String]
  /// Block `j` is indicators `blockStart[j] ..< blockStart[j + 1]`.
  let blockStart: [Int]
  /// The construct of each indicator.
  let blockOf: [Int]
  /// The measurement mode of each construct.
  let modes: [MeasurementMode]
  /// The predecessors of each construct, in the order the model lists the paths.
  let predecessors: [[Int]]
  /// The successors of each construct.
  let successors: [[Int]]
  /// `isPath[from + to * J]`: whether the path from → to exists.
  let isPath: [Bool]
  /// Constructs in structural (topological) order.
  let structuralOrder: [Int]
  /// Whether each construct is an interaction term's, measured by generated indicators
  /// (``InteractionMethod``); all false for a model without interaction terms.
  var isInteraction: [Bool]
  /// Whether interaction constructs' scores are rescaled to their indicators' scale
  /// (``InteractionScale/indicatorSD``).
  var scalesInteractions = false

  /// Whether construct `j`'s score is rescaled (an interaction under
  /// ``InteractionScale/indicatorSD``).
  func isScaled(_ j: Int) -> Bool { scalesInteractions && isInteraction[j] }

  /// Whether any construct's score is rescaled.
  var hasScaledConstructs: Bool { scalesInteractions && isInteraction.contains(true) }

  /// Whether the model has interaction constructs.
  var hasInteractions: Bool { isInteraction.contains(true) }

  /// An interaction construct and the constructs it joins: `focal:moderator`
  /// (``PathModel/Interaction``).
  struct InteractionTerm: Sendable, Equatable {
    let term: Int
    let focal: Int
    let moderator: Int
  }

  /// The interaction terms, in the model's order (empty without them).
  var interactionTerms: [InteractionTerm] = []
  /// The moderator levels, in standard deviations from its mean, of the simple slopes
  /// (``PLSSettings/simpleSlopeLevels``).
  var slopeLevels: [Double] = []

  /// Number of indicators.
  var p: Int { indicatorNames.count }
  /// Number of constructs.
  var J: Int { constructNames.count }

  /// The indicator range of construct `j`.
  func block(_ j: Int) -> Range<Int> { blockStart[j]..<blockStart[j + 1] }

  /// The endogenous constructs (with at least one predecessor), in declaration order.
  var endogenous: [Int] { (0..<J).filter { !predecessors[$0].isEmpty } }

  /// The layout of `model`, which must have been validated.
  init(model: PathModel) {
    indicatorNames = model.indicators
    constructNames = model.constructNames
    var starts = [0]
    var owner: [Int] = []
    for (j, construct) in model.constructs.enumerated() {
      starts.append(starts[j] + construct.indicators.count)
      owner.append(contentsOf: Array(repeating: j, count: construct.indicators.count))
    }
    blockStart = starts
    blockOf = owner
    modes = model.constructs.map(\.mode)
    let index = Dictionary(uniqueKeysWithValues: model.constructNames.enumerated().map { ($1, $0) })
    let J = model.constructs.count
    var predecessors = Array(repeating: [Int](), count: J)
    var successors = Array(repeating: [Int](), count: J)
    var isPath = Array(repeating: false, count: J * J)
    for path in model.paths {
      guard let from = index[path.from], let to = index[path.to] else { continue }
      predecessors[to].append(from)
      successors[from].append(to)
      isPath[from + to * J] = true
    }
    self.predecessors = predecessors
    self.successors = successors
    self.isPath = isPath
    self.structuralOrder = (model.structuralOrder ?? model.constructNames).compactMap { index[$0] }
    isInteraction = Array(repeating: false, count: J)
  }
}
