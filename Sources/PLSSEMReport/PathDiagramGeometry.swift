import Foundation

/// Plane geometry for the path diagram: points, boxes, where a line leaves an ellipse or a
/// rectangle, smooth curves through points, and text width estimates.
extension PathDiagram {
  /// A point (SVG user units, y pointing down).
  public struct Point: Sendable, Equatable {
    /// Horizontal position, growing to the right.
    public var x: Double
    /// Vertical position, growing downwards.
    public var y: Double

    /// The point (x, y).
    public init(_ x: Double, _ y: Double) {
      self.x = x
      self.y = y
    }

    static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    static func * (a: Point, k: Double) -> Point { Point(a.x * k, a.y * k) }
    var length: Double { (x * x + y * y).squareRoot() }
    func distance(to other: Point) -> Double { (self - other).length }
  }

  /// An axis-aligned box given by its centre and half extents.
  public struct Box: Sendable, Equatable {
    /// The centre.
    public var center: Point
    /// Half the width.
    public var halfWidth: Double
    /// Half the height.
    public var halfHeight: Double

    /// The box around `center` reaching `halfWidth` left and right, `halfHeight` up and down.
    public init(center: Point, halfWidth: Double, halfHeight: Double) {
      self.center = center
      self.halfWidth = halfWidth
      self.halfHeight = halfHeight
    }

    var minX: Double { center.x - halfWidth }
    var maxX: Double { center.x + halfWidth }
    var minY: Double { center.y - halfHeight }
    var maxY: Double { center.y + halfHeight }

    /// The area shared with `other` (0 when apart), after growing both by `margin`.
    func overlap(_ other: Box, margin: Double = 0) -> Double {
      let w = min(maxX, other.maxX) - max(minX, other.minX) + 2 * margin
      let h = min(maxY, other.maxY) - max(minY, other.minY) + 2 * margin
      return w > 0 && h > 0 ? w * h : 0
    }
  }

  /// The outline of a node.
  public enum Shape: String, Sendable, Equatable {
    /// A construct.
    case ellipse
    /// An indicator.
    case rectangle
  }
}

/// Geometry helpers.
enum DiagramGeometry {
  /// Where the ray from the centre of `box` (read as `shape`) towards `target` crosses its
  /// outline. For an ellipse with semi-axes a, b and direction (dx, dy): the centre plus
  /// (dx, dy) / √((dx/a)² + (dy/b)²).
  static func boundary(
    of box: PathDiagram.Box, shape: PathDiagram.Shape, toward target: PathDiagram.Point
  )
    -> PathDiagram.Point
  {
    let d = target - box.center
    guard d.length > 1e-9 else { return box.center }
    let scale: Double
    switch shape {
    case .ellipse:
      scale =
        1
        / ((d.x / box.halfWidth) * (d.x / box.halfWidth) + (d.y / box.halfHeight)
          * (d.y / box.halfHeight))
        .squareRoot()
    case .rectangle:
      let sx = d.x == 0 ? Double.infinity : box.halfWidth / abs(d.x)
      let sy = d.y == 0 ? Double.infinity : box.halfHeight / abs(d.y)
      scale = min(sx, sy)
    }
    return box.center + d * scale
  }

  /// The width of `text` in a sans-serif font of `size` pixels, estimated from character
  /// classes (there are no font metrics without a browser); errs on the wide side.
  static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
    var units = 0.0
    for c in text {
      if c.isUppercase || c == "W" || c == "M" || c == "m" || c == "w" {
        units += 0.74
      } else if c == "i" || c == "l" || c == "j" || c == "." || c == "," || c == "'" || c == "|"
        || c == "!"
      {
        units += 0.32
      } else if c == " " {
        units += 0.34
      } else if c.isNumber {
        units += 0.64
      } else if c.isASCII {
        units += 0.6
      } else {
        units += 0.8
      }
    }
    return units * size * (bold ? 1.08 : 1)
  }

  /// Catmull–Rom interpolation through `points` as cubic Bézier segments: for segment
  /// Pᵢ → Pᵢ₊₁ the control points are Pᵢ + (Pᵢ₊₁ − Pᵢ₋₁)/6 and Pᵢ₊₁ − (Pᵢ₊₂ − Pᵢ)/6, the ends
  /// repeated. Returns (start, [(c1, c2, end)]).
  static func smoothSegments(_ points: [PathDiagram.Point])
    -> [(c1: PathDiagram.Point, c2: PathDiagram.Point, end: PathDiagram.Point)]
  {
    guard points.count > 1 else { return [] }
    var segments: [(PathDiagram.Point, PathDiagram.Point, PathDiagram.Point)] = []
    for i in 0..<(points.count - 1) {
      let p0 = points[max(i - 1, 0)]
      let p1 = points[i]
      let p2 = points[i + 1]
      let p3 = points[min(i + 2, points.count - 1)]
      segments.append((p1 + (p2 - p0) * (1.0 / 6), p2 - (p3 - p1) * (1.0 / 6), p2))
    }
    return segments
  }

  /// Points along the smooth curve through `points`, `perSegment` per segment, for measuring
  /// lengths and placing labels.
  static func sample(_ points: [PathDiagram.Point], perSegment: Int = 16) -> [PathDiagram.Point] {
    guard let first = points.first else { return [] }
    guard points.count > 2 else { return points }
    var out = [first]
    var start = first
    for (c1, c2, end) in smoothSegments(points) {
      for k in 1...perSegment {
        let t = Double(k) / Double(perSegment)
        let u = 1 - t
        out.append(
          start * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + end * (t * t * t))
      }
      start = end
    }
    return out
  }

  /// The point at `fraction` (0…1) of the length of a polyline.
  static func point(along polyline: [PathDiagram.Point], at fraction: Double) -> PathDiagram.Point {
    guard polyline.count > 1 else { return polyline.first ?? PathDiagram.Point(0, 0) }
    var lengths: [Double] = []
    for i in 1..<polyline.count { lengths.append(polyline[i].distance(to: polyline[i - 1])) }
    var remaining = max(0, min(1, fraction)) * lengths.reduce(0, +)
    for (i, length) in lengths.enumerated() {
      if remaining <= length || i == lengths.count - 1 {
        let t = length > 0 ? min(remaining / length, 1) : 0
        return polyline[i] + (polyline[i + 1] - polyline[i]) * t
      }
      remaining -= length
    }
    return polyline[polyline.count - 1]
  }

  /// `point` moved `distance` towards `toward`.
  static func retreat(_ point: PathDiagram.Point, toward: PathDiagram.Point, by distance: Double)
    -> PathDiagram.Point
  {
    let d = toward - point
    let length = d.length
    guard length > distance else { return point }
    return point + d * (distance / length)
  }

  /// A number for SVG coordinates: at most two decimals, no trailing zeros.
  static func coordinate(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
