/// Issues of one kind and value together: "unknown label "Setuju (S)" in 418 cells" rather than
/// 418 lines.
///
/// Cell problems group by kind and value (``ResponseIssue/Kind/outOfRange(value:points:)`` by
/// value and scale, ``ResponseIssue/Kind/unknownLabel(_:)`` by the label's `TextKey`), records
/// of a wrong field count by their counts, blank records together; every other issue stays on
/// its own. Groups keep the order of their first issue.
public struct ResponseIssueGroup: Sendable, Equatable, CustomStringConvertible {
  /// The issues, in file order; the first names the group.
  public var issues: [ResponseIssue]

  /// The first issue.
  public var first: ResponseIssue { issues[0] }

  /// The issues' message once, with the count, the columns (first ten) and the first place;
  /// a single issue's own description.
  public var description: String {
    guard issues.count > 1 else { return first.description }
    let columns = Array(Set(issues.compactMap(\.column))).sorted()
    var text = first.message + " (\(issues.count) \(noun)"
    if columns.count == 1, let only = columns.first {
      text += " in column \(only)"
    } else if !columns.isEmpty {
      let shown = columns.prefix(10).map(String.init).joined(separator: ", ")
      text += " in \(columns.count) columns: \(shown)"
      if columns.count > 10 { text += " and \(columns.count - 10) more" }
    }
    let place = first.place.hasSuffix(": ") ? String(first.place.dropLast(2)) : first.place
    return text + "; the first at \(place))"
  }

  private var noun: String {
    switch first.kind {
    case .wrongFieldCount, .blankLine: "records"
    default: "cells"
    }
  }

  /// `issues` grouped (see the type's discussion).
  public static func grouping(_ issues: [ResponseIssue]) -> [ResponseIssueGroup] {
    var groups: [ResponseIssueGroup] = []
    var index: [String: Int] = [:]
    for (position, issue) in issues.enumerated() {
      let key: String
      switch issue.kind {
      case .outOfRange(let value, let points): key = "range \(value) \(points)"
      case .unknownLabel(let text): key = "label \(TextKey(text).value)"
      case .wrongFieldCount(let expected, let found): key = "fields \(expected) \(found)"
      case .blankLine: key = "blank"
      default: key = "single \(position)"
      }
      if let existing = index[key] {
        groups[existing].issues.append(issue)
      } else {
        index[key] = groups.count
        groups.append(ResponseIssueGroup(issues: [issue]))
      }
    }
    return groups
  }
}
