import Foundation
import PLSSEM

/// The importance–performance map of the HTML report as inline SVG: importance (the
/// unstandardised total effect on the target) on the x axis, performance (0–100) on the y axis,
/// one labelled point per construct, and dashed lines at the mean importance and the mean
/// performance dividing the map into quadrants (Ringle & Sarstedt 2016, Fig. 2). The lower
/// right quadrant — important but performing below average — is where improvement pays most;
/// it is shaded.
///
/// Presentation attributes only (no CSS, no scripts), every text escaped, deterministic.
struct IPMAMap {
  /// A point of the map.
  struct Point: Equatable {
    var name: String
    var label: String
    var importance: Double
    var performance: Double
  }

  var target: String
  var points: [Point]

  static let width = 640.0
  static let height = 420.0
  static let left = 64.0
  static let right = 24.0
  static let top = 24.0
  static let bottom = 52.0

  init(report: EstimationReport, ipma: ImportancePerformance) {
    target = report.label(ipma.target)
    points = ipma.constructs.map {
      Point(
        name: $0.construct, label: report.label($0.construct), importance: $0.importance,
        performance: $0.performance)
    }
  }

  /// A round step for axis ticks covering `span` in about five steps.
  static func step(_ span: Double) -> Double {
    guard span > 0, span.isFinite else { return 1 }
    let raw = span / 5
    let magnitude = pow(10, log10(raw).rounded(.down))
    for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw {
      return factor * magnitude
    }
    return 10 * magnitude
  }

  /// The axis range of `values` extended to round ticks, always including `floor`.
  static func range(_ values: [Double], including floor: Double, cap: Double? = nil) -> (
    lower: Double, upper: Double, step: Double
  ) {
    let finite = values.filter(\.isFinite)
    var lower = min(finite.min() ?? floor, floor)
    var upper = max(finite.max() ?? floor + 1, floor)
    if upper - lower < 1e-9 { upper = lower + 1 }
    let step = step(upper - lower)
    lower = (lower / step).rounded(.down) * step
    upper = (upper / step).rounded(.up) * step
    if upper <= (finite.max() ?? upper) { upper += step }
    if let cap { upper = min(upper, max(cap, finite.max() ?? cap)) }
    return (lower, upper, step)
  }

  /// The map as an `<svg>` element.
  func svg(idPrefix: String = "ipma") -> String {
    let id = Markup.escape(idPrefix)
    let x = Self.range(points.map(\.importance), including: 0)
    let yValues = points.map(\.performance)
    var y = Self.range(
      yValues, including: max(0, ((yValues.min() ?? 0) - 10).rounded(.down)), cap: 100)
    if y.upper <= y.lower { y.upper = y.lower + y.step }
    let plotW = Self.width - Self.left - Self.right
    let plotH = Self.height - Self.top - Self.bottom
    func px(_ v: Double) -> Double { Self.left + (v - x.lower) / (x.upper - x.lower) * plotW }
    func py(_ v: Double) -> Double { Self.top + (y.upper - v) / (y.upper - y.lower) * plotH }
    func c(_ v: Double) -> String { DiagramGeometry.coordinate(v) }

    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ipma-map\" "
    out += "viewBox=\"0 0 \(c(Self.width)) \(c(Self.height))\" width=\"\(c(Self.width))\" "
    out += "height=\"\(c(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
    out += "font-family=\"'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif\" font-size=\"12\" "
    out += "fill=\"#1a1a1a\">\n"
    out +=
      "<title id=\"\(id)-title\">\(Markup.escape("Importance–performance map of \(target)"))</title>\n"
    let desc = points.map {
      "\($0.label): importance \(NumberText.fixed($0.importance)), performance \(NumberText.fixed($0.performance, 2))"
    }.joined(separator: "; ")
    out += "<desc id=\"\(id)-desc\">\(Markup.escape(desc))</desc>\n"
    let meanImportance = points.map(\.importance).reduce(0, +) / Double(max(points.count, 1))
    let meanPerformance = yValues.reduce(0, +) / Double(max(points.count, 1))
    // Shade the lower right quadrant: above-average importance, below-average performance.
    if !points.isEmpty {
      let qx = px(meanImportance)
      let qy = py(meanPerformance)
      out +=
        "<rect x=\"\(c(qx))\" y=\"\(c(qy))\" width=\"\(c(Self.left + plotW - qx))\" height=\"\(c(Self.top + plotH - qy))\" fill=\"#fdf1e0\"/>\n"
    }
    // Grid and ticks.
    out += "<g class=\"axes\" stroke=\"#d0d0d0\" stroke-width=\"1\">\n"
    var tick = x.lower
    var xTicks: [Double] = []
    while tick <= x.upper + x.step / 1e6 {
      xTicks.append(tick)
      out +=
        "<line x1=\"\(c(px(tick)))\" y1=\"\(c(Self.top))\" x2=\"\(c(px(tick)))\" y2=\"\(c(Self.top + plotH))\"/>\n"
      tick += x.step
    }
    tick = y.lower
    var yTicks: [Double] = []
    while tick <= y.upper + y.step / 1e6 {
      yTicks.append(tick)
      out +=
        "<line x1=\"\(c(Self.left))\" y1=\"\(c(py(tick)))\" x2=\"\(c(Self.left + plotW))\" y2=\"\(c(py(tick)))\"/>\n"
      tick += y.step
    }
    out += "</g>\n"
    out +=
      "<rect x=\"\(c(Self.left))\" y=\"\(c(Self.top))\" width=\"\(c(plotW))\" height=\"\(c(plotH))\" fill=\"none\" stroke=\"#6b6b6b\"/>\n"
    out += "<g class=\"ticks\" fill=\"#4a4a4a\" font-size=\"11\">\n"
    let xDigits = x.step >= 1 ? 0 : x.step >= 0.1 ? 1 : x.step >= 0.01 ? 2 : 3
    for t in xTicks {
      out +=
        "<text x=\"\(c(px(t)))\" y=\"\(c(Self.top + plotH + 16))\" text-anchor=\"middle\">\(NumberText.fixed(t, xDigits))</text>\n"
    }
    for t in yTicks {
      out +=
        "<text x=\"\(c(Self.left - 6))\" y=\"\(c(py(t) + 4))\" text-anchor=\"end\">\(NumberText.fixed(t, 0))</text>\n"
    }
    out += "</g>\n"
    out +=
      "<text x=\"\(c(Self.left + plotW / 2))\" y=\"\(c(Self.height - 10))\" text-anchor=\"middle\">\(Markup.escape("Importance (total effect on \(target))"))</text>\n"
    out +=
      "<text x=\"16\" y=\"\(c(Self.top + plotH / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(c(Self.top + plotH / 2)))\">Performance (0–100)</text>\n"
    // Mean lines.
    if !points.isEmpty {
      out +=
        "<g class=\"means\" stroke=\"#8a7440\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\">\n"
      out +=
        "<line x1=\"\(c(px(meanImportance)))\" y1=\"\(c(Self.top))\" x2=\"\(c(px(meanImportance)))\" y2=\"\(c(Self.top + plotH))\"><title>\(Markup.escape("mean importance \(NumberText.fixed(meanImportance))"))</title></line>\n"
      out +=
        "<line x1=\"\(c(Self.left))\" y1=\"\(c(py(meanPerformance)))\" x2=\"\(c(Self.left + plotW))\" y2=\"\(c(py(meanPerformance)))\"><title>\(Markup.escape("mean performance \(NumberText.fixed(meanPerformance, 2))"))</title></line>\n"
      out += "</g>\n"
    }
    // Points with labels (right of the point, or left near the right edge).
    out += "<g class=\"points\">\n"
    for point in points {
      let cx = px(point.importance)
      let cy = py(point.performance)
      let rightSide = cx < Self.left + plotW * 0.7
      out +=
        "<g>\n<title>\(Markup.escape("\(point.label): importance \(NumberText.fixed(point.importance)), performance \(NumberText.fixed(point.performance, 2))"))</title>\n"
      out +=
        "<circle cx=\"\(c(cx))\" cy=\"\(c(cy))\" r=\"5\" fill=\"#2b5c9e\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n"
      out +=
        "<text x=\"\(c(cx + (rightSide ? 8 : -8)))\" y=\"\(c(cy - 6))\" text-anchor=\"\(rightSide ? "start" : "end")\" fill=\"#0d2a52\">\(Markup.escape(point.label))</text>\n</g>\n"
    }
    out += "</g>\n</svg>"
    return out
  }
}

extension HTMLRenderer {
  /// The importance–performance map as a figure with its caption.
  static func ipmaFigure(_ report: EstimationReport, _ ipma: ImportancePerformance) -> String {
    let map = IPMAMap(report: report, ipma: ipma)
    var out = "<figure class=\"ipma-figure\">\n<div class=\"diagram\">\n" + map.svg() + "\n</div>\n"
    out +=
      "<figcaption>\(Markup.escape("Importance (unstandardised total effect on \(map.target)) against performance (mean score rescaled to 0–100) of each construct. The dashed lines mark the mean importance and the mean performance; the shaded lower right quadrant holds the constructs of above-average importance and below-average performance, where improvement pays most (Ringle & Sarstedt 2016)."))</figcaption>\n</figure>\n"
    return out
  }
}
