/// Parsing lavaan-style model text (the convention of lavaan, cSEM and semopy):
///
///     # comments start with '#'
///     COMP =~ comp_1 + comp_2 + comp_3      # Mode A block
///     QUAL <~ qual_1 + qual_2               # Mode B block
///     CUSA ~ COMP + LIKE                    # paths COMP → CUSA, LIKE → CUSA
///     CUSL ~ CUSA + SC + CUSA:SC            # with the interaction of CUSA and SC
///
/// A statement ends at a line break or `;`. After a trailing `+` or operator it continues on the
/// next line (a line break there is not an end), but a `;` always ends it. `A + B ~ C` gives the
/// paths C → A and C → B. Names consist of letters, digits, `_` and `.`, and may be quoted with
/// `"` or `` ` `` to hold other characters. Comments of the form `# H1: X2 -> X3 (+)` name
/// hypotheses (``PathModel/Hypothesis``; see `ModelSyntax+Hypotheses.swift`). `A:B` on the
/// right of `~` is the interaction term of the constructs A and B, a predictor named `A:B`
/// (``PathModel/Interaction``).
/// Errors name the line and column.
extension PathModel {
  /// Parses model text and validates the model on its own (not yet against data).
  ///
  /// - Parameters:
  ///   - syntax: the model text.
  ///   - source: a name for the text in error messages, such as its file name.
  /// - Throws: ``SpecificationError``.
  public init(syntax: String, source: String = "<model>") throws(SpecificationError) {
    var parser = ModelSyntaxParser(text: syntax, source: source)
    self = try parser.parse().validated(source: source)
  }

  /// Parses model text without validating the model: for a caller that completes it first
  /// (adding the measurement of constructs that only the structural paths name, say from a
  /// questionnaire codebook), then calls ``validated(source:)``. Syntax errors still throw.
  public init(unvalidatedSyntax syntax: String, source: String = "<model>")
    throws(SpecificationError)
  {
    var parser = ModelSyntaxParser(text: syntax, source: source)
    self = try parser.parse()
  }
}

/// A token of model text.
struct ModelToken: Equatable {
  enum Kind: Equatable {
    case name(String)
    case reflective  // =~
    case composite  // <~
    case regression  // ~
    case plus
    case colon  // ':' joining the constructs of an interaction term
    case end  // line break (or the end of the text)
    case separator  // ';'
  }
  var kind: Kind
  var location: SourceLocation
}

/// The lexer and parser behind ``PathModel/init(syntax:source:)``.
struct ModelSyntaxParser {
  let text: String
  let source: String

  init(text: String, source: String) {
    self.text = text
    self.source = source
  }

  private func error(_ message: String, _ location: SourceLocation) -> SpecificationError {
    .syntax(message: message, location: location, source: source)
  }

  static func isNameCharacter(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "_" || c == "."
  }

  /// Splits the text into tokens, dropping comments.
  func tokens() throws(SpecificationError) -> [ModelToken] {
    try lex().tokens
  }

  /// Splits the text into tokens and reads the hypotheses in its comments
  /// (``hypothesis(inComment:at:)``); other comments are dropped.
  func lex() throws(SpecificationError) -> (
    tokens: [ModelToken], hypotheses: [PathModel.Hypothesis]
  ) {
    var result: [ModelToken] = []
    var hypotheses: [PathModel.Hypothesis] = []
    var line = 1
    var column = 1
    let characters = Array(text)
    var i = 0
    func here() -> SourceLocation { SourceLocation(line: line, column: column) }
    while i < characters.count {
      let c = characters[i]
      let location = here()
      switch c {
      case "\n", "\r\n", "\r":
        result.append(ModelToken(kind: .end, location: location))
        line += 1
        column = 1
        i += 1
        continue
      case "#", "!":
        var comment = ""
        i += 1
        column += 1
        let textStart = here()
        while i < characters.count, !characters[i].isNewline {
          comment.append(characters[i])
          i += 1
          column += 1
        }
        if let hypothesis = try hypothesis(inComment: comment, at: textStart) {
          hypotheses.append(hypothesis)
        }
        continue
      case ";":
        result.append(ModelToken(kind: .separator, location: location))
      case "+":
        result.append(ModelToken(kind: .plus, location: location))
      case ":":
        result.append(ModelToken(kind: .colon, location: location))
      case "=":
        guard i + 1 < characters.count, characters[i + 1] == "~" else {
          throw error("expected '=~' here; '=' alone is not an operator", location)
        }
        result.append(ModelToken(kind: .reflective, location: location))
        i += 1
        column += 1
      case "<":
        guard i + 1 < characters.count, characters[i + 1] == "~" else {
          throw error("expected '<~' here; '<' alone is not an operator", location)
        }
        result.append(ModelToken(kind: .composite, location: location))
        i += 1
        column += 1
      case "~":
        if i + 1 < characters.count, characters[i + 1] == "~" {
          throw error("covariances ('~~') are not part of a PLS path model", location)
        }
        result.append(ModelToken(kind: .regression, location: location))
      case "\"", "`":
        var name = ""
        var j = i + 1
        var closed = false
        while j < characters.count, !characters[j].isNewline {
          if characters[j] == c {
            closed = true
            break
          }
          name.append(characters[j])
          j += 1
        }
        guard closed else { throw error("unterminated quoted name", location) }
        guard !name.isEmpty else { throw error("empty quoted name", location) }
        result.append(ModelToken(kind: .name(name), location: location))
        column += j - i
        i = j
      case "*":
        throw error(
          "coefficient modifiers such as '0.5*x' or 'label*x' are not supported", location)
      default:
        if c.isWhitespace {
          break
        }
        guard Self.isNameCharacter(c) else {
          throw error("unexpected character '\(c)'", location)
        }
        var name = String(c)
        while i + 1 < characters.count, Self.isNameCharacter(characters[i + 1]) {
          i += 1
          column += 1
          name.append(characters[i])
        }
        result.append(ModelToken(kind: .name(name), location: location))
      }
      i += 1
      column += 1
    }
    result.append(ModelToken(kind: .end, location: here()))
    return (result, hypotheses)
  }

  /// One statement: left-hand names, operator, right-hand names.
  struct Statement {
    var left: [(name: String, location: SourceLocation)]
    var op: ModelToken.Kind
    var opLocation: SourceLocation
    var right: [(name: String, location: SourceLocation)]
    /// For each right-hand name that is an interaction term `A:B` (by its index in `right`):
    /// where each of its constructs is written.
    var termLocations: [Int: [SourceLocation]] = [:]
  }

  /// Groups tokens into statements, joining lines after a trailing '+' or operator.
  func statements() throws(SpecificationError) -> [Statement] {
    try statements(of: tokens())
  }

  /// Groups `tokens` into statements, joining lines after a trailing '+' or operator.
  func statements(of tokens: [ModelToken]) throws(SpecificationError) -> [Statement] {
    var statements: [Statement] = []
    var index = 0
    // Between statements: line breaks and ';'.
    func skipEnds() {
      while index < tokens.count, tokens[index].kind == .end || tokens[index].kind == .separator {
        index += 1
      }
    }
    // Inside a statement, after a trailing '+' or operator: line breaks only.
    func skipLineBreaks() {
      while index < tokens.count, tokens[index].kind == .end { index += 1 }
    }
    // Reads `name (+ name)*`, allowing line breaks after '+'.
    var terms: [Int: [SourceLocation]] = [:]
    func names(after context: String, at fallback: SourceLocation) throws(SpecificationError) -> [(
      name: String, location: SourceLocation
    )] {
      terms = [:]
      var list: [(name: String, location: SourceLocation)] = []
      var context = context
      var fallback = fallback
      while true {
        guard index < tokens.count else {
          throw error("expected a name \(context), found the end of the text", fallback)
        }
        let token = tokens[index]
        guard case .name(let name) = token.kind else {
          let what: String
          switch token.kind {
          case .end: what = "end of statement"
          case .separator: what = "';'"
          case .plus: what = "'+'"
          case .colon: what = "':'"
          case .reflective: what = "'=~'"
          case .composite: what = "'<~'"
          case .regression: what = "'~'"
          case .name: what = "name"
          }
          throw error("expected a name \(context), found \(what)", token.location)
        }
        index += 1
        // An interaction term `A:B`: one name, its parts joined by ':'.
        var term = name
        var locations = [token.location]
        while index < tokens.count, tokens[index].kind == .colon {
          let colon = tokens[index].location
          index += 1
          guard index < tokens.count, case .name(let next) = tokens[index].kind else {
            throw error(
              "expected a construct name after ':' in the interaction term '\(term):'", colon)
          }
          term += ":" + next
          locations.append(tokens[index].location)
          index += 1
        }
        if locations.count > 1 { terms[list.count] = locations }
        list.append((term, token.location))
        guard index < tokens.count, tokens[index].kind == .plus else { return list }
        context = "after '+'"
        fallback = tokens[index].location
        index += 1
        skipLineBreaks()  // continuation after a trailing '+'
      }
    }
    skipEnds()
    while index < tokens.count {
      let start = tokens[index].location
      let left = try names(after: "at the start of a statement", at: start)
      if let (k, locations) = terms.min(by: { $0.key < $1.key }) {
        throw error(
          "the interaction term '\(left[k].name)' can only be a predictor, on the right of '~' (write 'Y ~ A + B + A:B')",
          locations[0])
      }
      guard index < tokens.count else { break }
      let opToken = tokens[index]
      switch opToken.kind {
      case .reflective, .composite, .regression:
        break
      default:
        let last = left.last?.name ?? ""
        throw error("expected '=~', '<~' or '~' after '\(last)'", opToken.location)
      }
      index += 1
      skipLineBreaks()  // continuation after a trailing operator
      let opName =
        opToken.kind == .reflective ? "'=~'" : opToken.kind == .composite ? "'<~'" : "'~'"
      let right = try names(after: "after \(opName)", at: opToken.location)
      if opToken.kind != .regression, let (k, locations) = terms.min(by: { $0.key < $1.key }) {
        throw error(
          "the interaction term '\(right[k].name)' is not an indicator: interaction terms are predictors in structural statements ('Y ~ A + B + A:B')",
          locations[0])
      }
      if index < tokens.count, tokens[index].kind != .end, tokens[index].kind != .separator {
        throw error("expected '+', ';' or the end of the line", tokens[index].location)
      }
      if opToken.kind != .regression, left.count > 1 {
        throw error(
          "a measurement statement defines one construct; found \(left.count) names before \(opName)",
          left[1].location)
      }
      statements.append(
        Statement(
          left: left, op: opToken.kind, opLocation: opToken.location, right: right,
          termLocations: terms))
      skipEnds()
    }
    return statements
  }

  /// Parses the text into an unvalidated model, with the hypotheses of its comments.
  mutating func parse() throws(SpecificationError) -> PathModel {
    var constructs: [PathModel.Construct] = []
    var paths: [PathModel.Path] = []
    let (tokens, hypotheses) = try lex()
    for statement in try statements(of: tokens) {
      switch statement.op {
      case .reflective, .composite:
        let head = statement.left[0]
        constructs.append(
          PathModel.Construct(
            name: head.name, mode: statement.op == .reflective ? .a : .b,
            indicators: statement.right.map(\.name), location: head.location))
      default:
        for target in statement.left {
          for (k, predictor) in statement.right.enumerated() {
            paths.append(
              PathModel.Path(
                from: predictor.name, to: target.name, location: predictor.location,
                termLocations: statement.termLocations[k]))
          }
        }
      }
    }
    // A block listing other blocks' constructs is a higher-order construct.
    return PathModel(constructs: constructs, paths: paths, hypotheses: hypotheses)
      .separatingHigherOrder()
  }
}
