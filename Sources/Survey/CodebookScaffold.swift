import DataFiles

/// A first codebook for a data file, for `plssem codebook init`: one item per column that holds
/// answers on a rating scale, the scales, the missing codes, and constructs guessed for review.
///
/// What it reads from each column:
///
/// - **value labels** (SPSS, Stata): a scale of the labelled points `1...k`; labelled values
///   outside it that look like missing codes (negative, or 97–99, 999, 9999) become missing codes
///   with their labels as missing labels;
/// - **numbers**: whole numbers within `1...11` make a scale of as many points as the largest
///   answer; values that look like missing codes become missing codes;
/// - **text**: answers of a known Likert vocabulary (`LikertVocabulary`: agreement,
///   frequency, satisfaction, importance, in Indonesian and English) make that scale in its
///   order, whatever spelling, abbreviation or language the answers use; "no answer" texts
///   (`NA`, `Tidak tahu`, …) become missing labels; other text with 3 to 11 distinct answers
///   makes a scale in alphabetical order, marked for review.
///
/// Columns of other content (timestamps, names, ids, free text, numbers beyond a rating scale)
/// are left out and listed. Item ids are the header or variable name when it is an identifier,
/// else `Q1`, `Q2`, … (grid questions `Title [row]`: `C1_1`, `C1_2`, … with the title as the
/// construct's name); the header or variable label is the item's text. Constructs group the
/// items by the part of their id before the first `_`, else before the final digits (`comp_1`,
/// `comp_2` → `comp`; `IMAG1` → `IMAG`; `X1_BL1` → `X1`). Everything guessed is listed in
/// ``review`` and marked `# REVIEW` in the YAML.
///
/// The codebook reads the file it was made from without problems: every answer in an item column
/// is a point, a label or a missing value of its scale.
public struct CodebookScaffold: Sendable {
  /// A column left out, and why.
  public struct SkippedColumn: Sendable, Equatable {
    /// The column's header or variable name.
    public var name: String
    /// Why it is not an item.
    public var reason: String
  }

  /// The codebook (validated).
  public var codebook: Codebook
  /// What to check before relying on it.
  public var review: [String]
  /// Columns that are not items.
  public var skippedColumns: [SkippedColumn]
  /// For each scale id, the review remark that belongs to it (printed beside the scale).
  var scaleRemarks: [String: String]

  /// A scaffold for `sheet`; `instrumentName` names the instrument (default: the file's name).
  public init(sheet: DataSheet, instrumentName: String? = nil) throws(CodebookError) {
    var builder = ScaffoldBuilder(sheet: sheet)
    builder.run()
    let name = instrumentName ?? ScaffoldBuilder.instrumentName(from: sheet.source)
    let codebook = Codebook(
      instrument: .init(name: name), languages: builder.languages, scales: builder.scales,
      constructs: builder.constructs, items: builder.items,
      missingCodes: builder.missingCodes.sorted(), missingLabels: builder.missingLabels)
    guard !codebook.items.isEmpty else {
      throw .noItems(source: sheet.source)
    }
    self.codebook = try codebook.validated(source: "codebook for \(sheet.source)")
    review = builder.review
    skippedColumns = builder.skipped
    scaleRemarks = builder.scaleRemarks
  }
}

/// The work behind ``CodebookScaffold``.
struct ScaffoldBuilder {
  let sheet: DataSheet
  var items: [CodebookItem] = []
  var scales: [LikertScale] = []
  var constructs: [ConstructDefinition] = []
  var missingCodes: Set<Double> = []
  var missingLabels: [String] = []
  var languages: [String] = []
  var review: [String] = []
  var skipped: [CodebookScaffold.SkippedColumn] = []
  var scaleRemarks: [String: String] = [:]

  /// Largest scale read from numbers.
  static let maximumPoints = 11

  init(sheet: DataSheet) { self.sheet = sheet }

  /// A column's answers as one scale.
  struct ColumnScale {
    var points: Int
    /// Per language, per point, a label (complete or absent).
    var labels: [String: [String]]
    /// Where it came from, for the scale's id: a vocabulary id, `labels`, `points`, `guess`.
    var origin: String
    var remark: String?
  }

  static func instrumentName(from source: String) -> String {
    var name = source
    if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
    if let space = name.firstIndex(of: " ") { name = String(name[..<space]) }
    if let dot = name.lastIndex(of: "."), dot > name.startIndex { name = String(name[..<dot]) }
    return name.isEmpty ? "INSTRUMENT" : name
  }

  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, text.count <= 32,
      ("a"..."z").contains(first) || ("A"..."Z").contains(first)
    else { return false }
    return text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        || $0 == "."
    }
  }

  /// The construct an identifier belongs to: before the first `_`, else before final digits.
  static func prefix(of id: String) -> String {
    if let underscore = id.firstIndex(of: "_"), underscore > id.startIndex {
      return String(id[..<underscore])
    }
    var end = id.endIndex
    while end > id.startIndex, id[id.index(before: end)].isNumber { end = id.index(before: end) }
    while end > id.startIndex, id[id.index(before: end)] == "." { end = id.index(before: end) }
    return end > id.startIndex ? String(id[..<end]) : id
  }

  /// Headers that name respondents: `id`, `respondent`, `responden`, `no`, `nomor`, `case`,
  /// `kode`, and names ending in `_id` or ` id`.
  static func looksLikeIDColumn(_ header: String) -> Bool {
    let key = TextKey(header).value
    let names: Set<String> = [
      "id", "respondent", "responden", "respondent id", "respondent_id", "no", "no.", "nomor",
      "case", "caseid", "case id", "kode", "code", "nr",
    ]
    return names.contains(key) || key.hasSuffix("_id") || key.hasSuffix(" id")
  }

  static func isMissingLikeCode(_ value: Double) -> Bool {
    value < 0 || [97, 98, 99, 999, 9999].contains(value)
  }

  mutating func run() {
    var seenHeaders: Set<TextKey> = []
    var usedIDs = Set(sheet.columns.map(\.name).filter(Self.isIdentifier).map { $0.lowercased() })
    var gridConstructs: [String: String] = [:]  // title key → construct id
    var gridCounts: [String: Int] = [:]
    var questionNumber = 0
    var languageVotes: [String: Int] = [:]
    var columnScales: [(item: CodebookItem, scale: ColumnScale)] = []
    var constructNames: [String: String] = [:]

    for column in sheet.columns {
      let header = column.name.trimmingWhitespace
      let key = TextKey(header)
      guard !key.isEmpty else {
        if column.cells.contains(where: { !$0.isBlank }) {
          skipped.append(.init(name: "(no header)", reason: "the column has no header"))
        }
        continue
      }
      guard seenHeaders.insert(key).inserted else {
        skipped.append(.init(name: header, reason: "a second column with this header"))
        continue
      }
      if Self.looksLikeIDColumn(header), Set(column.cells.map(\.text)).count == column.cells.count {
        skipped.append(.init(name: header, reason: "an id column (name it with --id-column)"))
        continue
      }
      let scale: ColumnScale
      switch classify(column) {
      case .skip(let reason):
        skipped.append(.init(name: header, reason: reason))
        continue
      case .scale(let found, let language):
        scale = found
        if let language { languageVotes[language, default: 0] += 1 }
      }
      // The item's id, text and construct.
      var id: String
      var text: String?
      var construct: String
      if Self.isIdentifier(header) {
        id = header
        text = column.label
        construct = Self.prefix(of: id)
      } else if let grid = LooseText.gridParts(header) {
        let titleKey = TextKey(grid.title).value
        let constructID =
          gridConstructs[titleKey]
          ?? {
            var k = gridConstructs.count + 1
            while usedIDs.contains("c\(k)") { k += 1 }
            return "C\(k)"
          }()
        gridConstructs[titleKey] = constructID
        constructNames[constructID] = grid.title.isEmpty ? nil : grid.title
        let n = gridCounts[constructID, default: 0] + 1
        gridCounts[constructID] = n
        id = "\(constructID)_\(n)"
        text = header
        construct = constructID
      } else {
        repeat {
          questionNumber += 1
          id = "Q\(questionNumber)"
        } while usedIDs.contains(id.lowercased())
        text = header
        construct = "Q"
      }
      usedIDs.insert(id.lowercased())
      var item = CodebookItem(id: id, construct: construct)
      if let text, TextKey(text) != TextKey(id) { item.text = ["": text] }
      columnScales.append((item, scale))
    }

    // Languages: the one most answers were in first, then the vocabularies' others.
    let primary =
      languageVotes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
      ?? (columnScales.contains { $0.scale.labels.keys.contains("id") } ? "id" : "en")
    languages = [primary] + ["id", "en"].filter { $0 != primary }

    // Scales: one per distinct content.
    var scaleIDs: [String: String] = [:]  // content key → id
    for (item, found) in columnScales {
      var scale = found
      if let unknown = scale.labels.removeValue(forKey: ""), scale.labels[primary] == nil {
        scale.labels[primary] = unknown
      }
      let content =
        "\(scale.points)|"
        + scale.labels.keys.sorted().map { "\($0)=\(scale.labels[$0] ?? [])" }.joined(
          separator: "|")
      let scaleID: String
      if let existing = scaleIDs[content] {
        scaleID = existing
      } else {
        var candidate = scale.origin
        var k = 2
        while scales.contains(where: { $0.id == candidate }) {
          candidate = "\(scale.origin)_\(k)"
          k += 1
        }
        scaleID = candidate
        scaleIDs[content] = scaleID
        scales.append(LikertScale(id: scaleID, points: scale.points, labels: scale.labels))
      }
      if let remark = scale.remark, scaleRemarks[scaleID] == nil { scaleRemarks[scaleID] = remark }
      var item = item
      item.scale = scaleID
      if let text = item.text[""] { item.text = [primary: text] }
      items.append(item)
    }

    // Constructs in order of first item.
    var seen: Set<String> = []
    for item in items where seen.insert(item.construct).inserted {
      var definition = ConstructDefinition(id: item.construct)
      if let name = constructNames[item.construct] { definition.name = [primary: name] }
      constructs.append(definition)
    }
    if !items.isEmpty {
      review.append(
        "constructs were guessed (\(constructs.map(\.id).joined(separator: ", "))): items grouped by the start of their ids\(gridConstructs.isEmpty ? "" : " and by grid question"); check them, name them and set mode B where a construct is formative"
      )
    }
    // A code that is also a point of some scale cannot be a missing code.
    missingCodes = missingCodes.filter { code in
      !scales.contains { code >= 1 && code <= Double($0.points) }
    }
  }

  enum Classification {
    case skip(String)
    case scale(ColumnScale, language: String?)
  }

  /// What a column holds (see ``CodebookScaffold``).
  mutating func classify(_ column: DataColumn) -> Classification {
    let decimalComma = sheet.delimiter.map { $0 != .comma } ?? false
    var numbers: [Double] = []
    var texts: [String] = []
    var declared: [Double] = []
    for cell in column.cells {
      switch cell {
      case .empty: continue
      case .declaredMissing(let code): if let code { declared.append(code) }
      case .number(let value): numbers.append(value)
      case .text(let raw):
        let text = raw.trimmingWhitespace
        if text.isEmpty { continue }
        if let value = DataSheet.decimal(text, decimalComma: decimalComma) {
          numbers.append(value)
        } else {
          texts.append(text)
        }
      }
    }
    // "No answer" texts (NA, Tidak tahu, …) are missing labels, whatever the other answers.
    texts = texts.filter { text in
      guard LikertVocabulary.missingAnswers.contains(where: { TextKey($0) == TextKey(text) }) else {
        return true
      }
      addMissingLabel(text)
      return false
    }
    guard !numbers.isEmpty || !texts.isEmpty else {
      return .skip(declared.isEmpty ? "the column is empty" : "every value is declared missing")
    }
    let rows = max(sheet.rowCount, 1)

    // Value labels (SPSS, Stata).
    if !column.valueLabels.isEmpty, texts.isEmpty {
      var pointLabels: [Int: String] = [:]
      var extraLabels: [ValueLabel] = []
      for label in column.valueLabels {
        let v = label.value
        if v == v.rounded(), v >= 1, v <= 1000, !Self.isMissingLikeCode(v), !declared.contains(v) {
          pointLabels[Int(v)] = label.label
        } else {
          extraLabels.append(label)
        }
      }
      let observed = numbers.filter { !Self.isMissingLikeCode($0) }
      let top = observed.max() ?? 0
      guard top <= 1000 else { return .skip("values beyond a rating scale") }
      let largest = max(pointLabels.keys.max() ?? 0, Int(top.rounded(.up)))
      guard largest >= 2, observed.allSatisfy({ $0 >= 1 && $0 <= Double(largest) }) else {
        return .skip("values outside the labelled scale")
      }
      for label in extraLabels
      where Self.isMissingLikeCode(label.value) || declared.contains(label.value) {
        missingCodes.insert(label.value)
        addMissingLabel(label.label)
      }
      for value in numbers where Self.isMissingLikeCode(value) { missingCodes.insert(value) }
      for code in declared where !(code >= 1 && code <= Double(largest)) {
        missingCodes.insert(code)
      }
      let complete = (1...largest).allSatisfy { pointLabels[$0] != nil }
      let labels = complete ? (1...largest).compactMap { pointLabels[$0] } : []
      if complete, let match = LikertVocabulary.matching(labels) {
        var all = vocabularyLabels(
          match.vocabulary, using: labels.map { Optional($0) }, language: match.language)
        all[match.language] = labels
        return .scale(
          ColumnScale(points: largest, labels: all, origin: match.vocabulary.id),
          language: match.language)
      }
      return .scale(
        ColumnScale(
          points: largest, labels: complete ? ["": labels] : [:], origin: "labels\(largest)",
          remark: complete
            ? nil : "value labels do not cover every point 1–\(largest): the scale has no labels"),
        language: nil)
    }

    // Numbers only.
    if texts.isEmpty {
      let core = numbers.filter { !Self.isMissingLikeCode($0) }
      guard core.allSatisfy({ $0 == $0.rounded() && $0 >= 1 && $0 <= Double(Self.maximumPoints) })
      else {
        let distinct = Set(numbers).count
        if distinct == numbers.count, numbers.count == rows {
          return .skip("a different number in every row (an id?)")
        }
        return .skip("numbers beyond a rating scale of 1 to \(Self.maximumPoints) points")
      }
      let largest = Int(core.max() ?? 0)
      guard largest >= 2 else { return .skip("no answer above 1: no rating scale to read") }
      for value in numbers where Self.isMissingLikeCode(value) { missingCodes.insert(value) }
      return .scale(
        ColumnScale(
          points: largest, labels: [:], origin: "points\(largest)",
          remark:
            "a \(largest)-point scale because the largest answer is \(largest); raise `points` if the questionnaire offered more"
        ),
        language: nil)
    }

    // Text, perhaps with numbers.
    var answers: [String] = []
    var seen: Set<TextKey> = []
    for text in texts where seen.insert(TextKey(text)).inserted { answers.append(text) }
    if let match = LikertVocabulary.matching(answers) {
      let points = match.vocabulary.points
      guard numbers.allSatisfy({ ($0 >= 1 && $0 <= Double(points)) || Self.isMissingLikeCode($0) })
      else {
        return .skip("numbers mixed with labels outside the scale")
      }
      for value in numbers where Self.isMissingLikeCode(value) { missingCodes.insert(value) }
      // The data's own spelling (without an abbreviation) for the points it uses.
      var own = [String?](repeating: nil, count: points)
      for answer in answers {
        if let found = match.vocabulary.point(of: answer), found.language == match.language {
          own[found.point - 1] = own[found.point - 1] ?? LooseText.baseLabel(answer)
        }
      }
      let labels = vocabularyLabels(match.vocabulary, using: own, language: match.language)
      let used = Set(answers.compactMap { match.vocabulary.point(of: $0)?.point })
      let remark =
        used.count < points
        ? "answers use \(used.count) of the \(points) points of the \(match.vocabulary.id) scale; check that the questionnaire offered all \(points)"
        : nil
      return .scale(
        ColumnScale(points: points, labels: labels, origin: match.vocabulary.id, remark: remark),
        language: match.language)
    }
    let distinct = answers.count
    guard distinct >= 3, distinct <= Self.maximumPoints, numbers.isEmpty,
      texts.count >= 2 * distinct
    else {
      if distinct == texts.count, texts.count == rows {
        return .skip("a different text in every row (an id or a name?)")
      }
      return .skip("text that is not a rating scale (\(distinct) different answers)")
    }
    let ordered = answers.sorted { $0.lowercased() < $1.lowercased() }
    return .scale(
      ColumnScale(
        points: distinct, labels: ["": ordered], origin: "guess\(distinct)",
        remark:
          "the order of the labels is a guess (alphabetical): put them from the lowest point up"),
      language: nil)
  }

  /// A vocabulary's labels in every language, with `own` spellings (where given) in `language`.
  func vocabularyLabels(_ vocabulary: LikertVocabulary, using own: [String?], language: String)
    -> [String: [String]]
  {
    var result: [String: [String]] = [:]
    for (lang, points) in vocabulary.labels {
      result[lang] = points.enumerated().map { index, spellings in
        if lang == language, index < own.count, let mine = own[index] { return mine }
        return spellings[0]
      }
    }
    return result
  }

  mutating func addMissingLabel(_ label: String) {
    if !missingLabels.contains(where: { TextKey($0) == TextKey(label) }) {
      missingLabels.append(label)
    }
  }
}
