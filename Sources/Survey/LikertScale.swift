/// A rating scale with points `1...points` and a text label for each point in each language.
///
/// ```yaml
/// - id: agree5
///   points: 5
///   labels:
///     id: [Sangat Tidak Setuju, Tidak Setuju, Netral, Setuju, Sangat Setuju]
///     en: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
/// ```
///
/// Labels are listed from point 1 upward. A response file may hold either the point (`4`) or
/// any language's label (`Setuju`, `agree`, `  AGREE `); labels are matched case- and
/// whitespace-insensitively.
public struct LikertScale: Sendable, Equatable, Codable {
  /// The identifier items use to name this scale.
  public var id: String
  /// The number of points; valid answers are `1...points`.
  public var points: Int
  /// Per language code, the labels of points `1...points` in order.
  public var labels: [String: [String]]

  /// A scale of `points` points.
  public init(id: String, points: Int, labels: [String: [String]] = [:]) {
    self.id = id
    self.points = points
    self.labels = labels
  }

  enum CodingKeys: String, CodingKey { case id, points, labels }

  /// Decodes a scale; `labels` may be absent (numeric answers only).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    points = try container.decode(Int.self, forKey: .points)
    labels = try container.decodeIfPresent([String: [String]].self, forKey: .labels) ?? [:]
  }

  /// The label of `point` in `language`, if both exist.
  public func label(of point: Int, language: String) -> String? {
    guard let list = labels[language], point >= 1, point <= list.count else { return nil }
    return list[point - 1]
  }

  /// The reverse of `value` on this scale: `points + 1 − value`.
  public func reversed(_ value: Double) -> Double { Double(points + 1) - value }

  /// The scale point a label stands for, matched through ``TextKey``.
  func labelPoints() -> [TextKey: Int] {
    var map: [TextKey: Int] = [:]
    for language in labels.keys.sorted() {
      for (offset, label) in (labels[language] ?? []).enumerated() {
        map[TextKey(label)] = offset + 1
      }
    }
    return map
  }
}
