import PLSSEM

/// The path diagram of an estimated model, laid out by our own code and written as SVG by
/// ``svg(title:idPrefix:)``: constructs as ellipses (with R² when endogenous), indicators as rectangles beside
/// their construct, structural paths as arrows labelled with the coefficient (and, when
/// bootstrapped, stars and the t-value), measurement arrows construct → indicator for Mode A
/// and indicator → construct for Mode B, labelled with the loading (Mode A) or weight (Mode B).
///
/// Constructs are layered left to right by structural order and ordered within layers to
/// reduce crossings (see `LayeredLayout`). Indicators of the first layer sit on the left, of
/// the last layer on the right, of middle layers above (and, beyond five, also below) their
/// construct. Non-significant paths (p ≥ .05) are dashed grey; stroke width grows with |β|.
/// Labels are placed along their arrow where they overlap nothing else, when such a place
/// exists. Sized for models up to about fifteen constructs.
public struct PathDiagram: Sendable, Equatable {
  /// A construct or an indicator.
  public struct Node: Sendable, Equatable {
    /// The construct or indicator name.
    public var name: String
    /// Ellipse (construct) or rectangle (indicator).
    public var shape: Shape
    /// Where it is drawn.
    public var box: Box
    /// The text lines inside it.
    public var lines: [String]
    /// A longer description, shown as a tooltip.
    public var tooltip: String
  }

  /// What an arrow stands for.
  public enum EdgeKind: String, Sendable, Equatable {
    /// A structural path between constructs.
    case structural
    /// A measurement relation between a construct and an indicator.
    case measurement
  }

  /// The bootstrap verdict on an arrow's coefficient.
  public enum Significance: String, Sendable, Equatable {
    /// p < .05.
    case significant
    /// p ≥ .05.
    case notSignificant
    /// Not bootstrapped.
    case notTested
  }

  /// A text label with its box.
  public struct Label: Sendable, Equatable {
    /// The lines, top to bottom.
    public var lines: [String]
    /// Where it is drawn.
    public var box: Box
    /// Font size in pixels.
    public var fontSize: Double
  }

  /// An arrow.
  public struct Edge: Sendable, Equatable {
    /// Structural or measurement.
    public var kind: EdgeKind
    /// The name of the node the arrow leaves.
    public var from: String
    /// The name of the node the arrow points at.
    public var to: String
    /// The points the arrow passes through: on the outline of `from` first, the arrow's tip on
    /// the outline of `to` last; drawn as a smooth curve through them.
    public var points: [Point]
    /// The coefficient label.
    public var label: Label?
    /// The bootstrap verdict.
    public var significance: Significance
    /// Stroke width.
    public var strokeWidth: Double
    /// A longer description, shown as a tooltip.
    public var tooltip: String
  }

  /// The constructs (first, in declaration order) and indicators.
  public private(set) var nodes: [Node] = []
  /// Structural arrows (first, in model order) and measurement arrows.
  public private(set) var edges: [Edge] = []
  /// The drawing's extent, margin included.
  public private(set) var bounds = Box(center: Point(0, 0), halfWidth: 0, halfHeight: 0)
  /// Layer of each construct, in declaration order.
  public private(set) var layers: [Int] = []

  /// Sizes and spacing, in pixels.
  enum Metrics {
    static let constructFont = 13.0
    static let indicatorFont = 11.0
    static let labelFont = 11.0
    static let indicatorLabelFont = 10.0
    static let indicatorHeight = 22.0
    static let indicatorGap = 8.0
    static let indicatorRowGap = 10.0
    static let sideArm = 72.0
    static let verticalArm = 60.0
    static let layerGap = 128.0
    static let nodeGap = 34.0
    static let dummyGap = 26.0
    static let dummyHalfHeight = 8.0
    static let margin = 14.0
    static let maxRow = 4
    static let rowOverhang = 56.0
  }

  /// Where a construct's indicators are placed.
  enum IndicatorSide {
    case left, right, above, below, aboveAndBelow
  }

  /// The diagram of `report`'s model and estimates.
  public init(report: EstimationReport) {
    let e = report.estimate
    let model = e.model
    let names = model.constructNames
    let index = Dictionary(
      names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let paths = model.paths.compactMap { p -> (from: Int, to: Int)? in
      guard let f = index[p.from], let t = index[p.to] else { return nil }
      return (f, t)
    }
    let structural = model.paths.filter { index[$0.from] != nil && index[$0.to] != nil }
    let layout = LayeredLayout(constructCount: names.count, paths: paths)
    layers = Array(layout.layerOf.prefix(names.count))
    let lastLayer = layout.layers.count - 1

    // Construct shapes; where each block's indicators go.
    let radii = model.constructs.enumerated().map { j, construct -> (rx: Double, ry: Double) in
      let textWidth = DiagramGeometry.textWidth(
        report.label(construct.name), size: Metrics.constructFont, bold: true)
      return (max(46, textWidth / 2 + 22), e.rSquared[j] != nil ? 30.0 : 24.0)
    }
    // A two-stage estimate's HOCs: their LOCs stand where a block's indicators would.
    let lowerOrder = Self.lowerOrderBlocks(report)
    var sides = model.constructs.enumerated().map { j, construct -> IndicatorSide in
      if layers[j] == 0 { return .left }
      if layers[j] == lastLayer { return .right }
      // Split a block above and below when one row would reach far beside the ellipse, where
      // the arrows of other layers pass.
      let widths =
        lowerOrder[j].map(Self.rowWidths) ?? construct.indicators.map(Self.indicatorWidth)
      let row = widths.reduce(0, +) + Double(max(widths.count - 1, 0)) * Metrics.indicatorRowGap
      if construct.indicators.count > Metrics.maxRow
        || (widths.count > 1 && row / 2 > radii[j].rx + Metrics.rowOverhang)
      {
        return .aboveAndBelow
      }
      // Provisionally towards the emptier side of the layer.
      let order = layout.layers[layers[j]]
      let position = order.firstIndex(of: j) ?? 0
      return order.count - 1 - position < position ? .below : .above
    }

    // Place, then move each middle block's indicators away from its steeper arrows and place
    // again: arrows that arrive steeply from above would cross a row of indicators above.
    var extents = Self.extents(model, radii: radii, sides: sides, lowerOrder: lowerOrder)
    var y = Self.verticalCenters(layout, extents: extents)
    var layerX = Self.layerCenters(layout, extents: extents)
    var changed = false
    for j in names.indices where sides[j] == .above || sides[j] == .below {
      var steepAbove = 0.0
      var steepBelow = 0.0
      for n in layout.predecessors[j] + layout.successors[j] {
        let dx = max(abs(layerX[layout.layerOf[n]] - layerX[layers[j]]), 1)
        let slope = (y[n] - y[j]) / dx
        if slope < -0.25 { steepAbove += -slope - 0.25 }
        if slope > 0.25 { steepBelow += slope - 0.25 }
      }
      let better: IndicatorSide? =
        steepAbove > steepBelow ? .below : steepBelow > steepAbove ? .above : nil
      if let better, better != sides[j] {
        sides[j] = better
        changed = true
      }
    }
    if changed {
      extents = Self.extents(model, radii: radii, sides: sides, lowerOrder: lowerOrder)
      y = Self.verticalCenters(layout, extents: extents)
      layerX = Self.layerCenters(layout, extents: extents)
    }
    func itemCenter(_ item: Int) -> Point { Point(layerX[layout.layerOf[item]], y[item]) }

    // Construct nodes.
    var constructBoxes: [Box] = []
    for (j, construct) in model.constructs.enumerated() {
      let box = Box(center: itemCenter(j), halfWidth: radii[j].rx, halfHeight: radii[j].ry)
      constructBoxes.append(box)
      let shown = report.label(construct.name)
      var lines = [shown]
      let members =
        lowerOrder[j] != nil
        ? "dimensions (stage 2)" : construct.indicators.count == 1 ? "indicator" : "indicators"
      var tooltip =
        "\(shown == construct.name ? shown : "\(shown) (\(construct.name))"): Mode \(construct.mode.rawValue), \(construct.indicators.count) \(members)"
      if let r2 = e.rSquared[j] {
        lines.append("R² = \(NumberText.fixed(r2))")
        tooltip +=
          ", R² = \(NumberText.fixed(r2)), adjusted R² = \(NumberText.fixed(e.adjustedRSquared[j]))"
      }
      nodes.append(
        Node(name: construct.name, shape: .ellipse, box: box, lines: lines, tooltip: tooltip))
    }

    // Indicator nodes and measurement arrows.
    var measurement: [(edge: Edge, labelText: String)] = []
    for (j, construct) in model.constructs.enumerated() {
      if let blocks = lowerOrder[j] {
        let lower = Self.lowerOrderNodes(
          blocks, of: construct, box: constructBoxes[j], side: sides[j], report: report)
        nodes += lower.nodes
        measurement += lower.arrows
        continue
      }
      let boxes = Self.indicatorBoxes(
        construct.indicators, side: sides[j], around: constructBoxes[j])
      for (indicator, box) in zip(construct.indicators, boxes) {
        let value: Double?
        let what: String
        if construct.mode == .a {
          value = e.loading(indicator)
          what = "loading"
        } else {
          value = e.weight(indicator)
          what = "weight"
        }
        nodes.append(
          Node(
            name: indicator, shape: .rectangle, box: box, lines: [indicator],
            tooltip: "\(indicator) (\(construct.name)): \(what) \(NumberText.fixed(value))"))
        // The arrow meets the indicator in the middle of the side facing the construct, so the
        // arrows of a block stay as far apart as the rectangles.
        let onIndicator: Point
        switch sides[j] {
        case .left: onIndicator = Point(box.maxX, box.center.y)
        case .right: onIndicator = Point(box.minX, box.center.y)
        case .above, .below, .aboveAndBelow:
          onIndicator = Point(
            box.center.x, box.center.y < constructBoxes[j].center.y ? box.maxY : box.minY)
        }
        let onConstruct = DiagramGeometry.boundary(
          of: constructBoxes[j], shape: .ellipse, toward: onIndicator)
        let key: StatisticKey =
          construct.mode == .a
          ? .loading(construct: construct.name, indicator: indicator)
          : .weight(construct: construct.name, indicator: indicator)
        let edge = Edge(
          kind: .measurement, from: construct.mode == .a ? construct.name : indicator,
          to: construct.mode == .a ? indicator : construct.name,
          points: construct.mode == .a ? [onConstruct, onIndicator] : [onIndicator, onConstruct],
          label: nil,
          significance: Self.significance(report.inference(key)), strokeWidth: 1,
          tooltip: "\(construct.name) – \(indicator): \(what) \(NumberText.fixed(value))")
        measurement.append((edge, NumberText.fixed(value)))
      }
    }

    // Structural arrows through their dummies, bent around shapes in their way.
    var structuralEdges: [(edge: Edge, labelLines: [String])] = []
    // Indicators and LOCs (the nodes after the constructs).
    let indicatorBoxes = nodes.dropFirst(names.count).map(\.box)
    for (p, path) in structural.enumerated() {
      let chain = layout.chains[p]
      let source = chain[0]
      let target = chain[chain.count - 1]
      let others = constructBoxes.indices.filter { $0 != source && $0 != target }.map {
        constructBoxes[$0]
      }
      let points = DiagramRouting.route(
        source: constructBoxes[source], target: constructBoxes[target],
        via: chain.dropFirst().dropLast().map(itemCenter),
        obstacles: indicatorBoxes + others)
      let beta = e.path(from: path.from, to: path.to) ?? .nan
      let inf = report.inference(.path(from: path.from, to: path.to))
      var lines = [NumberText.fixed(beta) + NumberText.stars(inf?.p)]
      var tooltip = "\(path.from) → \(path.to): β = \(NumberText.fixed(beta))"
      if let inf {
        lines.append("t = \(NumberText.fixed(inf.t, 2))")
        tooltip +=
          ", t = \(NumberText.fixed(inf.t, 2)), p = \(NumberText.pValue(inf.p)), "
          + "\(report.ciHeader) [\(NumberText.fixed(inf.ciLower)), \(NumberText.fixed(inf.ciUpper))]"
      }
      let edge = Edge(
        kind: .structural, from: path.from, to: path.to, points: points, label: nil,
        significance: Self.significance(inf),
        strokeWidth: 1.2 + 2.2 * min(abs(beta.isFinite ? beta : 0), 1),
        tooltip: tooltip)
      structuralEdges.append((edge, lines))
    }

    // Labels, structural first, each where it overlaps least.
    var obstacles = nodes.map(\.box)
    let structuralSamples = structuralEdges.map { DiagramGeometry.sample($0.edge.points) }
    for (k, item) in structuralEdges.enumerated() {
      var edge = item.edge
      let others = structuralSamples.enumerated().filter { $0.offset != k }.flatMap(\.element)
      edge.label = Self.placeLabel(
        item.labelLines, fontSize: Metrics.labelFont, along: structuralSamples[k],
        fractions: [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2], obstacles: obstacles,
        lines: others)
      if let label = edge.label { obstacles.append(label.box) }
      edges.append(edge)
    }
    let lowerNames = Set(lowerOrder.values.flatMap { $0.map(\.name) })
    for item in measurement {
      var edge = item.edge
      // Near the indicator, where the arrows of a block are furthest apart; fractions are
      // measured from the indicator whichever way the arrow points.
      let fromConstruct =
        model.construct(named: edge.from) != nil
        || (lowerNames.contains(edge.from) && !lowerNames.contains(edge.to)
          && model.construct(named: edge.to) == nil)
      let fractions = [0.34, 0.42, 0.26, 0.5, 0.58].map { fromConstruct ? 1 - $0 : $0 }
      edge.label = Self.placeLabel(
        [item.labelText], fontSize: Metrics.indicatorLabelFont, along: edge.points,
        fractions: fractions,
        obstacles: obstacles, lines: [])
      if let label = edge.label { obstacles.append(label.box) }
      edges.append(edge)
    }

    // Bounds.
    let curves = edges.flatMap { DiagramGeometry.sample($0.points) }.map {
      Box(center: $0, halfWidth: 2, halfHeight: 2)
    }
    let boxes = nodes.map(\.box) + edges.compactMap { $0.label?.box } + curves
    let minX = (boxes.map(\.minX).min() ?? 0) - Metrics.margin
    let maxX = (boxes.map(\.maxX).max() ?? 0) + Metrics.margin
    let minY = (boxes.map(\.minY).min() ?? 0) - Metrics.margin
    let maxY = (boxes.map(\.maxY).max() ?? 0) + Metrics.margin
    bounds = Box(
      center: Point((minX + maxX) / 2, (minY + maxY) / 2), halfWidth: (maxX - minX) / 2,
      halfHeight: (maxY - minY) / 2)
  }

  typealias Extent = (left: Double, right: Double, top: Double, bottom: Double)

  /// How far each construct's drawing (ellipse and indicators) reaches around its centre.
  static func extents(
    _ model: PathModel, radii: [(rx: Double, ry: Double)], sides: [IndicatorSide],
    lowerOrder: [Int: [LowerOrderBlock]] = [:]
  ) -> [Extent] {
    model.constructs.enumerated().map { j, construct -> Extent in
      let (rx, ry) = radii[j]
      if let blocks = lowerOrder[j] {
        return extent(rx: rx, ry: ry, lowerOrder: blocks, side: sides[j])
      }
      let k = construct.indicators.count
      let widths = construct.indicators.map(Self.indicatorWidth)
      let stackWidth = widths.max() ?? 0
      let stackHeight =
        Double(k) * Metrics.indicatorHeight + Double(max(k - 1, 0)) * Metrics.indicatorGap
      func rowWidth(_ w: ArraySlice<Double>) -> Double {
        w.reduce(0, +) + Double(max(w.count - 1, 0)) * Metrics.indicatorRowGap
      }
      let reach = k > 0 ? ry + Metrics.verticalArm + Metrics.indicatorHeight : ry
      let arm = Self.sideArm(indicators: k)
      switch sides[j] {
      case .left:
        return (rx + arm + stackWidth, rx, max(ry, stackHeight / 2), max(ry, stackHeight / 2))
      case .right:
        return (rx, rx + arm + stackWidth, max(ry, stackHeight / 2), max(ry, stackHeight / 2))
      case .above:
        let half = max(rx, rowWidth(widths[...]) / 2)
        return (half, half, reach, ry)
      case .below:
        let half = max(rx, rowWidth(widths[...]) / 2)
        return (half, half, ry, reach)
      case .aboveAndBelow:
        let upper = (k + 1) / 2
        let half = max(rx, rowWidth(widths[..<upper]) / 2, rowWidth(widths[upper...]) / 2)
        return (half, half, reach, reach)
      }
    }
  }

  /// The vertical centre of every construct and dummy.
  static func verticalCenters(_ layout: LayeredLayout, extents: [Extent]) -> [Double] {
    var top = [Double](repeating: Metrics.dummyHalfHeight, count: layout.itemCount)
    var bottom = top
    for j in extents.indices {
      top[j] = extents[j].top
      bottom[j] = extents[j].bottom
    }
    return layout.verticalCenters(top: top, bottom: bottom) { upper, lower in
      switch (layout.isDummy(upper), layout.isDummy(lower)) {
      case (true, true): return Metrics.dummyGap / 2
      case (false, false): return Metrics.nodeGap
      default: return Metrics.dummyGap
      }
    }
  }

  /// The horizontal centre line of every layer.
  static func layerCenters(_ layout: LayeredLayout, extents: [Extent]) -> [Double] {
    var centers: [Double] = []
    var cursor = 0.0
    for (l, items) in layout.layers.enumerated() {
      let constructs = items.filter { !layout.isDummy($0) }
      let left = constructs.map { extents[$0].left }.max() ?? 0
      let right = constructs.map { extents[$0].right }.max() ?? 0
      if l > 0 { cursor += Metrics.layerGap }
      centers.append(cursor + left)
      cursor += left + right
    }
    return centers
  }

  /// The horizontal distance between a construct and its indicators beside it: longer for
  /// tall blocks, so that their fan of arrows stays open.
  static func sideArm(indicators k: Int) -> Double {
    Metrics.sideArm + 6 * Double(max(k - 4, 0))
  }

  /// The width of an indicator's rectangle.
  static func indicatorWidth(_ name: String) -> Double {
    max(44, DiagramGeometry.textWidth(name, size: Metrics.indicatorFont) + 16)
  }

  /// The rectangles of a block's indicators around their construct.
  static func indicatorBoxes(_ indicators: [String], side: IndicatorSide, around construct: Box)
    -> [Box]
  {
    let h = Metrics.indicatorHeight
    let widths = indicators.map(indicatorWidth)
    switch side {
    case .left, .right:
      let width = widths.max() ?? 0
      let height =
        Double(indicators.count) * h + Double(max(indicators.count - 1, 0)) * Metrics.indicatorGap
      let arm = sideArm(indicators: indicators.count)
      let x = side == .left ? construct.minX - arm - width / 2 : construct.maxX + arm + width / 2
      return indicators.indices.map { k in
        Box(
          center: Point(
            x, construct.center.y - height / 2 + h / 2 + Double(k) * (h + Metrics.indicatorGap)),
          halfWidth: width / 2, halfHeight: h / 2)
      }
    case .above, .below, .aboveAndBelow:
      let upper =
        side == .above ? indicators.count : side == .below ? 0 : (indicators.count + 1) / 2
      func row(_ range: Range<Int>, y: Double) -> [Box] {
        let total =
          widths[range].reduce(0, +) + Double(max(range.count - 1, 0)) * Metrics.indicatorRowGap
        var x = construct.center.x - total / 2
        return range.map { k in
          defer { x += widths[k] + Metrics.indicatorRowGap }
          return Box(
            center: Point(x + widths[k] / 2, y), halfWidth: widths[k] / 2, halfHeight: h / 2)
        }
      }
      let offset = construct.halfHeight + Metrics.verticalArm + h / 2
      return row(0..<upper, y: construct.center.y - offset)
        + row(upper..<indicators.count, y: construct.center.y + offset)
    }
  }

  static func significance(_ inference: StatisticInference?) -> Significance {
    guard let inference, let p = inference.p, p.isFinite else {
      return inference == nil ? .notTested : .notSignificant
    }
    return p < 0.05 ? .significant : .notSignificant
  }

  /// The label box at the first of `fractions` along `polyline` where it overlaps no obstacle
  /// and covers no point of other `lines`; else where it overlaps least.
  static func placeLabel(
    _ lines: [String], fontSize: Double, along polyline: [Point], fractions: [Double],
    obstacles: [Box],
    lines others: [Point]
  ) -> Label {
    let width = (lines.map { DiagramGeometry.textWidth($0, size: fontSize) }.max() ?? 0) + 8
    let height = Double(lines.count) * (fontSize + 2) + 4
    var best = (
      cost: Double.infinity,
      box: Box(
        center: DiagramGeometry.point(along: polyline, at: 0.5), halfWidth: width / 2,
        halfHeight: height / 2)
    )
    for fraction in fractions {
      let center = DiagramGeometry.point(along: polyline, at: fraction)
      let box = Box(center: center, halfWidth: width / 2, halfHeight: height / 2)
      var cost = obstacles.reduce(0) { $0 + box.overlap($1, margin: 2) }
      cost +=
        30
        * Double(
          others.filter { abs($0.x - center.x) <= width / 2 && abs($0.y - center.y) <= height / 2 }
            .count)
      if cost == 0 { return Label(lines: lines, box: box, fontSize: fontSize) }
      if cost < best.cost { best = (cost, box) }
    }
    return Label(lines: lines, box: best.box, fontSize: fontSize)
  }
}
