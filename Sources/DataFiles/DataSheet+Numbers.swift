extension DataSheet {
  /// A cell that is not a number, the first of its column.
  public struct NonNumericCell: Sendable, Equatable {
    /// The column's name.
    public var column: String
    /// The cell's row number (see ``DataSheet/rowNumbers``).
    public var row: Int
    /// The cell's text as messages show it.
    public var value: String
    /// True when the text is a number beyond a double's range, `Inf` or `NaN`.
    public var isNonFinite: Bool
  }

  /// The sheet's columns as numbers, for a numeric analysis.
  public struct NumericColumns: Sendable, Equatable {
    /// The names of the numeric columns.
    public var names: [String]
    /// Their values, `Double.nan` where missing.
    public var values: [[Double]]
    /// The first bad cell of each column that is not numeric, in column order.
    public var nonNumeric: [NonNumericCell]
    /// The 1-based positions of columns without a name (left out).
    public var unnamed: [Int]
  }

  /// Spellings of a missing cell besides the empty one, compared case-insensitively (the
  /// engine's CSV reader, `DataTable`, uses the same list).
  public static let missingSpellings: Set<String> = [
    "na", "n/a", "#n/a", ".", "-", "null", "missing",
  ]

  /// The columns as numbers: number cells as they are, empty and declared-missing cells and
  /// ``missingSpellings`` as missing, text as a decimal number (`-99`, `3.5`; `3,5` too when the
  /// file is semicolon-separated), and values equal to one of `missingCodes` as missing. A
  /// column holding any other text, or a non-finite number, is listed in
  /// ``NumericColumns/nonNumeric`` instead. Columns without a name are left out.
  public func numericColumns(missingCodes: [Double] = []) -> NumericColumns {
    let decimalComma = delimiter == .semicolon
    var result = NumericColumns(names: [], values: [], nonNumeric: [], unnamed: [])
    columnLoop: for (j, column) in columns.enumerated() {
      let name = column.name.trimmedWhitespace
      guard !name.isEmpty else {
        if column.cells.contains(where: { !$0.isBlank }) { result.unnamed.append(j + 1) }
        continue
      }
      var values = [Double](repeating: .nan, count: column.cells.count)
      for (i, cell) in column.cells.enumerated() {
        let value: Double
        switch cell {
        case .empty, .declaredMissing: continue
        case .number(let number): value = number
        case .text(let text):
          let trimmed = text.trimmedWhitespace
          if trimmed.isEmpty || Self.missingSpellings.contains(trimmed.lowercased()) { continue }
          guard let number = Self.decimal(trimmed, decimalComma: decimalComma) else {
            let nonFinite = Double(trimmed).map { !$0.isFinite } ?? false
            result.nonNumeric.append(
              NonNumericCell(
                column: name, row: rowNumbers[i], value: String(trimmed.prefix(40)),
                isNonFinite: nonFinite))
            continue columnLoop
          }
          value = number
        }
        guard value.isFinite else {
          result.nonNumeric.append(
            NonNumericCell(
              column: name, row: rowNumbers[i], value: cell.text, isNonFinite: true))
          continue columnLoop
        }
        values[i] = missingCodes.contains(value) ? .nan : value
      }
      result.names.append(name)
      result.values.append(values)
    }
    return result
  }

  /// A plain decimal `[+-]digits[.digits][e[+-]digits]` (one `,` for the point with
  /// `decimalComma`), finite; nil otherwise.
  ///
  /// Stricter than `Double(String)`, which also accepts `nan`, `inf` and hexadecimal forms that
  /// no data export means as values. With `decimalComma`, a single `,` may stand for the decimal
  /// point (`3,5`), as in semicolon-separated exports of many locales. The one number parser of
  /// data cells: the numeric columns here and the survey's response cells and codebook scaffold.
  public static func decimal(_ text: String, decimalComma: Bool) -> Double? {
    var bytes = Array(text.utf8)
    var i = 0
    if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
      i += 1
      digits += 1
    }
    if i < bytes.count,
      bytes[i] == UInt8(ascii: ".") || (decimalComma && bytes[i] == UInt8(ascii: ","))
    {
      bytes[i] = UInt8(ascii: ".")
      i += 1
      while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
        i += 1
        digits += 1
      }
    }
    guard digits > 0 else { return nil }
    if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      var exponentDigits = 0
      while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
        i += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return nil }
    }
    guard i == bytes.count, let value = Double(String(decoding: bytes, as: UTF8.self)),
      value.isFinite
    else { return nil }
    return value
  }
}
