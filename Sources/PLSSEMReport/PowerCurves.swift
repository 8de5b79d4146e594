import PLSSEM

/// Power curves as inline SVG, one chart per path: the simulated power at each sample size
/// with ±1.96 Monte Carlo SE bars, the target power and α as dashed lines, and the inverse
/// square root method's minimum n as a dotted vertical line when it falls in the range shown.
enum PowerCurves {
  static let width = 360.0
  static let height = 220.0
  static let margin = (left: 44.0, right: 12.0, top: 24.0, bottom: 36.0)

  /// The chart of `path` under `settings`.
  static func svg(_ path: PathPower, settings: PowerSettings) -> String {
    let sizes = path.byN.map { Double($0.n) }
    let low = sizes.min() ?? 0
    let high = max(sizes.max() ?? 1, low + 1)
    let plotW = width - margin.left - margin.right
    let plotH = height - margin.top - margin.bottom
    func x(_ n: Double) -> Double { margin.left + (n - low) / (high - low) * plotW }
    func y(_ p: Double) -> Double { margin.top + (1 - min(max(p, 0), 1)) * plotH }
    func f(_ v: Double) -> String { NumberText.fixed(v, 1) }
    let title = "Power of \(path.from) -> \(path.to) (β = \(NumberText.fixed(path.population, 2)))"
    var out =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"power-curve\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(Markup.escape(title))\">\n"
    out += "<title>\(Markup.escape(title))</title>\n"
    out +=
      "<text x=\"\(f(margin.left))\" y=\"14\" font-size=\"12\" font-weight=\"bold\">\(Markup.escape("\(path.from) → \(path.to), β = \(NumberText.fixed(path.population, 2))"))</text>\n"
    // Axes and grid.
    for tick in stride(from: 0.0, through: 1.0, by: 0.2) {
      out +=
        "<line x1=\"\(f(margin.left))\" x2=\"\(f(width - margin.right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\" stroke=\"#ddd\" stroke-width=\"1\" />\n"
      out +=
        "<text x=\"\(f(margin.left - 4))\" y=\"\(f(y(tick) + 4))\" font-size=\"10\" text-anchor=\"end\">\(NumberText.fixed(tick, 1))</text>\n"
    }
    for n in path.byN.map(\.n) {
      out +=
        "<text x=\"\(f(x(Double(n))))\" y=\"\(f(height - margin.bottom + 14))\" font-size=\"10\" text-anchor=\"middle\">\(n)</text>\n"
    }
    out +=
      "<text x=\"\(f(margin.left + plotW / 2))\" y=\"\(f(height - 4))\" font-size=\"11\" text-anchor=\"middle\">respondents (n)</text>\n"
    out +=
      "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left))\" y1=\"\(f(margin.top))\" y2=\"\(f(height - margin.bottom))\" stroke=\"#444\" />\n"
    out +=
      "<line x1=\"\(f(margin.left))\" x2=\"\(f(width - margin.right))\" y1=\"\(f(height - margin.bottom))\" y2=\"\(f(height - margin.bottom))\" stroke=\"#444\" />\n"
    // Reference lines: the target power and α.
    for (level, label) in [(settings.targetPower, "target"), (settings.alpha, "α")] {
      out +=
        "<line class=\"reference\" x1=\"\(f(margin.left))\" x2=\"\(f(width - margin.right))\" y1=\"\(f(y(level)))\" y2=\"\(f(y(level)))\" stroke=\"#888\" stroke-dasharray=\"4 3\" />\n"
      out +=
        "<text x=\"\(f(width - margin.right))\" y=\"\(f(y(level) - 3))\" font-size=\"9\" text-anchor=\"end\" fill=\"#666\">\(label) \(NumberText.fixed(level, 2))</text>\n"
    }
    if let n = path.inverseSquareRoot?.minimumN, Double(n) >= low, Double(n) <= high {
      out +=
        "<line class=\"inverse-square-root\" x1=\"\(f(x(Double(n))))\" x2=\"\(f(x(Double(n))))\" y1=\"\(f(margin.top))\" y2=\"\(f(height - margin.bottom))\" stroke=\"#b35900\" stroke-dasharray=\"1 3\" />\n"
      out +=
        "<text x=\"\(f(x(Double(n)) + 3))\" y=\"\(f(margin.top + 10))\" font-size=\"9\" fill=\"#b35900\">ISR n = \(n)</text>\n"
    }
    // The curve, its Monte Carlo error bars and points.
    let points = path.byN.filter { $0.power.isFinite }
    if points.count > 1 {
      let coordinates = points.map { "\(f(x(Double($0.n)))),\(f(y($0.power)))" }
      out +=
        "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"\(coordinates.joined(separator: " "))\" />\n"
    }
    for point in points {
      let cx = x(Double(point.n))
      let half = 1.96 * (point.powerSE.isFinite ? point.powerSE : 0)
      out +=
        "<line x1=\"\(f(cx))\" x2=\"\(f(cx))\" y1=\"\(f(y(point.power - half)))\" y2=\"\(f(y(point.power + half)))\" stroke=\"#1f5fa8\" />\n"
      out +=
        "<circle cx=\"\(f(cx))\" cy=\"\(f(y(point.power)))\" r=\"3\" fill=\"#1f5fa8\"><title>n = \(point.n): power \(NumberText.fixed(point.power, 3)) ± \(NumberText.fixed(point.powerSE, 3))</title></circle>\n"
    }
    out += "</svg>"
    return out
  }
}

extension PowerResult {
  /// The study as a self-contained HTML page: the document's sections and a section of power
  /// curves (SVG), one per path.
  public func html(population: String, data: String) -> String {
    let document = document(population: population, data: data)
    var summary = "<ul class=\"summary\">\n"
    for line in document.summary { summary += "<li>\(Markup.escape(line))</li>\n" }
    summary += "</ul>\n"
    var overview = ""
    for d in document.diagnostics where d.severity == .warning {
      overview += "<p class=\"warning\">Warning: \(Markup.escape(d.message)).</p>\n"
    }
    var curves = ""
    for path in paths {
      curves += "<figure class=\"power-figure\">\n\(PowerCurves.svg(path, settings: settings))\n"
      curves += "<figcaption>Power of \(Markup.escape(path.from)) → \(Markup.escape(path.to)) "
      curves += "with ±1.96 Monte Carlo SE; dashed: target power and α.</figcaption>\n</figure>\n"
    }
    var sections: [(id: String, title: String, body: String)] = [
      ("power-curves", "Power curves", curves)
    ]
    for section in document.sections {
      sections.append(
        (
          section.id, section.title,
          section.tables.map { HTMLRenderer.render($0, level: 3) }.joined()
        ))
    }
    return HTMLRenderer.page(
      title: document.title, heading: document.title, subtitle: Markup.escape(population),
      overview: overview + summary, sections: sections)
  }
}
