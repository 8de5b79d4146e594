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

  /// The canvas and margins of the map.
  static let layout = SVGPlotFrame.Layout(
    width: 640, height: 420, left: 64, right: 24, top: 24, bottom: 52)

  init(report: EstimationReport, ipma: ImportancePerformance) {
    target = report.label(ipma.target)
    points = ipma.constructs.map {
      Point(
        name: $0.construct, label: report.label($0.construct), importance: $0.importance,
        performance: $0.performance)
    }
  }

  /// The map as an `<svg>` element.
  func svg(idPrefix: String = "ipma") -> String {
    let x = SVGPlotFrame.Axis.range(points.map(\.importance), including: 0)
    let yValues = points.map(\.performance)
    var y = SVGPlotFrame.Axis.range(
      yValues, including: max(0, ((yValues.min() ?? 0) - 10).rounded(.down)), cap: 100)
    if y.upper <= y.lower { y.upper = y.lower + y.step }
    let frame = SVGPlotFrame(
      layout: Self.layout, x: SVGPlotFrame.Axis(lower: x.lower, upper: x.upper, step: x.step),
      y: SVGPlotFrame.Axis(lower: y.lower, upper: y.upper, step: y.step))
    let (px, py, c) = (frame.px, frame.py, frame.c)
    let (left, top) = (Self.layout.left, Self.layout.top)
    let (right, bottom) = (frame.plotRight, frame.plotBottom)

    let desc = points.map {
      "\($0.label): importance \(NumberText.fixed($0.importance)), performance \(NumberText.fixed($0.performance, 2))"
    }.joined(separator: "; ")
    var out = frame.opening(
      cssClass: "ipma-map", idPrefix: idPrefix, title: "Importance–performance map of \(target)",
      description: desc)
    let meanImportance = points.map(\.importance).reduce(0, +) / Double(max(points.count, 1))
    let meanPerformance = yValues.reduce(0, +) / Double(max(points.count, 1))
    // Shade the lower right quadrant: above-average importance, below-average performance.
    if !points.isEmpty {
      let qx = px(meanImportance)
      let qy = py(meanPerformance)
      out +=
        "<rect x=\"\(c(qx))\" y=\"\(c(qy))\" width=\"\(c(right - qx))\" height=\"\(c(bottom - qy))\" fill=\"#fdf1e0\"/>\n"
    }
    out += frame.grid() + frame.border() + frame.tickLabels()
    out += frame.axisTitles(x: "Importance (total effect on \(target))", y: "Performance (0–100)")
    // Mean lines.
    if !points.isEmpty {
      out +=
        "<g class=\"means\" stroke=\"#8a7440\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\">\n"
      out +=
        "<line x1=\"\(c(px(meanImportance)))\" y1=\"\(c(top))\" x2=\"\(c(px(meanImportance)))\" y2=\"\(c(bottom))\"><title>\(Markup.escape("mean importance \(NumberText.fixed(meanImportance))"))</title></line>\n"
      out +=
        "<line x1=\"\(c(left))\" y1=\"\(c(py(meanPerformance)))\" x2=\"\(c(right))\" y2=\"\(c(py(meanPerformance)))\"><title>\(Markup.escape("mean performance \(NumberText.fixed(meanPerformance, 2))"))</title></line>\n"
      out += "</g>\n"
    }
    // Points with labels (right of the point, or left near the right edge).
    out += "<g class=\"points\">\n"
    for point in points {
      let cx = px(point.importance)
      let cy = py(point.performance)
      let rightSide = cx < left + frame.plotWidth * 0.7
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
