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

  /// The canvas and margins of the plot (the legend stands in the right margin).
  static let layout = SVGPlotFrame.Layout(
    width: 560, height: 360, left: 64, right: 168, top: 20, bottom: 52)
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
    let values = lines.flatMap { [$0.start, $0.end] }
    var y = SVGPlotFrame.Axis.range(values, including: values.filter(\.isFinite).min() ?? 0)
    y.lower = min(
      y.lower, ((values.filter(\.isFinite).min() ?? 0) / y.step).rounded(.down) * y.step)
    let frame = SVGPlotFrame(
      layout: Self.layout,
      x: SVGPlotFrame.Axis(lower: -1, upper: 1, ticks: [-1.0, -0.5, 0, 0.5, 1], digits: 1),
      y: SVGPlotFrame.Axis(lower: y.lower, upper: y.upper, step: y.step))
    let (px, py, c) = (frame.px, frame.py, frame.c)

    let title = "Simple slopes of \(focal) on \(outcome) moderated by \(moderator) (\(interaction))"
    let desc = lines.map { "\(legend($0)): slope \(NumberText.fixed($0.slope))" }
      .joined(separator: "; ")
    var out = frame.opening(
      cssClass: "slope-plot", idPrefix: idPrefix, title: title, description: desc)
    out += frame.grid() + frame.border() + frame.tickLabels()
    out += frame.axisTitles(
      x: "\(focal) (SD from its mean)", y: "\(outcome) (predicted, SD)")
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
    let lx = frame.plotRight + 16
    for (k, line) in lines.enumerated() {
      let ly = Self.layout.top + 12 + Double(k) * 20
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
