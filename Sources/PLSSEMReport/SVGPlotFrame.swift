import Foundation

/// The frame of an SVG chart with two numeric axes, shared by the HTML report's charts (the
/// importance–performance map, the simple-slope plots): the canvas and its margins, each axis's
/// range and ticks, the scaling of data to pixels, and the `<svg>` opening with its title and
/// description, the grid, the frame rectangle, the tick labels and the axis titles. A chart
/// draws its own marks between them with ``px(_:)`` and ``py(_:)``.
///
/// Presentation attributes only (no CSS, no scripts), every text escaped, coordinates as
/// ``DiagramGeometry/coordinate(_:)`` writes them, deterministic.
struct SVGPlotFrame {
  /// The canvas size and the margins around the plot area, in pixels.
  struct Layout: Equatable {
    var width: Double
    var height: Double
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
  }

  /// One axis: the data range the plot area spans, its ticks (grid lines and labels) and the
  /// decimals of the tick labels.
  struct Axis: Equatable {
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var digits: Int

    init(lower: Double, upper: Double, ticks: [Double], digits: Int) {
      self.lower = lower
      self.upper = upper
      self.ticks = ticks
      self.digits = digits
    }

    /// The axis from `lower` to `upper` with a tick every `step` from `lower` (up to `upper`,
    /// allowing for rounding), labelled with `digits` decimals or, if `nil`, as many as the
    /// step needs (``digits(step:)``).
    init(lower: Double, upper: Double, step: Double, digits: Int? = nil) {
      var ticks: [Double] = []
      var tick = lower
      while tick <= upper + step / 1e6 {
        ticks.append(tick)
        tick += step
      }
      self.init(lower: lower, upper: upper, ticks: ticks, digits: digits ?? Self.digits(step: step))
    }

    /// The decimals a tick label needs to show every multiple of `step` exactly: 0 for whole
    /// steps, 1 for 0.5 or 2.5, 2 for 0.25 or 0.05, … (at most 6).
    static func digits(step: Double) -> Int {
      guard step.isFinite, step > 0 else { return 0 }
      var digits = 0
      var scaled = step
      while digits < 6, abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
        digits += 1
        scaled *= 10
      }
      return digits
    }

    /// A round step for axis ticks covering `span` in about five steps (1, 2, 2.5 or 5 times a
    /// power of ten).
    static func step(_ span: Double) -> Double {
      guard span > 0, span.isFinite else { return 1 }
      let raw = span / 5
      let magnitude = pow(10, log10(raw).rounded(.down))
      for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw {
        return factor * magnitude
      }
      return 10 * magnitude
    }

    /// The range of the finite `values` extended to round ticks, always including `floor`, with
    /// a step to spare above the largest value; the upper end at most `cap` (or the largest
    /// value, if that is above `cap`).
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
  }

  var layout: Layout
  var x: Axis
  var y: Axis

  /// The width of the plot area inside the margins.
  var plotWidth: Double { layout.width - layout.left - layout.right }
  /// The height of the plot area inside the margins.
  var plotHeight: Double { layout.height - layout.top - layout.bottom }

  /// The right edge of the plot area.
  var plotRight: Double { layout.left + plotWidth }
  /// The bottom edge of the plot area.
  var plotBottom: Double { layout.top + plotHeight }

  /// The horizontal pixel of the data value `v`.
  func px(_ v: Double) -> Double { layout.left + (v - x.lower) / (x.upper - x.lower) * plotWidth }
  /// The vertical pixel of the data value `v` (larger values higher up).
  func py(_ v: Double) -> Double { layout.top + (y.upper - v) / (y.upper - y.lower) * plotHeight }

  /// A coordinate as the report's SVG writes it.
  func c(_ v: Double) -> String { DiagramGeometry.coordinate(v) }

  /// The `<svg>` opening tag of class `cssClass`, labelled by its `<title>` and `<desc>` (ids
  /// `idPrefix-title` and `idPrefix-desc`), with both elements.
  func opening(cssClass: String, idPrefix: String, title: String, description: String) -> String {
    let id = Markup.escape(idPrefix)
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cssClass)\" "
    out += "viewBox=\"0 0 \(c(layout.width)) \(c(layout.height))\" width=\"\(c(layout.width))\" "
    out += "height=\"\(c(layout.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
    out += "font-family=\"'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif\" font-size=\"12\" "
    out += "fill=\"#1a1a1a\">\n"
    out += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>\n"
    out += "<desc id=\"\(id)-desc\">\(Markup.escape(description))</desc>\n"
    return out
  }

  /// The grid: a vertical line at each x tick, a horizontal line at each y tick.
  func grid() -> String {
    var out = "<g class=\"axes\" stroke=\"#d0d0d0\" stroke-width=\"1\">\n"
    for t in x.ticks {
      out +=
        "<line x1=\"\(c(px(t)))\" y1=\"\(c(layout.top))\" x2=\"\(c(px(t)))\" y2=\"\(c(plotBottom))\"/>\n"
    }
    for t in y.ticks {
      out +=
        "<line x1=\"\(c(layout.left))\" y1=\"\(c(py(t)))\" x2=\"\(c(plotRight))\" y2=\"\(c(py(t)))\"/>\n"
    }
    out += "</g>\n"
    return out
  }

  /// The rectangle around the plot area.
  func border() -> String {
    "<rect x=\"\(c(layout.left))\" y=\"\(c(layout.top))\" width=\"\(c(plotWidth))\" height=\"\(c(plotHeight))\" fill=\"none\" stroke=\"#6b6b6b\"/>\n"
  }

  /// The tick labels: below the plot area for x, left of it for y.
  func tickLabels() -> String {
    var out = "<g class=\"ticks\" fill=\"#4a4a4a\" font-size=\"11\">\n"
    for t in x.ticks {
      out +=
        "<text x=\"\(c(px(t)))\" y=\"\(c(plotBottom + 16))\" text-anchor=\"middle\">\(NumberText.fixed(t, x.digits))</text>\n"
    }
    for t in y.ticks {
      out +=
        "<text x=\"\(c(layout.left - 6))\" y=\"\(c(py(t) + 4))\" text-anchor=\"end\">\(NumberText.fixed(t, y.digits))</text>\n"
    }
    out += "</g>\n"
    return out
  }

  /// The axis titles: `x` centred below the tick labels, `y` rotated left of the plot area.
  func axisTitles(x xTitle: String, y yTitle: String) -> String {
    let middle = layout.top + plotHeight / 2
    var out =
      "<text x=\"\(c(layout.left + plotWidth / 2))\" y=\"\(c(layout.height - 10))\" text-anchor=\"middle\">\(Markup.escape(xTitle))</text>\n"
    out +=
      "<text x=\"16\" y=\"\(c(middle))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(c(middle)))\">\(Markup.escape(yTitle))</text>\n"
    return out
  }
}
