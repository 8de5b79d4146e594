import DelimitedText

/// Delimited text (CSV, semicolon-separated, TSV) as a ``DataSheet`` of text cells.
enum DelimitedTextSheet {
  /// The first record is the header; every later record of as many fields is a row of text
  /// cells. Blank records and records of another field count are listed in
  /// ``DataSheet/skippedRecords`` (the consumer decides whether they are errors).
  static func read(bytes: [UInt8], source: String, delimiter: Delimiter?) throws(DataFileError)
    -> DataSheet
  {
    let reader: DelimitedTextReader
    do {
      reader = try DelimitedTextReader(bytes: bytes, delimiter: delimiter, source: source)
    } catch {
      throw .text(error)
    }
    var header: [String] = []
    var columns: [[DataCell]] = []
    var rowNumbers: [Int] = []
    var lines: [Int] = []
    var skipped: [DataSheet.SkippedRecord] = []
    do {
      try reader.forEachRecord { index, line, fields in
        if index == 0 {
          header = fields
          columns = Array(repeating: [], count: fields.count)
          return
        }
        let row = index + 1
        // An empty line (one empty field) or a record of blank fields, in a file of several
        // columns; in a file of one column it is a row with an empty cell.
        if header.count > 1, fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
          skipped.append(.init(row: row, line: line, reason: .blank))
          return
        }
        guard fields.count == header.count else {
          skipped.append(
            .init(
              row: row, line: line,
              reason: .wrongFieldCount(expected: header.count, found: fields.count)))
          return
        }
        for (j, field) in fields.enumerated() {
          columns[j].append(field.isEmpty ? .empty : .text(field))
        }
        rowNumbers.append(row)
        lines.append(line)
      }
    } catch let error as DelimitedTextError {
      throw .text(error)
    } catch {
      throw .unreadable(source: source, reason: String(describing: error))
    }
    return DataSheet(
      source: source, format: .delimitedText,
      columns: zip(header, columns).map { DataColumn(name: $0, cells: $1) },
      rowNumbers: rowNumbers, lines: lines, delimiter: reader.delimiter, skippedRecords: skipped)
  }
}
