import DataFiles

/// Turns one response cell of one item into a scale value, or says what is wrong with it.
struct CellConverter: Sendable {
  enum Outcome: Equatable {
    /// The value (NaN for missing).
    case value(Double)
    /// A problem; the cell counts as missing.
    case problem(ResponseIssue.Kind)
  }

  let points: Int
  let labels: [TextKey: Int]
  let missingCodes: Set<Double>
  let missingLabels: Set<TextKey>
  let reverse: Bool
  let decimalComma: Bool

  init(
    codebook: Codebook, item: CodebookItem, reverse: Bool, additionalMissingCodes: [Double],
    decimalComma: Bool
  ) {
    // The codebook is validated: every item has a scale.
    let scale = codebook.scale(of: item) ?? LikertScale(id: "", points: 1)
    points = scale.points
    labels = scale.labelPoints()
    missingCodes = Set(codebook.missingCodes + additionalMissingCodes)
    missingLabels = Set(codebook.missingLabels.map { TextKey($0) })
    self.reverse = reverse && item.reverse
    self.decimalComma = decimalComma
  }

  /// A cell as a data file holds it: numbers as numbers, text as ``convert(_:)-(String)``
  /// reads it, empty and declared-missing cells as missing.
  func convert(_ cell: DataCell) -> Outcome {
    switch cell {
    case .empty, .declaredMissing: .value(.nan)
    case .number(let number): convert(number: number)
    case .text(let text): convert(text)
    }
  }

  /// Empty, a missing label or a missing code → missing; a number on `1...points` or a label →
  /// its value, reversed when the item is; anything else → a problem.
  func convert(_ cell: String) -> Outcome {
    let text = cell.trimmingWhitespace
    if text.isEmpty { return .value(.nan) }
    if let number = DataSheet.decimal(text, decimalComma: decimalComma) {
      return convert(number: number)
    }
    let key = TextKey(text)
    if missingLabels.contains(key) { return .value(.nan) }
    if let point = labels[key] { return .value(Double(reverse ? points + 1 - point : point)) }
    // Forms real exports write: `Setuju (S)`, `Setuju.`, `4 - Setuju` (the point must agree).
    for variant in LooseText.labelVariants(text) {
      if variant.claimedPoint == nil, missingLabels.contains(variant.key) { return .value(.nan) }
      if let point = labels[variant.key], variant.claimedPoint.map({ $0 == point }) ?? true {
        return .value(Double(reverse ? points + 1 - point : point))
      }
    }
    return .problem(.unknownLabel(text))
  }

  /// A missing code → missing; a number on `1...points` → its value, reversed when the item is.
  func convert(number: Double) -> Outcome {
    guard number.isFinite else { return .problem(.outOfRange(value: number, points: points)) }
    if missingCodes.contains(number) { return .value(.nan) }
    guard number >= 1, number <= Double(points) else {
      return .problem(.outOfRange(value: number, points: points))
    }
    return .value(reverse ? Double(points + 1) - number : number)
  }
}
