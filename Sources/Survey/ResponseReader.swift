import DataFiles
import DelimitedText

/// Reads questionnaire responses — a CSV/TSV export, an Excel or Google Sheets workbook, an SPSS
/// or Stata file — into ``SurveyResponses`` with a ``Codebook``.
///
/// What it does, in order:
///
/// 1. Reads the file with `DataFiles` (format chosen by content: delimited text with the
///    delimiter detected, `.xlsx`, `.sav`/`.zsav`/`.por`, `.dta`).
/// 2. Matches each column to a codebook item by the item's id or its question text in any
///    language, through its header or (SPSS, Stata) its variable label, ignoring case and
///    whitespace (online-form exports use the question as the header). Other columns —
///    timestamps, names, free text — are ignored with a note.
/// 3. Converts each item cell: empty cells, missing labels, missing codes and values the file
///    declares missing become missing; numbers (with a decimal comma in semicolon- or
///    tab-separated files, see ``ResponseReadOptions/DecimalComma``) must lie within the item's
///    scale `1...points`; text must be a scale label in any language of the codebook.
///    Reverse-coded items are recoded `points + 1 − x`.
/// 4. Reports every problem with its row, column and item (``ResponseIssue``): strict reads
///    throw them all at the end, lenient reads mark the cells missing, skip malformed records,
///    and return them in ``SurveyResponses/issues``.
public struct ResponseReader: Sendable {
  /// The codebook that names the items.
  public var codebook: Codebook
  /// Strictness, delimiter, decimal commas, reverse coding, extra missing codes, the id column.
  public var options: ResponseReadOptions

  /// A reader for `codebook` with `options`.
  public init(codebook: Codebook, options: ResponseReadOptions = ResponseReadOptions()) {
    self.codebook = codebook
    self.options = options
  }

  /// Reads the file at `path`, in any format `DataFiles` reads.
  public func read(contentsOfFile path: String) throws(SurveyError) -> SurveyResponses {
    let sheet: DataSheet
    do {
      sheet = try DataFileReader.read(contentsOfFile: path, options: fileOptions)
    } catch {
      throw SurveyError(error)
    }
    return try read(sheet)
  }

  /// Reads response-file bytes in any format `DataFiles` reads; `source` names them in messages.
  public func read(bytes: [UInt8], source: String = "<responses>") throws(SurveyError)
    -> SurveyResponses
  {
    let sheet: DataSheet
    do {
      sheet = try DataFileReader.read(bytes: bytes, source: source, options: fileOptions)
    } catch {
      throw SurveyError(error)
    }
    return try read(sheet)
  }

  /// Reads the records of an already opened delimited text.
  public func read(_ text: DelimitedTextReader) throws(SurveyError) -> SurveyResponses {
    let sheet: DataSheet
    do {
      sheet = try DataFileReader.read(
        bytes: text.bytes, source: text.source,
        options: DataFileOptions(sheet: options.sheet, delimiter: text.delimiter))
    } catch {
      throw SurveyError(error)
    }
    return try read(sheet)
  }

  private var fileOptions: DataFileOptions {
    DataFileOptions(sheet: options.sheet, delimiter: options.delimiter)
  }

  /// Reads the rows of a data file already read into a sheet.
  public func read(_ sheet: DataSheet) throws(SurveyError) -> SurveyResponses {
    let source = sheet.source
    var issues: [ResponseIssue] = []
    guard sheet.rowCount > 0 || !sheet.skippedRecords.isEmpty else {
      throw .noRespondents(source: source)
    }
    let headerLine: Int? = sheet.format == .delimitedText ? 1 : nil
    let plan = try columnPlan(sheet: sheet, line: headerLine, issues: &issues)
    var idColumn: Int?
    if let name = options.idColumn {
      guard let index = sheet.columnIndex(named: name) else {
        throw .unknownIDColumn(source: source, column: name, header: sheet.columnNames)
      }
      idColumn = index
    }

    let decimalComma =
      switch options.decimalComma {
      case .always: true
      case .never: false
      case .automatic: sheet.delimiter.map { $0 != .comma } ?? false
      }
    let converters = plan.map { entry in
      CellConverter(
        codebook: codebook, item: codebook.items[entry.item], reverse: options.reverseCoding,
        additionalMissingCodes: options.additionalMissingCodes, decimalComma: decimalComma)
    }

    var columns = Array(repeating: [Double](), count: plan.count)
    var lines: [Int] = []
    var rows: [Int] = []
    var ids: [String] = []
    var skipped = sheet.skippedRecords[...]
    func flushSkipped(before row: Int?) {
      while let record = skipped.first, row.map({ record.row < $0 }) ?? true {
        skipped.removeFirst()
        switch record.reason {
        case .blank:
          issues.append(
            ResponseIssue(source: source, kind: .blankLine, line: record.line, row: record.row))
        case .wrongFieldCount(let expected, let found):
          issues.append(
            ResponseIssue(
              source: source, kind: .wrongFieldCount(expected: expected, found: found),
              line: record.line, row: record.row))
        }
      }
    }
    for i in 0..<sheet.rowCount {
      let row = sheet.rowNumbers[i]
      let line = sheet.lines?[i]
      flushSkipped(before: row)
      for (position, entry) in plan.enumerated() {
        let column = sheet.columns[entry.column]
        switch converters[position].convert(column.cells[i]) {
        case .value(let value):
          columns[position].append(value)
        case .problem(let kind):
          columns[position].append(.nan)
          issues.append(
            ResponseIssue(
              source: source, kind: kind, line: line, row: row, column: entry.column + 1,
              columnName: column.name, item: codebook.items[entry.item].id))
        }
      }
      lines.append(line ?? 0)
      rows.append(row)
      if let idColumn { ids.append(sheet.columns[idColumn].cells[i].text.trimmingWhitespace) }
    }
    flushSkipped(before: nil)
    issues += sheet.notes.map { ResponseIssue(source: source, kind: .fileNote($0)) }

    let problems = issues.filter { $0.severity == .problem }
    if options.strictness == .strict, !problems.isEmpty {
      throw .invalidResponses(source: source, problems: problems)
    }
    guard !rows.isEmpty else { throw .noRespondents(source: source) }
    let itemIDs = plan.map { codebook.items[$0.item].id }
    let reversed =
      options.reverseCoding ? plan.map { codebook.items[$0.item] }.filter(\.reverse).map(\.id) : []
    return SurveyResponses(
      source: source, codebook: codebook, itemIDs: itemIDs, respondentCount: rows.count,
      values: columns.flatMap { $0 }, lines: lines, rows: rows,
      respondentIDs: idColumn == nil ? nil : ids, idColumn: options.idColumn,
      reverseCodedItems: reversed, issues: issues)
  }

  /// Which column holds each item present, in codebook order; records header issues, with a
  /// "did you mean …?" suggestion for items without a column and columns without an item.
  func columnPlan(sheet: DataSheet, line: Int?, issues: inout [ResponseIssue])
    throws(SurveyError)
    -> [(item: Int, column: Int)]
  {
    let source = sheet.source
    let header = sheet.columnNames
    let matcher = HeaderMatcher(codebook: codebook)
    var columnOfItem = [Int?](repeating: nil, count: codebook.items.count)
    var firstColumnOfName: [TextKey: Int] = [:]
    // Ignored columns that may be misspelt items: (issue index, column, header, label).
    var unmatched: [(issue: Int, column: Int, header: String, label: String?)] = []
    for (column, name) in header.enumerated() {
      let key = TextKey(name)
      let label = sheet.columns[column].label
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
      guard let itemIndex = matcher.item(header: name, label: label) else {
        // The id column is read on purpose: no note.
        if let id = options.idColumn, TextKey(id) == key, !repeated { continue }
        if !repeated { unmatched.append((issues.count, column, name, label)) }
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
    let missingItems = columnOfItem.indices.filter { columnOfItem[$0] == nil }
    let compare = unmatched.count * missingItems.count <= HeaderMatcher.maximumPairs
    for (itemIndex, column) in columnOfItem.enumerated() {
      if let column {
        plan.append((itemIndex, column))
      } else {
        let id = codebook.items[itemIndex].id
        var issue = ResponseIssue(source: source, kind: .itemNotInData(id), item: id)
        if compare,
          let best = matcher.suggestion(
            forItem: itemIndex, unmatchedColumns: unmatched.map { ($0.column, $0.header, $0.label) }
          )
        {
          issue.suggestion =
            "the closest header is column \(best.column + 1) \"\(Self.shown(header[best.column]))\" (\(best.distance) character\(best.distance == 1 ? "" : "s") differ\(best.distance == 1 ? "s" : ""))"
        }
        issues.append(issue)
      }
    }
    if compare {
      for entry in unmatched {
        if let best = matcher.suggestion(
          header: entry.header, label: entry.label, unmatchedItems: missingItems)
        {
          let item = codebook.items[best.item]
          issues[entry.issue].suggestion =
            "did you mean item \(item.id)\(item.text.isEmpty ? "" : " (\(Self.shown(codebook.languages.compactMap { item.text[$0] }.first ?? item.text.values.sorted().first ?? "")))")? \(best.distance) character\(best.distance == 1 ? "" : "s") differ\(best.distance == 1 ? "s" : "")"
        }
      }
    }
    guard !plan.isEmpty else { throw .noItemColumns(source: source, header: header) }
    return plan
  }

  /// A text as hints show it: at most 60 characters.
  static func shown(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(57)) + "…" : text
  }
}
