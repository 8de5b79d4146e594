import PLSSEM

/// The path diagram of an estimated model, laid out by our own code and written as SVG by
/// ``svg()``: constructs as ellipses (with R² when endogenous), indicators as rectangles beside
/// their construct, structural paths as arrows labelled with the coefficient (and, when
/// bootstrapped, stars and the t-value), measurement arrows construct → indicator for Mode A
/// and indicator → construct for Mode B, labelled with the loading (Mode A) or weight (Mode B).
///
/// Constructs are layered left to right by structural order and ordered within layers to
/// reduce crossings (see ``LayeredLayout``). Indicators of the first layer sit on the left, of
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
    static let verticalArm = 54.0
    static let layerGap = 128.0
    static let nodeGap = 34.0
    static let dummyGap = 16.0
    static let dummyHalfHeight = 8.0
    static let margin = 14.0
    static let maxRow = 4
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
    let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let paths = model.paths.compactMap { p -> (from: Int, to: Int)? in
      guard let f = index[p.from], let t = index[p.to] else { return nil }
      return (f, t)
    }
    let structural = model.paths.filter { index[$0.from] != nil && index[$0.to] != nil }
    let layout = LayeredLayout(constructCount: names.count, paths: paths)
    layers = Array(layout.layerOf.prefix(names.count))
    let lastLayer = layout.layers.count - 1

    // Construct shapes and the extents of construct + indicators around the construct centre.
    var radii: [(rx: Double, ry: Double)] = []
    var sides: [IndicatorSide] = []
    var extents: [(left: Double, right: Double, top: Double, bottom: Double)] = []
    for (j, construct) in model.constructs.enumerated() {
      let hasR2 = e.rSquared[j] != nil
      let textWidth = DiagramGeometry.textWidth(construct.name, size: Metrics.constructFont, bold: true)
      let rx = max(46, textWidth / 2 + 22)
      let ry = hasR2 ? 30.0 : 24.0
      radii.append((rx, ry))
      let k = construct.indicators.count
      let side: IndicatorSide
      if layers[j] == 0 {
        side = .left
      } else if layers[j] == lastLayer {
        side = .right
      } else if k > Metrics.maxRow {
        side = .aboveAndBelow
      } else {
        // Towards the emptier side of the layer: fewer constructs and routed paths there.
        let order = layout.layers[layers[j]]
        let position = order.firstIndex(of: j) ?? 0
        side = order.count - 1 - position < position ? .below : .above
      }
      sides.append(side)
      let widths = construct.indicators.map(Self.indicatorWidth)
      let stackWidth = widths.max() ?? 0
      let stackHeight = Double(k) * Metrics.indicatorHeight + Double(max(k - 1, 0)) * Metrics.indicatorGap
      func rowWidth(_ w: ArraySlice<Double>) -> Double {
        w.reduce(0, +) + Double(max(w.count - 1, 0)) * Metrics.indicatorRowGap
      }
      let reach = ry + Metrics.verticalArm + Metrics.indicatorHeight
      let arm = Self.sideArm(indicators: k)
      switch side {
      case .left:
        extents.append((rx + arm + stackWidth, rx, max(ry, stackHeight / 2), max(ry, stackHeight / 2)))
      case .right:
        extents.append((rx, rx + arm + stackWidth, max(ry, stackHeight / 2), max(ry, stackHeight / 2)))
      case .above:
        let half = max(rx, rowWidth(widths[...]) / 2)
        extents.append((half, half, k > 0 ? reach : ry, ry))
      case .below:
        let half = max(rx, rowWidth(widths[...]) / 2)
        extents.append((half, half, ry, k > 0 ? reach : ry))
      case .aboveAndBelow:
        let upper = (k + 1) / 2
        let half = max(rx, rowWidth(widths[..<upper]) / 2, rowWidth(widths[upper...]) / 2)
        extents.append((half, half, reach, reach))
      }
    }

    // Vertical placement of constructs and dummies, then the x of each layer.
    var top = [Double](repeating: Metrics.dummyHalfHeight, count: layout.itemCount)
    var bottom = top
    for j in names.indices {
      top[j] = extents[j].top
      bottom[j] = extents[j].bottom
    }
    let y = layout.verticalCenters(top: top, bottom: bottom) { upper, lower in
      layout.isDummy(upper) || layout.isDummy(lower) ? Metrics.dummyGap : Metrics.nodeGap
    }
    var layerX: [Double] = []
    var cursor = 0.0
    for (l, items) in layout.layers.enumerated() {
      let constructs = items.filter { !layout.isDummy($0) }
      let left = constructs.map { extents[$0].left }.max() ?? 0
      let right = constructs.map { extents[$0].right }.max() ?? 0
      if l > 0 { cursor += Metrics.layerGap }
      layerX.append(cursor + left)
      cursor += left + right
    }
    func itemCenter(_ item: Int) -> Point { Point(layerX[layout.layerOf[item]], y[item]) }

    // Construct nodes.
    var constructBoxes: [Box] = []
    for (j, construct) in model.constructs.enumerated() {
      let box = Box(center: itemCenter(j), halfWidth: radii[j].rx, halfHeight: radii[j].ry)
      constructBoxes.append(box)
      var lines = [construct.name]
      var tooltip = "\(construct.name): Mode \(construct.mode.rawValue), \(construct.indicators.count) "
        + (construct.indicators.count == 1 ? "indicator" : "indicators")
      if let r2 = e.rSquared[j] {
        lines.append("R² = \(NumberText.fixed(r2))")
        tooltip += ", R² = \(NumberText.fixed(r2)), adjusted R² = \(NumberText.fixed(e.adjustedRSquared[j]))"
      }
      nodes.append(Node(name: construct.name, shape: .ellipse, box: box, lines: lines, tooltip: tooltip))
    }

    // Indicator nodes and measurement arrows.
    var measurement: [(edge: Edge, labelText: String)] = []
    for (j, construct) in model.constructs.enumerated() {
      let boxes = Self.indicatorBoxes(construct.indicators, side: sides[j], around: constructBoxes[j])
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
          onIndicator = Point(box.center.x, box.center.y < constructBoxes[j].center.y ? box.maxY : box.minY)
        }
        let onConstruct = DiagramGeometry.boundary(of: constructBoxes[j], shape: .ellipse, toward: onIndicator)
        let key: StatisticKey =
          construct.mode == .a
          ? .loading(construct: construct.name, indicator: indicator)
          : .weight(construct: construct.name, indicator: indicator)
        let edge = Edge(
          kind: .measurement, from: construct.mode == .a ? construct.name : indicator,
          to: construct.mode == .a ? indicator : construct.name,
          points: construct.mode == .a ? [onConstruct, onIndicator] : [onIndicator, onConstruct], label: nil,
          significance: Self.significance(report.inference(key)), strokeWidth: 1,
          tooltip: "\(construct.name) – \(indicator): \(what) \(NumberText.fixed(value))")
        measurement.append((edge, NumberText.fixed(value)))
      }
    }

    // Structural arrows through their dummies.
    var structuralEdges: [(edge: Edge, labelLines: [String])] = []
    for (p, path) in structural.enumerated() {
      let chain = layout.chains[p]
      var points = chain.map(itemCenter)
      let source = constructBoxes[chain[0]]
      let target = constructBoxes[chain[chain.count - 1]]
      points[0] = DiagramGeometry.boundary(of: source, shape: .ellipse, toward: points[1])
      points[points.count - 1] = DiagramGeometry.boundary(of: target, shape: .ellipse, toward: points[points.count - 2])
      let beta = e.path(from: path.from, to: path.to) ?? .nan
      let inf = report.inference(.path(from: path.from, to: path.to))
      var lines = [NumberText.fixed(beta) + NumberText.stars(inf?.p)]
      var tooltip = "\(path.from) → \(path.to): β = \(NumberText.fixed(beta))"
      if let inf {
        lines.append("t = \(NumberText.fixed(inf.t, 2))")
        tooltip += ", t = \(NumberText.fixed(inf.t, 2)), p = \(NumberText.pValue(inf.p)), "
          + "\(report.ciHeader) \(EstimationReport.interval(inf))"
      }
      let edge = Edge(
        kind: .structural, from: path.from, to: path.to, points: points, label: nil,
        significance: Self.significance(inf), strokeWidth: 1.2 + 2.2 * min(abs(beta.isFinite ? beta : 0), 1),
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
        fractions: [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2], obstacles: obstacles, lines: others)
      if let label = edge.label { obstacles.append(label.box) }
      edges.append(edge)
    }
    for item in measurement {
      var edge = item.edge
      // Near the indicator, where the arrows of a block are furthest apart; fractions are
      // measured from the indicator whichever way the arrow points.
      let fromConstruct = model.construct(named: edge.from) != nil
      let fractions = [0.34, 0.42, 0.26, 0.5, 0.58].map { fromConstruct ? 1 - $0 : $0 }
      edge.label = Self.placeLabel(
        [item.labelText], fontSize: Metrics.indicatorLabelFont, along: edge.points, fractions: fractions,
        obstacles: obstacles, lines: [])
      if let label = edge.label { obstacles.append(label.box) }
      edges.append(edge)
    }

    // Bounds.
    let boxes = nodes.map(\.box) + edges.compactMap { $0.label?.box }
    let minX = (boxes.map(\.minX).min() ?? 0) - Metrics.margin
    let maxX = (boxes.map(\.maxX).max() ?? 0) + Metrics.margin
    let minY = (boxes.map(\.minY).min() ?? 0) - Metrics.margin
    let maxY = (boxes.map(\.maxY).max() ?? 0) + Metrics.margin
    bounds = Box(center: Point((minX + maxX) / 2, (minY + maxY) / 2), halfWidth: (maxX - minX) / 2, halfHeight: (maxY - minY) / 2)
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
  static func indicatorBoxes(_ indicators: [String], side: IndicatorSide, around construct: Box) -> [Box] {
    let h = Metrics.indicatorHeight
    let widths = indicators.map(indicatorWidth)
    switch side {
    case .left, .right:
      let width = widths.max() ?? 0
      let height = Double(indicators.count) * h + Double(max(indicators.count - 1, 0)) * Metrics.indicatorGap
      let arm = sideArm(indicators: indicators.count)
      let x = side == .left ? construct.minX - arm - width / 2 : construct.maxX + arm + width / 2
      return indicators.indices.map { k in
        Box(
          center: Point(x, construct.center.y - height / 2 + h / 2 + Double(k) * (h + Metrics.indicatorGap)),
          halfWidth: width / 2, halfHeight: h / 2)
      }
    case .above, .below, .aboveAndBelow:
      let upper = side == .above ? indicators.count : side == .below ? 0 : (indicators.count + 1) / 2
      func row(_ range: Range<Int>, y: Double) -> [Box] {
        let total = widths[range].reduce(0, +) + Double(max(range.count - 1, 0)) * Metrics.indicatorRowGap
        var x = construct.center.x - total / 2
        return range.map { k in
          defer { x += widths[k] + Metrics.indicatorRowGap }
          return Box(center: Point(x + widths[k] / 2, y), halfWidth: widths[k] / 2, halfHeight: h / 2)
        }
      }
      let offset = construct.halfHeight + Metrics.verticalArm + h / 2
      return row(0..<upper, y: construct.center.y - offset)
        + row(upper..<indicators.count, y: construct.center.y + offset)
    }
  }

  static func significance(_ inference: StatisticInference?) -> Significance {
    guard let inference, inference.p.isFinite else { return inference == nil ? .notTested : .notSignificant }
    return inference.p < 0.05 ? .significant : .notSignificant
  }

  /// The label box at the first of `fractions` along `polyline` where it overlaps no obstacle
  /// and covers no point of other `lines`; else where it overlaps least.
  static func placeLabel(
    _ lines: [String], fontSize: Double, along polyline: [Point], fractions: [Double], obstacles: [Box],
    lines others: [Point]
  ) -> Label {
    let width = (lines.map { DiagramGeometry.textWidth($0, size: fontSize) }.max() ?? 0) + 8
    let height = Double(lines.count) * (fontSize + 2) + 4
    var best = (cost: Double.infinity, box: Box(center: DiagramGeometry.point(along: polyline, at: 0.5), halfWidth: width / 2, halfHeight: height / 2))
    for fraction in fractions {
      let center = DiagramGeometry.point(along: polyline, at: fraction)
      let box = Box(center: center, halfWidth: width / 2, halfHeight: height / 2)
      var cost = obstacles.reduce(0) { $0 + box.overlap($1, margin: 2) }
      cost += 30 * Double(others.filter { abs($0.x - center.x) <= width / 2 && abs($0.y - center.y) <= height / 2 }.count)
      if cost == 0 { return Label(lines: lines, box: box, fontSize: fontSize) }
      if cost < best.cost { best = (cost, box) }
    }
    return Label(lines: lines, box: best.box, fontSize: fontSize)
  }
}
