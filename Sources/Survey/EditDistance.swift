/// Levenshtein distance (insertions, deletions, substitutions of Unicode scalars) with a bound,
/// for "did you mean …?" hints.
enum EditDistance {
  /// The distance between `a` and `b`, or nil when it exceeds `limit`. Banded: O(limit × length).
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    guard long.count - short.count <= limit else { return nil }
    if short.isEmpty { return long.count <= limit ? long.count : nil }
    let big = limit + 1
    var previous = [Int](repeating: big, count: short.count + 1)
    var current = [Int](repeating: big, count: short.count + 1)
    for j in 0...min(short.count, limit) { previous[j] = j }
    for i in 1...long.count {
      let low = max(1, i - limit)
      let high = min(short.count, i + limit)
      current[0] = i <= limit ? i : big
      if low > 1 { current[low - 1] = big }
      var rowMinimum = current[0]
      if low <= high {
        for j in low...high {
          let substitution = previous[j - 1] + (long[i - 1] == short[j - 1] ? 0 : 1)
          let value = min(substitution, previous[j] + 1, current[j - 1] + 1)
          current[j] = min(value, big)
          rowMinimum = min(rowMinimum, current[j])
        }
      }
      if high < short.count { current[high + 1] = big }
      guard rowMinimum <= limit else { return nil }
      swap(&previous, &current)
    }
    let result = previous[short.count]
    return result <= limit ? result : nil
  }

  /// The limit used for hints: a tenth of the text's length, at least 2 and at most 12.
  static func hintLimit(forLength length: Int) -> Int {
    min(12, max(2, length / 10))
  }
}
