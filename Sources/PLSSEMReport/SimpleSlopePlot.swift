import Foundation
import PLSSEM

/// The simple-slope plot of one interaction term on one outcome, as inline SVG: the predicted
/// outcome against the focal predictor X from −1 to +1 SD, one line per moderator level of the
/// table (by default M at −1 SD, the mean and +1 SD), as seminr's `slope_analysis` and
/// SmartPLS 4's simple slope plot draw it: `y = slope(m)·x + β_M·m` in standard deviations,
/// the intercept (0 for standardised scores) and the interaction score's centring constant
/// left out, so the lines show the slopes and the moderator's main effect.
///
/// Each line has its own colour (Okabe–Ito) and dash pattern, so the legend reads in black and
/// white; the `<title>` and `<desc>` give every slope in words for screen readers. Presentation
/// attributes only (no CSS, no scripts), every text escaped, deterministic.
struct SimpleSlopePlot {
  /// One line: the moderator level and the slope there.
  struct Line: Equatable {
    var level: Double
    var slope: Double
    /// The predicted outcome at x = −1 and x = +1.
    var start: Double
    var end: Double
  }

  var interaction: String
  var focal: String
  var moderator: String
  var outcome: String
  var lines: [Line]

  static let width = 560.0
  static let height = 360.0
  static let left = 64.0
  static let right = 168.0
  static let top = 20.0
  static let bottom = 52.0
  static let colours = ["#0072B2", "#1a1a1a", "#D55E00", "#009E73", "#CC79A7", "#E69F00"]
  static let dashes = ["7 4", "", "2 3", "10 3 2 3", "4 2", "1 2"]

  /// One plot per interaction term and outcome, from the report's simple slopes and the
  /// moderator's path.
  static func plots(_ report: EstimationReport) -> [SimpleSlopePlot] {
    let slopes = report.estimate.simpleSlopes
    var plots: [SimpleSlopePlot] = []
    for slope in slopes
    where !plots.contains(where: {
      $0.interaction == slope.interaction && $0.outcome == slope.outcome
    }) {
      let moderatorPath = report.estimate.path(from: slope.moderator, to: slope.outcome) ?? .nan
      let lines = slopes.filter {
        $0.interaction == slope.interaction && $0.outcome == slope.outcome
      }
      .map {
        Line(
          level: $0.level, slope: $0.estimate,
          start: -$0.estimate + moderatorPath * $0.level,
          end: $0.estimate + moderatorPath * $0.level)
      }
      plots.append(
        SimpleSlopePlot(
          interaction: slope.interaction, focal: report.label(slope.focal),
          moderator: report.label(slope.moderator), outcome: report.label(slope.outcome),
          lines: lines))
    }
    return plots
  }

  /// The legend text of a line: `SC at -1 SD`, `SC at mean`.
  func legend(_ line: Line) -> String {
    "\(moderator) at \(EstimationReport.moderatorLevelText(line.level))"
  }

  /// The plot as an `<svg>` element.
  func svg(idPrefix: String) -> String {
    let id = Markup.escape(idPrefix)
    let values = lines.flatMap { [$0.start, $0.end] }
    var y = IPMAMap.range(values, including: values.filter(\.isFinite).min() ?? 0)
    y.lower = min(
      y.lower, ((values.filter(\.isFinite).min() ?? 0) / y.step).rounded(.down) * y.step)
    let plotW = Self.width - Self.left - Self.right
    let plotH = Self.height - Self.top - Self.bottom
    func px(_ v: Double) -> Double { Self.left + (v + 1) / 2 * plotW }
    func py(_ v: Double) -> Double { Self.top + (y.upper - v) / (y.upper - y.lower) * plotH }
    func c(_ v: Double) -> String { DiagramGeometry.coordinate(v) }

    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"slope-plot\" "
    out += "viewBox=\"0 0 \(c(Self.width)) \(c(Self.height))\" width=\"\(c(Self.width))\" "
    out += "height=\"\(c(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
    out += "font-family=\"'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif\" font-size=\"12\" "
    out += "fill=\"#1a1a1a\">\n"
    let title = "Simple slopes of \(focal) on \(outcome) moderated by \(moderator) (\(interaction))"
    out += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>\n"
    let desc = lines.map { "\(legend($0)): slope \(NumberText.fixed($0.slope))" }
      .joined(separator: "; ")
    out += "<desc id=\"\(id)-desc\">\(Markup.escape(desc))</desc>\n"
    // Grid.
    out += "<g class=\"axes\" stroke=\"#d0d0d0\" stroke-width=\"1\">\n"
    let xTicks = [-1.0, -0.5, 0, 0.5, 1]
    for t in xTicks {
      out +=
        "<line x1=\"\(c(px(t)))\" y1=\"\(c(Self.top))\" x2=\"\(c(px(t)))\" y2=\"\(c(Self.top + plotH))\"/>\n"
    }
    var yTicks: [Double] = []
    var tick = y.lower
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
    for t in xTicks {
      out +=
        "<text x=\"\(c(px(t)))\" y=\"\(c(Self.top + plotH + 16))\" text-anchor=\"middle\">\(NumberText.fixed(t, 1))</text>\n"
    }
    let yDigits = y.step >= 1 ? 0 : y.step >= 0.1 ? 1 : y.step >= 0.01 ? 2 : 3
    for t in yTicks {
      out +=
        "<text x=\"\(c(Self.left - 6))\" y=\"\(c(py(t) + 4))\" text-anchor=\"end\">\(NumberText.fixed(t, yDigits))</text>\n"
    }
    out += "</g>\n"
    out +=
      "<text x=\"\(c(Self.left + plotW / 2))\" y=\"\(c(Self.height - 10))\" text-anchor=\"middle\">\(Markup.escape("\(focal) (SD from its mean)"))</text>\n"
    out +=
      "<text x=\"16\" y=\"\(c(Self.top + plotH / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(c(Self.top + plotH / 2)))\">\(Markup.escape("\(outcome) (predicted, SD)"))</text>\n"
    // Lines.
    out += "<g class=\"lines\" fill=\"none\" stroke-width=\"2.2\">\n"
    for (k, line) in lines.enumerated() where line.start.isFinite && line.end.isFinite {
      let dash = Self.dashes[k % Self.dashes.count]
      out +=
        "<line x1=\"\(c(px(-1)))\" y1=\"\(c(py(line.start)))\" x2=\"\(c(px(1)))\" y2=\"\(c(py(line.end)))\" stroke=\"\(Self.colours[k % Self.colours.count])\""
      out += dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
      out +=
        "><title>\(Markup.escape("\(legend(line)): slope \(NumberText.fixed(line.slope))"))</title></line>\n"
    }
    out += "</g>\n"
    // Legend, right of the plot.
    out += "<g class=\"legend\" font-size=\"12\">\n"
    let lx = Self.left + plotW + 16
    for (k, line) in lines.enumerated() {
      let ly = Self.top + 12 + Double(k) * 20
      let dash = Self.dashes[k % Self.dashes.count]
      out +=
        "<line x1=\"\(c(lx))\" y1=\"\(c(ly))\" x2=\"\(c(lx + 28))\" y2=\"\(c(ly))\" stroke=\"\(Self.colours[k % Self.colours.count])\" stroke-width=\"2.2\""
      out += dash.isEmpty ? "/>\n" : " stroke-dasharray=\"\(dash)\"/>\n"
      out +=
        "<text x=\"\(c(lx + 34))\" y=\"\(c(ly + 4))\">\(Markup.escape(legend(line)))</text>\n"
    }
    out += "</g>\n</svg>"
    return out
  }

  /// The figures of every interaction term's plot, with captions, for the HTML report.
  static func figures(_ report: EstimationReport) -> String {
    plots(report).enumerated().map { k, plot in
      var out =
        "<figure class=\"slope-figure\">\n<div class=\"diagram\">\n"
        + plot.svg(idPrefix: "slopes-\(k + 1)") + "\n</div>\n"
      out +=
        "<figcaption>\(Markup.escape("Simple slopes of \(plot.focal) on \(plot.outcome) at levels of \(plot.moderator) (\(plot.interaction)): predicted \(plot.outcome) = slope × \(plot.focal) + β(\(plot.moderator)) × level, in standard deviations, for \(plot.focal) from -1 to +1 SD; the intercept and the interaction score's centring constant are left out, as in seminr's slope_analysis."))</figcaption>\n</figure>\n"
      return out
    }.joined()
  }
}
