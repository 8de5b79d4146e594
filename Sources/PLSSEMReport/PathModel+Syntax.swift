import PLSSEM

extension PathModel {
  /// The model in the lavaan-style syntax it is read from: one measurement statement per
  /// construct (`=~` Mode A, `<~` Mode B) in declaration order, then one regression statement
  /// per endogenous construct with its predictors in path order. Reading the text back gives
  /// an equal model.
  public var syntax: String {
    var lines = constructs.map { c in
      "\(c.name) \(c.mode == .a ? "=~" : "<~") \(c.indicators.joined(separator: " + "))"
    }
    var seen: [String] = []
    for path in paths where !seen.contains(path.to) {
      seen.append(path.to)
      lines.append("\(path.to) ~ \(predecessors(of: path.to).joined(separator: " + "))")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
