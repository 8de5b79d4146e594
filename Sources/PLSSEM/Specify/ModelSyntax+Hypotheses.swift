/// Hypothesis comments of model text (``PathModel/Hypothesis``):
///
///     # H1: X2 -> X3 (+)
///     # H2a: X1 -> Y (-)
///     # H3: X2 -> X3 -> Y
///
/// A comment is a hypothesis when its text starts with `H` (or `h`), a digit, any further
/// letters, digits, `_` or `.`, and a colon: the label. What follows must then be two or more
/// construct names joined by `->` (or `→`), optionally followed by the expected sign `(+)` or
/// `(-)` (`(−)`, U+2212, too) and nothing else; otherwise it is a syntax error naming the line
/// and column. Names follow the model syntax (bare, or quoted with `"` or `` ` ``). Every
/// other comment is ignored, as before.
extension ModelSyntaxParser {
  /// How a hypothesis comment reads, for error messages.
  static let hypothesisForm = "a hypothesis reads '# H1: X2 -> X3 (+)', '(-)' or no sign"

  /// The hypothesis in the comment `text` (what follows the `#`), whose first character is at
  /// `location`; nil when the comment is not a hypothesis.
  func hypothesis(inComment text: String, at location: SourceLocation) throws(SpecificationError)
    -> PathModel.Hypothesis?
  {
    let characters = Array(text)
    var i = 0
    func here() -> SourceLocation {
      SourceLocation(line: location.line, column: location.column + i)
    }
    func skipSpaces() {
      while i < characters.count, characters[i] == " " || characters[i] == "\t" { i += 1 }
    }
    skipSpaces()
    // The label: H, a digit, more name characters, then ':' (else an ordinary comment).
    let labelStart = i
    let labelLocation = here()
    guard i + 1 < characters.count, characters[i] == "H" || characters[i] == "h",
      characters[i + 1].isASCII, characters[i + 1].isNumber
    else { return nil }
    i += 2
    while i < characters.count, Self.isNameCharacter(characters[i]) { i += 1 }
    let label = String(characters[labelStart..<i])
    skipSpaces()
    guard i < characters.count, characters[i] == ":" else { return nil }
    i += 1

    func fail(_ message: String) -> SpecificationError {
      .syntax(
        message: "hypothesis \(label): \(message); \(Self.hypothesisForm)", location: here(),
        source: source)
    }
    // What stands at `i`: the rest of its word (at most 20 characters), or the end.
    func found() -> String {
      guard i < characters.count else { return "the end of the line" }
      var word = String(characters[i])
      var j = i + 1
      while j < characters.count, word.count < 20, !characters[j].isWhitespace,
        Self.isNameCharacter(characters[j]) == Self.isNameCharacter(characters[i])
      {
        word.append(characters[j])
        j += 1
      }
      return "'\(word)'"
    }
    // A construct name, bare or quoted.
    func name(after context: String) throws(SpecificationError) -> String {
      skipSpaces()
      guard i < characters.count else {
        throw fail("expected a construct name \(context), found the end of the line")
      }
      let c = characters[i]
      if c == "\"" || c == "`" {
        let start = here()
        var j = i + 1
        var name = ""
        while j < characters.count, characters[j] != c {
          name.append(characters[j])
          j += 1
        }
        guard j < characters.count else {
          throw .syntax(
            message: "hypothesis \(label): unterminated quoted name", location: start,
            source: source)
        }
        guard !name.isEmpty else {
          throw .syntax(
            message: "hypothesis \(label): empty quoted name", location: start, source: source)
        }
        i = j + 1
        return name
      }
      guard Self.isNameCharacter(c) else {
        throw fail("expected a construct name \(context), found \(found())")
      }
      var name = ""
      while i < characters.count, Self.isNameCharacter(characters[i]) {
        name.append(characters[i])
        i += 1
      }
      return name
    }
    // An arrow '->' or '→'; false when the text goes on otherwise.
    func arrow() -> Bool {
      skipSpaces()
      if i < characters.count, characters[i] == "→" {
        i += 1
        return true
      }
      if i + 1 < characters.count, characters[i] == "-", characters[i + 1] == ">" {
        i += 2
        return true
      }
      return false
    }

    var chain = [try name(after: "after '\(label):'")]
    while arrow() {
      chain.append(try name(after: "after '->'"))
    }
    guard chain.count >= 2 else {
      throw fail("expected '->' after '\(chain[0])', found \(found())")
    }
    var direction: PathModel.Hypothesis.Direction?
    skipSpaces()
    if i < characters.count, characters[i] == "(" {
      let open = i
      i += 1
      skipSpaces()
      let sign = i < characters.count ? characters[i] : " "
      switch sign {
      case "+": direction = .positive
      case "-", "−": direction = .negative
      default:
        i = open
        throw fail("expected the sign '(+)' or '(-)'")
      }
      i += 1
      skipSpaces()
      guard i < characters.count, characters[i] == ")" else {
        throw fail("expected ')' after the sign, found \(found())")
      }
      i += 1
    }
    skipSpaces()
    if i < characters.count {
      throw fail(
        direction == nil
          ? "expected '->', a sign '(+)' or '(-)', or the end of the line, found \(found())"
          : "expected the end of the line after the sign, found \(found())")
    }
    return PathModel.Hypothesis(
      label: label, chain: chain, direction: direction, location: labelLocation)
  }
}
