import Foundation
import PLSSEM

extension MultiGroupReport {
  /// The report as a self-contained HTML page: the document's sections and, first, a
  /// grouped-bar chart of every path coefficient per group (inline SVG, no scripts).
  public func html() -> String {
    let document = document()
    var sections: [(id: String, title: String, body: String)] = [
      ("mga-chart", "Path coefficients per group", pathChartFigure())
    ]
    for section in document.sections {
      sections.append(
        (
          section.id, section.title,
          section.tables.map { HTMLRenderer.render($0, level: 3) }.joined()
        ))
    }
    var summary = "<ul class=\"summary\">\n"
    for line in document.summary { summary += "<li>\(Markup.escape(line))</li>\n" }
    summary += "</ul>\n"
    return HTMLRenderer.page(
      title: "Multi-group analysis: \(modelSource)", heading: document.title,
      subtitle:
        "Model <code>\(Markup.escape(modelSource))</code> on <code>\(Markup.escape(dataSource))</code>, groups by <code>\(Markup.escape(result.column))</code>",
      overview: summary, sections: sections)
  }

  /// The colours of the groups' bars (colour-blind safe, Okabe & Ito 2008), repeated beyond 8.
  static let groupColors = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
  ]

  /// A grouped-bar chart: one cluster per path, one bar per group, a zero line, a legend.
  func pathChartFigure() -> String {
    let groups = result.groups
    let paths = result.keys.compactMap { key -> (String, String)? in
      if case .path(let f, let t) = key { return (f, t) }
      return nil
    }
    let values = paths.map { path in
      groups.map { $0.estimate.statistics[.path(from: path.0, to: path.1)] ?? .nan }
    }
    let finite = values.flatMap { $0 }.filter(\.isFinite)
    let high = max(finite.max() ?? 0, 0)
    let low = min(finite.min() ?? 0, 0)
    let span = max(high - low, 1e-9)
    let bar = 14.0
    let gap = 18.0
    let cluster = Double(groups.count) * bar + gap
    let left = 56.0
    let top = 34.0
    let plotHeight = 220.0
    let labelHeight = 90.0
    let width = left + Double(paths.count) * cluster + 20
    let height = top + plotHeight + labelHeight
    func y(_ v: Double) -> Double { top + (high - v) / span * plotHeight }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
    svg += "<title>Path coefficients per group</title>\n"
    // Axis ticks.
    for tick in stride(from: (low * 10).rounded(.down) / 10, through: high + 1e-12, by: 0.1) {
      let ty = y(tick)
      guard ty >= top - 0.5, ty <= top + plotHeight + 0.5 else { continue }
      svg +=
        "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(width - 20))\" y2=\"\(f(ty))\" stroke=\"#e3e3e3\" />\n"
      svg +=
        "<text x=\"\(f(left - 6))\" y=\"\(f(ty + 4))\" text-anchor=\"end\">\(String(format: "%.1f", tick))</text>\n"
    }
    svg +=
      "<line x1=\"\(f(left))\" y1=\"\(f(y(0)))\" x2=\"\(f(width - 20))\" y2=\"\(f(y(0)))\" stroke=\"#555\" />\n"
    for (k, path) in paths.enumerated() {
      let x0 = left + gap / 2 + Double(k) * cluster
      for (g, value) in values[k].enumerated() where value.isFinite {
        let top = min(y(value), y(0))
        let h = max(abs(y(value) - y(0)), 0.5)
        let color = Self.groupColors[g % Self.groupColors.count]
        svg +=
          "<rect x=\"\(f(x0 + Double(g) * bar))\" y=\"\(f(top))\" width=\"\(f(bar - 2))\" height=\"\(f(h))\" fill=\"\(color)\"><title>\(Markup.escape("\(groups[g].group.name): \(path.0) -> \(path.1) = \(String(format: "%.3f", value))"))</title></rect>\n"
      }
      let lx = x0 + Double(groups.count) * bar / 2
      let ly = top + plotHeight + 10
      svg +=
        "<text x=\"\(f(lx))\" y=\"\(f(ly))\" text-anchor=\"end\" transform=\"rotate(-45 \(f(lx)) \(f(ly)))\">\(Markup.escape("\(path.0) → \(path.1)"))</text>\n"
    }
    var legendX = left
    for (g, group) in groups.enumerated() {
      let color = Self.groupColors[g % Self.groupColors.count]
      svg +=
        "<rect x=\"\(f(legendX))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(color)\" />\n"
      let name = "\(group.group.name) (n = \(group.estimate.observations))"
      svg += "<text x=\"\(f(legendX + 16))\" y=\"18\">\(Markup.escape(name))</text>\n"
      legendX += 16 + Double(name.count) * 6.5 + 14
    }
    svg += "</svg>\n"
    return
      "<figure class=\"diagram-figure\" style=\"--diagram-width: \(Int(width))px; --diagram-min: \(Int(min(width, 600)))px\">\n<div class=\"diagram\">\n"
      + svg
      + "</div>\n<figcaption>Path coefficients of every group (bars), grouped by path; hover a bar for its value. The tests of each difference are in the tables below.</figcaption>\n</figure>\n"
  }
}
