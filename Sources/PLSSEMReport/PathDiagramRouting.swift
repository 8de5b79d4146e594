/// Routing structural arrows around the drawing's shapes. The layered layout keeps constructs
/// apart, but an arrow between layers can still cut through a row of indicators or a construct
/// it does not connect. Each arrow is then bent through one extra waypoint, pushed sideways
/// from its course, choosing among a few candidates the one that crosses fewest shapes, and
/// among equals the smallest bend.
enum DiagramRouting {
  /// Candidate positions of the waypoint along the arrow (fractions of its length) and
  /// sideways offsets in pixels.
  static let fractions = [0.5, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85]
  static let offsets = [18.0, -18.0, 34.0, -34.0, 52.0, -52.0, 72.0, -72.0, 96.0, -96.0]

  /// The points an arrow passes from the centre of `source` to the centre of `target` (through
  /// `via`, the dummies), clipped to the two ellipses, bent around `obstacles` when it would
  /// cross them. `obstacles` holds every indicator rectangle and every other construct.
  static func route(
    source: PathDiagram.Box, target: PathDiagram.Box, via: [PathDiagram.Point],
    obstacles: [PathDiagram.Box]
  ) -> [PathDiagram.Point] {
    let core = [source.center] + via + [target.center]
    var best = (cost: hits(clip(core, source, target), obstacles), points: core)
    guard best.cost > 0 else { return clip(core, source, target) }
    var candidates: [(points: [PathDiagram.Point], bend: Double)] = []
    // Dummies moved up or down together.
    if !via.isEmpty {
      for offset in offsets {
        candidates.append(
          (
            [source.center] + via.map { $0 + PathDiagram.Point(0, offset) } + [target.center],
            abs(offset)
          ))
      }
    }
    // One waypoint pushed sideways, not too close to a dummy (that would kink the curve).
    for fraction in fractions {
      for offset in offsets {
        let bent = insertWaypoint(core, at: fraction, offset: offset)
        guard let added = bent.first(where: { !core.contains($0) }),
          !via.contains(where: { $0.distance(to: added) < 40 })
        else { continue }
        candidates.append((bent, abs(offset)))
      }
    }
    for candidate in candidates {
      let cost = hits(clip(candidate.points, source, target), obstacles) + candidate.bend / 1000
      if cost < best.cost { best = (cost, candidate.points) }
    }
    return clip(best.points, source, target)
  }

  /// `points` with the ends moved from the centres onto the ellipses.
  static func clip(
    _ points: [PathDiagram.Point], _ source: PathDiagram.Box, _ target: PathDiagram.Box
  ) -> [PathDiagram.Point] {
    var clipped = points
    clipped[0] = DiagramGeometry.boundary(of: source, shape: .ellipse, toward: points[1])
    clipped[clipped.count - 1] = DiagramGeometry.boundary(
      of: target, shape: .ellipse, toward: points[points.count - 2])
    return clipped
  }

  /// Samples of the drawn curve inside any obstacle (grown by 3 px).
  static func hits(_ points: [PathDiagram.Point], _ obstacles: [PathDiagram.Box]) -> Double {
    let samples = DiagramGeometry.sample(
      points.count == 2 ? interpolate(points[0], points[1]) : points)
    var count = 0
    for p in samples {
      for box in obstacles
      where abs(p.x - box.center.x) <= box.halfWidth + 3
        && abs(p.y - box.center.y) <= box.halfHeight + 3
      {
        count += 1
      }
    }
    return Double(count)
  }

  /// A straight segment as points every few pixels, so that it is sampled like a curve.
  private static func interpolate(_ a: PathDiagram.Point, _ b: PathDiagram.Point) -> [PathDiagram
    .Point]
  {
    let steps = max(2, Int(a.distance(to: b) / 6))
    return (0...steps).map { a + (b - a) * (Double($0) / Double(steps)) }
  }

  /// `points` with a waypoint inserted at `fraction` of the polyline's length, moved `offset`
  /// pixels perpendicular to the polyline there.
  static func insertWaypoint(_ points: [PathDiagram.Point], at fraction: Double, offset: Double)
    -> [PathDiagram.Point]
  {
    var lengths: [Double] = []
    for i in 1..<points.count { lengths.append(points[i].distance(to: points[i - 1])) }
    var remaining = fraction * lengths.reduce(0, +)
    for (i, length) in lengths.enumerated() {
      if remaining <= length || i == lengths.count - 1 {
        let a = points[i]
        let b = points[i + 1]
        let t = length > 0 ? min(remaining / length, 1) : 0
        let direction = b - a
        let norm = max(direction.length, 1e-9)
        let normal = PathDiagram.Point(-direction.y / norm, direction.x / norm)
        var out = points
        out.insert(a + direction * t + normal * offset, at: i + 1)
        return out
      }
      remaining -= length
    }
    return points
  }
}
