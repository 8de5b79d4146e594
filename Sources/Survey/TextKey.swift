/// Text reduced to what matching ignores: letter case and whitespace.
///
/// Leading and trailing whitespace is dropped, each run of inner whitespace (spaces, tabs, line
/// breaks, no-break spaces) becomes one space, and letters are lowercased. `"  Sangat\tSETUJU "`
/// and `"sangat setuju"` have the same key. String comparison in Swift is by canonical
/// equivalence, so composed and decomposed accents match as well.
struct TextKey: Hashable, Sendable, CustomStringConvertible {
  /// The normalised text.
  let value: String

  init(_ text: some StringProtocol) {
    var result = ""
    var pendingSpace = false
    for character in text.lowercased() {
      if character.isWhitespace {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    value = result
  }

  var isEmpty: Bool { value.isEmpty }
  var description: String { value }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace (including no-break spaces and line breaks).
  var trimmingWhitespace: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}
