import DelimitedText

extension DataTable {
  /// Reads a numeric table from delimited text: a header row of column names, then one row
  /// per observation.
  ///
  /// Empty cells, `NA`, `N/A`, `NaN`-free missing spellings (`.`, `-`) are missing. Cells equal to one of
  /// `missingCodes` (compared numerically, so `-99` matches `-99.0`) are missing. When the
  /// delimiter is a semicolon (as spreadsheets in decimal-comma locales write CSV), a decimal
  /// comma (`3,5`) is read as a decimal point. A column with a cell that is not a number (a
  /// timestamp, a name) is set aside in ``nonNumericColumns`` with its first bad cell:
  /// ``DataError/nonNumeric(source:row:column:value:)`` naming the row (as a spreadsheet numbers
  /// it, header = row 1) and the column, or for `Inf`, `NaN` and numbers too large for a `Double`
  /// ``DataError/nonFinite(source:row:column:value:)``; estimating a model that uses it throws
  /// that error.
  ///
  /// - Parameters:
  ///   - bytes: the file's contents.
  ///   - delimiter: the field separator; detected from the header when nil.
  ///   - missingCodes: numeric codes meaning "missing", such as `-99`.
  ///   - source: the file name for messages.
  public init(
    csvBytes bytes: [UInt8], delimiter: Delimiter? = .comma, missingCodes: [Double] = [],
    source: String
  )
    throws(DataError)
  {
    try self.init(
      csvBytes: bytes, delimiter: delimiter, missingCodes: missingCodes, source: source,
      allowFastPath: true)
  }

  /// ``init(csvBytes:delimiter:missingCodes:source:)`` with the fast path for quote-free data
  /// switched on or off: the two must agree on every input (tests and fuzzing compare them).
  @_spi(Testing)
  public init(
    csvBytes bytes: [UInt8], delimiter: Delimiter? = .comma, missingCodes: [Double] = [],
    source: String,
    allowFastPath: Bool
  ) throws(DataError) {
    let reader: DelimitedTextReader
    do {
      reader = try DelimitedTextReader(bytes: bytes, delimiter: delimiter, source: source)
    } catch {
      throw Self.translate(error)
    }
    var names: [String] = []
    var columns: ColumnBuffers?
    var sawRows = false
    var problems: [Int: DataError] = [:]
    var rowNumbers: [Int] = []
    let decimalComma = reader.delimiter == .semicolon
    let fastStart =
      allowFastPath ? Self.quoteFreeDataStart(bytes, delimiter: reader.delimiter.rawValue) : nil
    do {
      try reader.forEachRecord { index, line, fields in
        if index == 0 {
          names = fields.map { $0.trimmingSpaces }
          for (j, name) in names.enumerated() where name.isEmpty {
            // A trailing empty header field from a trailing delimiter is still an error: say where.
            throw DataError.emptyColumnName(source: source, column: j + 1)
          }
          var seen = Set<String>()
          for name in names where !seen.insert(name).inserted {
            throw DataError.duplicateColumn(name: name, source: source)
          }
          if fastStart != nil { throw StopAfterHeader() }
          return
        }
        sawRows = true
        let row = index + 1
        guard fields.count == names.count else {
          // A blank line inside the data is a row with one empty field.
          if fields.count == 1, fields[0].isEmpty { return }
          throw DataError.wrongFieldCount(
            source: source, row: row, found: fields.count, expected: names.count)
        }
        let buffers =
          columns
          ?? ColumnBuffers(
            count: names.count, capacity: Self.maximumRecords(in: bytes, width: names.count))
        columns = buffers
        for (j, field) in fields.enumerated() {
          do throws(DataError) {
            let value = try Self.parseCell(
              field, row: row, column: names[j], missingCodes: missingCodes,
              decimalComma: decimalComma, source: source)
            buffers.set(j, value)
          } catch {
            if problems[j] == nil { problems[j] = error }
            buffers.set(j, .nan)
          }
        }
        buffers.rows += 1
        rowNumbers.append(row)
      }
    } catch is StopAfterHeader {
      if let fastStart {
        columns = try Self.readQuoteFreeRecords(
          bytes, from: fastStart, delimiter: reader.delimiter.rawValue, names: names,
          missingCodes: missingCodes, decimalComma: decimalComma, source: source,
          problems: &problems, rowNumbers: &rowNumbers)
        sawRows = true
      }
    } catch let error as DataError {
      throw error
    } catch let error as DelimitedTextError {
      throw Self.translate(error)
    } catch {
      throw .unreadable(source: source, reason: String(describing: error))
    }
    guard !names.isEmpty else { throw .empty(source: source) }
    guard sawRows, let columns, columns.rows > 0 else { throw .noRows(source: source) }
    let numeric = names.indices.filter { problems[$0] == nil }
    let arrays = columns.arrays(numeric)
    try self.init(
      columnNames: numeric.map { names[$0] }, columns: arrays, source: source,
      nonNumericColumns: names.indices.compactMap { j in
        problems[j].map { NonNumericColumn(name: names[j], problem: $0) }
      }, rowNumbers: rowNumbers)
  }

  /// Reads a numeric table from a delimited text file; see ``init(csvBytes:delimiter:missingCodes:source:)``.
  public init(csvFile path: String, delimiter: Delimiter? = .comma, missingCodes: [Double] = [])
    throws(DataError)
  {
    guard let bytes = FileBytes.read(path) else {
      throw .unreadable(source: path, reason: "no such file, or not readable")
    }
    try self.init(csvBytes: bytes, delimiter: delimiter, missingCodes: missingCodes, source: path)
  }

  /// Stops the tokenizer after the header when the fast path reads the data.
  private struct StopAfterHeader: Error {}

  /// Where the data records start, when the fast path can read them: the header is one line
  /// whose fields are plain or simply quoted (`"name"`, no quote, line break or doubled quote
  /// inside), and no byte after it is a quote. Nil otherwise (the general tokenizer reads all).
  static func quoteFreeDataStart(_ bytes: [UInt8], delimiter: UInt8) -> Int? {
    let lf: UInt8 = 10
    let cr: UInt8 = 13
    let quote: UInt8 = 34
    return bytes.withUnsafeBufferPointer { b -> Int? in
      let end = b.count
      var i = (end >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
      var fieldStart = true
      var headerEnd: Int?
      while i < end {
        let c = b[i]
        if c == lf || c == cr {
          headerEnd = i + ((c == cr && i + 1 < end && b[i + 1] == lf) ? 2 : 1)
          break
        }
        if c == quote {
          guard fieldStart else { return nil }
          var j = i + 1
          while j < end, b[j] != quote {
            if b[j] == lf || b[j] == cr { return nil }
            j += 1
          }
          guard j < end else { return nil }
          i = j + 1
          if i < end, b[i] != delimiter, b[i] != lf, b[i] != cr { return nil }
          fieldStart = false
          continue
        }
        fieldStart = c == delimiter
        i += 1
      }
      guard let start = headerEnd else { return nil }
      for k in start..<end where b[k] == quote { return nil }
      return start
    }
  }

  /// The data records after the header, for text without quotes: the general tokenizer's rules
  /// (records end at LF, CRLF or CR; line breaks at the very end make no records; an empty line
  /// is a record of one empty field; fields must be UTF-8) and the general reader's checks and
  /// messages, in the same order, without making a `String` of every cell.
  static func readQuoteFreeRecords(
    _ bytes: [UInt8], from start: Int, delimiter: UInt8, names: [String], missingCodes: [Double],
    decimalComma: Bool, source: String, problems: inout [Int: DataError],
    rowNumbers: inout [Int]
  ) throws(DataError) -> ColumnBuffers? {
    let lf: UInt8 = 10
    let cr: UInt8 = 13
    let width = names.count
    var buffers: ColumnBuffers?
    var fields: [Range<Int>] = []
    fields.reserveCapacity(width)
    var found = problems
    var rows: [Int] = []
    defer {
      problems = found
      rowNumbers = rows
    }
    return try bytes.withUnsafeBufferPointer { b throws(DataError) -> ColumnBuffers? in
      let end = b.count
      var i = start
      var line = 2
      var index = 1
      var nonBlankAhead = start
      while i < end {
        if i >= nonBlankAhead, b[i] == lf || b[i] == cr {
          var j = i
          while j < end, b[j] == lf || b[j] == cr { j += 1 }
          if j == end { break }  // only line breaks remain: no more records
          nonBlankAhead = j
        }
        // One record: field ranges up to its line break.
        fields.removeAll(keepingCapacity: true)
        var fieldStart = i
        var high: UInt8 = 0
        while true {
          while i < end {
            let c = b[i]
            if c == delimiter || c == lf || c == cr { break }
            high |= c
            i += 1
          }
          fields.append(fieldStart..<i)
          if i == end { break }
          if b[i] == delimiter {
            i += 1
            fieldStart = i
            continue
          }
          i += (b[i] == cr && i + 1 < end && b[i + 1] == lf) ? 2 : 1
          break
        }
        if high & 0x80 != 0 {
          for (k, range) in fields.enumerated()
          where String(validating: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) == nil {
            throw Self.translate(
              DelimitedTextError(.invalidUTF8, source: source, line: line, column: k + 1))
          }
        }
        let row = index + 1
        if fields.count != width {
          // A blank line inside the data is a record of one empty field: skipped.
          guard fields.count == 1, fields[0].isEmpty else {
            throw .wrongFieldCount(source: source, row: row, found: fields.count, expected: width)
          }
        } else {
          let columns =
            buffers
            ?? ColumnBuffers(count: width, capacity: Self.maximumRecords(in: bytes, width: width))
          buffers = columns
          for (j, range) in fields.enumerated() {
            let cell = UnsafeBufferPointer(rebasing: b[range])
            let value: Double
            if let number = DecimalParser.parse(cell, decimalComma: decimalComma) {
              value = missingCodes.contains(number) ? .nan : number
            } else {
              do throws(DataError) {
                value = try Self.parseCell(
                  String(decoding: cell, as: UTF8.self), row: row, column: names[j],
                  missingCodes: missingCodes, decimalComma: decimalComma, source: source)
              } catch {
                if found[j] == nil { found[j] = error }
                value = .nan
              }
            }
            columns.set(j, value)
          }
          columns.rows += 1
          rows.append(row)
        }
        index += 1
        line += 1
      }
      return buffers
    }
  }

  /// An upper bound on the complete records of `width` fields in `bytes`: one more than its
  /// line breaks, and one more than its length over `width − 1` (each such record holds that
  /// many delimiters), so that the column buffers stay within a small multiple of the input
  /// even for a wide header over text of many line breaks.
  static func maximumRecords(in bytes: [UInt8], width: Int) -> Int {
    let breaks = bytes.withUnsafeBufferPointer { buffer in
      var count = 0
      for byte in buffer where byte == 10 || byte == 13 { count += 1 }
      return count
    }
    return min(breaks, bytes.count / max(width - 1, 1)) + 1
  }

  /// Spellings of a missing cell besides the empty string (compared case-insensitively).
  static let missingSpellings: Set<String> = ["na", "n/a", "#n/a", ".", "-", "null", "missing"]

  /// One cell: a number, or NaN when missing. With `decimalComma`, one `,` may stand for the
  /// decimal point.
  static func parseCell(
    _ raw: String, row: Int, column: String, missingCodes: [Double], decimalComma: Bool = false,
    source: String
  ) throws(DataError)
    -> Double
  {
    // Plain decimals, nearly every cell of a real file, take the exact fast path.
    var text = raw
    if let value = text.withUTF8({ DecimalParser.parse($0, decimalComma: decimalComma) }) {
      return missingCodes.contains(value) ? .nan : value
    }
    let original = raw.trimmingSpaces
    if original.isEmpty || missingSpellings.contains(original.lowercased()) { return .nan }
    var field = original
    if decimalComma, !field.contains("."), let comma = field.firstIndex(of: ","),
      field.lastIndex(of: ",") == comma
    {
      field.replaceSubrange(comma...comma, with: ".")
    }
    guard let value = Double(field) else {
      throw .nonNumeric(source: source, row: row, column: column, value: shown(original))
    }
    guard value.isFinite else {
      throw .nonFinite(source: source, row: row, column: column, value: shown(original))
    }
    if missingCodes.contains(value) { return .nan }
    return value
  }

  /// A cell as messages show it: at most 40 characters, control characters escaped (`\u{0}`).
  static func shown(_ field: String) -> String {
    var text = ""
    for scalar in field.unicodeScalars.prefix(40) {
      if scalar.properties.generalCategory == .control {
        text += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return field.unicodeScalars.count > 40 ? text + "…" : text
  }

  static func translate(_ error: DelimitedTextError) -> DataError {
    switch error.kind {
    case .empty: return .empty(source: error.source)
    default:
      return .malformed(
        source: error.source, line: error.line, column: error.column, reason: error.message)
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}

/// Column storage filled a row at a time: one buffer per column, allocated for the most rows
/// the text can hold, so that reading a cell is a store (no array growth, copies or uniqueness
/// checks on nested arrays). Pages past the rows actually read are never touched.
final class ColumnBuffers {
  private let buffers: [UnsafeMutablePointer<Double>]
  private let capacity: Int
  /// Rows completely stored.
  var rows = 0

  init(count: Int, capacity: Int) {
    self.capacity = max(capacity, 1)
    buffers = (0..<count).map { _ in
      UnsafeMutablePointer<Double>.allocate(capacity: max(capacity, 1))
    }
  }

  deinit {
    for buffer in buffers { buffer.deallocate() }
  }

  /// Stores the value of column `j` in the row after the last complete one.
  @inline(__always) func set(_ j: Int, _ value: Double) {
    guard rows < capacity else { return }  // unreachable: capacity bounds the records
    buffers[j][rows] = value
  }

  /// The columns at `indices` as arrays.
  func arrays(_ indices: [Int]) -> [[Double]] {
    indices.map { Array(UnsafeBufferPointer(start: buffers[$0], count: min(rows, capacity))) }
  }
}
