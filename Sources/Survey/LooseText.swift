/// The forgiving forms of headers and labels that real exports write.
///
/// Online forms and spreadsheets decorate the texts a codebook holds: Google Forms writes a grid
/// question's rows as `Section title [row text]`, questionnaires number their questions
/// (`1. Bahan baku …`, `1) …`, `Q1. …`), editors drop or add a final full stop, and answer
/// options carry abbreviations (`Setuju (S)`) or their point (`4 - Setuju`). These functions
/// reduce such texts to what matching compares, always through ``TextKey`` (case and
/// whitespace ignored).
enum LooseText {
  /// A header's key without leading question numbering and surrounding punctuation:
  /// `"1. Bahan baku mudah diperoleh."` → `bahan baku mudah diperoleh`. Nil when nothing is left.
  static func headerKey(_ text: some StringProtocol) -> TextKey? {
    let stripped = trimmingPunctuation(withoutNumbering(String(text).trimmingWhitespace))
    let key = TextKey(stripped)
    return key.isEmpty ? nil : key
  }

  /// The row text of a grid header `Title [row text]`, and the title; nil for other headers.
  static func gridParts(_ text: String) -> (title: String, row: String)? {
    let trimmed = text.trimmingWhitespace
    guard trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "[") else { return nil }
    let row = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
    let title = trimmed[..<open]
    guard !row.trimmingWhitespace.isEmpty else { return nil }
    return (title.trimmingWhitespace, row.trimmingWhitespace)
  }

  /// The text without leading question numbering: `1.`, `1)`, `1:`, `1 -`, `12.3`, `Q1.`,
  /// `Q1)`, `No. 1`, followed by the question. Unchanged when nothing would be left.
  static func withoutNumbering(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var i = 0
    func isDigit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
    func isSpace(_ k: Int) -> Bool { k < scalars.count && scalars[k].properties.isWhitespace }
    // An optional prefix: "Q" or "No." (any case).
    let lower = text.lowercased().unicodeScalars.map { $0 }
    if lower.count > 1, lower[0] == "q", isDigit(1) {
      i = 1
    } else if lower.count > 3, lower[0] == "n", lower[1] == "o", lower[2] == "." {
      i = 3
      while isSpace(i) { i += 1 }
    }
    guard isDigit(i) else { return text }
    while isDigit(i) { i += 1 }
    while i + 1 < scalars.count, scalars[i] == ".", isDigit(i + 1) {
      i += 1
      while isDigit(i) { i += 1 }
    }
    var separated = false
    while isSpace(i) {
      i += 1
      separated = true
    }
    if i < scalars.count, ".):-–—".unicodeScalars.contains(scalars[i]) {
      i += 1
      separated = true
    }
    guard separated else { return text }
    while isSpace(i) { i += 1 }
    guard i < scalars.count else { return text }
    var rest = String.UnicodeScalarView()
    rest.append(contentsOf: scalars[i...])
    return String(rest)
  }

  /// The text without leading and trailing punctuation and whitespace (`.`, `,`, `;`, `:`, `!`,
  /// `?`, `*`, quotes); brackets stay (they may belong to the text).
  static func trimmingPunctuation(_ text: String) -> String {
    let strip: Set<Character> = [
      ".", ",", ";", ":", "!", "?", "*", "\"", "'", "“", "”", "‘", "’", "…",
    ]
    var s = Substring(text)
    while let f = s.first, f.isWhitespace || strip.contains(f) { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace || strip.contains(l) { s = s.dropLast() }
    return String(s)
  }

  /// A label without surrounding punctuation and a final abbreviation in parentheses:
  /// `Setuju (S).` → `Setuju`.
  static func baseLabel(_ text: String) -> String {
    var base = trimmingPunctuation(text.trimmingWhitespace)
    if base.hasSuffix(")"), let open = base.lastIndex(of: "("), open > base.startIndex {
      let inner = base[base.index(after: open)..<base.index(before: base.endIndex)]
      if !inner.isEmpty, inner.count <= 8, !inner.contains(where: \.isWhitespace) {
        base = trimmingPunctuation(String(base[..<open]))
      }
    }
    return base
  }

  /// The forms a cell's label may take, tried in order after the exact text: without a final
  /// abbreviation in parentheses (`Setuju (S)` → `Setuju`), without surrounding punctuation, and
  /// without a leading point (`4 - Setuju`, `4. Setuju`, `4 = Setuju` → `Setuju`, with 4 as the
  /// point it claims).
  static func labelVariants(_ text: String) -> [(key: TextKey, claimedPoint: Int?)] {
    var variants: [(TextKey, Int?)] = []
    let base = baseLabel(text)
    variants.append((TextKey(base), nil))
    let punctuationFree = base
    // A leading point: digits, then a separator (space, -, ., =, :, )) and the label.
    let scalars = Array(punctuationFree.unicodeScalars)
    var i = 0
    while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
    if i > 0, i <= 4, let point = Int(String(String.UnicodeScalarView(scalars[..<i]))) {
      var j = i
      var separated = false
      while j < scalars.count,
        scalars[j].properties.isWhitespace || "-–=.:)".unicodeScalars.contains(scalars[j])
      {
        j += 1
        separated = true
      }
      if separated, j < scalars.count {
        let rest = String(String.UnicodeScalarView(scalars[j...]))
        variants.append((TextKey(rest), point))
      }
    }
    return variants.filter { !$0.0.isEmpty }
  }
}
