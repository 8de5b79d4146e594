import DelimitedText

/// Reads a questionnaire export (CSV, semicolon-separated or TSV) into ``SurveyResponses``
/// with a ``Codebook``.
///
/// What it does, in order:
///
/// 1. Tokenises the file with `DelimitedText` (delimiter detection, UTF-8 BOM, quoted fields
///    with embedded delimiters and line breaks).
/// 2. Matches each header to a codebook item by the item's id or its question text in any
///    language, ignoring case and whitespace (online-form exports use the question as the
///    header). Other columns — timestamps, names, free text — are ignored with a note.
/// 3. Converts each item cell: empty cells, missing labels and missing codes become missing;
///    numbers (with a decimal comma in semicolon- or tab-separated files, see
///    ``ResponseReadOptions/DecimalComma``) must lie within the item's scale `1...points`;
///    text must be a scale label in any language of the codebook. Reverse-coded items are
///    recoded `points + 1 − x`.
/// 4. Reports every problem with its row, column and item (``ResponseIssue``): strict reads
///    throw them all at the end, lenient reads mark the cells missing, skip malformed records,
///    and return them in ``SurveyResponses/issues``.
public struct ResponseReader: Sendable {
  /// The codebook that names the items.
  public var codebook: Codebook
  /// Strictness, delimiter, decimal commas, reverse coding and extra missing codes.
  public var options: ResponseReadOptions

  /// A reader for `codebook` with `options`.
  public init(codebook: Codebook, options: ResponseReadOptions = ResponseReadOptions()) {
    self.codebook = codebook
    self.options = options
  }

  /// Reads the file at `path`.
  public func read(contentsOfFile path: String) throws(SurveyError) -> SurveyResponses {
    let text: DelimitedTextReader
    do {
      text = try DelimitedTextReader(contentsOfFile: path, delimiter: options.delimiter)
    } catch {
      throw .text(error)
    }
    return try read(text)
  }

  /// Reads response-file bytes; `source` names them in messages.
  public func read(bytes: [UInt8], source: String = "<responses>") throws(SurveyError)
    -> SurveyResponses
  {
    let text: DelimitedTextReader
    do {
      text = try DelimitedTextReader(bytes: bytes, delimiter: options.delimiter, source: source)
    } catch {
      throw .text(error)
    }
    return try read(text)
  }

  /// Reads the records of an already opened delimited text.
  public func read(_ text: DelimitedTextReader) throws(SurveyError) -> SurveyResponses {
    let source = text.source
    let records: [(line: Int, fields: [String])]
    do {
      records = try text.records()
    } catch {
      throw .text(error)
    }
    guard let header = records.first else { throw .noRespondents(source: source) }
    var issues: [ResponseIssue] = []
    guard records.count > 1 else { throw .noRespondents(source: source) }
    let plan = try columnPlan(
      header: header.fields, line: header.line, source: source, issues: &issues)

    let decimalComma =
      switch options.decimalComma {
      case .always: true
      case .never: false
      case .automatic: text.delimiter != .comma
      }
    let converters = plan.map { entry in
      CellConverter(
        codebook: codebook, item: codebook.items[entry.item], reverse: options.reverseCoding,
        additionalMissingCodes: options.additionalMissingCodes, decimalComma: decimalComma)
    }

    var columns = Array(repeating: [Double](), count: plan.count)
    var lines: [Int] = []
    for (offset, record) in records.dropFirst().enumerated() {
      let row = offset + 2
      if header.fields.count > 1, record.fields.allSatisfy({ $0.trimmingWhitespace.isEmpty }) {
        issues.append(ResponseIssue(source: source, kind: .blankLine, line: record.line, row: row))
        continue
      }
      guard record.fields.count == header.fields.count else {
        issues.append(
          ResponseIssue(
            source: source,
            kind: .wrongFieldCount(expected: header.fields.count, found: record.fields.count),
            line: record.line, row: row))
        continue
      }
      for (position, entry) in plan.enumerated() {
        switch converters[position].convert(record.fields[entry.column]) {
        case .value(let value):
          columns[position].append(value)
        case .problem(let kind):
          columns[position].append(.nan)
          issues.append(
            ResponseIssue(
              source: source, kind: kind, line: record.line, row: row, column: entry.column + 1,
              columnName: header.fields[entry.column], item: codebook.items[entry.item].id))
        }
      }
      lines.append(record.line)
    }

    let problems = issues.filter { $0.severity == .problem }
    if options.strictness == .strict, !problems.isEmpty {
      throw .invalidResponses(source: source, problems: problems)
    }
    guard !lines.isEmpty else { throw .noRespondents(source: source) }
    let itemIDs = plan.map { codebook.items[$0.item].id }
    let reversed =
      options.reverseCoding ? plan.map { codebook.items[$0.item] }.filter(\.reverse).map(\.id) : []
    return SurveyResponses(
      source: source, codebook: codebook, itemIDs: itemIDs, respondentCount: lines.count,
      values: columns.flatMap { $0 }, lines: lines, reverseCodedItems: reversed, issues: issues)
  }

  /// Which file column holds each item present, in codebook order; records header issues.
  func columnPlan(header: [String], line: Int, source: String, issues: inout [ResponseIssue])
    throws(SurveyError)
    -> [(item: Int, column: Int)]
  {
    let index = codebook.headerIndex()
    var columnOfItem = [Int?](repeating: nil, count: codebook.items.count)
    var firstColumnOfName: [TextKey: Int] = [:]
    for (column, name) in header.enumerated() {
      let key = TextKey(name)
      func issue(_ kind: ResponseIssue.Kind, item: String? = nil) {
        issues.append(
          ResponseIssue(
            source: source, kind: kind, line: line, row: 1, column: column + 1, columnName: name,
            item: item))
      }
      if key.isEmpty {
        issue(.emptyHeader)
        continue
      }
      let repeated = firstColumnOfName[key] != nil
      if !repeated { firstColumnOfName[key] = column }
      guard let itemIndex = index[key] else {
        issue(repeated ? .duplicateIgnoredHeader(name) : .ignoredColumn(name))
        continue
      }
      let itemID = codebook.items[itemIndex].id
      if repeated {
        issue(.duplicateHeader(name), item: itemID)
      } else if let first = columnOfItem[itemIndex] {
        issue(.duplicateItemColumn(item: itemID, firstColumn: first + 1), item: itemID)
      } else {
        columnOfItem[itemIndex] = column
      }
    }
    var plan: [(item: Int, column: Int)] = []
    for (itemIndex, column) in columnOfItem.enumerated() {
      if let column {
        plan.append((itemIndex, column))
      } else {
        let id = codebook.items[itemIndex].id
        issues.append(ResponseIssue(source: source, kind: .itemNotInData(id), item: id))
      }
    }
    guard !plan.isEmpty else { throw .noItemColumns(source: source, header: header) }
    return plan
  }
}
