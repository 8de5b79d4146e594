import PLSSEM

/// Higher-order constructs in the path diagram (disjoint two-stage approach): a HOC's
/// "indicators" are its lower-order constructs (LOCs), drawn as ellipses where the indicators
/// of an ordinary block would be, each with its own indicators beyond it — HOC, LOCs and
/// indicators in that order outwards. The HOC–LOC arrows carry the stage-2 loadings (Mode A
/// HOC) or weights (Mode B), the LOC–indicator arrows the stage-1 ones. (A repeated-indicators
/// model needs nothing of this: its LOCs are constructs of the estimated model.)
extension PathDiagram {
  /// A LOC drawn beside its HOC: its name, mode, indicators and ellipse radii.
  struct LowerOrderBlock: Sendable, Equatable {
    var name: String
    var mode: MeasurementMode
    var indicators: [String]
    var rx: Double
    var ry: Double

    /// The room the LOC and its indicators take on `side` of the HOC (`aboveAndBelow` as
    /// `above`): beside it, the ellipse then the column of indicators; above or below, the
    /// ellipse then the row of indicators.
    func slot(_ side: IndicatorSide) -> (width: Double, height: Double) {
      let widths = indicators.map(PathDiagram.indicatorWidth)
      let k = indicators.count
      switch side {
      case .left, .right:
        let stack =
          Double(k) * Metrics.indicatorHeight + Double(max(k - 1, 0)) * Metrics.indicatorGap
        return (
          2 * rx + PathDiagram.sideArm(indicators: k) + (widths.max() ?? 0), max(2 * ry, stack)
        )
      case .above, .below, .aboveAndBelow:
        let row = widths.reduce(0, +) + Double(max(k - 1, 0)) * Metrics.indicatorRowGap
        return (max(2 * rx, row), 2 * ry + Metrics.verticalArm + Metrics.indicatorHeight)
      }
    }
  }

  /// Space between the slots of two LOCs of one HOC.
  static let lowerOrderGap = 16.0

  /// The LOCs of each HOC of a two-stage estimate, by the HOC's index among the estimated
  /// (stage-2) model's constructs; empty for other estimates.
  static func lowerOrderBlocks(_ report: EstimationReport) -> [Int: [LowerOrderBlock]] {
    let e = report.estimate
    guard let stages = e.higherOrder, let first = stages.firstStage else { return [:] }
    var blocks: [Int: [LowerOrderBlock]] = [:]
    for hoc in stages.specified.higherOrderConstructs {
      guard let j = e.model.constructNames.firstIndex(of: hoc.name) else { continue }
      blocks[j] = hoc.components.compactMap { name in
        guard let construct = first.model.construct(named: name) else { return nil }
        let width = DiagramGeometry.textWidth(
          report.label(name), size: Metrics.constructFont, bold: true)
        return LowerOrderBlock(
          name: name, mode: construct.mode, indicators: construct.indicators,
          rx: max(40, width / 2 + 18), ry: 20)
      }
    }
    return blocks
  }

  /// How far a HOC's drawing (its ellipse of radii `rx`, `ry`, its LOCs and their indicators)
  /// reaches around its centre, its LOCs on `side`.
  static func extent(
    rx: Double, ry: Double, lowerOrder blocks: [LowerOrderBlock], side: IndicatorSide
  ) -> Extent {
    let slots = blocks.map { $0.slot(side) }
    func row(_ range: Range<Int>) -> Double {
      slots[range].map(\.width).reduce(0, +) + Double(max(range.count - 1, 0)) * lowerOrderGap
    }
    let tallest = slots.map(\.height).max() ?? 0
    switch side {
    case .left, .right:
      let stack =
        slots.map(\.height).reduce(0, +) + Double(max(slots.count - 1, 0)) * lowerOrderGap
      let reach = rx + sideArm(indicators: blocks.count) + (slots.map(\.width).max() ?? 0)
      let half = max(ry, stack / 2)
      return side == .left ? (reach, rx, half, half) : (rx, reach, half, half)
    case .above:
      let half = max(rx, row(0..<slots.count) / 2)
      return (half, half, ry + Metrics.verticalArm + tallest, ry)
    case .below:
      let half = max(rx, row(0..<slots.count) / 2)
      return (half, half, ry, ry + Metrics.verticalArm + tallest)
    case .aboveAndBelow:
      let upper = (slots.count + 1) / 2
      let half = max(rx, row(0..<upper) / 2, row(upper..<slots.count) / 2)
      return (half, half, ry + Metrics.verticalArm + tallest, ry + Metrics.verticalArm + tallest)
    }
  }

  /// The widths that decide whether a HOC's LOCs go above and below it (its slots in a row).
  static func rowWidths(_ blocks: [LowerOrderBlock]) -> [Double] {
    blocks.map { $0.slot(.above).width }
  }

  /// The LOC ellipses around the HOC `construct` (its LOCs on `side`) and, for each, the side
  /// on which its own indicators go (away from the HOC).
  static func lowerOrderBoxes(
    _ blocks: [LowerOrderBlock], side: IndicatorSide, around construct: Box
  ) -> [(box: Box, side: IndicatorSide)] {
    let slots = blocks.map { $0.slot(side) }
    switch side {
    case .left, .right:
      let total =
        slots.map(\.height).reduce(0, +) + Double(max(slots.count - 1, 0)) * lowerOrderGap
      let arm = sideArm(indicators: blocks.count)
      var y = construct.center.y - total / 2
      return blocks.indices.map { k in
        defer { y += slots[k].height + lowerOrderGap }
        let x =
          side == .left ? construct.minX - arm - blocks[k].rx : construct.maxX + arm + blocks[k].rx
        let box = Box(
          center: Point(x, y + slots[k].height / 2), halfWidth: blocks[k].rx,
          halfHeight: blocks[k].ry)
        return (box, side)
      }
    case .above, .below, .aboveAndBelow:
      let upper = side == .above ? blocks.count : side == .below ? 0 : (blocks.count + 1) / 2
      func row(_ range: Range<Int>, above: Bool) -> [(box: Box, side: IndicatorSide)] {
        let total =
          slots[range].map(\.width).reduce(0, +) + Double(max(range.count - 1, 0)) * lowerOrderGap
        var x = construct.center.x - total / 2
        return range.map { k in
          defer { x += slots[k].width + lowerOrderGap }
          let offset = construct.halfHeight + Metrics.verticalArm + blocks[k].ry
          let box = Box(
            center: Point(
              x + slots[k].width / 2, construct.center.y + (above ? -offset : offset)),
            halfWidth: blocks[k].rx, halfHeight: blocks[k].ry)
          return (box, above ? .above : .below)
        }
      }
      return row(0..<upper, above: true) + row(upper..<blocks.count, above: false)
    }
  }

  /// The measurement arrow between a construct (or LOC) box and one of its members (an
  /// indicator rectangle or a LOC ellipse), pointing by `mode`.
  static func measurementEdge(
    construct: String, box: Box, member: String, memberBox: Box, memberShape: Shape,
    memberSide: IndicatorSide, mode: MeasurementMode, significance: Significance, tooltip: String
  ) -> Edge {
    let onMember: Point
    if memberShape == .ellipse {
      onMember = DiagramGeometry.boundary(of: memberBox, shape: .ellipse, toward: box.center)
    } else {
      switch memberSide {
      case .left: onMember = Point(memberBox.maxX, memberBox.center.y)
      case .right: onMember = Point(memberBox.minX, memberBox.center.y)
      case .above, .below, .aboveAndBelow:
        onMember = Point(
          memberBox.center.x, memberBox.center.y < box.center.y ? memberBox.maxY : memberBox.minY)
      }
    }
    let onConstruct = DiagramGeometry.boundary(of: box, shape: .ellipse, toward: onMember)
    return Edge(
      kind: .measurement, from: mode == .a ? construct : member,
      to: mode == .a ? member : construct,
      points: mode == .a ? [onConstruct, onMember] : [onMember, onConstruct], label: nil,
      significance: significance, strokeWidth: 1, tooltip: tooltip)
  }

  /// The LOC ellipses of the HOC `construct` (drawn in `box`, its LOCs on `side`) and their
  /// indicators, and the HOC–LOC and LOC–indicator arrows with their label texts.
  static func lowerOrderNodes(
    _ blocks: [LowerOrderBlock], of construct: PathModel.Construct, box: Box,
    side: IndicatorSide, report: EstimationReport
  ) -> (nodes: [Node], arrows: [(edge: Edge, labelText: String)]) {
    let e = report.estimate
    let first = e.higherOrder?.firstStage
    var nodes: [Node] = []
    var arrows: [(edge: Edge, labelText: String)] = []
    for (block, placed) in zip(blocks, Self.lowerOrderBoxes(blocks, side: side, around: box)) {
      let shown = report.label(block.name)
      nodes.append(
        Node(
          name: block.name, shape: .ellipse, box: placed.box, lines: [shown],
          tooltip:
            "\(shown == block.name ? shown : "\(shown) (\(block.name))"): dimension of \(construct.name), Mode \(block.mode.rawValue), \(block.indicators.count) "
            + (block.indicators.count == 1 ? "indicator" : "indicators") + " (stage 1)"))
      // HOC – LOC: the stage-2 loading or weight, bootstrapped with stage 2.
      let what = construct.mode == .a ? "loading" : "weight"
      let value = construct.mode == .a ? e.loading(block.name) : e.weight(block.name)
      let key: StatisticKey =
        construct.mode == .a
        ? .loading(construct: construct.name, indicator: block.name)
        : .weight(construct: construct.name, indicator: block.name)
      arrows.append(
        (
          Self.measurementEdge(
            construct: construct.name, box: box, member: block.name, memberBox: placed.box,
            memberShape: .ellipse, memberSide: side, mode: construct.mode,
            significance: Self.significance(report.inference(key)),
            tooltip:
              "\(construct.name) – \(block.name): \(what) \(NumberText.fixed(value)) (stage 2)"),
          NumberText.fixed(value)
        ))
      // LOC – indicators: stage 1's loadings or weights (not bootstrapped).
      let boxes = Self.indicatorBoxes(block.indicators, side: placed.side, around: placed.box)
      for (indicator, indicatorBox) in zip(block.indicators, boxes) {
        let what = block.mode == .a ? "loading" : "weight"
        let value = block.mode == .a ? first?.loading(indicator) : first?.weight(indicator)
        nodes.append(
          Node(
            name: indicator, shape: .rectangle, box: indicatorBox, lines: [indicator],
            tooltip: "\(indicator) (\(block.name)): \(what) \(NumberText.fixed(value)) (stage 1)"))
        arrows.append(
          (
            Self.measurementEdge(
              construct: block.name, box: placed.box, member: indicator, memberBox: indicatorBox,
              memberShape: .rectangle, memberSide: placed.side, mode: block.mode,
              significance: .notTested,
              tooltip:
                "\(block.name) – \(indicator): \(what) \(NumberText.fixed(value)) (stage 1)"),
            NumberText.fixed(value)
          ))
      }
    }
    return (nodes, arrows)
  }
}
