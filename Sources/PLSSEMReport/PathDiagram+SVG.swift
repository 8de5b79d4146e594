/// Writing the path diagram as a self-contained SVG document: presentation attributes only
/// (no CSS, no scripts, no external references), every text escaped, a `<title>` tooltip on
/// every construct, indicator and arrow.
extension PathDiagram {
  /// Colours of the drawing.
  enum Palette {
    static let constructFill = "#e6effa"
    static let constructStroke = "#2b5c9e"
    static let indicatorFill = "#fbf7ec"
    static let indicatorStroke = "#8a7440"
    static let path = "#1f3553"
    static let notSignificant = "#8d8d8d"
    static let measurement = "#6b6b6b"
    static let text = "#1a1a1a"
    static let labelText = "#0d2a52"
  }

  /// The diagram as an SVG element (`<svg …>…</svg>`), usable inline in HTML or, after an XML
  /// declaration, as a file. `title` becomes the accessible name; ids are prefixed with
  /// `idPrefix` so that several diagrams can share a page.
  public func svg(title: String = "PLS path diagram", idPrefix: String = "pd") -> String {
    let c = DiagramGeometry.coordinate
    let id = Markup.escape(idPrefix)
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"path-diagram\" "
    out +=
      "viewBox=\"\(c(bounds.minX)) \(c(bounds.minY)) \(c(2 * bounds.halfWidth)) \(c(2 * bounds.halfHeight))\" "
    out +=
      "width=\"\(c(2 * bounds.halfWidth))\" height=\"\(c(2 * bounds.halfHeight))\" role=\"img\" "
    out += "aria-labelledby=\"\(id)-title \(id)-desc\" "
    out +=
      "font-family=\"'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif\" fill=\"\(Palette.text)\">\n"
    out += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>\n"
    out += "<desc id=\"\(id)-desc\">\(Markup.escape(description))</desc>\n"
    out += "<defs>\n"
    out += marker(id: "\(id)-arrow", size: 10, color: Palette.path)
    out += marker(id: "\(id)-arrow-ns", size: 10, color: Palette.notSignificant)
    out += marker(id: "\(id)-arrow-m", size: 7, color: Palette.measurement)
    out += "</defs>\n"

    out += "<g class=\"edges\" fill=\"none\">\n"
    for edge in edges {
      let head: Double
      let stroke: String
      let markerID: String
      var extra = ""
      switch (edge.kind, edge.significance) {
      case (.measurement, _):
        (head, stroke, markerID) = (7, Palette.measurement, "\(id)-arrow-m")
      case (.structural, .notSignificant):
        (head, stroke, markerID) = (10, Palette.notSignificant, "\(id)-arrow-ns")
        extra = " stroke-dasharray=\"6 4\""
      case (.structural, _):
        (head, stroke, markerID) = (10, Palette.path, "\(id)-arrow")
      }
      // The line stops where the arrowhead begins; the head reaches the outline.
      var points = edge.points
      if points.count > 1 {
        points[points.count - 1] = DiagramGeometry.retreat(
          points[points.count - 1], toward: points[points.count - 2], by: head)
      }
      out += "<path class=\"\(edge.kind.rawValue)\" d=\"\(pathData(points))\" stroke=\"\(stroke)\" "
      out += "stroke-width=\"\(c(edge.strokeWidth))\"\(extra) marker-end=\"url(#\(markerID))\">"
      out += "<title>\(Markup.escape(edge.tooltip))</title></path>\n"
    }
    out += "</g>\n"

    out += "<g class=\"nodes\">\n"
    for node in nodes {
      let b = node.box
      switch node.shape {
      case .ellipse:
        out += "<g class=\"construct\"><title>\(Markup.escape(node.tooltip))</title>"
        out +=
          "<ellipse cx=\"\(c(b.center.x))\" cy=\"\(c(b.center.y))\" rx=\"\(c(b.halfWidth))\" ry=\"\(c(b.halfHeight))\" "
        out +=
          "fill=\"\(Palette.constructFill)\" stroke=\"\(Palette.constructStroke)\" stroke-width=\"1.6\"/>"
        out += text(
          node.lines, at: b.center, size: Metrics.constructFont, firstBold: true, secondSize: 11)
        out += "</g>\n"
      case .rectangle:
        out += "<g class=\"indicator\"><title>\(Markup.escape(node.tooltip))</title>"
        out +=
          "<rect x=\"\(c(b.minX))\" y=\"\(c(b.minY))\" width=\"\(c(2 * b.halfWidth))\" height=\"\(c(2 * b.halfHeight))\" "
        out +=
          "rx=\"3\" fill=\"\(Palette.indicatorFill)\" stroke=\"\(Palette.indicatorStroke)\" stroke-width=\"1\"/>"
        out += text(
          node.lines, at: b.center, size: Metrics.indicatorFont, firstBold: false,
          secondSize: Metrics.indicatorFont)
        out += "</g>\n"
      }
    }
    out += "</g>\n"

    out += "<g class=\"labels\">\n"
    for edge in edges {
      guard let label = edge.label else { continue }
      let b = label.box
      let structural = edge.kind == .structural
      out += "<g class=\"label \(edge.kind.rawValue)\">"
      out +=
        "<rect x=\"\(c(b.minX))\" y=\"\(c(b.minY))\" width=\"\(c(2 * b.halfWidth))\" height=\"\(c(2 * b.halfHeight))\" "
      out += "rx=\"3\" fill=\"#ffffff\" fill-opacity=\"\(structural ? "0.92" : "0.85")\"/>"
      let color =
        structural
        ? (edge.significance == .notSignificant ? "#5f5f5f" : Palette.labelText) : "#4a4a4a"
      out += "<g fill=\"\(color)\">"
      out += text(
        label.lines, at: b.center, size: label.fontSize, firstBold: structural,
        secondSize: label.fontSize - 1)
      out += "</g></g>\n"
    }
    out += "</g>\n</svg>"
    return out
  }

  /// A plain-text description for screen readers.
  var description: String {
    let constructs = nodes.filter { $0.shape == .ellipse }.map(\.name)
    let paths = edges.filter { $0.kind == .structural }.map { "\($0.from) to \($0.to)" }
    return
      "Constructs: \(constructs.joined(separator: ", ")). Paths: \(paths.isEmpty ? "none" : paths.joined(separator: "; "))."
  }

  private func marker(id: String, size: Double, color: String) -> String {
    let s = DiagramGeometry.coordinate(size)
    let half = DiagramGeometry.coordinate(size / 2)
    return
      "<marker id=\"\(id)\" viewBox=\"0 0 \(s) \(s)\" refX=\"0\" refY=\"\(half)\" markerWidth=\"\(s)\" "
      + "markerHeight=\"\(s)\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
      + "<path d=\"M0,0 L\(s),\(half) L0,\(s) z\" fill=\"\(color)\"/></marker>\n"
  }

  /// SVG path data: a straight line for two points, else a smooth curve through all.
  private func pathData(_ points: [Point]) -> String {
    let c = DiagramGeometry.coordinate
    guard let first = points.first else { return "" }
    var d = "M\(c(first.x)),\(c(first.y))"
    if points.count == 2 {
      d += " L\(c(points[1].x)),\(c(points[1].y))"
    } else {
      for (c1, c2, end) in DiagramGeometry.smoothSegments(points) {
        d += " C\(c(c1.x)),\(c(c1.y)) \(c(c2.x)),\(c(c2.y)) \(c(end.x)),\(c(end.y))"
      }
    }
    return d
  }

  /// Centred lines of text around `center`; the first optionally bold, the rest in `secondSize`.
  private func text(
    _ lines: [String], at center: Point, size: Double, firstBold: Bool, secondSize: Double
  ) -> String {
    let c = DiagramGeometry.coordinate
    let lineHeight = size + 2
    var y = center.y - Double(lines.count - 1) * lineHeight / 2
    var out = ""
    for (k, line) in lines.enumerated() {
      let fontSize = k == 0 ? size : secondSize
      let weight = k == 0 && firstBold ? " font-weight=\"bold\"" : ""
      out +=
        "<text x=\"\(c(center.x))\" y=\"\(c(y))\" dy=\"0.35em\" text-anchor=\"middle\" font-size=\"\(c(fontSize))\"\(weight)>"
      out += Markup.escape(line) + "</text>"
      y += lineHeight
    }
    return out
  }
}
