/// Finds the codebook item of each column of a response file, the way real exports need.
///
/// A column matches an item, in this order of preference:
///
/// 1. its header equals the item's id or question text in any language (``TextKey``: case and
///    runs of whitespace ignored);
/// 2. (SPSS, Stata) its variable label does;
/// 3. its header does after leading numbering and surrounding punctuation are dropped from both
///    (``LooseText/headerKey(_:)``: `1. Bahan baku …` and `Bahan baku …` without its full stop);
/// 4. its header is a grid header `Title [row text]` whose row text matches by 1 or 3.
///
/// A loose key shared by two items matches neither. For columns and items left unmatched,
/// ``suggestion(forItem:unmatchedColumns:)`` and ``suggestion(forColumn:unmatchedItems:)`` name
/// the closest counterpart within a small edit distance ("did you mean …?").
struct HeaderMatcher {
  let codebook: Codebook
  private let exact: [TextKey: Int]
  private let loose: [TextKey: Int]

  init(codebook: Codebook) {
    self.codebook = codebook
    exact = codebook.headerIndex()
    var loose: [TextKey: Int] = [:]
    var ambiguous: Set<TextKey> = []
    for (position, item) in codebook.items.enumerated() {
      for text in [item.id] + item.text.values {
        guard let key = LooseText.headerKey(text) else { continue }
        if let other = loose[key], other != position { ambiguous.insert(key) }
        loose[key] = position
      }
    }
    for key in ambiguous { loose[key] = nil }
    self.loose = loose
  }

  /// The item index a column matches, if any.
  func item(header: String, label: String?) -> Int? {
    if let item = exact[TextKey(header)] { return item }
    if let label, let item = exact[TextKey(label)] { return item }
    if let key = LooseText.headerKey(header), let item = loose[key] { return item }
    if let grid = LooseText.gridParts(header) {
      if let item = exact[TextKey(grid.row)] { return item }
      if let key = LooseText.headerKey(grid.row), let item = loose[key] { return item }
    }
    if let label, let key = LooseText.headerKey(label), let item = loose[key] { return item }
    return nil
  }

  /// The texts a header offers for matching: itself and, for a grid header, its row text.
  private static func candidates(header: String, label: String?) -> [[Unicode.Scalar]] {
    var texts = [header]
    if let grid = LooseText.gridParts(header) { texts.append(grid.row) }
    if let label { texts.append(label) }
    return texts.compactMap { LooseText.headerKey($0) }.map { Array($0.value.unicodeScalars) }
  }

  /// The texts an item offers: its id and its question in each language.
  private func candidates(item: Int) -> [[Unicode.Scalar]] {
    let entry = codebook.items[item]
    return ([entry.id] + entry.text.keys.sorted().compactMap { entry.text[$0] })
      .compactMap { LooseText.headerKey($0) }.map { Array($0.value.unicodeScalars) }
  }

  /// Work bounds for hints: pairs compared at most, and the most candidates kept per pair.
  static let maximumPairs = 40_000

  /// The closest of `columns` (index, header, label) to item `item`, with its edit distance.
  func suggestion(forItem item: Int, unmatchedColumns columns: [(Int, String, String?)])
    -> (column: Int, distance: Int)?
  {
    guard columns.count <= Self.maximumPairs else { return nil }
    let itemTexts = candidates(item: item)
    var best: (column: Int, distance: Int)?
    for (column, header, label) in columns {
      for a in itemTexts {
        for b in Self.candidates(header: header, label: label) {
          let limit = min(
            best.map { $0.distance - 1 } ?? Int.max, EditDistance.hintLimit(forLength: a.count))
          guard limit >= 0, let d = EditDistance.distance(a, b, limit: limit) else { continue }
          best = (column, d)
        }
      }
    }
    return best
  }

  /// The closest of `items` (indices) to a column, with its edit distance.
  func suggestion(header: String, label: String?, unmatchedItems items: [Int])
    -> (item: Int, distance: Int)?
  {
    guard items.count <= Self.maximumPairs else { return nil }
    let columnTexts = Self.candidates(header: header, label: label)
    var best: (item: Int, distance: Int)?
    for item in items {
      for a in candidates(item: item) {
        for b in columnTexts {
          let limit = min(
            best.map { $0.distance - 1 } ?? Int.max, EditDistance.hintLimit(forLength: a.count))
          guard limit >= 0, let d = EditDistance.distance(a, b, limit: limit) else { continue }
          best = (item, d)
        }
      }
    }
    return best
  }
}
